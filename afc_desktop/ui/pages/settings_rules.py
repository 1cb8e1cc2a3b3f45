"""设置 → 底册规则: the register's adjustable rules (``domain/rules.py``) on one form.

低龄助高龄 ages, the ability grades that count as 失能, the 复评 period and the visit findings that
make a re-assessment due at once. Everyone sees them; only an administrator saves them (the
service checks again). A bad combination is refused with the rule's own plain-Chinese message,
the field is marked and nothing is stored.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.rules import ABILITY_LEVELS, TRIGGERS, RegisterRules
from ...services.context import AppContext, ServiceError
from ...services.register_rules import load_register_rules, save_register_rules
from ..service_messages import message_of, shown
from ..widgets.forms import ERROR_STYLE

# Labels of domain/rules.py's ABILITY_LEVELS and TRIGGERS, marked for translation.
LEVEL_LABELS = {
    0: QT_TRANSLATE_NOOP("RulesTab", "能力完好"),
    1: QT_TRANSLATE_NOOP("RulesTab", "轻度失能"),
    2: QT_TRANSLATE_NOOP("RulesTab", "中度失能"),
    3: QT_TRANSLATE_NOOP("RulesTab", "重度失能"),
    4: QT_TRANSLATE_NOOP("RulesTab", "完全失能"),
}
TRIGGER_LABELS = {
    "fall": QT_TRANSLATE_NOOP("RulesTab", "探访记录跌倒"),
    "hospital": QT_TRANSLATE_NOOP("RulesTab", "探访记录近期住院"),
}


def _compact(widget: QWidget) -> QHBoxLayout:
    """A field at its own width, not stretched across the form."""
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    return row


def _spin(low: int, high: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    return box


class RulesTab(QWidget):
    """The rules form. ``sig_saved`` after the rules were stored."""

    sig_saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.is_admin = bool(ctx.user and ctx.user.is_admin)
        years = self.tr(" 周岁")
        self.helper_min = _spin(50, 120, years)
        self.helper_max = _spin(50, 120, years)
        self.helped_min = _spin(50, 120, years)
        self.months = _spin(1, 60, self.tr(" 个月"))
        self.levels = {
            level: QCheckBox(f"{level} {self.tr(LEVEL_LABELS.get(level, name))}")
            for level, name in ABILITY_LEVELS
        }
        self.triggers = {code: QCheckBox(self.tr(TRIGGER_LABELS[code])) for code in TRIGGERS}

        helpers = QGroupBox(self.tr("低龄助高龄（本地选择）"))
        ages = QHBoxLayout()
        ages.addWidget(self.helper_min)
        ages.addWidget(QLabel(self.tr("至")))
        ages.addWidget(self.helper_max)
        ages.addStretch(1)
        form = QFormLayout(helpers)
        form.addRow(self.tr("志愿者年龄"), ages)
        form.addRow(self.tr("受助人年龄（及以上）"), _compact(self.helped_min))

        grades = QGroupBox(self.tr("计入“失能”的能力等级（本地选择）"))
        grade_layout = QVBoxLayout(grades)
        for box in self.levels.values():
            grade_layout.addWidget(box)
        grade_note = QLabel(self.tr("评估定稿时按此规则设置或取消“失能”类别，探访频次随之调整。"))
        grade_note.setWordWrap(True)  # under the box: a wrapped label inside it was squeezed

        reassess = QGroupBox(self.tr("复评（本地选择）"))
        trigger_row = QHBoxLayout()
        for box in self.triggers.values():
            trigger_row.addWidget(box)
        trigger_row.addStretch(1)
        form = QFormLayout(reassess)
        form.addRow(self.tr("定稿后复评间隔"), _compact(self.months))
        form.addRow(self.tr("立即复评"), trigger_row)

        self.save_button = QPushButton(self.tr("保存规则"))
        self.save_button.clicked.connect(self.save)
        self.defaults_button = QPushButton(self.tr("恢复默认值"))
        self.defaults_button.clicked.connect(lambda: self.show_rules(RegisterRules()))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.defaults_button)
        buttons.addStretch(1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        note = QLabel(
            self.tr(
                "这些规则来源文件没有规定，由本社区决定。修改后，复评名单和低龄助高龄统计立即按新规则"
                "计算；已登记人员的“失能”类别在下次评估定稿时按新规则调整。"
            )
        )
        note.setWordWrap(True)

        body = QWidget()
        body.setMaximumWidth(720)
        layout = QVBoxLayout(body)
        for part in (helpers, grades, grade_note, reassess):
            layout.addWidget(part)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        # In a scroll area: at large text on a laptop screen the form is taller than the page,
        # and a plain layout would squeeze the wrapped notes until they overlap.
        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.addWidget(body)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.fields: dict[str, QWidget] = {
            "young_helper_min_age": self.helper_min,
            "young_helper_max_age": self.helper_max,
            "helped_min_age": self.helped_min,
            "disability_levels": grades,
            "reassess_months": self.months,
            "reassess_triggers": reassess,
        }
        if not self.is_admin:
            for widget in self.fields.values():
                widget.setEnabled(False)
            self.save_button.setEnabled(False)
            self.defaults_button.setEnabled(False)
            self.message.setText(self.tr("只有管理员可以修改底册规则"))
        self.load()

    def load(self) -> None:
        self.show_rules(load_register_rules(self.ctx))

    def show_rules(self, rules: RegisterRules) -> None:
        self.helper_min.setValue(rules.young_helper_min_age)
        self.helper_max.setValue(rules.young_helper_max_age)
        self.helped_min.setValue(rules.helped_min_age)
        self.months.setValue(rules.reassess_months)
        for level, box in self.levels.items():
            box.setChecked(level in rules.disability_levels)
        for code, box in self.triggers.items():
            box.setChecked(code in rules.reassess_triggers)

    def typed(self) -> RegisterRules:
        """The rules as the form holds them."""
        return RegisterRules(
            young_helper_min_age=self.helper_min.value(),
            young_helper_max_age=self.helper_max.value(),
            helped_min_age=self.helped_min.value(),
            disability_levels=tuple(lv for lv, box in self.levels.items() if box.isChecked()),
            reassess_months=self.months.value(),
            reassess_triggers=tuple(c for c, box in self.triggers.items() if box.isChecked()),
        )

    def save(self) -> bool:
        for widget in self.fields.values():
            widget.setStyleSheet("")
        try:
            saved = save_register_rules(self.ctx, self.typed())
        except ServiceError as exc:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(message_of(exc))
            wrong = self.fields.get(exc.field)
            if wrong is not None:
                wrong.setStyleSheet(ERROR_STYLE)
                wrong.setFocus()
            return False
        self.show_rules(saved)
        self.message.setStyleSheet("")
        # The rules' summary is the service's Chinese; an English UI (our own strings come out
        # translated) shows the lines it can translate. Asked of the translator, not QLocale,
        # whose default is the machine's until a translator is installed.
        done = self.tr("底册规则已保存。")
        english = done != "底册规则已保存。"
        lines = [shown(line) for line in saved.describe()]
        lines = [
            t for t, line in zip(lines, saved.describe(), strict=True) if not english or t != line
        ]
        self.message.setText("\n".join([done, *lines]))
        self.sig_saved.emit()
        return True
