"""Settings page: idle lock time, backups (make and restore), accounts, audit log; and the
start-up integrity check offering a backup when the database is damaged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from afc_desktop.services import accounts, backup, register
from afc_desktop.services.context import open_app
from afc_desktop.services.register import PersonInput
from afc_desktop.services.settings import load_settings
from afc_desktop.ui.application import AppController
from afc_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, ctx):
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    return w


def test_idle_minutes_are_saved_and_applied(qtbot, window, ctx):
    page = window.show_area("settings")
    page.idle_minutes.setValue(3)
    page.large_text.setChecked(True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.general_message.text() == "设置已保存"
    saved = load_settings(ctx)
    assert saved.idle_lock_minutes == 3 and saved.large_text
    assert window.idle._timeout == 3 * 60_000
    page.reload_audit()
    actions = [page.audit.item(r, 2).text() for r in range(page.audit.rowCount())]
    assert "修改设置" in actions


def test_backup_now_lists_the_new_backup(qtbot, window, ctx):
    page = window.show_area("settings")
    before = page.backups.rowCount()
    qtbot.mouseClick(page.backup_now, Qt.MouseButton.LeftButton)
    assert page.backups.rowCount() == before + 1
    assert page.backups.item(0, 1).text() == "手动"
    assert page.backup_message.text().startswith("已备份到 manual-")


def test_admin_adds_and_disables_a_worker_account(qtbot, window, ctx):
    page = window.show_area("settings")
    page.new_username.setText("li")
    page.new_display.setText("李娜")
    page.new_password.setText("12")
    qtbot.mouseClick(page.add_user_button, Qt.MouseButton.LeftButton)
    assert page.user_message.text() == "密码至少需要6个字符"
    page.new_password.setText("worker-1")
    qtbot.mouseClick(page.add_user_button, Qt.MouseButton.LeftButton)
    names = [page.users.item(r, 0).text() for r in range(page.users.rowCount())]
    assert "li" in names
    row = names.index("li")
    assert page.users.item(row, 2).text() == "社工"
    page.users.selectRow(row)
    qtbot.mouseClick(page.toggle_user, Qt.MouseButton.LeftButton)
    assert page.users.item(row, 3).text() == "已停用"
    assert not [u for u in accounts.list_users(ctx) if u.username == "li"][0].active


def test_restore_swaps_the_database_back(qtbot, ctx, set_up_dir):
    register.register_person(ctx, PersonInput(name="沈阿大"))
    saved = backup.make_backup(ctx, "manual")
    register.register_person(ctx, PersonInput(name="沈阿二"))
    ctx.db.dispose()
    controller = AppController(QApplication.instance(), set_up_dir)
    controller.ctx = open_app(set_up_dir)
    assert controller.swap_database(saved.path) is None
    restored = controller.ctx
    restored.user = ctx.user
    names = [
        r.name
        for r in register.person_rows(
            restored, register.search_person_ids(restored, register.PersonQuery())
        )
    ]
    assert names == ["沈阿大"]
    assert any(b.kind == "pre-restore" for b in backup.list_backups(set_up_dir))
    controller.close_database()


def test_damaged_database_offers_a_backup_at_start(qtbot, ctx, set_up_dir):
    register.register_person(ctx, PersonInput(name="陆阿三"))
    backup.make_backup(ctx, "daily")
    ctx.db.dispose()
    path = set_up_dir.db_path
    raw = bytearray(path.read_bytes())
    for offset in range(4096, len(raw), 4096):  # scribble over every page after the header
        raw[offset + 100 : offset + 400] = b"\xff" * 300
    path.write_bytes(bytes(raw))
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    seen: list[str] = []

    def accept_offer() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.windowTitle())
        dialog.accept()

    QTimer.singleShot(200, accept_offer)
    controller = AppController(QApplication.instance(), set_up_dir)
    assert controller.check_integrity()
    assert seen == ["数据库已损坏"]
    assert backup.check_file(path, ctx.db.key) == []
    reopened = open_app(set_up_dir)
    reopened.user = ctx.user
    assert register.search_person_ids(reopened, register.PersonQuery(text="陆阿三"))
    reopened.db.dispose()


def test_user_changes_own_password(qtbot, window, ctx):
    page = window.show_area("settings")
    page.old_password.setText("admin-pass-1")
    page.new_password1.setText("new-pass-2")
    page.new_password2.setText("new-pass-3")
    qtbot.mouseClick(page.change_password_button, Qt.MouseButton.LeftButton)
    assert page.password_message.text() == "两次输入的新密码不一致"
    page.new_password2.setText("new-pass-2")
    qtbot.mouseClick(page.change_password_button, Qt.MouseButton.LeftButton)
    assert page.password_message.text() == "密码已修改，下次登录请用新密码"
    assert accounts.verify_password(ctx, "new-pass-2")
