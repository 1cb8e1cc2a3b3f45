"""The month's visit rate (月探访率): visited ÷ due, overall, for 特殊困难 elders and per
category."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import and_, func, select

from ...domain import schedule
from ...domain.schedule import MonthRate, MonthRecord, Subject
from ...store.history import people_changed_since
from ...store.models import Person
from ...store.models.daily import Visit
from ..context import AppContext, ServiceError
from .rows import Memo, as_date, driver_rows, flag_codes, local_date
from .rules import rules_in_force


def visit_rate(ctx: AppContext, year: int, month: int) -> MonthRate:
    """月探访率 for a month: visited ÷ due, overall, for 特殊困难 elders and per category."""
    if not 1 <= month <= 12:
        raise ServiceError("月份应在1到12之间", field="month")
    start, end = schedule.month_bounds(year, month)
    with ctx.session() as s:
        rules = rules_in_force(s)
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
        records = []
        # People count under the categories they held in that month, as the change log tells
        # (removed since, re-categorised since); people unchanged since are as they are now.
        month_over = ctx.clock.start_of_day(end + timedelta(days=1))
        then = people_changed_since(s, month_over) if month_over <= ctx.now() else {}
        stmt = select(
            Person.id,
            Person.category_flags,
            Person.birth_date,
            Person.created_at,
            Person.registered_on,
            Person.deleted,
            Person.is_elder,
        )
        if not then:
            stmt = stmt.where(Person.deleted.is_(False), Person.is_elder.is_(True))
        for pid, flags, birth, created, registered, deleted, is_elder in driver_rows(conn, stmt):
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
            day = dates[registered] or local_date(created, ctx.clock)
            subject = Subject(categories, born, risk or "normal", day)
            records.append(MonthRecord(subject, last, pid in visited))
    return schedule.month_visit_rate(records, rules, year, month)
