"""The month's visit rate (月探访率): visited ÷ due, overall, for 特殊困难 elders and per
category."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from ...clock import Clock
from ...domain import schedule
from ...domain.schedule import MonthRate, MonthRecord, Subject
from ...store.history import people_changed_since
from ...store.models import Person
from ...store.models.daily import Visit
from ..context import AppContext, ServiceError
from .rows import Memo, as_date, driver_rows, flag_codes, local_date
from .rules import GroupOf, rules_by


def visit_rate(ctx: AppContext, year: int, month: int) -> MonthRate:
    """月探访率 for a month: visited ÷ due, overall, for 特殊困难 elders and per category."""
    if not 1 <= month <= 12:
        raise ServiceError("月份应在1到12之间", field="month")
    with ctx.session() as s:
        return month_rates(s, ctx.clock, ctx.now(), year, month)[None]


def month_rates(
    s: Session,
    clock: Clock,
    now: datetime,
    year: int,
    month: int,
    group_of: GroupOf | None = None,
    sites: Collection[str] | None = None,
) -> dict[Any, MonthRate]:
    """月探访率 per group (see ``rules.GroupOf``); only recorded visits count, never drafts.

    With ``group_of`` None the one key ``None`` is always present (an empty community has a
    rate with nothing due). ``sites``: count only people created by these sites (the district
    recomputing the communities whose data changed).
    """
    start, end = schedule.month_bounds(year, month)
    rules = rules_by(s, group_of)
    conn = s.connection()
    dates = Memo(as_date)
    done = and_(Visit.status == "done", Visit.deleted.is_(False))
    # Each person's latest recorded visit before the month and the risk it set: one pass
    # over the covering index (SQLite takes the bare columns from the MAX row; PostgreSQL
    # says the same with a window function).
    if conn.dialect.name == "postgresql":
        ranked = (
            select(
                Visit.person_id,
                Visit.visit_date,
                Visit.risk_level,
                func.row_number()
                .over(partition_by=Visit.person_id, order_by=Visit.visit_date.desc())
                .label("rn"),
            )
            .where(done, Visit.visit_date < start)
            .subquery()
        )
        latest = select(ranked.c.person_id, ranked.c.visit_date, ranked.c.risk_level).where(
            ranked.c.rn == 1
        )
    else:
        latest = (
            select(Visit.person_id, func.max(Visit.visit_date), Visit.risk_level)
            .where(done, Visit.visit_date < start)
            .group_by(Visit.person_id)
        )
    before = {pid: (dates[day], risk) for pid, day, risk in driver_rows(conn, latest)}
    visited = {
        pid
        for (pid,) in driver_rows(
            conn,
            select(Visit.person_id)
            .where(done, Visit.visit_date >= start, Visit.visit_date <= end)
            .distinct(),
        )
    }
    no_visit = (None, "normal")
    records: dict[Any, list[MonthRecord]] = {None: []} if group_of is None else {}
    keys = Memo(group_of) if group_of is not None else None
    # People count under the categories they held in that month, as the change log tells
    # (removed since, re-categorised since); people unchanged since are as they are now.
    month_over = clock.start_of_day(end + timedelta(days=1))
    then = people_changed_since(s, month_over) if month_over <= now else {}
    stmt = select(
        Person.id,
        Person.category_flags,
        Person.birth_date,
        Person.created_at,
        Person.registered_on,
        Person.deleted,
        Person.is_elder,
        Person.origin_site,
    )
    if not then:
        stmt = stmt.where(Person.deleted.is_(False), Person.is_elder.is_(True))
    if sites is not None:
        stmt = stmt.where(Person.origin_site.in_(sorted(sites)))
    rows = driver_rows(conn, stmt)
    for pid, flags, birth, created, registered, deleted, is_elder, site in rows:
        past = then.get(pid)
        if past is not None and past.existed:
            if past.deleted or not past.is_elder:
                continue
            categories, born = tuple(sorted(set(past.categories))), past.birth_date
        elif deleted or not is_elder or (past is not None and registered is None):
            # typed in after the month: counted only by a registration date (a ledger's)
            continue
        else:
            categories, born = flag_codes(flags), dates[birth]
        last, risk = before.get(pid, no_visit)
        # registered: the register's date (ledger or entry), else the day the row was made
        day = dates[registered] or local_date(created, clock)
        subject = Subject(categories, born, risk or "normal", day)
        key = keys[site] if keys is not None else None
        records.setdefault(key, []).append(MonthRecord(subject, last, pid in visited))
    return {
        key: schedule.month_visit_rate(recs, rules.get(key, schedule.DEFAULT_RULES), year, month)
        for key, recs in records.items()
    }
