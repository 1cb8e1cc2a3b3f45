"""Core commands: init, demo, search, backup, restore, check, user."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from . import CliApp, CliError


def _read_secret(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8").strip("\r\n")
    except OSError as exc:
        raise CliError(f"无法读取密码文件 {path}：{exc.strerror}") from exc


def cmd_init(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.setup import CommunityInput, run_setup

    password = app.password(args.admin)
    ctx = app.ctx(require_setup=False, as_user=args.admin)
    result = run_setup(
        ctx,
        CommunityInput(
            district_code=args.community_code,
            name=args.community_name,
            street_name=args.street or "",
        ),
        admin_username=args.admin,
        admin_password=password,
        admin_display_name=args.admin_name or "",
    )
    app.out(
        {
            "site_id": result.site_id,
            "community": result.community,
            "admin": result.admin.username,
            "key_id": result.key_id,
            "data_dir": str(ctx.data_dir.root),
            "recovery_key": result.recovery_key,
        },
        f"已初始化：{result.community.full_name}，管理员 {result.admin.username}，数据目录 {ctx.data_dir.root}\n"
        + (
            "还缺12位统计用区划代码：请用 afc community complete-code 代码 补全\n"
            if result.community.needs_code
            else f"统计用区划代码：{result.community.code}\n"
        )
        + recovery_notice(result.recovery_key),
    )
    return 0


def recovery_notice(recovery_key: str) -> str:
    """The recovery key as printed once: what it is and where it goes."""
    if not recovery_key:
        return ""
    return (
        f"恢复密钥（只显示这一次）：{recovery_key}\n"
        "请抄写或打印后锁进办公室保险柜，不要和电脑放在一起。"
        "所有密码都忘记时，只有它能打开本机数据和备份。"
    )


def cmd_demo(args: argparse.Namespace, app: CliApp) -> int:
    from ..services import demo
    from ..services.setup import CommunityInput, is_set_up, run_setup

    ctx = app.ctx(require_setup=False)
    note = ""
    if not is_set_up(ctx):
        note = "；演示账号 admin / admin123"
        run_setup(
            ctx,
            CommunityInput("320508018001", "梅巷社区", "平江街道", is_pilot=True),
            admin_username="admin",
            admin_password="admin123",
            admin_display_name="演示管理员",
        )
    ctx = app.ctx()
    if not 1 <= args.people <= 500_000:
        raise CliError("--people 应在 1 到 500000 之间", status=2)
    made = demo.populate(ctx, args.people, seed=args.seed, daily=not args.register_only)
    app.out(
        {"people": made, "data_dir": str(ctx.data_dir.root)},
        f"已生成 {made} 名演示居民（数据目录 {ctx.data_dir.root}{note}）",
    )
    return 0


def cmd_search(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.register import PersonQuery, person_rows, search_person_ids

    ctx = app.ctx()
    ids = search_person_ids(
        ctx,
        PersonQuery(
            text=args.query,
            categories=tuple(args.category or ()),
            age_band=args.age_band,
            elders_only=not args.all,
        ),
    )
    rows = person_rows(ctx, ids[: args.limit])
    text = "\n".join(
        f"{r.name}\t{r.sex}\t{r.age if r.age is not None else ''}\t{r.id_masked}\t{r.phone}\t{r.address}"
        for r in rows
    )
    app.out(
        {"total": len(ids), "rows": rows},
        f"{text}\n共 {len(ids)} 人" if rows else "没有找到匹配的人员",
    )
    return 0


def cmd_backup(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.backup import make_backup

    info = make_backup(app.ctx(), "manual")
    app.out(info, f"已备份到 {info.path}")
    return 0


def cmd_restore(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.backup import restore_backup

    ctx = app.ctx()
    ctx.require_admin()
    key = ctx.db.key
    app.close()
    app._ctx = None
    data_dir = app.data_dir()
    kept = restore_backup(data_dir, Path(args.file), key)
    app.out(
        {"restored": args.file, "previous_kept_as": str(kept)},
        f"已从 {args.file} 恢复；恢复前的数据库另存为 {kept}",
    )
    return 0


def cmd_check(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.health import check_installation

    unlocked = app.unlock()
    report = check_installation(app.data_dir(), unlocked.key if unlocked else None)
    lines = [
        f"数据目录：{report.data_dir}",
        f"数据库：{report.integrity_text}",
        f"结构版本：{', '.join(report.current) or '（新）'}；程序要求：{', '.join(report.heads)}",
        f"已完成设置：{'是' if report.set_up else '否'}",
    ]
    lines += [f"问题：{p}" for p in report.problems]
    app.out(report, "\n".join(lines))
    if not report.ok:
        raise CliError((report.problems or ["数据库损坏"])[0])
    return 0


def cmd_user_add(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.accounts import create_user

    view = create_user(
        app.ctx(),
        args.username,
        args.display_name or args.username,
        _read_secret(args.new_password_file),
        role=args.role,
    )
    app.out(view, f"已创建用户 {view.username}（{'管理员' if view.role == 'admin' else '社工'}）")
    return 0


def add_commands(sub: Any) -> None:
    p = sub.add_parser("init", help="非交互式首次设置")
    p.add_argument(
        "--community-code",
        required=True,
        help="12位统计用区划代码，如 320508018001（旧式6位区县代码也可，之后须补全）",
    )
    p.add_argument("--community-name", required=True, help="社区（村）名称")
    p.add_argument("--street", help="镇（街道）名称：只在参考数据没有代码中的街道时需要")
    p.add_argument("--admin", required=True, help="管理员用户名")
    p.add_argument("--admin-name", help="管理员姓名")
    p.set_defaults(func=cmd_init)  # the administrator's password: --password-file (global)

    p = sub.add_parser("demo", help="生成演示居民、家庭和地址")
    p.add_argument("--people", type=int, default=300)
    p.add_argument("--seed", type=int, default=2021)
    p.add_argument(
        "--register-only", action="store_true", help="只生成登记册，不生成演示走访、需求等日常工作"
    )
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("search", help="搜索登记册（姓名、拼音、身份证号、电话、地址）")
    p.add_argument("query")
    p.add_argument("--category", action="append", help="人员类别代码，可重复")
    p.add_argument("--age-band", help="年龄段：60-69 / 70-79 / 80-89 / 90+")
    p.add_argument("--all", action="store_true", help="包括非老人家庭成员")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("backup", help="立即备份数据库")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="从备份文件恢复数据库")
    p.add_argument("file")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("check", help="检查数据库完整性与结构版本")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("user-add", help="新增用户（需管理员）")
    p.add_argument("username")
    p.add_argument("--display-name")
    p.add_argument("--role", choices=["worker", "admin"], default="worker")
    p.add_argument("--new-password-file", required=True, help="含新用户密码的文件")
    p.set_defaults(func=cmd_user_add)
