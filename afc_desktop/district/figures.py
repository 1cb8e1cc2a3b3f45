"""District figures (区级统计口径): every community's figures from the community's own code.

The hub holds many communities in one database. Each figure here is computed by the very
function the community's overview page uses (``services.stats`` and ``services.visits``, whose
month rate and overdue count are one set-based SQL statement each in
``services/visits/counts.py``, ``GROUP BY origin_site``), told to count per community: a record belongs to the roster community of the site that created it
(its ``origin_site``, bound by that site's key). So a district figure for one community equals
what that community's own app shows for the same data — a test holds it to that.

The headline is the 特殊困难老年人月探访率 (monthly visit rate of elders in special hardship),
per community and for the district (district: all visited ÷ all due, not an average of rates).
Drafts never count: only recorded visits (status 已完成) do. Every figure carries its
definition (``DEFINITIONS``), shown next to it in the window, the report and ``--json``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from afc_desktop.district import figure_cache
from afc_desktop.domain import community_code as cc
from afc_desktop.domain import schedule
from afc_desktop.services import stats, visits
from afc_desktop.store.db import Database
from afc_desktop.store.models.district import DistrictCommunity, DistrictSiteKey
from afc_desktop.store.models.sync_state import SyncSiteState

HEADLINE = "special_rate"
# Above this many sites to recompute, one pass over everyone beats a long IN list.
STALE_SITES_FILTER = 400

# key -> (label, definition): the one definition of every figure the district shows
DEFINITIONS: dict[str, tuple[str, str]] = {
    "elders": (
        "登记老年人",
        "月末（或今天，取早者）登记在册、未删除、标为老年人的人数；与社区“概览”同一口径。",
    ),
    "special_hardship": (
        "特殊困难老年人",
        "登记老年人中属于特殊困难类别（独居、空巢、失能、低保、特困等，见术语表）的人数。",
    ),
    "special_rate": (
        "特殊困难老年人月探访率",
        "当月已完成探访的特殊困难老年人 ÷ 按探访周期当月应探访的特殊困难老年人；"
        "只计已完成的探访，草稿不计；目标100%。区级合计为各社区分子之和 ÷ 分母之和。",
    ),
    "visit_rate": (
        "全部老年人月探访率",
        "当月已完成探访的老年人 ÷ 按探访周期当月应探访的老年人；草稿不计。",
    ),
    "overdue": (
        "逾期未访",
        "截至今天已过应访日期、仍未完成探访的老年人数（与“待访”清单同一规则）。",
    ),
    "open_needs": ("未办结需求", "截至今天状态仍为待办、处理中或已转介的需求数。"),
    "projects": ("微自治项目", "统计月所在年度开始的微自治项目数；行动计划目标每年至少2个。"),
    "home_modifications": (
        "适老化改造户数",
        "统计期内定稿的居家适老化改造评估表中，至少完成一项改造的户数。",
    ),
    "pilot": ("试点", "花名册中标为老年友好社区建设试点的社区。"),
    "last_report": ("最近报送", "区级最近一次收到该社区同步包的日期（本地日期）。"),
}


def definition(key: str) -> str:
    return DEFINITIONS[key][1]


@dataclass
class CommunityFigures:
    """One community's row of the district report."""

    code: str
    name: str
    street: str
    display_name: str  # the name, with its street when another community shares it
    pilot: bool
    last_report: date | None = None
    days_since: int | None = None
    elders: int = 0
    special_hardship: int = 0
    special_due: int = 0
    special_visited: int = 0
    due: int = 0
    visited: int = 0
    overdue: int = 0
    open_needs: int = 0
    projects: int = 0
    home_modifications: int = 0

    @property
    def special_rate(self) -> float | None:
        return self.special_visited / self.special_due if self.special_due else None

    @property
    def visit_rate(self) -> float | None:
        return self.visited / self.due if self.due else None

    def as_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items()}
        out["special_rate"] = self.special_rate
        out["visit_rate"] = self.visit_rate
        out["last_report"] = self.last_report.isoformat() if self.last_report else None
        return out


@dataclass
class StreetFigures:
    street: str
    communities: int
    elders: int
    special_due: int
    special_visited: int

    @property
    def special_rate(self) -> float | None:
        return self.special_visited / self.special_due if self.special_due else None


@dataclass
class DistrictReport:
    """The district's figures for a month (and the period the counts of a period cover)."""

    year: int
    month: int
    period: stats.Period
    as_of: date
    rows: list[CommunityFigures]
    total: CommunityFigures
    by_street: list[StreetFigures]
    definitions: dict[str, tuple[str, str]] = field(default_factory=lambda: dict(DEFINITIONS))

    def as_dict(self) -> dict[str, Any]:
        return {
            "month": f"{self.year:04d}-{self.month:02d}",
            "period": [self.period.start.isoformat(), self.period.end.isoformat()],
            "as_of": self.as_of.isoformat(),
            "headline": {
                "key": HEADLINE,
                "label": DEFINITIONS[HEADLINE][0],
                "value": self.total.special_rate,
                "definition": DEFINITIONS[HEADLINE][1],
            },
            "communities": [r.as_dict() for r in self.rows],
            "district": self.total.as_dict(),
            "by_street": [{**s.__dict__, "special_rate": s.special_rate} for s in self.by_street],
            "definitions": {k: {"label": v[0], "definition": v[1]} for k, v in DEFINITIONS.items()},
        }


def site_codes(s: Session) -> dict[str, str]:
    """site id → roster community code, for every site key ever bound (revoked ones too: what
    a laptop wrote before it was lost still belongs to its community)."""
    return dict(s.execute(select(DistrictSiteKey.site_id, DistrictSiteKey.community_code)).all())


def display_names(entries: list[tuple[str, str, str]]) -> dict[str, str]:
    """code → name as shown: two communities with one name carry their street (or code)."""
    counts = Counter(name for _code, name, _street in entries)
    names = {}
    for code, name, street in entries:
        shown = cc.display_name(name, street or code, counts[name] > 1)
        names[code] = shown
    # same name and same street: fall back to the code
    again = Counter(names.values())
    return {code: (f"{n}（{code}）" if again[n] > 1 else n) for code, n in names.items()}


def last_reports(s: Session) -> dict[str, Any]:
    """code → the newest ``last_bundle_at`` of its sites."""
    rows = s.execute(
        select(SyncSiteState.community_code, func.max(SyncSiteState.last_bundle_at)).group_by(
            SyncSiteState.community_code
        )
    ).all()
    return {code: at for code, at in rows if at is not None}


def month_period(year: int, month: int) -> stats.Period:
    start, end = schedule.month_bounds(year, month)
    return stats.Period(start, end)


def _group_of(codes: dict[str, str]) -> Any:
    def group_of(site: Any) -> Any:
        return codes.get(site) if site else None

    return group_of


def _costly_figures(
    s: Session,
    db: Database,
    year: int,
    month: int,
    register_day: date,
    codes: dict[str, str],
    roster: list[DistrictCommunity],
    cached: dict[str, dict[str, int]],
) -> dict[str, dict[str, int]]:
    """The per-person figures (register, month rate, overdue) of the communities not in the
    cache, by the community's own code, counting only their sites' people when few are stale."""
    stale = {c.code for c in roster if c.code not in cached}
    if not stale:
        return {}
    clock = db.clock
    sites: list[str] | None = [site for site, code in codes.items() if code in stale]
    if len(stale) == len(roster) or len(sites or ()) > STALE_SITES_FILTER:
        sites = None  # most are stale: one pass over everyone, every community refreshed
        stale = {c.code for c in roster}
    group_of = _group_of(codes)
    people = stats.people_by(s, register_day, group_of, sites)
    rates = visits.month_rates(s, clock, clock.now(), year, month, group_of, sites)
    overdue = visits.overdue_counts(s, clock, clock.today(), group_of, sites)
    out = {}
    for code in stale:
        values: dict[str, int] = {"overdue": overdue.get(code, 0)}
        p = people.get(code)
        if p is not None:
            values["elders"], values["special_hardship"] = p.elders, p.special_hardship
        rate = rates.get(code)
        if rate is not None:
            everyone = rate.row("all")
            values["due"], values["visited"] = everyone.due, everyone.visited
            special = stats.rate_counts(rate, "special_hardship")
            values["special_due"], values["special_visited"] = special or (0, 0)
        out[code] = figure_cache.figures_of(values)
    return out


def district_report(
    db: Database, year: int, month: int, period: stats.Period | None = None
) -> DistrictReport:
    """Per roster community and for the district: the month's 特殊困难 visit rate (headline),
    the register, overdue visits and open needs as of today, 微自治 projects of the year and
    适老化改造 households in the period (default: the month)."""
    if not 1 <= month <= 12:
        raise ValueError("month")
    period = period or month_period(year, month)
    clock = db.clock
    today = clock.today()
    register_day = min(period.end, today)
    scope_key = figure_cache.scope(year, month, register_day, today)
    with db.session(replaying=True) as s:
        codes = site_codes(s)
        roster = list(s.scalars(select(DistrictCommunity).order_by(DistrictCommunity.code)))
        shown = display_names([(c.code, c.name, c.street) for c in roster])
        # the version first, then the data: see figure_cache
        version = figure_cache.versions(s, codes, [c.code for c in roster])
        costly = figure_cache.load(s, scope_key, version)
        fresh = _costly_figures(s, db, year, month, register_day, codes, roster, costly)
        costly.update(fresh)
        needs = stats.open_needs_by(s, _group_of(codes))
        projects = stats.projects_by(s, period.end.year, _group_of(codes))
        homes = stats.home_modifications_by(s, period, _group_of(codes))
        reported = last_reports(s)
    figure_cache.store(
        db, scope_key, today, {code: (version[code], f) for code, f in fresh.items()}
    )
    rows = []
    for c in roster:
        row = CommunityFigures(c.code, c.name, c.street, shown[c.code], bool(c.pilot))
        at = reported.get(c.code)
        if at is not None:
            row.last_report = clock.local_date(at)
            row.days_since = (today - row.last_report).days
        for name, value in costly[c.code].items():
            setattr(row, name, value)
        row.open_needs = needs.get(c.code, 0)
        row.projects = projects[c.code].count if c.code in projects else 0
        row.home_modifications = homes[c.code].done if c.code in homes else 0
        rows.append(row)
    total = CommunityFigures("", "全区合计", "", "全区合计", False)
    for r in rows:
        for name in [
            "elders",
            "special_hardship",
            "special_due",
            "special_visited",
            "due",
            "visited",
            "overdue",
            "open_needs",
            "projects",
            "home_modifications",
        ]:
            setattr(total, name, getattr(total, name) + getattr(r, name))
    streets: dict[str, StreetFigures] = {}
    for r in rows:
        st = streets.setdefault(r.street, StreetFigures(r.street or "（未填街道）", 0, 0, 0, 0))
        st.communities += 1
        st.elders += r.elders
        st.special_due += r.special_due
        st.special_visited += r.special_visited
    return DistrictReport(
        year=year,
        month=month,
        period=period,
        as_of=today,
        rows=rows,
        total=total,
        by_street=sorted(streets.values(), key=lambda x: x.street),
    )
