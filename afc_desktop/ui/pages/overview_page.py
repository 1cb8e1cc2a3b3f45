"""统计 (overview): the community's figures as headline numbers and clickable bar charts.

The figures come from :func:`services.stats.community_stats`, computed off the UI thread (a
district database takes seconds). A bar standing for a list of people (a category, an age band)
is clickable: the page emits ``sig_open_register(filter)`` with the register query
(``{"categories": [...]}`` or ``{"age_band": ...}``) for the main window to open on the register
page. The 生成试点报告 button makes the pilot report (PDF or Excel) in a background job.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...reports.pilot_report import STAGES
from ...services import stats
from ...services.context import AppContext
from ...services.stats import CommunityStats, Count, Period, percent
from ..domain_labels import label
from ..jobs import Job, run_with_progress
from ..query import LatestQuery
from ..widgets.bar_chart import ALERT_COLOR, TARGET_COLOR, Bar, BarChart

# Filter keys the register page's PersonQuery understands; other bars are not clickable.
REGISTER_FILTER_KEYS = frozenset({"categories", "age_band"})


def _register_filter(count: Count) -> dict[str, Any] | None:
    if count.filter and set(count.filter) <= REGISTER_FILTER_KEYS:
        return dict(count.filter)
    return None


def _scale_font(widget: QWidget, base: QFont, factor: float) -> None:
    """Give ``widget`` a bold font ``factor`` times ``base`` (the page's own, so large text
    mode scales headings too)."""
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * factor)
    font.setBold(True)
    widget.setFont(font)


class Tile(QFrame):
    """A headline number with its caption and a line of detail.

    With an ``area`` (a main-window area name) the tile is clickable — mouse, or Enter/Space
    when focused with Tab — and emits ``sig_open_area(area)``: the list behind the number.
    """

    sig_open_area = Signal(str)

    def __init__(self, caption: str, area: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area = area
        self.setFrameShape(QFrame.Shape.StyledPanel)
        if area:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setAccessibleName(caption)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.value = QLabel("—")
        self.value.setObjectName("tileValue")
        _scale_font(self.value, self.font(), 1.8)
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)

    def show_value(self, value: str, detail: str = "", alert: bool = False) -> None:
        self.value.setText(value)
        self.value.setStyleSheet(f"color: {ALERT_COLOR.name()};" if alert else "")
        self.detail.setText(detail)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.FontChange:  # the application font changed (大字显示)
            _scale_font(self.value, self.font(), 1.8)
        super().changeEvent(event)

    def open(self) -> bool:
        """Emit ``sig_open_area`` when the tile leads somewhere."""
        if self.area:
            self.sig_open_area.emit(self.area)
        return bool(self.area)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.open()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.open():
            return
        super().keyPressEvent(event)


class ReportDialog(QDialog):
    """Choose the stage, period and format of a pilot report."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("生成试点报告"))
        self.stage = QComboBox()
        for code, stage_name in STAGES:
            self.stage.addItem(label(stage_name), code)
        self.stage.setCurrentIndex(1)
        self.date_from = QDateEdit(QDate(today.year, 1, 1))
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.format = QComboBox()
        self.format.addItem(self.tr("PDF（打印、报送）"), ".pdf")
        self.format.addItem(self.tr("Excel（继续编辑）"), ".xlsx")
        form = QFormLayout()
        form.addRow(self.tr("报告阶段(&S)"), self.stage)
        form.addRow(self.tr("统计开始(&F)"), self.date_from)
        form.addRow(self.tr("统计结束(&T)"), self.date_to)
        form.addRow(self.tr("文件格式(&M)"), self.format)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("生成(&G)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if self.date_to.date() < self.date_from.date():
            QMessageBox.warning(
                self, self.tr("统计期间有误"), self.tr("统计结束日期不能早于开始日期。")
            )
            return
        self.accept()

    def choice(self) -> tuple[str, Period, str]:
        """(stage code, period, file suffix)."""
        period = Period(self.date_from.date().toPython(), self.date_to.date().toPython())
        return self.stage.currentData(), period, self.format.currentData()


class Page(QWidget):
    """统计 page. ``sig_open_register(filter)`` asks for the register filtered to a bar's people;
    ``sig_open_area(name)`` for the area behind a headline tile (visits, tasks …);
    ``sig_loaded`` after the figures are shown; ``sig_report_written(path)`` after a report."""

    # Tables whose committed writes this page shows (``ui/change_hub.py``).
    WATCHES = frozenset(
        {
            "person",
            "household",
            "visit",
            "need",
            "referral",
            "assessment",
            "project",
            "service_log",
            "resource",
            "cadence_rule",
        }
    )

    def refresh_for_changes(self) -> None:
        """A write elsewhere changed what this page shows."""
        self.refresh()

    sig_open_register = Signal(dict)
    sig_open_area = Signal(str)
    sig_loaded = Signal()
    sig_report_written = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.figures: CommunityStats | None = None
        self._job: Job | None = None
        self._query = LatestQuery(self)
        self.message: QMessageBox | None = None

        self.heading = QLabel(self.tr("社区统计"))
        _scale_font(self.heading, self.font(), 1.3)
        self.period_label = QLabel()
        self.status_label = QLabel()
        self.refresh_button = QPushButton(self.tr("刷新(&R)"))
        self.refresh_button.setToolTip(self.tr("重新统计（F5）"))
        self.refresh_button.clicked.connect(self.refresh)
        self.report_button = QPushButton(self.tr("生成试点报告(&P)…"))
        self.report_button.setToolTip(
            self.tr("按行动计划的方案、中期评估、结项评估生成报告（PDF 或 Excel）")
        )
        self.report_button.clicked.connect(self.ask_report)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.period_label)
        top.addStretch(1)
        top.addWidget(self.status_label)
        top.addWidget(self.refresh_button)
        top.addWidget(self.report_button)

        self.tile_elders = Tile(self.tr("登记老年人"), "register")
        self.tile_rate = Tile(self.tr("本月特殊困难老年人探访率"), "visits")
        self.tile_overdue = Tile(self.tr("逾期未探访"), "visits")
        self.tile_needs = Tile(self.tr("未解决需求"), "tasks")
        self.tile_projects = Tile(self.tr("今年“微自治”项目"), "participation")
        self.tile_home = Tile(self.tr("居家适老化改造"), "assessments")
        tiles = QHBoxLayout()
        for tile in (
            self.tile_elders,
            self.tile_rate,
            self.tile_overdue,
            self.tile_needs,
            self.tile_projects,
            self.tile_home,
        ):
            tiles.addWidget(tile, 1)
            tile.sig_open_area.connect(self.sig_open_area)

        self.chart_categories = BarChart(self.tr("人员类别（点击查看名单）"))
        self.chart_ages = BarChart(self.tr("年龄段（点击查看名单）"))
        self.chart_ability = BarChart(self.tr("能力等级"))
        self.chart_rate = BarChart(self.tr("本月探访率"))
        self.chart_needs = BarChart(self.tr("未解决需求（按类型）"))
        self.chart_need_age = BarChart(self.tr("需求已等待"))
        self.chart_advisory = BarChart(self.tr("养老顾问与帮办代办（统计期内）"))
        self.charts = (
            self.chart_categories,
            self.chart_ages,
            self.chart_ability,
            self.chart_rate,
            self.chart_needs,
            self.chart_need_age,
            self.chart_advisory,
        )
        for chart in self.charts:
            chart.sig_bar_clicked.connect(self.sig_open_register)
        grid_host = QWidget()
        columns = QHBoxLayout(grid_host)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(18)
        for charts in (
            (self.chart_categories,),
            (self.chart_ages, self.chart_ability, self.chart_advisory),
            (self.chart_rate, self.chart_needs, self.chart_need_age),
        ):
            column = QVBoxLayout()
            column.setSpacing(10)
            for chart in charts:
                column.addWidget(chart)
            column.addStretch(1)
            columns.addLayout(column, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_host)

        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tiles)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.notes_label)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "heading"):
            _scale_font(self.heading, self.font(), 1.3)
        super().changeEvent(event)

    # --- loading -----------------------------------------------------------------------------

    def on_shown(self) -> None:
        """Called by the main window each time the page is shown (first time: compute).

        Later writes reach the page through ``refresh_for_changes``; 刷新 recomputes by hand
        (for writes made by another program on the same data).
        """
        if self._job is None:
            self.refresh()

    def refresh(self) -> Job:
        """Recompute the figures in a background job; ``sig_loaded`` when they are shown.

        A refresh asked while one runs starts anew; only the latest figures are shown.
        """
        ctx = self.ctx
        self.status_label.setText(self.tr("正在统计……"))
        self.refresh_button.setEnabled(False)
        self._job = self._query.run(
            lambda: stats.community_stats(ctx), self.show_figures, self._failed
        )
        return self._job

    def _failed(self, message: str) -> None:
        self.refresh_button.setEnabled(True)
        self.status_label.setText(self.tr("统计失败：{0}").format(message))

    def show_figures(self, figures: CommunityStats) -> None:
        """Fill the tiles and charts from ``figures``."""
        self.figures = figures
        self.refresh_button.setEnabled(True)
        self.status_label.setText(self.tr("统计于 {0}").format(figures.as_of.strftime("%Y-%m-%d")))
        self.period_label.setText(
            self.tr("{0} 至 {1}").format(
                figures.period.start.isoformat(), figures.period.end.isoformat()
            )
        )
        p, v, n = figures.people, figures.visits, figures.needs
        self.tile_elders.show_value(
            str(p.elders), self.tr("其中特殊困难 {0} 人").format(p.special_hardship)
        )
        self.tile_rate.show_value(
            percent(v.special_rate),
            self.tr("已探访 {0} / 应探访 {1}，目标 100%").format(v.special_visited, v.special_due),
            alert=not v.special_target_met,
        )
        self.tile_overdue.show_value(
            self.tr("{0} 人").format(v.overdue),
            self.tr("本期共探访 {0} 人次").format(v.visits_in_period),
            alert=v.overdue > 0,
        )
        self.tile_needs.show_value(
            self.tr("{0} 项").format(n.open_total),
            self.tr("其中紧急 {0} 项").format(n.open_urgent),
            alert=n.open_urgent > 0,
        )
        pr = figures.projects
        self.tile_projects.show_value(
            f"{pr.count} / {pr.target}",
            self.tr("已达到每年不少于{0}个").format(pr.target)
            if pr.met
            else self.tr("还差 {0} 个（每年不少于{1}个）").format(pr.target - pr.count, pr.target),
            alert=not pr.met,
        )
        hm = figures.home_modifications
        self.tile_home.show_value(
            self.tr("{0} 户").format(hm.done),
            self.tr("评估 {0} 户，完成改造 {1} 项").format(hm.assessed, hm.items_done),
        )
        self._fill_charts(figures)
        notes = [self.tr("注：") + label(note) for note in figures.notes]
        self.notes_label.setText("\n".join(notes))
        self.notes_label.setVisible(bool(notes))
        self.sig_loaded.emit()

    def _fill_charts(self, figures: CommunityStats) -> None:
        p, v, n = figures.people, figures.visits, figures.needs

        def people_bars(counts: tuple[Count, ...], keep_zero: bool = True) -> list[Bar]:
            return [
                Bar(label(c.label), c.count, str(c.count), _register_filter(c))
                for c in counts
                if keep_zero or c.count
            ]

        self.chart_categories.set_bars(people_bars(p.by_category))
        self.chart_ages.set_bars(people_bars(p.by_age_band))
        self.chart_ability.set_bars(people_bars(p.by_ability))
        rate_bars = []
        for name, rate, visited, due in (
            (self.tr("全部老年人"), v.rate, v.visited, v.due),
            (self.tr("特殊困难老年人"), v.special_rate, v.special_visited, v.special_due),
        ):
            below = rate is not None and rate < v.target
            rate_bars.append(
                Bar(
                    name,
                    (rate or 0.0) * 100,
                    f"{percent(rate)}（{visited}/{due}）",
                    color=ALERT_COLOR if below else TARGET_COLOR,
                )
            )
        self.chart_rate.set_title(self.tr("{0}年{1}月探访率").format(v.year, v.month))
        self.chart_rate.set_bars(
            rate_bars, maximum=100, target=100, target_label=self.tr("目标100%")
        )
        self.chart_needs.set_bars(
            [Bar(label(c.label), c.count, str(c.count)) for c in n.by_type],
            empty_text=self.tr("没有未解决的需求"),
        )
        self.chart_need_age.set_bars(
            [
                Bar(
                    label(c.label),
                    c.count,
                    str(c.count),
                    color=ALERT_COLOR if c.key == "90+" and c.count else None,
                )
                for c in n.by_age
            ]
        )
        self.chart_advisory.set_bars(
            [Bar(label(c.label), c.count, str(c.count)) for c in figures.advisory.by_kind],
            empty_text=self.tr("统计期内没有服务记录"),
        )

    def _notify(self, title: str, text: str, warning: bool = False) -> None:
        """A window-modal message that does not block the caller (tests read ``self.message``)."""
        icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
        self.message = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        self.message.open()

    # --- pilot report ------------------------------------------------------------------------

    def ask_report(self) -> Job | None:
        """Ask stage, period, format and file name; then write the report in a job."""
        dialog = ReportDialog(self.ctx.today(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        stage, period, suffix = dialog.choice()
        stage_name = dict(STAGES)[stage]
        suggested = (
            self.ctx.data_dir.exports_dir / f"试点{stage_name}报告_{period.end:%Y%m%d}{suffix}"
        )
        wanted = "PDF (*.pdf)" if suffix == ".pdf" else "Excel (*.xlsx)"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存试点报告"), str(suggested), wanted)
        if not path:
            return None
        if not path.lower().endswith(suffix):
            path += suffix
        return self.generate_report(stage, period, Path(path))

    def generate_report(self, stage: str, period: Period, path: Path) -> Job:
        """Build and write the report off the UI thread; ``sig_report_written(path)`` when done."""
        from ...reports import write_report
        from ...reports.pilot_report import build_pilot_report

        ctx = self.ctx

        def work(control: Any) -> str:
            control.progress(0, 0, self.tr("正在统计……"))
            report = build_pilot_report(ctx, stage, period)
            control.check()
            control.progress(0, 0, self.tr("正在写入文件……"))
            return str(write_report(report, path))

        def done(written: object) -> None:
            self._notify(self.tr("报告已生成"), self.tr("试点报告已保存到：\n{0}").format(written))
            self.sig_report_written.emit(str(written))

        def failed(message: str) -> None:
            self._notify(self.tr("无法生成报告"), message, warning=True)

        return run_with_progress(
            self, work, title=self.tr("正在生成试点报告"), on_done=done, on_error=failed
        )
