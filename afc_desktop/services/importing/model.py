"""What an import reads, plans and reports (导入计划): the plain data the other parts share."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ...sheets.fields import FIELD_BY_KEY
from ...sheets.header import Header
from ...sheets.mapping import ColumnMapping
from ...sheets.rows import RowError
from ..context import ServiceError
from ..register import PersonInput

#: progress(stage, done, total): stage is "读取" (reading and checking) or "写入" (writing)
ProgressFn = Callable[[str, int, int], None]
CancelFn = Callable[[], bool]
BATCH = 500

# Fields compared and shown side by side for an update, in display order.
_COMPARED = (
    "name",
    "id_number",
    "sex",
    "birth_date",
    "phone",
    "address",
    "categories",
    "living_arrangement",
    "ability_grade",
    "ability_assessed_on",
    "emergency_contacts",
    "notes",
)
_LABELS = {
    "address": "现住址",
    "emergency_contacts": "紧急联系人",
    **{k: f.label for k, f in FIELD_BY_KEY.items()},
}
# Which sheet field a register validation problem belongs to (for the column in the error).
_PROBLEM_FIELD = {"emergency_contacts": "emergency_phone"}


class ImportCancelled(ServiceError):
    """The user cancelled; nothing was written."""

    def __init__(self) -> None:
        super().__init__("已取消导入，登记册未做任何改动")


@dataclass(frozen=True)
class ImportSource:
    """What to import: the file, the sheet (None: the first) and the mapping (None: suggested)."""

    path: Path
    sheet: str | None = None
    mapping: ColumnMapping | None = None


@dataclass(frozen=True)
class SheetPreview:
    """A sheet's header, the suggested mapping and the first data rows, for the mapping step."""

    sheet: str
    header: Header
    suggested: ColumnMapping
    sample: list[list[str]]


@dataclass(frozen=True)
class FieldChange:
    """One field of an update: label, old value and new value as shown to the user."""

    field: str
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class NewPerson:
    row: int
    name: str
    id_masked: str
    birth_date: date | None


@dataclass(frozen=True)
class UpdatedPerson:
    row: int
    person_id: str
    name: str
    matched_by: str  # "身份证号" | "姓名和出生日期"
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class DuplicateRow:
    row: int
    first_row: int
    name: str
    reason: str


@dataclass
class UpdateAction:
    """An update the commit will write through the ORM (it computes changed fields, base_rev)."""

    row: int
    person_id: str
    data: PersonInput
    address: str | None  # a new address (its household), or None: unchanged
    ability_grade: str | None
    ability_assessed_on: date | None
    changed: frozenset[str] = frozenset()


class PackedRows:
    """The new people's column values kept by a dry run for the commit, pickled ``chunk`` rows
    at a time: about a quarter of the memory of live dicts, so a plan of 200,000 people is
    small. ``chunks()`` gives fresh dicts each time (the plan stays reusable). The addresses
    (``"_address"``) are kept apart, so the household questions read them without unpacking.
    The pickles are made and read by this process only, never stored or received."""

    def __init__(self, chunk: int = 5000) -> None:
        self._packed: list[bytes] = []
        self._open: list[dict[str, Any]] = []
        self._addresses: list[str | None] = []
        self._chunk = chunk

    def append(self, row: dict[str, Any]) -> None:
        self._addresses.append(row.pop("_address", None))
        self._open.append(row)
        if len(self._open) >= self._chunk:
            self._packed.append(pickle.dumps(self._open, protocol=pickle.HIGHEST_PROTOCOL))
            self._open = []

    def __len__(self) -> int:
        return len(self._addresses)

    def addresses(self) -> list[str | None]:
        """Each row's address as written (``"_address"``), in order."""
        return self._addresses

    def chunks(self) -> Iterator[list[dict[str, Any]]]:
        """The rows in order, ``chunk`` at a time, as new dicts (with ``"_address"``)."""
        blobs = [*self._packed]
        if self._open:
            blobs.append(pickle.dumps(self._open, protocol=pickle.HIGHEST_PROTOCOL))
        at = 0
        for blob in blobs:
            rows: list[dict[str, Any]] = pickle.loads(blob)  # noqa: S301 - our own bytes
            for row, address in zip(rows, self._addresses[at : at + len(rows)], strict=True):
                row["_address"] = address
            at += len(rows)
            yield rows

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for chunk in self.chunks():
            yield from chunk


@dataclass
class ImportPlan:
    """What an import would do (the dry run), or did (after commit)."""

    file_name: str
    sha256: str
    sheet: str
    header: Header
    mapping: ColumnMapping
    total_rows: int = 0
    new: list[NewPerson] = field(default_factory=list)
    updated: list[UpdatedPerson] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    duplicates: list[DuplicateRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    skipped_blank: int = 0
    skipped_notes: int = 0
    skipped_footers: int = 0  # 填表人/审核人/填表日期 rows under the table
    register_mark: tuple[int, str] = (0, "")  # the register's state the plan was made on
    imported_before: list[str] = field(default_factory=list)  # "2026-11-28 王芳" per receipt
    # addresses not matched alone: new households that may be another's door (合并前请确认)
    address_questions: list[Any] = field(default_factory=list)  # households.AddressQuestion
    # The work the commit reuses: new people as Person column values (plus "_address"), ready
    # for the bulk path, and the updates for the ORM.
    _new_rows: PackedRows = field(default_factory=PackedRows, repr=False)
    _updates: list[UpdateAction] = field(default_factory=list, repr=False)
    _key: tuple[Any, ...] = field(default=(), repr=False)  # what the plan was made from

    @property
    def actions(self) -> int:
        """How many rows the commit writes (new and updated people)."""
        return len(self._new_rows) + len(self._updates)

    @property
    def error_rows(self) -> list[int]:
        """Excel numbers of the rows with at least one error, in order."""
        return sorted({e.row for e in self.errors})

    @property
    def clean(self) -> bool:
        """True when every row can be imported (no errors, no duplicates)."""
        return not self.errors and not self.duplicates

    def counts(self) -> dict[str, int]:
        """Row counts by outcome (rows, not error messages: a row may have several errors)."""
        return {
            "new": len(self.new),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "duplicate": len(self.duplicates),
            "error": len(self.error_rows),
        }

    def summary(self) -> str:
        """One line in Chinese: 新增 12 人，更新 3 人，无变化 40 人，文件内重复 1 行，有错误 2 行."""
        c = self.counts()
        text = (
            f"新增 {c['new']} 人，更新 {c['updated']} 人，无变化 {c['unchanged']} 人，"
            f"文件内重复 {c['duplicate']} 行，有错误 {c['error']} 行"
        )
        if self.skipped_footers:
            text += (
                f"；表尾签名行 {self.skipped_footers} 行（填表人、审核人、填表日期）已识别并跳过"
            )
        if self.address_questions:
            text += (
                f"；{len(self.address_questions)} 处地址待确认是否同一户"
                "（先分别建户，导入后可在“家庭”中核对合并）"
            )
        if self.imported_before:
            text += f"（注意：同一文件已于 {self.imported_before[-1]} 导入过）"
        return text


@dataclass(frozen=True)
class ImportResult:
    """A committed import: the plan as carried out, the receipt and the backup made before."""

    plan: ImportPlan
    receipt_id: str
    backup_file: str
    written_rows: int


@dataclass(frozen=True)
class ReceiptView:
    id: str
    at: Any
    file_name: str
    sha256: str
    user_name: str
    counts: dict[str, int]
    valid_only: bool
