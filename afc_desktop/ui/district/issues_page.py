"""冲突 and 重复登记: conflicts in plain Chinese, duplicates with both communities named."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...district import conflicts, hub
from ..models.rows_table_model import Column, RowsTableModel
from ..widgets.tables import make_table, selected_row
from .session import DistrictSession


class ConflictsPage(QWidget):
    def __init__(self, session: DistrictSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.summary = QLabel()
        self.summary.setObjectName("conflictSummary")
        self.detail = QLabel()
        self.detail.setObjectName("conflictDetail")
        self.detail.setWordWrap(True)
        self.resolve_button = QPushButton(self.tr("标记已处理…"))
        self.resolve_button.clicked.connect(self.resolve_selected)
        refresh = QPushButton(self.tr("刷新"))
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.resolve_button)
        top.addWidget(refresh)
        self.model: RowsTableModel[conflicts.ConflictText] = RowsTableModel(
            [
                Column(self.tr("社区"), lambda c: c.community),
                Column(self.tr("类别"), lambda c: c.table_label),
                Column(self.tr("对象"), lambda c: c.record_label),
                Column(self.tr("字段"), lambda c: c.field_label),
                Column(self.tr("一方的值"), lambda c: c.value_a),
                Column(self.tr("谁、何时"), lambda c: f"{c.who_a} {c.when_a}"),
                Column(self.tr("另一方的值"), lambda c: c.value_b),
                Column(self.tr("谁、何时 "), lambda c: f"{c.who_b} {c.when_b}"),
                Column(
                    self.tr("目前采用"),
                    lambda c: self.tr("一方") if c.winner == "a" else self.tr("另一方"),
                ),
            ]
        )
        self.table = make_table(self.model, "conflictTable", (160, 80, 90, 90, 110, 200, 110, 200))
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        hint = QLabel(
            self.tr(
                "冲突是两台电脑同时改了同一项。区级已按规则采用其中一个值；"
                "如需更正，请告诉社区在本社区电脑上修改，更正会随下一个同步包送来。"
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self.refresh()

    def refresh(self) -> None:
        rows = conflicts.describe(self.session.db)
        self.model.set_rows(rows)
        self.summary.setText(self.tr("未处理的冲突：{0} 处").format(len(rows)))
        self.detail.setText("")

    def _show_detail(self, *_args: object) -> None:
        row = self.model.row_at(selected_row(self.table))
        self.detail.setText(row.sentence if row else "")

    def resolve_selected(self, note: str | None = None) -> bool:
        row = self.model.row_at(selected_row(self.table))
        if row is None:
            return False
        if note is None:
            text, ok = QInputDialog.getText(self, self.tr("标记已处理"), self.tr("处理说明："))
            if not ok:
                return False
            note = text
        hub.resolve_conflict(self.session.db, row.id, note or "", by="district")
        self.refresh()
        return True


class DuplicatesPage(QWidget):
    def __init__(self, session: DistrictSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.summary = QLabel()
        self.summary.setObjectName("duplicateSummary")
        refresh = QPushButton(self.tr("刷新"))
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(refresh)
        self.model: RowsTableModel[hub.DuplicateView] = RowsTableModel(
            [
                Column(self.tr("身份证号"), lambda d: d.id_number_masked),
                Column(self.tr("社区数"), lambda d: len(d.communities), align_right=True),
                Column(
                    self.tr("登记情况"),
                    lambda d: "；".join(
                        self.tr("{0} 登记为 {1}").format(c, n) for n, c in d.entries
                    ),
                ),
            ]
        )
        self.table = make_table(self.model, "duplicateTable", (170, 70))
        hint = QLabel(
            self.tr(
                "同一身份证号在两个以上社区登记。请与相关社区核实老人实际居住地，由迁出社区注销。"
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        rows = hub.duplicates(self.session.db)
        self.model.set_rows(rows)
        self.summary.setText(self.tr("跨社区重复登记：{0} 人").format(len(rows)))
