"""Local accounts: argon2-hashed passwords, roles 社工 (worker) and 管理员 (admin), login.

A password does two things: it unwraps the user's copy of the database key in the key ring
(``keyring.py``; without it the database cannot be read at all) and it matches the argon2 hash
kept in the database. Every change of password rewraps that user's copy only. Wrong passwords
are counted per user: after five, each attempt waits longer; an administrator can unlock.
"""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from ..store.models import User
from . import audit, keyring
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
        view = UserView(user.id, user.username, user.display_name, user.role, user.active)
    _wrap_for(ctx, view.username, view.id, password)
    return view


def _wrap_for(ctx: AppContext, username: str, user_id: str, password: str) -> None:
    """Give ``username`` their own wrapped copy of the database key (replacing an older one)."""
    ring = keyring.load(ctx.data_dir)
    key = ctx.db.key
    if ring is None or key is None:
        return
    keyring.wrap_for_user(ring, key, username, user_id, password)
    keyring.save(ctx.data_dir, ring)


def _unwrap_for(ctx: AppContext, username: str) -> None:
    ring = keyring.load(ctx.data_dir)
    if ring is not None and ring.users.pop(username, None) is not None:
        keyring.save(ctx.data_dir, ring)


def _password_matches(ctx: AppContext, user: User, password: str) -> bool:
    """The key ring's copy opens with ``password`` (or, with no ring, the stored hash matches)."""
    ring = keyring.load(ctx.data_dir)
    if ring is not None and ctx.db.key is not None:
        key = keyring.unwrap_password(ring, user.username, password)
        return key is not None and key == ctx.db.key
    try:
        return bool(_hasher.verify(user.password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def complete_login(ctx: AppContext, username: str) -> CurrentUser:
    """Log ``username`` in on ``ctx`` once their password has unwrapped the database key."""
    with ctx.session() as s:
        user = s.scalar(select(User).where(User.username == username.strip()))
        if user is None or not user.active:
            audit.record(s, ctx, "login_failed", detail={"username": username})
            raise ServiceError("该账号不存在或已停用，请联系管理员")
        user.failed_logins = 0
        user.last_login_at = ctx.now()
        current = _as_current(user)
        ctx.user = current
        audit.record(s, ctx, "login", target_table="user_account", target_id=user.id)
    return current


def authenticate(ctx: AppContext, username: str, password: str) -> CurrentUser:
    """Check a password; on success the user becomes ``ctx.user``. Failures are counted."""
    username = username.strip()
    now = ctx.now()
    keyring.check_throttle(ctx.data_dir, username, now)
    with ctx.session() as s:
        user = s.scalar(select(User).where(User.username == username))
        ok = user is not None and user.active and _password_matches(ctx, user, password)
        if not ok:
            if user is not None:
                user.failed_logins += 1
            audit.record(s, ctx, "login_failed", detail={"username": username})
    if not ok:
        count = keyring.record_failure(ctx.data_dir, username, now) if user is not None else 0
        wait = keyring.lock_seconds(count)
        if wait:
            keyring.check_throttle(ctx.data_dir, username, now)
        raise ServiceError(keyring.WRONG_PASSWORD)
    keyring.clear_failures(ctx.data_dir, username)
    return complete_login(ctx, username)


def verify_password(ctx: AppContext, password: str) -> bool:
    """Re-check the current user's password (to unlock an idle-locked window).

    Wrong passwords count towards the same lock as at login; a locked account raises the
    plain ServiceError saying how long to wait.
    """
    user = ctx.require_user()
    now = ctx.now()
    keyring.check_throttle(ctx.data_dir, user.username, now)
    with ctx.session() as s:
        row = s.get(User, user.id)
        ok = bool(row and row.active and _password_matches(ctx, row, password))
    if ok:
        keyring.clear_failures(ctx.data_dir, user.username)
    else:
        keyring.record_failure(ctx.data_dir, user.username, now)
    return ok


def change_password(ctx: AppContext, old: str, new: str) -> None:
    """Change the current user's own password (rewrapping their copy of the database key)."""
    if not verify_password(ctx, old):
        raise ServiceError("原密码不正确", field="old_password")
    _check_new_password(new)
    user = ctx.require_user()
    _wrap_for(ctx, user.username, user.id, new)
    with ctx.session() as s:
        row = s.get(User, user.id)
        assert row is not None
        row.password_hash = hash_password(new)
        audit.record(s, ctx, "change_password", target_table="user_account", target_id=user.id)


def reset_password(ctx: AppContext, user_id: str, new: str) -> None:
    """An administrator sets another user's password (a forgotten one); clears their lock."""
    ctx.require_admin()
    _check_new_password(new)
    with ctx.session() as s:
        row = s.get(User, user_id)
        if row is None:
            raise ServiceError("找不到该用户")
        username = row.username
        row.password_hash = hash_password(new)
        row.failed_logins = 0
        audit.record(s, ctx, "reset_password", target_table="user_account", target_id=user_id)
    _wrap_for(ctx, username, user_id, new)
    keyring.clear_failures(ctx.data_dir, username)


def unlock_user(ctx: AppContext, user_id: str) -> None:
    """An administrator lifts the wait after wrong passwords (解锁账号)."""
    ctx.require_admin()
    with ctx.session() as s:
        row = s.get(User, user_id)
        if row is None:
            raise ServiceError("找不到该用户")
        row.failed_logins = 0
        username = row.username
        audit.record(s, ctx, "unlock_user", target_table="user_account", target_id=user_id)
    keyring.clear_failures(ctx.data_dir, username)


def locked_seconds(ctx: AppContext, username: str) -> int:
    """Seconds ``username`` must still wait after wrong passwords (0 when not locked)."""
    try:
        keyring.check_throttle(ctx.data_dir, username, ctx.now())
    except ServiceError:
        return max(1, keyring.lock_seconds(keyring.failures(ctx.data_dir, username)))
    return 0


def issue_recovery_key(ctx: AppContext) -> str:
    """A new recovery key (恢复密钥), replacing the old one; shown once, to print and keep."""
    ctx.require_admin()
    ring = keyring.load(ctx.data_dir)
    if ring is None or ctx.db.key is None:
        raise ServiceError("本机数据库未加密，无需恢复密钥")
    recovery = keyring.issue_recovery_key(ring, ctx.db.key, ctx.clock)
    keyring.save(ctx.data_dir, ring)
    with ctx.session() as s:
        audit.record(s, ctx, "issue_recovery_key")
    return recovery


def needs_recovery_key(ctx: AppContext) -> bool:
    """True when this installation has no recovery key yet (e.g. encrypted by an upgrade)."""
    ring = keyring.load(ctx.data_dir)
    return ring is not None and ring.recovery is None


def recover(ctx: AppContext, username: str, new_password: str) -> CurrentUser:
    """With the database opened by the recovery key: give ``username`` a new password.

    The account becomes active again, its lock is cleared, and it is logged in.
    """
    _check_new_password(new_password)
    with ctx.session() as s:
        row = s.scalar(select(User).where(User.username == username.strip()))
        if row is None:
            raise ServiceError("找不到该用户")
        row.password_hash = hash_password(new_password)
        row.active = True
        row.failed_logins = 0
        user_id, name = row.id, row.username
        audit.record(s, ctx, "recover_with_key", target_table="user_account", target_id=user_id)
    _wrap_for(ctx, name, user_id, new_password)
    keyring.clear_failures(ctx.data_dir, name)
    return complete_login(ctx, name)


def list_users(ctx: AppContext) -> list[UserView]:
    with ctx.session() as s:
        return [
            UserView(u.id, u.username, u.display_name, u.role, u.active)
            for u in s.scalars(select(User).order_by(User.username))
        ]


def set_active(ctx: AppContext, user_id: str, active: bool, password: str | None = None) -> None:
    """Enable or disable an account (admin only; the last active admin cannot be disabled).

    Disabling removes the account's copy of the database key, so its password no longer opens
    the database; enabling it again needs a new password (``password``).
    """
    ctx.require_admin()
    if password is not None:
        _check_new_password(password)
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
        if active and not user.active and password is None:
            ring = keyring.load(ctx.data_dir)
            if ring is not None and user.username not in ring.users:
                raise ServiceError("重新启用账号时请同时为其设置新密码", field="password")
        user.active = active
        username = user.username
        audit.record(
            s,
            ctx,
            "set_user_active",
            target_table="user_account",
            target_id=user_id,
            detail={"active": active},
        )
    if not active:
        _unwrap_for(ctx, username)
    elif password is not None:
        reset_password(ctx, user_id, password)
