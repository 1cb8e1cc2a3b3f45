"""UI: record a visit from the due list and see the elder leave it; drafts resumed from the page."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from afc_desktop.services import visits
from afc_desktop.ui.pages.visits_page import Page


def loaded(qtbot, page: Page) -> Page:
    """Wait for the page's background loads (the due list and the rate run off the UI thread)."""
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)
    return page


def test_record_from_due_list_removes_the_row(qtbot, ctx, add_elder):
    overdue = add_elder(ctx, "张秀英", date(1940, 3, 2), ("alone",))
    other = add_elder(ctx, "李建国", date(1950, 1, 1), sex="M")
    page = Page(ctx)
    qtbot.addWidget(page)
    loaded(qtbot, page)
    assert set(page.due_person_ids()) == {overdue, other}
    row = page.due_person_ids().index(overdue)
    first = page.due_model.index(row, 0)
    assert page.due_model.data(first, Qt.ItemDataRole.ForegroundRole) is not None  # red
    assert "逾期" in page.due_model.data(page.due_model.index(row, 1))
    page.due_table.selectRow(row)

    dialog = page.record_selected()
    assert dialog is not None and "张秀英" in dialog.header.text()
    dialog.mode.setCurrentIndex(dialog.mode.findData("home"))
    dialog.areas["health"].issues["mobility"].setChecked(True)
    dialog.risk_flags["fall"].setChecked(True)
    assert dialog.risk_level.currentData() == "high"  # suggested from the flag
    dialog.notes.setPlainText("走路需拄拐，已提醒防滑")
    with qtbot.waitSignal(page.sig_visit_saved, timeout=5000):
        qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    loaded(qtbot, page)
    assert page.due_person_ids() == [other]
    assert "共 1 人" in page.due_count.text()
    recorded = visits.person_visits(ctx, overdue)[0]
    assert recorded.findings.areas["health"].level == "attention"
    assert recorded.started_from == "due"


def test_bad_input_shows_the_message_and_keeps_the_dialog(qtbot, ctx, add_elder):
    pid = add_elder(ctx, "王美华", date(1948, 6, 6))
    page = Page(ctx)
    qtbot.addWidget(page)
    loaded(qtbot, page)
    page.due_table.selectRow(0)
    dialog = page.record_selected()
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)  # nothing filled in
    assert "至少填写" in dialog.error.text()
    assert dialog.isVisible()
    assert page.due_person_ids() == [pid]


def test_draft_saved_then_resumed_from_the_drafts_tab(qtbot, ctx, add_elder):
    pid = add_elder(ctx, "顾凤英", date(1938, 8, 8), ("disabled",))
    page = Page(ctx)
    qtbot.addWidget(page)
    loaded(qtbot, page)
    page.due_table.selectRow(0)
    dialog = page.record_selected()
    dialog.notes.setPlainText("电话没人接，下午再去")
    dialog.add_need_row()
    dialog.needs_table.cellWidget(0, 0).setCurrentIndex(
        dialog.needs_table.cellWidget(0, 0).findData("meals")
    )
    assert dialog.save_draft() is not None
    dialog.reject()
    assert page.due_person_ids() == [pid]  # a draft is not a visit

    page.tabs.setCurrentIndex(2)
    assert [v.person_id for v in page.drafts_model.rows] == [pid]
    page.drafts_table.selectRow(0)
    resumed = page.resume_selected()
    assert resumed.notes.toPlainText() == "电话没人接，下午再去"
    assert resumed.needs_table.rowCount() == 1
    with qtbot.waitSignal(page.sig_visit_saved, timeout=5000):
        resumed.record()
    assert page.drafts_model.rows == []
    page.tabs.setCurrentIndex(0)
    loaded(qtbot, page)
    assert page.due_person_ids() == []


def test_rate_and_rules_tabs(qtbot, ctx, add_elder):
    add_elder(ctx, "陆月娥", date(1942, 1, 1), ("alone",))
    page = Page(ctx)
    qtbot.addWidget(page)
    loaded(qtbot, page)
    page.tabs.setCurrentIndex(3)
    loaded(qtbot, page)
    labels = [r.label for r in page.rate_model.rows]
    assert "全部老年人" in labels and "特殊困难老年人" in labels
    page.tabs.setCurrentIndex(4)
    assert [r.name for r in page.rules_model.rows] == [
        "高风险老年人",
        "特殊困难老年人",
        "其他老年人",
    ]
    assert page.rule_add.isEnabled()  # the admin may edit


def test_closing_with_unsaved_content_offers_a_draft(qtbot, ctx, add_elder):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    pid = add_elder(ctx, "钱玉兰", date(1943, 2, 2), ("alone",))
    page = Page(ctx)
    qtbot.addWidget(page)
    loaded(qtbot, page)
    page.due_table.selectRow(0)
    dialog = page.record_selected()
    assert not dialog.has_unsaved_changes()
    dialog.notes.setPlainText("老人午睡，未能详谈")
    assert dialog.has_unsaved_changes()

    def press_save() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "草稿" in box.text()
        box.button(QMessageBox.StandardButton.Save).click()

    QTimer.singleShot(0, press_save)
    dialog.reject()
    assert not dialog.isVisible()
    drafts = visits.list_drafts(ctx)
    assert [(d.person_id, d.notes) for d in drafts] == [(pid, "老人午睡，未能详谈")]


def test_person_panel_records_a_visit_and_lists_open_needs(qtbot, ctx, add_elder):
    from afc_desktop.services import needs
    from afc_desktop.services.needs import NeedInput
    from afc_desktop.ui.widgets.person_daily_panel import PersonDailyPanel

    pid = add_elder(ctx, "沈玉珍", date(1945, 2, 2), ("empty_nest",))
    needs.create_need(ctx, NeedInput(pid, "bathing", "洗澡不便"))
    panel = PersonDailyPanel(ctx, pid)
    qtbot.addWidget(panel)
    assert [n.type_label for n in panel.needs_model.rows] == ["助浴"]
    dialog = panel.record_visit()
    dialog.notes.setPlainText("电话问候，身体尚可")
    dialog.mode.setCurrentIndex(dialog.mode.findData("phone"))
    with qtbot.waitSignal(panel.sig_changed, timeout=5000):
        dialog.record()
    assert [(v.mode_label, v.started_from) for v in panel.visits_model.rows] == [("电话", "person")]


def test_admin_edits_a_cadence_rule_in_the_form(qtbot, ctx, add_elder):
    pid = add_elder(ctx, "蒋伯年", date(1936, 4, 4), sex="M")  # 90: 长寿, no typed category
    visits.record_visit(
        ctx,
        visits.VisitInput(pid, date(2026, 10, 20), notes="身体尚可"),
    )
    page = Page(ctx)
    qtbot.addWidget(page)
    loaded(qtbot, page)
    assert pid not in page.due_person_ids()  # quarterly
    page.tabs.setCurrentIndex(4)
    dialog = page._edit_rule(None)
    dialog._accept()
    assert "名称" in dialog.error.text() and dialog.isVisible()
    dialog.name.setText("长寿老人每月")
    dialog.categories["longevity"].setChecked(True)
    dialog._accept()
    assert [r.name for r in page.rules_model.rows][-1] == "长寿老人每月"
    page.tabs.setCurrentIndex(0)
    loaded(qtbot, page)
    assert pid in page.due_person_ids()  # monthly now: due 20 November, overdue


def test_by_household_tab_starts_a_household_visit(qtbot, ctx, add_elder):
    from afc_desktop.services import register

    home = register.create_household(
        ctx, register.HouseholdInput(estate="香溪花园", building="3", unit="1", room="501")
    ).id
    wife = add_elder(ctx, "沈萍", date(1948, 5, 1), ("empty_nest",), household_id=home)
    husband = add_elder(ctx, "何凤鸣", date(1946, 2, 3), ("empty_nest",), household_id=home)
    page = Page(ctx)
    qtbot.addWidget(page)
    page.tabs.setCurrentIndex(1)
    loaded(qtbot, page)
    (row,) = page.households_model.rows
    assert {e.person_id for e in row.elders} == {wife, husband}
    assert "共 1 户、2 人" in page.households_count.text()
    page.households_table.selectRow(0)
    dialog = page.visit_selected_household()
    assert dialog is not None and len(dialog.panels) == 2
    dialog.general_areas["safety"].notes.setText("楼道灯坏了")
    dialog.record()
    loaded(qtbot, page)
    assert page.households_model.rows == []


def test_household_form_closing_unsaved_offers_a_draft_and_photos_get_one(qtbot, ctx, add_elder):
    """The household visit form shares the person form's draft handling (DraftDialog):
    Cancel keeps it open, Save keeps a household draft; a photo needs a draft to belong to."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from afc_desktop.services import household_visits as hv
    from afc_desktop.services import register
    from afc_desktop.ui.dialogs.household_visit_dialog import open_household_visit

    hid = register.create_household(
        ctx, register.HouseholdInput(estate="香溪花园", building="3", unit="1", room="402")
    ).id
    add_elder(ctx, "沈萍", date(1944, 5, 1), household_id=hid)
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = open_household_visit(ctx, parent, household_id=hid)
    assert dialog is not None and not dialog.has_unsaved_changes()
    dialog.notes.setPlainText("楼道灯坏了")
    assert dialog.has_unsaved_changes()

    def press(button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "草稿" in box.text()
        box.button(button).click()

    QTimer.singleShot(0, lambda: press(QMessageBox.StandardButton.Cancel))
    dialog.reject()
    assert dialog.isVisible() and hv.list_household_drafts(ctx) == []
    QTimer.singleShot(0, lambda: press(QMessageBox.StandardButton.Save))
    dialog.reject()
    assert not dialog.isVisible()
    (draft,) = hv.list_household_drafts(ctx)
    assert draft.notes == "楼道灯坏了" and draft.id == dialog.draft_id
    assert dialog._owner_for_photos() == draft.id  # no second draft for the photos

    fresh = open_household_visit(ctx, parent, household_id=hid)
    assert fresh is not None and fresh.draft_id is None
    owner = fresh._owner_for_photos()  # a photo first: the visit is kept as a draft for it
    assert owner is not None and owner == fresh.draft_id
    assert "草稿已保存" in fresh.windowTitle()
    assert len(hv.list_household_drafts(ctx)) == 2
