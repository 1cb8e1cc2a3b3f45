"""The month's visit rate and the overdue count, counted in SQL (``services/visits/counts``),
equal a plain per-person reference (``counts_reference``) on a seeded register — at 07:30
Beijing time on the 1st of a month, at 23:50 on 31 December and on 29 February, for the month
and the month before (people removed and re-categorised since counted as they were), on SQLite
and on PostgreSQL."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from afc_desktop.domain import schedule
from afc_desktop.domain.schedule import CadenceRule
from afc_desktop.domain.visit_content import AreaFinding, Findings
from afc_desktop.services import register, visits
from afc_desktop.services.context import AppContext
from afc_desktop.services.setup import CommunityInput, run_setup
from afc_desktop.services.visits import VisitInput, counts
from afc_desktop.store.db import open_database
from afc_desktop.store.models import Person, Site
from afc_desktop.store.models.daily import Visit

from . import counts_reference as ref
from .conftest import id_number

FINE = Findings({"health": AreaFinding("ok", (), "")})
CATEGORY_SETS = ((), ("alone",), ("empty_nest",), ("dibao",), ("disabled", "dementia"),
                 ("low_income",), ("family_planning_special",), ("entitled",))  # fmt: skip
MOMENTS = (
    datetime(2026, 12, 1, 7, 30),  # the 1st, 07:30 Beijing time (23:30 UTC the day before)
    datetime(2026, 12, 31, 23, 50),  # New Year's Eve, ten to midnight
    datetime(2028, 2, 29, 15, 0),  # a leap day
)


@pytest.fixture(params=["sqlite", "postgres"])
def community(request, ctx, data_dir):
    if request.param == "sqlite":
        yield ctx
        return
    url = request.getfixturevalue("pg_url")
    data_dir.ensure()
    db = open_database(url)
    pg = AppContext(db=db, data_dir=data_dir)
    run_setup(pg, CommunityInput("320508", "梅巷社区"), "admin", "admin-pass-1")
    yield pg
    db.dispose()


def _at(ctx: AppContext, local: datetime) -> None:
    ctx.clock.pin(local.replace(tzinfo=ctx.clock.zone))


def _seed(ctx: AppContext, moment: datetime) -> list[str]:
    """About forty elders registered over the months before ``moment`` (one at 07:30 on the
    month's 1st), their recorded visits (some high risk, some drafts, one deleted)."""
    rnd = random.Random(moment.toordinal())
    first = moment.replace(day=1, hour=7, minute=30)
    ids = []
    edge_births = [
        date(moment.year - 80, 2, 28),  # turns 80 around the leap day
        date(1944, 2, 29),  # born on a leap day
        date(moment.year - 80, moment.month, 1),  # turns 80 on the month's 1st
        date(moment.year - 61, 12, 31),
    ]
    for n in range(40):
        born = edge_births[n] if n < len(edge_births) else date(1925 + rnd.randrange(40), 1 + rnd.randrange(12), 1 + rnd.randrange(28))  # fmt: skip
        when = first if n == 5 else first - timedelta(days=rnd.randrange(1, 200), hours=rnd.randrange(12))  # fmt: skip
        _at(ctx, when)
        person = register.register_person(
            ctx,
            register.PersonInput(name=f"居民{n}", id_number=id_number(born),
                                 categories=rnd.choice(CATEGORY_SETS)),
            confirm_duplicate=True,
        )  # fmt: skip
        ids.append(person.id)
        day = when.date()
        while True:
            day += timedelta(days=rnd.randrange(10, 75))
            if day > moment.date():
                break
            _at(ctx, datetime(day.year, day.month, day.day, 10, 0))
            data = VisitInput(person_id=person.id, visit_date=day, findings=FINE,
                              risk_flags=("fall",) if rnd.random() < 0.15 else ())  # fmt: skip
            if rnd.random() < 0.1:
                visits.save_draft(ctx, data)
            else:
                visits.record_visit(ctx, data)
    _at(ctx, moment)
    with ctx.session() as s:  # a recorded visit deleted since
        s.query(Visit).filter(Visit.status == "done").order_by(Visit.visit_date.desc()).first().deleted = True  # type: ignore[union-attr]  # fmt: skip
    return ids


def _sql(ctx: AppContext, year: int, month: int) -> dict[str, tuple[int, int]]:
    return {r.key: (r.due, r.visited) for r in visits.visit_rate(ctx, year, month).rows}


def _overdue(ctx: AppContext) -> int:
    with ctx.session() as s:
        return visits.overdue_counts(s, ctx.clock, ctx.today()).get(None, 0)


def _month_before(day: date) -> tuple[int, int]:
    prev = day.replace(day=1) - timedelta(days=1)
    return prev.year, prev.month


@pytest.mark.parametrize("moment", MOMENTS, ids=lambda m: m.strftime("%Y%m%d-%H%M"))
def test_sql_counts_equal_the_per_person_reference(community, moment):
    ctx = community
    ids = _seed(ctx, moment)
    this = (moment.year, moment.month)
    before = _month_before(moment.date())
    for year, month in (this, before):
        expected = ref.month_rate(ctx, year, month)
        assert expected["all"][0] > 0  # the register has people due
        assert _sql(ctx, year, month) == expected
    assert _overdue(ctx) == ref.overdue(ctx) > 0

    # changes after the month before: it keeps its figures, by SQL as by the reference
    figures_before = _sql(ctx, *before)
    _at(ctx, moment + timedelta(minutes=5))
    register.remove_person(ctx, ids[1], "去世")
    detail = register.get_person(ctx, ids[6])
    register.update_person(
        ctx,
        ids[6],
        replace(
            register.PersonInput(name=detail.name, id_number=detail.id_number),
            categories=("alone",) if not detail.categories else (),
        ),
    )
    assert _sql(ctx, *before) == ref.month_rate(ctx, *before) == figures_before
    assert _sql(ctx, *this) == ref.month_rate(ctx, *this)
    assert _overdue(ctx) == ref.overdue(ctx)


def test_each_community_counts_under_its_own_cadence_rules(community):
    """At the district, communities differ in their rules: each person is counted under the
    rules of the community that created them (one CASE per set of rules)."""
    ctx = community
    moment = MOMENTS[1]
    ids = _seed(ctx, moment)
    other = "00000000-0000-4000-8000-00000000000b"  # a second community's site
    with ctx.session() as s:
        s.execute(update(Person).where(Person.id.in_(ids[::2])).values(origin_site=other))
        local = s.scalar(select(Site.id).where(Site.is_local.is_(True)))
    visits.save_rules(
        ctx,
        [
            CadenceRule("特殊困难老年人", 2, "month", special_hardship=True),
            CadenceRule("其他老年人", 6, "month", min_age=60),
        ],
    )  # saved by this community's site: the other one keeps the defaults
    year, month = moment.year, moment.month
    with ctx.session() as s:
        rates = counts.month_rate_counts(s, ctx.clock, ctx.now(), year, month, lambda x: x)
        overdue = counts.overdue_counts(s, ctx.clock, ctx.today(), lambda x: x)
    mine = {r.key: (r.due, r.visited) for r in rates[local].rows}
    theirs = {r.key: (r.due, r.visited) for r in rates[other].rows}
    assert mine == ref.month_rate(ctx, year, month, site=local)
    assert mine != ref.month_rate(ctx, year, month, site=local, rules=schedule.DEFAULT_RULES)
    assert theirs == ref.month_rate(ctx, year, month, site=other, rules=schedule.DEFAULT_RULES)
    assert overdue[local] == ref.overdue(ctx, site=local)
    assert overdue[other] == ref.overdue(ctx, site=other, rules=schedule.DEFAULT_RULES)
