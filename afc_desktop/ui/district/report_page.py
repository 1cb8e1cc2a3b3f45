"""报表: the month's figures per community with the headline rate, charts by community and by
street, and the report written as .xlsx or A4 PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...district import figures, report_files
from ...services.stats import percent
from ..models.rows_table_model import Column, RowsTableModel
from ..service_messages import message_of
from ..widgets.bar_chart import Bar, BarChart
from ..widgets.tables import make_table
from .session import DistrictSession


class ReportPage(QWidget):
    def __init__(self, session: DistrictSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.report: figures.DistrictReport | None = None
        today = session.db.clock.today()
        self.year = QSpinBox()
        self.year.setRange(2020, 2100)
        self.year.setValue(today.year)
        self.year.setSuffix(self.tr(" 年"))
        self.month = QSpinBox()
        self.month.setRange(1, 12)
        self.month.setValue(today.month)
        self.month.setSuffix(self.tr(" 月"))
        show = QPushButton(self.tr("统计"))
        show.clicked.connect(self.refresh)
        xlsx = QPushButton(self.tr("导出 Excel…"))
        xlsx.clicked.connect(lambda: self.export(".xlsx"))
        pdf = QPushButton(self.tr("导出 PDF…"))
        pdf.clicked.connect(lambda: self.export(".pdf"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("统计月")))
        top.addWidget(self.year)
        top.addWidget(self.month)
        top.addWidget(show)
        top.addStretch(1)
        top.addWidget(xlsx)
        top.addWidget(pdf)
        self.headline = QLabel()
        self.headline.setObjectName("headline")
        self.headline.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.definition = QLabel()
        self.definition.setObjectName("definition")
        self.definition.setWordWrap(True)
        self.definition.setStyleSheet("color: #555;")
        self.by_community = BarChart(self.tr("特殊困难老年人月探访率：按社区"))
        self.by_community.setObjectName("chartByCommunity")
        self.by_street = BarChart(self.tr("特殊困难老年人月探访率：按街道"))
        self.by_street.setObjectName("chartByStreet")
        charts = QWidget()
        charts_layout = QVBoxLayout(charts)
        charts_layout.addWidget(self.by_community)
        charts_layout.addWidget(self.by_street)
        charts_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(charts)
        self.model: RowsTableModel[figures.CommunityFigures] = RowsTableModel(
            [
                Column(self.tr("社区"), lambda r: r.display_name),
                Column(self.tr("街道"), lambda r: r.street),
                Column(self.tr("试点"), lambda r: self.tr("是") if r.pilot else ""),
                Column(self.tr("老年人"), lambda r: r.elders, align_right=True),
                Column(self.tr("特殊困难"), lambda r: r.special_hardship, align_right=True),
                Column(
                    self.tr("月探访率"),
                    lambda r: f"{percent(r.special_rate)}（{r.special_visited}/{r.special_due}）",
                ),
                Column(self.tr("逾期"), lambda r: r.overdue, align_right=True),
                Column(self.tr("未办结需求"), lambda r: r.open_needs, align_right=True),
                Column(self.tr("微自治"), lambda r: r.projects, align_right=True),
                Column(self.tr("适老化改造"), lambda r: r.home_modifications, align_right=True),
                Column(self.tr("最近报送"), lambda r: r.last_report or self.tr("从未")),
            ]
        )
        self.table = make_table(self.model, "reportTable", (170, 90, 40, 60, 70, 130, 50, 80))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(scroll)
        split.setSizes([760, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.headline)
        layout.addWidget(self.definition)
        layout.addWidget(split, 1)
        self.refresh()

    def refresh(self) -> None:
        report = figures.district_report(self.session.db, self.year.value(), self.month.value())
        self.report = report
        t = report.total
        self.headline.setText(
            self.tr("{0}年{1}月 特殊困难老年人月探访率（全区）：{2}（已访 {3} / 应访 {4}）").format(
                report.year, report.month, percent(t.special_rate), t.special_visited, t.special_due
            )
        )
        self.definition.setText(self.tr("口径：") + figures.definition("special_rate"))
        self.model.set_rows(report.rows + [t])
        bars = [
            Bar(
                r.display_name,
                (r.special_rate or 0.0) * 100,
                f"{percent(r.special_rate)}",
                tooltip=f"{r.special_visited}/{r.special_due}",
            )
            for r in report.rows
        ]
        self.by_community.set_bars(
            bars, maximum=100, target=100, target_label=self.tr("目标 100%"),
            empty_text=self.tr("花名册是空的"),
        )  # fmt: skip
        self.by_community.setMinimumHeight(40 + 26 * max(1, len(bars)))
        street_bars = [
            Bar(s.street, (s.special_rate or 0.0) * 100, percent(s.special_rate))
            for s in report.by_street
        ]
        self.by_street.set_bars(
            street_bars, maximum=100, target=100, target_label=self.tr("目标 100%"),
            empty_text=self.tr("花名册是空的"),
        )  # fmt: skip
        self.by_street.setMinimumHeight(40 + 26 * max(1, len(street_bars)))

    def export(self, suffix: str, path: Path | None = None) -> Path | None:
        if self.report is None:
            return None
        if path is None:
            name = f"区级报表_{self.report.year}-{self.report.month:02d}{suffix}"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("导出报表"), name)
            if not chosen:
                return None
            path = Path(chosen)
        try:
            out = report_files.write(self.report, path, self.session.name)
        except report_files.ReportFileError as exc:
            QMessageBox.warning(self, self.tr("导出报表"), message_of(exc))
            return None
        return out
