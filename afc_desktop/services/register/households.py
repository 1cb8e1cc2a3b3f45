"""Households (家庭/户) and their addresses: 小区/楼栋/单元/室 in towns, 自然村/组/门牌 in villages."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain import people
from ...store.models import Household, Person
from .. import audit
from ..context import AppContext, ServiceError
from ..daily_common import local_community_id
from .reads import rows
from .views import (
    FieldProblem,
    HouseholdInput,
    HouseholdView,
    PersonRow,
    ValidationFailed,
    household_view,
)


def _suffix(value: str, suffix: str) -> str:
    value = value.strip()
    return f"{value}{suffix}" if value.isdigit() else value


def compose_address(data: HouseholdInput) -> str:
    """The address as written: 香溪花园3幢1单元402室 / 北庄村5组18号."""
    if data.kind == "rural":
        return data.estate.strip() + _suffix(data.building, "组") + _suffix(data.room, "号")
    return (
        data.estate.strip()
        + _suffix(data.building, "幢")
        + _suffix(data.unit, "单元")
        + _suffix(data.room, "室")
    )


def _validate_household(data: HouseholdInput) -> HouseholdInput:
    problems = []
    if data.kind not in ("urban", "rural"):
        problems.append(FieldProblem("kind", "地址类型只能是城镇或农村"))
    if not data.estate.strip():
        label = "自然村" if data.kind == "rural" else "小区"
        problems.append(FieldProblem("estate", f"请填写{label}"))
    phone = data.phone.strip()
    if phone:
        try:
            phone = people.normalize_phone(phone)
        except people.PhoneError as exc:
            problems.append(FieldProblem("phone", exc.message))
    if problems:
        raise ValidationFailed(problems)
    return replace(
        data,
        phone=phone,
        estate=data.estate.strip(),
        building=data.building.strip(),
        unit=data.unit.strip(),
        room=data.room.strip(),
        notes=data.notes.strip(),
    )


def _write_household(h: Household, data: HouseholdInput) -> None:
    h.kind, h.estate, h.building, h.unit, h.room = (
        data.kind,
        data.estate,
        data.building,
        data.unit,
        data.room,
    )
    h.phone, h.notes = data.phone, data.notes
    h.address_text = compose_address(data)


def create_household(ctx: AppContext, data: HouseholdInput) -> HouseholdView:
    """Add a household (新增家庭)."""
    ctx.require_user()
    data = _validate_household(data)
    with ctx.session(write=True) as s:
        h = Household(community_id=local_community_id(s))
        _write_household(h, data)
        s.add(h)
        s.flush()
        audit.record(s, ctx, "create_household", target_table="household", target_id=h.id)
        return household_view(h)


def update_household(ctx: AppContext, household_id: str, data: HouseholdInput) -> HouseholdView:
    """Edit a household; its members' search text follows the new address."""
    ctx.require_user()
    data = _validate_household(data)
    with ctx.session(write=True) as s:
        h = s.get(Household, household_id)
        if h is None or h.deleted:
            raise ServiceError("找不到该家庭")
        _write_household(h, data)
        s.flush()
        audit.record(s, ctx, "update_household", target_table="household", target_id=h.id)
        return household_view(h, _member_count(s, h.id))


def _member_count(s: Session, household_id: str) -> int:
    return (
        s.scalar(
            select(func.count())
            .select_from(Person)
            .where(Person.household_id == household_id, Person.deleted.is_(False))
        )
        or 0
    )


def find_households(ctx: AppContext, query: str = "", limit: int = 50) -> list[HouseholdView]:
    """Households whose address contains ``query`` (for the household picker)."""
    with ctx.session() as s:
        stmt = select(Household).where(Household.deleted.is_(False))
        if query.strip():
            stmt = stmt.where(Household.address_text.contains(query.strip()))
        rows = s.scalars(stmt.order_by(Household.address_text).limit(limit)).all()
        count_rows = s.execute(
            select(Person.household_id, func.count())
            .where(Person.household_id.in_([h.id for h in rows]), Person.deleted.is_(False))
            .group_by(Person.household_id)
        ).all()
        counts = {hid: n for hid, n in count_rows}
        return [household_view(h, counts.get(h.id, 0)) for h in rows]


def get_household(ctx: AppContext, household_id: str) -> tuple[HouseholdView, list[PersonRow]]:
    """A household and its members."""
    with ctx.session() as s:
        h = s.get(Household, household_id)
        if h is None or h.deleted:
            raise ServiceError("找不到该家庭")
        ids = s.scalars(
            select(Person.id).where(Person.household_id == h.id, Person.deleted.is_(False))
        ).all()
        members = rows(s, list(ids), ctx.today())
        return household_view(h, len(members)), members


def list_estates(ctx: AppContext) -> list[str]:
    """Distinct 小区/自然村 names, for the area filter."""
    with ctx.session() as s:
        return [
            e
            for e in s.scalars(
                select(Household.estate)
                .where(Household.deleted.is_(False))
                .distinct()
                .order_by(Household.estate)
            )
            if e
        ]
