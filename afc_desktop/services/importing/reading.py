"""Reading the ledger file: its checksum, the sheet, the header, the mapping step's preview and
the error report (which reads the file again, so the plan keeps no raw cells)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from ...sheets import exporter as sheet_exporter
from ...sheets.header import SCAN_ROWS, Header, HeaderNotFound, find_header
from ...sheets.mapping import suggest_mapping
from ...sheets.reader import SheetReader, SheetReadError
from ..context import ServiceError
from .model import ImportPlan, ImportSource, SheetPreview


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def open_sheet(source: ImportSource) -> SheetReader:
    try:
        return SheetReader(source.path, source.sheet)
    except SheetReadError as exc:
        raise ServiceError(exc.message) from None


def find_sheet_header(reader: SheetReader, head: list[Any]) -> Header:
    try:
        return find_header(head, reader.merged_ranges)
    except HeaderNotFound as exc:
        raise ServiceError(f"工作表“{reader.name}”：{exc.message}") from None


def inspect_sheet(path: str | Path, sheet: str | None = None, sample_rows: int = 5) -> SheetPreview:
    """The header found in a sheet, the suggested mapping and a few data rows as text."""
    with open_sheet(ImportSource(Path(path), sheet)) as reader:
        rows = reader.rows()
        head = list(islice(rows, SCAN_ROWS + sample_rows))
        header = find_sheet_header(reader, head)
        sample = [
            [show_cell(c) for c in r.cells]
            for r in head
            if r.number >= header.data_start and any(show_cell(c) for c in r.cells)
        ][:sample_rows]
        return SheetPreview(reader.name, header, suggest_mapping(header), sample)


def show_cell(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer() and abs(cell) < 1e15:
        return str(int(cell))
    if isinstance(cell, date):
        return cell.isoformat()[:10]
    return str(cell).strip()


def _reasons(plan: ImportPlan) -> dict[int, str]:
    out: dict[int, list[str]] = {}
    for e in plan.errors:
        out.setdefault(e.row, []).append(f"{e.column}：{e.reason}")
    for d in plan.duplicates:
        out.setdefault(d.row, []).append(f"与第{d.first_row}行重复（{d.reason}）")
    return {row: "；".join(reasons) for row, reasons in out.items()}


def save_error_report(plan: ImportPlan, source: ImportSource, out: str | Path) -> int:
    """Write the rows with errors or duplicates, as they were, plus 原行号 and 错误原因.

    The file is read again (the plan keeps no raw cells), so memory does not grow with the file.
    Returns the number of rows written.
    """
    reasons = _reasons(plan)
    width = max((c.index for c in plan.header.columns), default=-1) + 1
    labels = [""] * width
    for col in plan.header.columns:
        labels[col.index] = col.label
    with open_sheet(replace(source, sheet=plan.sheet)) as reader:

        def _rows() -> Iterator[tuple[int, list[Any], str]]:
            for raw in reader.rows():
                if raw.number in reasons:
                    yield raw.number, raw.cells, reasons[raw.number]

        return sheet_exporter.write_error_report(out, labels, _rows())
