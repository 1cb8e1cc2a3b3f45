"""Take a person off the register (移出登记册): a reason from the fixed list, the date, a note,
and for 迁往本区其他社区 the receiving community's code (the district hands the person over:
docs/district-moves.md)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...services import register
from ...services.context import AppContext, ServiceError
from ..domain_labels import label as domain_label
from ..service_messages import message_of
from ..widgets.forms import ERROR_STYLE


class RemovePersonDialog(QDialog):
    """Asks why and when; ``accept`` removes the person, a refusal stays in the dialog."""

    def __init__(
        self, ctx: AppContext, person_id: str, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.setWindowTitle(self.tr("移出登记册"))
        self.reason = QComboBox()
        for code, label in register.REMOVAL_REASONS.items():
            self.reason.addItem(domain_label(label), code)
        today = ctx.today()
        self.on = QDateEdit(QDate(today.year, today.month, today.day))
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("如：迁往某社区、入住养老机构（原因为“其他”时必填）"))
        self.to_community = QLineEdit()
        self.to_community.setMaxLength(12)
        self.to_community.setPlaceholderText(self.tr("12位统计用区划代码"))
        self.to_community.setToolTip(
            self.tr("接收社区的12位统计用区划代码；填写后由区级转给接收社区")
        )
        self.reason.currentIndexChanged.connect(lambda _i: self._reason_changed())
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("移出原因"), self.reason)
        form.addRow(self.tr("移出日期"), self.on)
        form.addRow(self.tr("说明"), self.note)
        form.addRow(self.tr("接收社区代码"), self.to_community)
        self.form = form
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("将“{0}”移出登记册。记录会保留，可重新登记。").format(name))
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._reason_changed()

    def _reason_changed(self) -> None:
        moving = self.reason.currentData() == "moved_within"
        self.form.setRowVisible(self.to_community, moving)
        if not moving:
            self.to_community.clear()

    def accept(self) -> None:
        day = self.on.date().toPython()
        try:
            register.remove_person(
                self.ctx,
                self.person_id,
                str(self.reason.currentData()),
                day,  # type: ignore[arg-type]
                self.note.text(),
                to_community=self.to_community.text(),
            )
        except ServiceError as exc:
            self.error.setText(message_of(exc))
            return
        super().accept()
