"""The main window: areas load lazily, unbuilt ones say so, shortcuts, and the idle lock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from afc_desktop.ui.main_window import AREAS, Area, MainWindow, load_page
from afc_desktop.ui.pages.placeholder import PlaceholderPage
from afc_desktop.ui.pages.register_page import Page as RegisterPage

ADMIN_PASSWORD = "admin-pass-1"  # tests/conftest.py


@pytest.fixture
def window(qtbot, ctx):
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_areas_are_listed_and_pages_created_only_when_shown(window):
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels == [
        "今天",
        "登记册",
        "走访",
        "待办",
        "资源",
        "评估",
        "扫描回读",
        "参与",
        "统计",
        "同步",
        "设置",
    ]
    assert window.created_pages() == ["today"]  # 今天 is the first page after login
    assert isinstance(window.page("register"), RegisterPage)
    window.nav.setCurrentRow(len(AREAS) - 1)
    assert window.created_pages() == ["today", "register", "settings"]
    assert window.stack.currentIndex() == len(AREAS) - 1


def test_an_unbuilt_area_shows_a_plain_placeholder(qtbot, ctx):
    parent = QWidget()
    qtbot.addWidget(parent)
    page = load_page(Area("not_yet_written", "示例"), ctx, parent)
    assert isinstance(page, PlaceholderPage)
    assert page.message.text() == "“示例”功能尚未建成，将在后续版本中提供。"


def test_status_bar_names_community_and_user(window):
    assert window.community_label.text() == "姑苏区平江街道梅巷社区"
    assert "王芳" in window.user_label.text() and "管理员" in window.user_label.text()


def test_shortcuts_are_shown_and_work(qtbot, window):
    assert window.find_action.shortcut().toString() == "Ctrl+F"
    assert window.new_action.shortcut().toString() == "Ctrl+N"
    window.nav.setCurrentRow(8)
    window.find_action.trigger()
    register = window.page("register")
    assert window.stack.currentIndex() == 1
    qtbot.waitUntil(register.search.hasFocus)
    assert "Alt+1" in window.nav.item(0).toolTip()
    window.new_action.trigger()
    assert register.open_dialogs and register.open_dialogs[-1].windowTitle() == "新增人员"
    register.open_dialogs[-1].reject()


def test_idle_lock_locks_and_unlocks_with_the_password(qtbot, window):
    with qtbot.waitSignal(window.sig_locked, timeout=3000):
        window.set_idle_timeout_ms(150)
    assert window.is_locked()
    assert not window.content.isVisible()  # the register is covered, not just greyed out
    dialog = window.lock_dialog
    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert window.is_locked()
    assert dialog.error.text() == "密码不正确，请重新输入"
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, ADMIN_PASSWORD)
    window.set_idle_timeout_ms(0)  # no second lock while the test finishes
    with qtbot.waitSignal(window.sig_unlocked, timeout=3000):
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert not window.is_locked()
    assert window.content.isVisible()


def test_activity_postpones_the_lock(qtbot, window):
    window.set_idle_timeout_ms(400)
    for _ in range(5):
        qtbot.wait(150)
        qtbot.mouseMove(window.nav, window.nav.rect().center())
        qtbot.keyClick(window.page("register").search, Qt.Key.Key_A)
    assert not window.is_locked()
    with qtbot.waitSignal(window.sig_locked, timeout=3000):
        pass


def test_lock_also_hides_open_dialogs_until_unlocked(qtbot, window):
    dialog = window.page("register").new_item()
    assert dialog.isVisible()
    window.lock()
    assert not dialog.isVisible()
    qtbot.keyClicks(window.lock_dialog.password, ADMIN_PASSWORD)
    qtbot.mouseClick(window.lock_dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    dialog.reject()
