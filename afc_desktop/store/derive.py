"""Local columns derived on every write: a person's search text, pinyin and category flags.

Runs inside the change-log flush (``changes.register_deriver``), so a person written by any code
path — dialog, import, sync apply — is searchable at once. A household's new address is carried
into the search text of its members.
"""

from __future__ import annotations

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from ..domain.search_keys import search_keys
from . import changes
from .models.base import SyncMixin
from .models.core import Household, Person


def category_flags(categories: list[str] | None) -> str:
    """Category codes as ``,a,b,`` so that ``LIKE '%,a,%'`` filters on one column."""
    codes = sorted({c for c in categories or [] if c})
    return "," + ",".join(codes) + "," if codes else ""


def person_search_text(person: Person, address: str) -> str:
    """Everything the search box matches, in one lower-case string."""
    full, initials = search_keys(person.name or "")
    parts = [person.name or "", full, initials, person.id_number or "", person.phone or "", address]
    return " ".join(p for p in parts if p).lower()


def refresh_person(person: Person, household: Household | None) -> None:
    """Recompute a person's derived columns."""
    full, initials = search_keys(person.name or "")
    person.pinyin_full = full
    person.pinyin_initials = initials
    person.category_flags = category_flags(person.categories)
    person.search_text = person_search_text(person, household.address_text if household else "")


def _derive(session: Session, touched: list[SyncMixin]) -> None:
    moved_households = [
        h
        for h in touched
        if isinstance(h, Household) and inspect(h).attrs.address_text.history.has_changes()
    ]
    # Households added in this same flush are not in the identity map yet: look there first.
    pending = {h.id: h for h in touched if isinstance(h, Household) and h.id}
    with session.no_autoflush:
        for obj in touched:
            if isinstance(obj, Person):
                household = None
                if obj.household_id:
                    household = pending.get(obj.household_id) or session.get(
                        Household, obj.household_id
                    )
                refresh_person(obj, household)
    for household in moved_households:
        if inspect(household).pending:
            continue
        with session.no_autoflush:
            members = session.scalars(select(Person).where(Person.household_id == household.id))
            for person in members:
                refresh_person(person, household)


def install() -> None:
    """Register the deriver with the change-log hook (idempotent)."""
    changes.register_deriver(_derive)
