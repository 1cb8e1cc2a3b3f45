"""The month's visit rate (月探访率) and overdue visits (逾期未访) counted in the database.

One implementation for a community's own overview and for every community of the district
hub (``district/figures.py``): each is a ``GROUP BY origin_site`` over the register, so a city
of a million people costs a few set-based statements, not a Python loop over everyone. The
rules are those of ``domain.schedule`` (``pick_rule``, ``next_due``, ``month_visit_rate``),
turned into SQL by ``due_query.threshold_case``: the most frequent matching cadence rule gives
the latest last-visit date that still makes an elder due, and an elder is due when their
latest visit is on or before it (or when never visited). ``tests/daily/test_counts_sql.py``
holds both figures equal to a plain per-person reference at the month's edges, on SQLite and
PostgreSQL.

**Month rate** for year-month (start … end, local dates): an elder counts as due when on the
register in that month under the categories they held then, registered by its last day (the
registration date, else the local day the row was written: compared as the UTC instant the
next local day begins, computed once here from the clock), and when their cadence — chosen on
the month's last day with the risk level of their latest recorded visit before the month —
needs a visit by the month's end. Visited: a recorded visit (status done, not deleted; never a
draft) dated in the month. People whose register fields changed after the month are counted
as they were (``store/history.py``): their past rows are put in a temporary table and counted
by the same statement.

**Overdue**: an elder on the register today whose next visit (the due list's rule, from the
``person_visit_state`` summary) was due before today; an elder never visited is due from the
local day they were registered.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    MetaData,
    String,
    Table,
    and_,
    case,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.orm import Session

from ...clock import Clock
from ...domain import people, schedule
from ...domain.ages import years_before
from ...domain.schedule import CadenceRule, MonthRate, RateRow
from ...store.derive import category_flags
from ...store.history import people_changed_since
from ...store.models import Person
from ...store.models.base import UTCDateTime
from ...store.models.daily import PersonVisitState, Visit
from .due_query import threshold_case
from .rows import Memo, driver_rows, flag_codes
from .rules import GroupOf, rules_by

# The register rows of people changed since a month ended, as they stood then (per session).
_THEN = Table(
    "afc_rate_person_then",
    MetaData(),
    Column("id", String(36), primary_key=True),
    Column("keep", Boolean, nullable=False),  # False: not an elder on the register then
    Column("origin_site", String(36)),
    Column("category_flags", String(300)),
    Column("birth_date", Date),
    Column("registered_on", Date),
    Column("created_at", UTCDateTime()),
    prefixes=["TEMPORARY"],
)

_EXPLICIT = [c.code for c in people.EXPLICIT_CATEGORIES]
_DERIVED = [(c.code, c.min_age) for c in people.DERIVED_CATEGORIES if c.min_age is not None]


def _done_terms() -> tuple[Any, Any]:
    """A recorded visit: done (never a draft), not deleted (the terms of the partial index)."""
    return Visit.status == "done", Visit.deleted.is_(False)


def _done() -> Any:
    return and_(*_done_terms())


def _rule_groups(
    s: Session, group_of: GroupOf | None, site_col: Any, sites_of: Any
) -> tuple[dict[Any, tuple[CadenceRule, ...]], Any]:
    """The cadence rules per group, and a function ``(horizon, day, risk, flags, birth) → SQL
    threshold`` that applies to each row the rules of its community (one CASE per distinct
    set of rules, chosen by ``origin_site`` when communities differ)."""
    rules = rules_by(s, group_of)
    if group_of is None:
        mine = rules[None]
        return rules, lambda h, d, r, f, b: threshold_case(mine, d, h, r, f, b)
    distinct = {tuple(r) for r in rules.values()}
    if not distinct or distinct == {schedule.DEFAULT_RULES}:
        return rules, lambda h, d, r, f, b: threshold_case(schedule.DEFAULT_RULES, d, h, r, f, b)
    by_rules: dict[tuple[CadenceRule, ...], list[Any]] = {}
    for site in sites_of():
        by_rules.setdefault(rules.get(group_of(site), schedule.DEFAULT_RULES), []).append(site)
    if len(by_rules) <= 1:
        only = next(iter(by_rules), schedule.DEFAULT_RULES)
        return rules, lambda h, d, r, f, b: threshold_case(only, d, h, r, f, b)
    site = func.coalesce(site_col, "")  # a row without a site: its group is group_of(None)

    def pick(h: date, d: date, r: Any, f: Any, b: Any) -> Any:
        whens = [
            (site.in_(sorted(x or "" for x in group)), threshold_case(rs, d, h, r, f, b))
            for rs, group in by_rules.items()
        ]
        return case(*whens, else_=threshold_case(schedule.DEFAULT_RULES, d, h, r, f, b))

    return rules, pick


def _distinct_sites(s: Session, sites: Collection[str] | None) -> Any:
    def sites_of() -> list[Any]:
        if sites is not None:
            return sorted(sites)
        return [row[0] for row in s.execute(select(Person.origin_site).distinct())]

    return sites_of


# --- the month's visit rate ------------------------------------------------------------------


def _people_then(
    s: Session, clock: Clock, now: datetime, end: date, sites: Collection[str] | None
) -> Any:
    """The register of the month as a selectable (id, origin_site, category_flags, birth_date,
    registered_on, created_at): people unchanged since the month's end from their rows, the
    changed ones from the temporary table their past state is written to."""
    month_over = clock.start_of_day(end + timedelta(days=1))
    then = people_changed_since(s, month_over) if month_over <= now else {}
    cols = (Person.id, Person.origin_site, Person.category_flags, Person.birth_date,
            Person.registered_on, Person.created_at)  # fmt: skip
    live = [Person.deleted.is_(False), Person.is_elder.is_(True)]
    if sites is not None:
        live.append(Person.origin_site.in_(sorted(sites)))
    if not then:
        return select(*cols).where(*live).subquery("p")
    rows = []
    current = {}
    ids = sorted(then)
    for start in range(0, len(ids), 500):
        current.update(
            {
                r[0]: r
                for r in s.execute(
                    select(*cols, Person.deleted, Person.is_elder).where(
                        Person.id.in_(ids[start : start + 500])
                    )
                )
            }
        )
    for pid in ids:
        past, now_row = then[pid], current.get(pid)
        if now_row is None:
            continue
        _id, site, flags, birth, registered, created, deleted, is_elder = now_row
        keep = True
        if past.existed:
            keep = not past.deleted and past.is_elder
            flags, birth = category_flags(list(past.categories)), past.birth_date
        elif deleted or not is_elder or registered is None:
            keep = False  # typed in after the month: counted only by a ledger's 登记日期
        rows.append({"id": pid, "keep": keep, "origin_site": site, "category_flags": flags,
                     "birth_date": birth, "registered_on": registered, "created_at": created})  # fmt: skip
    _THEN.create(s.connection(), checkfirst=True)
    s.execute(delete(_THEN))
    s.execute(insert(_THEN), rows)
    unchanged = select(*cols).where(*live, Person.id.not_in(select(_THEN.c.id)))
    changed = select(
        _THEN.c.id, _THEN.c.origin_site, _THEN.c.category_flags, _THEN.c.birth_date,
        _THEN.c.registered_on, _THEN.c.created_at,
    ).where(_THEN.c.keep.is_(True))  # fmt: skip
    if sites is not None:
        changed = changed.where(_THEN.c.origin_site.in_(sorted(sites)))
    return union_all(unchanged, changed).subquery("p")


def _age_class(birth: Any, on: date) -> Any:
    """How many of the derived categories (高龄, 长寿, 百岁) a birth date gives on ``on``."""
    whens = [
        (and_(birth.is_not(None), birth <= years_before(on, age)), literal(n))
        for n, (_code, age) in reversed(list(enumerate(_DERIVED, start=1)))
    ]
    return case(*whens, else_=literal(0))


def _latest_before(s: Session, start: date, sites: Collection[str] | None) -> Any:
    """Each person's latest recorded visit before ``start`` (person_id, visit_date,
    risk_level): by visit date, then when written, then id — the order of the visit summary
    (``models.daily._recency``), read along ``ix_visit_done_latest`` (migration 0017).
    ``sites``: only the visits of the people these sites created."""
    newest = (Visit.visit_date.desc(), Visit.created_at.desc(), Visit.id.desc())
    where: tuple[Any, ...] = (*_done_terms(), Visit.visit_date < start)
    if sites is not None:
        theirs = select(Person.id).where(Person.origin_site.in_(sorted(sites)))
        where = (*where, Visit.person_id.in_(theirs))
    if s.get_bind().dialect.name == "postgresql":
        return (
            select(Visit.person_id, Visit.visit_date, Visit.risk_level)
            .where(*where)
            .ext(distinct_on(Visit.person_id))
            .order_by(Visit.person_id, *newest)
            .subquery("last")
        )
    ranked = select(
        Visit.person_id,
        Visit.visit_date,
        Visit.risk_level,
        func.row_number().over(partition_by=Visit.person_id, order_by=newest).label("rn"),
    ).where(*where).subquery("ranked")  # fmt: skip
    return (
        select(ranked.c.person_id, ranked.c.visit_date, ranked.c.risk_level)
        .where(ranked.c.rn == 1)
        .subquery("last")
    )


# PostgreSQL, for the month statement only: no parallel plan (each worker would build its own
# copy of everyone's latest visit, three scans of every visit instead of one) and room for
# its hash tables in memory (the 4 MB default spills a city's million people to disk).
_PG_SETTINGS = {"max_parallel_workers_per_gather": "0", "work_mem": "64MB"}


@contextmanager
def _one_pass_settings(s: Session) -> Iterator[None]:
    """Planner settings for the month statement, restored after it (PostgreSQL only)."""
    conn = s.connection()
    if conn.dialect.name != "postgresql":
        yield
        return
    before = {k: conn.exec_driver_sql(f"SHOW {k}").scalar_one() for k in _PG_SETTINGS}
    for key, value in _PG_SETTINGS.items():
        conn.exec_driver_sql("SELECT set_config(%(k)s, %(v)s, true)", {"k": key, "v": value})
    try:
        yield
    finally:
        for key, value in before.items():
            conn.exec_driver_sql("SELECT set_config(%(k)s, %(v)s, true)", {"k": key, "v": value})


def month_rate_counts(
    s: Session,
    clock: Clock,
    now: datetime,
    year: int,
    month: int,
    group_of: GroupOf | None = None,
    sites: Collection[str] | None = None,
) -> dict[Any, MonthRate]:
    """月探访率 per group (see ``rules.GroupOf``; ``None``: the one key ``None``, always
    present): visited ÷ due overall, for 特殊困难 elders and per category. ``sites``: count
    only the people these sites created."""
    start, end = schedule.month_bounds(year, month)
    month_over = clock.start_of_day(end + timedelta(days=1))
    p = _people_then(s, clock, now, end, sites)
    done = _done()
    last = _latest_before(s, start, sites)
    visited_ids = (
        select(Visit.person_id.label("person_id"))
        .where(done, Visit.visit_date >= start, Visit.visit_date <= end)
        .group_by(Visit.person_id)
        .subquery("seen")
    )
    risk = func.coalesce(func.nullif(last.c.risk_level, ""), "normal")
    _rules, pick = _rule_groups(s, group_of, p.c.origin_site, _distinct_sites(s, sites))
    limit = pick(end, end, risk, p.c.category_flags, p.c.birth_date)
    due = and_(limit.is_not(None), or_(last.c.visit_date.is_(None), last.c.visit_date <= limit))
    registered = or_(
        p.c.registered_on <= end,
        and_(
            p.c.registered_on.is_(None),
            or_(p.c.created_at.is_(None), p.c.created_at < month_over),
        ),
    )
    seen = visited_ids.c.person_id.is_not(None)
    visited = case((seen, 1), else_=0)
    ages = _age_class(p.c.birth_date, end)
    stmt = (
        select(p.c.origin_site, p.c.category_flags, ages, visited, func.count())
        .select_from(p)
        .outerjoin(last, last.c.person_id == p.c.id)
        .outerjoin(visited_ids, visited_ids.c.person_id == p.c.id)
        .where(registered, due)
        .group_by(p.c.origin_site, p.c.category_flags, ages, visited)
    )
    out: dict[Any, MonthRate] = {}
    keys = Memo(group_of) if group_of is not None else None
    codes: dict[tuple[Any, int], list[str]] = {}
    with _one_pass_settings(s):
        rows = driver_rows(s.connection(), stmt)
    for site, flags, age_class, was_visited, n in rows:
        key = keys[site] if keys is not None else None
        rate = out.get(key)
        if rate is None:
            rate = out[key] = _empty_rate(year, month)
        combo = (flags, int(age_class))
        cats = codes.get(combo)
        if cats is None:
            cats = codes[combo] = _categories(flags, int(age_class))
        for row_key in cats:
            row = rate.row(row_key)
            row.due += int(n)
            if was_visited:
                row.visited += int(n)
    if group_of is None:
        out.setdefault(None, _empty_rate(year, month))
    for rate in out.values():
        rate.rows = [r for r in rate.rows if r.due or r.key == "all"]
    return out


def _empty_rate(year: int, month: int) -> MonthRate:
    rows = [RateRow("all", "全部老年人"), RateRow("special_hardship", "特殊困难老年人")]
    rows += [RateRow(c.code, people.category_label(c.code)) for c in people.ALL_CATEGORIES]
    return MonthRate(year, month, rows)


def _categories(flags: str | None, age_class: int) -> list[str]:
    """The rows a due person counts in: all, their categories (derived ones by age class),
    and 特殊困难 when any of them is."""
    held = set(flag_codes(flags))
    cats = [c for c in _EXPLICIT if c in held] + [c for c, _a in _DERIVED[:age_class]]
    out = ["all", *cats]
    if people.is_special_hardship(cats):
        out.append("special_hardship")
    return out


# --- overdue visits --------------------------------------------------------------------------


def overdue_counts(
    s: Session,
    clock: Clock,
    today: date,
    group_of: GroupOf | None = None,
    sites: Collection[str] | None = None,
) -> dict[Any, int]:
    """Elders whose visit is past due today (逾期未访), per group (``sites``: only the people
    these sites created). Groups with elders but nothing overdue are present with 0."""
    state = PersonVisitState
    risk = func.coalesce(func.nullif(state.risk_level, ""), "normal")
    _rules, pick = _rule_groups(s, group_of, Person.origin_site, _distinct_sites(s, sites))
    limit = pick(today - timedelta(days=1), today, risk, Person.category_flags, Person.birth_date)
    overdue = and_(
        limit.is_not(None),
        or_(
            and_(
                state.last_visit_date.is_(None),
                Person.created_at.is_not(None),
                Person.created_at < clock.start_of_day(today),
            ),
            state.last_visit_date <= limit,
        ),
    )
    stmt = (
        select(Person.origin_site, func.sum(case((overdue, 1), else_=0)))
        .select_from(Person)
        .outerjoin(state, state.person_id == Person.id)
        .where(Person.deleted.is_(False), Person.is_elder.is_(True))
        .group_by(Person.origin_site)
    )
    if sites is not None:
        stmt = stmt.where(Person.origin_site.in_(sorted(sites)))
    counts: dict[Any, int] = {}
    keys = Memo(group_of) if group_of is not None else None
    for site, n in driver_rows(s.connection(), stmt):
        key = keys[site] if keys is not None else None
        counts[key] = counts.get(key, 0) + int(n or 0)
    return counts
