"""Community resources (社区资源): facilities, service projects, platforms, staff, social
organisations, resident units and partner units, with the services each offers."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..domain import needs as need_rules
from ..domain import people
from ..store.models.daily import Resource
from .context import AppContext, ServiceError
from .daily_common import local_community_id, require_text

RESOURCE_KINDS: tuple[tuple[str, str], ...] = (
    ("facility", "服务设施"),
    ("service_project", "服务项目"),
    ("platform", "服务平台"),
    ("staff", "服务人员"),
    ("social_org", "社会组织"),
    ("resident_unit", "驻区单位"),
    ("partner_unit", "共建单位"),
)
KIND_LABELS = dict(RESOURCE_KINDS)


@dataclass(frozen=True)
class ResourceInput:
    """What the resource dialog supplies; ``services`` are service-type codes."""

    kind: str
    name: str
    contact_name: str = ""
    phone: str = ""
    address: str = ""
    services: tuple[str, ...] = ()
    capacity: str = ""
    hours: str = ""
    notes: str = ""
    active: bool = True


@dataclass(frozen=True)
class ResourceView:
    id: str
    kind: str
    kind_label: str
    name: str
    contact_name: str
    phone: str
    address: str
    services: tuple[str, ...]
    service_labels: tuple[str, ...]
    capacity: str
    hours: str
    notes: str
    active: bool

    def as_input(self) -> ResourceInput:
        """The editable fields."""
        return ResourceInput(
            kind=self.kind,
            name=self.name,
            contact_name=self.contact_name,
            phone=self.phone,
            address=self.address,
            services=self.services,
            capacity=self.capacity,
            hours=self.hours,
            notes=self.notes,
            active=self.active,
        )


def validate_resource(data: ResourceInput) -> ResourceInput:
    """Check kind, name, phone and services; raises ServiceError naming the field."""
    if data.kind not in KIND_LABELS:
        raise ServiceError("请选择资源类别", field="kind")
    name = require_text(data.name, "资源名称", "name")
    phone = data.phone.strip()
    if phone:
        try:
            phone = people.normalize_phone(phone)
        except people.PhoneError as exc:
            raise ServiceError(f"联系电话：{exc.message}", field="phone") from exc
    known = dict(need_rules.SERVICE_TYPES)
    unknown = [s for s in data.services if s not in known]
    if unknown:
        raise ServiceError(f"未知的服务类型：{'、'.join(unknown)}", field="services")
    services = tuple(code for code, _ in need_rules.SERVICE_TYPES if code in set(data.services))
    for value, label, limit in (
        (data.address, "地址", 300),
        (data.capacity, "服务能力", 100),
        (data.hours, "服务时间", 200),
        (data.contact_name, "联系人", 50),
    ):
        if len(value.strip()) > limit:
            raise ServiceError(f"{label}太长（最多{limit}个字）")
    return ResourceInput(
        kind=data.kind,
        name=name,
        contact_name=data.contact_name.strip(),
        phone=phone,
        address=data.address.strip(),
        services=services,
        capacity=data.capacity.strip(),
        hours=data.hours.strip(),
        notes=data.notes.strip(),
        active=data.active,
    )


def _view(r: Resource) -> ResourceView:
    services = tuple(r.services or ())
    return ResourceView(
        id=r.id,
        kind=r.kind,
        kind_label=KIND_LABELS.get(r.kind, r.kind),
        name=r.name,
        contact_name=r.contact_name,
        phone=r.phone,
        address=r.address,
        services=services,
        service_labels=tuple(need_rules.service_type_label(s) for s in services),
        capacity=r.capacity,
        hours=r.hours,
        notes=r.notes,
        active=r.active,
    )


def _write(r: Resource, data: ResourceInput) -> None:
    r.kind = data.kind
    r.name = data.name
    r.contact_name = data.contact_name
    r.phone = data.phone
    r.address = data.address
    r.services = list(data.services)
    r.capacity = data.capacity
    r.hours = data.hours
    r.notes = data.notes
    r.active = data.active


def _live(s: Session, resource_id: str) -> Resource:
    r = s.get(Resource, resource_id)
    if r is None or r.deleted:
        raise ServiceError("找不到该资源")
    return r


def create_resource(ctx: AppContext, data: ResourceInput) -> ResourceView:
    """Add a resource (新增资源)."""
    ctx.require_user()
    cleaned = validate_resource(data)
    with ctx.session() as s:
        r = Resource(community_id=local_community_id(s))
        _write(r, cleaned)
        s.add(r)
        s.flush()
        return _view(r)


def update_resource(ctx: AppContext, resource_id: str, data: ResourceInput) -> ResourceView:
    """Save edits to a resource."""
    ctx.require_user()
    cleaned = validate_resource(data)
    with ctx.session() as s:
        r = _live(s, resource_id)
        _write(r, cleaned)
        s.flush()
        return _view(r)


def remove_resource(ctx: AppContext, resource_id: str) -> None:
    """Take a resource off the register (tombstoned; past referrals keep their link)."""
    ctx.require_user()
    with ctx.session() as s:
        _live(s, resource_id).deleted = True


def get_resource(ctx: AppContext, resource_id: str) -> ResourceView:
    """One resource."""
    with ctx.session() as s:
        return _view(_live(s, resource_id))


def list_resources(
    ctx: AppContext,
    *,
    kind: str | None = None,
    service: str | None = None,
    query: str = "",
    active_only: bool = False,
) -> list[ResourceView]:
    """Resources by category and name; ``service`` keeps those offering that service type."""
    with ctx.session() as s:
        stmt = select(Resource).where(Resource.deleted.is_(False))
        if kind:
            stmt = stmt.where(Resource.kind == kind)
        if active_only:
            stmt = stmt.where(Resource.active.is_(True))
        text = query.strip()
        if text:
            stmt = stmt.where(
                or_(
                    Resource.name.contains(text),
                    Resource.address.contains(text),
                    Resource.contact_name.contains(text),
                )
            )
        rows = [_view(r) for r in s.scalars(stmt.order_by(Resource.kind, Resource.name))]
    if service:
        rows = [r for r in rows if service in r.services]
    return rows
