"""A plain per-person reference of the month's visit rate and the overdue count: every person
loaded, the rules of ``domain.schedule`` applied one by one (what the services did before they
counted in SQL). ``test_counts_sql.py`` holds the SQL counts equal to it."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from afc_desktop.domain import schedule
from afc_desktop.domain.schedule import MonthRecord, Subject
from afc_desktop.services.context import AppContext
from afc_desktop.services.visits.rules import rules_in_force
from afc_desktop.store.history import people_changed_since
from afc_desktop.store.models import Person
from afc_desktop.store.models.daily import PersonVisitState, Visit


def _codes(flags: str | None) -> tuple[str, ...]:
    return tuple(flags.strip(",").split(",")) if flags else ()


def month_rate(
    ctx: AppContext, year: int, month: int, site: str | None = None, rules: Any = None
) -> dict[str, tuple[int, int]]:
    """{row key: (due, visited)} of the month, person by person (``site``: only the people
    that site created; ``rules``: instead of the rules in force)."""
    start, end = schedule.month_bounds(year, month)
    clock = ctx.clock
    with ctx.session() as s:
        rules = rules or rules_in_force(s)
        done = [
            v
            for v in s.scalars(select(Visit))
            if v.status == "done" and not v.deleted and v.person_id
        ]
        latest: dict[str, Any] = {}
        visited: set[str] = set()
        for v in done:
            if v.visit_date < start:
                key = (v.visit_date, v.created_at, v.id)
                if v.person_id not in latest or key > latest[v.person_id][0]:
                    latest[v.person_id] = (key, v.risk_level)
            elif v.visit_date <= end:
                visited.add(v.person_id)
        month_over = clock.start_of_day(end + timedelta(days=1))
        then = people_changed_since(s, month_over) if month_over <= clock.now() else {}
        records = []
        for p in s.scalars(select(Person)):
            if site is not None and p.origin_site != site:
                continue
            past = then.get(p.id)
            if past is not None and past.existed:
                if past.deleted or not past.is_elder:
                    continue
                categories, born = tuple(sorted(set(past.categories))), past.birth_date
            elif p.deleted or not p.is_elder or (past is not None and p.registered_on is None):
                continue
            else:
                categories, born = _codes(p.category_flags), p.birth_date
            found = latest.get(p.id)
            last = found[0][0] if found else None
            risk = (found[1] or "normal") if found else "normal"
            registered = p.registered_on or clock.local_date(p.created_at)
            records.append(
                MonthRecord(Subject(categories, born, risk, registered), last, p.id in visited)
            )
    rate = schedule.month_visit_rate(records, rules, year, month)
    return {r.key: (r.due, r.visited) for r in rate.rows}


def overdue(ctx: AppContext, site: str | None = None, rules: Any = None) -> int:
    """Elders whose visit was due before today, person by person (the due list's rule)."""
    today = ctx.today()
    with ctx.session() as s:
        rules = rules or rules_in_force(s)
        states = {st.person_id: st for st in s.scalars(select(PersonVisitState))}
        n = 0
        for p in s.scalars(select(Person)):
            if p.deleted or not p.is_elder or (site is not None and p.origin_site != site):
                continue
            st = states.get(p.id)
            last = st.last_visit_date if st else None
            risk = (st.risk_level or "normal") if st else "normal"
            rule = schedule.pick_rule(rules, Subject(_codes(p.category_flags), p.birth_date, risk),
                                      today)  # fmt: skip
            if rule is None:
                continue
            if last is None:
                due = ctx.clock.local_date(p.created_at) if p.created_at else date.min
            else:
                due = schedule.add_period(last, rule.every, rule.unit)
            if date.min < due < today:
                n += 1
    return n
