"""Checking a person's fields (校验) and finding possible duplicates (疑似重复登记).

Validation speaks plain Chinese and names the field; ID numbers give birth date and sex; a
possible duplicate (same ID number, or a similar name with the same birth date) is refused until
the caller confirms it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from ...domain import people
from ...domain.idcard import IdNumberError, mask_id_number, normalize, parse_id_number
from ...store.models import Person
from ..context import AppContext
from .views import SEX_LABELS, DuplicateHint, FieldProblem, PersonInput


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
    if data.registered_on and data.registered_on > today:
        problems.append(FieldProblem("registered_on", "登记日期不能晚于今天"))
    if data.informed_on and data.informed_on > today:
        problems.append(FieldProblem("informed_on", "告知日期不能晚于今天"))
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


def duplicates(s: Session, data: PersonInput, exclude_id: str | None) -> list[DuplicateHint]:
    from ...domain.search_keys import search_keys

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
        return duplicates(s, cleaned, exclude_id)
