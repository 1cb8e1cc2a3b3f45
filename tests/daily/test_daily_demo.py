"""Demo daily work on a demo register: everything the daily pages show has something in it."""

from __future__ import annotations

from afc_desktop.services import daily_demo, demo, needs, participation, tasks, visits
from afc_desktop.store.models.daily import PersonVisitState, rebuild_visit_state


def test_demo_daily_work_fills_every_list_and_keeps_the_summary_right(ctx):
    demo.populate(ctx, 200, daily=False)
    result = daily_demo.populate_daily(ctx, seed=7)
    assert result.visits > 150 and result.needs > 5 and result.resources == 9
    due = visits.due_list(ctx)
    windows = {d.window for d in due}
    assert "overdue" in windows  # some special-hardship elders fell behind
    assert len(due) < len(visits.due_list(ctx, include_later=True))  # others not due yet
    assert needs.open_needs(ctx)
    assert tasks.list_tasks(ctx, status="all")  # follow-ups of the demo's visits and needs
    assert participation.project_progress(ctx, ctx.today().year).count == 1
    assert participation.list_talents(ctx)
    assert visits.visit_rate(ctx, ctx.today().year, ctx.today().month).row("all").visited > 0
    # the bulk-inserted visits kept person_visit_state in step with a full rebuild
    with ctx.db.session() as s:
        before = {r.person_id: r.last_visit_date for r in s.query(PersonVisitState)}
        rebuild_visit_state(s)
    with ctx.db.session() as s:
        after = {r.person_id: r.last_visit_date for r in s.query(PersonVisitState)}
    assert before == after and len(after) > 100
