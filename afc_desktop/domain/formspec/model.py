"""The in-memory shape of a form definition (表单定义).

A definition is data (``forms/*.yaml``, format described in ``forms/README.md``); the loader turns
it into these frozen dataclasses, which drive validation, scoring, the Qt form and printing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ITEM_TYPES = ("choice", "multi", "text", "number", "date", "bool", "signature")

# An answer value as stored in JSON: choice -> option value, multi -> list of option values,
# text/signature/date ("YYYY-MM-DD") -> str, number -> int/float, bool -> bool.
Answer = Any
Answers = dict[str, Any]


@dataclass(frozen=True)
class Option:
    """One option of a choice/multi item; ``score`` is None for unscored options."""

    value: int | str
    label: str
    score: int | None = None
    exclusive: bool = False  # e.g. "无": cannot be combined with other options of a multi


@dataclass(frozen=True)
class Condition:
    """A declarative condition (used by ``visible_if`` and adjustment rules); never eval'ed.

    ``op`` is one of: equals, any_of, answered, at_least, at_most, sum_at_least, all, any, not.
    """

    op: str
    item: str | None = None
    items: tuple[str, ...] = ()
    value: Any = None
    values: tuple[Any, ...] = ()
    children: tuple[Condition, ...] = ()

    def referenced_items(self) -> set[str]:
        """Every item id the condition reads."""
        ids = set(self.items)
        if self.item:
            ids.add(self.item)
        for child in self.children:
            ids |= child.referenced_items()
        return ids


@dataclass(frozen=True)
class Item:
    """One question of a form. Its ``id`` is the source standard's numbering where there is one."""

    id: str
    label: str
    type: str
    section_id: str
    options: tuple[Option, ...] = ()
    required: bool = False
    visible_if: Condition | None = None
    min: float | None = None
    max: float | None = None
    max_length: int | None = None
    unit: str = ""
    definition: str = ""  # the standard's definition of the item (定义), printed under the label
    hint: str = ""
    provisional: bool = False
    row: str | None = None  # for table sections: the row id this cell belongs to
    column: str | None = None  # for table sections: the column key

    @property
    def scored(self) -> bool:
        """True when the item's options carry scores."""
        return self.type == "choice" and any(o.score is not None for o in self.options)

    @property
    def max_score(self) -> int:
        """The highest score any option gives (0 for unscored items)."""
        return max((o.score or 0 for o in self.options), default=0)

    def option(self, value: Any) -> Option | None:
        """The option with ``value`` (None when no option matches)."""
        for opt in self.options:
            if opt.value == value and type(opt.value) is type(value):
                return opt
        return None


@dataclass(frozen=True)
class Column:
    """A column of a table section (e.g. 现状 / 建议改造 / 已完成)."""

    key: str
    label: str
    type: str
    options: tuple[Option, ...] = ()


@dataclass(frozen=True)
class Row:
    """A row of a table section (e.g. one 适老化改造 project)."""

    id: str
    label: str
    tags: tuple[str, ...] = ()
    provisional: bool = False
    note: str = ""


@dataclass(frozen=True)
class Section:
    """A group of items; table sections also carry their rows and columns."""

    id: str
    title: str
    items: tuple[Item, ...]
    note: str = ""
    visible_if: Condition | None = None
    columns: tuple[Column, ...] = ()
    rows: tuple[Row, ...] = ()

    @property
    def is_table(self) -> bool:
        """True for a rows x columns section."""
        return bool(self.columns)


@dataclass(frozen=True)
class Subtotal:
    """A section subtotal (一级指标得分), the sum of the scores of ``items``."""

    id: str
    label: str
    items: tuple[str, ...]
    max: int


@dataclass(frozen=True)
class GradeBand:
    """A grade (等级) for totals in [min, max]; ``level`` 0 is the best."""

    level: int
    label: str
    min: int
    max: int


@dataclass(frozen=True)
class Adjustment:
    """A grade adjustment rule (e.g. GB/T 42195 C.4): when ``when`` holds, raise the level by
    ``raise_by`` or set it to at least ``set_level``; never past the worst band."""

    id: str
    text: str
    when: Condition
    raise_by: int = 0
    set_level: int | None = None


@dataclass(frozen=True)
class Scoring:
    """Subtotals, total, grade bands and adjustment rules of a scored form."""

    subtotals: tuple[Subtotal, ...]
    total_label: str
    total_max: int
    grades: tuple[GradeBand, ...]
    adjustments: tuple[Adjustment, ...] = ()


@dataclass(frozen=True)
class Note:
    """A note shown with the form; ``provisional`` marks unverified wording (standards [U]/[GAP])."""

    text: str
    provisional: bool = False


@dataclass(frozen=True)
class FormSpec:
    """A whole form definition (one id + version)."""

    id: str
    version: int
    title: str
    source: str
    sections: tuple[Section, ...]
    kind: str = "assessment"  # assessment | checklist | record | notice
    subtitle: str = ""
    notes: tuple[Note, ...] = ()
    scoring: Scoring | None = None
    # Which item holds which person field (name, sex, birth_date, id_number, phone, address,
    # community), so the register can pre-fill a new sheet and print its header.
    person_fields: dict[str, str] = field(default_factory=dict, compare=False)
    path: str = ""  # file it was loaded from (for messages)
    body: tuple[str, ...] = ()  # paragraphs printed before the sections (a notice's text)
    _index: dict[str, Item] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for section in self.sections:
            for item in section.items:
                self._index[item.id] = item

    @property
    def key(self) -> tuple[str, int]:
        """(id, version), the identity of a definition."""
        return (self.id, self.version)

    def items(self) -> list[Item]:
        """Every item in order."""
        return [item for section in self.sections for item in section.items]

    def item(self, item_id: str) -> Item:
        """The item with ``item_id``; KeyError when unknown."""
        return self._index[item_id]

    def has_item(self, item_id: str) -> bool:
        """True when the form has an item with this id."""
        return item_id in self._index

    def section(self, section_id: str) -> Section:
        """The section with ``section_id``; KeyError when unknown."""
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)
