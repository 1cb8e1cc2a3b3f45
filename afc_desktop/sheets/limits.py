"""Sane limits on a spreadsheet, checked before it is loaded (表格大小上限).

python-calamine loads a worksheet as one dense block: rows × columns of its used range, about
30 bytes a cell, whatever the cells hold. A 1 MB .xlsx with a value in A1 and another far down
and to the right (or a million repeated rows in an .ods) would take gigabytes and minutes. So
before calamine sees a sheet, its XML is read as a stream (expat, constant memory) to find the
cells that hold a value, and the sheet is refused up front when its used range passes:

- ``MAX_ROWS`` rows (200,000: a district's register is a few tens of thousands of people),
- ``MAX_COLUMNS`` columns (256; the import template has about 20),
- ``MAX_CELLS`` cells of used range (rows × columns, 6,000,000 ≈ 180 MB once loaded),
- or a used range more than ``MAX_SPARSENESS`` times larger than the cells really filled
  (stray values far from the table), past ``SPARSE_FLOOR`` cells.

Memory for a sheet within these limits stays proportional to the data really in it. A legacy
.xls cannot exceed 65,536 × 256 by its format; its range is checked right after loading.

An expat callback per element costs about four times calamine's own read of the sheet, so an
.xlsx is first scanned with two byte-level passes done in C (``_scan_plain_xlsx``): one regular
expression finds every cell start tag with an explicit reference that opens a value (``<v>`` or
``<is>``), and plain substring counts count the value elements. The result is trusted only when
the two agree and the XML has nothing that could hide a value from them (a namespace prefix on
a value element, a DOCTYPE or entity, a comment or CDATA section); otherwise the expat scan runs.
"""

from __future__ import annotations

import posixpath
import re
import xml.parsers.expat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

MAX_ROWS = 200_000
MAX_COLUMNS = 256
MAX_CELLS = 6_000_000
MAX_SPARSENESS = 20
SPARSE_FLOOR = 1_000_000
#: Uncompressed XML of one sheet: 200,000 rows of a full register are about 250 MB.
MAX_SHEET_XML = 400_000_000

_REF_RE = re.compile(r"([A-Z]+)(\d+)")
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


class SheetTooLarge(Exception):
    """A sheet past the limits; ``message`` is plain Chinese for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class UsedRange:
    """What a scan found: the bounding box of cells holding a value, and how many there are."""

    first_row: int = 0  # 1-based; 0 when empty
    last_row: int = 0
    first_col: int = 0
    last_col: int = 0
    filled: int = 0

    @property
    def rows(self) -> int:
        return self.last_row - self.first_row + 1 if self.filled else 0

    @property
    def columns(self) -> int:
        return self.last_col - self.first_col + 1 if self.filled else 0

    def add(self, row: int, col: int, count: int = 1) -> None:
        if not self.filled:
            self.first_row = self.last_row = row
            self.first_col = self.last_col = col
        else:
            self.first_row = min(self.first_row, row)
            self.last_row = max(self.last_row, row)
            self.first_col = min(self.first_col, col)
            self.last_col = max(self.last_col, col)
        self.filled += count


def column_letters(col: int) -> str:
    """1 → A, 27 → AA."""
    out = ""
    while col:
        col, rest = divmod(col - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n


def check_range(used: UsedRange, file_name: str, sheet: str) -> None:
    """Refuse a used range past the limits (SheetTooLarge)."""
    where = f"文件“{file_name}”的工作表“{sheet}”"
    if used.last_row > MAX_ROWS:
        raise SheetTooLarge(
            f"{where}用到了第 {used.last_row:,} 行，超过一次导入的上限 {MAX_ROWS:,} 行："
            "请拆分成几个文件分别导入，或删除表格下方多余的内容"
        )
    if used.last_col > MAX_COLUMNS:
        raise SheetTooLarge(
            f"{where}用到了第 {used.last_col:,} 列（{column_letters(used.last_col)} 列），"
            f"超过上限 {MAX_COLUMNS} 列：请删除表格右侧多余的内容"
        )
    area = used.rows * used.columns
    if area > MAX_CELLS:
        raise SheetTooLarge(
            f"{where}的内容范围有 {used.rows:,} 行 × {used.columns:,} 列，超过上限 "
            f"{MAX_CELLS:,} 个单元格：请拆分成几个文件分别导入"
        )
    if area > SPARSE_FLOOR and area > MAX_SPARSENESS * used.filled:
        raise SheetTooLarge(
            f"{where}的内容范围（{used.rows:,} 行 × {used.columns:,} 列）远大于实际填写的内容："
            "可能在很远的位置有零星的字或数字，请删除它们后再导入"
        )


# --- .xlsx / .xlsm ------------------------------------------------------------------------


def _xlsx_sheet_part(zf: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip member holding worksheet ``sheet`` (None when it cannot be told)."""
    import xml.etree.ElementTree as ET

    try:
        workbook = ET.fromstring(zf.read("xl/workbook.xml"))
        rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ET.ParseError):
        return None
    rel_id = None
    for el in workbook.iter(f"{{{_MAIN_NS}}}sheet"):
        if el.get("name") == sheet:
            rel_id = el.get(f"{{{_REL_NS}}}id")
            break
    for rel in rels.iter(f"{{{_PKG_REL_NS}}}Relationship"):
        if rel.get("Id") == rel_id:
            target = rel.get("Target", "")
            if target.startswith("/"):
                return target.lstrip("/")
            return posixpath.normpath(posixpath.join("xl", target))
    return None


# One pass finds every value element (<v>, <is>): with the start tag of its cell right before it
# (after a formula, if any) when that tag is plain ``<c r="B7" …>``, else alone (empty groups).
# ``<!`` (DOCTYPE, entity, comment, CDATA) and prefixed value elements match alone too: anything
# the byte scan cannot vouch for sends the sheet to the expat scan.
_VALUE_RE = re.compile(
    rb'<(?:c r="([A-Z]+)([0-9]+)"[^>]*>(?:<f\b[^>]*?/>|<f\b[^>]*>[^<]*</f>)?<)?(?:v|is)[\s/>]'
    rb"|<!|<[A-Za-z_][\w.-]*:(?:v|is)[\s/>]"
)
_SCAN_CHUNK = 4 << 20


def _scan_plain_xlsx(fh: IO[bytes]) -> UsedRange | None:
    """The used range from a byte-level scan, or None when the XML is not plain enough for it.

    Trusted only when every value element sits right inside a ``<c r="B7" …>`` start tag.
    Chunks are cut before the last ``<c`` so no match straddles a cut.
    """
    used = UsedRange()
    carry = b""
    at_end = False
    while not at_end:
        chunk = fh.read(_SCAN_CHUNK)
        at_end = not chunk
        buf = carry + chunk
        cut = len(buf) if at_end else buf.rfind(b"<c")
        if cut <= 0:
            if len(buf) > 4 * _SCAN_CHUNK:
                return None  # megabytes without a cell: not a sheet this scan knows
            carry = buf
            continue
        block, carry = buf[:cut], buf[cut:]
        cells = _VALUE_RE.findall(block)
        if not cells:
            continue
        letters, digits = zip(*cells, strict=True)
        if b"" in digits:
            return None
        cols = [_column_number(c.decode()) for c in set(letters)]
        rows = list(map(int, digits))
        last_row, last_col = max(rows), max(cols)
        used.add(min(rows), min(cols), len(cells))
        used.add(last_row, last_col, 0)
        if last_row > MAX_ROWS or last_col > MAX_COLUMNS:
            return used  # past a limit already: the caller refuses it
    return used


def scan_xlsx(path: Path, sheet: str, *, plain: bool = True) -> UsedRange | None:
    """The used range of ``sheet`` read as a stream; None when the part cannot be found.

    Stops with SheetTooLarge as soon as a cell lies past the row or column limit. With
    ``plain=False`` the expat scan runs even where the byte scan would do (tests compare them).
    """
    with zipfile.ZipFile(path) as zf:
        part = _xlsx_sheet_part(zf, sheet)
        if part is None or part not in zf.namelist():
            return None
        if zf.getinfo(part).file_size > MAX_SHEET_XML:
            raise SheetTooLarge(
                f"文件“{path.name}”的工作表“{sheet}”太大（解压后超过 "
                f"{MAX_SHEET_XML // 1_000_000} MB）：请拆分成几个文件分别导入"
            )
        if plain:
            with zf.open(part) as fh:
                found = _scan_plain_xlsx(fh)
            if found is not None:
                check_range(found, path.name, sheet)
                return found
        used = UsedRange()
        pending: list[tuple[int, int]] = []  # the open <c>, until we know it holds a value
        parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
        row_no = 0
        col_no = 0

        def start(name: str, attrs: dict[str, str]) -> None:
            nonlocal row_no, col_no
            local = name.rsplit(" ", 1)[-1]
            if local == "row":
                r = attrs.get("r")
                row_no = int(r) if r and r.isdigit() else row_no + 1
                col_no = 0
            elif local == "c":
                ref = attrs.get("r")
                m = _REF_RE.match(ref) if ref else None
                if m:
                    col_no = _column_number(m.group(1))
                    row_no = int(m.group(2))
                else:
                    col_no += 1
                pending[:] = [(row_no, col_no)]
            elif local in ("v", "is") and pending:
                row, col = pending.pop()
                if row > MAX_ROWS or col > MAX_COLUMNS:
                    used.add(row, col)
                    check_range(used, path.name, sheet)
                used.add(row, col)

        parser.StartElementHandler = start
        with zf.open(part) as fh:
            while chunk := fh.read(1 << 20):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    check_range(used, path.name, sheet)
    return used


# --- .ods -----------------------------------------------------------------------------------

_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def scan_ods(path: Path, sheet: str) -> UsedRange | None:
    """The used range of table ``sheet`` of an .ods, counting repeated rows and cells."""
    with zipfile.ZipFile(path) as zf:
        if "content.xml" not in zf.namelist():
            return None
        used = UsedRange()
        parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
        # row: rows before the current one; rows_rep: how many rows the current one stands for
        state = {"in": False, "row": 0, "col": 0, "rows_rep": 0, "found": False}

        def start(name: str, attrs: dict[str, str]) -> None:
            if name == f"{_TABLE_NS} table":
                state["in"] = attrs.get(f"{_TABLE_NS} name") == sheet
                state["found"] = state["found"] or bool(state["in"])
                state["row"] = state["rows_rep"] = 0
            elif not state["in"]:
                return
            elif name == f"{_TABLE_NS} table-row":
                state["row"] += state["rows_rep"]
                state["rows_rep"] = int(attrs.get(f"{_TABLE_NS} number-rows-repeated", "1"))
                state["col"] = 0
            elif name in (f"{_TABLE_NS} table-cell", f"{_TABLE_NS} covered-table-cell"):
                reps = int(attrs.get(f"{_TABLE_NS} number-columns-repeated", "1"))
                first_col = state["col"] + 1
                state["col"] += reps
                if f"{_OFFICE_NS} value-type" in attrs:
                    first_row = state["row"] + 1
                    last_row = state["row"] + state["rows_rep"]
                    used.add(first_row, first_col, reps * state["rows_rep"])
                    used.add(last_row, state["col"], 0)
                    if last_row > MAX_ROWS or state["col"] > MAX_COLUMNS:
                        check_range(used, path.name, sheet)

        parser.StartElementHandler = start
        with zf.open("content.xml") as fh:
            while chunk := fh.read(1 << 20):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    if not state["found"]:
        return None
    check_range(used, path.name, sheet)
    return used


def check_before_loading(path: Path, sheet: str) -> None:
    """Refuse ``sheet`` of ``path`` up front when it is past the limits (SheetTooLarge).

    A file this scan cannot make sense of is left to the reader, which reports it as damaged.
    """
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            scan_xlsx(path, sheet)
        elif suffix == ".ods":
            scan_ods(path, sheet)
    except (zipfile.BadZipFile, xml.parsers.expat.ExpatError, ValueError, OSError):
        return
