"""Households by door (一户一门): matching addresses to households, merging and splitting them.

Addresses are compared on their parts (``domain.address``), not on the text: 3幢1单元501室 and
3-1-501 of the same estate are one household. Where a match is only possible (a unit or the
estate missing on one side, a text that does not parse) nothing is merged silently: the import
lists the question, entry asks the worker, and :func:`possible_duplicates` lists such pairs so a
worker can merge them (:func:`merge_households`) or, when one household holds two doors, split
it (:func:`split_household`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import address as addr
from ..store.models import Household, Person
from ..store.models.daily import Visit
from ..store.models.household_visit import HouseholdVisit
from . import audit
from .context import AppContext, ServiceError
from .daily_common import local_community_id
from .register import HouseholdInput, HouseholdView
from .register.households import _member_count, _validate_household, _write_household
from .register.views import household_view as _household_view


def parts_of(h: Household) -> addr.AddressParts:
    """A stored household's address parts (its fields, else its text)."""
    return addr.parts_from_fields(h.kind, h.estate, h.building, h.unit, h.room, h.address_text)


def input_parts(data: HouseholdInput) -> addr.AddressParts:
    """The parts of an address typed in the household form."""
    return addr.parts_from_fields(data.kind, data.estate, data.building, data.unit, data.room)


def household_fields(parts: addr.AddressParts) -> dict[str, str]:
    """Household columns for parsed parts (an unparsed address keeps its text only)."""
    if not parts.kind:
        return {"kind": "urban", "estate": "", "building": "", "unit": "", "room": ""}
    return {
        "kind": parts.kind,
        "estate": parts.estate,
        "building": parts.building,
        "unit": parts.unit,
        "room": parts.room,
    }


class HouseholdAssigner:
    """Finds (or plans) the household of each address, in order, as an import writes rows:
    the same door for sure joins that household; anything else is a new household, and a
    possible match becomes a question (:class:`AddressQuestion`)."""

    def __init__(self, s: Session) -> None:
        self.index = addr.AddressIndex()
        self.texts: dict[str, str] = {}  # household id -> address text, for the questions
        for hid, kind, estate, building, unit, room, text in s.execute(
            select(
                Household.id,
                Household.kind,
                Household.estate,
                Household.building,
                Household.unit,
                Household.room,
                Household.address_text,
            ).where(Household.deleted.is_(False))
        ):
            parts = addr.parts_from_fields(kind, estate, building, unit, room, text or "")
            if parts.text or parts.kind:
                self.index.add(hid, parts)
                self.texts[hid] = text or parts.display()
        self._by_text: dict[str, str] = {}

    def assign(self, address: str, new_id: str) -> tuple[str, bool, addr.AddressParts, list[str]]:
        """(household id, is new, parts, ids it may also be) for ``address``; ``new_id`` is
        used, and remembered, when no household is the same door for sure."""
        if address in self._by_text:
            hid = self._by_text[address]
            return hid, False, addr.parse_address(address), []
        parts = addr.parse_address(address)
        same, maybe = self.index.find(parts)
        if same:
            self._by_text[address] = same[0]
            return same[0], False, parts, []
        self.index.add(new_id, parts)
        self.texts[new_id] = address
        self._by_text[address] = new_id
        return new_id, True, parts, maybe


@dataclass(frozen=True)
class AddressQuestion:
    """An address the software would not match alone (是否同一户？)."""

    row: int  # the sheet row (0 when not from an import)
    address: str
    candidates: tuple[str, ...]  # addresses of households it may be
    reason: str


def question_for(
    row: int, address: str, parts: addr.AddressParts, maybe: list[str], texts: dict[str, str]
) -> AddressQuestion | None:
    """The question to ask about a new household, or None when its address is clear."""
    if maybe:
        why = parts.reason or "地址写法不同，部分信息缺失"
        return AddressQuestion(row, address, tuple(texts[h] for h in maybe), why)
    if not parts.sure:
        return AddressQuestion(row, address, (), parts.reason)
    return None


# --- entry -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AddressMatch:
    """Households an address typed in belongs to: for sure, or perhaps (ask)."""

    same: tuple[HouseholdView, ...]
    maybe: tuple[HouseholdView, ...]
    reason: str  # why the parse is unsure ("" when sure)


def match_address(ctx: AppContext, data: HouseholdInput | str) -> AddressMatch:
    """The households a typed address is (or may be), for the household form to ask before
    it creates a second household for the same door."""
    parts = addr.parse_address(data) if isinstance(data, str) else input_parts(data)
    with ctx.session() as s:
        assigner = HouseholdAssigner(s)
        same, maybe = assigner.index.find(parts)
        views = {
            h.id: _household_view(h, _member_count(s, h.id))
            for h in s.scalars(select(Household).where(Household.id.in_([*same, *maybe])))
        }
    return AddressMatch(tuple(views[h] for h in same), tuple(views[h] for h in maybe), parts.reason)


# --- duplicates, merge, split ----------------------------------------------------------------


@dataclass(frozen=True)
class DuplicateGroup:
    """Households that are (or may be) one door."""

    verdict: str  # "same" | "maybe"
    households: tuple[HouseholdView, ...]


def possible_duplicates(ctx: AppContext, limit: int = 500) -> list[DuplicateGroup]:
    """Households whose addresses are the same door (``same``) or may be (``maybe``)."""
    with ctx.session() as s:
        rows = list(
            s.scalars(
                select(Household)
                .where(Household.deleted.is_(False))
                .order_by(Household.created_at, Household.id)
            )
        )
        index = addr.AddressIndex()
        # union of households linked by same/maybe, order-independent: an address that may
        # be two doors (a unit missing) joins both into one group to look at
        parent: dict[str, str] = {}
        unsure: set[str] = set()

        def root(hid: str) -> str:
            while parent[hid] != hid:
                parent[hid] = parent[parent[hid]]
                hid = parent[hid]
            return hid

        for h in rows:
            parts = parts_of(h)
            same, maybe = index.find(parts)
            index.add(h.id, parts)
            parent[h.id] = h.id
            for other in (*same, *maybe):
                parent[root(other)] = root(h.id)
            if maybe:
                unsure.update((h.id, *maybe))
        members: dict[str, list[Household]] = {}
        for h in rows:
            members.setdefault(root(h.id), []).append(h)
        groups = {
            r: ("maybe" if any(m.id in unsure for m in group) else "same", group)
            for r, group in members.items()
            if len(group) > 1
        }
        out = [
            DuplicateGroup(
                verdict, tuple(_household_view(h, _member_count(s, h.id)) for h in group)
            )
            for verdict, group in list(groups.values())[:limit]
        ]
    out.sort(key=lambda g: (g.verdict != "same", g.households[0].address_text))
    return out


def _live(s: Session, household_id: str) -> Household:
    h = s.get(Household, household_id)
    if h is None or h.deleted:
        raise ServiceError("找不到该家庭（可能已被合并）", field="household_id")
    return h


def merge_households(ctx: AppContext, keep_id: str, other_ids: Sequence[str]) -> HouseholdView:
    """Merge households into ``keep_id`` (合并家庭): their members, visits and household
    visits move there; the others are tombstoned. One transaction."""
    ctx.require_user()
    others = [h for h in dict.fromkeys(other_ids) if h != keep_id]
    if not others:
        raise ServiceError("请至少选择两个家庭进行合并")
    with ctx.session() as s:
        keep = _live(s, keep_id)
        gone = [_live(s, hid) for hid in others]
        ids = [h.id for h in gone]
        for person in s.scalars(
            select(Person).where(Person.household_id.in_(ids), Person.deleted.is_(False))
        ):
            person.household_id = keep.id
        for visit in s.scalars(select(Visit).where(Visit.household_id.in_(ids))):
            visit.household_id = keep.id
        for hv in s.scalars(select(HouseholdVisit).where(HouseholdVisit.household_id.in_(ids))):
            hv.household_id = keep.id
        for h in gone:
            if h.phone and not keep.phone:
                keep.phone = h.phone
            h.deleted = True
        s.flush()
        audit.record(
            s,
            ctx,
            "merge_households",
            target_table="household",
            target_id=keep.id,
            detail={"merged": ids},
        )
        return _household_view(keep, _member_count(s, keep.id))


def split_household(
    ctx: AppContext, household_id: str, person_ids: Sequence[str], data: HouseholdInput
) -> HouseholdView:
    """Move some members of a household to a new household at address ``data`` (拆分家庭)."""
    ctx.require_user()
    data = _validate_household(data)
    moving = list(dict.fromkeys(person_ids))
    if not moving:
        raise ServiceError("请选择要拆分出去的成员", field="person_ids")
    with ctx.session() as s:
        source = _live(s, household_id)
        members = {
            p.id: p
            for p in s.scalars(
                select(Person).where(Person.household_id == source.id, Person.deleted.is_(False))
            )
        }
        if any(pid not in members for pid in moving):
            raise ServiceError("所选人员不是这个家庭的成员", field="person_ids")
        if len(moving) == len(members):
            raise ServiceError(
                "拆分时至少留一位成员在原家庭；整户搬家请直接修改地址", field="person_ids"
            )
        if addr.same_door(input_parts(data), parts_of(source)) == addr.SAME:
            raise ServiceError("新地址与原家庭是同一户，请填写另一个门牌", field="room")
        target = Household(community_id=local_community_id(s))
        _write_household(target, data)
        s.add(target)
        s.flush()
        for pid in moving:
            members[pid].household_id = target.id
        s.flush()
        audit.record(
            s,
            ctx,
            "split_household",
            target_table="household",
            target_id=target.id,
            detail={"from": source.id, "moved": len(moving)},
        )
        return _household_view(target, len(moving))


def normalize_household_input(data: HouseholdInput) -> HouseholdInput:
    """Parts as numbers where they are numbers (３幢 → 3, 五组 → 5), so compose_address writes
    the standard form."""
    return replace(
        data,
        building=addr.part_number(data.building) if data.building.strip() else "",
        unit=addr.part_number(data.unit) if data.unit.strip() else "",
        room=addr.part_number(data.room) if data.room.strip() else "",
    )


__all__ = [
    "AddressMatch",
    "AddressQuestion",
    "DuplicateGroup",
    "HouseholdAssigner",
    "match_address",
    "merge_households",
    "possible_duplicates",
    "split_household",
]
