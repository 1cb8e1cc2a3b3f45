"""Writing a plan (the commit's work): new households and people on the bulk path, updates
through the ORM (which computes changed fields and ``base_rev``). Both record change events.

The new people leave the dry run as Person column values; here they only get their household
and community and go to ``store.bulk.insert_synced`` in one call, which writes them, their
search-index entries and their change events set-wise. Cancel is checked between the steps.
"""

from __future__ import annotations

from itertools import islice
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.address import parse_address
from ...store import bulk_sql
from ...store.bulk import bulk_load, insert_synced
from ...store.changes import session_clock
from ...store.models import Household, Person, new_id
from ..households import HouseholdAssigner, household_fields
from .model import BATCH, CancelFn, ImportPlan, ProgressFn, UpdateAction
from .planner import checkpoint

#: New people are written this many at a time (one bulk load around all of them).
WRITE_CHUNK = 5000


def household_row(
    address: str, community_id: str | None, hid: str | None = None, parts: Any = None
) -> dict[str, Any]:
    """A new household for an address as written; 小区/楼栋/单元/室 or 自然村/组/门牌 filled
    when it parses (``domain.address``)."""
    return {
        "id": hid or new_id(),
        "address_text": address,
        "community_id": community_id,
        **household_fields(parts if parts is not None else parse_address(address)),
    }


def addresses_in_order(plan: ImportPlan) -> list[tuple[int, str]]:
    """(sheet row, address) of every row that brings an address, new people first."""
    out = [
        (n.row, address)
        for n, address in zip(plan.new, plan._new_rows.addresses(), strict=True)
        if address
    ]
    out += [(u.row, u.address) for u in plan._updates if u.address]
    return out


def write_plan(
    s: Session,
    plan: ImportPlan,
    community_id: str | None,
    progress: ProgressFn | None,
    cancel: CancelFn | None,
) -> int:
    """Write ``plan`` in the session's transaction; returns the number of people written."""
    total = plan.actions
    checkpoint(cancel)
    wanted = dict.fromkeys(address for _row, address in addresses_in_order(plan))
    known = bulk_sql.live_households_at(s.connection(), list(wanted))
    households = []
    assigner: HouseholdAssigner | None = None  # only when some address is not found as written
    for address in wanted:  # households first, so members' search text sees the address
        if address not in known:
            # one door, one household, however the ledger spells it (domain.address)
            assigner = assigner or HouseholdAssigner(s)
            hid, is_new, parts, _maybe = assigner.assign(address, new_id())
            known[address] = hid
            if is_new:
                households.append(household_row(address, community_id, hid, parts))
    insert_synced(s, Household, households)
    checkpoint(cancel)
    imported_on = session_clock(s).today()
    new_rows = plan._new_rows
    done = 0
    with bulk_load(s, Person, len(new_rows)):  # in chunks: memory stays flat, cancel is heard
        rows = iter(new_rows)  # fresh dicts each time: the plan stays reusable
        while people := list(islice(rows, WRITE_CHUNK)):
            for row in people:
                home = row.pop("_address", None)
                # registered: the ledger's 登记日期, else the day of the import
                row["registered_on"] = row.get("registered_on") or imported_on
                row["community_id"] = community_id
                row["household_id"] = known.get(home) if home else None
            insert_synced(s, Person, people)
            done += len(people)
            checkpoint(cancel)
            if progress:
                progress("写入", done, total)
    updates = plan._updates
    for start in range(0, len(updates), BATCH):
        chunk = updates[start : start + BATCH]
        existing = {
            p.id: p
            for p in s.scalars(select(Person).where(Person.id.in_([u.person_id for u in chunk])))
        }
        for u in chunk:
            p = existing[u.person_id]
            values = _values(u)
            for key in u.changed & values.keys():
                setattr(p, key, values[key])
            if u.address:
                p.household_id = known[u.address]
        s.flush()
        done += len(chunk)
        checkpoint(cancel)
        if progress:
            progress("写入", done, total)
    return done


def _values(u: UpdateAction) -> dict[str, Any]:
    """Every imported column of an update, by Person attribute name."""
    d = u.data
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
        "ability_grade": u.ability_grade or "",
        "ability_assessed_on": u.ability_assessed_on,
    }
