"""Value mapping for an import (值对应): list what a ledger's coded columns hold that the
register does not know, so the user maps each value once. Rules: ``sheets/values.py``."""

from __future__ import annotations

from itertools import chain
from pathlib import Path

from ..sheets.fields import FIELD_BY_KEY, IGNORE
from ..sheets.header import SCAN_ROWS, HeaderNotFound, find_header
from ..sheets.mapping import ColumnMapping, suggest_mapping
from ..sheets.reader import SheetReader, SheetReadError
from ..sheets.rows import is_footer
from ..sheets.values import CODED_KINDS, UnknownValue, scan_unknown, target_label
from .context import ServiceError


def unknown_values(
    path: str | Path, sheet: str | None = None, mapping: ColumnMapping | None = None
) -> list[UnknownValue]:
    """Every value of a coded column (居住情况, 人员类别) that is not a known code, with its
    count and its current mapping (saved in ``mapping.values``, else the default, else None)."""
    try:
        with SheetReader(Path(path), sheet) as reader:
            rows = reader.rows()
            head = []
            for raw in rows:
                head.append(raw)
                if len(head) >= SCAN_ROWS:
                    break
            header = find_header(head, reader.merged_ranges)
            used = mapping or suggest_mapping(header)
            columns = {
                key: (col, FIELD_BY_KEY[key].kind)
                for col, key in used.fields.items()
                if key != IGNORE and key in FIELD_BY_KEY and FIELD_BY_KEY[key].kind in CODED_KINDS
            }
            if not columns:
                return []
            data = (r for r in chain(head, rows) if not is_footer(r.cells))
            return scan_unknown(data, header.data_start, columns, used.values)
    except SheetReadError as exc:
        raise ServiceError(exc.message) from None
    except HeaderNotFound as exc:
        raise ServiceError(exc.message) from None


def describe(values: list[UnknownValue]) -> list[str]:
    """One line per value for the dry run and the CLI: 居住情况“空巢”（2行）→ 类别：空巢."""
    out = []
    for v in values:
        label = FIELD_BY_KEY[v.field].label if v.field in FIELD_BY_KEY else v.field
        target = target_label(v.target) if v.target else "尚未指定（这些行会报错）"
        out.append(f"{label}“{v.value}”（{v.count}行）→ {target}")
    return out
