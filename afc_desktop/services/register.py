"""The elderly-services register (养老服务基础底册): people and households.

Validation speaks plain Chinese and names the field; ID numbers give birth date and sex; a
possible duplicate (same ID number, or a similar name with the same birth date) is refused until
the caller confirms it. Every write goes through the store, so the change log records it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import String, and_, column, func, or_, select, text
from sqlalchemy.orm import Session

from ..clock import Clock
from ..domain import people
from ..domain.idcard import IdNumberError, age_on, mask_id_number, normalize, parse_id_number
from ..store.models import ChangeEvent, Household, Person, Site
from . import audit
from .context import AppContext, ServiceError

# Field labels used in messages and in the history tab ("王芳 改了 电话").
FIELD_LABELS: dict[str, str] = {
    "name": "姓名",
    "id_number": "身份证号",
    "sex": "性别",
    "birth_date": "出生日期",
    "phone": "电话",
    "household_id": "所属家庭",
    "relation_to_head": "与户主关系",
    "is_elder": "是否老人",
    "living_arrangement": "居住情况",
    "categories": "人员类别",
    "emergency_contacts": "紧急联系人",
    "ability_grade": "能力等级",
    "ability_assessed_on": "评估日期",
    "consent": "知情同意",
    "consent_date": "同意日期",
    "notes": "备注",
    "community_id": "所属社区",
    "deleted": "删除标记",
    "kind": "地址类型",
    "estate": "小区/自然村",
    "building": "楼栋/组",
    "unit": "单元",
    "room": "室/门牌",
    "address_text": "地址",
}
SEX_LABELS = {"M": "男", "F": "女"}


# --- inputs and views ------------------------------------------------------------------------


@dataclass(frozen=True)
class EmergencyContact:
    name: str
    relation: str = ""
    phone: str = ""


@dataclass(frozen=True)
class PersonInput:
    """What the person dialog (or an import row) supplies."""

    name: str
    id_number: str = ""
    sex: str | None = None
    birth_date: date | None = None
    phone: str = ""
    household_id: str | None = None
    relation_to_head: str = ""
    is_elder: bool = True
    living_arrangement: str = ""
    categories: tuple[str, ...] = ()
    emergency_contacts: tuple[EmergencyContact, ...] = ()
    consent: bool = False
    consent_date: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str


class ValidationFailed(ServiceError):
    """One or more fields are wrong; ``problems`` names each."""

    def __init__(self, problems: Sequence[FieldProblem]) -> None:
        super().__init__("；".join(p.message for p in problems), field=problems[0].field)
        self.problems = list(problems)


@dataclass(frozen=True)
class DuplicateHint:
    person_id: str
    name: str
    birth_date: date | None
    id_masked: str
    reason: str


class PossibleDuplicate(ServiceError):
    """The person may already be registered; repeat with ``confirm_duplicate=True`` to go on."""

    def __init__(self, hints: Sequence[DuplicateHint]) -> None:
        first = hints[0]
        super().__init__(f"可能重复登记：{first.name}（{first.reason}）")
        self.hints = list(hints)


@dataclass(frozen=True)
class PersonRow:
    """One line of the register list. The ID number is masked."""

    id: str
    name: str
    sex: str
    age: int | None
    id_masked: str
    phone: str
    address: str
    categories: tuple[str, ...]  # Chinese labels, derived ones included
    ability_grade: str


@dataclass(frozen=True)
class HouseholdView:
    id: str
    kind: str
    estate: str
    building: str
    unit: str
    room: str
    address_text: str
    phone: str
    notes: str
    member_count: int = 0


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    actor_name: str
    op: str
    fields: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class PersonDetail:
    """Everything the person page shows, with the whole ID number."""

    id: str
    name: str
    id_number: str
    sex: str | None
    birth_date: date | None
    age: int | None
    phone: str
    household: HouseholdView | None
    relation_to_head: str
    is_elder: bool
    living_arrangement: str
    categories: tuple[str, ...]  # explicit codes
    derived_categories: tuple[str, ...]
    emergency_contacts: tuple[EmergencyContact, ...]
    ability_grade: str
    ability_assessed_on: date | None
    consent: bool
    consent_date: date | None
    notes: str
    household_members: tuple[PersonRow, ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def as_input(self) -> PersonInput:
        """The editable fields, for the edit dialog."""
        return PersonInput(
            name=self.name,
            id_number=self.id_number,
            sex=self.sex,
            birth_date=self.birth_date,
            phone=self.phone,
            household_id=self.household.id if self.household else None,
            relation_to_head=self.relation_to_head,
            is_elder=self.is_elder,
            living_arrangement=self.living_arrangement,
            categories=self.categories,
            emergency_contacts=self.emergency_contacts,
            consent=self.consent,
            consent_date=self.consent_date,
            notes=self.notes,
        )


# --- validation ------------------------------------------------------------------------------


def validate_person(data: PersonInput, today: date) -> tuple[PersonInput, list[FieldProblem]]:
    """Check a person's fields; returns the cleaned input (ID normalised, birth date and sex
    taken from the ID number, phone canonical) and the problems found."""
    problems: list[FieldProblem] = []
    name = " ".join(data.name.split())
    if not name:
        problems.append(FieldProblem("name", "请填写姓名"))
    elif len(name) > 50:
        problems.append(FieldProblem("name", "姓名太长（最多50个字）"))
    id_number = normalize(data.id_number) if data.id_number else ""
    birth, sex = data.birth_date, data.sex
    if id_number:
        try:
            parsed = parse_id_number(id_number, today=today)
        except IdNumberError as exc:
            problems.append(FieldProblem("id_number", exc.message))
        else:
            id_number = parsed.value
            if birth and birth != parsed.birth_date:
                problems.append(
                    FieldProblem(
                        "birth_date",
                        f"出生日期与身份证号不一致（身份证号为 {parsed.birth_date:%Y年%m月%d日}）",
                    )
                )
            if sex and sex != parsed.sex:
                problems.append(
                    FieldProblem(
                        "sex", f"性别与身份证号不一致（身份证号为{SEX_LABELS[parsed.sex]}）"
                    )
                )
            birth, sex = parsed.birth_date, parsed.sex
    if birth is not None and birth > today:
        problems.append(FieldProblem("birth_date", "出生日期不能晚于今天"))
    if sex not in (None, "M", "F"):
        problems.append(FieldProblem("sex", "性别只能是男或女"))
    phone = data.phone.strip()
    if phone:
        try:
            phone = people.normalize_phone(phone)
        except people.PhoneError as exc:
            problems.append(FieldProblem("phone", exc.message))
    try:
        categories = tuple(people.clean_explicit(data.categories))
    except people.CategoryError as exc:
        problems.append(FieldProblem("categories", str(exc)))
        categories = data.categories
    living = data.living_arrangement
    if living:
        try:
            living = people.living_arrangement_code(living)
        except people.CategoryError as exc:
            problems.append(FieldProblem("living_arrangement", str(exc)))
    contacts = []
    for i, c in enumerate(data.emergency_contacts, start=1):
        if not c.name.strip() and not c.phone.strip():
            continue
        problem = people.phone_problem(c.phone)
        if problem:
            problems.append(FieldProblem("emergency_contacts", f"第{i}位紧急联系人：{problem}"))
            contacts.append(c)
        else:
            contacts.append(
                replace(
                    c,
                    name=c.name.strip(),
                    phone=people.normalize_phone(c.phone) if c.phone.strip() else "",
                )
            )
    if data.consent_date and data.consent_date > today:
        problems.append(FieldProblem("consent_date", "同意日期不能晚于今天"))
    cleaned = replace(
        data,
        name=name,
        id_number=id_number,
        birth_date=birth,
        sex=sex,
        phone=phone,
        categories=categories,
        living_arrangement=living,
        emergency_contacts=tuple(contacts),
        notes=data.notes.strip(),
    )
    return cleaned, problems


def _similar_names(a: str, b: str, pinyin_a: str, pinyin_b: str) -> bool:
    if a == b or (pinyin_a and pinyin_a == pinyin_b):
        return True
    return len(a) == len(b) >= 2 and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _duplicates(s: Session, data: PersonInput, exclude_id: str | None) -> list[DuplicateHint]:
    from ..domain.search_keys import search_keys

    hints: list[DuplicateHint] = []
    seen: set[str] = set()
    live = and_(Person.deleted.is_(False), Person.id != (exclude_id or ""))
    if data.id_number:
        for p in s.scalars(select(Person).where(live, Person.id_number == data.id_number)):
            seen.add(p.id)
            hints.append(
                DuplicateHint(
                    p.id, p.name, p.birth_date, mask_id_number(p.id_number), "身份证号相同"
                )
            )
    if data.birth_date:
        full, _ = search_keys(data.name)
        for p in s.scalars(select(Person).where(live, Person.birth_date == data.birth_date)):
            if p.id not in seen and _similar_names(data.name, p.name, full, p.pinyin_full):
                hints.append(
                    DuplicateHint(
                        p.id,
                        p.name,
                        p.birth_date,
                        mask_id_number(p.id_number),
                        "姓名相近且出生日期相同",
                    )
                )
    return hints


def find_duplicates(
    ctx: AppContext, data: PersonInput, exclude_id: str | None = None
) -> list[DuplicateHint]:
    """People already registered who may be the same person as ``data``."""
    cleaned, _ = validate_person(data, ctx.today())
    with ctx.session() as s:
        return _duplicates(s, cleaned, exclude_id)


# --- writes ----------------------------------------------------------------------------------


def local_community_id(s: Session) -> str | None:
    """The community of this installation (for writes made outside register_person)."""
    return s.scalar(select(Site.community_id).where(Site.is_local.is_(True)))


def _apply(person: Person, data: PersonInput) -> None:
    person.name = data.name
    person.id_number = data.id_number or None
    person.sex = data.sex
    person.birth_date = data.birth_date
    person.phone = data.phone
    person.household_id = data.household_id
    person.relation_to_head = data.relation_to_head
    person.is_elder = data.is_elder
    person.living_arrangement = data.living_arrangement
    person.categories = list(data.categories)
    person.emergency_contacts = [
        {"name": c.name, "relation": c.relation, "phone": c.phone} for c in data.emergency_contacts
    ]
    person.consent = data.consent
    person.consent_date = data.consent_date
    person.notes = data.notes


def _check(
    ctx: AppContext, s: Session, data: PersonInput, exclude_id: str | None, confirm: bool
) -> PersonInput:
    cleaned, problems = validate_person(data, ctx.today())
    if problems:
        raise ValidationFailed(problems)
    if cleaned.household_id and s.get(Household, cleaned.household_id) is None:
        raise ValidationFailed([FieldProblem("household_id", "所选家庭不存在")])
    if not confirm:
        hints = _duplicates(s, cleaned, exclude_id)
        if hints:
            raise PossibleDuplicate(hints)
    return cleaned


def register_person(
    ctx: AppContext, data: PersonInput, *, confirm_duplicate: bool = False
) -> PersonDetail:
    """Add a person to the register (新增人员)."""
    ctx.require_user()
    with ctx.session() as s:
        cleaned = _check(ctx, s, data, None, confirm_duplicate)
        person = Person(community_id=local_community_id(s))
        _apply(person, cleaned)
        s.add(person)
        s.flush()
        audit.record(s, ctx, "register_person", target_table="person", target_id=person.id)
        return _detail(s, person, ctx.today())


def update_person(
    ctx: AppContext, person_id: str, data: PersonInput, *, confirm_duplicate: bool = False
) -> PersonDetail:
    """Save edits to a person (修改人员信息)."""
    ctx.require_user()
    with ctx.session() as s:
        person = _live_person(s, person_id)
        cleaned = _check(ctx, s, data, person_id, confirm_duplicate)
        _apply(person, cleaned)
        s.flush()
        audit.record(s, ctx, "update_person", target_table="person", target_id=person.id)
        return _detail(s, person, ctx.today())


def remove_person(ctx: AppContext, person_id: str, reason: str) -> None:
    """Take a person off the register (moved away, died …). The record is tombstoned."""
    ctx.require_user()
    if not reason.strip():
        raise ServiceError("请填写移出原因（如：迁出、去世）", field="reason")
    with ctx.session() as s:
        person = _live_person(s, person_id)
        person.deleted = True
        audit.record(
            s,
            ctx,
            "remove_person",
            target_table="person",
            target_id=person_id,
            detail={"reason": reason.strip()},
        )


def _live_person(s: Session, person_id: str) -> Person:
    person = s.get(Person, person_id)
    if person is None or person.deleted:
        raise ServiceError("找不到该人员（可能已被移出登记册）")
    return person


# --- households ------------------------------------------------------------------------------


@dataclass(frozen=True)
class HouseholdInput:
    kind: str = "urban"  # urban: 小区/楼栋/单元/室 ; rural: 自然村/组/门牌
    estate: str = ""
    building: str = ""
    unit: str = ""
    room: str = ""
    phone: str = ""
    notes: str = ""


def _suffix(value: str, suffix: str) -> str:
    value = value.strip()
    return f"{value}{suffix}" if value.isdigit() else value


def compose_address(data: HouseholdInput) -> str:
    """The address as written: 香溪花园3幢1单元402室 / 北庄村5组18号."""
    if data.kind == "rural":
        return data.estate.strip() + _suffix(data.building, "组") + _suffix(data.room, "号")
    return (
        data.estate.strip()
        + _suffix(data.building, "幢")
        + _suffix(data.unit, "单元")
        + _suffix(data.room, "室")
    )


def _validate_household(data: HouseholdInput) -> HouseholdInput:
    problems = []
    if data.kind not in ("urban", "rural"):
        problems.append(FieldProblem("kind", "地址类型只能是城镇或农村"))
    if not data.estate.strip():
        label = "自然村" if data.kind == "rural" else "小区"
        problems.append(FieldProblem("estate", f"请填写{label}"))
    phone = data.phone.strip()
    if phone:
        try:
            phone = people.normalize_phone(phone)
        except people.PhoneError as exc:
            problems.append(FieldProblem("phone", exc.message))
    if problems:
        raise ValidationFailed(problems)
    return replace(
        data,
        phone=phone,
        estate=data.estate.strip(),
        building=data.building.strip(),
        unit=data.unit.strip(),
        room=data.room.strip(),
        notes=data.notes.strip(),
    )


def _household_view(h: Household, members: int = 0) -> HouseholdView:
    return HouseholdView(
        h.id,
        h.kind,
        h.estate,
        h.building,
        h.unit,
        h.room,
        h.address_text,
        h.phone,
        h.notes,
        members,
    )


def _write_household(h: Household, data: HouseholdInput) -> None:
    h.kind, h.estate, h.building, h.unit, h.room = (
        data.kind,
        data.estate,
        data.building,
        data.unit,
        data.room,
    )
    h.phone, h.notes = data.phone, data.notes
    h.address_text = compose_address(data)


def create_household(ctx: AppContext, data: HouseholdInput) -> HouseholdView:
    """Add a household (新增家庭)."""
    ctx.require_user()
    data = _validate_household(data)
    with ctx.session() as s:
        h = Household(community_id=local_community_id(s))
        _write_household(h, data)
        s.add(h)
        s.flush()
        audit.record(s, ctx, "create_household", target_table="household", target_id=h.id)
        return _household_view(h)


def update_household(ctx: AppContext, household_id: str, data: HouseholdInput) -> HouseholdView:
    """Edit a household; its members' search text follows the new address."""
    ctx.require_user()
    data = _validate_household(data)
    with ctx.session() as s:
        h = s.get(Household, household_id)
        if h is None or h.deleted:
            raise ServiceError("找不到该家庭")
        _write_household(h, data)
        s.flush()
        audit.record(s, ctx, "update_household", target_table="household", target_id=h.id)
        return _household_view(h, _member_count(s, h.id))


def _member_count(s: Session, household_id: str) -> int:
    return (
        s.scalar(
            select(func.count())
            .select_from(Person)
            .where(Person.household_id == household_id, Person.deleted.is_(False))
        )
        or 0
    )


def find_households(ctx: AppContext, query: str = "", limit: int = 50) -> list[HouseholdView]:
    """Households whose address contains ``query`` (for the household picker)."""
    with ctx.session() as s:
        stmt = select(Household).where(Household.deleted.is_(False))
        if query.strip():
            stmt = stmt.where(Household.address_text.contains(query.strip()))
        rows = s.scalars(stmt.order_by(Household.address_text).limit(limit)).all()
        count_rows = s.execute(
            select(Person.household_id, func.count())
            .where(Person.household_id.in_([h.id for h in rows]), Person.deleted.is_(False))
            .group_by(Person.household_id)
        ).all()
        counts = {hid: n for hid, n in count_rows}
        return [_household_view(h, counts.get(h.id, 0)) for h in rows]


def get_household(ctx: AppContext, household_id: str) -> tuple[HouseholdView, list[PersonRow]]:
    """A household and its members."""
    with ctx.session() as s:
        h = s.get(Household, household_id)
        if h is None or h.deleted:
            raise ServiceError("找不到该家庭")
        ids = s.scalars(
            select(Person.id).where(Person.household_id == h.id, Person.deleted.is_(False))
        ).all()
        members = _rows(s, list(ids), ctx.today())
        return _household_view(h, len(members)), members


def list_estates(ctx: AppContext) -> list[str]:
    """Distinct 小区/自然村 names, for the area filter."""
    with ctx.session() as s:
        return [
            e
            for e in s.scalars(
                select(Household.estate)
                .where(Household.deleted.is_(False))
                .distinct()
                .order_by(Household.estate)
            )
            if e
        ]


# --- reads -----------------------------------------------------------------------------------


def _labels(explicit: Iterable[str], birth: date | None, today: date) -> tuple[str, ...]:
    return tuple(people.category_label(c) for c in people.all_categories(explicit, birth, today))


def _rows(s: Session, ids: Sequence[str], today: date) -> list[PersonRow]:
    """Rows for ``ids`` in the order given."""
    found: dict[str, PersonRow] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        stmt = (
            select(
                Person.id,
                Person.name,
                Person.sex,
                Person.birth_date,
                Person.id_number,
                Person.phone,
                Person.categories,
                Person.ability_grade,
                Household.address_text,
            )
            .outerjoin(Household, Household.id == Person.household_id)
            .where(Person.id.in_(chunk))
        )
        # Plain columns, not ORM objects: a screenful of rows is built per keystroke.
        for pid, name, sex, birth, id_number, phone, categories, grade, address in s.execute(stmt):
            found[pid] = PersonRow(
                id=pid,
                name=name,
                sex=SEX_LABELS.get(sex or "", ""),
                age=age_on(birth, today) if birth else None,
                id_masked=mask_id_number(id_number),
                phone=phone,
                address=address or "",
                categories=_labels(categories or [], birth, today),
                ability_grade=grade,
            )
    return [found[i] for i in ids if i in found]


def person_rows(ctx: AppContext, ids: Sequence[str]) -> list[PersonRow]:
    """List rows for the given ids (the lazy table model fetches a page at a time)."""
    with ctx.session() as s:
        return _rows(s, ids, ctx.today())


def _detail(s: Session, p: Person, today: date) -> PersonDetail:
    household = s.get(Household, p.household_id) if p.household_id else None
    members: list[PersonRow] = []
    if household is not None:
        ids = s.scalars(
            select(Person.id).where(
                Person.household_id == household.id, Person.deleted.is_(False), Person.id != p.id
            )
        ).all()
        members = _rows(s, list(ids), today)
    return PersonDetail(
        id=p.id,
        name=p.name,
        id_number=p.id_number or "",
        sex=p.sex,
        birth_date=p.birth_date,
        age=age_on(p.birth_date, today) if p.birth_date else None,
        phone=p.phone,
        household=_household_view(household, len(members) + 1) if household else None,
        relation_to_head=p.relation_to_head,
        is_elder=p.is_elder,
        living_arrangement=p.living_arrangement,
        categories=tuple(p.categories or ()),
        derived_categories=tuple(people.derived_categories(p.birth_date, today)),
        emergency_contacts=tuple(
            EmergencyContact(c.get("name", ""), c.get("relation", ""), c.get("phone", ""))
            for c in p.emergency_contacts or []
        ),
        ability_grade=p.ability_grade,
        ability_assessed_on=p.ability_assessed_on,
        consent=p.consent,
        consent_date=p.consent_date,
        notes=p.notes,
        household_members=tuple(members),
        created_at=p.created_at,
        updated_at=p.updated_at,
    )


def get_person(ctx: AppContext, person_id: str) -> PersonDetail:
    """The person page's data, with the whole ID number (the view is audited)."""
    with ctx.session() as s:
        p = _live_person(s, person_id)
        return _detail(s, p, ctx.today())


def person_history(ctx: AppContext, person_id: str) -> list[HistoryEntry]:
    """The person's change history, newest first: "2026-11-28 王芳 改了 电话"."""
    with ctx.session() as s:
        events = s.scalars(
            select(ChangeEvent)
            .where(ChangeEvent.table_name == "person", ChangeEvent.record_id == person_id)
            .order_by(ChangeEvent.at.desc(), ChangeEvent.seq.desc())
        ).all()
        return [_history_entry(e, ctx.clock) for e in events]


def _history_entry(e: ChangeEvent, clock: Clock) -> HistoryEntry:
    who = e.actor_name or "系统"
    day = clock.local(e.at).strftime("%Y-%m-%d")
    labels = tuple(
        FIELD_LABELS.get(k, k)
        for k in e.fields
        if k not in ("id", "deleted", "origin_site", "community_id")
    )
    if e.op == "delete":
        text_ = f"{day} {who} 将其移出登记册"
    elif e.base_rev is None:
        text_ = f"{day} {who} 新建了记录"
    else:
        text_ = f"{day} {who} 改了 {'、'.join(labels)}"
    return HistoryEntry(e.at, who, e.op, labels, text_)


# --- search ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonQuery:
    """The register's search box and filters."""

    text: str = ""
    categories: tuple[str, ...] = ()  # codes, explicit or derived; all must match
    age_band: str | None = None
    estate: str | None = None
    elders_only: bool = True
    limit: int | None = None
    extra: dict[str, str] = field(default_factory=dict)


def _text_condition(s: Session, raw: str):  # type: ignore[no-untyped-def]
    q = normalize(raw).lower() if raw.strip().isascii() else " ".join(raw.split()).lower()
    q = q.replace(" ", "")
    if not q:
        return None
    dialect = s.get_bind().dialect.name
    if len(q) >= 3 and dialect == "sqlite":
        phrase = '"' + q.replace('"', '""') + '"'
        sub = text(
            "SELECT m.person_id FROM person_search JOIN person_search_map m "
            "ON m.rowid = person_search.rowid WHERE person_search MATCH :q"
        ).bindparams(q=phrase)
        return Person.id.in_(sub.columns(column("person_id", String)))
    if len(q) >= 3:
        return Person.search_text.contains(q)
    # One or two characters: a prefix of the name or its pinyin, answered from the indexes.
    top = q + "\U0010ffff"
    return or_(
        and_(Person.name >= q, Person.name < top),
        and_(Person.pinyin_initials >= q, Person.pinyin_initials < top),
        and_(Person.pinyin_full >= q, Person.pinyin_full < top),
    )


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def search_person_ids(ctx: AppContext, query: PersonQuery) -> list[str]:
    """Ids of the people matching ``query``, ordered by name's pinyin."""
    today = ctx.today()
    with ctx.session() as s:
        stmt = select(Person.id).where(Person.deleted.is_(False))
        if query.elders_only:
            stmt = stmt.where(Person.is_elder.is_(True))
        cond = _text_condition(s, query.text)
        if cond is not None:
            stmt = stmt.where(cond)
        for code in query.categories:
            cat = people.category(code)
            if cat.derived and cat.min_age is not None:
                stmt = stmt.where(Person.birth_date <= _years_before(today, cat.min_age))
            else:
                stmt = stmt.where(Person.category_flags.contains(f",{code},"))
        if query.age_band:
            earliest, latest = people.birth_range_for_band(query.age_band, today)
            if earliest:
                stmt = stmt.where(Person.birth_date >= earliest)
            if latest:
                stmt = stmt.where(Person.birth_date <= latest)
        if query.estate:
            stmt = stmt.where(
                Person.household_id.in_(
                    select(Household.id).where(Household.estate == query.estate)
                )
            )
        if cond is None:
            # The whole register (or a filter): walk the pinyin-ordered index.
            stmt = stmt.order_by(Person.pinyin_full, Person.id)
            if query.limit:
                stmt = stmt.limit(query.limit)
            return list(s.scalars(stmt))
        # A search: let the planner start from the text index, then order the (few) matches
        # here; an ORDER BY would tempt it to walk every row in pinyin order instead.
        found = s.execute(stmt.with_only_columns(Person.id, Person.pinyin_full)).all()
        ids = [pid for pid, _ in sorted(found, key=lambda m: (m[1] or "", m[0]))]
        return ids[: query.limit] if query.limit else ids


def count_people(ctx: AppContext) -> int:
    """Elders on the register (not removed)."""
    with ctx.session() as s:
        return (
            s.scalar(
                select(func.count())
                .select_from(Person)
                .where(Person.deleted.is_(False), Person.is_elder.is_(True))
            )
            or 0
        )
