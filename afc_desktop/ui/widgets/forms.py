"""Small form helpers: a field with its plain-Chinese error shown right under it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QDateEdit, QLabel, QVBoxLayout, QWidget

ERROR_STYLE = "color: #b00020;"
EMPTY_DATE = QDate(1900, 1, 1)


class FieldWithError(QWidget):
    """Wraps an input widget and a red message label (hidden while empty)."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(field)
        layout.addWidget(self.error)
        layout.addStretch(1)  # keep the field at the top when the row is taller

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def error_text(self) -> str:
        return self.error.text() if self.error.isVisible() or self.error.text() else ""


def optional_date_edit(parent: QWidget | None = None) -> QDateEdit:
    """A date edit whose lowest value (1900-01-01) shows as 未填 and means "no date"."""
    edit = QDateEdit(parent)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setMinimumDate(EMPTY_DATE)
    edit.setMaximumDate(QDate(2100, 12, 31))
    edit.setSpecialValueText(QCoreApplication.translate("Forms", "未填"))
    edit.setDate(EMPTY_DATE)
    return edit


def read_date(edit: QDateEdit) -> date | None:
    value = edit.date()
    if value == EMPTY_DATE:
        return None
    return date(value.year(), value.month(), value.day())


def write_date(edit: QDateEdit, value: date | None) -> None:
    edit.setDate(QDate(value.year, value.month, value.day) if value else EMPTY_DATE)
