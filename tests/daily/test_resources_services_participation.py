"""Resources, the advisory/errand service log and participation (projects, talents, hours)."""

from __future__ import annotations

from datetime import date

import pytest

from afc_desktop.services import participation as part
from afc_desktop.services import resources, service_log
from afc_desktop.services.context import ServiceError
from afc_desktop.services.participation import (
    MemberInput,
    ProjectInput,
    TalentInput,
    VolunteerInput,
)
from afc_desktop.services.resources import ResourceInput
from afc_desktop.services.service_log import ServiceInput


def test_resources_register_filter_and_validation(ctx):
    a = resources.create_resource(
        ctx, ResourceInput("social_org", "姑苏区乐龄社工服务社", phone="13812345678",
                           services=("companionship", "daily_care"))
    )  # fmt: skip
    resources.create_resource(ctx, ResourceInput("facility", "日间照料中心", services=("meals",)))
    assert a.kind_label == "社会组织" and a.service_labels == ("生活照料", "精神慰藉")
    assert [r.name for r in resources.list_resources(ctx, service="meals")] == ["日间照料中心"]
    assert [r.name for r in resources.list_resources(ctx, query="乐龄")] == ["姑苏区乐龄社工服务社"]
    assert len(resources.list_resources(ctx, kind="facility")) == 1
    with pytest.raises(ServiceError, match="联系电话"):
        resources.create_resource(ctx, ResourceInput("facility", "x", phone="123"))
    with pytest.raises(ServiceError, match="资源类别"):
        resources.create_resource(ctx, ResourceInput("spaceship", "x"))
    with pytest.raises(ServiceError, match="服务类型"):
        resources.create_resource(ctx, ResourceInput("facility", "x", services=("flying",)))
    resources.remove_resource(ctx, a.id)
    assert [r.name for r in resources.list_resources(ctx)] == ["日间照料中心"]


def test_service_log_and_month_totals(ctx, add_elder):
    pid = add_elder(ctx, "戴秀兰", date(1940, 2, 2))
    service_log.record_service(
        ctx,
        ServiceInput(pid, date(2026, 11, 3), "application_help", "代为申请高龄津贴", 40, "已受理"),
    )
    service_log.record_service(
        ctx, ServiceInput(pid, date(2026, 11, 20), "errand", "代购降压药", 30)
    )
    service_log.record_service(
        ctx, ServiceInput(pid, date(2026, 10, 20), "policy_consult", "咨询居家养老服务补贴", 15)
    )
    listed = service_log.list_services(ctx, person_id=pid)
    assert [s.kind_label for s in listed] == ["生活代办", "业务帮办", "政策咨询办理"]
    assert listed[0].worker_name == ctx.actor_name
    totals = service_log.service_totals(ctx, 2026, 11)
    assert totals.counts == {"application_help": 1, "errand": 1}
    assert totals.minutes["application_help"] == 40 and totals.people == 1
    with pytest.raises(ServiceError, match="服务类别"):
        service_log.record_service(ctx, ServiceInput(pid, date(2026, 11, 3), "magic", "x"))
    with pytest.raises(ServiceError, match="服务内容"):
        service_log.record_service(ctx, ServiceInput(pid, date(2026, 11, 3), "errand", " "))
    with pytest.raises(ServiceError, match="用时"):
        service_log.record_service(ctx, ServiceInput(pid, date(2026, 11, 3), "errand", "x", -5))


def test_projects_members_and_yearly_target(ctx, add_elder):
    leader = add_elder(ctx, "韩永康", date(1956, 1, 1), sex="M")
    p1 = part.create_project(
        ctx,
        ProjectInput("12幢楼道美化", "building", date(2026, 3, 1),
                     members=(MemberInput("", leader, "召集人"), MemberInput("李阿姨", role="志愿者"))),
    )  # fmt: skip
    assert [m.name for m in p1.members] == ["韩永康", "李阿姨"]
    progress = part.project_progress(ctx, 2026)
    assert (progress.count, progress.target, progress.met) == (1, 2, False)
    part.create_project(ctx, ProjectInput("议事小组", "consultation", date(2026, 9, 1)))
    assert part.project_progress(ctx, 2026).met
    assert part.project_progress(ctx, 2025).count == 0
    edited = part.update_project(
        ctx, p1.id,
        ProjectInput("12幢楼道美化", "building", date(2026, 3, 1), date(2026, 6, 30), "done",
                     outcome="楼道焕然一新", members=(MemberInput("", leader, "组长"),)),
    )  # fmt: skip
    assert edited.status_label == "已结项"
    assert [(m.name, m.role) for m in edited.members] == [("韩永康", "组长")]
    with pytest.raises(ServiceError, match="结束日期"):
        part.create_project(ctx, ProjectInput("x", "other", date(2026, 5, 1), date(2026, 4, 1)))


def test_talent_pool_and_volunteer_hours(ctx, add_elder):
    young = add_elder(ctx, "潘志明", date(1960, 5, 5), sex="M")  # 66
    old = add_elder(ctx, "潘翠英", date(1938, 5, 5))  # 88
    t = part.save_talent(ctx, TalentInput(young, ("书法", "修理家电", "书法")))
    assert t.skills == ("书法", "修理家电") and t.age == 66
    part.save_talent(ctx, TalentInput(young, ("书法",), availability="周末"))  # same entry updated
    assert [(v.person_name, v.skills) for v in part.list_talents(ctx)] == [("潘志明", ("书法",))]
    assert part.list_talents(ctx, skill="修理") == []
    v = part.record_volunteer_hours(
        ctx, VolunteerInput(young, date(2026, 11, 1), 2.5, "陪同就医", helped_id=old)
    )
    assert v.young_helps_old and v.helped_name == "潘翠英"
    part.record_volunteer_hours(ctx, VolunteerInput(young, date(2026, 11, 8), 1, "读报"))
    totals = part.volunteer_totals(ctx, 2026)
    assert [(t.helper_name, t.hours, t.times) for t in totals] == [("潘志明", 3.5, 2)]
    with pytest.raises(ServiceError, match="时长"):
        part.record_volunteer_hours(ctx, VolunteerInput(young, date(2026, 11, 1), 0, "x"))
    with pytest.raises(ServiceError, match="同一人"):
        part.record_volunteer_hours(ctx, VolunteerInput(young, date(2026, 11, 1), 1, "x", young))
    with pytest.raises(ServiceError, match="特长"):
        part.save_talent(ctx, TalentInput(old, ()))
