"""People moving in from another community of the district (迁入待接收), and accepting them (接收).

The district's receipt brings each transfer addressed to this community (``services/sync.py``
stores it as a waiting :class:`PersonTransfer`). Accepting one creates a record of this
community — a new record, written here, so only this community ever writes it — with the
person's details and ability grade as the sending community had them, registered from the day
of acceptance, and ``transferred_from`` naming the transfer, which tells the district (on the
next upload) that the move is complete. The history the transfer carried (visits, finalised
assessments) stays with the transfer and is shown with the person. See docs/district-moves.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...store.models import Person
from ...store.models.sync_state import SyncPeer
from ...store.models.transfer import ACCEPTED, WAITING, PersonTransfer
from .. import audit
from ..context import AppContext, ServiceError
from ..daily_common import local_community_id
from .people import _apply, _check
from .reads import detail
from .views import EmergencyContact, PersonDetail, PersonInput


@dataclass(frozen=True)
class IncomingTransfer:
    """One person moving in (or moved in), as listed for the worker."""

    id: str
    name: str
    from_code: str
    from_name: str
    removed_on: date | None
    state: str  # waiting | accepted
    visits: int
    assessments: int
    ability_grade: str
    accepted_person_id: str | None


def _date(value: Any) -> date | None:
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _view(t: PersonTransfer) -> IncomingTransfer:
    person = t.payload.get("person") or {}
    return IncomingTransfer(
        t.id,
        str(person.get("name", "")),
        t.from_code,
        t.from_name,
        t.removed_on,
        t.state,
        len(t.payload.get("visits") or []),
        len(t.payload.get("assessments") or []),
        str(person.get("ability_grade") or ""),
        t.accepted_person_id,
    )


def store_transfer(s: Session, rec: dict[str, Any], community_code: str) -> bool:
    """Keep a transfer a receipt brought (inside the import's transaction); False when it is
    known already or not addressed to this community."""
    tid = rec.get("transfer_id")
    if not isinstance(tid, str) or not tid or rec.get("to_code") != community_code:
        return False
    if not isinstance(rec.get("person"), dict) or s.get(PersonTransfer, tid) is not None:
        return False
    s.add(
        PersonTransfer(
            id=tid[:36],
            person_id=str(rec.get("person_id", ""))[:36],
            from_code=str(rec.get("from_code", ""))[:12],
            from_name=str(rec.get("from_name", ""))[:100],
            to_code=community_code,
            removed_on=_date(rec.get("removed_on")),
            state=WAITING,
            payload={k: rec.get(k) for k in ("person", "visits", "assessments")},
        )
    )
    return True


def incoming_transfers(
    ctx: AppContext, *, include_accepted: bool = False
) -> list[IncomingTransfer]:
    """People moving in from other communities of the district, oldest first."""
    with ctx.session() as s:
        stmt = select(PersonTransfer).order_by(PersonTransfer.created_at, PersonTransfer.id)
        if not include_accepted:
            # waiting, and not accepted on another laptop of this community already (its
            # record arrived in a paired-laptop bundle)
            taken = select(Person.transferred_from).where(Person.transferred_from.is_not(None))
            stmt = stmt.where(PersonTransfer.state == WAITING, PersonTransfer.id.not_in(taken))
        return [_view(t) for t in s.scalars(stmt)]


def transfer_history(ctx: AppContext, person_id: str) -> dict[str, Any] | None:
    """The history a person brought when moving in (visits, assessments), or None."""
    with ctx.session() as s:
        t = s.scalar(select(PersonTransfer).where(PersonTransfer.accepted_person_id == person_id))
        if t is None:
            return None
        return {"from_name": t.from_name, "from_code": t.from_code, **t.payload}


def _input(person: dict[str, Any]) -> PersonInput:
    contacts = tuple(
        EmergencyContact(str(c.get("name", "")), str(c.get("relation", "")),
                         str(c.get("phone", "")))
        for c in person.get("emergency_contacts") or [] if isinstance(c, dict)
    )  # fmt: skip
    return PersonInput(
        name=str(person.get("name", "")),
        id_number=str(person.get("id_number") or ""),
        sex=person.get("sex") or None,
        birth_date=_date(person.get("birth_date")),
        phone=str(person.get("phone") or ""),
        is_elder=bool(person.get("is_elder", True)),
        living_arrangement=str(person.get("living_arrangement") or ""),
        categories=tuple(str(c) for c in person.get("categories") or []),
        emergency_contacts=contacts,
        consent=bool(person.get("consent", False)),
        consent_date=_date(person.get("consent_date")),
        notes=str(person.get("notes") or ""),
        informed_on=_date(person.get("informed_on")),
    )


def accept_transfer(ctx: AppContext, transfer_id: str) -> PersonDetail:
    """Accept a person moving in (接收): a new record of this community, registered today."""
    ctx.require_user()
    with ctx.session(write=True) as s:
        t = s.get(PersonTransfer, transfer_id.strip())
        if t is None:
            raise ServiceError("找不到该迁入记录（可能尚未从区级回执导入）", field="transfer_id")
        if t.state == ACCEPTED:
            raise ServiceError("该迁入人员已经接收过了", field="transfer_id")
        if s.scalar(select(Person.id).where(Person.transferred_from == t.id).limit(1)):
            # its record came from another laptop of this community (a paired-laptop bundle)
            raise ServiceError("该迁入人员已由本社区另一台电脑接收", field="transfer_id")
        district = s.scalar(select(SyncPeer).where(SyncPeer.role == "district"))
        own_code = district.community_code if district is not None else None
        if not own_code or t.to_code != own_code:
            raise ServiceError("该迁入记录不是发给本社区的，不能接收", field="transfer_id")
        person_data = t.payload.get("person") or {}
        data = _input(person_data)
        same = s.scalar(
            select(Person.id).where(
                Person.id_number == (data.id_number or None), Person.deleted.is_(False)
            )
        )
        if data.id_number and same is not None:
            raise ServiceError(
                "本社区登记册中已有身份证号相同的人员，请先核对，不能重复接收", field="transfer_id"
            )
        cleaned = _check(ctx, s, data, None, True)
        person = Person(community_id=local_community_id(s), registered_on=ctx.today())
        _apply(person, cleaned)
        person.ability_grade = str(person_data.get("ability_grade") or "")
        person.ability_assessed_on = _date(person_data.get("ability_assessed_on"))
        person.transferred_from = t.id
        s.add(person)
        s.flush()
        t.state = ACCEPTED
        t.accepted_person_id = person.id
        t.accepted_at = ctx.now()
        audit.record(
            s, ctx, "accept_transfer", target_table="person", target_id=person.id,
            detail={"transfer": t.id, "from": t.from_code},
        )  # fmt: skip
        return detail(s, person, ctx.today())
