"""The register as it stood on a past day (某日的登记册), so a report keeps its numbers.

A report for a past period must give the same figures when it is made again later, whatever
happened since (removals, moves, category changes, new grades). Two kinds of facts decide:

- **Dates people type** are facts about the past: the registration date (``registered_on``,
  the ledger's date or the day of entry) and the removal date (``removed_on``). Someone is on the
  register on day D when registered on or before D and not removed on or before D. A removal
  typed later with an earlier date corrects the past, and a report made after it follows it.
- **Everything else** — categories, ability grade, birth date, whether an elder — is read as the
  change log held it at the end of day D (``store/history.py``): people with no change since are
  read straight from their rows in SQL (fast at district scale), the few changed since from
  their events folded up to that instant.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from ..clock import Clock
from ..store.history import PersonAsOf, people_changed_since
from ..store.models import Person

_CHUNK = 500


@dataclass(frozen=True)
class ElderOn:
    """An elder on the register on a day, with the attributes the change log held then."""

    id: str
    birth_date: date | None
    categories: tuple[str, ...]  # explicit codes
    ability_grade: str
    registered_on: date | None


def end_of(day: date, clock: Clock) -> datetime:
    """The instant local ``day`` ends (stored instants are UTC; days are the community's)."""
    return clock.start_of_day(day + timedelta(days=1))


def changed_since(s: Session, on: date, clock: Clock) -> dict[str, PersonAsOf]:
    """People changed after day ``on``, with their register fields as they stood then."""
    return people_changed_since(s, end_of(on, clock))


def on_register(on: date, clock: Clock) -> list[ColumnElement[bool]]:
    """SQL conditions: an elder registered by ``on`` and not removed by then (current row)."""
    return [
        Person.is_elder.is_(True),
        or_(
            Person.registered_on <= on,
            and_(Person.registered_on.is_(None), Person.created_at < end_of(on, clock)),
        ),
        or_(Person.deleted.is_(False), Person.removed_on > on),
    ]


def rebuilt(s: Session, then: dict[str, PersonAsOf], on: date, clock: Clock) -> list[ElderOn]:
    """Those of the changed people who were elders on the register on ``on``, as they were."""
    wanted = sorted(then)
    current: dict[str, Any] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        for row in s.execute(
            select(
                Person.id, Person.deleted, Person.removed_on, Person.registered_on,
                Person.is_elder, Person.birth_date, Person.categories, Person.ability_grade,
                Person.created_at,
            ).where(Person.id.in_(chunk))
        ):  # fmt: skip
            current[row[0]] = row
    out = []
    for pid in wanted:
        now = current.get(pid)
        if now is None:
            continue
        # a removal dated on or before the day corrects the past, whenever it was typed
        if now.deleted and now.removed_on is not None and now.removed_on <= on:
            continue
        past = then[pid]
        if not past.existed:
            # entered after the day with an earlier 登记日期 (a ledger): its row, by its dates
            if now.deleted or not now.is_elder or now.registered_on is None:
                continue
            if now.registered_on <= on:
                out.append(
                    ElderOn(pid, now.birth_date, tuple(now.categories or ()),
                            now.ability_grade or "", now.registered_on)
                )  # fmt: skip
            continue
        registered = past.registered_on or now.registered_on
        if registered is None and now.created_at is not None:
            registered = clock.local(now.created_at).date()
        gone = past.deleted and (past.removed_on is None or past.removed_on <= on)
        if gone or not past.is_elder or (registered is not None and registered > on):
            continue
        out.append(ElderOn(pid, past.birth_date, past.categories, past.ability_grade, registered))
    return out
