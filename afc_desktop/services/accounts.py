"""Local accounts: argon2-hashed passwords, roles 社工 (worker) and 管理员 (admin), login."""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from ..store.models import User
from . import audit
from .context import AppContext, CurrentUser, ServiceError

ROLES = {"worker": "社工", "admin": "管理员"}
MIN_PASSWORD_LENGTH = 6
_hasher = PasswordHasher()


@dataclass(frozen=True)
class UserView:
    id: str
    username: str
    display_name: str
    role: str
    active: bool


def hash_password(password: str) -> str:
    """An argon2id hash of ``password``."""
    return _hasher.hash(password)


def _check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ServiceError(f"密码至少需要{MIN_PASSWORD_LENGTH}个字符", field="password")


def _as_current(user: User) -> CurrentUser:
    return CurrentUser(user.id, user.username, user.display_name, user.role)


def has_users(ctx: AppContext) -> bool:
    with ctx.session() as s:
        return bool(s.scalar(select(func.count()).select_from(User)))


def create_user(
    ctx: AppContext, username: str, display_name: str, password: str, role: str = "worker"
) -> UserView:
    """Create an account. Only an administrator may, except for the very first account."""
    username = username.strip()
    if not username:
        raise ServiceError("请填写用户名", field="username")
    if role not in ROLES:
        raise ServiceError(f"未知角色：{role}", field="role")
    _check_new_password(password)
    if has_users(ctx):
        ctx.require_admin()
    with ctx.session() as s:
        if s.scalar(select(User).where(User.username == username)):
            raise ServiceError(f"用户名“{username}”已被使用", field="username")
        user = User(
            username=username,
            display_name=display_name.strip() or username,
            role=role,
            password_hash=hash_password(password),
        )
        s.add(user)
        s.flush()
        audit.record(
            s,
            ctx,
            "create_user",
            target_table="user_account",
            target_id=user.id,
            detail={"username": username, "role": role},
        )
        return UserView(user.id, user.username, user.display_name, user.role, user.active)


def authenticate(ctx: AppContext, username: str, password: str) -> CurrentUser:
    """Check a password; on success the user becomes ``ctx.user``. Failures are audited."""
    with ctx.session() as s:
        user = s.scalar(select(User).where(User.username == username.strip()))
        ok = False
        if user is not None and user.active:
            try:
                ok = _hasher.verify(user.password_hash, password)
            except (VerificationError, InvalidHashError):
                ok = False
        if not ok:
            if user is not None:
                user.failed_logins += 1
            audit.record(s, ctx, "login_failed", detail={"username": username})
        else:
            assert user is not None
            user.failed_logins = 0
            user.last_login_at = ctx.now()
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            current = _as_current(user)
            ctx.user = current
            audit.record(s, ctx, "login", target_table="user_account", target_id=user.id)
    if not ok:
        raise ServiceError("用户名或密码错误")
    return current


def verify_password(ctx: AppContext, password: str) -> bool:
    """Re-check the current user's password (to unlock an idle-locked window)."""
    user = ctx.require_user()
    with ctx.session() as s:
        row = s.get(User, user.id)
        try:
            return bool(row and row.active and _hasher.verify(row.password_hash, password))
        except (VerificationError, InvalidHashError):
            return False


def change_password(ctx: AppContext, old: str, new: str) -> None:
    """Change the current user's own password."""
    if not verify_password(ctx, old):
        raise ServiceError("原密码不正确", field="old_password")
    _check_new_password(new)
    user = ctx.require_user()
    with ctx.session() as s:
        row = s.get(User, user.id)
        assert row is not None
        row.password_hash = hash_password(new)
        audit.record(s, ctx, "change_password", target_table="user_account", target_id=user.id)


def list_users(ctx: AppContext) -> list[UserView]:
    with ctx.session() as s:
        return [
            UserView(u.id, u.username, u.display_name, u.role, u.active)
            for u in s.scalars(select(User).order_by(User.username))
        ]


def set_active(ctx: AppContext, user_id: str, active: bool) -> None:
    """Enable or disable an account (admin only; the last active admin cannot be disabled)."""
    ctx.require_admin()
    with ctx.session() as s:
        user = s.get(User, user_id)
        if user is None:
            raise ServiceError("找不到该用户")
        if not active and user.role == "admin":
            admins = s.scalar(
                select(func.count()).select_from(User).where(User.role == "admin", User.active)
            )
            if (admins or 0) <= 1:
                raise ServiceError("不能停用最后一个管理员账号")
        user.active = active
        audit.record(
            s,
            ctx,
            "set_user_active",
            target_table="user_account",
            target_id=user_id,
            detail={"active": active},
        )
