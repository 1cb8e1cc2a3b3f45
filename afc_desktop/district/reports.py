"""District statistics by community (区级统计): people by category and ability grade, visits
and visit rate, open needs. Reads whatever tables exist; streams people so memory stays flat."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, inspect, select

from afc_desktop.store.db import Database
from afc_desktop.store.models import Community, Person

VISIT_WINDOW_DAYS = 90


@dataclass
class CommunityReport:
    community_id: str
    community: str
    district_code: str
    elders: int = 0
    people: int = 0
    by_category: dict[str, int] = field(default_factory=dict)
    by_ability_grade: dict[str, int] = field(default_factory=dict)
    visits: int = 0
    visited_elders: int = 0
    visit_rate: float = 0.0  # share of elders visited in the last VISIT_WINDOW_DAYS days
    open_needs: int = 0


def district_report(db: Database, today: date | None = None) -> list[CommunityReport]:
    """One row per community seen at the hub."""
    today = today or db.clock.today()
    since = today - timedelta(days=VISIT_WINDOW_DAYS)
    tables = set(inspect(db.engine).get_table_names())
    with db.session(replaying=True) as s:
        reports: dict[str, CommunityReport] = {}
        for c in s.scalars(select(Community).where(Community.deleted.is_(False))):
            reports[c.id] = CommunityReport(c.id, c.name, c.district_code)
        cats: dict[str, Counter[str]] = defaultdict(Counter)
        grades: dict[str, Counter[str]] = defaultdict(Counter)
        q = select(
            Person.community_id, Person.is_elder, Person.categories, Person.ability_grade
        ).where(Person.deleted.is_(False))
        for cid, is_elder, categories, grade in s.execute(q.execution_options(yield_per=2000)):
            rep = reports.setdefault(cid or "", CommunityReport(cid or "", "（未知社区）", ""))
            rep.people += 1
            if is_elder:
                rep.elders += 1
                cats[rep.community_id].update(categories or [])
                grades[rep.community_id][grade or "未评估"] += 1
        if "visit" in tables:
            from afc_desktop.store.models.daily import Visit

            rows = s.execute(
                select(
                    Person.community_id,
                    func.count(Visit.id),
                    func.count(func.distinct(Visit.person_id)),
                )
                .join(Person, Person.id == Visit.person_id)
                .where(
                    Visit.deleted.is_(False), Visit.visit_date >= since, Person.is_elder.is_(True)
                )
                .group_by(Person.community_id)
            )
            for cid, n, distinct in rows:
                if cid in reports:
                    reports[cid].visits = int(n)
                    reports[cid].visited_elders = int(distinct)
        if "need" in tables:
            from afc_desktop.domain.needs import CLOSED_STATUSES
            from afc_desktop.store.models.daily import Need

            need_rows = s.execute(
                select(Person.community_id, func.count(Need.id))
                .join(Person, Person.id == Need.person_id)
                .where(Need.deleted.is_(False), Need.status.not_in(sorted(CLOSED_STATUSES)))
                .group_by(Person.community_id)
            )
            for cid, n in need_rows:
                if cid in reports:
                    reports[cid].open_needs = int(n)
        for cid, rep in reports.items():
            rep.by_category = dict(sorted(cats[cid].items()))
            rep.by_ability_grade = dict(sorted(grades[cid].items()))
            rep.visit_rate = round(rep.visited_elders / rep.elders, 4) if rep.elders else 0.0
        return sorted(reports.values(), key=lambda r: (r.district_code, r.community))
