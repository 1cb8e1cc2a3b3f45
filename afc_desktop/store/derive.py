"""Local columns derived on every write: a person's search text, pinyin and category flags.

Runs inside the change-log flush and on the bulk insert path (both registered by
``store.hooks.install_hooks``), so a person written by any code path — dialog, import, sync
apply — is searchable at once. A household's new address is carried into the search text of its
members.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from .models.base import SyncMixin
from .models.core import Household, Person


def category_flags(categories: list[str] | None) -> str:
    """Category codes as ``,a,b,`` so that ``LIKE '%,a,%'`` filters on one column."""
    codes = sorted({c for c in categories or [] if c})
    return "," + ",".join(codes) + "," if codes else ""


def derived_columns(
    name: str, id_number: str | None, phone: str | None, categories: list[str] | None, address: str
) -> dict[str, str]:
    """The local columns of a person: pinyin, initials, category flags and search text."""
    # Imported here: pypinyin's dictionaries take half a second to load, which start-up
    # should not pay before anyone writes a person.
    from ..domain.search_keys import search_keys

    full, initials = search_keys(name or "")
    parts = [name or "", full, initials, id_number or "", phone or "", address]
    return {
        "pinyin_full": full,
        "pinyin_initials": initials,
        "category_flags": category_flags(categories),
        "search_text": " ".join(p for p in parts if p).lower(),
    }


def refresh_person(person: Person, household: Household | None) -> None:
    """Recompute a person's derived columns."""
    values = derived_columns(
        person.name,
        person.id_number,
        person.phone,
        person.categories,
        household.address_text if household else "",
    )
    for key, value in values.items():
        setattr(person, key, value)


def derive_objects(session: Session, touched: list[SyncMixin]) -> None:
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
            members = session.scalars(select(Person).where(Person.household_id == household.id))
            for person in members:
                refresh_person(person, household)


def derive_person_rows(session: Session, rows: list[dict[str, Any]]) -> None:
    """Bulk path: the same derived columns for new person rows given as dicts."""
    ids = list({r["household_id"] for r in rows if r.get("household_id")})
    addresses: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        stmt = select(Household.id, Household.address_text).where(Household.id.in_(chunk))
        addresses.update((hid, text) for hid, text in session.execute(stmt))
    for row in rows:
        row.update(
            derived_columns(
                row.get("name") or "",
                row.get("id_number"),
                row.get("phone"),
                row.get("categories"),
                addresses.get(row.get("household_id") or "", ""),
            )
        )
