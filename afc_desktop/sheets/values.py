"""Value mapping (值对应): what the ledger's words mean in a coded column.

Ledgers write values the register does not know as codes: 空巢 in a 居住状况 column, 孤寡 among
the categories, 与老伴同住 for 与配偶居住. After the column mapping the import lists every such
value of a coded column with how many rows carry it, and the user maps each **once**:

- to a **code** of the column (``code:with_spouse`` — the 居住情况 与配偶居住),
- to a **category** (``category:empty_nest`` — the person gets 空巢; the column's own value is
  left empty), or
- to **nothing** (``empty`` — the cell is read as empty).

The choices are saved with the column mapping (``values`` in the mapping file, see
``sheets/mapping.py``) and apply to the whole file. Defaults: in a living-arrangement column a
category word (空巢, 留守) maps to that category with the arrangement left for the worker — 空巢
says who is away, not who the elder lives with.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from afc_desktop.domain.people import (
    DERIVED_CODES,
    EXPLICIT_CATEGORIES,
    LIVING_ARRANGEMENTS,
    CategoryError,
    category_code,
    category_label,
    living_arrangement_code,
    living_arrangement_label,
)
from afc_desktop.sheets.coerce import SPLIT, to_text

CODED_KINDS = ("living", "categories")
EMPTY = "empty"
CODE = "code:"
CATEGORY = "category:"

ValueMaps = dict[str, dict[str, str]]  # field key → raw value → target


class ValueMapError(ValueError):
    """A target that is not a code, a category or empty; ``message`` is plain Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Target:
    """One choice the user can make for a value."""

    value: str  # "code:with_spouse" | "category:empty_nest" | "empty"
    label: str  # 与配偶居住 | 类别：空巢 | 留空


def targets(kind: str) -> list[Target]:
    """Every choice for a column of ``kind`` ("living" or "categories"), in display order."""
    out: list[Target] = []
    if kind == "living":
        out += [Target(CODE + code, label) for code, label in LIVING_ARRANGEMENTS]
    out += [Target(CATEGORY + c.code, f"类别：{c.label}") for c in EXPLICIT_CATEGORIES]
    out.append(Target(EMPTY, "留空"))
    return out


def target_label(target: str) -> str:
    """How a target reads (与配偶居住, 类别：空巢, 留空)."""
    if target == EMPTY:
        return "留空"
    if target.startswith(CODE):
        return living_arrangement_label(target[len(CODE) :])
    if target.startswith(CATEGORY):
        return f"类别：{category_label(target[len(CATEGORY) :])}"
    return target


def check_target(kind: str, target: str) -> str:
    """``target`` when it is a valid choice for ``kind``; :class:`ValueMapError` otherwise."""
    if target in {t.value for t in targets(kind)}:
        return target
    raise ValueMapError(f"“{target}”不是该列可用的对应值")


def _known(kind: str, text: str) -> bool:
    try:
        if kind == "living":
            living_arrangement_code(text)
        else:
            category_code(text)
    except CategoryError:
        return False
    return True


def default_target(kind: str, text: str) -> str | None:
    """The mapping a value gets without asking: a category word in a living column."""
    if kind == "living":
        try:
            code = category_code(text)
        except CategoryError:
            return None
        return None if code in DERIVED_CODES else CATEGORY + code
    return None


def tokens(kind: str, cell: Any) -> list[str]:
    """The values one cell holds: the whole text for a living column, each part for categories."""
    text = to_text(cell)
    if text is None:
        return []
    if kind == "living":
        return [text]
    return [p for p in SPLIT.split(text) if p]


@dataclass(frozen=True)
class UnknownValue:
    """A value of a coded column that is not a known code: how often, and what it maps to now."""

    field: str
    value: str
    count: int
    target: str | None  # the saved or default mapping; None: still to choose


def count_unknown(
    kind: str, key: str, cells: Iterable[Any], saved: dict[str, str] | None = None
) -> list[UnknownValue]:
    """Every value of one coded column that is not a known code, with its count, most frequent
    first; each carries the saved mapping, else the default one, else None."""
    counts: Counter[str] = Counter()
    for cell in cells:
        for token in tokens(kind, cell):
            if not _known(kind, token):
                counts[token] += 1
    saved = saved or {}
    return [
        UnknownValue(key, value, n, saved.get(value) or default_target(kind, value))
        for value, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


@dataclass
class Applied:
    """A cell after the value map: the cell to coerce, and categories the map added."""

    cell: Any
    categories: list[str]


def apply(kind: str, cell: Any, value_map: dict[str, str]) -> Applied:
    """Rewrite one cell of a coded column by the value map (and the defaults)."""
    parts = tokens(kind, cell)
    if not parts:
        return Applied(cell, [])
    kept: list[str] = []
    added: list[str] = []
    for part in parts:
        target = None if _known(kind, part) else value_map.get(part) or default_target(kind, part)
        if target is None:
            kept.append(part)
        elif target.startswith(CATEGORY):
            added.append(target[len(CATEGORY) :])
        elif target.startswith(CODE):
            kept.append(target[len(CODE) :])
        # EMPTY: dropped
    new_cell = "、".join(kept) if kept else None
    return Applied(new_cell, added)


def scan_unknown(
    rows: Iterable[Any], data_start: int, columns: dict[str, tuple[int, str]],
    saved: dict[str, dict[str, str]] | None = None,
) -> list[UnknownValue]:  # fmt: skip
    """Unknown values of every coded column in ``rows`` (raw rows with ``number``/``cells``).

    ``columns``: field key → (column index, kind) for the coded columns mapped. Every row at or
    after ``data_start`` is read; the caller leaves out signature footers.
    """
    cells: dict[str, list[Any]] = {key: [] for key in columns}
    for raw in rows:
        if raw.number < data_start:
            continue
        for key, (col, _kind) in columns.items():
            if col < len(raw.cells):
                cells[key].append(raw.cells[col])
    found: list[UnknownValue] = []
    for key, (_col, kind) in columns.items():
        found += count_unknown(kind, key, cells[key], (saved or {}).get(key))
    return found
