"""Adding and editing people (新增、修改人员). Every write goes through the store, so the change
log records it; removal and re-registration live in ``life.py``."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ...store.models import Household, Person
from .. import audit
from ..context import AppContext
from ..daily_common import live_person, local_community_id
from .reads import detail
from .validation import duplicates, validate_person
from .views import FieldProblem, PersonDetail, PersonInput, PossibleDuplicate, ValidationFailed


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
    if data.registered_on is not None:
        person.registered_on = data.registered_on
    person.informed_on = data.informed_on


def _check(
    ctx: AppContext, s: Session, data: PersonInput, exclude_id: str | None, confirm: bool
) -> PersonInput:
    cleaned, problems = validate_person(data, ctx.today())
    if problems:
        raise ValidationFailed(problems)
    if cleaned.household_id and s.get(Household, cleaned.household_id) is None:
        raise ValidationFailed([FieldProblem("household_id", "所选家庭不存在")])
    if not confirm:
        hints = duplicates(s, cleaned, exclude_id)
        if hints:
            raise PossibleDuplicate(hints)
    return cleaned


def register_person(
    ctx: AppContext, data: PersonInput, *, confirm_duplicate: bool = False
) -> PersonDetail:
    """Add a person to the register (新增人员)."""
    ctx.require_user()
    with ctx.session(write=True) as s:
        cleaned = _check(ctx, s, data, None, confirm_duplicate)
        person = Person(community_id=local_community_id(s), registered_on=ctx.today())
        _apply(person, cleaned)
        s.add(person)
        s.flush()
        audit.record(s, ctx, "register_person", target_table="person", target_id=person.id)
        return detail(s, person, ctx.today())


def update_person(
    ctx: AppContext, person_id: str, data: PersonInput, *, confirm_duplicate: bool = False
) -> PersonDetail:
    """Save edits to a person (修改人员信息)."""
    ctx.require_user()
    with ctx.session(write=True) as s:
        person = live_person(s, person_id)
        cleaned = _check(ctx, s, data, person_id, confirm_duplicate)
        _apply(person, cleaned)
        s.flush()
        audit.record(s, ctx, "update_person", target_table="person", target_id=person.id)
        return detail(s, person, ctx.today())
