"""The recovery key (恢复密钥): shown once to print and lock away; used when passwords are lost.

``RecoveryKeyView`` shows a key with a print button and a "I have printed or copied it" check
(in the setup wizard's last page and in ``RecoveryKeyDialog`` when an administrator makes a new
one). ``RecoverDialog`` opens the database with the key and gives a user a new password.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...paths import DataDir
from ...services import accounts
from ...services.context import AppContext, ServiceError, open_app
from ..service_messages import message_of
from ..widgets.forms import ERROR_STYLE


class RecoveryKeyView(QWidget):
    """The key in large type, what it is for, 打印 and the confirmation check box."""

    sig_confirmed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.community = ""
        self.explain = QLabel(
            self.tr(
                "这是本机的恢复密钥，只显示这一次。所有密码都忘记、或管理员离职时，"
                "只有它能打开本机的数据和备份。请打印或抄写下来，锁进办公室保险柜，"
                "不要和电脑放在一起，也不要拍照或存在电脑、手机里。"
            )
        )
        self.explain.setWordWrap(True)
        self.key_label = QLabel()
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(15)
        font.setBold(True)
        self.key_label.setFont(font)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.print_button = QPushButton(self.tr("打印恢复密钥…"))
        self.print_button.clicked.connect(self.print_key)
        self.confirm = QCheckBox(self.tr("我已打印或抄写恢复密钥，并会锁进保险柜"))
        self.confirm.toggled.connect(self.sig_confirmed)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.key_label)
        layout.addLayout(row)
        layout.addWidget(self.confirm)
        self._printer = None  # must outlive the print dialog (docs/environment.md)

    def set_key(self, key: str, community: str = "") -> None:
        self.key_label.setText(key)
        self.community = community
        self.confirm.setChecked(False)

    def document(self) -> QTextDocument:
        """The printed page: the community, the key, and what to do with it."""
        doc = QTextDocument(self)
        doc.setHtml(
            "<h2>{title}</h2><p>{community}</p>"
            "<p style='font-size:20pt; font-family:monospace'><b>{key}</b></p>"
            "<p>{use}</p>".format(
                title=html.escape(self.tr("老年友好社区工作台 恢复密钥")),
                community=html.escape(self.community),
                key=html.escape(self.key_label.text()),
                use=html.escape(
                    self.tr(
                        "忘记密码时：在登录窗口点“忘记密码（使用恢复密钥）”，输入本密钥和新密码。"
                        "本页请锁进保险柜；遗失或泄露时，请管理员在“设置 → 账号”中生成新的恢复密钥。"
                    )
                ),
            )
        )
        return doc

    def print_key(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(self._printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.document().print_(self._printer)


class RecoveryKeyDialog(QDialog):
    """Shows a newly made recovery key; closes only once its receipt is confirmed."""

    def __init__(self, key: str, community: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("恢复密钥"))
        self.view = RecoveryKeyView()
        self.view.set_key(key, community)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.view.sig_confirmed.connect(self.ok_button.setEnabled)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def reject(self) -> None:  # Esc does not skip it
        if self.ok_button.isEnabled():
            super().reject()


class RecoverDialog(QDialog):
    """Open the database with the recovery key and give a user a new password."""

    def __init__(self, data_dir: DataDir, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.ctx: AppContext | None = None
        self.setWindowTitle(self.tr("使用恢复密钥"))
        info = QLabel(
            self.tr("输入保险柜中打印的恢复密钥（32个字母和数字），再为一个账号设置新密码。")
        )
        info.setWordWrap(True)
        self.recovery = QLineEdit()
        self.recovery.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("恢复密钥"), self.recovery)
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("新密码"), self.password)
        form.addRow(self.tr("再次输入新密码"), self.password2)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("设置新密码并登录"))
        buttons.accepted.connect(self.try_recover)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def try_recover(self) -> bool:
        if self.password.text() != self.password2.text():
            self.error.setText(self.tr("两次输入的新密码不一致"))
            return False
        ctx = None
        try:
            ctx = open_app(self.data_dir, recovery_key=self.recovery.text())
            accounts.recover(ctx, self.username.text(), self.password.text())
        except ServiceError as exc:
            if ctx is not None:
                ctx.db.dispose()
            self.error.setText(message_of(exc))
            return False
        self.ctx = ctx
        self.accept()
        return True
