"""Which elders may be due (可能到期): the cadence rules turned into one SQL condition, so the
database hands the due list only the elders it needs, each with its household, in one
statement (no scan of every elder and every household in Python).

The condition is a *filter that never drops a due elder*; the due list then applies the rules
exactly in Python (``domain.schedule``) to the rows it gets, so the two can only differ if the
SQL missed someone — which the equivalence test against a plain reference checks
(``tests/daily/test_due_fast_path.py``). Why it cannot miss anyone:

- each rule's conditions are written so that every elder the rule matches in Python matches in
  SQL (categories by ``LIKE '%,code,%'`` on the stored flags, derived ones such as 高龄 and the
  minimum age by the birth date compared with the last birthday that gives that age today, the
  risk level from the local ``person_visit_state`` summary);
- the rules are tried most frequent first (as ``schedule.pick_rule`` chooses), and each gives the
  latest last-visit date that still makes the elder due by the horizon: a visit on or before
  ``threshold`` is due, since ``add_period`` never decreases with its start. A more frequent rule
  has a later threshold, so an extra SQL match can only let more rows through, never fewer;
- an elder never visited is due from the local day they were registered: compared as the UTC
  instant at which the local day after the horizon begins, so someone registered at 07:00
  Beijing time on the 1st (23:00 UTC the day before) is not due in the month before.

The rule choice itself is exact (``threshold_case``: the most frequent matching rule, the
earlier among equals), so the month's visit rate and the overdue count use it to count in the
database with no Python pass (``counts.py``; ``tests/daily/test_counts_sql.py``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import Date, and_, case, false, func, literal, or_, select
from sqlalchemy.sql import ColumnElement, Select

from ...clock import Clock
from ...domain import schedule
from ...domain.ages import years_before
from ...domain.people import DERIVED_CATEGORIES, SPECIAL_HARDSHIP_CODES
from ...domain.schedule import CadenceRule
from ...store.models import Household, Person
from ...store.models.daily import PersonVisitState

_DERIVED_AGE = {c.code: c.min_age for c in DERIVED_CATEGORIES if c.min_age is not None}


def threshold(horizon: date, rule: CadenceRule) -> date:
    """The latest last-visit date with which ``rule`` makes an elder due by ``horizon``:
    ``add_period(d) <= horizon`` exactly for ``d <= threshold`` (months clamp to the month's
    end, so 31 Oct and 30 Oct + 1 month are both 30 Nov)."""

    def due(day: date) -> date:
        return schedule.add_period(day, rule.every, rule.unit)

    # a start one period back (months: the same day number, clamped), then a few days' steps
    if rule.unit == "month":
        day = schedule.add_period(horizon, -rule.every, "month")
    else:
        day = horizon - timedelta(days=round(rule.approx_days))
    while due(day) > horizon:
        day -= timedelta(days=1)
    while due(day + timedelta(days=1)) <= horizon:
        day += timedelta(days=1)
    return day


def _flag(code: str, flags: Any) -> ColumnElement[bool]:
    return flags.like(f"%,{code},%")  # type: ignore[no-any-return]


def _aged(years: int, today: date, birth: Any) -> ColumnElement[bool]:
    """At least ``years`` old today (a person without a birth date has no age)."""
    return and_(birth.is_not(None), birth <= years_before(today, years))


def rule_condition(
    rule: CadenceRule,
    today: date,
    risk: Any,
    flags: Any = Person.category_flags,
    birth: Any = Person.birth_date,
) -> ColumnElement[bool]:
    """SQL true for exactly the elders ``schedule.rule_matches`` accepts today (``flags`` and
    ``birth``: the columns holding the stored ``,a,b,`` category codes and the birth date)."""
    if not rule.active:
        return false()
    parts: list[ColumnElement[bool]] = []
    if rule.categories:
        parts.append(
            or_(
                *(
                    _aged(_DERIVED_AGE[c], today, birth) if c in _DERIVED_AGE else _flag(c, flags)
                    for c in sorted(rule.categories)
                )
            )
        )
    if rule.special_hardship:
        parts.append(or_(*(_flag(c, flags) for c in sorted(SPECIAL_HARDSHIP_CODES))))
    if rule.risk is not None:
        parts.append(risk == rule.risk)
    if rule.min_age is not None:  # an unknown age passes (as in ``rule_matches``)
        parts.append(or_(birth.is_(None), birth <= years_before(today, rule.min_age)))
    return and_(*parts) if parts else literal(True)


def threshold_case(
    rules: tuple[CadenceRule, ...],
    today: date,
    horizon: date,
    risk: Any,
    flags: Any = Person.category_flags,
    birth: Any = Person.birth_date,
) -> Any:
    """SQL: the ``threshold`` of the rule ``schedule.pick_rule`` chooses on ``today`` (the most
    frequent matching rule; among equals the earlier one), NULL when no rule applies."""
    active = [r for r in rules if r.active]
    if not active:
        return literal(None, Date)
    ordered = sorted(active, key=lambda r: r.approx_days)
    whens = [
        (rule_condition(r, today, risk, flags, birth), literal(_threshold_or_max(horizon, r), Date))
        for r in ordered
    ]
    return case(*whens, else_=None)


def candidates_stmt(
    rules: tuple[CadenceRule, ...],
    today: date,
    horizon: date,
    clock: Clock,
    household_columns: tuple[Any, ...] = (),
) -> Select[*tuple[Any, ...]]:
    """Elders who may be due by ``horizon``: ``(id, name, phone, household_id, category_flags,
    birth_date, created_at, last_visit_date, risk_level, household.id, household.address_text,
    *household_columns)``, the household columns NULL for an elder without one."""
    state = PersonVisitState
    risk = func.coalesce(func.nullif(state.risk_level, ""), "normal")
    stmt = (
        select(
            Person.id,
            Person.name,
            Person.phone,
            Person.household_id,
            Person.category_flags,
            Person.birth_date,
            Person.created_at,
            state.last_visit_date,
            state.risk_level,
            Household.id,
            Household.address_text,
            *household_columns,
        )
        .select_from(Person)
        .outerjoin(state, state.person_id == Person.id)
        .outerjoin(Household, Household.id == Person.household_id)
        .where(Person.deleted.is_(False), Person.is_elder.is_(True))
    )
    if not any(r.active for r in rules):
        return stmt.where(false())
    # most frequent first; among equals the earlier rule, as pick_rule keeps the first found
    limit = threshold_case(rules, today, horizon, risk)
    if horizon == date.max:  # everyone with a cadence
        return stmt.where(limit.is_not(None))
    registered_before = clock.start_of_day(horizon + timedelta(days=1))
    return stmt.where(
        or_(
            and_(
                state.last_visit_date.is_(None),
                or_(Person.created_at.is_(None), Person.created_at < registered_before),
                limit.is_not(None),
            ),
            state.last_visit_date <= limit,
        )
    )


def _threshold_or_max(horizon: date, rule: CadenceRule) -> date:
    return date.max if horizon == date.max else threshold(horizon, rule)
