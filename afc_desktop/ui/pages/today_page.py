"""今天 (Today), the first page after login: households to visit today (overdue first), tasks
due, need follow-ups, re-assessments due (到期复评) and drafts to finish — each a double click
(or one button) from its action. The counts are those of the 走访 page's 逾期和今天 and the 待办
page's 今天及逾期 (到期复评: due today or earlier)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services import assessments, tasks, today
from ...services.context import AppContext, ServiceError
from ...services.household_visits import HouseholdVisitView
from ...services.reassessments import ABILITY_FORM_ID, DueReassessment
from ...services.tasks import TaskView
from ...services.today import TodayView
from ...services.visits import VisitView
from ...services.visits.by_household import DueHousehold
from ..dialogs.assessment_dialog import AssessmentDialog
from ..dialogs.household_visit_dialog import HouseholdVisitDialog, open_household_visit
from ..dialogs.visit_dialog import VisitDialog
from ..models.rows_table_model import OVERDUE_COLOR, Column, RowsTableModel
from ..query import LatestQuery
from ..service_messages import message_of
from ..widgets.tables import make_table, selected_row

WEEKDAYS = (
    QT_TRANSLATE_NOOP("Page", "星期一"),
    QT_TRANSLATE_NOOP("Page", "星期二"),
    QT_TRANSLATE_NOOP("Page", "星期三"),
    QT_TRANSLATE_NOOP("Page", "星期四"),
    QT_TRANSLATE_NOOP("Page", "星期五"),
    QT_TRANSLATE_NOOP("Page", "星期六"),
    QT_TRANSLATE_NOOP("Page", "星期日"),
)


@dataclass(frozen=True)
class DraftRow:
    """A draft to finish: a person visit or a household visit."""

    kind: str  # "person" | "household"
    title: str
    visit_date: date
    worker_name: str
    person: VisitView | None = None
    household: HouseholdVisitView | None = None


class Section(QGroupBox):
    """A titled table with its action button, or a sentence saying what to do when empty."""

    def __init__(self, table: QTableView, action: QPushButton, empty_text: str) -> None:
        super().__init__()
        self.table = table
        self.action = action
        self.empty = QLabel(empty_text)
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(table)
        self.stack.addWidget(self.empty)
        bar = QHBoxLayout()
        bar.addWidget(action)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack)

    def show_rows(self, count: int, title: str) -> None:
        self.setTitle(title)
        self.stack.setCurrentWidget(self.table if count else self.empty)
        self.action.setEnabled(bool(count))


class Page(QWidget):
    """今天. ``sig_loaded`` after each refresh is shown; ``sig_open_area(name)`` asks the main
    window for another page (the 走访 page for this week's list)."""

    sig_loaded = Signal()
    sig_open_area = Signal(str)

    # Tables whose committed writes this page shows (``ui/change_hub.py``).
    WATCHES = frozenset(
        {
            "visit",
            "household_visit",
            "person",
            "household",
            "task",
            "need",
            "cadence_rule",
            "person_visit_state",
            "assessment",
        }
    )

    def refresh_for_changes(self) -> None:
        """A write elsewhere changed what this page shows."""
        self.refresh()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: TodayView | None = None
        self.dialog: Any = None
        self._query = LatestQuery(self)
        self.heading = QLabel()
        self.heading.setObjectName("todayHeading")
        self.summary = QLabel()
        self.summary.setObjectName("todaySummary")
        self.summary.setWordWrap(True)
        refresh = QPushButton(self.tr("刷新"))
        refresh.clicked.connect(self.refresh)
        self.print_button = QPushButton(self.tr("打印走访路线…"))
        self.print_button.clicked.connect(self.print_route)
        week = QPushButton(self.tr("本周名单"))
        week.clicked.connect(lambda: self.sig_open_area.emit("visits"))
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(week)
        top.addWidget(self.print_button)
        top.addWidget(refresh)

        self.households_model: RowsTableModel[DueHousehold] = RowsTableModel(
            [
                Column(self.tr("状态"), self._status),
                Column(self.tr("地址"), lambda h: h.address or self.tr("（未登记家庭）")),
                Column(self.tr("到期老人"), self._elders),
                Column(self.tr("电话"), lambda h: h.phone or h.elders[0].phone),
            ],
            foreground=lambda h: OVERDUE_COLOR if h.window == "overdue" else None,
            parent=self,
        )
        self.households_table = make_table(self.households_model, "todayHouseholds", (80, 240, 300))
        self.households_table.doubleClicked.connect(lambda _i: self.visit_selected())
        self.visit_button = QPushButton(self.tr("入户探访"))
        self.visit_button.clicked.connect(self.visit_selected)
        self.households = Section(
            self.households_table,
            self.visit_button,
            self.tr("今天没有到期的探访。可点“本周名单”看看本周、本月要探访的老人。"),
        )

        self.tasks_model: RowsTableModel[TaskView] = self._task_model()
        self.tasks_table = make_table(self.tasks_model, "todayTasks", (90, 80, 300))
        self.tasks_table.doubleClicked.connect(lambda _i: self.complete_task(self.tasks_table))
        done = QPushButton(self.tr("完成"))
        done.clicked.connect(lambda: self.complete_task(self.tasks_table))
        self.tasks = Section(
            self.tasks_table, done, self.tr("今天没有到期的待办。新的跟进事项会在登记探访时生成。")
        )

        self.needs_model: RowsTableModel[TaskView] = self._task_model()
        self.needs_table = make_table(self.needs_model, "todayNeeds", (90, 80, 300))
        self.needs_table.doubleClicked.connect(lambda _i: self.complete_task(self.needs_table))
        followed = QPushButton(self.tr("已跟进"))
        followed.clicked.connect(lambda: self.complete_task(self.needs_table))
        self.needs = Section(
            self.needs_table,
            followed,
            self.tr("今天没有要跟进的需求。需求转介后会自动生成跟进提醒。"),
        )

        self.reassess_model: RowsTableModel[DueReassessment] = RowsTableModel(
            [
                Column(self.tr("应复评"), lambda d: d.due_date),
                Column(self.tr("对象"), lambda d: d.name),
                Column(self.tr("原因"), lambda d: d.reason_text),
            ],
            foreground=lambda d: OVERDUE_COLOR if d.window == "overdue" else None,
            parent=self,
        )
        self.reassess_table = make_table(self.reassess_model, "todayReassessments", (90, 80))
        self.reassess_table.doubleClicked.connect(lambda _i: self.reassess_selected())
        reassess = QPushButton(self.tr("开始复评"))
        reassess.clicked.connect(self.reassess_selected)
        self.reassessments = Section(
            self.reassess_table,
            reassess,
            self.tr("今天没有到期的复评。评估定稿满一年或探访记录跌倒、住院后会出现在这里。"),
        )

        self.drafts_model: RowsTableModel[DraftRow] = RowsTableModel(
            [
                Column(
                    self.tr("类型"),
                    lambda d: self.tr("入户探访") if d.kind == "household" else self.tr("探访"),
                ),
                Column(self.tr("对象"), lambda d: d.title),
                Column(self.tr("探访日期"), lambda d: d.visit_date),
                Column(self.tr("社工"), lambda d: d.worker_name),
            ],
            parent=self,
        )
        self.drafts_table = make_table(self.drafts_model, "todayDrafts", (80, 300, 90))
        self.drafts_table.doubleClicked.connect(lambda _i: self.resume_selected())
        resume = QPushButton(self.tr("继续填写"))
        resume.clicked.connect(self.resume_selected)
        self.drafts = Section(
            self.drafts_table,
            resume,
            self.tr("没有未完成的草稿。探访中途可点“保存草稿”，回来接着填。"),
        )

        lower = QHBoxLayout()
        lower.addWidget(self.tasks)
        lower.addWidget(self.needs)
        lower.addWidget(self.reassessments)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.households, 3)
        layout.addLayout(lower, 2)
        layout.addWidget(self.drafts, 1)
        self.refresh()

    # --- columns -----------------------------------------------------------------------------

    def _status(self, h: DueHousehold) -> str:
        if h.window == "overdue" and h.days_overdue:
            return self.tr("逾期{0}天").format(h.days_overdue)
        return self.tr("今天")

    def _elders(self, h: DueHousehold) -> str:
        def one(e: Any) -> str:
            mark = self.tr("（高风险）") if e.risk_level == "high" else ""
            return f"{e.name}{mark}"

        return "、".join(one(e) for e in h.elders)

    def _task_model(self) -> RowsTableModel[TaskView]:
        return RowsTableModel(
            [
                Column(self.tr("到期"), lambda t: t.due_date),
                Column(self.tr("对象"), lambda t: t.person_name),
                Column(self.tr("事项"), lambda t: t.title),
            ],
            foreground=lambda t: OVERDUE_COLOR if t.due_date < self.ctx.today() else None,
            parent=self,
        )

    # --- loading -----------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._query.loading

    def refresh(self) -> None:
        """Reload everything off the UI thread (the due list takes a moment at district size)."""
        ctx = self.ctx

        def shown(view: TodayView) -> None:
            self.show_view(view)
            self.sig_loaded.emit()

        self.summary.setText(self.tr("正在计算……"))
        self._query.run(
            lambda: today.today_view(ctx),
            shown,
            lambda message: QMessageBox.warning(self, self.tr("读取失败"), message),
        )

    def show_view(self, view: TodayView) -> None:
        self.view = view
        day = view.day
        self.heading.setText(
            f"<h2>{self.tr('今天')} {day.isoformat()} {self.tr(WEEKDAYS[day.weekday()])}</h2>"
        )
        self.households_model.set_rows(view.households)
        self.tasks_model.set_rows(view.tasks)
        self.needs_model.set_rows(view.need_follow_ups)
        drafts = [
            DraftRow("household", h.address or "、".join(m.name for m in h.members), h.visit_date,
                     h.worker_name, household=h)
            for h in view.household_drafts
        ] + [
            DraftRow("person", v.person_name, v.visit_date, v.worker_name, person=v)
            for v in view.drafts
        ]  # fmt: skip
        self.drafts_model.set_rows(drafts)
        self.households.show_rows(
            len(view.households),
            self.tr("今天要走访的家庭：{0} 户，{1} 位老人（逾期 {2} 位）").format(
                len(view.households), view.people_due, view.people_overdue
            ),
        )
        self.tasks.show_rows(len(view.tasks), self.tr("到期待办：{0} 项").format(len(view.tasks)))
        self.needs.show_rows(
            len(view.need_follow_ups),
            self.tr("需求跟进：{0} 项").format(len(view.need_follow_ups)),
        )
        self.reassess_model.set_rows(view.reassessments)
        for table in (self.tasks_table, self.reassess_table):  # dates whole at large text too
            table.resizeColumnToContents(0)
        self.reassessments.show_rows(
            len(view.reassessments),
            self.tr("到期复评：{0} 人").format(len(view.reassessments)),
        )
        self.drafts.show_rows(len(drafts), self.tr("未完成的草稿：{0} 份").format(len(drafts)))
        if view.nothing_to_do:
            self.summary.setText(self.tr("今天没有到期的探访和待办。"))
        else:
            self.summary.setText(self.tr("逾期的在前；双击一行即可开始处理。"))

    def household_keys(self) -> list[str]:
        return [h.key for h in self.households_model.rows]

    # --- actions -----------------------------------------------------------------------------

    def visit_selected(self) -> HouseholdVisitDialog | VisitDialog | None:
        """Start a household visit for the selected household (a person visit for an elder
        registered without one)."""
        row = self.households_model.row_at(selected_row(self.households_table))
        if row is None:
            QMessageBox.information(self, self.tr("入户探访"), self.tr("请先选择一户"))
            return None
        if row.household_id is None:
            dialog: Any = VisitDialog(self.ctx, row.elders[0].person_id, self, started_from="due")
            dialog.open()
        else:
            dialog = open_household_visit(
                self.ctx, self, household_id=row.household_id, started_from="today"
            )
        if dialog is not None:
            dialog.sig_saved.connect(lambda _v: self.refresh())
        self.dialog = dialog
        return dialog

    def complete_task(self, table: QTableView) -> None:
        model = table.model()
        assert isinstance(model, RowsTableModel)
        task = model.row_at(selected_row(table))
        if task is None:
            return
        try:
            tasks.complete_task(self.ctx, task.id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("待办"), message_of(exc))
        self.refresh()

    def reassess_selected(self) -> AssessmentDialog | None:
        """Open a new ability assessment (latest form version) for the selected person; once
        finalised, the person leaves the list."""
        row = self.reassess_model.row_at(selected_row(self.reassess_table))
        if row is None:
            QMessageBox.information(self, self.tr("开始复评"), self.tr("请先选择一位老人"))
            return None
        try:
            form = assessments.forms_registry().get(ABILITY_FORM_ID)
            dialog = AssessmentDialog(self.ctx, row.person_id, form, parent=self)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("开始复评"), message_of(exc))
            return None
        dialog.sig_saved.connect(lambda _id: self.refresh())
        dialog.open()
        self.dialog = dialog
        return dialog

    def resume_selected(self) -> Any:
        row = self.drafts_model.row_at(selected_row(self.drafts_table))
        if row is None:
            return None
        if row.household is not None:
            dialog: Any = open_household_visit(self.ctx, self, draft=row.household)
        else:
            assert row.person is not None
            dialog = VisitDialog(self.ctx, row.person.person_id, self, draft=row.person)
            dialog.open()
        if dialog is not None:
            dialog.sig_saved.connect(lambda _v: self.refresh())
        self.dialog = dialog
        return dialog

    def print_route(self) -> Any:
        from ..dialogs.route_dialog import RouteDialog

        dialog = RouteDialog(self.ctx, self)
        dialog.open()
        self.dialog = dialog
        return dialog

    def on_shown(self) -> None:
        self.refresh()
