"""Visits: record, drafts across a restart, due list, visit rate, cadence rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from afc_desktop.domain.schedule import CadenceRule
from afc_desktop.domain.visit_content import AreaFinding, Findings
from afc_desktop.services import needs as needs_service
from afc_desktop.services import register, tasks, visits
from afc_desktop.services.context import ServiceError, open_app
from afc_desktop.services.visits import NeedDraft, VisitInput
from afc_desktop.store.models import ChangeEvent
from afc_desktop.store.models.daily import PersonVisitState, Visit, rebuild_visit_state

TODAY = date(2026, 11, 28)
HEALTH = Findings({"health": AreaFinding("attention", ("mobility",), "走路需拄拐")})


def visit(pid: str, day: date, **kw) -> VisitInput:
    return VisitInput(person_id=pid, visit_date=day, mode="home", findings=HEALTH, **kw)


def due_ids(ctx, **kw) -> list[str]:
    return [d.person_id for d in visits.due_list(ctx, **kw)]


def test_recording_a_visit_takes_the_person_off_the_due_list(ctx, add_elder):
    pid = add_elder(ctx, "张秀英", date(1940, 3, 2), ("alone",))
    due = visits.due_list(ctx)
    assert [d.person_id for d in due] == [pid]
    assert due[0].window == "overdue" and due[0].last_visit is None
    assert "独居" in due[0].categories and "高龄" in due[0].categories
    visits.record_visit(ctx, visit(pid, TODAY))
    assert pid not in due_ids(ctx)
    # monthly cadence: due again on 28 December
    later = visits.due_list(ctx, include_later=True)
    assert later[0].due_date == date(2026, 12, 28) and later[0].last_visit == TODAY


def test_visit_writes_the_change_log_with_needs_and_follow_up(ctx, add_elder):
    pid = add_elder(ctx, "李根娣", date(1944, 1, 1), ("empty_nest",))
    view = visits.record_visit(
        ctx,
        visit(
            pid,
            date(2026, 11, 20),
            risk_flags=("fall",),
            needs=(NeedDraft("meals", "想在社区食堂吃午饭", "normal"),),
            follow_up_date=date(2026, 12, 5),
            follow_up_text="回访助餐落实情况",
            companions="网格员 陈军",
        ),
    )
    assert view.status == "done" and view.risk_level == "high"  # suggested from the fall flag
    assert view.worker_name == ctx.actor_name
    assert len(view.need_ids) == 1
    need = needs_service.get_need(ctx, view.need_ids[0])
    assert need.status == "found" and need.found_on == date(2026, 11, 20)
    open_tasks = tasks.list_tasks(ctx, person_id=pid)
    assert [t.title for t in open_tasks] == ["回访助餐落实情况"]
    with ctx.db.session() as s:
        tables = set(s.scalars(select(ChangeEvent.table_name)))
    assert {"visit", "need", "task"} <= tables
    # high risk → weekly cadence
    item = visits.due_list(ctx, include_later=True)[0]
    assert item.rule_name == "高风险老年人" and item.due_date == date(2026, 11, 27)
    assert item.window == "overdue"


def test_bad_visit_is_refused_and_writes_nothing(ctx, add_elder):
    pid = add_elder(ctx, "王美华", date(1950, 5, 5))
    with ctx.db.session() as s:
        before = s.scalar(select(func.count()).select_from(ChangeEvent))
    cases = [
        (replace(visit(pid, date(2026, 11, 29))), "晚于今天"),
        (replace(visit(pid, TODAY), mode="letter"), "探访方式"),
        (replace(visit(pid, TODAY), findings=Findings()), "至少填写"),
        (
            replace(visit(pid, TODAY), follow_up_date=date(2026, 11, 1), follow_up_text="x"),
            "跟进日期",
        ),
        (replace(visit(pid, TODAY), needs=(NeedDraft(""),)), "需求类型"),
        (
            replace(
                visit(pid, TODAY), findings=Findings({"health": AreaFinding("ok", ("mobility",))})
            ),
            "不能是“正常”",
        ),
        (replace(visit("no-such-person", TODAY)), "找不到"),
    ]
    for data, words in cases:
        with pytest.raises(ServiceError) as err:
            visits.record_visit(ctx, data)
        assert words in err.value.message
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(ChangeEvent)) == before
        assert s.scalar(select(func.count()).select_from(Visit)) == 0


def test_draft_survives_a_restart_and_completes(ctx, set_up_dir, add_elder):
    pid = add_elder(ctx, "顾凤英", date(1938, 8, 8), ("disabled",))
    draft = visits.save_draft(
        ctx,
        VisitInput(
            person_id=pid,
            visit_date=TODAY,
            mode="phone",
            notes="电话中说腿疼，改天入户",
            needs=(NeedDraft("medical_care", "上门换药"),),
            follow_up_date=date(2026, 12, 1),
            follow_up_text="入户看望",
        ),
    )
    assert draft.status == "draft"
    assert pid in due_ids(ctx)  # a draft is not a visit
    user, today = ctx.user, ctx.today()
    ctx.db.dispose()

    reopened = open_app(set_up_dir)  # as after closing and starting the app again
    reopened.user = user
    reopened.clock.pin(today)
    try:
        drafts = visits.list_drafts(reopened)
        assert [d.id for d in drafts] == [draft.id]
        resumed = drafts[0].as_input()
        assert resumed.notes == "电话中说腿疼，改天入户"
        assert resumed.needs == (NeedDraft("medical_care", "上门换药"),)
        assert resumed.follow_up_date == date(2026, 12, 1)
        done = visits.record_visit(reopened, resumed, draft_id=draft.id)
        assert done.id == draft.id and done.status == "done"
        assert visits.list_drafts(reopened) == []
        assert pid not in due_ids(reopened)
        assert len(done.need_ids) == 1
        with pytest.raises(ServiceError, match="已经登记"):
            visits.save_draft(reopened, resumed, draft_id=draft.id)
    finally:
        reopened.db.dispose()


def test_discarded_draft_leaves_the_list(ctx, add_elder):
    pid = add_elder(ctx, "沈玉珍", date(1945, 2, 2))
    draft = visits.save_draft(ctx, VisitInput(person_id=pid, visit_date=TODAY))
    visits.discard_draft(ctx, draft.id)
    assert visits.list_drafts(ctx) == []


def test_due_windows_and_days_filter(ctx, add_elder):
    a = add_elder(ctx, "周桂英", date(1950, 1, 1))  # quarterly
    b = add_elder(ctx, "吴阿毛", date(1950, 1, 1), sex="M")
    visits.record_visit(
        ctx, visit(a, date(2026, 8, 30))
    )  # due 30 Nov: this week (Sat 28 → Sun 29?)
    visits.record_visit(ctx, visit(b, date(2026, 9, 20)))  # due 20 Dec: later
    assert due_ids(ctx, within_days=0) == []
    assert due_ids(ctx, within_days=2) == [a]
    assert due_ids(ctx) == [a]  # by month end
    assert set(due_ids(ctx, within_days=30)) == {a, b}
    with pytest.raises(ServiceError):
        visits.due_list(ctx, within_days=-1)


def test_category_change_moves_the_person_into_the_due_list(ctx, add_elder):
    pid = add_elder(ctx, "钱建国", date(1955, 6, 1), sex="M")
    visits.record_visit(ctx, visit(pid, date(2026, 10, 1)))
    assert pid not in due_ids(ctx)  # quarterly: due 1 January
    detail = register.get_person(ctx, pid)
    register.update_person(ctx, pid, replace(detail.as_input(), categories=("alone",)))
    item = visits.due_list(ctx)[0]
    assert item.person_id == pid and item.due_date == date(2026, 11, 1)
    assert item.days_overdue == 27


def test_removed_people_and_family_members_are_not_due(ctx, add_elder):
    gone = add_elder(ctx, "孙巧英", date(1939, 1, 1), ("alone",))
    register.remove_person(ctx, gone, "迁出本区")
    register.register_person(ctx, register.PersonInput(name="孙小明", is_elder=False))
    assert visits.due_list(ctx, include_later=True) == []


def test_month_visit_rate(ctx, add_elder):
    alone1 = add_elder(ctx, "陆月娥", date(1942, 1, 1), ("alone",))
    alone2 = add_elder(ctx, "陆雪珍", date(1943, 1, 1), ("alone",))
    other = add_elder(ctx, "陆荣根", date(1958, 1, 1), sex="M")
    visits.record_visit(ctx, visit(alone1, date(2026, 10, 3)))
    visits.record_visit(ctx, visit(alone1, date(2026, 11, 3)))
    visits.record_visit(ctx, visit(alone2, date(2026, 10, 31)))
    visits.record_visit(ctx, visit(other, date(2026, 11, 2)))
    rate = visits.visit_rate(ctx, 2026, 11)
    alone = rate.row("alone")
    assert (alone.due, alone.visited) == (2, 1) and alone.rate == 0.5
    assert rate.row("special_hardship").rate == 0.5
    # the ordinary elder was never visited before November: due from registration, and visited
    assert (rate.row("all").due, rate.row("all").visited) == (3, 2)
    # a high-risk visit before the month puts an ordinary elder on the weekly cadence
    risky = add_elder(ctx, "陆长根", date(1957, 1, 1), sex="M")
    visits.record_visit(ctx, visit(risky, date(2026, 10, 20), risk_flags=("fall",)))
    visits.record_visit(ctx, visit(risky, date(2026, 10, 5)))
    assert (visits.visit_rate(ctx, 2026, 11).row("all").due, rate.row("all").due) == (4, 3)
    october = visits.visit_rate(ctx, 2026, 10)
    assert october.row("alone").rate == 1.0
    with pytest.raises(ServiceError):
        visits.visit_rate(ctx, 2026, 13)


def test_admin_edits_cadence_rules(ctx, add_elder):
    pid = add_elder(ctx, "蒋伯年", date(1936, 4, 4), sex="M")  # 90, no category
    assert visits.list_rules(ctx)[1].name == "特殊困难老年人"
    rules = visits.list_rules(ctx) + [
        CadenceRule("长寿老人", every=1, unit="month", categories=frozenset({"longevity"}))
    ]
    saved = visits.save_rules(ctx, rules)
    assert [r.name for r in saved][-1] == "长寿老人" and all(r.id for r in saved)
    visits.record_visit(ctx, visit(pid, date(2026, 10, 20)))
    assert visits.due_list(ctx)[0].rule_name == "长寿老人"
    with pytest.raises(ServiceError, match="频次"):
        visits.save_rules(ctx, [replace(saved[0], every=0)])
    assert len(visits.save_rules(ctx, saved[:3])) == 3  # retire the extra rule
    assert pid not in due_ids(ctx)
    assert [r.id for r in visits.reset_rules(ctx)] == [None, None, None]


def test_workers_cannot_edit_rules(ctx, add_elder):
    ctx.user = replace(ctx.user, role="worker")
    with pytest.raises(ServiceError, match="管理员"):
        visits.save_rules(ctx, visits.list_rules(ctx))


def test_visit_state_rebuild_matches_incremental(ctx, add_elder):
    pid = add_elder(ctx, "许金宝", date(1941, 1, 1), sex="M")
    visits.record_visit(ctx, visit(pid, date(2026, 11, 1), risk_flags=("wandering",)))
    visits.record_visit(ctx, visit(pid, date(2026, 10, 1)))  # an older visit typed later
    with ctx.db.session() as s:
        state = s.get(PersonVisitState, pid)
        incremental = (state.last_visit_date, state.risk_level)
        rebuild_visit_state(s)
    with ctx.db.session() as s:
        state = s.get(PersonVisitState, pid)
        assert (
            (state.last_visit_date, state.risk_level) == incremental == (date(2026, 11, 1), "high")
        )


def test_visit_arriving_by_sync_replay_updates_the_due_list(ctx, add_elder):
    pid = add_elder(ctx, "何雅琴", date(1944, 4, 4), ("alone",))
    with ctx.db.session(replaying=True) as s:  # as the sync apply writes rows from a bundle
        s.add(
            Visit(
                person_id=pid,
                visit_date=date(2026, 11, 25),
                status="done",
                mode="phone",
                risk_level="high",
                origin_site="another-laptop",
            )
        )
    item = visits.due_list(ctx, include_later=True)[0]
    assert item.last_visit == date(2026, 11, 25) and item.rule_name == "高风险老年人"
    assert item.due_date == date(2026, 12, 2)
