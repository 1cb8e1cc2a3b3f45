"""Starting the desktop app: checks, first run or demo, login, main window, backups on exit.

``run(data_dir, demo)`` is what ``afc`` (and ``afc --demo``) calls. The start-up sequence is
kept in :class:`AppController` so each step can be tested on its own:

1. a plaintext database from an older version is encrypted first (``services/encryption``);
2. set up: the login dialog, which unwraps the database key with the password (the database
   cannot be read before); 忘记密码 opens it with the recovery key instead;
3. ``PRAGMA integrity_check`` on an existing database; when it fails, say so plainly and offer
   to restore a sound backup;
4. open the database (migrations run there, after a backup copy);
5. first run: the demo data (``demo=True``: 梅巷社区, admin/admin123, 300 people) or the setup
   wizard, whose last page shows the recovery key; an installation encrypted by an upgrade
   asks its first administrator to print a recovery key;
6. the daily backup when due (a failure is shown, not only logged), then the main window; a
   backup ("exit") when the app quits.

Before all that, ``run`` opens the log (``logs/afc.log`` in the data directory) and installs the
error handlers of ``widgets/error_dialog.py``: nothing that goes wrong passes without a trace.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QProgressDialog, QWidget

from .. import __version__, applog
from ..clock import process_clock
from ..errors import PlainError
from ..paths import DataDir
from ..services import accounts, backup, demo, encryption, health, keyring, setup
from ..services.context import AppContext, ServiceError, open_app
from ..services.settings import load_settings, remember_language, remembered_language
from .dialogs.login_dialog import LoginDialog
from .dialogs.recovery_dialogs import RecoverDialog, RecoveryKeyDialog
from .dialogs.setup_wizard import SetupWizard
from .i18n import choose_font, install_translator
from .main_window import MainWindow
from .service_messages import message_of
from .widgets.error_dialog import install_error_handlers

log = logging.getLogger(__name__)

DEMO_COMMUNITY = setup.CommunityInput(
    district_code="320508018001",
    name="梅巷社区",
    street_name="平江街道",
    street_code=None,
    is_pilot=True,
)
DEMO_USERNAME = "admin"
DEMO_PASSWORD = "admin123"
DEMO_PEOPLE = 300


def _t(text: str) -> str:
    return QCoreApplication.translate("Application", text)


STYLESHEET = Path(__file__).resolve().parent.parent / "resources" / "styles" / "app.qss"


def apply_style(app: QApplication) -> None:
    """Load the application style sheet (plain Qt look when the file is missing)."""
    try:
        app.setStyleSheet(STYLESHEET.read_text(encoding="utf-8"))
    except OSError:
        log.warning("style sheet not found: %s", STYLESHEET)


def make_demo(ctx: AppContext, people: int = DEMO_PEOPLE, parent: QWidget | None = None) -> int:
    """Set up the demo community with admin/admin123 and fill it with generated residents."""
    setup.run_setup(ctx, DEMO_COMMUNITY, DEMO_USERNAME, DEMO_PASSWORD, _t("演示管理员"))
    dialog = QProgressDialog(_t("正在生成演示数据……"), "", 0, people, parent)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(300)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)

    def progress(done: int, total: int) -> None:
        dialog.setValue(min(done, total))
        QCoreApplication.processEvents()

    made = demo.populate(ctx, people, progress=progress)
    dialog.close()
    return made


def daily_backup_if_due(
    ctx: AppContext, on_failure: Callable[[str], None] | None = None
) -> backup.BackupInfo | None:
    """Make the day's backup when the settings ask for one and none was made today.

    A failure is logged and handed to ``on_failure`` (the start-up shows it to the person).
    """
    settings = load_settings(ctx)
    if not settings.daily_backup or not backup.daily_backup_due(ctx.data_dir, ctx.clock):
        return None
    try:
        return backup.make_backup(ctx, "daily", settings.backups_kept)
    except ServiceError as exc:
        log.warning("daily backup failed: %s", exc.message)
        if on_failure is not None:
            on_failure(message_of(exc))
        return None


def show_backup_failure(message: str) -> None:
    """Tell the person the day's backup was not made, and what to do (data is unharmed)."""
    QMessageBox.warning(
        None,
        _t("今天的自动备份没有完成"),
        _t(
            "今天的自动备份没有完成：{0}\n\n数据本身没有受影响。请检查磁盘空间，"
            "然后在“设置 › 备份”中点“立即备份”。"
        ).format(message),
    )


def sound_backups(data_dir: DataDir, key: bytes | None = None) -> list[backup.BackupInfo]:
    """Backups whose own integrity check passes (under ``key``), newest first."""
    key = key or keyring.remembered(data_dir)
    return [b for b in backup.list_backups(data_dir) if not backup.check_file(b.path, key)]


class AppController(QObject):
    """Owns the open AppContext and the main window for one run of the app."""

    def __init__(self, app: QApplication, data_dir: DataDir, demo: bool = False) -> None:
        super().__init__(app)
        self.app = app
        self.data_dir = data_dir
        self.demo = demo
        self.ctx: AppContext | None = None
        self.window: MainWindow | None = None
        self.splash: QWidget | None = None

    def close_splash(self) -> None:
        """Take the start-up splash away (before any dialog, so it never hides one)."""
        if self.splash is not None:
            self.splash.close()
            self.splash = None

    # --- start -------------------------------------------------------------------------------

    def start(self) -> bool:
        """Run the start-up sequence; False when the user gave up (no window shown)."""
        fresh = not self.data_dir.db_path.exists()
        # the login dialog comes before the database opens: it speaks the remembered language
        install_translator(self.app, remembered_language(self.data_dir))
        try:
            if encryption.needs_encryption(self.data_dir):
                self.encrypt_existing()
            ring = keyring.load(self.data_dir)
            pending = keyring.read_pending(self.data_dir)
        except ServiceError as exc:
            self.close_splash()
            QMessageBox.critical(None, _t("无法打开数据库"), message_of(exc))
            return False
        if ring is not None and pending is None:
            return self.start_set_up(ring)
        if not fresh and not self.check_integrity():
            return False
        if not self.open(None):
            return False
        ctx = self.ctx
        assert ctx is not None
        self.close_splash()
        settings = load_settings(ctx)
        choose_font(self.app, settings.large_text)
        install_translator(self.app, settings.language)
        remember_language(self.data_dir, settings.language)
        if not setup.is_set_up(ctx):
            if self.demo and fresh:
                make_demo(ctx)
                QMessageBox.information(
                    None,
                    _t("演示数据已生成"),
                    _t(
                        "已生成演示社区“梅巷社区”和 {0} 位虚构居民。\n"
                        "以后打开演示版请用：用户名 {1}，密码 {2}"
                    ).format(DEMO_PEOPLE, DEMO_USERNAME, DEMO_PASSWORD),
                )
            else:
                wizard = SetupWizard(ctx)
                if wizard.exec() != SetupWizard.DialogCode.Accepted or ctx.user is None:
                    return False
        elif not self.login():
            return False
        daily_backup_if_due(ctx, on_failure=show_backup_failure)
        self.show_window()
        return True

    def start_set_up(self, ring: keyring.Keyring) -> bool:
        """An installation with its key ring: log in first, then check and open the database."""
        self.close_splash()
        dialog = self.login_dialog(ring.label)
        if dialog.exec() != LoginDialog.DialogCode.Accepted:
            return False
        if isinstance(dialog.unlocked, AppContext):  # opened with the recovery key
            self.ctx = dialog.unlocked
        else:
            unlocked = dialog.unlocked
            if not self.check_integrity(unlocked.key) or not self.open(unlocked):
                return False
        ctx = self.ctx
        assert ctx is not None and ctx.user is not None
        settings = load_settings(ctx)
        choose_font(self.app, settings.large_text)
        install_translator(self.app, settings.language)
        remember_language(self.data_dir, settings.language)
        self.offer_recovery_key()
        daily_backup_if_due(ctx, on_failure=show_backup_failure)
        self.show_window()
        return True

    def open(self, unlocked: keyring.Unlocked | None) -> bool:
        """Open the database (with the key unwrapped at login); say so when it cannot be."""
        try:
            self.ctx = open_app(self.data_dir, unlocked=unlocked)
        except Exception as exc:  # noqa: BLE001 - any failure here is shown, not a traceback
            self.close_splash()
            log.exception("opening the database failed")
            reason = (
                message_of(exc)
                if isinstance(exc, PlainError)
                else _t("详细记录已写入日志：{0}").format(applog.current_log_file() or "-")
            )
            QMessageBox.critical(
                None,
                _t("无法打开数据库"),
                _t("无法打开数据目录 {0} 中的数据库：\n{1}").format(self.data_dir.root, reason),
            )
            return False
        return True

    def encrypt_existing(self) -> None:
        """Encrypt the plaintext database of an older version, with a word on what happens."""
        dialog = QProgressDialog(_t("正在加密本机数据（先备份，再加密，再核对）……"), "", 0, 0)
        dialog.setCancelButton(None)
        dialog.setMinimumDuration(0)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.show()
        QCoreApplication.processEvents()
        try:
            encryption.encrypt_existing(self.data_dir)
        finally:
            dialog.close()

    def login_dialog(self, community: str) -> LoginDialog:
        def attempt(username: str, password: str) -> keyring.Unlocked:
            return keyring.unlock_with_password(self.data_dir, username, password)

        def recover() -> AppContext | None:
            dialog = RecoverDialog(self.data_dir)
            return dialog.ctx if dialog.exec() == RecoverDialog.DialogCode.Accepted else None

        dialog = LoginDialog(attempt, community, recover=recover)
        if self.demo:
            dialog.username.setText(DEMO_USERNAME)
            dialog.password.setFocus()
        return dialog

    def offer_recovery_key(self) -> None:
        """An installation encrypted by an upgrade has no recovery key: its admin makes one."""
        ctx = self.ctx
        if ctx is None or ctx.user is None or not ctx.user.is_admin:
            return
        if not accounts.needs_recovery_key(ctx):
            return
        community = setup.local_community(ctx)
        key = accounts.issue_recovery_key(ctx)
        QMessageBox.information(
            None,
            _t("本机数据已加密"),
            _t("本机数据已加密保存。请打印下一页的恢复密钥并锁进保险柜。"),
        )
        RecoveryKeyDialog(key, community.full_name if community else "").exec()

    def check_integrity(self, key: bytes | None = None) -> bool:
        """Check the database file; on damage offer to restore a sound backup."""
        try:
            report = health.check_installation(self.data_dir, key)
        except ServiceError as exc:
            self.close_splash()
            QMessageBox.critical(None, _t("无法打开数据库"), message_of(exc))
            return False
        if report.integrity_ok:
            return True
        self.close_splash()
        details = "\n".join(report.problems[:3])
        choices = sound_backups(self.data_dir, key)
        if not choices:
            QMessageBox.critical(
                None,
                _t("数据库已损坏"),
                _t("数据库文件检查未通过，且没有可用的备份：\n{0}\n\n请联系技术支持。").format(
                    details
                ),
            )
            return False
        labels = [
            _t("{0}（{1}）").format(
                process_clock().local(b.made_at).strftime("%Y-%m-%d %H:%M"), b.kind
            )
            for b in choices
        ]
        label, ok = QInputDialog.getItem(
            None,
            _t("数据库已损坏"),
            _t(
                "数据库文件检查未通过：\n{0}\n\n可以从备份恢复（当前文件会另存一份）。"
                "请选择要恢复的备份："
            ).format(details),
            labels,
            0,
            False,
        )
        if not ok:
            return False
        chosen = choices[labels.index(label)]
        try:
            backup.restore_backup(self.data_dir, chosen.path, key)
        except ServiceError as exc:
            QMessageBox.critical(None, _t("恢复失败"), message_of(exc))
            return False
        return True

    def login(self) -> bool:
        """Log in again on the open database (after a restore), with the login dialog."""
        assert self.ctx is not None
        community = setup.local_community(self.ctx)
        dialog = LoginDialog(self.ctx, community.full_name if community else "")
        if self.demo:
            dialog.username.setText(DEMO_USERNAME)
            dialog.password.setFocus()
        return dialog.exec() == LoginDialog.DialogCode.Accepted and self.ctx.user is not None

    def show_window(self) -> MainWindow:
        assert self.ctx is not None
        self.window = MainWindow(self.ctx)
        self.window.sig_quit_requested.connect(self.shutdown)
        self.window.sig_restore_requested.connect(self.restore)
        screen = self.app.primaryScreen()
        area = screen.availableGeometry() if screen is not None else None
        if area is None or area.width() <= 1440 or area.height() <= 900:
            self.window.showMaximized()  # 1366×768 laptops: use the whole screen
        else:
            self.window.resize(1280, 800)
            self.window.show()
        from .dialogs.community_code_dialog import ask_if_needed

        # Set up with the county code only: offer the form beside the window, without blocking.
        self.community_code_dialog = ask_if_needed(self.ctx, self.window)
        return self.window

    # --- restore and exit --------------------------------------------------------------------

    def close_database(self) -> None:
        if self.ctx is not None:
            self.ctx.db.dispose()
            self.ctx = None

    def swap_database(self, path: Path) -> str | None:
        """Close the database, restore ``path`` over it, reopen; the refusal text if any.

        The key stays the same (a backup is under the database's own key), so the reopened
        database needs no new password; the user logs in again all the same.
        """
        key = self.ctx.db.key if self.ctx is not None else None
        self.close_database()
        problem = None
        try:
            backup.restore_backup(self.data_dir, path, key)
        except ServiceError as exc:
            problem = message_of(exc)
        self.ctx = open_app(
            self.data_dir, unlocked=keyring.Unlocked(key) if key is not None else None
        )
        return problem

    def restore(self, path: str) -> None:
        """Close the window and database, swap in the backup, reopen and log in again."""
        if self.window is not None:
            self.window.sig_quit_requested.disconnect(self.shutdown)
            self.window.close()
            self.window.deleteLater()
            self.window = None
        problem = self.swap_database(Path(path))
        if problem:
            QMessageBox.critical(None, _t("恢复失败"), problem)
        else:
            QMessageBox.information(None, _t("恢复完成"), _t("数据已恢复，请重新登录。"))
        if self.login():
            self.show_window()
        else:
            self.shutdown()

    def backup_and_close(self) -> None:
        """Back up on exit ("exit") and close the database."""
        if self.ctx is not None and self.ctx.user is not None:
            try:
                backup.make_backup(self.ctx, "exit", load_settings(self.ctx).backups_kept)
            except ServiceError as exc:
                log.warning("exit backup failed: %s", exc.message)
        self.close_database()

    def shutdown(self) -> None:
        """Back up, close the database and quit."""
        self.backup_and_close()
        self.app.quit()


def start_log(data_dir: DataDir, debug: bool = False) -> None:
    """Open ``logs/afc.log`` in the data directory and install the error handlers."""
    logs = data_dir.logs_dir if data_dir.problem() is None else None
    if logs is not None and not data_dir.root.exists():
        try:
            data_dir.ensure()
        except PlainError:
            logs = None
    applog.configure(logs, "afc", debug=debug)
    log.info("AFC Desktop %s started on %s", __version__, data_dir.root)
    install_error_handlers()


def run(
    data_dir: DataDir, demo: bool = False, splash: QWidget | None = None, debug: bool = False
) -> int:
    """Start the GUI on ``data_dir``; returns the process exit status.

    ``splash`` (shown by ``ui.splash`` before the heavy imports) closes once the database is
    open, or before the first message if it cannot be.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName("AFC Desktop")
    app.setApplicationDisplayName(_t("老年友好社区工作台"))
    app.setQuitOnLastWindowClosed(False)
    if os.name == "posix":
        os.umask(0o077)  # exports, backups and logs written by this process are owner-only
    start_log(data_dir, debug)
    choose_font(app)
    apply_style(app)
    controller = AppController(app, data_dir, demo)
    controller.splash = splash
    if not controller.start():
        controller.close_database()
        return 0
    return app.exec()
