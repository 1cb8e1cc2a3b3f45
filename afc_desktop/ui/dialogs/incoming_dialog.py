"""迁入待接收: people moving in from another community of the district, brought by the
district's receipt; 接收 makes each a record of this community (docs/district-moves.md)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import register
from ...services.context import AppContext, ServiceError
from ...services.register import IncomingTransfer
from ..models.rows_table_model import Column, RowsTableModel
from ..widgets.forms import ERROR_STYLE
from ..widgets.tables import make_table, selected_row


class IncomingDialog(QDialog):
    """The waiting transfers; ``sig_accepted(person_id)`` after each acceptance."""

    sig_accepted = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("迁入待接收"))
        self.resize(760, 360)
        self.model: RowsTableModel[IncomingTransfer] = RowsTableModel(
            [
                Column(self.tr("姓名"), lambda t: t.name),
                Column(self.tr("迁出社区"), lambda t: t.from_name or t.from_code),
                Column(self.tr("迁出日期"), lambda t: t.removed_on),
                Column(self.tr("能力等级"), lambda t: t.ability_grade),
                Column(self.tr("探访记录"), lambda t: t.visits, align_right=True),
                Column(self.tr("评估记录"), lambda t: t.assessments, align_right=True),
            ],
            parent=self,
        )
        self.table = make_table(self.model, "incomingTable", (80, 140, 90, 160, 70))
        self.table.doubleClicked.connect(lambda _i: self.accept_selected())
        self.accept_button = QPushButton(self.tr("接收"))
        self.accept_button.clicked.connect(self.accept_selected)
        self.message = QLabel()
        self.message.setWordWrap(True)
        note = QLabel(
            self.tr(
                "区级回执带来的、从本区其他社区迁入本社区的人员。接收后在本社区登记册建立记录"
                "（登记日期为今天），原社区的探访和评估记录随人员保存，可在人员页查看。"
            )
        )
        note.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.accept_button)
        bar.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(register.incoming_transfers(self.ctx))
        self.table.resizeColumnsToContents()  # whole dates and names at large text too
        self.accept_button.setEnabled(bool(self.model.rows))
        if not self.model.rows and not self.message.text():
            self.message.setText(self.tr("没有待接收的迁入人员。"))

    def accept_selected(self) -> str | None:
        """Accept the selected transfer; the new record's id, or None (message shown)."""
        row = self.model.row_at(selected_row(self.table))
        if row is None:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(self.tr("请先选择一位迁入人员"))
            return None
        try:
            person = register.accept_transfer(self.ctx, row.id)
        except ServiceError as exc:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(exc.message)
            return None
        self.message.setStyleSheet("")
        self.message.setText(self.tr("已接收：{0}，已建立本社区记录。").format(person.name))
        self.reload()
        self.sig_accepted.emit(person.id)
        return person.id
