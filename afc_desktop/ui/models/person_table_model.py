"""The register's table: a lazy model over an ordered list of person ids.

The model holds only the ids (from ``search_person_ids``); rows are fetched from the database a
block of :data:`PAGE_SIZE` at a time, when the view first asks for a row of that block, and a
bounded number of blocks is kept. Scrolling through 100,000 people therefore reads only the
blocks that are actually shown.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ...services.context import AppContext
from ...services.register import PersonRow, person_rows

COL_NAME, COL_SEX, COL_AGE, COL_ID, COL_PHONE, COL_ADDRESS, COL_CATEGORIES, COL_GRADE = range(8)
HEADERS = (
    QT_TRANSLATE_NOOP("PersonTableModel", "姓名"),
    QT_TRANSLATE_NOOP("PersonTableModel", "性别"),
    QT_TRANSLATE_NOOP("PersonTableModel", "年龄"),
    QT_TRANSLATE_NOOP("PersonTableModel", "身份证号"),
    QT_TRANSLATE_NOOP("PersonTableModel", "电话"),
    QT_TRANSLATE_NOOP("PersonTableModel", "地址"),
    QT_TRANSLATE_NOOP("PersonTableModel", "人员类别"),
    QT_TRANSLATE_NOOP("PersonTableModel", "能力等级"),
)
PAGE_SIZE = 200
MAX_CACHED_BLOCKS = 50

Index = QModelIndex | QPersistentModelIndex


class PersonTableModel(QAbstractTableModel):
    """Rows of the register for an id list; ID numbers come masked from the service."""

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._ids: list[str] = []
        self._blocks: OrderedDict[int, list[PersonRow]] = OrderedDict()
        self.fetch_count = 0  # blocks read from the database since the last reset

    # --- content -----------------------------------------------------------------------------

    def set_ids(self, ids: Sequence[str]) -> None:
        """Show these people, in this order."""
        self.beginResetModel()
        self._ids = list(ids)
        self._blocks.clear()
        self.fetch_count = 0
        self.endResetModel()

    def refresh_rows(self) -> None:
        """Re-read the rows (after an edit) without changing the id list."""
        self._blocks.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(HEADERS) - 1)
            )

    def person_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, person_id: str) -> int:
        try:
            return self._ids.index(person_id)
        except ValueError:
            return -1

    def row_at(self, row: int) -> PersonRow | None:
        """The row's data, fetching its block if needed."""
        if not 0 <= row < len(self._ids):
            return None
        block = self._block(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        return block[offset] if offset < len(block) else None

    def cached_blocks(self) -> list[int]:
        return list(self._blocks)

    def _block(self, number: int) -> list[PersonRow]:
        if number in self._blocks:
            self._blocks.move_to_end(number)
            return self._blocks[number]
        ids = self._ids[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
        fetched = {r.id: r for r in person_rows(self.ctx, ids)}
        # A person removed meanwhile keeps a blank row rather than shifting the others.
        rows = [fetched.get(i) or PersonRow(i, "", "", None, "", "", "", (), "") for i in ids]
        self.fetch_count += 1
        self._blocks[number] = rows
        while len(self._blocks) > MAX_CACHED_BLOCKS:
            self._blocks.popitem(last=False)
        return rows

    # --- Qt model API ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            return QCoreApplication.translate("PersonTableModel", HEADERS[section])
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self.person_id(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_AGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        col = index.column()
        if col == COL_NAME:
            return row.name
        if col == COL_SEX:
            return row.sex
        if col == COL_AGE:
            return "" if row.age is None else str(row.age)
        if col == COL_ID:
            return row.id_masked
        if col == COL_PHONE:
            return row.phone
        if col == COL_ADDRESS:
            return row.address
        if col == COL_CATEGORIES:
            return "、".join(row.categories)
        if col == COL_GRADE:
            return row.ability_grade
        return None
