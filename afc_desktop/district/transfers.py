"""Moves within the district at the hub (本区内迁移): from a removal to the receiving community.

1. Community A removes a person for 迁往本区其他社区 naming B's 12-digit code
   (``person.moved_to``); A's upload carries it in the person's delete event.
2. After applying an upload, :func:`note_transfers` (same transaction) records each move the
   sender reported as a ``waiting`` :class:`PersonTransfer` — only for records of the sender's own
   community (authority checked every event already).
3. B's receipt (:func:`transfer_records`) carries every waiting transfer addressed to B: the
   person as the hub holds them and their history (done visits, finalised assessments). The
   receipt is encrypted to B's key: nobody else reads it.
4. B's worker accepts (接收): B creates a record of its own with ``transferred_from`` = the
   transfer id. When B's upload brings that record, :func:`note_transfers` marks the transfer
   ``accepted`` — only if the record was created by a site of B itself, so no other community
   can close it. A's record stays removed (迁往本区其他社区); B's record is B's alone.

See docs/district-moves.md.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from afc_desktop.store.changes import encode_value
from afc_desktop.store.models import Person
from afc_desktop.store.models.assessment import Assessment
from afc_desktop.store.models.daily import Visit
from afc_desktop.store.models.district import DistrictCommunity
from afc_desktop.store.models.transfer import ACCEPTED, WAITING, PersonTransfer

from . import roster

_NAMESPACE = uuid.UUID("6f2b1c1e-5a7d-4c38-9a0e-0d5e6a1f7c42")

# What the receiving community gets of the person: who they are and what the register knows of
# them, not where they lived (household, community) nor the sending site's bookkeeping.
PERSON_FIELDS = (
    "name", "id_number", "sex", "birth_date", "phone", "is_elder", "living_arrangement",
    "categories", "emergency_contacts", "ability_grade", "ability_assessed_on", "consent",
    "consent_date", "informed_on", "notes",
)  # fmt: skip
VISIT_FIELDS = ("visit_date", "mode", "risk_level", "risk_flags", "notes", "findings")
ASSESSMENT_FIELDS = ("assessed_on", "form_id", "form_version", "final_grade", "total")


def transfer_id(person_id: str, removed_on: date | None) -> str:
    """The id of a move: the same on every computation, new for a later move."""
    day = removed_on.isoformat() if removed_on else ""
    return str(uuid.uuid5(_NAMESPACE, f"{person_id}|{day}"))


def note_transfers(s: Session, sender_code: str, now: datetime) -> tuple[int, int]:
    """Record the moves the sender reported and the transfers it accepted; (new, accepted)."""
    new = accepted = 0
    moved = s.execute(
        select(Person.id, Person.removed_on, Person.moved_to, Person.origin_site).where(
            Person.moved_to > "",  # a range on ix_person_moved_to, not a scan of everyone
            Person.deleted.is_(True),
            Person.removal_reason == "moved_within",
        )
    ).all()
    for pid, removed_on, to_code, origin in moved:
        tid = transfer_id(pid, removed_on)
        if to_code == sender_code or s.get(PersonTransfer, tid) is not None:
            continue
        if origin is None or roster.site_code(s, origin) != sender_code:
            continue
        source = s.get(DistrictCommunity, sender_code)
        s.add(
            PersonTransfer(
                id=tid,
                person_id=pid,
                from_code=sender_code,
                from_name=source.name if source else "",
                to_code=to_code,
                removed_on=removed_on,
                state=WAITING,
                payload={},
                created_at=now,
            )
        )
        new += 1
    s.flush()
    taken = s.execute(
        select(Person.id, Person.origin_site, PersonTransfer)
        .join(PersonTransfer, PersonTransfer.id == Person.transferred_from)
        .where(PersonTransfer.state == WAITING, PersonTransfer.to_code == sender_code)
    ).all()
    for pid, origin, transfer in taken:
        if origin is None or roster.site_code(s, origin) != sender_code:
            continue  # only the receiving community itself closes a transfer
        transfer.state = ACCEPTED
        transfer.accepted_person_id = pid
        transfer.accepted_at = now
        accepted += 1
    return new, accepted


def _pick(row: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {n: encode_value(getattr(row, n)) for n in names}


def transfer_records(s: Session, community_code: str) -> list[dict[str, Any]]:
    """Receipt records for ``community_code``: every waiting transfer addressed to it, with the
    person and their history as the hub holds them."""
    out: list[dict[str, Any]] = []
    waiting = s.scalars(
        select(PersonTransfer)
        .where(PersonTransfer.to_code == community_code, PersonTransfer.state == WAITING)
        .order_by(PersonTransfer.created_at, PersonTransfer.id)
    )
    for t in waiting:
        person = s.get(Person, t.person_id)
        if person is None:
            continue
        visits = s.scalars(
            select(Visit)
            .where(Visit.person_id == t.person_id, Visit.status == "done", Visit.deleted.is_(False))
            .order_by(Visit.visit_date)
        )
        assessments = s.scalars(
            select(Assessment)
            .where(
                Assessment.person_id == t.person_id,
                Assessment.status == "final",
                Assessment.deleted.is_(False),
            )
            .order_by(Assessment.assessed_on)
        )
        out.append(
            {
                "type": "transfer",
                "transfer_id": t.id,
                "person_id": t.person_id,
                "from_code": t.from_code,
                "from_name": t.from_name,
                "to_code": t.to_code,
                "removed_on": encode_value(t.removed_on),
                "person": _pick(person, PERSON_FIELDS),
                "visits": [_pick(v, VISIT_FIELDS) for v in visits],
                "assessments": [_pick(a, ASSESSMENT_FIELDS) for a in assessments],
            }
        )
    return out


def list_transfers(s: Session) -> list[PersonTransfer]:
    """Every transfer the hub knows, newest first (``afc-district transfers``)."""
    return list(s.scalars(select(PersonTransfer).order_by(PersonTransfer.created_at.desc())))
