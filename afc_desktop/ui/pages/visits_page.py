"""走访 page: the due list (overdue in red), drafts to resume, the month's visit rate and the
visit-cadence rules (administrators edit them)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import schedule
from ...domain.schedule import CadenceRule
from ...services import visits
from ...services.context import AppContext, ServiceError
from ...services.visits import DueHousehold, DueItem, VisitView
from ...services.visits.by_household import count_people
from ..dialogs.cadence_rule_dialog import CadenceRuleDialog
from ..dialogs.household_visit_dialog import open_household_visit
from ..dialogs.visit_dialog import VisitDialog
from ..domain_labels import label as domain_label
from ..models.rows_table_model import OVERDUE_COLOR, Column, RowsTableModel
from ..query import LatestQuery
from ..service_messages import message_of
from ..widgets.tables import make_table, selected_row


class Page(QWidget):
    """走访. ``sig_visit_saved(visit_id)`` after a visit or draft is saved."""

    # Tables whose committed writes this page shows (``ui/change_hub.py``).
    WATCHES = frozenset(
        {"visit", "household_visit", "person", "household", "cadence_rule", "person_visit_state"}
    )

    def refresh_for_changes(self) -> None:
        """A write elsewhere changed what this page shows."""
        self.refresh()

    sig_visit_saved = Signal(str)
    sig_loaded = Signal(str)  # "due" or "rate", after a background load is shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: VisitDialog | None = None
        # At district size the due list and the month rate take about a second: they load off
        # the UI thread, and only the newest request of each kind is shown.
        self._queries = {
            "due": LatestQuery(self),
            "rate": LatestQuery(self),
            "households": LatestQuery(self),
        }
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_due(), self.tr("待探访"))
        self.tabs.addTab(self._build_by_household(), self.tr("按户（走访路线）"))
        self.tabs.addTab(self._build_drafts(), self.tr("草稿"))
        self.tabs.addTab(self._build_rate(), self.tr("探访率"))
        self.tabs.addTab(self._build_rules(), self.tr("探访频次"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.refresh_due()

    # --- due list ----------------------------------------------------------------------------

    def _build_due(self) -> QWidget:
        self.due_window_combo = QComboBox()
        self.due_window_combo.setObjectName("dueWindow")
        self.due_window_combo.addItem(self.tr("逾期和今天"), "today")
        self.due_window_combo.addItem(self.tr("本周内"), "week")
        self.due_window_combo.addItem(self.tr("本月内"), "month")
        self.due_window_combo.addItem(self.tr("全部"), "all")
        self.due_window_combo.setCurrentIndex(2)
        self.due_window_combo.currentIndexChanged.connect(lambda _i: self.refresh_due())
        self.record_button = QPushButton(self.tr("登记探访"))
        self.record_button.clicked.connect(self.record_selected)
        refresh = QPushButton(self.tr("刷新"))
        refresh.clicked.connect(self.refresh_due)
        self.due_count = QLabel()
        self.due_count.setObjectName("dueCount")
        window_texts = {
            "overdue": self.tr("逾期"),
            "today": self.tr("今天"),
            "week": self.tr("本周"),
            "month": self.tr("本月"),
            "later": self.tr("以后"),
        }

        def status(d: DueItem) -> str:
            if d.window == "overdue" and d.days_overdue:
                return self.tr("逾期{0}天").format(d.days_overdue)
            return window_texts[d.window]

        self.due_model: RowsTableModel[DueItem] = RowsTableModel(
            [
                Column(self.tr("应访日期"), lambda d: "" if d.due_date == date.min else d.due_date),
                Column(self.tr("状态"), status),
                Column(self.tr("姓名"), lambda d: d.name),
                Column(self.tr("年龄"), lambda d: d.age, align_right=True),
                Column(self.tr("类别"), lambda d: "、".join(d.categories)),
                Column(self.tr("频次"), lambda d: domain_label(d.rule_name)),
                Column(self.tr("上次探访"), lambda d: d.last_visit or self.tr("从未")),
                Column(self.tr("风险"), lambda d: self.tr("高") if d.risk_level == "high" else ""),
                Column(self.tr("电话"), lambda d: d.phone),
                Column(self.tr("地址"), lambda d: d.address),
            ],
            foreground=lambda d: OVERDUE_COLOR if d.window == "overdue" else None,
            parent=self,
        )
        self.due_table = make_table(
            self.due_model, "dueTable", (90, 80, 70, 44, 180, 110, 90, 44, 110)
        )
        self.due_table.doubleClicked.connect(lambda _i: self.record_selected())
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("到期：")))
        bar.addWidget(self.due_window_combo)
        bar.addWidget(self.record_button)
        bar.addWidget(refresh)
        bar.addStretch(1)
        bar.addWidget(self.due_count)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.due_table)
        return page

    @property
    def loading(self) -> bool:
        """True while a background load has not been shown yet."""
        return any(q.loading for q in self._queries.values())

    def _load(self, kind: str, work: Callable[[], Any], show: Callable[[Any], None]) -> None:
        def shown(result: Any) -> None:
            show(result)
            self.sig_loaded.emit(kind)

        self._queries[kind].run(
            work, shown, lambda message: QMessageBox.warning(self, self.tr("读取失败"), message)
        )

    def refresh_due(self) -> None:
        choice = self.due_window_combo.currentData()
        today = self.ctx.today()
        ctx = self.ctx

        def work() -> list[DueItem]:
            if choice == "all":
                return visits.due_list(ctx, include_later=True)
            if choice == "today":
                return visits.due_list(ctx, within_days=0)
            if choice == "week":
                return visits.due_list(ctx, within_days=6 - today.weekday())
            return visits.due_list(ctx)

        self.due_count.setText(self.tr("正在计算……"))
        self._load("due", work, self._show_due)

    def _show_due(self, items: list[DueItem]) -> None:
        self.due_model.set_rows(items)
        overdue = sum(1 for d in items if d.window == "overdue")
        self.due_count.setText(self.tr("共 {0} 人，逾期 {1} 人").format(len(items), overdue))

    def due_person_ids(self) -> list[str]:
        return [d.person_id for d in self.due_model.rows]

    def record_selected(self) -> VisitDialog | None:
        """Open the visit form for the selected person of the due list."""
        item = self.due_model.row_at(selected_row(self.due_table))
        if item is None:
            QMessageBox.information(self, self.tr("登记探访"), self.tr("请先在名单中选择一位老人"))
            return None
        return self.open_visit(item.person_id, started_from="due")

    def open_visit(
        self, person_id: str, *, draft: VisitView | None = None, started_from: str = ""
    ) -> VisitDialog:
        """Open the visit form (non-blocking); the lists refresh when it saves."""
        dialog = VisitDialog(self.ctx, person_id, self, draft=draft, started_from=started_from)
        dialog.sig_saved.connect(self._after_save)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _after_save(self, view: VisitView) -> None:
        self.refresh()
        self.sig_visit_saved.emit(view.id)

    # --- due list by household --------------------------------------------------------------

    def _build_by_household(self) -> QWidget:
        self.household_window_combo = QComboBox()
        self.household_window_combo.setObjectName("householdWindow")
        self.household_window_combo.addItem(self.tr("逾期和今天"), 0)
        self.household_window_combo.addItem(self.tr("本周内"), 6 - self.ctx.today().weekday())
        self.household_window_combo.addItem(self.tr("本月内"), None)
        self.household_window_combo.setCurrentIndex(1)
        self.household_window_combo.currentIndexChanged.connect(
            lambda _i: self.refresh_households()
        )
        visit = QPushButton(self.tr("入户探访"))
        visit.clicked.connect(self.visit_selected_household)
        route = QPushButton(self.tr("打印走访路线…"))
        route.clicked.connect(self.print_route)
        self.households_count = QLabel()
        self.households_model: RowsTableModel[DueHousehold] = RowsTableModel(
            [
                Column(self.tr("地址"), lambda h: h.address or self.tr("（未登记家庭）")),
                Column(
                    self.tr("到期老人（最紧急在前）"),
                    lambda h: "、".join(
                        f"{e.name}（{e.due_date if e.due_date != date.min else self.tr('未访')}）"
                        for e in h.elders
                    ),
                ),
                Column(self.tr("电话"), lambda h: h.phone or h.elders[0].phone),
            ],
            foreground=lambda h: OVERDUE_COLOR if h.window == "overdue" else None,
            parent=self,
        )
        self.households_table = make_table(self.households_model, "dueHouseholds", (260, 380))
        self.households_table.doubleClicked.connect(lambda _i: self.visit_selected_household())
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("到期：")))
        bar.addWidget(self.household_window_combo)
        bar.addWidget(visit)
        bar.addWidget(route)
        bar.addStretch(1)
        bar.addWidget(self.households_count)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.households_table)
        return page

    def refresh_households(self) -> None:
        days = self.household_window_combo.currentData()
        ctx = self.ctx

        def show(rows: list[DueHousehold]) -> None:
            self.households_model.set_rows(rows)
            people, overdue = count_people(rows)
            self.households_count.setText(
                self.tr("共 {0} 户、{1} 人，逾期 {2} 人").format(len(rows), people, overdue)
            )

        self._load("households", lambda: visits.due_by_household(ctx, within_days=days), show)

    def visit_selected_household(self) -> QWidget | None:
        row = self.households_model.row_at(selected_row(self.households_table))
        if row is None:
            QMessageBox.information(self, self.tr("入户探访"), self.tr("请先选择一户"))
            return None
        if row.household_id is None:
            return self.open_visit(row.elders[0].person_id, started_from="due")
        dialog = open_household_visit(
            self.ctx, self, household_id=row.household_id, started_from="due"
        )
        if dialog is not None:
            dialog.sig_saved.connect(lambda _v: self.refresh())
        return dialog

    def print_route(self) -> QWidget:
        from ..dialogs.route_dialog import RouteDialog

        dialog = RouteDialog(self.ctx, self)
        dialog.open()
        self.route_dialog = dialog
        return dialog

    # --- drafts ------------------------------------------------------------------------------

    def _build_drafts(self) -> QWidget:
        self.drafts_model: RowsTableModel[VisitView] = RowsTableModel(
            [
                Column(self.tr("姓名"), lambda v: v.person_name),
                Column(self.tr("探访日期"), lambda v: v.visit_date),
                Column(self.tr("方式"), lambda v: v.mode_label),
                Column(self.tr("社工"), lambda v: v.worker_name),
                Column(
                    self.tr("保存时间"),
                    lambda v: (
                        self.ctx.clock.local(v.updated_at).strftime("%Y-%m-%d %H:%M")
                        if v.updated_at
                        else ""
                    ),
                ),
                Column(self.tr("地址"), lambda v: v.address),
            ],
            parent=self,
        )
        self.drafts_table = make_table(self.drafts_model, "draftsTable", (80, 90, 60, 80, 130))
        self.drafts_table.doubleClicked.connect(lambda _i: self.resume_selected())
        resume = QPushButton(self.tr("继续填写"))
        resume.clicked.connect(self.resume_selected)
        discard = QPushButton(self.tr("删除草稿"))
        discard.clicked.connect(self._discard_selected)
        bar = QHBoxLayout()
        bar.addWidget(resume)
        bar.addWidget(discard)
        bar.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.drafts_table)
        return page

    def refresh_drafts(self) -> None:
        self.drafts_model.set_rows(visits.list_drafts(self.ctx))

    def resume_selected(self) -> VisitDialog | None:
        view = self.drafts_model.row_at(selected_row(self.drafts_table))
        if view is None:
            return None
        return self.open_visit(view.person_id, draft=view)

    def _discard_selected(self) -> None:
        view = self.drafts_model.row_at(selected_row(self.drafts_table))
        if view is None:
            return
        answer = QMessageBox.question(
            self, self.tr("删除草稿"), self.tr("删除 {0} 的探访草稿？").format(view.person_name)
        )
        if answer == QMessageBox.StandardButton.Yes:
            visits.discard_draft(self.ctx, view.id)
            self.refresh_drafts()

    # --- visit rate --------------------------------------------------------------------------

    def _build_rate(self) -> QWidget:
        today = self.ctx.today()
        self.rate_year = QSpinBox()
        self.rate_year.setRange(2000, 2100)
        self.rate_year.setValue(today.year)
        self.rate_month = QSpinBox()
        self.rate_month.setRange(1, 12)
        self.rate_month.setValue(today.month)
        self.rate_year.valueChanged.connect(lambda _v: self.refresh_rate())
        self.rate_month.valueChanged.connect(lambda _v: self.refresh_rate())
        self.rate_model: RowsTableModel[schedule.RateRow] = RowsTableModel(
            [
                Column(self.tr("类别"), lambda r: r.label),
                Column(self.tr("应探访"), lambda r: r.due, align_right=True),
                Column(self.tr("已探访"), lambda r: r.visited, align_right=True),
                Column(
                    self.tr("探访率"),
                    lambda r: f"{r.rate:.0%}" if r.rate is not None else "—",
                    align_right=True,
                ),
            ],
            foreground=lambda r: OVERDUE_COLOR if r.rate is not None and r.rate < 1 else None,
            parent=self,
        )
        self.rate_table = make_table(self.rate_model, "rateTable", (180, 80, 80, 80))
        note = QLabel(
            self.tr(
                "探访率 = 当月已探访 ÷ 当月应探访。国家要求 2025 年底特殊困难老年人月探访率达到 100%。"
            )
        )
        note.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.rate_year)
        bar.addWidget(QLabel(self.tr("年")))
        bar.addWidget(self.rate_month)
        bar.addWidget(QLabel(self.tr("月")))
        bar.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.rate_table)
        layout.addWidget(note)
        return page

    def refresh_rate(self) -> None:
        ctx, year, month = self.ctx, self.rate_year.value(), self.rate_month.value()
        self._load(
            "rate",
            lambda: visits.visit_rate(ctx, year, month),
            lambda rate: self.rate_model.set_rows(rate.rows),
        )

    # --- cadence rules -----------------------------------------------------------------------

    def _build_rules(self) -> QWidget:
        def conditions(r: CadenceRule) -> str:
            parts = []
            if r.risk:
                parts.append(domain_label(schedule.RISK_LEVELS[r.risk]))
            if r.special_hardship:
                parts.append(self.tr("特殊困难"))
            if r.categories:
                from ...domain.people import category_label

                parts.append(
                    self.tr("或").join(
                        domain_label(category_label(c)) for c in sorted(r.categories)
                    )
                )
            if r.min_age:
                parts.append(self.tr("{0}岁及以上").format(r.min_age))
            return self.tr("，").join(parts) or self.tr("所有老年人")

        self.rules_model: RowsTableModel[CadenceRule] = RowsTableModel(
            [
                Column(self.tr("名称"), lambda r: domain_label(r.name)),
                Column(self.tr("适用"), conditions),
                Column(
                    self.tr("频次"),
                    lambda r: self.tr("每{0}{1}至少探访一次").format(
                        r.every, domain_label(schedule.UNITS.get(r.unit, r.unit))
                    ),
                ),
                Column(self.tr("启用"), lambda r: self.tr("是") if r.active else self.tr("否")),
                Column(self.tr("依据"), lambda r: domain_label(r.note)),
            ],
            parent=self,
        )
        self.rules_table = make_table(self.rules_model, "rulesTable", (200, 160, 180, 60))
        self.rule_add = QPushButton(self.tr("新增规则"))
        self.rule_edit = QPushButton(self.tr("编辑"))
        self.rule_remove = QPushButton(self.tr("删除"))
        self.rule_reset = QPushButton(self.tr("恢复默认"))
        self.rule_add.clicked.connect(lambda: self._edit_rule(None))
        self.rule_edit.clicked.connect(
            lambda: self._edit_rule(self.rules_model.row_at(selected_row(self.rules_table)))
        )
        self.rule_remove.clicked.connect(self._remove_rule)
        self.rule_reset.clicked.connect(self._reset_rules)
        admin = bool(self.ctx.user and self.ctx.user.is_admin)
        for button in (self.rule_add, self.rule_edit, self.rule_remove, self.rule_reset):
            button.setEnabled(admin)
        hint = QLabel(
            self.tr(
                "多条规则同时适用时，按最频繁的一条安排探访。默认规则中“每月”为国家要求的最低频次，"
                "“高风险每周”和“其他老年人每季度”为本地选择，管理员可修改。"
            )
        )
        hint.setWordWrap(True)
        bar = QHBoxLayout()
        for button in (self.rule_add, self.rule_edit, self.rule_remove, self.rule_reset):
            bar.addWidget(button)
        bar.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.rules_table)
        layout.addWidget(hint)
        return page

    def refresh_rules(self) -> None:
        self.rules_model.set_rows(visits.list_rules(self.ctx))

    def _save_rules(self, rules: list[CadenceRule]) -> None:
        try:
            visits.save_rules(self.ctx, rules)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("探访频次"), message_of(exc))
        self.refresh_rules()

    def _edit_rule(self, rule: CadenceRule | None) -> CadenceRuleDialog:
        """Open the rule form (non-blocking); the rules are saved when it is accepted."""
        dialog = CadenceRuleDialog(rule, self)

        def save() -> None:
            rules = list(self.rules_model.rows)
            edited = dialog.rule()
            if rule is None:
                rules.append(edited)
            else:
                rules[rules.index(rule)] = edited
            self._save_rules(rules)

        dialog.accepted.connect(save)
        dialog.open()
        return dialog

    def _remove_rule(self) -> None:
        rule = self.rules_model.row_at(selected_row(self.rules_table))
        if rule is not None:
            self._save_rules([r for r in self.rules_model.rows if r is not rule])

    def _reset_rules(self) -> None:
        try:
            visits.reset_rules(self.ctx)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("探访频次"), message_of(exc))
        self.refresh_rules()

    # --- page contract -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the tab on show."""
        index = self.tabs.currentIndex()
        if index == 0:
            self.refresh_due()
        elif index == 1:
            self.refresh_households()
        elif index == 2:
            self.refresh_drafts()
        elif index == 3:
            self.refresh_rate()
        else:
            self.refresh_rules()

    def on_shown(self) -> None:
        self.refresh()
