"""First-run setup (首次设置): the community, the administrator, the site id and its keys.

A community is identified by its 12-digit 统计用区划代码 (``domain.community_code``): county and
street are read from it. Installations set up with only the 6-digit county code (before the
code was asked for) complete it once with :func:`complete_code`; the pilot flag (试点) can be
changed any time with :func:`set_pilot`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import community_code as cc
from ..domain import reference
from ..store.models import Community, Site, User, new_id
from ..sync.keys import ensure_site_keys
from . import accounts, audit, keyring
from .context import AppContext, CurrentUser, ServiceError


@dataclass(frozen=True)
class CommunityInput:
    """The community this installation serves.

    ``district_code`` is its 12-digit 统计用区划代码 (preferred: county and street follow from
    it) or, as before, the 6-digit county code alone (the full code is then asked for later).
    ``street_name`` is needed only when the reference data does not list the code's street.
    """

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
    code: str | None = None  # 12-digit 统计用区划代码; None until completed
    street_code: str | None = None
    street_listed: bool = True  # False: typed street the reference data does not list

    @property
    def full_name(self) -> str:
        return f"{self.district_name}{self.street_name}{self.name}"

    @property
    def needs_code(self) -> bool:
        """Set up with the county code only: the 12-digit code is still to be completed."""
        return not self.code


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
    listed = c.street_code is not None and reference.street_by_code(c.street_code) is not None
    return CommunityView(
        c.id,
        c.district_code,
        c.district_name,
        c.street_name,
        c.name,
        c.is_pilot,
        code=c.code,
        street_code=c.street_code,
        street_listed=listed or not c.street_name,
    )


def _listed_street(county: str, street_name: str) -> str | None:
    """The 9-digit code of a street the reference data lists under ``county`` by this name."""
    wanted = "".join(street_name.split())
    if not wanted:
        return None
    for street in reference.streets(county):
        if street.name == wanted:
            return street.code
    return None


def _identity(data: CommunityInput) -> tuple[str, str, str | None, str, str | None]:
    """(county code, street name, street code, name, 12-digit code or None) of the input."""
    code = data.district_code.strip()
    try:
        if len(code) == 12:
            ident = cc.identify(code, data.name, data.street_name)
            street_code = ident.street_code if ident.street_listed else None
            return ident.county_code, ident.street_name, street_code, ident.name, ident.code
        if len(code) != 6:
            raise cc.CommunityCodeError(
                "社区代码应为12位统计用区划代码（如 320508018001），"
                f"或6位数字的区县代码（如 320508 姑苏区），收到「{code[:20]}」"
            )
        county = cc.check_county_code(code)
    except cc.CommunityCodeError as exc:
        field = "district_code" if exc.field == "code" else exc.field
        raise ServiceError(exc.message, field=field) from None
    name = data.name.strip()
    if not name:
        raise ServiceError("请填写社区（村）名称", field="name")
    street = data.street_name.strip()
    return county, street, data.street_code or _listed_street(county, street), name, None


def validate_community(data: CommunityInput) -> None:
    _identity(data)


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
    county, street, street_code, name, full_code = _identity(community)
    if not admin_username.strip():
        raise ServiceError("请填写管理员用户名", field="username")
    if len(admin_password) < accounts.MIN_PASSWORD_LENGTH:
        raise ServiceError(f"密码至少需要{accounts.MIN_PASSWORD_LENGTH}个字符", field="password")
    keys = ensure_site_keys(ctx.data_dir.keys_dir, ctx.db.key)
    code = county
    site_id = new_id()
    admin_id = new_id()
    recovery = _write_keyring(ctx, code, community, admin_id, admin_username, admin_password)
    with ctx.db.session(actor=None, actor_name="系统") as s:
        s.info["site_id"] = site_id
        comm = Community(
            district_code=code,
            district_name=reference.district_name(code).name,
            street_code=street_code,
            street_name=street,
            name=name,
            is_pilot=community.is_pilot,
            code=full_code,
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


def _local_row(s: Session) -> Community:
    site = s.scalar(select(Site).where(Site.is_local.is_(True)))
    comm = s.get(Community, site.community_id) if site and site.community_id else None
    if comm is None:
        raise ServiceError("本机尚未完成首次设置")
    return comm


def complete_code(ctx: AppContext, code: str, street_name: str = "") -> CommunityView:
    """Complete (or correct) the community's 12-digit 统计用区划代码, once, for an installation
    set up with the county code only. The code must lie in the community's county; the street
    follows from it (``street_name`` only for a street the reference data does not list)."""
    ctx.require_admin()
    with ctx.session() as s:
        comm = _local_row(s)
        try:
            ident = cc.identify(code, comm.name, street_name)
        except cc.CommunityCodeError as exc:
            raise ServiceError(exc.message, field=exc.field) from None
        if ident.county_code != reference.resolve_code(comm.district_code):
            raise ServiceError(
                f"代码 {ident.code} 属于{ident.county_name}，本社区在{comm.district_name}：请核对代码",
                field="code",
            )
        if comm.street_code and ident.street_listed and comm.street_code != ident.street_code:
            raise ServiceError(
                f"代码 {ident.code} 的街道是{ident.street_name}，本社区登记在{comm.street_name}："
                "请核对代码",
                field="code",
            )
        if comm.code and comm.code != ident.code:
            raise ServiceError(
                f"本社区的代码已是 {comm.code}，不能更换（如确需更换请联系区级）", field="code"
            )
        before = comm.code
        comm.code = ident.code
        comm.street_name = ident.street_name
        comm.street_code = ident.street_code if ident.street_listed else None
        audit.record(
            s,
            ctx,
            "complete_community_code",
            target_table="community",
            target_id=comm.id,
            detail={"before": before, "code": ident.code},
        )
        return _view(comm)


def set_pilot(ctx: AppContext, pilot: bool) -> CommunityView:
    """Mark the community a pilot (试点社区) or not; the plan adds pilots every year."""
    ctx.require_admin()
    with ctx.session() as s:
        comm = _local_row(s)
        comm.is_pilot = bool(pilot)
        audit.record(
            s, ctx, "set_pilot", target_table="community", target_id=comm.id,
            detail={"pilot": bool(pilot)},
        )  # fmt: skip
        return _view(comm)
