"""The register as it stood at a past instant, read back from the change log (历史状态).

A month's figures must not move when people are re-categorised, removed or re-registered
later. Rather than keep a copy per month, the change log (every synced write, with its UTC
``at``) is folded forward: for the people whose register fields changed after the instant,
their events up to the instant give the values they held then. People untouched since then
are simply as they are now, which keeps the cost proportional to what changed, not to the
register.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models.core import ChangeEvent

# The fields that decide who is counted and under which rule.
REGISTER_FIELDS = ("categories", "birth_date", "is_elder", "deleted")
_BATCH = 500


@dataclass(frozen=True)
class PersonAsOf:
    """One person's register fields at the instant (``existed`` False: not yet registered)."""

    existed: bool
    categories: tuple[str, ...] = ()
    birth_date: date | None = None
    is_elder: bool = True
    deleted: bool = False


def _fold(state: dict[str, Any], fields: dict[str, Any]) -> None:
    for key in REGISTER_FIELDS:
        if key in fields:
            state[key] = fields[key]


def _as_of(state: dict[str, Any] | None) -> PersonAsOf:
    if state is None:
        return PersonAsOf(existed=False)
    birth = state.get("birth_date")
    return PersonAsOf(
        existed=True,
        categories=tuple(state.get("categories") or ()),
        birth_date=date.fromisoformat(birth) if isinstance(birth, str) else birth,
        is_elder=bool(state.get("is_elder", True)),
        deleted=bool(state.get("deleted", False)),
    )


def people_changed_since(session: Session, instant: datetime) -> dict[str, PersonAsOf]:
    """For each person whose register fields changed at or after ``instant``: those fields as
    they stood just before it. People not in the result have not changed since."""
    later = session.execute(
        select(ChangeEvent.record_id, ChangeEvent.fields).where(
            ChangeEvent.table_name == "person", ChangeEvent.at >= instant
        )
    )
    changed = sorted(
        {rid for rid, fields in later if any(k in (fields or {}) for k in REGISTER_FIELDS)}
    )
    result: dict[str, PersonAsOf] = {}
    for i in range(0, len(changed), _BATCH):
        batch = changed[i : i + _BATCH]
        states: dict[str, dict[str, Any]] = {}
        rows = session.execute(
            select(ChangeEvent.record_id, ChangeEvent.fields)
            .where(
                ChangeEvent.table_name == "person",
                ChangeEvent.record_id.in_(batch),
                ChangeEvent.at < instant,
            )
            .order_by(ChangeEvent.at, ChangeEvent.site_id, ChangeEvent.seq)
        )
        for rid, fields in rows:
            _fold(states.setdefault(rid, {}), fields or {})
        for rid in batch:
            result[rid] = _as_of(states.get(rid))
    return result
