"""Key and account commands: recovery key, recovering with it, unlocking and resetting users."""

from __future__ import annotations

import argparse
from typing import Any

from . import CliApp, CliError
from .core import _read_secret, recovery_notice


def _user_id(ctx: Any, username: str) -> str:
    from ..services.accounts import list_users

    for user in list_users(ctx):
        if user.username == username:
            return user.id
    raise CliError(f"找不到用户：{username}")


def cmd_recovery_key(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.accounts import issue_recovery_key

    key = issue_recovery_key(app.ctx())
    app.out({"recovery_key": key}, "已生成新的恢复密钥，旧的作废。\n" + recovery_notice(key))
    return 0


def cmd_recover(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.accounts import recover

    ctx = app.recovery_ctx(_read_secret(args.recovery_key_file))
    user = recover(ctx, args.user, _read_secret(args.new_password_file))
    app.out(
        {"user": user.username},
        f"已用恢复密钥为 {user.username} 设置新密码；请用新密码登录",
    )
    return 0


def cmd_user_unlock(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.accounts import unlock_user

    ctx = app.ctx()
    unlock_user(ctx, _user_id(ctx, args.username))
    app.out({"unlocked": args.username}, f"已解锁 {args.username}，可以重新输入密码登录")
    return 0


def cmd_user_password(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.accounts import reset_password

    ctx = app.ctx()
    reset_password(ctx, _user_id(ctx, args.username), _read_secret(args.new_password_file))
    app.out({"user": args.username}, f"已为 {args.username} 设置新密码")
    return 0


def add_commands(sub: Any) -> None:
    p = sub.add_parser("recovery-key", help="生成新的恢复密钥（需管理员；旧的作废）")
    p.set_defaults(func=cmd_recovery_key)

    p = sub.add_parser("recover", help="忘记密码时：用恢复密钥为某个用户设置新密码")
    p.add_argument("--recovery-key-file", required=True, help="含恢复密钥的文件")
    p.add_argument("--user", required=True, help="要设置新密码的用户名")
    p.add_argument("--new-password-file", required=True, help="含新密码的文件")
    p.set_defaults(func=cmd_recover)

    p = sub.add_parser("user-unlock", help="解锁因多次输错密码而被暂时锁定的用户（需管理员）")
    p.add_argument("username")
    p.set_defaults(func=cmd_user_unlock)

    p = sub.add_parser("user-password", help="为某个用户重设密码（需管理员）")
    p.add_argument("username")
    p.add_argument("--new-password-file", required=True, help="含新密码的文件")
    p.set_defaults(func=cmd_user_password)
