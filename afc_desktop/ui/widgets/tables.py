"""Read-only row tables shared by the daily-work pages and panels."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ..models.rows_table_model import RowsTableModel


def make_table(model: RowsTableModel, name: str, widths: Sequence[int] = ()) -> QTableView:
    """A read-only, row-selecting table for a rows model; ``widths`` of the first columns."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    for column, width in enumerate(widths):
        table.horizontalHeader().resizeSection(column, width)
    return table


def selected_row(table: QTableView) -> int:
    """The selected (else current) row of ``table``; -1 when there is none."""
    rows = table.selectionModel().selectedRows()
    if rows:
        return rows[0].row()
    current = table.currentIndex()
    return current.row() if current.isValid() else -1
