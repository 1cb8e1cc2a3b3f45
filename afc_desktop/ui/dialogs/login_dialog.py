"""Login (登录) on every start: username and password checked by accounts.authenticate."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...services import accounts
from ...services.context import AppContext, ServiceError
from ..widgets.forms import ERROR_STYLE


class LoginDialog(QDialog):
    """Accepts once a user has logged in (then ``ctx.user`` is set)."""

    def __init__(self, ctx: AppContext, community: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("登录 - 老年友好社区工作台"))
        self.setMinimumWidth(360)
        title = QLabel(community or self.tr("老年友好社区工作台"))
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
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def try_login(self) -> bool:
        try:
            accounts.authenticate(self.ctx, self.username.text(), self.password.text())
        except ServiceError as exc:
            self.error.setText(exc.message)
            self.password.selectAll()
            self.password.setFocus()
            return False
        self.accept()
        return True
