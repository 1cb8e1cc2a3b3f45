"""Login (登录) on every start, before the encrypted database can be opened.

At start-up the dialog is given an ``attempt(username, password)`` that unwraps the database key
(``keyring.unlock_with_password``: wrong passwords are counted and, after five, each attempt
waits longer; the message says how long). Given an open AppContext instead, it checks the
password with ``accounts.authenticate``. 忘记密码 opens the recovery-key dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import accounts
from ...services.context import AppContext, ServiceError
from ..service_messages import message_of
from ..widgets.forms import ERROR_STYLE
from ..widgets.labels import mark_data


class LoginDialog(QDialog):
    """Accepts once a user has logged in (``ctx.user`` is set, or ``unlocked`` holds the key)."""

    def __init__(
        self,
        target: AppContext | Callable[[str, str], Any],
        community: str = "",
        parent: QWidget | None = None,
        *,
        recover: Callable[[], Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = target if isinstance(target, AppContext) else None
        self._attempt = None if isinstance(target, AppContext) else target
        self._recover = recover
        self.unlocked: Any = None
        self.setWindowTitle(self.tr("登录 - 老年友好社区工作台"))
        self.setMinimumWidth(360)
        title = QLabel(community or self.tr("老年友好社区工作台"))
        if community:
            mark_data(title)  # the community's name
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        buttons = QDialogButtonBox()
        self.login_button = buttons.addButton(
            self.tr("登录"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = buttons.addButton(self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.try_login)
        cancel.clicked.connect(self.reject)
        self.forgot_button = QPushButton(self.tr("忘记密码（使用恢复密钥）"))
        self.forgot_button.setFlat(True)
        self.forgot_button.setVisible(recover is not None)
        self.forgot_button.clicked.connect(self.use_recovery_key)
        buttons.addButton(self.forgot_button, QDialogButtonBox.ButtonRole.HelpRole)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def try_login(self) -> bool:
        try:
            if self._attempt is not None:
                self.unlocked = self._attempt(self.username.text(), self.password.text())
            else:
                assert self.ctx is not None
                accounts.authenticate(self.ctx, self.username.text(), self.password.text())
        except ServiceError as exc:
            self.error.setText(message_of(exc))
            self.password.selectAll()
            self.password.setFocus()
            return False
        self.accept()
        return True

    def use_recovery_key(self) -> None:
        """Open the recovery-key dialog; its result (a logged-in user) ends this one too."""
        if self._recover is None:
            return
        result = self._recover()
        if result is not None:
            self.unlocked = result
            self.accept()
