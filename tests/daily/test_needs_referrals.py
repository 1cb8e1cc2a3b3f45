"""Needs, referrals and tasks through the services (real database, change log)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from afc_desktop.services import needs, resources, tasks
from afc_desktop.services.context import ServiceError
from afc_desktop.services.needs import NeedInput
from afc_desktop.services.resources import ResourceInput
from afc_desktop.services.tasks import TaskInput
from afc_desktop.store.models import ChangeEvent


@pytest.fixture
def canteen(ctx):
    return resources.create_resource(
        ctx,
        ResourceInput(
            kind="facility",
            name="梅巷社区长者食堂",
            phone="0512-65123456",
            services=("meals",),
            hours="每天 11:00-13:00",
            capacity="60人",
        ),
    )


def test_need_flow_with_referral(ctx, add_elder, canteen):
    pid = add_elder(ctx, "朱杏英", date(1941, 9, 9), ("alone",))
    need = needs.create_need(ctx, NeedInput(pid, "meals", "腿脚不便，想要送餐", "urgent"))
    assert need.status == "found" and need.status_label == "发现"
    with pytest.raises(ServiceError, match="请先转介"):
        needs.change_need_status(ctx, need.id, "in_service")
    referred = needs.refer_need(ctx, need.id, canteen.id, "每天送餐上门")
    assert referred.status == "referred"
    assert [r.resource_name for r in referred.referrals] == ["梅巷社区长者食堂"]
    follow = tasks.list_tasks(ctx, person_id=pid)
    assert [(t.title, t.due_date, t.need_id) for t in follow] == [
        ("跟进转介落实情况：助餐 → 梅巷社区长者食堂", date(2026, 12, 5), need.id)
    ]
    serving = needs.change_need_status(ctx, need.id, "in_service")
    assert serving.status_label == "服务中" and serving.closed_on is None
    done = needs.change_need_status(ctx, need.id, "resolved")
    assert done.closed_on == ctx.today() and done.next_statuses == ()
    assert tasks.list_tasks(ctx, person_id=pid) == []  # the follow-up closed with the need
    assert tasks.list_tasks(ctx, status="all")[0].note == "需求已解决"
    with pytest.raises(ServiceError, match="不能再改"):
        needs.change_need_status(ctx, need.id, "found")
    with ctx.db.session() as s:
        events = s.scalars(
            select(ChangeEvent).where(ChangeEvent.record_id == need.id).order_by(ChangeEvent.seq)
        ).all()
    assert [e.fields.get("status") for e in events] == [
        "found",
        "referred",
        "in_service",
        "resolved",
    ]


def test_unresolvable_needs_a_reason_and_open_list_is_by_age(ctx, add_elder):
    a = add_elder(ctx, "马月琴", date(1939, 1, 1))
    b = add_elder(ctx, "马国强", date(1945, 1, 1), sex="M")
    old = needs.create_need(
        ctx, NeedInput(a, "home_adaptation", "卫生间装扶手", found_on=date(2026, 9, 1))
    )
    new = needs.create_need(ctx, NeedInput(b, "legal_aid", "遗嘱咨询", found_on=date(2026, 11, 20)))
    listed = needs.open_needs(ctx)
    assert [n.id for n in listed] == [old.id, new.id]
    assert listed[0].days_open == (date(2026, 11, 28) - date(2026, 9, 1)).days
    with pytest.raises(ServiceError, match="原因"):
        needs.change_need_status(ctx, new.id, "unresolvable")
    closed = needs.change_need_status(ctx, new.id, "unresolvable", "老人不愿意")
    assert closed.status_reason == "老人不愿意"
    assert [n.id for n in needs.open_needs(ctx)] == [old.id]
    assert [n.id for n in needs.open_needs(ctx, person_id=a)] == [old.id]
    assert [n.status for n in needs.person_needs(ctx, b)] == ["unresolvable"]


def test_bad_need_input(ctx, add_elder, canteen):
    pid = add_elder(ctx, "杨宝珍", date(1950, 1, 1))
    with pytest.raises(ServiceError, match="需求类型"):
        needs.create_need(ctx, NeedInput(pid, "spaceflight"))
    with pytest.raises(ServiceError, match="晚于今天"):
        needs.create_need(ctx, NeedInput(pid, "meals", found_on=date(2027, 1, 1)))
    need = needs.create_need(ctx, NeedInput(pid, "meals"))
    with pytest.raises(ServiceError, match="服务资源"):
        needs.refer_need(ctx, need.id, "")
    resources.update_resource(
        ctx, canteen.id, ResourceInput(**{**canteen.as_input().__dict__, "active": False})
    )
    with pytest.raises(ServiceError, match="已停用"):
        needs.refer_need(ctx, need.id, canteen.id)


def test_tasks_complete_and_cancel(ctx, add_elder):
    pid = add_elder(ctx, "严德明", date(1948, 3, 3), sex="M")
    t1 = tasks.create_task(ctx, TaskInput("送助行器", date(2026, 11, 25), person_id=pid))
    t2 = tasks.create_task(ctx, TaskInput("电话回访", date(2026, 12, 10), person_id=pid))
    listed = tasks.list_tasks(ctx)
    assert [(t.title, t.window) for t in listed] == [("送助行器", "overdue"), ("电话回访", "later")]
    assert [t.id for t in tasks.list_tasks(ctx, within_days=7)] == [t1.id]
    done = tasks.complete_task(ctx, t1.id)
    assert done.status == "done" and done.done_on == date(2026, 11, 28)
    with pytest.raises(ServiceError, match="已完成"):
        tasks.complete_task(ctx, t1.id)
    with pytest.raises(ServiceError, match="取消原因"):
        tasks.cancel_task(ctx, t2.id, " ")
    assert tasks.cancel_task(ctx, t2.id, "老人住院").status_label == "已取消"
    assert tasks.list_tasks(ctx) == []
    assert len(tasks.list_tasks(ctx, status="all")) == 2
    with pytest.raises(ServiceError, match="待办内容"):
        tasks.create_task(ctx, TaskInput("", date(2026, 12, 1)))
