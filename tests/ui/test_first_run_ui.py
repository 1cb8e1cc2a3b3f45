"""First run: the setup wizard, the demo data directory, login, backups on start and exit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from afc_desktop.services import accounts, backup, register, setup
from afc_desktop.services.context import open_app
from afc_desktop.ui.application import DEMO_PASSWORD, DEMO_USERNAME, daily_backup_if_due, make_demo
from afc_desktop.ui.dialogs.login_dialog import LoginDialog
from afc_desktop.ui.dialogs.setup_wizard import SetupWizard


@pytest.fixture
def fresh_ctx(data_dir):
    ctx = open_app(data_dir)
    yield ctx
    ctx.db.dispose()


def click(qtbot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def test_wizard_completes_first_run_setup_with_a_pilot_community(qtbot, fresh_ctx):
    assert not setup.is_set_up(fresh_ctx)
    wizard = SetupWizard(fresh_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.community_page
    assert page.pilot.count() == 22
    page.pilot.setCurrentIndex(page.pilot.findText("姑苏区平江街道梅巷社区"))
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    admin = wizard.admin_page
    admin.username.setText("fang")
    admin.display_name.setText("王芳")
    qtbot.keyClicks(admin.password, "secret-1")
    qtbot.keyClicks(admin.password2, "secret-2")
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    assert admin.error.text() == "两次输入的密码不一致"
    assert not setup.is_set_up(fresh_ctx)
    admin.password2.clear()
    qtbot.keyClicks(admin.password2, "secret-1")
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    # the last page shows the recovery key once; 完成 waits for "printed or copied"
    shown = wizard.recovery_page.view.key_label.text()
    assert shown == wizard.result_.recovery_key and len(shown) == 39
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    wizard.recovery_page.view.confirm.setChecked(True)
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert setup.is_set_up(fresh_ctx)
    assert fresh_ctx.user is not None and fresh_ctx.user.is_admin
    community = setup.local_community(fresh_ctx)
    assert community is not None and community.full_name == "姑苏区平江街道梅巷社区"
    assert community.is_pilot
    assert any(fresh_ctx.data_dir.keys_dir.iterdir())


def test_wizard_accepts_a_typed_community(qtbot, fresh_ctx):
    wizard = SetupWizard(fresh_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.community_page
    page.manual.setChecked(True)
    assert not page.isComplete()
    page.district.setCurrentIndex(page.district.findText("吴中区"))
    page.street.setCurrentText("木渎镇")
    page.community.setText("金山村")
    assert page.isComplete()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.keyClicks(wizard.admin_page.password, "secret-1")
    qtbot.keyClicks(wizard.admin_page.password2, "secret-1")
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    community = setup.local_community(fresh_ctx)
    assert community is not None
    assert (community.district_name, community.street_name, community.name) == (
        "吴中区",
        "木渎镇",
        "金山村",
    )


def test_demo_first_run_sets_up_meixiang_and_fills_the_register(qtbot, fresh_ctx):
    made = make_demo(fresh_ctx, people=60)
    assert made == 60
    assert setup.local_community(fresh_ctx).name == "梅巷社区"
    assert register.count_people(fresh_ctx) > 0
    fresh_ctx.user = None
    assert accounts.authenticate(fresh_ctx, DEMO_USERNAME, DEMO_PASSWORD).is_admin


def test_login_dialog_refuses_a_wrong_password_then_logs_in(qtbot, ctx):
    ctx.user = None
    dialog = LoginDialog(ctx, "姑苏区平江街道梅巷社区")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "nope")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "用户名或密码错误"
    assert ctx.user is None
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "admin-pass-1")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert ctx.user is not None and ctx.user.username == "admin"


def test_daily_backup_is_made_once_a_day(ctx):
    first = daily_backup_if_due(ctx)
    assert first is not None and first.kind == "daily" and first.path.exists()
    assert daily_backup_if_due(ctx) is None
    assert [b.kind for b in backup.list_backups(ctx.data_dir)].count("daily") == 1


def _accept_message_boxes(qtbot, seen: list[str]):
    """Accept each application-modal message box as it appears (start() uses exec())."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    timer = QTimer()

    def check() -> None:
        w = QApplication.activeModalWidget()
        if isinstance(w, QMessageBox):
            seen.append(w.text())
            w.accept()

    timer.timeout.connect(check)
    timer.start(50)
    return timer


def test_demo_start_on_an_empty_data_dir_opens_the_register(qtbot, data_dir):
    from PySide6.QtWidgets import QApplication

    from afc_desktop.ui.application import AppController

    seen: list[str] = []
    timer = _accept_message_boxes(qtbot, seen)
    controller = AppController(QApplication.instance(), data_dir, demo=True)
    try:
        assert controller.start()
        timer.stop()
        assert seen and "admin123" in seen[0]
        window = controller.window
        qtbot.addWidget(window)
        page = window.page("register")
        qtbot.waitUntil(lambda: page.model.rowCount() > 100, timeout=5000)
        assert window.community_label.text() == "姑苏区平江街道梅巷社区"
        kinds = [b.kind for b in backup.list_backups(data_dir)]
        assert "daily" in kinds
    finally:
        timer.stop()
        window.sig_quit_requested.disconnect()
        controller.backup_and_close()
    assert "exit" in [b.kind for b in backup.list_backups(data_dir)]
