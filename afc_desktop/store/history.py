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

# The fields that decide who is counted and under which rule (and how a report shows them).
REGISTER_FIELDS = (
    "categories",
    "birth_date",
    "is_elder",
    "deleted",
    "registered_on",
    "removed_on",
    "ability_grade",
)
_BATCH = 500


@dataclass(frozen=True)
class PersonAsOf:
    """One person's register fields at the instant (``existed`` False: not yet registered)."""

    existed: bool
    categories: tuple[str, ...] = ()
    birth_date: date | None = None
    is_elder: bool = True
    deleted: bool = False
    registered_on: date | None = None  # None: not in the events (rows older than 0009)
    removed_on: date | None = None
    ability_grade: str = ""


def _fold(state: dict[str, Any], fields: dict[str, Any]) -> None:
    for key in REGISTER_FIELDS:
        if key in fields:
            state[key] = fields[key]


def _as_of(state: dict[str, Any] | None) -> PersonAsOf:
    if state is None:
        return PersonAsOf(existed=False)
    return PersonAsOf(
        existed=True,
        categories=tuple(state.get("categories") or ()),
        birth_date=_day(state.get("birth_date")),
        is_elder=bool(state.get("is_elder", True)),
        deleted=bool(state.get("deleted", False)),
        registered_on=_day(state.get("registered_on")),
        removed_on=_day(state.get("removed_on")),
        ability_grade=str(state.get("ability_grade") or ""),
    )


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


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
