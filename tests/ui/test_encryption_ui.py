"""Issue 16 in the window: the login comes before the database is opened; the recovery key."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from afc_desktop.paths import DataDir
from afc_desktop.services import accounts, keyring
from afc_desktop.ui.application import AppController
from afc_desktop.ui.dialogs.login_dialog import LoginDialog
from afc_desktop.ui.dialogs.recovery_dialogs import RecoveryKeyDialog


@pytest.fixture
def window(qtbot, ctx):
    from afc_desktop.ui.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def no_password(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("AFC_PASSWORD_FILE", raising=False)
    keyring.forget_all()
    yield
    keyring.forget_all()


def test_start_asks_for_the_password_before_opening_the_database(
    qtbot, set_up_dir: DataDir, no_password
) -> None:
    controller = AppController(QApplication.instance(), set_up_dir)
    seen: dict[str, object] = {}

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog) or "done" in seen:
            return
        seen["done"] = True
        seen["ctx_before_login"] = controller.ctx
        dialog.username.setText("admin")
        dialog.password.setText("wrong-guess")
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
        seen["error"] = dialog.error.text()
        dialog.password.setText("admin-pass-1")
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)

    timer = QTimer()
    timer.timeout.connect(drive)
    timer.start(50)
    try:
        assert controller.start()
    finally:
        timer.stop()
    assert seen["ctx_before_login"] is None  # nothing was opened before the password
    assert seen["error"] == "用户名或密码错误"
    assert controller.ctx is not None and controller.ctx.user is not None
    assert controller.ctx.user.username == "admin"
    assert keyring.failures(set_up_dir, "admin") == 0
    window = controller.window
    qtbot.addWidget(window)
    window.sig_quit_requested.disconnect()
    controller.backup_and_close()


def test_the_recovery_key_dialog_prints_and_waits_for_confirmation(qtbot, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    dialog = RecoveryKeyDialog("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567", "姑苏区平江街道梅巷社区")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.reject()  # Esc does not skip it
    assert dialog.isVisible() or dialog.result() == 0
    text = dialog.view.document().toPlainText()
    assert "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567" in text and "梅巷社区" in text
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "recovery.pdf"))
    dialog.view.document().print_(printer)
    assert (tmp_path / "recovery.pdf").stat().st_size > 1000
    dialog.view.confirm.setChecked(True)
    assert dialog.ok_button.isEnabled()


def test_an_admin_unlocks_a_locked_account_in_the_settings(qtbot, window, ctx) -> None:
    li = accounts.create_user(ctx, "li", "李娜", "li-pass-22")
    for _ in range(5):
        with pytest.raises(accounts.ServiceError):
            keyring.unlock_with_password(ctx.data_dir, "li", "wrong")
    page = window.show_area("settings")
    page.reload_users()
    row = [u.username for u in page._users].index("li")
    page.users.selectRow(row)
    qtbot.mouseClick(page.unlock_user_button, Qt.MouseButton.LeftButton)
    assert page.user_message.text() == "已解锁账号 李娜"
    assert keyring.unlock_with_password(ctx.data_dir, "li", "li-pass-22").username == "li"
    assert li.username == "li"
