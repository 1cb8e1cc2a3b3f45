"""The idle lock (自动锁定): the window is covered until the user types their password again."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...services import accounts
from ...services.context import AppContext, ServiceError
from ..service_messages import message_of


class LockDialog(QDialog):
    """Asks the logged-in user's password (accounts.verify_password); 退出程序 quits instead."""

    sig_unlocked = Signal()
    sig_quit = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("已锁定"))
        self.setModal(True)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        user = ctx.require_user()
        info = QLabel(
            self.tr("长时间未操作，已自动锁定以保护居民信息。\n请输入 {0} 的密码解锁。").format(
                user.display_name
            )
        )
        info.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("密码"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(
            self.tr("解锁"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.quit_button = buttons.addButton(
            self.tr("退出程序"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._try_unlock)
        self.quit_button.clicked.connect(self._quit)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _try_unlock(self) -> None:
        try:
            ok = accounts.verify_password(self.ctx, self.password.text())
        except ServiceError as exc:  # locked after five wrong passwords: how long to wait
            self.error.setText(message_of(exc))
            self.password.clear()
            return
        if ok:
            self.password.clear()
            self.error.clear()
            self.accept()
            self.sig_unlocked.emit()
        else:
            self.error.setText(self.tr("密码不正确，请重新输入"))
            self.password.selectAll()
            self.password.setFocus()

    def _quit(self) -> None:
        self.sig_quit.emit()

    def reject(self) -> None:  # Esc does not unlock
        pass
