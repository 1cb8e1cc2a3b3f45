"""Login to the district window with the district passphrase (区级密钥口令)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..service_messages import message_of
from ..widgets.forms import ERROR_STYLE
from .session import DistrictSession, LoginFailed, config, open_session


class DistrictLoginDialog(QDialog):
    """Accepts once the passphrase unlocked the district keys (then ``session`` is set)."""

    def __init__(self, home: Path, db_url: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.home = home
        self.db_url = db_url
        self.session: DistrictSession | None = None
        self.setWindowTitle(self.tr("登录 - 区级工作台"))
        self.setMinimumWidth(380)
        try:
            cfg = config(home)
            name = str(cfg.get("name") or cfg.get("code") or "")
        except LoginFailed:
            name = ""
        title = QLabel(name or self.tr("区级工作台"))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("loginError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("区级密钥口令"), self.passphrase)
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
            self.session = open_session(self.home, self.passphrase.text(), self.db_url)
        except LoginFailed as exc:
            self.error.setText(message_of(exc))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return False
        self.accept()
        return True
