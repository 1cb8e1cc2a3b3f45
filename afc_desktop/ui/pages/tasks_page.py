"""待办 page: follow-up tasks (overdue in red) and every open need of the community by age."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services import needs as needs_service
from ...services import tasks
from ...services.context import AppContext, ServiceError
from ...services.needs import NeedView
from ...services.reassessments import DueReassessment, due_reassessments
from ...services.tasks import TaskInput, TaskView
from ..dialogs.need_dialogs import NeedDialog, ReferDialog, StatusDialog
from ..dialogs.person_picker import PersonPickerDialog
from ..models.rows_table_model import OVERDUE_COLOR, Column, RowsTableModel
from ..service_messages import message_of
from ..widgets.tables import make_table, selected_row


class Page(QWidget):
    """待办."""

    # Tables whose committed writes this page shows (``ui/change_hub.py``).
    WATCHES = frozenset({"task", "need", "referral", "assessment", "visit", "person"})

    def refresh_for_changes(self) -> None:
        """A write elsewhere changed what this page shows."""
        self.refresh()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_tasks(), self.tr("跟进待办"))
        self.tabs.addTab(self._build_needs(), self.tr("未解决需求"))
        self.tabs.addTab(self._build_reassessments(), self.tr("到期复评"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.refresh()

    # --- tasks -------------------------------------------------------------------------------

    def _build_tasks(self) -> QWidget:
        self.task_window = QComboBox()
        self.task_window.addItem(self.tr("今天及逾期"), 0)
        self.task_window.addItem(self.tr("7天内"), 7)
        self.task_window.addItem(self.tr("30天内"), 30)
        self.task_window.addItem(self.tr("全部"), None)
        self.task_window.setCurrentIndex(3)
        self.task_window.currentIndexChanged.connect(lambda _i: self.refresh_tasks())
        self.task_model: RowsTableModel[TaskView] = RowsTableModel(
            [
                Column(self.tr("截止日期"), lambda t: t.due_date),
                Column(self.tr("事项"), lambda t: t.title),
                Column(self.tr("人员"), lambda t: t.person_name),
                Column(self.tr("类型"), lambda t: t.kind_label),
                Column(self.tr("备注"), lambda t: t.note),
            ],
            foreground=lambda t: OVERDUE_COLOR if t.window == "overdue" else None,
            parent=self,
        )
        self.task_table = make_table(self.task_model, "taskTable", (90, 240, 80, 80))
        self.task_count = QLabel()
        add = QPushButton(self.tr("新增待办"))
        add.clicked.connect(self.add_task)
        self.complete_button = QPushButton(self.tr("完成"))
        self.complete_button.clicked.connect(self.complete_selected)
        cancel = QPushButton(self.tr("取消待办"))
        cancel.clicked.connect(self._cancel_selected)
        bar = QHBoxLayout()
        bar.addWidget(self.task_window)
        for b in (add, self.complete_button, cancel):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.task_count)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.task_table)
        return page

    def refresh_tasks(self) -> None:
        rows = tasks.list_tasks(self.ctx, within_days=self.task_window.currentData())
        self.task_model.set_rows(rows)
        overdue = sum(1 for t in rows if t.window == "overdue")
        self.task_count.setText(self.tr("共 {0} 项，逾期 {1} 项").format(len(rows), overdue))

    def add_task(self) -> None:
        picker = PersonPickerDialog(self.ctx, self)
        if picker.exec() != QDialog.DialogCode.Accepted:
            return
        title, ok = QInputDialog.getText(self, self.tr("新增待办"), self.tr("待办事项"))
        if not ok:
            return
        due = self.ctx.today() + timedelta(days=7)
        try:
            tasks.create_task(self.ctx, TaskInput(title, due, person_id=picker.chosen_id()))
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("新增待办"), message_of(exc))
        self.refresh_tasks()

    def complete_selected(self) -> None:
        task = self.task_model.row_at(selected_row(self.task_table))
        if task is None:
            return
        try:
            tasks.complete_task(self.ctx, task.id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("完成待办"), message_of(exc))
        self.refresh_tasks()

    def _cancel_selected(self) -> None:
        task = self.task_model.row_at(selected_row(self.task_table))
        if task is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("取消待办"), self.tr("取消原因"))
        if not ok:
            return
        try:
            tasks.cancel_task(self.ctx, task.id, reason)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("取消待办"), message_of(exc))
        self.refresh_tasks()

    # --- needs -------------------------------------------------------------------------------

    def _build_needs(self) -> QWidget:
        self.need_model: RowsTableModel[NeedView] = RowsTableModel(
            [
                Column(self.tr("发现日期"), lambda n: n.found_on),
                Column(self.tr("已过天数"), lambda n: n.days_open, align_right=True),
                Column(self.tr("人员"), lambda n: n.person_name),
                Column(self.tr("需求"), lambda n: n.type_label),
                Column(self.tr("紧急"), lambda n: n.urgency_label),
                Column(self.tr("状态"), lambda n: n.status_label),
                Column(
                    self.tr("转介给"), lambda n: "、".join(r.resource_name for r in n.referrals)
                ),
                Column(self.tr("描述"), lambda n: n.description),
            ],
            foreground=lambda n: OVERDUE_COLOR if n.urgency == "urgent" else None,
            parent=self,
        )
        self.need_table = make_table(self.need_model, "needTable", (90, 70, 80, 100, 50, 70, 140))
        add = QPushButton(self.tr("登记需求"))
        add.clicked.connect(self.add_need)
        refer = QPushButton(self.tr("转介"))
        refer.clicked.connect(self.refer_selected)
        status = QPushButton(self.tr("更改状态"))
        status.clicked.connect(self.change_selected)
        self.need_count = QLabel()
        bar = QHBoxLayout()
        for b in (add, refer, status):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.need_count)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.need_table)
        return page

    def refresh_needs(self) -> None:
        rows = needs_service.open_needs(self.ctx)
        self.need_model.set_rows(rows)
        self.need_count.setText(self.tr("未解决需求 {0} 项").format(len(rows)))

    def _selected_need(self) -> NeedView | None:
        return self.need_model.row_at(selected_row(self.need_table))

    def add_need(self) -> None:
        picker = PersonPickerDialog(self.ctx, self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen_id():
            dialog = NeedDialog(self.ctx, picker.chosen_id() or "", self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.refresh_needs()

    def refer_selected(self) -> ReferDialog | None:
        need = self._selected_need()
        if need is None:
            return None
        dialog = ReferDialog(self.ctx, need, self)
        dialog.accepted.connect(self.refresh_needs)
        dialog.open()
        return dialog

    def change_selected(self) -> StatusDialog | None:
        need = self._selected_need()
        if need is None:
            return None
        dialog = StatusDialog(self.ctx, need, self)
        dialog.accepted.connect(self.refresh_needs)
        dialog.open()
        return dialog

    # --- page contract -----------------------------------------------------------------------

    # --- re-assessments due ----------------------------------------------------------------

    def _build_reassessments(self) -> QWidget:
        self.reassess_model: RowsTableModel[DueReassessment] = RowsTableModel(
            [
                Column(self.tr("应复评日期"), lambda d: d.due_date),
                Column(self.tr("人员"), lambda d: d.name),
                Column(self.tr("上次评估"), lambda d: d.assessed_on),
                Column(self.tr("能力等级"), lambda d: d.grade),
                Column(self.tr("原因"), lambda d: d.reason_text),
            ],
            foreground=lambda d: OVERDUE_COLOR if d.window in ("overdue", "today") else None,
            parent=self,
        )
        self.reassess_table = make_table(self.reassess_model, "reassessTable", (90, 80, 90, 160))
        self.reassess_count = QLabel()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.reassess_count)
        layout.addWidget(self.reassess_table)
        return page

    def refresh_reassessments(self) -> None:
        rows = due_reassessments(self.ctx, within_days=30)
        self.reassess_model.set_rows(rows)
        overdue = sum(1 for d in rows if d.window in ("overdue", "today"))
        self.reassess_count.setText(
            self.tr("30天内到期 {0} 人，今天及逾期 {1} 人").format(len(rows), overdue)
        )

    def refresh(self) -> None:
        index = self.tabs.currentIndex()
        if index == 0:
            self.refresh_tasks()
        elif index == 1:
            self.refresh_needs()
        else:
            self.refresh_reassessments()

    def on_shown(self) -> None:
        self.refresh()
