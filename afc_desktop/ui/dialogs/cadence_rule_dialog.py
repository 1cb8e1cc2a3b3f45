"""Edit one visit-cadence rule (探访频次规则): conditions and how often."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain import people, schedule
from ...domain.schedule import CadenceRule
from ..domain_labels import label as domain_label
from ..service_messages import message_of
from ..widgets.forms import ERROR_STYLE


class CadenceRuleDialog(QDialog):
    """Returns the edited rule from :meth:`rule` after ``accept()``; validation is the domain's."""

    def __init__(self, rule: CadenceRule | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("探访频次规则"))
        self._original = rule
        self.name = QLineEdit(rule.name if rule else "")
        self.every = QSpinBox()
        self.every.setRange(1, 366)
        self.every.setValue(rule.every if rule else 1)
        self.unit = QComboBox()
        for code, label in schedule.UNITS.items():
            self.unit.addItem(domain_label(label), code)
        self.unit.setCurrentIndex(max(0, self.unit.findData(rule.unit if rule else "month")))
        self.special = QCheckBox(
            self.tr("仅特殊困难老年人（独居、空巢、留守、失能、重残、计生特殊家庭）")
        )
        self.special.setChecked(bool(rule and rule.special_hardship))
        self.risk = QComboBox()
        self.risk.addItem(self.tr("不限"), None)
        for code, label in schedule.RISK_LEVELS.items():
            self.risk.addItem(domain_label(label), code)
        self.risk.setCurrentIndex(max(0, self.risk.findData(rule.risk if rule else None)))
        self.min_age = QSpinBox()
        self.min_age.setRange(0, 120)
        self.min_age.setSpecialValueText(self.tr("不限"))
        self.min_age.setValue(rule.min_age or 0 if rule else 0)
        self.categories: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for i, cat in enumerate(people.ALL_CATEGORIES):
            box = QCheckBox(domain_label(cat.label))
            box.setChecked(bool(rule and cat.code in rule.categories))
            self.categories[cat.code] = box
            grid.addWidget(box, i // 5, i % 5)
        self.active = QCheckBox(self.tr("启用"))
        self.active.setChecked(rule.active if rule else True)
        self.note = QLineEdit(rule.note if rule else "")
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("名称"), self.name)
        every_row = QWidget()
        every_layout = QGridLayout(every_row)
        every_layout.setContentsMargins(0, 0, 0, 0)
        every_layout.addWidget(QLabel(self.tr("每")), 0, 0)
        every_layout.addWidget(self.every, 0, 1)
        every_layout.addWidget(self.unit, 0, 2)
        every_layout.addWidget(QLabel(self.tr("至少探访一次")), 0, 3)
        form.addRow(self.tr("频次"), every_row)
        form.addRow(self.tr("风险等级"), self.risk)
        form.addRow(self.tr("最低年龄"), self.min_age)
        form.addRow(self.special)
        form.addRow(QLabel(self.tr("人员类别（任一符合即可；不选为不限）")))
        form.addRow(grid)
        form.addRow(self.tr("说明"), self.note)
        form.addRow(self.active)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def rule(self) -> CadenceRule:
        """The rule as edited (keeps the id of the rule being edited)."""
        base = self._original or CadenceRule(name="", every=1, unit="month")
        return replace(
            base,
            name=self.name.text().strip(),
            every=self.every.value(),
            unit=self.unit.currentData(),
            categories=frozenset(c for c, box in self.categories.items() if box.isChecked()),
            special_hardship=self.special.isChecked(),
            risk=self.risk.currentData(),
            min_age=self.min_age.value() or None,
            active=self.active.isChecked(),
            note=self.note.text().strip(),
        )

    def _accept(self) -> None:
        try:
            schedule.validate_rule(self.rule())
        except schedule.CadenceError as exc:
            self.error.setText(message_of(exc))
            return
        self.accept()
