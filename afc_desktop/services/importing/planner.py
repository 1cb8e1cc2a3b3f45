"""Planning an import (the dry run): parse the sheet, match the register, classify every row.

The work is done on the file as a whole rather than row by row where that is cheaper:

- coercion runs once per distinct value of a column (``RowParser`` memoises it);
- the people the file could match are found with one query per 5,000 parsed rows
  (``store.bulk_sql.live_people_matching``), not by loading the register; parsed rows are
  dropped once classified, so the dry run holds the plan, never the whole parsed file;
- a new person's fields are checked by the register's own rules (``validate_person``), once per
  distinct value of each field; the ID number (and the birth date and sex read off it) and the
  phone numbers were already checked and made canonical by the sheet's coercion with the same
  rules (``domain.idcard``, ``people.normalize_phone``) and the row check, so they are not
  parsed a second time;
- a new person leaves the dry run as Person column values ready for the bulk insert, which the
  commit reuses as they are (see ``services.importer``).

Updates (few) keep the field-by-field comparison through ``PersonInput`` and the ORM.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from itertools import chain, islice
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain import people
from ...domain.idcard import mask_id_number
from ...sheets.header import SCAN_ROWS
from ...sheets.mapping import suggest_mapping
from ...sheets.rows import ParsedRow, RowError, RowParser
from ...store import bulk_sql
from ...store.models import ChangeEvent, Household, Person, new_id
from ...store.models.imports import ImportReceipt
from ..context import AppContext, ServiceError
from ..register import SEX_LABELS, EmergencyContact, PersonInput, validate_person
from .model import (
    _COMPARED,
    _LABELS,
    _PROBLEM_FIELD,
    BATCH,
    CancelFn,
    DuplicateRow,
    FieldChange,
    ImportCancelled,
    ImportPlan,
    ImportSource,
    NewPerson,
    ProgressFn,
    UpdateAction,
    UpdatedPerson,
)
from .reading import find_sheet_header, open_sheet

#: Matched people are loaded for comparison this many at a time (bound-parameter limits).
LOAD_CHUNK = 5000
#: Parsed rows are matched against the register this many at a time (one query each), so the
#: dry run never holds more parsed rows than this: its memory is the plan's, not the file's.
CLASSIFY_CHUNK = 5000


class _RegisterIndex:
    """Live people by ID number and by (name, birth date), from the rows that could match."""

    def __init__(self, rows: Iterable[tuple[str, str | None, str, date | None]]) -> None:
        self.by_id: dict[str, str] = {}
        self.by_name_birth: dict[tuple[str, date], list[tuple[str, bool]]] = {}
        for pid, id_number, name, birth in rows:
            if id_number:
                self.by_id[id_number] = pid
            if birth is not None:
                self.by_name_birth.setdefault((name, birth), []).append((pid, bool(id_number)))

    def match(self, values: dict[str, Any]) -> tuple[str | None, str, str | None]:
        """(person id or None, matched by, error): by ID number, else by name + birth date."""
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


# --- rows as register input ------------------------------------------------------------


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
    """Classifies the parsed rows of a file against the register."""

    def __init__(self, ctx: AppContext, s: Session, plan: ImportPlan, parser: RowParser) -> None:
        self.ctx = ctx
        self.s = s
        self.plan = plan
        self.parser = parser
        self.seen_ids: dict[str, int] = {}
        self.seen_name_birth: dict[tuple[str, date], int] = {}
        self.seen_people: dict[str, int] = {}
        self.today = ctx.today()
        self._checked: dict[tuple[str, Any], tuple[Any, list[Any]]] = {}
        self.pending: list[ParsedRow] = []

    def add(self, row: ParsedRow) -> None:
        """Take the next parsed row of the file: errors and duplicates inside the file are
        known at once; the others wait for their chunk's one query against the register."""
        if not row.ok:
            self.plan.errors.extend(row.errors)
        elif not self._duplicate(row):
            self.pending.append(row)
            if len(self.pending) >= CLASSIFY_CHUNK:
                self.flush()

    def flush(self) -> None:
        """Match the waiting rows against the register (one query) and classify them."""
        rows, self.pending = self.pending, []
        if not rows:
            return
        ids = [r.values["id_number"] for r in rows if r.values.get("id_number")]
        names = sorted({r.values["name"] for r in rows if r.values.get("birth_date")})
        index = _RegisterIndex(bulk_sql.live_people_matching(self.s.connection(), ids, names))
        matches: list[tuple[ParsedRow, str, str]] = []
        for row in rows:
            pid, how, problem = index.match(row.values)
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
        for start in range(0, len(matches), LOAD_CHUNK):
            self._updates(matches[start : start + LOAD_CHUNK])

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
        self._report(row, problems)
        return None if problems else cleaned

    def _report(self, row: ParsedRow, problems: Iterable[Any]) -> None:
        for p in problems:
            key = _PROBLEM_FIELD.get(p.field, p.field)
            self.plan.errors.append(RowError(row.number, self.parser.column_label(key), p.message))

    def _check(self, field: str, value: Any, fields: tuple[str, ...] = ()) -> tuple[Any, list[Any]]:
        """``validate_person``'s verdict on one field value (cleaned value, problems), once per
        distinct value: the field's rules do not depend on the other fields."""
        key = (field, value)
        hit = self._checked.get(key)
        if hit is None:
            if field == "birth_sex":
                data = PersonInput(name="", birth_date=value[0], sex=value[1])
            elif field == "name":
                data = PersonInput(name=value)
            else:
                data = PersonInput(name="", **{field: value})
            cleaned, problems = validate_person(data, self.today)
            wanted = fields or (field,)
            hit = (
                tuple(getattr(cleaned, f) for f in wanted) if fields else getattr(cleaned, field),
                [p for p in problems if p.field in wanted],
            )
            self._checked[key] = hit
        return hit

    def _new(self, row: ParsedRow) -> None:
        v = row.values
        problems: list[Any] = []
        out: dict[str, Any] = {}
        # Phones (the person's and the contact's) were made canonical by the sheet's coercion
        # with the register's own rule (``people.normalize_phone``): not checked twice.
        out["phone"] = v.get("phone", "")
        for field, value in (
            ("name", v.get("name", "")),
            ("living_arrangement", v.get("living_arrangement", "")),
            ("categories", tuple(v.get("categories", ()))),
            ("notes", v.get("notes", "")),
        ):
            out[field], found = self._check(field, value)
            problems.extend(found)
        contacts: tuple[EmergencyContact, ...] = ()
        if v.get("emergency_contact") or v.get("emergency_phone"):
            contacts = (
                EmergencyContact(v.get("emergency_contact", ""), "", v.get("emergency_phone", "")),
            )
        id_number = v.get("id_number") or ""
        birth, sex = v.get("birth_date"), v.get("sex")
        if not id_number:  # with one, coercion and the row check did these checks already
            (birth, sex), found = self._check("birth_sex", (birth, sex), ("birth_date", "sex"))
            problems.extend(found)
        if problems:
            problems.sort(key=lambda p: _FIELD_ORDER.get(p.field, 99))
            self._report(row, problems)
            return
        self.plan.new.append(NewPerson(row.number, out["name"], mask_id_number(id_number), birth))
        self.plan._new_rows.append(
            {
                "name": out["name"],
                "id_number": id_number or None,
                "sex": sex,
                "birth_date": birth,
                "phone": out["phone"],
                "living_arrangement": out["living_arrangement"],
                "categories": list(out["categories"]),
                "emergency_contacts": [
                    {"name": c.name, "relation": c.relation, "phone": c.phone} for c in contacts
                ],
                "notes": out["notes"],
                "ability_grade": v.get("ability_grade") or "",
                "ability_assessed_on": v.get("ability_assessed_on"),
                "registered_on": v.get("registered_on"),  # the ledger's 登记日期, if any
                "_address": v.get("address"),
            }
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
            self.plan._updates.append(
                UpdateAction(
                    row.number,
                    pid,
                    cleaned,
                    new["address"] if "address" in changed else None,
                    new["ability_grade"],
                    new["ability_assessed_on"],
                    frozenset(changed),
                )
            )


# The order validate_person reports problems in.
_FIELD_ORDER = {
    f: i
    for i, f in enumerate(
        ("name", "id_number", "birth_date", "sex", "phone", "categories", "living_arrangement")
        + ("emergency_contacts", "notes")
    )
}


def register_mark(s: Session) -> tuple[int, str]:
    """A cheap fingerprint of the register: any write since adds a change event."""
    count, last = s.execute(select(func.count(), func.max(ChangeEvent.at))).one()
    return int(count or 0), str(last or "")


def checkpoint(cancel: CancelFn | None) -> None:
    """Raise :class:`ImportCancelled` when the user asked to stop."""
    if cancel is not None and cancel():
        raise ImportCancelled()


def plan_sheet(
    ctx: AppContext,
    s: Session,
    source: ImportSource,
    sha256: str,
    progress: ProgressFn | None,
    cancel: CancelFn | None,
) -> ImportPlan:
    """Read, check and classify the sheet of ``source`` against the register; writes nothing."""
    with open_sheet(source) as reader:
        total = reader.row_count
        rows = reader.rows()
        head = list(islice(rows, SCAN_ROWS))
        header = find_sheet_header(reader, head)
        mapping = source.mapping or suggest_mapping(header)
        problems = mapping.problems()
        if problems:
            raise ServiceError("列对应有问题：" + "；".join(problems))
        parser = RowParser(header, mapping, today=ctx.today())
        plan = ImportPlan(source.path.name, sha256, reader.name, header, mapping)
        plan.register_mark = register_mark(s)
        plan.imported_before = [
            f"{ctx.clock.local(r.at):%Y-%m-%d %H:%M} {r.user_name}"
            for r in s.scalars(
                select(ImportReceipt)
                .where(ImportReceipt.sha256 == sha256)
                .order_by(ImportReceipt.at)
            )
        ]
        planner = _Planner(ctx, s, plan, parser)
        for n, row in enumerate(parser.parse(chain(head, rows)), 1):
            planner.add(row)
            if n % BATCH == 0:
                checkpoint(cancel)
                if progress:
                    progress("读取", row.number, total)
        planner.flush()
    plan.total_rows = len(plan.new) + len(plan.updated) + len(plan.unchanged)
    plan.total_rows += len(plan.duplicates) + len(plan.error_rows)
    plan.skipped_blank = parser.stats.blank
    plan.skipped_notes = parser.stats.notes + parser.stats.repeated_headers
    plan.skipped_footers = parser.stats.footers
    plan.errors.sort(key=lambda e: e.row)
    plan.duplicates.sort(key=lambda d: d.row)
    plan.address_questions = address_questions(s, plan)
    if progress:
        progress("读取", total, total)
    return plan


def address_questions(s: Session, plan: ImportPlan) -> list[Any]:
    """What the write would not decide alone: new households whose door is unclear (a dry run
    of the assignment ``writer.write_plan`` makes; addresses found as written ask nothing)."""
    from ..households import HouseholdAssigner, question_for
    from .writer import addresses_in_order

    rows = addresses_in_order(plan)
    known = bulk_sql.live_households_at(s.connection(), list(dict.fromkeys(a for _r, a in rows)))
    assigner: HouseholdAssigner | None = None
    questions = []
    for row, address in rows:
        if address in known:
            continue
        assigner = assigner or HouseholdAssigner(s)
        hid, is_new, parts, maybe = assigner.assign(address, new_id())
        known[address] = hid
        question = question_for(row, address, parts, maybe, assigner.texts) if is_new else None
        if question is not None:
            questions.append(question)
    return questions
