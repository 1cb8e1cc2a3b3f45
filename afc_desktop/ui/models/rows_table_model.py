"""A read-only table model over a list of dataclass rows, with column getters.

Used by the daily-work pages (due list, drafts, tasks, needs, resources, services, projects …):
each page declares its columns as ``Column(header, getter)`` and hands over the rows the
service returned. Optional per-row colours mark overdue items.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

OVERDUE_COLOR = QColor("#b00020")


@dataclass(frozen=True)
class Column(Generic[T]):
    """A column: its header text and how to read the cell from a row."""

    header: str
    getter: Callable[[T], Any]
    align_right: bool = False


class RowsTableModel(QAbstractTableModel, Generic[T]):
    """Rows of one dataclass type; ``foreground(row)`` may colour a whole line."""

    def __init__(
        self,
        columns: Sequence[Column[T]],
        foreground: Callable[[T], QColor | None] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[T] = []
        self._foreground = foreground

    def set_rows(self, rows: Sequence[T]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> T | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.getter(item)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            # long text (a rule's basis, an address) is elided in its cell: hovering shows it all
            value = column.getter(item)
            text = "" if value is None else str(value)
            return text if len(text) > 12 else None
        if role == Qt.ItemDataRole.ForegroundRole and self._foreground is not None:
            color = self._foreground(item)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
