"""花名册: every expected community, its reporting state and warnings; the 未报送 list on top."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...district import overview, roster
from ..models.rows_table_model import Column, RowsTableModel
from ..service_messages import message_of
from ..widgets.tables import make_table, selected_row
from .session import DistrictSession

WARN = QColor("#b00020")


class RosterPage(QWidget):
    def __init__(self, session: DistrictSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.view: overview.RosterOverview | None = None
        self.summary = QLabel()
        self.summary.setObjectName("rosterSummary")
        self.summary.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.silent_label = QLabel()
        self.silent_label.setObjectName("silentList")
        self.silent_label.setWordWrap(True)
        self.silent_label.setStyleSheet("color: #b00020;")
        self.days = QSpinBox()
        self.days.setRange(1, 365)
        self.days.setValue(overview.SILENT_DAYS)
        self.days.setSuffix(self.tr(" 天"))
        self.days.valueChanged.connect(self.refresh)
        refresh = QPushButton(self.tr("刷新"))
        refresh.clicked.connect(self.refresh)
        self.pilot_button = QPushButton(self.tr("设为试点 / 取消试点"))
        self.pilot_button.clicked.connect(self.toggle_pilot)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(QLabel(self.tr("未报送：超过")))
        top.addWidget(self.days)
        top.addWidget(self.pilot_button)
        top.addWidget(refresh)
        self.model: RowsTableModel[overview.RosterRow] = RowsTableModel(
            [
                Column(self.tr("社区代码"), lambda r: r.code),
                Column(self.tr("社区"), lambda r: r.display_name),
                Column(self.tr("街道"), lambda r: r.street_label),
                Column(self.tr("试点"), lambda r: self.tr("是") if r.pilot else ""),
                Column(self.tr("密钥"), lambda r: r.active_keys, align_right=True),
                Column(self.tr("最近报送"), lambda r: r.last_report or self.tr("从未")),
                Column(self.tr("天数"), lambda r: r.days_since, align_right=True),
                Column(self.tr("暂存"), lambda r: r.held_events, align_right=True),
                Column(self.tr("冲突"), lambda r: r.open_conflicts, align_right=True),
                Column(self.tr("提醒"), lambda r: "；".join(r.warnings())),
            ],
            foreground=lambda r: WARN if r.silent else None,
        )
        self.table = make_table(self.model, "rosterTable", (110, 170, 150, 50, 50, 100, 50, 50))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.silent_label)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        self.view = overview.overview(self.session.db, self.days.value())
        self.model.set_rows(self.view.rows)
        silent = self.view.silent
        self.summary.setText(
            self.tr("截至 {0}：花名册 {1} 个社区，未报送 {2} 个").format(
                self.view.as_of, len(self.view.rows), len(silent)
            )
        )
        if silent:
            names = "、".join(r.display_name for r in silent)
            self.silent_label.setText(
                self.tr("未报送（超过 {0} 天没有同步包，或从未报送）：{1}").format(
                    self.view.silent_days, names
                )
            )
        else:
            self.silent_label.setText("")

    def toggle_pilot(self) -> None:
        row = self.model.row_at(selected_row(self.table))
        if row is None:
            QMessageBox.information(self, self.tr("试点"), self.tr("请先在表中选择一个社区"))
            return
        try:
            roster.set_pilot(self.session.db, row.code, not row.pilot)
        except roster.RosterError as exc:
            QMessageBox.warning(self, self.tr("试点"), message_of(exc))
        self.refresh()
