"""A person's daily work, for a tab of the person page: open needs, visits (drafts first) and
buttons to record a visit or a need for this person.

Usage on the person page::

    self.tabs.addTab(PersonDailyPanel(ctx, person_id, self), self.tr("走访与需求"))
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import needs, visits
from ...services.context import AppContext, ServiceError
from ...services.needs import NeedView
from ...services.visits import VisitView
from ..dialogs.need_dialogs import NeedDialog
from ..dialogs.visit_dialog import VisitDialog
from ..models.rows_table_model import OVERDUE_COLOR, Column, RowsTableModel
from ..service_messages import message_of
from .tables import make_table, selected_row


class PersonDailyPanel(QWidget):
    """Needs and visits of one person. ``sig_changed()`` after a visit or need is saved."""

    sig_changed = Signal()

    def __init__(self, ctx: AppContext, person_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.dialog: VisitDialog | None = None
        self.visit_button = QPushButton(self.tr("登记探访"))
        self.visit_button.clicked.connect(lambda: self.record_visit())
        self.household_visit_button = QPushButton(self.tr("入户探访（全户）"))
        self.household_visit_button.setToolTip(self.tr("一次走访，登记同户每位老人的情况"))
        self.household_visit_button.clicked.connect(lambda: self.record_household_visit())
        self.need_button = QPushButton(self.tr("登记需求"))
        self.need_button.clicked.connect(self._add_need)
        self.print_button = QPushButton(self.tr("打印探访记录"))
        self.print_button.setToolTip(self.tr("打印所选的探访记录（探访记录表）"))
        self.print_button.clicked.connect(self.print_selected)
        self.preview: QWidget | None = None
        bar = QHBoxLayout()
        bar.addWidget(self.visit_button)
        bar.addWidget(self.household_visit_button)
        bar.addWidget(self.need_button)
        bar.addWidget(self.print_button)
        bar.addStretch(1)
        self.needs_model: RowsTableModel[NeedView] = RowsTableModel(
            [
                Column(self.tr("发现日期"), lambda n: n.found_on),
                Column(self.tr("需求"), lambda n: n.type_label),
                Column(self.tr("状态"), lambda n: n.status_label),
                Column(
                    self.tr("转介给"), lambda n: "、".join(r.resource_name for r in n.referrals)
                ),
                Column(self.tr("描述"), lambda n: n.description),
            ],
            foreground=lambda n: OVERDUE_COLOR if n.urgency == "urgent" else None,
            parent=self,
        )
        self.needs_table = make_table(self.needs_model, "personNeeds", (90, 100, 70, 140))
        self.visits_model: RowsTableModel[VisitView] = RowsTableModel(
            [
                Column(self.tr("日期"), lambda v: v.visit_date),
                Column(
                    self.tr("方式"),
                    lambda v: v.mode_label + (self.tr("（草稿）") if v.status == "draft" else ""),
                ),
                Column(self.tr("社工"), lambda v: v.worker_name),
                Column(self.tr("风险"), lambda v: self.tr("高") if v.risk_level == "high" else ""),
                Column(self.tr("情况"), lambda v: v.notes),
            ],
            parent=self,
        )
        self.visits_table = make_table(self.visits_model, "personVisits", (90, 90, 70, 44))
        self.visits_table.doubleClicked.connect(lambda _i: self._resume_selected())
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(QLabel(self.tr("未解决需求")))
        layout.addWidget(self.needs_table)
        layout.addWidget(QLabel(self.tr("探访记录（双击草稿继续填写）")))
        layout.addWidget(self.visits_table)
        self.refresh()

    def refresh(self) -> None:
        self.needs_model.set_rows(needs.open_needs(self.ctx, person_id=self.person_id))
        self.visits_model.set_rows(
            visits.list_drafts(self.ctx, person_id=self.person_id)
            + visits.person_visits(self.ctx, self.person_id, limit=50)
        )

    def record_visit(self, draft: VisitView | None = None) -> VisitDialog:
        """Open the visit form for this person (non-blocking)."""
        dialog = VisitDialog(self.ctx, self.person_id, self, draft=draft, started_from="person")
        dialog.sig_saved.connect(lambda _v: self._changed())
        self.dialog = dialog
        dialog.open()
        return dialog

    def record_household_visit(self) -> QWidget | None:
        """A household visit (入户探访) of this person's household, everyone listed."""
        from ..dialogs.household_visit_dialog import open_household_visit

        dialog = open_household_visit(
            self.ctx, self, person_id=self.person_id, started_from="person"
        )
        if dialog is not None:
            dialog.sig_saved.connect(lambda _v: self._changed())
        self.household_dialog = dialog
        return dialog

    def _resume_selected(self) -> None:
        view = self.visits_model.row_at(selected_row(self.visits_table))
        if view is not None and view.status == "draft":
            self.record_visit(view)

    def print_selected(self) -> QWidget | None:
        """Print preview of the selected recorded visit (drafts cannot be printed)."""
        from ...printing.visit_record import draw_visit_record
        from ...services.assessments import printable_visit
        from .print_preview import show_print_preview

        view = self.visits_model.row_at(selected_row(self.visits_table))
        if view is None:
            QMessageBox.information(self, self.tr("打印"), self.tr("请先选择一条探访记录"))
            return None
        try:
            form, record = printable_visit(self.ctx, view.id)
        except ServiceError as exc:
            QMessageBox.information(self, self.tr("打印"), message_of(exc))
            return None
        self.preview = show_print_preview(self, lambda c: draw_visit_record(c, form, record))
        return self.preview

    def _add_need(self) -> None:
        dialog = NeedDialog(self.ctx, self.person_id, self)
        dialog.accepted.connect(self._changed)
        dialog.open()

    def _changed(self) -> None:
        self.refresh()
        self.sig_changed.emit()
