"""Small helpers shared by the daily-work services (visits, needs, tasks, services, participation)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.models import Household, Person, Site
from .context import ServiceError


@dataclass(frozen=True)
class PersonBrief:
    """Name and address of a person, for lists."""

    id: str
    name: str
    address: str
    phone: str


def live_person(s: Session, person_id: str) -> Person:
    """The person, or a plain refusal when missing or removed from the register."""
    person = s.get(Person, person_id) if person_id else None
    if person is None or person.deleted:
        raise ServiceError("找不到该人员（可能已移出登记册）", field="person_id")
    return person


def briefs(s: Session, ids: Iterable[str | None]) -> dict[str, PersonBrief]:
    """Name, address and phone for each id (missing ids are left out)."""
    wanted = sorted({i for i in ids if i})
    out: dict[str, PersonBrief] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows = s.execute(
            select(Person.id, Person.name, Person.phone, Household.address_text)
            .outerjoin(Household, Household.id == Person.household_id)
            .where(Person.id.in_(chunk))
        )
        for pid, name, phone, address in rows:
            out[pid] = PersonBrief(pid, name, address or "", phone or "")
    return out


def local_community_id(s: Session) -> str | None:
    """The community this installation serves."""
    return s.scalar(select(Site.community_id).where(Site.is_local.is_(True)))


def require_text(value: str, label: str, field: str, limit: int = 200) -> str:
    """Trimmed text that must be present and not too long."""
    text = " ".join(value.split())
    if not text:
        raise ServiceError(f"请填写{label}", field=field)
    if len(text) > limit:
        raise ServiceError(f"{label}太长（最多{limit}个字）", field=field)
    return text


def check_not_future(day: date | None, today: date, label: str, field: str) -> date:
    """A date that is present and not after today."""
    if day is None:
        raise ServiceError(f"请填写{label}", field=field)
    if day > today:
        raise ServiceError(f"{label}不能晚于今天", field=field)
    return day
