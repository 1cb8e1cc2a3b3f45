"""The register as a social worker uses it: add, find, validate, edit, history, scale."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from afc_desktop.domain.idcard import check_digit
from afc_desktop.services import demo, register
from afc_desktop.services.register import PersonInput
from afc_desktop.ui.models.person_table_model import COL_ID, COL_NAME, PAGE_SIZE
from afc_desktop.ui.pages.register_page import Page


def type_chinese(widget, text: str) -> None:
    """Type Chinese as an input method does: a committed string (keyClicks is ASCII only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def make_id(birth: str, seq: str = "123") -> str:
    first17 = "320508" + birth + seq
    return first17 + check_digit(first17)


@pytest.fixture
def page(qtbot, ctx):
    widget = Page(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def rows_shown(page: Page) -> list[str]:
    model = page.model
    return [model.index(r, COL_NAME).data() for r in range(model.rowCount())]


def test_add_person_through_the_dialog_then_find_by_pinyin_initials(qtbot, page):
    dialog = page.new_item()
    type_chinese(dialog.name, "张三丰")
    qtbot.keyClicks(dialog.id_number, make_id("19400101"))
    # A valid ID number fills birth date and sex.
    assert dialog.birth_date.date().toPython() == date(1940, 1, 1)
    assert dialog.sex.currentData() == "M"
    qtbot.keyClicks(dialog.phone, "138 1234 5678")
    dialog.category_boxes["alone"].setChecked(True)
    assert "高龄" in dialog.derived_label.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error_texts()

    qtbot.keyClicks(page.search, "zsf")
    with qtbot.waitSignal(page.sig_search_done, timeout=2000):
        pass
    assert rows_shown(page) == ["张三丰"]
    assert page.count_label.text() == "共 1 人"
    masked = page.model.index(0, COL_ID).data()
    assert masked.startswith("3205") and "*" in masked and masked.endswith(make_id("19400101")[-4:])
    detail = register.get_person(page.ctx, page.model.person_id(0))
    assert detail.phone == "13812345678"
    assert detail.categories == ("alone",)


def test_bad_check_digit_shows_a_warning_next_to_the_field(qtbot, page):
    dialog = page.new_item()
    good = make_id("19450315")
    wrong_last = "0" if good[-1] != "0" else "1"
    type_chinese(dialog.name, "李四")
    qtbot.keyClicks(dialog.id_number, good[:-1] + wrong_last)
    text = dialog.fields["id_number"].error.text()
    assert "校验位" in text and good[-1] in text
    assert dialog.fields["id_number"].error.isVisibleTo(dialog)
    # Saving is refused with the same message, and nothing is written.
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert register.search_person_ids(page.ctx, register.PersonQuery(text="李四")) == []


def test_future_birth_date_and_bad_phone_are_named_in_plain_chinese(qtbot, page):
    dialog = page.new_item()
    type_chinese(dialog.name, "王五")
    dialog.birth_date.setDate(date(2030, 1, 1))
    assert dialog.fields["birth_date"].error.text() == "出生日期不能晚于今天"
    qtbot.keyClicks(dialog.phone, "12345")
    dialog.phone.editingFinished.emit()
    assert dialog.fields["phone"].error.text() == "手机号应为11位，现为5位"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "出生日期不能晚于今天" in dialog.error_texts()
    assert dialog.isVisible()


def test_duplicate_id_number_warns_and_saves_only_when_confirmed(qtbot, page, ctx):
    number = make_id("19380520", "246")
    register.register_person(ctx, PersonInput(name="周美英", id_number=number))
    dialog = page.new_item()
    type_chinese(dialog.name, "周美英")
    qtbot.keyClicks(dialog.id_number, number)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.duplicate_panel.isVisibleTo(dialog)
    assert "身份证号相同" in dialog.duplicate_text.text()
    assert "周美英" in dialog.duplicate_text.text()
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert not dialog.duplicate_panel.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.confirm_duplicate, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert len(register.search_person_ids(ctx, register.PersonQuery(text=number))) == 2


def test_edit_phone_on_the_person_page_shows_in_history(qtbot, page, ctx):
    register.register_person(
        ctx, PersonInput(name="顾阿婆", id_number=make_id("19360808", "222"), phone="13900001111")
    )
    page.run_search()
    row = page.model.row_of(register.search_person_ids(ctx, register.PersonQuery("顾阿婆"))[0])
    view = page.open_person(row)
    # The person page is the one place that shows the whole ID number.
    assert any(
        make_id("19360808", "222") in w.text()
        for w in view.info.findChildren(type(page.count_label))
    )
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    editor = view.editor
    editor.phone.clear()
    qtbot.keyClicks(editor.phone, "13900002222")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.result() == editor.DialogCode.Accepted, editor.error_texts()
    history = [view.history.item(i).text() for i in range(view.history.count())]
    assert history[0] == "2026-11-28 王芳 改了 电话" or history[0].endswith("王芳 改了 电话")
    assert any("新建了记录" in h for h in history)
    assert page.model.index(row, 0).data() == "顾阿婆"


def test_filters_by_category_age_band_and_estate(qtbot, page, ctx):
    demo.populate(ctx, 200)
    page.reload_estates()
    page.run_search()
    everyone = page.model.rowCount()

    def choose(combo, index):
        with qtbot.waitSignal(page.sig_search_done, timeout=3000):
            combo.setCurrentIndex(index)

    choose(page.category, page.category.findData("advanced_age"))
    old = page.model.rowCount()
    assert 0 < old < everyone
    for r in range(old):
        assert "高龄" in page.model.row_at(r).categories
    choose(page.category, 0)
    choose(page.age_band, page.age_band.findData("60-69"))
    assert all(60 <= page.model.row_at(r).age <= 69 for r in range(page.model.rowCount()))
    choose(page.age_band, 0)
    estate = page.estate.itemData(1)
    choose(page.estate, 1)
    assert 0 < page.model.rowCount() < everyone
    assert all(estate in page.model.row_at(r).address for r in range(page.model.rowCount()))


def test_only_the_latest_search_is_shown(qtbot, page, ctx):
    demo.populate(ctx, 200)
    page.run_search()
    page.search.setText("zz-nobody")
    slow = page.search_in_background()
    page.search.setText("")
    latest = page.search_in_background()
    with qtbot.waitSignal(latest.sig_done, timeout=3000):
        pass
    qtbot.waitUntil(lambda: not slow.running, timeout=3000)
    assert page.model.rowCount() > 100


def test_lazy_model_fetches_pages_not_all_rows(qtbot, page, ctx):
    made = demo.populate(ctx, 3000)
    page.run_search()
    model = page.model
    total = model.rowCount()
    assert total > 4 * PAGE_SIZE and total <= made
    qtbot.wait(50)
    first_blocks = model.cached_blocks()
    assert first_blocks == [0]
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: (total - 1) // PAGE_SIZE in model.cached_blocks())
    assert model.fetch_count <= 3
    assert len(model.cached_blocks()) < total // PAGE_SIZE
    assert model.index(total - 1, COL_NAME).data()


def test_household_dialog_previews_the_address_and_members_join_it(qtbot, page, ctx):
    page.tabs.setCurrentIndex(1)
    panel = page.households
    dialog = panel.add_household()
    dialog.rural.setChecked(True)
    dialog.estate.setCurrentText("北庄村")
    qtbot.keyClicks(dialog.building, "5")
    qtbot.keyClicks(dialog.room, "18")
    assert dialog.preview.text() == "北庄村5组18号"
    assert not dialog.unit.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    type_chinese(panel.search, "北庄村")
    qtbot.waitUntil(lambda: panel.households.rowCount() == 1, timeout=2000)
    assert panel.households.item(0, 0).text() == "北庄村5组18号"
    panel.households.selectRow(0)
    member = panel.add_member()
    assert member.household.currentText().startswith("北庄村5组18号")
    type_chinese(member.name, "钱阿根")
    qtbot.mouseClick(member.save_button, Qt.MouseButton.LeftButton)
    assert member.result() == member.DialogCode.Accepted, member.error_texts()
    assert panel.members.rowCount() == 1 and panel.members.item(0, 0).text() == "钱阿根"
    assert page.estate.findData("北庄村") > 0  # the area filter knows the new village


def test_empty_household_estate_is_refused_in_plain_chinese(qtbot, page):
    dialog = page.new_household()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.fields["estate"].error.text() == "请填写小区"
    assert dialog.isVisible()


def test_remove_takes_the_person_off_the_register_with_a_reason(qtbot, page, ctx):
    from PySide6.QtCore import QTimer

    from afc_desktop.services import audit
    from afc_desktop.ui.dialogs.remove_person_dialog import RemovePersonDialog

    register.register_person(ctx, PersonInput(name="褚阿四"))
    page.run_search()
    page.table.selectRow(
        page.model.row_of(register.search_person_ids(ctx, register.PersonQuery("褚阿四"))[0])
    )

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RemovePersonDialog)
        dialog.reason.setCurrentIndex(dialog.reason.findData("moved_out"))
        dialog.accept()

    QTimer.singleShot(100, answer)
    page.remove_selected()
    assert "褚阿四" not in rows_shown(page)
    entry = audit.recent(ctx, 1)[0]
    assert entry.action == "remove_person"
    assert entry.detail == {"reason": "moved_out", "on": "2026-11-28"}


def test_person_page_lists_household_members_and_opens_them(qtbot, page, ctx):
    home = register.create_household(ctx, register.HouseholdInput(estate="梅巷新村", building="3"))
    register.register_person(ctx, PersonInput(name="严阿公", household_id=home.id))
    register.register_person(ctx, PersonInput(name="严阿婆", household_id=home.id))
    page.run_search()
    view = page.open_person(
        page.model.row_of(register.search_person_ids(ctx, register.PersonQuery("严阿公"))[0])
    )
    view.tabs.setCurrentIndex(1)
    from PySide6.QtWidgets import QTableWidget

    table = view.household_tab.findChild(QTableWidget, "membersTable")
    assert table.rowCount() == 1 and table.item(0, 0).text() == "严阿婆"
    other = view.open_member(register.search_person_ids(ctx, register.PersonQuery("严阿婆"))[0])
    assert other.detail.name == "严阿婆"
