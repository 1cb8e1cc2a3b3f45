"""The input widgets of one form item (评估表的题目), built from the form definition.

:func:`make_editor` picks the editor of an item's type: scored choices as radio buttons with
their scores, plain choices as drop-downs, multiple choices as check boxes, texts, dates with an
explicit "未填" state. Every editor has ``value()``, ``set_value()``, ``set_error()`` and
``sig_changed``. Used by the assessment dialog (``dialogs/assessment_dialog.py``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.formspec import Item, is_answered
from .forms import ERROR_STYLE, optional_date_edit, read_date, write_date
from .labels import mark_data

NO_CHOICE = "—"


class ItemEditor(QWidget):
    """The input of one item; ``sig_changed`` whenever its value changes."""

    sig_changed = Signal()

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()

    def value(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def set_value(self, value: Any) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))


class ScoredChoiceEditor(ItemEditor):
    """Radio buttons, one option per line with its score ("4分 独立完成…"), text wrapped."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # allows clearing; exclusivity is kept by hand
        self.buttons: list[QRadioButton] = []
        for row, opt in enumerate(item.options):
            button = QRadioButton(self.tr("%1分").replace("%1", str(opt.score)))
            label = mark_data(QLabel(opt.label))
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            label.mousePressEvent = lambda _e, b=button: b.click()  # type: ignore[method-assign]
            self.group.addButton(button, row)
            self.buttons.append(button)
            layout.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(label, row, 1)
        layout.setColumnStretch(1, 1)
        layout.addWidget(self.error, len(item.options), 0, 1, 2)
        self.group.idClicked.connect(self._clicked)

    def _clicked(self, index: int) -> None:
        for i, button in enumerate(self.buttons):
            if i != index:
                button.setChecked(False)
        self.sig_changed.emit()

    def value(self) -> Any:
        for button, opt in zip(self.buttons, self.item.options, strict=True):
            if button.isChecked():
                return opt.value
        return None

    def set_value(self, value: Any) -> None:
        for button, opt in zip(self.buttons, self.item.options, strict=True):
            button.setChecked(is_answered(value) and opt.value == value)


class ChoiceEditor(ItemEditor):
    """A drop-down with an empty first entry."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        self.combo = QComboBox()
        self.combo.addItem(NO_CHOICE, None)
        for opt in item.options:
            self.combo.addItem(opt.label, opt.value)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.error)
        self.combo.currentIndexChanged.connect(lambda _i: self.sig_changed.emit())

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = 0
        for i, opt in enumerate(self.item.options, start=1):
            if is_answered(value) and opt.value == value:
                index = i
        self.combo.setCurrentIndex(index)


class BoolEditor(ChoiceEditor):
    """是 / 否 / not answered."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        ItemEditor.__init__(self, item, parent)
        self.combo = QComboBox()
        self.combo.addItem(NO_CHOICE, None)
        self.combo.addItem(self.tr("是"), True)
        self.combo.addItem(self.tr("否"), False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.error)
        self.combo.currentIndexChanged.connect(lambda _i: self.sig_changed.emit())

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentIndex(
            {True: 1, False: 2}.get(value, 0) if isinstance(value, bool) else 0
        )


class MultiEditor(ItemEditor):
    """Check boxes: three per line for short options, two for middling, one for long ones."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: list[QCheckBox] = []
        longest = max(len(o.label) for o in item.options)
        per_line = 1 if longest > 12 else 2 if longest > 6 else 3
        for i, opt in enumerate(item.options):
            box = mark_data(QCheckBox(opt.label))
            box.toggled.connect(lambda _on: self.sig_changed.emit())
            self.boxes.append(box)
            layout.addWidget(box, i // per_line, i % per_line)
        layout.addWidget(self.error, len(item.options) // per_line + 1, 0, 1, per_line)

    def value(self) -> Any:
        chosen = [
            o.value for b, o in zip(self.boxes, self.item.options, strict=True) if b.isChecked()
        ]
        return chosen or None

    def set_value(self, value: Any) -> None:
        chosen = value if isinstance(value, list) else []
        for box, opt in zip(self.boxes, self.item.options, strict=True):
            box.setChecked(opt.value in chosen)


class TextEditor(ItemEditor):
    """One line (short texts, signatures, numbers) or a small text area (long texts)."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        self.multiline = item.type == "text" and (item.max_length or 0) > 100
        self.edit: QLineEdit | QPlainTextEdit
        if self.multiline:
            self.edit = QPlainTextEdit()
            self.edit.setFixedHeight(60)
            self.edit.textChanged.connect(self.sig_changed.emit)
        else:
            self.edit = QLineEdit()
            self.edit.textChanged.connect(lambda _t: self.sig_changed.emit())
            if item.hint:
                self.edit.setPlaceholderText(item.hint)
                mark_data(self.edit)  # the hint is the form definition's wording, like its labels
            if item.type == "signature":
                self.edit.setPlaceholderText(self.tr("签名人姓名"))
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        if item.unit:
            row.addWidget(mark_data(QLabel(item.unit)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.error)

    def _text(self) -> str:
        edit = self.edit
        return edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()

    def value(self) -> Any:
        text = self._text().strip()
        if not text:
            return None
        if self.item.type == "number":
            try:
                number = float(text)
            except ValueError:
                return text  # validation names it ("应填数字")
            return int(number) if number.is_integer() else number
        return text

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if isinstance(self.edit, QPlainTextEdit):
            self.edit.setPlainText(text)
        else:
            self.edit.setText(text)


class DateEditor(ItemEditor):
    """A date with an explicit "未填" state."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        self.edit = optional_date_edit()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self.edit.dateChanged.connect(lambda _d: self.sig_changed.emit())

    def value(self) -> Any:
        day = read_date(self.edit)
        return day.isoformat() if day else None

    def set_value(self, value: Any) -> None:
        try:
            write_date(self.edit, date.fromisoformat(value) if isinstance(value, str) else None)
        except ValueError:
            write_date(self.edit, None)


def make_editor(item: Item) -> ItemEditor:
    """The editor for ``item``'s type."""
    if item.type == "choice":
        return ScoredChoiceEditor(item) if item.scored else ChoiceEditor(item)
    if item.type == "multi":
        return MultiEditor(item)
    if item.type == "bool":
        return BoolEditor(item)
    if item.type == "date":
        return DateEditor(item)
    return TextEditor(item)
