"""Community figures (社区统计) for the overview page and the pilot report (试点报告).

Every figure is one aggregate SQL query (``SUM(CASE …)``, ``GROUP BY``), so the numbers stay quick
on a district database of hundreds of thousands of people; no person row is loaded into Python.
The month's visit rate is the daily-work service's :func:`services.visits.visit_rate` (the one
definition of 月探访率), and overdue visits come from its due list.

Targets from the action plan (苏政民发〔2021〕3号):

- 特殊困难老年人 visited every month: a 100% monthly visit rate (standards §5);
- at least two 微自治 (self-governance) projects a year (二(四)).

Each figure a chart shows is a :class:`Count` with a ``filter``: the register query that lists the
people behind the bar (``{"categories": [...]}`` or ``{"age_band": ...}``), or ``None`` when
the bar does not stand for a list of people.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from ..clock import Clock
from ..domain import needs as need_rules
from ..domain import people
from ..domain.ages import years_before
from ..store.changes import session_clock
from ..store.models import Community, Person, Site
from ..store.models.assessment import Assessment
from ..store.models.daily import Need, Project, ServiceLog, Visit
from . import as_of
from .context import AppContext, ServiceError
from .participation import PROJECTS_PER_YEAR
from .service_log import KIND_LABELS as ADVISORY_KIND_LABELS
from .stats_views import (  # noqa: F401  (the figures' shapes, re-exported)
    AdvisoryStats,
    CommunityStats,
    Count,
    HomeModificationStats,
    MonthRateRow,
    NeedStats,
    PeopleStats,
    Period,
    ProjectStats,
    VisitStats,
)
from .visits import GroupOf, overdue_counts, visit_rate

VISIT_RATE_TARGET = 1.0  # 特殊困难老年人 monthly visit rate: 100%
PROJECTS_PER_YEAR_TARGET = PROJECTS_PER_YEAR  # 微自治 projects a year (participation service)
HOME_MODIFICATION_FORM = "home-modification-2020"  # 居家适老化改造评估表

NO_GRADE = "未评估"
MODE_LABELS = {"home": "入户走访", "phone": "电话探访", "video": "视频探访"}

# Open-need age buckets (days since found): key, label, low, high (inclusive; None = open end).
NEED_AGE_BUCKETS: tuple[tuple[str, str, int, int | None], ...] = (
    ("0-7", "7天内", 0, 7),
    ("8-30", "8–30天", 8, 30),
    ("31-90", "31–90天", 31, 90),
    ("90+", "90天以上", 91, None),
)


# --- helpers ---------------------------------------------------------------------------------


def _count_if(cond: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)


def _elders(on: date, clock: Clock, changed: set[str]) -> list[ColumnElement[bool]]:
    """Elders on the register on ``on`` (registered by then, not removed by then) whose row has
    not changed since; the changed ones are rebuilt from the change log (``services/as_of``)."""
    conditions = as_of.on_register(on, clock)
    if changed:
        conditions.append(Person.id.not_in(sorted(changed)))
    return conditions


def _category_condition(code: str, on: date) -> ColumnElement[bool]:
    cat = people.category(code)
    if cat.derived and cat.min_age is not None:
        return Person.birth_date <= years_before(on, cat.min_age)
    return Person.category_flags.contains(f",{code},")


def _band_condition(code: str, on: date) -> ColumnElement[bool]:
    earliest, latest = people.birth_range_for_band(code, on)
    parts: list[ColumnElement[bool]] = []
    if earliest is not None:
        parts.append(Person.birth_date >= earliest)
    if latest is not None:
        parts.append(Person.birth_date <= latest)
    return and_(*parts)


def _sums(
    s: Session,
    model: Any,
    columns: list[Any],
    where: list[ColumnElement[bool]],
    group_of: GroupOf | None,
) -> dict[Any, dict[str, int]]:
    """Labelled aggregate ``columns`` over ``model`` rows matching ``where``: one dict of sums
    under the key ``None`` (a community), or per ``group_of(origin_site)`` (the district:
    grouped by site in SQL, sites added up per community here)."""
    if group_of is None:
        row = s.execute(select(*columns).select_from(model).where(*where)).one()
        return {None: {k: int(v or 0) for k, v in row._mapping.items()}}
    out: dict[Any, dict[str, int]] = {}
    stmt = (
        select(model.origin_site, *columns)
        .select_from(model)
        .where(*where)
        .group_by(model.origin_site)
    )
    for row in s.execute(stmt):
        values = dict(row._mapping)
        key = group_of(values.pop("origin_site"))
        acc = out.setdefault(key, {})
        for k, v in values.items():
            acc[k] = acc.get(k, 0) + int(v or 0)
    return out


def _community_name(s: Session) -> str:
    community_id = s.scalar(select(Site.community_id).where(Site.is_local.is_(True)))
    community = s.get(Community, community_id) if community_id else None
    if community is None:
        return ""
    return f"{community.street_name}{community.name}"


# --- people ----------------------------------------------------------------------------------


def _people(s: Session, on: date) -> PeopleStats:
    """The register as it stood on ``on`` (see ``services/as_of.py``), so a report for a past
    period keeps its numbers whatever happened since."""
    return people_by(s, on, None).get(None) or _people_from({}, {})


def _origin_sites(s: Session, ids: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = s.execute(select(Person.id, Person.origin_site).where(Person.id.in_(chunk)))
        out.update(rows.tuples().all())  # a Result has keys(): not a mapping to update from
    return out


def people_by(
    s: Session, on: date, group_of: GroupOf | None, sites: Collection[str] | None = None
) -> dict[Any, PeopleStats]:
    """Elders on the register on ``on`` per group (see ``_sums``): one computation for the
    community's overview and for each community of the district (``sites``: only the people
    these sites created; the groups of other sites may then be partial)."""
    clock = session_clock(s)
    then = as_of.changed_since(s, on, clock)
    changed = set(then)
    extra = as_of.rebuilt(s, then, on, clock) if then else []
    cats = [c.code for c in people.ALL_CATEGORIES]
    bands = [b[0] for b in people.AGE_BANDS]
    hardship = or_(*[_category_condition(c, on) for c in sorted(people.SPECIAL_HARDSHIP_CODES)])
    columns = [
        func.count().label("elders"),
        _count_if(hardship).label("hardship"),
        *[_count_if(_category_condition(c, on)).label(f"c_{i}") for i, c in enumerate(cats)],
        *[_count_if(_band_condition(b, on)).label(f"b_{i}") for i, b in enumerate(bands)],
        _count_if(_band_condition(people.UNDER_60, on)).label("under60"),
        _count_if(Person.birth_date.is_(None)).label("no_birth"),
    ]
    where = _elders(on, clock, changed)
    if sites is not None:
        where.append(Person.origin_site.in_(sorted(sites)))
    # one pass over the register: the sums per (site, ability grade), added up here
    grade = func.coalesce(Person.ability_grade, "").label("grade")
    site_col = [Person.origin_site] if group_of is not None else []
    sums: dict[Any, dict[str, int]] = {}
    grades: dict[Any, dict[str, int]] = {}
    stmt = select(*site_col, grade, *columns).where(*where).group_by(*site_col, grade)
    for row in s.execute(stmt):
        values = dict(row._mapping)
        key = group_of(values.pop("origin_site")) if group_of is not None else None
        g = str(values.pop("grade") or "")
        acc = sums.setdefault(key, {})
        for k, v in values.items():
            acc[k] = acc.get(k, 0) + int(v or 0)
        by_grade = grades.setdefault(key, {})
        by_grade[g] = by_grade.get(g, 0) + int(values["elders"] or 0)
    sites = _origin_sites(s, [e.id for e in extra]) if extra and group_of is not None else {}
    for e in extra:  # people changed since the day, as they were then
        key = group_of(sites.get(e.id)) if group_of is not None else None
        values = sums.setdefault(key, {})
        held = people.all_categories(e.categories, e.birth_date, on)
        band = people.age_band(e.birth_date, on)
        add = {
            "elders": 1,
            "hardship": int(people.is_special_hardship(held)),
            **{f"c_{i}": int(c in held) for i, c in enumerate(cats)},
            **{f"b_{i}": int(band == b) for i, b in enumerate(bands)},
            "under60": int(band == people.UNDER_60),
            "no_birth": int(e.birth_date is None),
        }
        for k, v in add.items():
            values[k] = values.get(k, 0) + v
        acc = grades.setdefault(key, {})
        acc[e.ability_grade] = acc.get(e.ability_grade, 0) + 1
    return {key: _people_from(values, grades.get(key, {})) for key, values in sums.items()}


def _people_from(values: dict[str, int], grades: dict[str, int]) -> PeopleStats:
    cats = [c.code for c in people.ALL_CATEGORIES]
    bands = [b[0] for b in people.AGE_BANDS]

    def v(name: str) -> int:
        return int(values.get(name, 0))

    by_category = tuple(
        Count(c, people.category_label(c), v(f"c_{i}"), {"categories": [c]})
        for i, c in enumerate(cats)
    )
    by_band = [
        Count(b, people.age_band_label(b), v(f"b_{i}"), {"age_band": b})
        for i, b in enumerate(bands)
    ]
    if v("under60"):
        by_band.insert(
            0,
            Count(
                people.UNDER_60,
                people.age_band_label(people.UNDER_60),
                v("under60"),
                {"age_band": people.UNDER_60},
            ),
        )
    if v("no_birth"):
        by_band.append(Count("unknown", "出生日期不详", v("no_birth")))
    by_ability = tuple(
        Count(g or "none", g or NO_GRADE, n, {"ability_grade": g})
        for g, n in sorted(grades.items())
        if n
    )
    return PeopleStats(
        elders=v("elders"),
        special_hardship=v("hardship"),
        by_category=by_category,
        by_age_band=tuple(by_band),
        by_ability=tuple(sorted(by_ability, key=_grade_order)),
    )


def _grade_order(c: Count) -> tuple[int, str]:
    """能力完好 … 完全丧失 in the standard's order, then other texts, 未评估 last."""
    order = ("完好", "轻度", "中度", "重度", "完全")
    if c.label == NO_GRADE:
        return (len(order) + 1, "")
    for i, word in enumerate(order):
        if word in c.label:
            return (i, c.label)
    return (len(order), c.label)


# --- visits ----------------------------------------------------------------------------------


def _visit_counts(s: Session, period: Period) -> tuple[int, int, tuple[Count, ...]]:
    done = and_(
        Visit.status == "done",
        Visit.deleted.is_(False),
        Visit.visit_date >= period.start,
        Visit.visit_date <= period.end,
    )
    rows = s.execute(select(Visit.mode, func.count()).where(done).group_by(Visit.mode)).all()
    people_visited = s.scalar(select(func.count(func.distinct(Visit.person_id))).where(done)) or 0
    by_mode = tuple(
        Count(m, MODE_LABELS.get(m, m), int(n)) for m, n in sorted(rows, key=lambda r: r[0])
    )
    return sum(c.count for c in by_mode), int(people_visited), by_mode


def month_rates(ctx: AppContext, period: Period) -> list[MonthRateRow]:
    """The visit rate of each month the period touches (at most 36), oldest first."""
    months: list[tuple[int, int]] = []
    y, m = period.start.year, period.start.month
    while (y, m) <= (period.end.year, period.end.month):
        months.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    if len(months) > 36:
        raise ServiceError("统计期间太长（最多36个月）", field="period")
    out = []
    for y, m in months:
        rate = visit_rate(ctx, y, m)
        everyone = rate.row("all")
        special = _rate_row(rate, "special_hardship")
        out.append(
            MonthRateRow(
                y,
                m,
                everyone.due,
                everyone.visited,
                special[0] if special else 0,
                special[1] if special else 0,
            )  # fmt: skip
        )
    return out


def rate_counts(rate: Any, key: str) -> tuple[int, int] | None:
    """(due, visited) of a rate's row, or None when nobody of that kind was due."""
    return _rate_row(rate, key)


def _rate_row(rate: Any, key: str) -> tuple[int, int] | None:
    try:
        row = rate.row(key)
    except KeyError:
        return None
    return int(row.due), int(row.visited)


def _overdue(ctx: AppContext) -> int:
    """Elders whose visit is past due today: the due list's own computation."""
    with ctx.session() as s:
        return overdue_counts(s, ctx.clock, ctx.today()).get(None, 0)


# --- needs -----------------------------------------------------------------------------------


def _open_need() -> ColumnElement[bool]:
    """未办结需求: a live need in one of the open statuses."""
    return and_(Need.deleted.is_(False), Need.status.in_(sorted(need_rules.OPEN_STATUSES)))


def open_needs_by(s: Session, group_of: GroupOf | None = None) -> dict[Any, int]:
    """Open needs (未办结需求) per group, by the overview's definition."""
    sums = _sums(s, Need, [func.count().label("n")], [_open_need()], group_of)
    return {key: v["n"] for key, v in sums.items()}


def _needs(s: Session, period: Period, today: date) -> NeedStats:
    live = Need.deleted.is_(False)
    is_open = _open_need()
    type_rows = s.execute(
        select(Need.need_type, func.count()).where(is_open).group_by(Need.need_type)
    ).all()
    by_type = tuple(
        Count(t, need_rules.service_type_label(t), int(n))
        for t, n in sorted(type_rows, key=lambda r: (-r[1], r[0]))
    )
    age_columns = []
    for key, _label, low, high in NEED_AGE_BUCKETS:
        latest = today - timedelta(days=low)
        cond = Need.found_on <= latest
        if high is not None:
            cond = and_(cond, Need.found_on >= today - timedelta(days=high))
        age_columns.append(_count_if(cond).label(f"a_{key}"))
    in_period = and_(Need.found_on >= period.start, Need.found_on <= period.end)
    closed_in_period = and_(
        Need.status == "resolved", Need.closed_on >= period.start, Need.closed_on <= period.end
    )
    row = s.execute(
        select(
            func.count(),
            _count_if(Need.urgency == "urgent"),
            *age_columns,
        ).where(is_open)
    ).one()
    found, resolved = s.execute(
        select(_count_if(in_period), _count_if(closed_in_period)).where(live)
    ).one()
    by_age = tuple(
        Count(key, label, int(row[2 + i]))
        for i, (key, label, _l, _h) in enumerate(NEED_AGE_BUCKETS)
    )
    return NeedStats(
        open_total=int(row[0]),
        open_urgent=int(row[1]),
        by_type=by_type,
        by_age=by_age,
        found_in_period=int(found),
        resolved_in_period=int(resolved),
    )


# --- home modifications ----------------------------------------------------------------------


def _home_modifications(s: Session, period: Period) -> HomeModificationStats:
    return home_modifications_by(s, period, None)[None]


def home_modifications_by(
    s: Session, period: Period, group_of: GroupOf | None
) -> dict[Any, HomeModificationStats]:
    """Finalized 居家适老化改造评估 sheets assessed in the period, and the items marked done.

    Only that form's sheets are loaded (a few per community a year); the item answers are
    ``<row>.done`` booleans (forms/home-modification-2020.v1.yaml).
    """
    rows = s.execute(
        select(Assessment.origin_site, Assessment.answers).where(
            Assessment.deleted.is_(False),
            Assessment.form_id == HOME_MODIFICATION_FORM,
            Assessment.status == "final",
            Assessment.assessed_on >= period.start,
            Assessment.assessed_on <= period.end,
        )
    ).all()
    items: dict[Any, list[int]] = {} if group_of is not None else {None: []}
    for site, answers in rows:
        key = group_of(site) if group_of is not None else None
        items.setdefault(key, []).append(
            sum(1 for k, v in (answers or {}).items() if k.endswith(".done") and v is True)
        )
    out = {}
    for key, counts in items.items():
        note = "" if counts else "统计期内没有定稿的居家适老化改造评估表"
        out[key] = HomeModificationStats(
            done=sum(1 for n in counts if n), assessed=len(counts), items_done=sum(counts),
            note=note,
        )  # fmt: skip
    return out


# --- projects and advisory services ----------------------------------------------------------


def _projects(s: Session, year: int) -> ProjectStats:
    return projects_by(s, year, None).get(None) or ProjectStats(
        year, 0, PROJECTS_PER_YEAR_TARGET, ()
    )


def projects_by(s: Session, year: int, group_of: GroupOf | None) -> dict[Any, ProjectStats]:
    """微自治 projects started in ``year`` per group."""
    rows = s.execute(
        select(Project.origin_site, Project.name)
        .where(
            Project.deleted.is_(False),
            Project.start_date >= date(year, 1, 1),
            Project.start_date <= date(year, 12, 31),
        )
        .order_by(Project.start_date, Project.name)
    ).all()
    names: dict[Any, list[str]] = {} if group_of is not None else {None: []}
    for site, name in rows:
        names.setdefault(group_of(site) if group_of is not None else None, []).append(name)
    return {
        key: ProjectStats(year, len(n), PROJECTS_PER_YEAR_TARGET, tuple(n))
        for key, n in names.items()
    }


def advisory_kind_label(code: str) -> str:
    """Chinese label of an advisory-service kind (the code itself when unknown)."""
    return ADVISORY_KIND_LABELS.get(code, code)


def _advisory(s: Session, period: Period) -> AdvisoryStats:
    where = and_(
        ServiceLog.deleted.is_(False),
        ServiceLog.service_date >= period.start,
        ServiceLog.service_date <= period.end,
    )
    rows = s.execute(
        select(ServiceLog.kind, func.count()).where(where).group_by(ServiceLog.kind)
    ).all()
    total, minutes, persons = s.execute(
        select(
            func.count(),
            func.coalesce(func.sum(ServiceLog.minutes), 0),
            func.count(func.distinct(ServiceLog.person_id)),
        ).where(where)
    ).one()
    by_kind = tuple(
        Count(k, advisory_kind_label(k), int(n))
        for k, n in sorted(rows, key=lambda r: (-r[1], r[0]))
    )
    return AdvisoryStats(int(total), int(minutes), int(persons), by_kind)


# --- public ----------------------------------------------------------------------------------


def people_stats(ctx: AppContext, on: date | None = None) -> PeopleStats:
    """Elders on the register on ``on`` (default today) by category, age band and grade."""
    with ctx.session() as s:
        return _people(s, on or ctx.today())


def community_stats(ctx: AppContext, period: Period | None = None) -> CommunityStats:
    """All overview figures. Default period: this year up to today.

    The visit rate is the month of the period's last day; overdue visits and open needs are as
    of today; visits, needs found, home modifications and advisory services count within the
    period; 微自治 projects count in the year of the period's end.
    """
    today = ctx.today()
    period = period or Period.year_to_date(today)
    rate = visit_rate(ctx, period.end.year, period.end.month)
    everyone = rate.row("all")
    special = _rate_row(rate, "special_hardship") or (0, 0)
    overdue = _overdue(ctx)
    with ctx.session() as s:
        community = _community_name(s)
        people_figures = _people(s, min(period.end, today))
        total, persons, by_mode = _visit_counts(s, period)
        needs = _needs(s, period, today)
        home = _home_modifications(s, period)
        projects = _projects(s, period.end.year)
        advisory = _advisory(s, period)
    visits = VisitStats(
        year=period.end.year,
        month=period.end.month,
        due=everyone.due,
        visited=everyone.visited,
        rate=everyone.rate,
        special_due=special[0],
        special_visited=special[1],
        special_rate=special[1] / special[0] if special[0] else None,
        target=VISIT_RATE_TARGET,
        visits_in_period=total,
        by_mode=by_mode,
        people_visited_in_period=persons,
        overdue=overdue,
    )
    notes = tuple(n for n in (home.note,) if n)
    return CommunityStats(
        community=community,
        as_of=today,
        period=period,
        people=people_figures,
        visits=visits,
        needs=needs,
        home_modifications=home,
        projects=projects,
        advisory=advisory,
        notes=notes,
    )


def percent(value: float | None) -> str:
    """A rate as "87.5%", or "—" when nothing was due."""
    return "—" if value is None else f"{value * 100:.1f}%"
