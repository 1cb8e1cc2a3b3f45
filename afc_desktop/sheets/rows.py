"""From raw sheet rows to parsed register rows with their errors (逐行解析).

Applies the column mapping and the coercion rules to every data row below the header and checks
each row on its own: a name and an ID number (or at least a birth date) are required, and a birth
date or sex typed beside a valid ID number must agree with it. Blank rows, header rows repeated
inside the data (printed ledgers) and trailing notes (“注：…”, “合计 120 人”) are skipped; a row
without name and ID number that is followed by real rows is an error. The signature footer under
a ledger (填表人：王芳　审核人：李娜　填表日期：2026年11月30日, wherever its cells fall, even in
the name column) is recognised and skipped, and counted so the dry run can say so.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from openpyxl.utils import get_column_letter

from afc_desktop.clock import process_clock
from afc_desktop.sheets.coerce import CellError, is_blank, to_value
from afc_desktop.sheets.fields import FIELD_BY_KEY, FLAG_PREFIX, IGNORE, normalize_label
from afc_desktop.sheets.header import Header
from afc_desktop.sheets.mapping import ColumnMapping
from afc_desktop.sheets.reader import RawRow
from afc_desktop.sheets.values import CODED_KINDS
from afc_desktop.sheets.values import apply as apply_value_map

_NOTE_WORDS = (
    "注",
    "备注",
    "说明",
    "合计",
    "总计",
    "小计",
    "共计",
    "制表",
    "填表",
    "审核",
    "负责人",
)


@dataclass(frozen=True)
class RowError:
    """A problem with one row: Excel row number, column (letter and header) and the reason."""

    row: int
    column: str
    reason: str


@dataclass
class ParsedRow:
    """One data row: its Excel row number, coerced values by field key, and its errors."""

    number: int
    values: dict[str, Any] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the row has no error."""
        return not self.errors


# Words that open a ledger's signature footer (填表人：… 审核人：… 填表日期：…).
FOOTER_WORDS = (
    "填表人",
    "填报人",
    "制表人",
    "审核人",
    "审核",
    "负责人",
    "经办人",
    "统计人",
    "填表日期",
    "填报日期",
    "制表日期",
    "审核日期",
    "报送日期",
    "单位盖章",
    "（盖章）",
)


@dataclass
class ParseStats:
    """What the parser skipped: blank rows, repeated headers, trailing notes, footers."""

    blank: int = 0
    repeated_headers: int = 0
    notes: int = 0
    footers: int = 0


def is_footer(cells: list[Any]) -> bool:
    """A signature footer row: some cell opens with 填表人 / 审核人 / 填表日期 …"""
    for cell in cells:
        if is_blank(cell) or not isinstance(cell, str):
            continue
        text = cell.strip().replace(" ", "").replace("\u3000", "")
        if text.startswith(FOOTER_WORDS):
            return True
    return False


def _is_note(cells: list[Any]) -> bool:
    filled = [c for c in cells if not is_blank(c)]
    if len(filled) == 1:
        return True
    text = str(filled[0]).strip() if filled else ""
    return text.startswith(_NOTE_WORDS)


class RowParser:
    """Turns raw rows into :class:`ParsedRow` objects for one header and mapping."""

    def __init__(self, header: Header, mapping: ColumnMapping, *, today: date | None = None):
        self.header = header
        self.mapping = mapping
        self.today = today or process_clock().today()
        self.stats = ParseStats()
        self._columns = [
            (col, key, FIELD_BY_KEY[key].kind)
            for col, key in sorted(mapping.fields.items())
            if key != IGNORE and key in FIELD_BY_KEY
        ]
        labels = {c.index: c.label for c in header.columns}
        self._labels = {
            col: f"{c_letter(col)}列“{labels.get(col, '')}”" for col, _k, _kind in self._columns
        }
        self._header_keys = header.keys()
        self._header_cols = [c.index for c in header.columns]
        self._coerced: dict[tuple[str, type, Any], Any] = {}

    def _coerce(self, kind: str, cell: Any) -> Any:
        """``to_value`` once per distinct cell of a kind (a ledger repeats most values);
        ID numbers, all different, skip the memo."""
        if kind == "id":
            return to_value(kind, cell, today=self.today)
        key = (kind, type(cell), cell)
        try:
            hit = self._coerced[key]
        except KeyError:
            try:
                hit = to_value(kind, cell, today=self.today)
            except CellError as exc:
                hit = exc
            self._coerced[key] = hit
        except TypeError:  # an unhashable cell: no memo
            return to_value(kind, cell, today=self.today)
        if isinstance(hit, CellError):
            raise hit
        return list(hit) if isinstance(hit, list) else hit

    def column_label(self, key: str) -> str:
        """How errors name the column of a field (C列“身份证号”), or the field label."""
        col = self.mapping.column_for(key)
        if col is not None and col in self._labels:
            return self._labels[col]
        return f"“{FIELD_BY_KEY[key].label}”" if key in FIELD_BY_KEY else key

    def parse(self, rows: Iterable[RawRow]) -> Iterator[ParsedRow]:
        """Parse every data row below the header; see the module docstring for what is skipped."""
        pending: list[RawRow] = []
        name_col = self.mapping.column_for("name")
        id_col = self.mapping.column_for("id_number")
        for raw in rows:
            if raw.number < self.header.data_start:
                continue
            cells = raw.cells
            if all(is_blank(c) for c in cells):
                self.stats.blank += 1
                continue
            if self._is_header_again(cells):
                self.stats.repeated_headers += 1
                continue
            if is_footer(cells):
                self.stats.footers += 1
                continue
            has_name = (
                name_col is not None and name_col < len(cells) and not is_blank(cells[name_col])
            )
            has_id = id_col is not None and id_col < len(cells) and not is_blank(cells[id_col])
            if not has_name and not has_id:
                pending.append(raw)
                continue
            for held in pending:
                if _is_note(held.cells):
                    self.stats.notes += 1
                else:
                    yield self._parse_row(held)
            pending.clear()
            yield self._parse_row(raw)
        self.stats.notes += len(pending)

    def _is_header_again(self, cells: list[Any]) -> bool:
        if not self._header_cols:
            return False
        for col, key in zip(self._header_cols, self._header_keys, strict=True):
            cell = cells[col] if col < len(cells) else None
            if normalize_label(cell) != key and not ("/" in key and is_blank(cell)):
                return False
        return True

    def _parse_row(self, raw: RawRow) -> ParsedRow:
        row = ParsedRow(raw.number)
        cells = raw.cells
        flags: list[str] = []
        for col, key, kind in self._columns:
            cell = cells[col] if col < len(cells) else None
            if kind in CODED_KINDS:
                applied = apply_value_map(kind, cell, self.mapping.values.get(key, {}))
                cell = applied.cell
                flags += applied.categories
            try:
                value = self._coerce(kind, cell)
            except CellError as exc:
                row.errors.append(RowError(raw.number, self._labels[col], exc.message))
                continue
            if key.startswith(FLAG_PREFIX):
                if value:
                    flags.append(key[len(FLAG_PREFIX) :])
            elif value is not None:
                row.values[key] = value
        if flags:
            merged = list(row.values.get("categories") or [])
            row.values["categories"] = merged + [f for f in flags if f not in merged]
        self._check(row)
        return row

    def _check(self, row: ParsedRow) -> None:
        values = row.values
        bad = {e.column for e in row.errors}
        if "name" not in values:
            row.errors.append(RowError(row.number, self.column_label("name"), "缺少姓名"))
        id_number = values.get("id_number")
        if id_number is None:
            if self.column_label("id_number") not in bad and "birth_date" not in values:
                row.errors.append(
                    RowError(
                        row.number,
                        self.column_label("id_number"),
                        "缺少身份证号（没有身份证号时至少要填出生日期）",
                    )
                )
            return
        # already validated by coercion: birth date and sex are read off the number
        born = date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
        sex_from_id = "M" if int(id_number[16]) % 2 else "F"
        birth = values.get("birth_date")
        if birth is not None and birth != born:
            row.errors.append(
                RowError(
                    row.number,
                    self.column_label("birth_date"),
                    f"出生日期{birth.isoformat()}与身份证号中的{born.isoformat()}不符",
                )
            )
        sex = values.get("sex")
        if sex is not None and sex != sex_from_id:
            row.errors.append(
                RowError(
                    row.number,
                    self.column_label("sex"),
                    f"性别“{'男' if sex == 'M' else '女'}”与身份证号不符",
                )
            )
        values["birth_date"] = born
        values["sex"] = sex_from_id


def c_letter(col: int) -> str:
    """Excel column letter for a 0-based column index."""
    return get_column_letter(col + 1)
