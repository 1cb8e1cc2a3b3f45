"""Reading spreadsheets (.xlsx, .xls, .ods) with python-calamine.

python-calamine parses a worksheet in Rust and hands rows to Python one at a time, about ten times
faster than openpyxl's read-only mode (docs/design.md §5). This module hides its quirks: rows are
numbered as Excel numbers them (1-based) and every row is padded so that list index 0 is column A,
even when the sheet's used range starts further right.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import python_calamine as pc

from . import limits

SUPPORTED_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")

#: A merged range as ((first_row, first_col), (last_row, last_col)), 0-based, inclusive.
MergedRange = tuple[tuple[int, int], tuple[int, int]]


class SheetReadError(Exception):
    """A spreadsheet that cannot be read; ``message`` is plain Chinese for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class RawRow:
    """One row as read: its Excel row number (1-based) and cells indexed from column A."""

    number: int
    cells: list[Any]


def _open_workbook(path: Path) -> pc.CalamineWorkbook:
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise SheetReadError(
            f"不支持的文件类型“{path.suffix or '（无扩展名）'}”：请选择 .xlsx、.xls 或 .ods 文件"
        )
    if not path.exists():
        raise SheetReadError(f"找不到文件：{path}")
    try:
        return pc.CalamineWorkbook.from_path(str(path))
    except pc.PasswordError:
        raise SheetReadError(f"文件“{path.name}”设有打开密码，请先在Excel中取消密码") from None
    except Exception as exc:  # calamine raises several unrelated types for broken files
        raise SheetReadError(
            f"无法读取文件“{path.name}”：文件已损坏或不是表格文件（{exc}）"
        ) from None


def list_sheets(path: str | Path) -> list[str]:
    """Names of the visible worksheets of a workbook, in workbook order."""
    wb = _open_workbook(Path(path))
    try:
        return [
            m.name
            for m in wb.sheets_metadata
            if m.typ == pc.SheetTypeEnum.WorkSheet and m.visible == pc.SheetVisibleEnum.Visible
        ]
    finally:
        wb.close()


class SheetReader:
    """One worksheet opened for reading; use as a context manager.

    ``sheet`` is a name, or None for the first visible worksheet.
    """

    def __init__(self, path: str | Path, sheet: str | None = None) -> None:
        self.path = Path(path)
        self._wb = _open_workbook(self.path)
        names = [
            m.name
            for m in self._wb.sheets_metadata
            if m.typ == pc.SheetTypeEnum.WorkSheet and m.visible == pc.SheetVisibleEnum.Visible
        ]
        if sheet is None:
            if not names:
                self._wb.close()
                raise SheetReadError(f"文件“{self.path.name}”中没有可见的工作表")
            sheet = names[0]
        if sheet not in names:
            self._wb.close()
            raise SheetReadError(
                f"文件“{self.path.name}”中没有名为“{sheet}”的工作表（现有：{'、'.join(names)}）"
            )
        try:
            # before calamine loads the sheet as one dense block (sheets/limits.py)
            limits.check_before_loading(self.path, sheet)
            self._sheet = self._wb.get_sheet_by_name(sheet)
            start, end = self._sheet.start, self._sheet.end
            if start is not None and end is not None:
                used = limits.UsedRange(start[0] + 1, end[0] + 1, start[1] + 1, end[1] + 1, 1)
                used.filled = used.rows * used.columns  # dense: sparseness is not known here
                limits.check_range(used, self.path.name, sheet)
        except limits.SheetTooLarge as exc:
            self._wb.close()
            raise SheetReadError(exc.message) from None
        except Exception:
            self._wb.close()
            raise SheetReadError(
                f"文件“{self.path.name}”中的工作表“{sheet}”无法读取：文件已损坏或不是表格文件"
            ) from None
        self.name = sheet

    def __enter__(self) -> SheetReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the workbook."""
        self._wb.close()

    @property
    def row_count(self) -> int:
        """Number of rows up to the last used one (an estimate for progress bars)."""
        end = self._sheet.end
        return 0 if end is None else end[0] + 1

    @property
    def merged_ranges(self) -> list[MergedRange]:
        """Merged cell ranges (0-based, inclusive); empty when the format does not record them."""
        try:
            ranges = self._sheet.merged_cell_ranges
        except Exception:
            return []
        return list(ranges or [])

    def rows(self) -> Iterator[RawRow]:
        """Every row from row 1 to the last used row; cell index 0 is column A."""
        start = self._sheet.start
        pad: list[Any] = [""] * (start[1] if start else 0)
        for index, cells in enumerate(self._sheet.iter_rows()):
            yield RawRow(index + 1, pad + cells if pad else cells)
