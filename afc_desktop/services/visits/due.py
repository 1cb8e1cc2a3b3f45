"""The due list (待探访名单): the cadence rules (``domain.schedule``) applied to every elder on
the register, using the local ``person_visit_state`` summary (one row per person) for the latest
visit and its risk level."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from ...clock import Clock
from ...domain import people, schedule
from ...domain.ages import age_on
from ...domain.schedule import CadenceRule, Subject
from ..context import AppContext, ServiceError
from . import counts, due_query
from .rows import Memo, as_date, driver_rows, flag_codes, gc_paused, local_date
from .rules import GroupOf, rules_in_force


@dataclass(slots=True)
class DueItem:
    """One line of the due list; ``window`` is overdue/today/week/month/later."""

    person_id: str
    name: str
    age: int | None
    phone: str
    address: str
    categories: tuple[str, ...]  # Chinese labels, derived ones included
    rule_name: str
    rule_text: str
    last_visit: date | None
    due_date: date
    days_overdue: int
    window: str
    risk_level: str
    household_id: str | None = None


class _DueCalculator:
    """The cadence for many people at once. People share few (categories, risk, age)
    combinations and few last-visit dates, so rule choice and date arithmetic are memoised."""

    def __init__(self, rules: tuple[CadenceRule, ...], today: date) -> None:
        self.rules = rules
        self.today = today
        self.rule_cache: dict[tuple[str, str, int | None], CadenceRule | None] = {}
        self.due_cache: dict[tuple[date, int, str], date] = {}
        self._labels: dict[tuple[str, int | None], tuple[str, ...]] = {}

    def age(self, birth: date | None) -> int | None:
        if birth is None:
            return None
        return age_on(birth, self.today)

    def _birth_for(self, age: int | None) -> date | None:
        # any birth date giving this age today: derived categories depend on the age only
        if age is None:
            return None
        return schedule.add_period(self.today, -12 * age, "month")

    def rule(self, flags: str, risk: str, age: int | None) -> CadenceRule | None:
        key = (flags, risk, age)
        if key not in self.rule_cache:
            subject = Subject(flag_codes(flags), self._birth_for(age), risk)
            self.rule_cache[key] = schedule.pick_rule(self.rules, subject, self.today)
        return self.rule_cache[key]

    def due(self, last: date | None, registered: date | None, rule: CadenceRule) -> date:
        if last is None:
            return registered or date.min
        key = (last, rule.every, rule.unit)
        found = self.due_cache.get(key)
        if found is None:
            found = self.due_cache[key] = schedule.next_due(last, None, rule)
        return found

    def labels(self, flags: str, age: int | None) -> tuple[str, ...]:
        key = (flags, age)
        if key not in self._labels:
            codes = people.all_categories(flag_codes(flags), self._birth_for(age), self.today)
            self._labels[key] = tuple(people.category_label(c) for c in codes)
        return self._labels[key]


_CALCULATORS: dict[tuple[tuple[CadenceRule, ...], date], _DueCalculator] = {}


def _calculator(rules: tuple[CadenceRule, ...], today: date) -> _DueCalculator:
    """A calculator whose memos survive between calls (refreshing the list is then cheaper);
    keyed on the rules and the day, so an edited rule or a new day starts afresh."""
    key = (rules, today)
    calc = _CALCULATORS.get(key)
    if calc is None:
        if len(_CALCULATORS) >= 4:
            _CALCULATORS.clear()
        calc = _CALCULATORS[key] = _DueCalculator(rules, today)
    return calc


def due_list(
    ctx: AppContext,
    *,
    within_days: int | None = None,
    include_later: bool = False,
    limit: int | None = None,
) -> list[DueItem]:
    """Elders due for a visit, most overdue first.

    ``within_days``: due on or before today + N days (overdue included); default: by the end of
    this month. ``include_later`` lists everyone with a cadence.
    """
    items, _households = due_with_households(
        ctx, within_days=within_days, include_later=include_later, limit=limit, columns=()
    )
    return items


def due_with_households(
    ctx: AppContext,
    *,
    within_days: int | None = None,
    include_later: bool = False,
    limit: int | None = None,
    columns: tuple[Any, ...] = (),
) -> tuple[list[DueItem], dict[str, tuple[Any, ...]]]:
    """The due list and, for the households of its elders, ``(address_text, *columns)`` of
    each (read in the same transaction, so the two agree)."""
    today = ctx.today()
    if within_days is not None and within_days < 0:
        raise ServiceError("天数不能为负数", field="within_days")
    if include_later:
        horizon = date.max
    elif within_days is not None:
        horizon = today + timedelta(days=within_days)
    else:
        horizon = schedule.month_bounds(today.year, today.month)[1]
    with ctx.session() as s:
        calc = _calculator(rules_in_force(s), today)
        # One statement: the database keeps only the elders who may be due (``due_query``) and
        # joins their summary row and household; rows come straight from the DB-API cursor
        # (SQLAlchemy's per-value processing skipped), and the rules are applied exactly below.
        stmt = due_query.candidates_stmt(calc.rules, today, horizon, ctx.clock, columns)
        with gc_paused():
            rows = driver_rows(s.connection(), stmt)
    with gc_paused():
        return _build(rows, calc, ctx, today, horizon, limit)


def _build(
    rows: list[tuple[Any, ...]],
    calc: _DueCalculator,
    ctx: AppContext,
    today: date,
    horizon: date,
    limit: int | None,
) -> tuple[list[DueItem], dict[str, tuple[Any, ...]]]:
    """The rules applied exactly to the candidate rows; the items, most urgent first."""
    dates = Memo(as_date)
    ages = Memo(lambda raw: calc.age(as_date(raw)))
    local_days = Memo(lambda raw: local_date(raw, ctx.clock))
    hits = []
    households: dict[str, tuple[Any, ...]] = {}
    rules_seen, dues_seen = calc.rule_cache, calc.due_cache
    for row in rows:
        pid, name, phone, household_id, flags, birth, created, raw_last, risk = row[:9]
        risk = risk or "normal"
        age = ages[birth]
        key = (flags or "", risk, age)
        rule = rules_seen[key] if key in rules_seen else calc.rule(*key)
        if rule is None:
            continue
        last = dates[raw_last]
        if last is None:
            due = local_days[created] or date.min
        else:
            due_key = (last, rule.every, rule.unit)
            due = dues_seen[due_key] if due_key in dues_seen else calc.due(last, None, rule)
        if due <= horizon:
            hits.append((due, pid, rule, last, risk, flags or "", age, name, phone, household_id))
            if row[9] is not None:
                households[row[9]] = (row[10] or "", *row[11:])
    hits.sort()  # by due date, then person id (unique, so later fields never compare)
    if limit is not None:
        hits = hits[:limit]
        kept = {h[9] for h in hits}
        households = {k: v for k, v in households.items() if k in kept}
    out = []
    texts = {rule.name: rule.describe() for rule in calc.rules}
    for due, pid, rule, last, risk, flags, age, name, phone, household_id in hits:
        out.append(
            DueItem(
                person_id=pid,
                name=name,
                age=age,
                phone=phone or "",
                address=households[household_id][0] if household_id in households else "",
                categories=calc.labels(flags, age),
                rule_name=rule.name,
                rule_text=texts[rule.name],
                last_visit=last,
                due_date=due,
                days_overdue=max(0, (today - due).days) if due != date.min else 0,
                window=schedule.due_window(due, today),
                risk_level=risk,
                household_id=household_id,
            )
        )
    return out, households


def overdue_counts(
    s: Session,
    clock: Clock,
    today: date,
    group_of: GroupOf | None = None,
    sites: Collection[str] | None = None,
) -> dict[Any, int]:
    """Elders whose visit is past due today (逾期未访), per group: the due list's rule
    (``sites``: only the people these sites created), counted in the database (``counts``)."""
    return counts.overdue_counts(s, clock, today, group_of, sites)
