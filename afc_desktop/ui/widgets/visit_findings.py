"""The findings block of a visit record (探访发现): the content areas, risk flags and risk level,
notes, needs found and a follow-up. One widget for the person visit form and for each elder's
tab of the household visit form, so both ask the same questions the same way."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import needs as need_rules
from ...domain import visit_content as vc
from ...services.visits import NeedDraft
from ..domain_labels import label as domain_label
from .forms import optional_date_edit, read_date, write_date


class AreaBox(QGroupBox):
    """One content area: level, the issues to tick, notes."""

    def __init__(self, area: vc.Area, parent: QWidget | None = None) -> None:
        super().__init__(domain_label(area.label), parent)
        self.area = area
        self.level = QComboBox()
        for code, label in vc.LEVELS:
            self.level.addItem(domain_label(label), code)
        self.issues: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for i, (code, label) in enumerate(area.issues):
            box = QCheckBox(domain_label(label))
            box.toggled.connect(self._issue_toggled)
            self.issues[code] = box
            grid.addWidget(box, i // 3, i % 3)
        self.notes = QLineEdit()
        self.notes.setPlaceholderText(self.tr("情况说明"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("情况：")))
        top.addWidget(self.level)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(self.notes)

    def _issue_toggled(self, checked: bool) -> None:
        if checked and self.level.currentData() == "ok":
            self.level.setCurrentIndex(self.level.findData("attention"))

    def finding(self) -> vc.AreaFinding | None:
        """The area's finding, or None when nothing was recorded."""
        issues = tuple(code for code, box in self.issues.items() if box.isChecked())
        level = self.level.currentData()
        notes = self.notes.text().strip()
        if not issues and level == "ok" and not notes:
            return None
        return vc.AreaFinding(level, issues, notes)

    def load(self, finding: vc.AreaFinding | None) -> None:
        finding = finding or vc.AreaFinding()
        for code, box in self.issues.items():
            box.setChecked(code in finding.issues)
        self.level.setCurrentIndex(max(0, self.level.findData(finding.level)))
        self.notes.setText(finding.notes)


class FindingsWidget(QWidget):
    """Areas ``area_codes`` (all by default), risk, notes, needs and follow-up of one elder.

    ``findings()``, ``flags()``, ``needs()`` and ``follow_up()`` read it; ``load`` fills it.
    Ticking a risk flag suggests the risk level (``visit_content.suggested_risk_level``).
    """

    def __init__(
        self,
        area_codes: Iterable[str] | None = None,
        parent: QWidget | None = None,
        *,
        notes_hint: str = "",
    ) -> None:
        super().__init__(parent)
        codes = tuple(area_codes) if area_codes is not None else tuple(a.code for a in vc.AREAS)
        self.areas = {code: AreaBox(vc.AREA_BY_CODE[code]) for code in codes}

        risk_box = QGroupBox(self.tr("风险"))
        risk_layout = QGridLayout(risk_box)
        self.risk_flags: dict[str, QCheckBox] = {}
        for i, (code, label) in enumerate(vc.RISK_FLAGS):
            box = QCheckBox(domain_label(label))
            box.toggled.connect(self._suggest_risk)
            self.risk_flags[code] = box
            risk_layout.addWidget(box, i // 3, i % 3)
        self.risk_level = QComboBox()
        self.risk_level.addItem(self.tr("一般"), "normal")
        self.risk_level.addItem(self.tr("高风险"), "high")
        rows = (len(vc.RISK_FLAGS) + 2) // 3
        risk_layout.addWidget(QLabel(self.tr("风险等级")), rows, 0)
        risk_layout.addWidget(self.risk_level, rows, 1)

        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(notes_hint or self.tr("情况记录"))
        self.notes.setFixedHeight(70)

        needs_box = QGroupBox(self.tr("发现的需求"))
        self.needs_table = QTableWidget(0, 3)
        self.needs_table.setHorizontalHeaderLabels(
            [self.tr("需求类型"), self.tr("描述"), self.tr("紧急程度")]
        )
        self.needs_table.horizontalHeader().setStretchLastSection(False)
        self.needs_table.setColumnWidth(1, 360)
        self.needs_table.setFixedHeight(110)
        add_need = QPushButton(self.tr("添加需求"))
        add_need.clicked.connect(lambda: self.add_need_row())
        remove_need = QPushButton(self.tr("删除所选"))
        remove_need.clicked.connect(self._remove_need_row)
        needs_layout = QVBoxLayout(needs_box)
        needs_layout.addWidget(self.needs_table)
        row = QHBoxLayout()
        row.addWidget(add_need)
        row.addWidget(remove_need)
        row.addStretch(1)
        needs_layout.addLayout(row)

        follow_box = QGroupBox(self.tr("跟进"))
        self.follow_date = optional_date_edit()
        self.follow_text = QLineEdit()
        self.follow_text.setPlaceholderText(self.tr("跟进事项（填写后生成待办）"))
        follow_layout = QHBoxLayout(follow_box)
        follow_layout.addWidget(QLabel(self.tr("日期")))
        follow_layout.addWidget(self.follow_date)
        follow_layout.addWidget(self.follow_text, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for box in self.areas.values():
            layout.addWidget(box)
        layout.addWidget(risk_box)
        layout.addWidget(QLabel(self.tr("情况记录")))
        layout.addWidget(self.notes)
        layout.addWidget(needs_box)
        layout.addWidget(follow_box)

    # --- needs table -------------------------------------------------------------------------

    def add_need_row(self, need: NeedDraft | None = None) -> None:
        row = self.needs_table.rowCount()
        self.needs_table.insertRow(row)
        kind = QComboBox()
        kind.addItem(self.tr("请选择"), "")
        for code, label in need_rules.SERVICE_TYPES:
            kind.addItem(domain_label(label), code)
        urgency = QComboBox()
        for code, label in need_rules.URGENCIES:
            urgency.addItem(domain_label(label), code)
        urgency.setCurrentIndex(urgency.findData("normal"))
        if need is not None:
            kind.setCurrentIndex(max(0, kind.findData(need.need_type)))
            urgency.setCurrentIndex(max(0, urgency.findData(need.urgency)))
        self.needs_table.setCellWidget(row, 0, kind)
        self.needs_table.setItem(row, 1, QTableWidgetItem(need.description if need else ""))
        self.needs_table.setCellWidget(row, 2, urgency)

    def _remove_need_row(self) -> None:
        row = self.needs_table.currentRow()
        if row >= 0:
            self.needs_table.removeRow(row)

    def needs(self) -> tuple[NeedDraft, ...]:
        out = []
        for row in range(self.needs_table.rowCount()):
            kind = self.needs_table.cellWidget(row, 0)
            urgency = self.needs_table.cellWidget(row, 2)
            item = self.needs_table.item(row, 1)
            out.append(
                NeedDraft(
                    kind.currentData() if isinstance(kind, QComboBox) else "",
                    item.text().strip() if item else "",
                    urgency.currentData() if isinstance(urgency, QComboBox) else "normal",
                )
            )
        return tuple(out)

    # --- reading and filling -----------------------------------------------------------------

    def _suggest_risk(self) -> None:
        self.risk_level.setCurrentIndex(
            self.risk_level.findData(vc.suggested_risk_level(self.flags()))
        )

    def set_risk_level(self, level: str | None) -> None:
        if level:
            self.risk_level.setCurrentIndex(max(0, self.risk_level.findData(level)))

    def findings(self) -> vc.Findings:
        return vc.Findings({code: f for code, box in self.areas.items() if (f := box.finding())})

    def flags(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.risk_flags.items() if box.isChecked())

    def follow_up(self) -> tuple[date | None, str]:
        return read_date(self.follow_date), self.follow_text.text().strip()

    def load(
        self,
        findings: vc.Findings,
        risk_flags: Iterable[str],
        risk_level: str | None,
        notes: str,
        needs: Iterable[NeedDraft],
        follow_up_date: date | None,
        follow_up_text: str,
    ) -> None:
        """Fill from a draft (the flags first, so the level saved wins over the suggestion)."""
        for code, box in self.areas.items():
            box.load(findings.areas.get(code))
        flags = set(risk_flags)
        for code, box in self.risk_flags.items():
            box.setChecked(code in flags)
        self.set_risk_level(risk_level)
        self.notes.setPlainText(notes)
        for need in needs:
            self.add_need_row(need)
        write_date(self.follow_date, follow_up_date)
        self.follow_text.setText(follow_up_text)
