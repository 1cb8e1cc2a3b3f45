"""The due list by household (按户待探访): one row per door with its due elders.

The same elders as :func:`~afc_desktop.services.visits.due.due_list` (the counts agree), grouped
by household: inside a household the most urgent elder first; households in walking order
(小区/楼栋/单元/室, or 自然村/组/门牌, numbers as numbers; ``order="walk"``) or most urgent first
(``order="urgency"``, for 今天). An elder registered without a household is a row alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ...domain import address as addr
from ...domain import schedule
from ...store.models import Household
from ..context import AppContext, ServiceError
from .due import DueItem, due_with_households
from .rows import gc_paused

ORDERS = ("walk", "urgency")
_WINDOW_RANK = {"overdue": 0, "today": 1, "week": 2, "month": 3, "later": 4}


@dataclass(slots=True)
class DueHousehold:
    """One door of the due list: its due elders, the most urgent first."""

    key: str  # the household id, or "person:<id>" for an elder without a household
    household_id: str | None
    address: str
    phone: str
    elders: list[DueItem] = field(default_factory=list)
    walk: tuple[Any, ...] = ()

    @property
    def due_date(self) -> date:
        """The earliest due date among the elders."""
        return self.elders[0].due_date

    @property
    def window(self) -> str:
        return self.elders[0].window

    @property
    def days_overdue(self) -> int:
        return self.elders[0].days_overdue

    @property
    def high_risk(self) -> bool:
        return any(e.risk_level == "high" for e in self.elders)


class _WalkRanks:
    """Walking order of stored households as small integer tuples: each distinct estate and
    each distinct building, unit and room value is ranked once (``domain.address``: names
    normalised, numbers as numbers), so 40,000 households sort on ints. A district has few
    distinct part values; reading every address from its text would cost more than the due
    list itself."""

    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        estates: set[str] = set()
        parts: set[str] = set()
        for _text, _kind, estate, building, unit, room, _phone in rows:
            estates.add(estate or "")
            parts.update((building or "", unit or "", room or ""))
        names = {e: addr.estate_name(e) for e in estates}
        self.estate = _ranks(names, lambda name: (name, ()))
        numbers = {p: addr.part_number(p) for p in parts}
        self.part = _ranks(numbers, lambda n: ("", addr.natural_key(n)))

    def key(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        text, kind, estate, building, unit, room, _phone = row
        if not estate:  # not stored in parts: read them from the text
            return (2, addr.walk_key(addr.parse_address(text)))
        part = self.part
        return (
            1 if kind == addr.RURAL else 0,
            self.estate[estate],
            part[building or ""],
            part[unit or ""],
            part[room or ""],
        )


def _ranks(values: dict[str, str], order: Any) -> dict[str, int]:
    """Each stored value → the rank of its normalised form (equal forms, equal ranks)."""
    ordered = sorted(set(values.values()), key=order)
    rank = {v: i for i, v in enumerate(ordered)}
    return {raw: rank[norm] for raw, norm in values.items()}


def due_by_household(
    ctx: AppContext,
    *,
    within_days: int | None = None,
    include_later: bool = False,
    order: str = "walk",
) -> list[DueHousehold]:
    """Households with elders due (window as in ``due_list``), in walking or urgency order."""
    if order not in ORDERS:
        raise ServiceError("排序只能是按走访路线或按紧急程度", field="order")
    items, rows = due_with_households(
        ctx,
        within_days=within_days,
        include_later=include_later,
        columns=(
            Household.kind,
            Household.estate,
            Household.building,
            Household.unit,
            Household.room,
            Household.phone,
        ),
    )
    with gc_paused():
        return group_by_household(items, rows, order)


def group_by_household(
    items: list[DueItem], rows: dict[str, tuple[Any, ...]], order: str = "walk"
) -> list[DueHousehold]:
    """Group due items (most urgent first already) into households."""
    groups: dict[str, DueHousehold] = {}
    for item in items:  # items come most urgent first: each household keeps that order
        hid = item.household_id
        key = hid if hid and hid in rows else f"person:{item.person_id}"
        group = groups.get(key)
        if group is None:
            if key == hid:
                row = rows[hid]
                group = DueHousehold(key, hid, row[0], row[6] or "")
            else:
                walk = (3, item.name, item.person_id)
                group = DueHousehold(key, None, item.address, item.phone, walk=walk)
            groups[key] = group
        group.elders.append(item)
    ranks = _WalkRanks([rows[g.key] for g in groups.values() if g.household_id])
    for g in groups.values():
        if g.household_id:
            g.walk = ranks.key(rows[g.key])
    out = list(groups.values())
    if order == "walk":
        out.sort(key=lambda g: (g.walk, g.key))
    else:
        out.sort(key=lambda g: (g.due_date, _WINDOW_RANK[g.window], not g.high_risk, g.walk))
    return out


def count_people(households: list[DueHousehold]) -> tuple[int, int]:
    """(elders due, of them overdue) over the households."""
    total = sum(len(h.elders) for h in households)
    overdue = sum(1 for h in households for e in h.elders if e.window == "overdue")
    return total, overdue


__all__ = ["DueHousehold", "count_people", "due_by_household", "group_by_household", "schedule"]
