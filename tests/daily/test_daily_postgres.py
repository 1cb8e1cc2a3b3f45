"""The daily-work tables and the due list on PostgreSQL (district scale runs there).

Uses the ``pg_url`` fixture (a fresh database on a throw-away server) when the shared fixtures
provide it; skipped otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest

from afc_desktop.domain.visit_content import AreaFinding, Findings
from afc_desktop.services import register, visits
from afc_desktop.services.context import AppContext
from afc_desktop.services.setup import CommunityInput, run_setup
from afc_desktop.services.visits import VisitInput
from afc_desktop.store.db import open_database
from afc_desktop.store.models.daily import rebuild_visit_state

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_ctx(request, data_dir):
    try:
        url = request.getfixturevalue("pg_url")
    except pytest.FixtureLookupError:
        pytest.skip("no pg_url fixture in scope")
    data_dir.ensure()
    db = open_database(url)
    ctx = AppContext(db=db, data_dir=data_dir)
    run_setup(ctx, CommunityInput("320508", "梅巷社区"), "admin", "admin-pass-1")
    ctx.clock.pin(date(2026, 11, 28))
    yield ctx
    db.dispose()


def test_due_list_visit_and_rate_on_postgres(pg_ctx):
    ctx = pg_ctx
    person = register.register_person(
        ctx,
        register.PersonInput(name="张秀英", id_number="11010519491231002X", categories=("alone",)),
    )
    assert [d.person_id for d in visits.due_list(ctx)] == [person.id]
    visits.record_visit(
        ctx,
        VisitInput(
            person.id,
            date(2026, 11, 2),
            findings=Findings({"health": AreaFinding("ok")}),
            risk_flags=("fall",),
        ),
    )
    item = visits.due_list(ctx, include_later=True)[0]
    assert (item.rule_name, item.due_date) == ("高风险老年人", date(2026, 11, 9))
    rate = visits.visit_rate(ctx, 2026, 11)
    assert (rate.row("alone").due, rate.row("alone").visited) == (1, 1)
    # the risk that counts in a month is the one set by the latest visit before it
    other = register.register_person(
        ctx, register.PersonInput(name="李建国", id_number="53010219200508011X")
    )
    for day, flags in ((date(2026, 10, 20), ("fall",)), (date(2026, 10, 5), ())):
        visits.record_visit(
            ctx,
            VisitInput(other.id, day, findings=Findings({"health": AreaFinding("ok")}),
                       risk_flags=flags),
        )  # fmt: skip
    november = visits.visit_rate(ctx, 2026, 11).row("all")
    assert (november.due, november.visited) == (2, 1)  # weekly after a high-risk visit
    with ctx.db.session() as s:
        assert rebuild_visit_state(s) == 2
    due = {d.person_id: d.due_date for d in visits.due_list(ctx, include_later=True)}
    assert due == {person.id: date(2026, 11, 9), other.id: date(2026, 10, 27)}
