"""First-run setup (首次设置): the community, the administrator, the site id and its keys."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ..domain import reference
from ..store.models import Community, Site, User, new_id
from ..sync.keys import ensure_site_keys
from . import accounts, audit, keyring
from .context import AppContext, CurrentUser, ServiceError


@dataclass(frozen=True)
class CommunityInput:
    """The community this installation serves; ``district_code`` is a GB/T 2260 code."""

    district_code: str
    name: str
    street_name: str = ""
    street_code: str | None = None
    is_pilot: bool = False


@dataclass(frozen=True)
class CommunityView:
    id: str
    district_code: str
    district_name: str
    street_name: str
    name: str
    is_pilot: bool

    @property
    def full_name(self) -> str:
        return f"{self.district_name}{self.street_name}{self.name}"


@dataclass(frozen=True)
class SetupResult:
    site_id: str
    community: CommunityView
    admin: CurrentUser
    key_id: str
    # shown once (CLI prints it, the wizard shows it to print); empty for an unencrypted store
    recovery_key: str = ""


def is_set_up(ctx: AppContext) -> bool:
    """True once this installation has its site (setup has run)."""
    return ctx.db.site_id is not None or ctx.db.load_site() is not None


def _view(c: Community) -> CommunityView:
    return CommunityView(c.id, c.district_code, c.district_name, c.street_name, c.name, c.is_pilot)


def validate_community(data: CommunityInput) -> None:
    code = data.district_code.strip()
    if len(code) != 6 or not code.isdigit():
        raise ServiceError("区县代码应为6位数字（如 320508 姑苏区）", field="district_code")
    if not data.name.strip():
        raise ServiceError("请填写社区（村）名称", field="name")


def run_setup(
    ctx: AppContext,
    community: CommunityInput,
    admin_username: str,
    admin_password: str,
    admin_display_name: str = "",
) -> SetupResult:
    """Create the site, its community and the first administrator, and generate the site keys.

    Keys are written first (idempotent), then everything else in one transaction; the new admin
    is logged in on ``ctx``.
    """
    if is_set_up(ctx):
        raise ServiceError("本机已经完成设置，不能重复设置")
    validate_community(community)
    if not admin_username.strip():
        raise ServiceError("请填写管理员用户名", field="username")
    if len(admin_password) < accounts.MIN_PASSWORD_LENGTH:
        raise ServiceError(f"密码至少需要{accounts.MIN_PASSWORD_LENGTH}个字符", field="password")
    keys = ensure_site_keys(ctx.data_dir.keys_dir)
    code = reference.resolve_code(community.district_code.strip())
    site_id = new_id()
    admin_id = new_id()
    recovery = _write_keyring(ctx, code, community, admin_id, admin_username, admin_password)
    with ctx.db.session(actor=None, actor_name="系统") as s:
        s.info["site_id"] = site_id
        comm = Community(
            district_code=code,
            district_name=reference.district_name(code).name,
            street_code=community.street_code,
            street_name=community.street_name.strip(),
            name=community.name.strip(),
            is_pilot=community.is_pilot,
        )
        s.add(comm)
        s.flush()
        s.add(Site(id=site_id, name=comm.name, community_id=comm.id, is_local=True))
        user = User(
            id=admin_id,
            username=admin_username.strip(),
            display_name=admin_display_name.strip() or admin_username.strip(),
            role="admin",
            password_hash=accounts.hash_password(admin_password),
        )
        s.add(user)
        s.flush()
        admin = CurrentUser(user.id, user.username, user.display_name, user.role)
        ctx.user = admin
        audit.record(
            s,
            ctx,
            "setup",
            target_table="site",
            target_id=site_id,
            detail={"community": comm.name, "district_code": code},
        )
        view = _view(comm)
    ctx.db.site_id = site_id
    keyring.clear_pending(ctx.data_dir)  # from now on only the wrapped copies remain
    return SetupResult(
        site_id=site_id,
        community=view,
        admin=admin,
        key_id=keys.key_id,
        recovery_key=recovery,
    )


def _write_keyring(
    ctx: AppContext,
    code: str,
    community: CommunityInput,
    admin_id: str,
    admin_username: str,
    admin_password: str,
) -> str:
    """The key ring: the database key wrapped for the administrator and a new recovery key.

    Written before the database records the setup, so a crash in between leaves the pending
    key in place and setup simply runs again. Returns the recovery key ("" when unencrypted).
    """
    key = ctx.db.key
    if key is None:
        return ""
    label = (
        reference.district_name(code).name + community.street_name.strip() + community.name.strip()
    )
    ring = keyring.new(label, admin_username.strip())
    keyring.wrap_for_user(ring, key, admin_username.strip(), admin_id, admin_password)
    recovery = keyring.issue_recovery_key(ring, key, ctx.clock)
    keyring.save(ctx.data_dir, ring)
    keyring.remember(ring, key)
    return recovery


def local_community(ctx: AppContext) -> CommunityView | None:
    """The community of this installation."""
    with ctx.session() as s:
        site = s.scalar(select(Site).where(Site.is_local.is_(True)))
        if site is None or site.community_id is None:
            return None
        comm = s.get(Community, site.community_id)
        return _view(comm) if comm else None
