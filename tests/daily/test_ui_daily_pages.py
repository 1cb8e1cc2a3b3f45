"""UI: the 待办, 资源 and 参与 pages drive their services and show the results."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from afc_desktop.services import needs, participation, resources, tasks
from afc_desktop.services.needs import NeedInput
from afc_desktop.services.resources import ResourceInput
from afc_desktop.services.tasks import TaskInput
from afc_desktop.ui.pages.participation_page import Page as ParticipationPage
from afc_desktop.ui.pages.resources_page import Page as ResourcesPage
from afc_desktop.ui.pages.tasks_page import Page as TasksPage


def test_tasks_page_completes_an_overdue_task(qtbot, ctx, add_elder):
    pid = add_elder(ctx, "严德明", date(1948, 3, 3), sex="M")
    tasks.create_task(ctx, TaskInput("送助行器", date(2026, 11, 20), person_id=pid))
    page = TasksPage(ctx)
    qtbot.addWidget(page)
    assert [t.title for t in page.task_model.rows] == ["送助行器"]
    index = page.task_model.index(0, 0)
    assert page.task_model.data(index, Qt.ItemDataRole.ForegroundRole) is not None
    assert "逾期 1 项" in page.task_count.text()
    page.task_table.selectRow(0)
    page.complete_selected()
    assert page.task_model.rows == []


def test_needs_tab_refers_and_refuses_an_illegal_step(qtbot, ctx, add_elder):
    pid = add_elder(ctx, "朱杏英", date(1941, 9, 9), ("alone",))
    resources.create_resource(ctx, ResourceInput("facility", "长者食堂", services=("meals",)))
    resources.create_resource(ctx, ResourceInput("social_org", "乐龄社", services=("legal_aid",)))
    needs.create_need(ctx, NeedInput(pid, "meals", "送餐"))
    page = TasksPage(ctx)
    qtbot.addWidget(page)
    page.tabs.setCurrentIndex(1)
    assert [n.status_label for n in page.need_model.rows] == ["发现"]
    page.need_table.selectRow(0)
    status = page.change_selected()
    assert status.status.findData("in_service") == -1  # not offered before a referral
    status.reject()
    refer = page.refer_selected()
    assert "★ 长者食堂" in refer.resource.itemText(1)  # the one offering 助餐 first
    refer.save()  # nothing chosen
    assert "服务资源" in refer.error.text()
    refer.resource.setCurrentIndex(1)
    refer.save()
    assert [n.status_label for n in page.need_model.rows] == ["已转介"]
    assert page.need_model.rows[0].referrals[0].resource_name == "长者食堂"
    page.need_table.selectRow(0)
    status = page.change_selected()
    status.status.setCurrentIndex(status.status.findData("unresolvable"))
    status.save()
    assert "原因" in status.error.text()
    status.reason.setText("老人搬去子女家")
    status.save()
    assert page.need_model.rows == []


def test_resources_page_adds_and_filters(qtbot, ctx):
    page = ResourcesPage(ctx)
    qtbot.addWidget(page)
    dialog = page.add_resource()
    dialog.save()
    assert "资源名称" in dialog.error.text()
    dialog.name.setText("日间照料中心")
    dialog.phone.setText("6512345")  # 7 digits: wrong
    dialog.save()
    assert "联系电话" in dialog.error.text()
    dialog.phone.setText("0512-65123456")
    dialog.services["meals"].setChecked(True)
    dialog.save()
    assert [r.name for r in page.resource_model.rows] == ["日间照料中心"]
    page.service.setCurrentIndex(page.service.findData("legal_aid"))
    assert page.resource_model.rows == []


def test_participation_page_shows_progress_against_two_projects(qtbot, ctx, add_elder):
    page = ParticipationPage(ctx)
    qtbot.addWidget(page)
    assert "0 个" in page.progress.text() and "未达到" in page.progress.text()
    for name in ("楼道美化", "议事小组"):
        dialog = page.add_project()
        dialog.name.setText(name)
        dialog.free_name.setText("李阿姨")
        dialog._add_free()
        dialog.save()
    assert "2 个" in page.progress.text() and "未达到" not in page.progress.text()
    assert {p.name for p in page.project_model.rows} == {"楼道美化", "议事小组"}
    helper = add_elder(ctx, "潘志明", date(1960, 5, 5), sex="M")
    page.tabs.setCurrentIndex(2)
    dialog = page.add_hours()
    dialog.save()
    assert "志愿者" in dialog.error.text()
    dialog.set_person("helper", helper)
    dialog.activity.setText("读报")
    dialog.save()
    assert [v.helper_name for v in page.hours_model.rows] == ["潘志明"]
    assert participation.volunteer_totals(ctx, 2026)[0].hours == 1
