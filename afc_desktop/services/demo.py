"""Demo data (演示数据): a generated Suzhou community written through the normal store path.

People are written in batches of households, each batch one transaction, so a 500,000-person
demo for benchmarks does not hold one giant transaction; the bulk insert path still gives every
row its change event.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..domain.demo import DemoHousehold, DemoPerson, generate_households
from ..store.bulk import insert_synced
from ..store.models import Household, Person, Site, new_id
from .context import AppContext
from .register import HouseholdInput, compose_address

BATCH_HOUSEHOLDS = 1000


def _household(hh: DemoHousehold, community_id: str | None) -> dict[str, Any]:
    data = HouseholdInput(
        kind=hh.kind,
        estate=(hh.estate if hh.kind == "urban" else hh.village) or "",
        building=(hh.building if hh.kind == "urban" else hh.group) or "",
        unit=hh.unit or "",
        room=(hh.room if hh.kind == "urban" else hh.door_number) or "",
        phone=hh.phone or "",
    )
    return {
        "id": new_id(),
        "community_id": community_id,
        "kind": data.kind,
        "estate": data.estate,
        "building": data.building,
        "unit": data.unit,
        "room": data.room,
        "phone": data.phone,
        "address_text": hh.address or compose_address(data),
    }


def _person(m: DemoPerson, household_id: str, community_id: str | None) -> dict[str, Any]:
    contacts = []
    if m.emergency_contact_name:
        contacts.append(
            {
                "name": m.emergency_contact_name,
                "relation": m.emergency_contact_relation or "",
                "phone": m.emergency_contact_phone or "",
            }
        )
    return {
        "community_id": community_id,
        "household_id": household_id,
        "relation_to_head": m.relation,
        "is_elder": m.is_elder,
        "name": m.name,
        "id_number": m.id_number,
        "sex": m.sex,
        "birth_date": m.birth_date,
        "phone": m.phone or "",
        "living_arrangement": m.living_arrangement or "",
        "categories": list(m.categories),
        "emergency_contacts": contacts,
    }


def populate(
    ctx: AppContext,
    people: int,
    *,
    seed: int = 2021,
    progress: Callable[[int, int], None] | None = None,
    daily: bool = True,
) -> int:
    """Add ``people`` generated residents (elders and some family members); returns the count.

    With ``daily``, the first 2,000 elders also get demo visits, needs, services and projects,
    so that every page of the demo has something to show.
    """
    ctx.require_user()
    with ctx.session() as s:
        site = s.query(Site).filter(Site.is_local.is_(True)).one()
        community_id = site.community_id
        from ..store.models import Community

        comm = s.get(Community, community_id) if community_id else None
        district = comm.district_code if comm else "320508"
        name = comm.name if comm else "梅巷社区"
    made = 0
    batch: list[DemoHousehold] = []

    def flush() -> None:
        nonlocal made
        with ctx.session(write=True) as s:
            households = [_household(hh, community_id) for hh in batch]
            insert_synced(s, Household, households)
            members = [
                _person(m, h["id"], community_id)
                for hh, h in zip(batch, households, strict=True)
                for m in hh.members
            ]
            insert_synced(s, Person, members)
            made += len(members)
        batch.clear()
        if progress:
            progress(made, people)

    for hh in generate_households(
        people, seed=seed, district_code=district, community_name=name, today=ctx.today()
    ):
        batch.append(hh)
        if len(batch) >= BATCH_HOUSEHOLDS:
            flush()
    if batch:
        flush()
    if daily:
        from .daily_demo import populate_daily

        populate_daily(ctx, seed=seed, max_elders=2000)
    return made
