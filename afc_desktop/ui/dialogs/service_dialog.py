"""Log an advisory or errand service (养老顾问 / 业务帮办 / 生活代办) for a person."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...services import register, service_log
from ...services.context import AppContext, ServiceError
from ...services.service_log import SERVICE_KINDS, ServiceInput, ServiceView
from ..domain_labels import label as domain_label
from ..service_messages import message_of
from ..widgets.forms import ERROR_STYLE


class ServiceDialog(QDialog):
    """``sig_saved(ServiceView)`` after a successful save."""

    sig_saved = Signal(object)

    def __init__(self, ctx: AppContext, person_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.setWindowTitle(self.tr("登记服务"))
        person = register.get_person(ctx, person_id)
        self.kind = QComboBox()
        for code, label in SERVICE_KINDS:
            self.kind.addItem(domain_label(label), code)
        today = ctx.today()
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setCalendarPopup(True)
        self.summary = QPlainTextEdit()
        self.summary.setFixedHeight(70)
        self.summary.setPlaceholderText(self.tr("做了什么，如：代为申请高龄津贴"))
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 1440)
        self.minutes.setSuffix(self.tr(" 分钟"))
        self.outcome = QLineEdit()
        self.outcome.setPlaceholderText(self.tr("结果，如：已受理"))
        form = QFormLayout()
        form.addRow(QLabel(f"<b>{person.name}</b>"))
        form.addRow(self.tr("服务类别"), self.kind)
        form.addRow(self.tr("日期"), self.day)
        form.addRow(self.tr("服务内容"), self.summary)
        form.addRow(self.tr("用时"), self.minutes)
        form.addRow(self.tr("结果"), self.outcome)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> ServiceView | None:
        qd = self.day.date()
        data = ServiceInput(
            self.person_id,
            date(qd.year(), qd.month(), qd.day()),
            self.kind.currentData(),
            self.summary.toPlainText(),
            self.minutes.value(),
            self.outcome.text(),
        )
        try:
            view = service_log.record_service(self.ctx, data)
        except ServiceError as exc:
            self.error.setText(message_of(exc))
            return None
        self.sig_saved.emit(view)
        self.accept()
        return view
