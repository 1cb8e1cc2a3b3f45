"""Importing the ledgers offices already keep (台账导入): a dry run first, then one transaction.

:func:`preview_import` reads the sheet and says what would happen — new people, updates to people
already registered (matched by ID number, else by name + birth date; shown old beside new),
duplicates inside the file and row errors (row number, column, reason) — and writes nothing.
:func:`commit_import` makes a backup of the database, then does the same reading again inside one
transaction and writes every row (or, by explicit choice, only the valid rows) through the store,
so the change log records each person. Cancelled, failed or killed half-way, it leaves the
register as it was. An :class:`~afc_desktop.store.models.imports.ImportReceipt` records the file.

Updates only touch the columns the sheet maps and fills: an empty cell never erases a value.
People living at the same address (现住址) share one household (家庭).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import chain, islice
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain import people
from ..domain.idcard import mask_id_number
from ..sheets import exporter as sheet_exporter
from ..sheets.fields import FIELD_BY_KEY
from ..sheets.header import SCAN_ROWS, Header, HeaderNotFound, find_header
from ..sheets.mapping import (
    ColumnMapping,
    MappingError,
    header_signature,
    mapping_from_json,
    mapping_to_json,
    suggest_mapping,
)
from ..sheets.reader import SheetReader, SheetReadError
from ..sheets.rows import ParsedRow, RowError, RowParser
from ..store.bulk import insert_synced
from ..store.models import ChangeEvent, Household, Person, Setting, new_id
from ..store.models.imports import ImportReceipt
from . import audit
from .context import AppContext, ServiceError
from .register import SEX_LABELS, EmergencyContact, PersonInput, local_community_id, validate_person

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
class _Action:
    row: int
    person_id: str | None  # None: a new person
    data: PersonInput
    address: str | None
    ability_grade: str | None
    ability_assessed_on: date | None
    changed: frozenset[str] = frozenset()


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
    register_mark: tuple[int, str] = (0, "")  # the register's state the plan was made on
    imported_before: list[str] = field(default_factory=list)  # "2026-11-28 王芳" per receipt
    _actions: list[_Action] = field(default_factory=list, repr=False)

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


# --- reading ---------------------------------------------------------------------------------


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _open(source: ImportSource) -> SheetReader:
    try:
        return SheetReader(source.path, source.sheet)
    except SheetReadError as exc:
        raise ServiceError(exc.message) from None


def _header(reader: SheetReader, head: list[Any]) -> Header:
    try:
        return find_header(head, reader.merged_ranges)
    except HeaderNotFound as exc:
        raise ServiceError(f"工作表“{reader.name}”：{exc.message}") from None


def inspect_sheet(path: str | Path, sheet: str | None = None, sample_rows: int = 5) -> SheetPreview:
    """The header found in a sheet, the suggested mapping and a few data rows as text."""
    with _open(ImportSource(Path(path), sheet)) as reader:
        rows = reader.rows()
        head = list(islice(rows, SCAN_ROWS + sample_rows))
        header = _header(reader, head)
        sample = [
            [_show_cell(c) for c in r.cells]
            for r in head
            if r.number >= header.data_start and any(_show_cell(c) for c in r.cells)
        ][:sample_rows]
        return SheetPreview(reader.name, header, suggest_mapping(header), sample)


def _show_cell(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer() and abs(cell) < 1e15:
        return str(int(cell))
    if isinstance(cell, date):
        return cell.isoformat()[:10]
    return str(cell).strip()


# --- the register as the import sees it ------------------------------------------------------


class _RegisterIndex:
    """Live people by ID number and by (name, birth date), and households by address."""

    def __init__(self, s: Session) -> None:
        self.by_id: dict[str, str] = {}
        self.by_name_birth: dict[tuple[str, date], list[tuple[str, bool]]] = {}
        for pid, id_number, name, birth in s.execute(
            select(Person.id, Person.id_number, Person.name, Person.birth_date).where(
                Person.deleted.is_(False)
            )
        ):
            if id_number:
                self.by_id[id_number] = pid
            if birth is not None:
                self.by_name_birth.setdefault((name, birth), []).append((pid, bool(id_number)))
        self.households: dict[str, str] = {}
        for hid, text in s.execute(
            select(Household.id, Household.address_text).where(Household.deleted.is_(False))
        ):
            if text:
                self.households.setdefault(text, hid)

    def match(self, values: dict[str, Any]) -> tuple[str | None, str, str | None]:
        """(person id or None, matched by, error). See the module docstring."""
        id_number = values.get("id_number")
        if id_number and id_number in self.by_id:
            return self.by_id[id_number], "身份证号", None
        birth = values.get("birth_date")
        if birth is None:
            return None, "", None
        found = self.by_name_birth.get((values.get("name", ""), birth), [])
        if id_number:  # only someone registered without an ID number can be this person
            found = [f for f in found if not f[1]]
        if len(found) > 1:
            return (
                None,
                "",
                "登记册中有多位同名且出生日期相同的人员，无法确定对应哪一位，请先补全身份证号",
            )
        if found:
            return found[0][0], "姓名和出生日期", None
        return None, "", None


# --- planning --------------------------------------------------------------------------------


def _input_from_row(values: dict[str, Any]) -> PersonInput:
    contacts: tuple[EmergencyContact, ...] = ()
    if values.get("emergency_contact") or values.get("emergency_phone"):
        contacts = (
            EmergencyContact(
                values.get("emergency_contact", ""), "", values.get("emergency_phone", "")
            ),
        )
    return PersonInput(
        name=values.get("name", ""),
        id_number=values.get("id_number", ""),
        sex=values.get("sex"),
        birth_date=values.get("birth_date"),
        phone=values.get("phone", ""),
        living_arrangement=values.get("living_arrangement", ""),
        categories=tuple(values.get("categories", ())),
        emergency_contacts=contacts,
        notes=values.get("notes", ""),
    )


def _input_from_person(p: Person) -> PersonInput:
    return PersonInput(
        name=p.name,
        id_number=p.id_number or "",
        sex=p.sex,
        birth_date=p.birth_date,
        phone=p.phone,
        household_id=p.household_id,
        relation_to_head=p.relation_to_head,
        is_elder=p.is_elder,
        living_arrangement=p.living_arrangement,
        categories=tuple(p.categories or ()),
        emergency_contacts=tuple(
            EmergencyContact(c.get("name", ""), c.get("relation", ""), c.get("phone", ""))
            for c in p.emergency_contacts or []
        ),
        consent=p.consent,
        consent_date=p.consent_date,
        notes=p.notes,
    )


def _overlay(base: PersonInput, values: dict[str, Any]) -> PersonInput:
    """The existing person with the row's filled cells laid over (empty cells change nothing)."""
    row = _input_from_row(values)
    updates: dict[str, Any] = {}
    for key in ("name", "id_number", "sex", "birth_date", "phone", "living_arrangement", "notes"):
        if key in values:
            updates[key] = getattr(row, key)
    if "categories" in values:
        updates["categories"] = row.categories
    if row.emergency_contacts:
        new = row.emergency_contacts[0]
        rest = [c for c in base.emergency_contacts if c.name != new.name][
            : max(0, len(base.emergency_contacts) - 1)
        ]
        old = next((c for c in base.emergency_contacts if c.name == new.name), None)
        if old is not None:
            new = replace(old, phone=new.phone or old.phone)
        updates["emergency_contacts"] = (new, *rest)
    return replace(base, **updates)


def _show(key: str, value: Any) -> str:
    if value is None or value == "" or value == () or value == []:
        return ""
    if key == "sex":
        return SEX_LABELS.get(value, str(value))
    if key == "categories":
        return "、".join(people.category_label(c) for c in value)
    if key == "living_arrangement":
        return people.living_arrangement_label(value)
    if key == "emergency_contacts":
        return "；".join(" ".join(x for x in (c.name, c.phone) if x) for c in value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class _Planner:
    """Classifies parsed rows against the register (one pass, batches of rows)."""

    def __init__(self, ctx: AppContext, s: Session, plan: ImportPlan, parser: RowParser) -> None:
        self.ctx = ctx
        self.s = s
        self.plan = plan
        self.parser = parser
        self.index = _RegisterIndex(s)
        self.seen_ids: dict[str, int] = {}
        self.seen_name_birth: dict[tuple[str, date], int] = {}
        self.seen_people: dict[str, int] = {}
        self.today = ctx.today()

    def add_batch(self, batch: list[ParsedRow]) -> None:
        matches: list[tuple[ParsedRow, str, str]] = []
        for row in batch:
            if not row.ok:
                self.plan.errors.extend(row.errors)
                continue
            if self._duplicate(row):
                continue
            pid, how, problem = self.index.match(row.values)
            if problem:
                self.plan.errors.append(
                    RowError(row.number, self.parser.column_label("name"), problem)
                )
            elif pid is None:
                self._new(row)
            elif pid in self.seen_people:
                self.plan.duplicates.append(
                    DuplicateRow(
                        row.number,
                        self.seen_people[pid],
                        row.values["name"],
                        "与前面一行对应登记册中的同一人",
                    )
                )
            else:
                self.seen_people[pid] = row.number
                matches.append((row, pid, how))
        if matches:
            self._updates(matches)

    def _duplicate(self, row: ParsedRow) -> bool:
        values = row.values
        id_number = values.get("id_number")
        if id_number:
            first = self.seen_ids.setdefault(id_number, row.number)
            reason = "身份证号与前面一行相同"
        else:
            key = (values["name"], values["birth_date"])
            first = self.seen_name_birth.setdefault(key, row.number)
            reason = "姓名和出生日期与前面一行相同"
        if first != row.number:
            self.plan.duplicates.append(DuplicateRow(row.number, first, values["name"], reason))
            return True
        return False

    def _problems(self, row: ParsedRow, data: PersonInput) -> PersonInput | None:
        cleaned, problems = validate_person(data, self.today)
        for p in problems:
            key = _PROBLEM_FIELD.get(p.field, p.field)
            self.plan.errors.append(RowError(row.number, self.parser.column_label(key), p.message))
        return None if problems else cleaned

    def _new(self, row: ParsedRow) -> None:
        cleaned = self._problems(row, _input_from_row(row.values))
        if cleaned is None:
            return
        v = row.values
        self.plan.new.append(
            NewPerson(
                row.number, cleaned.name, mask_id_number(cleaned.id_number), cleaned.birth_date
            )
        )
        self.plan._actions.append(
            _Action(
                row.number,
                None,
                cleaned,
                v.get("address"),
                v.get("ability_grade"),
                v.get("ability_assessed_on"),
            )
        )

    def _updates(self, matches: list[tuple[ParsedRow, str, str]]) -> None:
        ids = [pid for _r, pid, _h in matches]
        found: dict[str, tuple[Person, str]] = {}
        stmt = (
            select(Person, Household.address_text)
            .outerjoin(Household, Household.id == Person.household_id)
            .where(Person.id.in_(ids))
        )
        for person, address in self.s.execute(stmt):
            found[person.id] = (person, address or "")
        for row, pid, how in matches:
            person, address = found[pid]
            base = _input_from_person(person)
            cleaned = self._problems(row, _overlay(base, row.values))
            if cleaned is None:
                continue
            v = row.values
            old: dict[str, Any] = {
                "address": address,
                "ability_grade": person.ability_grade,
                "ability_assessed_on": person.ability_assessed_on,
            }
            new: dict[str, Any] = {
                "address": v.get("address", address),
                "ability_grade": v.get("ability_grade", person.ability_grade),
                "ability_assessed_on": v.get("ability_assessed_on", person.ability_assessed_on),
            }
            for key in _COMPARED:
                if key not in old:
                    old[key] = getattr(base, key)
                    new[key] = getattr(cleaned, key)
            changed = [k for k in _COMPARED if old[k] != new[k]]
            if not changed:
                self.plan.unchanged.append(row.number)
                continue
            self.plan.updated.append(
                UpdatedPerson(
                    row.number,
                    pid,
                    person.name,
                    how,
                    tuple(
                        FieldChange(k, _LABELS.get(k, k), _show(k, old[k]), _show(k, new[k]))
                        for k in changed
                    ),
                )
            )
            self.plan._actions.append(
                _Action(
                    row.number,
                    pid,
                    cleaned,
                    new["address"] if "address" in changed else None,
                    new["ability_grade"],
                    new["ability_assessed_on"],
                    frozenset(changed),
                )
            )


def _register_mark(s: Session) -> tuple[int, str]:
    """A cheap fingerprint of the register: any write since adds a change event."""
    count, last = s.execute(select(func.count(), func.max(ChangeEvent.at))).one()
    return int(count or 0), str(last or "")


def _checkpoint(cancel: CancelFn | None) -> None:
    if cancel is not None and cancel():
        raise ImportCancelled()


def _plan(
    ctx: AppContext,
    s: Session,
    source: ImportSource,
    sha256: str,
    progress: ProgressFn | None,
    cancel: CancelFn | None,
) -> ImportPlan:
    with _open(source) as reader:
        total = reader.row_count
        rows = reader.rows()
        head = list(islice(rows, SCAN_ROWS))
        header = _header(reader, head)
        mapping = source.mapping or suggest_mapping(header)
        problems = mapping.problems()
        if problems:
            raise ServiceError("列对应有问题：" + "；".join(problems))
        parser = RowParser(header, mapping, today=ctx.today())
        plan = ImportPlan(source.path.name, sha256, reader.name, header, mapping)
        plan.register_mark = _register_mark(s)
        plan.imported_before = [
            f"{ctx.clock.local(r.at):%Y-%m-%d %H:%M} {r.user_name}"
            for r in s.scalars(
                select(ImportReceipt)
                .where(ImportReceipt.sha256 == sha256)
                .order_by(ImportReceipt.at)
            )
        ]
        planner = _Planner(ctx, s, plan, parser)
        batch: list[ParsedRow] = []
        last = 0
        for parsed in parser.parse(chain(head, rows)):
            batch.append(parsed)
            last = parsed.number
            if len(batch) >= BATCH:
                planner.add_batch(batch)
                batch = []
                _checkpoint(cancel)
                if progress:
                    progress("读取", last, total)
        planner.add_batch(batch)
        plan.total_rows = len(plan.new) + len(plan.updated) + len(plan.unchanged)
        plan.total_rows += len(plan.duplicates) + len(plan.error_rows)
        plan.skipped_blank = parser.stats.blank
        plan.skipped_notes = parser.stats.notes + parser.stats.repeated_headers
        plan.errors.sort(key=lambda e: e.row)
        plan.duplicates.sort(key=lambda d: d.row)
        if progress:
            progress("读取", total, total)
        return plan


def preview_import(
    ctx: AppContext,
    source: ImportSource,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
) -> ImportPlan:
    """The dry run (预览): what the import would do. Writes nothing."""
    ctx.require_user()
    sha = file_sha256(source.path) if source.path.exists() else ""
    with ctx.session() as s:
        plan = _plan(ctx, s, source, sha, progress, cancel)
        s.rollback()
        return plan


# --- committing ------------------------------------------------------------------------------


_URBAN = re.compile(
    r"^(?P<estate>.*?\D)(?P<building>\d+)[幢栋号]楼?(?:(?P<unit>\d+)单元)?(?P<room>\d+)室?$"
)


def _household_row(address: str, community_id: str | None) -> dict[str, Any]:
    """A new household for an address as written; 小区/楼栋/单元/室 filled when it parses."""
    row: dict[str, Any] = {
        "id": new_id(),
        "kind": "urban",
        "address_text": address,
        "community_id": community_id,
    }
    m = _URBAN.match(address)
    if m:
        row.update(estate=m["estate"], building=m["building"], unit=m["unit"] or "", room=m["room"])
    return row


def _values(a: _Action) -> dict[str, Any]:
    """Every imported column of an action, by Person attribute name."""
    d = a.data
    return {
        "name": d.name,
        "id_number": d.id_number or None,
        "sex": d.sex,
        "birth_date": d.birth_date,
        "phone": d.phone,
        "living_arrangement": d.living_arrangement,
        "categories": list(d.categories),
        "emergency_contacts": [
            {"name": c.name, "relation": c.relation, "phone": c.phone} for c in d.emergency_contacts
        ],
        "notes": d.notes,
        "ability_grade": a.ability_grade or "",
        "ability_assessed_on": a.ability_assessed_on,
    }


def _write(
    s: Session,
    plan: ImportPlan,
    community_id: str | None,
    progress: ProgressFn | None,
    cancel: CancelFn | None,
) -> int:
    """Write the plan: new households and people on the bulk path, edits through the ORM
    (which computes changed fields and base_rev). Both record change events."""
    index_households = {
        text: hid
        for hid, text in s.execute(
            select(Household.id, Household.address_text).where(Household.deleted.is_(False))
        )
        if text
    }
    actions = plan._actions
    done = 0
    for start in range(0, len(actions), BATCH):
        chunk = actions[start : start + BATCH]
        households = []
        for a in chunk:  # households first, so members' search text sees the address
            if a.address and a.address not in index_households:
                row = _household_row(a.address, community_id)
                index_households[a.address] = row["id"]
                households.append(row)
        insert_synced(s, Household, households)
        new_people = []
        existing = {
            p.id: p
            for p in s.scalars(
                select(Person).where(Person.id.in_([a.person_id for a in chunk if a.person_id]))
            )
        }
        for a in chunk:
            hid = index_households.get(a.address) if a.address else None
            values = _values(a)
            if a.person_id is None:
                new_people.append({**values, "community_id": community_id, "household_id": hid})
            else:
                p = existing[a.person_id]
                for key in a.changed & values.keys():
                    setattr(p, key, values[key])
                if hid is not None:
                    p.household_id = hid
        insert_synced(s, Person, new_people)
        s.flush()
        done += len(chunk)
        _checkpoint(cancel)
        if progress:
            progress("写入", done, len(actions))
    return done


def _refuse_unclean(plan: ImportPlan) -> None:
    if not plan.clean:
        raise ServiceError(
            f"有 {len(plan.error_rows)} 行错误、{len(plan.duplicates)} 行文件内重复，未导入任何数据。"
            "请修正后重新导入，或选择“只导入无误的行”"
        )


def commit_import(
    ctx: AppContext,
    source: ImportSource,
    *,
    valid_only: bool = False,
    expected_sha256: str | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelFn | None = None,
    preview: ImportPlan | None = None,
) -> ImportResult:
    """Import the sheet in one transaction, after a backup of the database.

    With ``valid_only=False`` any row error or duplicate refuses the whole import; with
    ``valid_only=True`` those rows are left out (the user chose so explicitly). With
    ``expected_sha256`` (from the preview) a file changed since the preview is refused.
    Given the ``preview`` plan, its work is reused when neither the file nor the register has
    changed since (checked inside the transaction); otherwise the sheet is read again.
    """
    from .backup import make_backup  # the lead's backup service

    user = ctx.require_user()
    if not source.path.exists():
        raise ServiceError(f"找不到文件：{source.path}")
    if preview is not None:
        expected_sha256 = expected_sha256 or preview.sha256
        source = replace(source, sheet=preview.sheet, mapping=preview.mapping)
        if not valid_only:
            _refuse_unclean(preview)
    sha = file_sha256(source.path)
    if expected_sha256 and sha != expected_sha256:
        raise ServiceError("文件在预览之后被修改过，请重新预览后再导入")
    backup_file = ""
    if ctx.db.sqlite_path is not None:
        backup_file = make_backup(ctx, "pre-import").path.name
    with ctx.session() as s:
        if preview is not None and preview.register_mark == _register_mark(s):
            plan = preview
        else:
            plan = _plan(ctx, s, source, sha, progress, cancel)
        if not valid_only:
            _refuse_unclean(plan)

        written = _write(s, plan, local_community_id(s), progress, cancel)
        counts = plan.counts()
        header = plan.header
        receipt = ImportReceipt(
            file_name=plan.file_name,
            sha256=sha,
            sheet=plan.sheet,
            mapping=mapping_to_json(plan.mapping, header),
            valid_only=valid_only,
            rows_new=counts["new"],
            rows_updated=counts["updated"],
            rows_unchanged=counts["unchanged"],
            rows_duplicate=counts["duplicate"],
            rows_error=counts["error"],
            user_id=user.id,
            user_name=ctx.actor_name,
            backup_file=backup_file,
        )
        s.add(receipt)
        _remember(s, header, plan.mapping)
        s.flush()
        audit.record(
            s,
            ctx,
            "import_excel",
            target_table="import_receipt",
            target_id=receipt.id,
            detail={"file": plan.file_name, "sha256": sha, **counts},
        )
        return ImportResult(plan, receipt.id, backup_file, written)


REMEMBERED = "上次确认的列对应"


def _mapping_key(header: Header) -> str:
    return f"import_mapping:{header_signature(header)}"


def _remember(s: Session, header: Header, mapping: ColumnMapping) -> None:
    value = mapping_to_json(mapping, header)
    row = s.get(Setting, _mapping_key(header))
    if row is None:
        s.add(Setting(key=_mapping_key(header), value=value))
    else:
        row.value = value


def remembered_mapping(ctx: AppContext, header: Header) -> ColumnMapping | None:
    """The mapping last imported with a sheet of this exact header shape, if any.

    Every committed import remembers its mapping (local setting), so next month's ledger of the
    same shape opens with the columns as the user confirmed them.
    """
    with ctx.session() as s:
        row = s.get(Setting, _mapping_key(header))
        if row is None:
            return None
        try:
            return mapping_from_json(row.value, header, REMEMBERED)
        except MappingError:
            return None


def list_receipts(ctx: AppContext, limit: int = 50) -> list[ReceiptView]:
    """The latest imports, newest first."""
    with ctx.session() as s:
        rows = s.scalars(select(ImportReceipt).order_by(ImportReceipt.at.desc()).limit(limit))
        return [
            ReceiptView(
                r.id,
                r.at,
                r.file_name,
                r.sha256,
                r.user_name,
                {
                    "new": r.rows_new,
                    "updated": r.rows_updated,
                    "unchanged": r.rows_unchanged,
                    "duplicate": r.rows_duplicate,
                    "error": r.rows_error,
                },
                r.valid_only,
            )
            for r in rows
        ]


# --- error report ----------------------------------------------------------------------------


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
    with _open(replace(source, sheet=plan.sheet)) as reader:

        def _rows() -> Iterator[tuple[int, list[Any], str]]:
            for raw in reader.rows():
                if raw.number in reasons:
                    yield raw.number, raw.cells, reasons[raw.number]

        return sheet_exporter.write_error_report(out, labels, _rows())
