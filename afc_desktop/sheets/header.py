"""Finding the header row of a hand-made ledger (表头识别).

Real 台账 start with title rows (“XX社区特殊困难老年人台账”, often merged across the sheet), may have a
blank row or a “填报单位：…” line, and sometimes a two-row header: a group header such as
“紧急联系人” merged over its sub-headers “姓名 | 电话”, with the other columns merged vertically
over both rows. :func:`find_header` scores the first rows against the field synonyms and returns
the header with one combined label per column (``紧急联系人/电话``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter

from afc_desktop.sheets.fields import match_field, normalize_label
from afc_desktop.sheets.reader import MergedRange, RawRow

SCAN_ROWS = 30


class HeaderNotFound(Exception):
    """No row looks like a header; ``message`` is plain Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class HeaderColumn:
    """One column of the header: 0-based index, letter, and its label parts."""

    index: int
    label: str  # what the user sees: "姓名" or "紧急联系人/电话"
    group: str = ""  # the group header above, "" when none
    sub: str = ""  # the column's own text under the group

    @property
    def letter(self) -> str:
        """Column letter as Excel shows it (A, B, ... AA)."""
        return get_column_letter(self.index + 1)

    def candidates(self) -> list[tuple[str, float]]:
        """Labels to match against synonyms, each with a weight (combined label first)."""
        out = [(self.label, 1.0)]
        if self.group and self.sub:
            out.append((self.sub, 0.9))
        return out


@dataclass(frozen=True)
class Header:
    """The header found: its Excel row numbers and one column per non-empty header cell."""

    first_row: int
    last_row: int
    columns: list[HeaderColumn]

    @property
    def data_start(self) -> int:
        """Excel row number of the first data row."""
        return self.last_row + 1

    def keys(self) -> list[str]:
        """Normalized labels, used to recognise header rows repeated inside the data."""
        return [normalize_label(c.label.replace("/", "")) for c in self.columns]


def _text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return " ".join(str(cell).split())


def _grid(rows: Sequence[RawRow], merged: Sequence[MergedRange]) -> list[list[str]]:
    """Header-area texts with merged ranges filled from their top-left cell."""
    width = max((len(r.cells) for r in rows), default=0)
    grid = [[_text(c) for c in r.cells] + [""] * (width - len(r.cells)) for r in rows]
    for (r0, c0), (r1, c1) in merged:
        if r0 >= len(grid) or c0 >= width:
            continue
        value = grid[r0][c0]
        for r in range(r0, min(r1, len(grid) - 1) + 1):
            for c in range(c0, min(c1, width - 1) + 1):
                grid[r][c] = value
    return grid


def _score(columns: list[HeaderColumn]) -> float:
    best: dict[str, float] = {}
    for col in columns:
        for label, weight in col.candidates():
            hit = match_field(label)
            if hit:
                field, score = hit
                best[field] = max(best.get(field, 0.0), score * weight)
    return sum(best.values())


def _single(grid: list[list[str]], r: int) -> list[HeaderColumn]:
    return [HeaderColumn(c, text, "", text) for c, text in enumerate(grid[r]) if text]


def _pair(grid: list[list[str]], r: int) -> list[HeaderColumn]:
    cols = []
    for c, (top, bottom) in enumerate(zip(grid[r], grid[r + 1], strict=True)):
        if not top and not bottom:
            continue
        if top == bottom or not top:
            cols.append(HeaderColumn(c, bottom, "", bottom))
        elif not bottom:
            cols.append(HeaderColumn(c, top, "", top))
        else:
            cols.append(HeaderColumn(c, f"{top}/{bottom}", top, bottom))
    return cols


def _has_group(grid: list[list[str]], merged: Sequence[MergedRange], r: int) -> bool:
    """Row r holds a group header: a horizontal merge over sub-headers that is not a title."""
    if r + 1 >= len(grid):
        return False
    below = [c for c, t in enumerate(grid[r + 1]) if t]
    if not below:
        return False
    for (r0, c0), (r1, c1) in merged:
        if r0 != r or c1 <= c0 or r1 != r:
            continue
        covers_all = c0 <= below[0] and c1 >= below[-1]
        if not covers_all and any(c0 <= c <= c1 for c in below):
            return True
    return False


def find_header(rows: Sequence[RawRow], merged: Sequence[MergedRange] = ()) -> Header:
    """Find the header among the first rows of a sheet (see module docstring).

    Raises :class:`HeaderNotFound` when no row names at least two known columns and no row
    looks like a row of column titles.
    """
    rows = list(rows[:SCAN_ROWS])
    grid = _grid(rows, merged)
    best: tuple[float, int, int, list[HeaderColumn]] | None = None
    for r in range(len(grid)):
        options = [(r, _single(grid, r), 0.0)]
        if _has_group(grid, merged, r):
            # a pair wins ties against its sub-header row alone: the group disambiguates
            options.append((r + 1, _pair(grid, r), 0.01))
        for last, cols, bonus in options:
            score = _score(cols) + bonus
            if best is None or score > best[0]:
                best = (score, r, last, cols)
    if best is not None and best[0] >= 1.5:
        _, first, last, cols = best
        return Header(rows[first].number, rows[last].number, cols)
    for r, texts in enumerate(grid):
        filled = [t for t in texts if t]
        if len(filled) >= 2 and all(not _looks_like_data(t) for t in filled):
            return Header(rows[r].number, rows[r].number, _single(grid, r))
    raise HeaderNotFound(f"在前{SCAN_ROWS}行中找不到表头行（如“姓名”“身份证号”），请检查所选工作表")


def _looks_like_data(text: str) -> bool:
    return any(ch.isdigit() for ch in text)
