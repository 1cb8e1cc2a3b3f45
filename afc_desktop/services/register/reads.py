"""Reading the register (查看人员): list rows with masked ID numbers, the person page with the
whole number, and the change history ("2026-11-28 王芳 改了 电话")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...clock import Clock
from ...domain import people
from ...domain.ages import age_on
from ...domain.idcard import mask_id_number
from ...store.models import ChangeEvent, Household, Person
from ..context import AppContext
from ..daily_common import live_person
from .views import (
    FIELD_LABELS,
    SEX_LABELS,
    EmergencyContact,
    HistoryEntry,
    PersonDetail,
    PersonRow,
    household_view,
)


def _labels(explicit: Iterable[str], birth: date | None, today: date) -> tuple[str, ...]:
    return tuple(people.category_label(c) for c in people.all_categories(explicit, birth, today))


def rows(s: Session, ids: Sequence[str], today: date) -> list[PersonRow]:
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
        return rows(s, ids, ctx.today())


def detail(s: Session, p: Person, today: date) -> PersonDetail:
    household = s.get(Household, p.household_id) if p.household_id else None
    members: list[PersonRow] = []
    if household is not None:
        ids = s.scalars(
            select(Person.id).where(
                Person.household_id == household.id, Person.deleted.is_(False), Person.id != p.id
            )
        ).all()
        members = rows(s, list(ids), today)
    return PersonDetail(
        id=p.id,
        name=p.name,
        id_number=p.id_number or "",
        sex=p.sex,
        birth_date=p.birth_date,
        age=age_on(p.birth_date, today) if p.birth_date else None,
        phone=p.phone,
        household=household_view(household, len(members) + 1) if household else None,
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
        registered_on=p.registered_on,
        informed_on=p.informed_on,
        removed_on=p.removed_on,
        removal_reason=p.removal_reason,
    )


def get_person(ctx: AppContext, person_id: str) -> PersonDetail:
    """The person page's data, with the whole ID number (the view is audited)."""
    with ctx.session() as s:
        p = live_person(s, person_id)
        return detail(s, p, ctx.today())


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
