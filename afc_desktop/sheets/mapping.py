"""Column mapping (列对应): which ledger column feeds which register field.

:func:`suggest_mapping` proposes one from the header synonyms; the user confirms or edits it, and
can save it as a small JSON file (format ``afc-column-mapping``, keyed by header label so it
applies to next month's ledger of the same shape). The file also carries the value maps of coded
columns (``sheets/values.py``): what 空巢 in a 居住状况 column means, once for the whole file.

Change log of the file format:

- **1**: ``columns`` — header label → field key.
- **2** (2026-11-30): optional ``values`` — field key → {ledger value → ``code:…`` |
  ``category:…`` | ``empty``}. Version 1 files still load (no value maps).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from afc_desktop.sheets.fields import FIELD_BY_KEY, IGNORE, match_field, normalize_label
from afc_desktop.sheets.header import Header

MAPPING_FORMAT = "afc-column-mapping"
MAPPING_VERSION = 2


class MappingError(Exception):
    """A mapping that cannot be used; ``message`` is plain Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class ColumnMapping:
    """Column index (0-based) → field key; unmapped columns are absent. ``source`` says where
    the mapping came from ("suggested" or a file name) so the user can be told."""

    fields: dict[int, str] = field(default_factory=dict)
    source: str = "suggested"
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # see sheets/values.py

    def column_for(self, key: str) -> int | None:
        """The column mapped to a field, or None."""
        for col, k in self.fields.items():
            if k == key:
                return col
        return None

    def mapped(self) -> dict[str, int]:
        """Field key → column, leaving out ignored columns."""
        return {k: c for c, k in sorted(self.fields.items()) if k != IGNORE}

    def problems(self) -> list[str]:
        """Reasons this mapping cannot import anything (Chinese); empty when usable."""
        out = []
        keys = [k for k in self.fields.values() if k != IGNORE]
        unknown = sorted({k for k in keys if k not in FIELD_BY_KEY})
        if unknown:
            out.append(f"未知的字段：{'、'.join(unknown)}")
        dupes = sorted({k for k in keys if keys.count(k) > 1})
        if dupes:
            labels = "、".join(FIELD_BY_KEY[k].label for k in dupes if k in FIELD_BY_KEY)
            out.append(f"同一字段对应了多列：{labels}")
        if "name" not in keys:
            out.append("必须指定“姓名”所在的列")
        if "id_number" not in keys and "birth_date" not in keys:
            out.append("必须指定“身份证号”或“出生日期”所在的列，否则无法识别是哪位老人")
        return out


def suggest_mapping(header: Header) -> ColumnMapping:
    """Propose a mapping: every column whose label names a field, each field used once.

    Exact synonym matches beat partial ones; a combined two-row label (紧急联系人/电话) beats
    its sub-header alone (电话).
    """
    triples = []
    for col in header.columns:
        for label, weight in col.candidates():
            hit = match_field(label)
            if hit:
                triples.append((hit[1] * weight, col.index, hit[0]))
    triples.sort(key=lambda t: (-t[0], t[1]))
    result: dict[int, str] = {}
    used: set[str] = set()
    for _score, col_index, key in triples:
        if col_index in result or (key in used and key != IGNORE):
            continue
        result[col_index] = key
        used.add(key)
    return ColumnMapping(dict(sorted(result.items())), "suggested")


def mapping_to_json(mapping: ColumnMapping, header: Header) -> dict[str, object]:
    """The saved form of a mapping: header label → field key."""
    labels = {c.index: c.label for c in header.columns}
    return {
        "format": MAPPING_FORMAT,
        "version": MAPPING_VERSION,
        "columns": [
            {"header": labels[c], "field": k}
            for c, k in sorted(mapping.fields.items())
            if c in labels
        ],
        "values": {k: dict(sorted(v.items())) for k, v in sorted(mapping.values.items()) if v},
    }


def save_mapping(path: str | Path, mapping: ColumnMapping, header: Header) -> None:
    """Write the mapping as JSON (UTF-8, readable)."""
    data = mapping_to_json(mapping, header)
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def load_mapping(path: str | Path, header: Header) -> ColumnMapping:
    """Apply a saved mapping file to a header: columns are found by label.

    Raises :class:`MappingError` when the file is not a mapping, or when a saved column is not
    in this sheet (the ledger changed shape; the user must look at it).
    """
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise MappingError(f"无法读取列对应文件“{p.name}”：{exc}") from None
    return mapping_from_json(data, header, p.name)


def mapping_from_json(data: object, header: Header, source: str) -> ColumnMapping:
    """Apply the saved form of a mapping (see :func:`mapping_to_json`) to a header."""
    if not isinstance(data, dict) or data.get("format") != MAPPING_FORMAT:
        raise MappingError(f"“{source}”不是列对应文件")
    if not isinstance(data.get("version"), int) or data["version"] > MAPPING_VERSION:
        raise MappingError(f"列对应文件“{source}”的版本较新，请升级本软件")
    by_label = {normalize_label(c.label): c.index for c in header.columns}
    fields: dict[int, str] = {}
    missing = []
    for entry in data.get("columns", []):
        label, key = str(entry.get("header", "")), str(entry.get("field", ""))
        if key not in FIELD_BY_KEY:
            raise MappingError(f"列对应文件“{source}”中有未知的字段“{key}”")
        col = by_label.get(normalize_label(label))
        if col is None:
            if key != IGNORE:
                missing.append(label)
            continue
        fields[col] = key
    if missing:
        raise MappingError(f"表格中找不到列对应文件所列的列：{'、'.join(missing)}")
    return ColumnMapping(dict(sorted(fields.items())), source, _value_maps(data, source))


def _value_maps(data: dict, source: str) -> dict[str, dict[str, str]]:
    from afc_desktop.sheets.values import ValueMapError, check_target

    raw = data.get("values") or {}
    if not isinstance(raw, dict):
        raise MappingError(f"列对应文件“{source}”中的值对应格式不对")
    out: dict[str, dict[str, str]] = {}
    for key, entries in raw.items():
        spec = FIELD_BY_KEY.get(str(key))
        if spec is None or not isinstance(entries, dict):
            raise MappingError(f"列对应文件“{source}”中有未知字段“{key}”的值对应")
        try:
            out[str(key)] = {
                str(value): check_target(spec.kind, str(target))
                for value, target in entries.items()
            }
        except ValueMapError as exc:
            raise MappingError(f"列对应文件“{source}”：{spec.label}列{exc.message}") from None
    return out


def header_signature(header: Header) -> str:
    """A short stable key for a header's shape (its normalized labels), to remember mappings."""
    text = "|".join(f"{c.index}:{normalize_label(c.label)}" for c in header.columns)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]
