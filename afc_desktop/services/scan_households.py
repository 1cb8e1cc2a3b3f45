"""Household visit records read back from a scan (入户探访记录回读): the household the QR code
names, its elders in print order (for recomputing the box map), and the household visit
**draft** (入户探访草稿) made from the ticks. Nothing is recorded here: the worker confirms the
draft in the household visit dialog beside the scanned pages kept with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..domain import household_sheet as hs
from ..printing.marks import SheetCode
from ..printing.pagemap import PageMap
from ..scan.locate import NotLocated
from ..store.models import Household, Person
from .context import AppContext
from .household_visits import HouseholdVisitInput, MemberEntry, household_elders
from .household_visits import save_household_draft as save_draft

NO_HOUSEHOLD_ADDRESS = "（未登记家庭）"


@dataclass(frozen=True)
class SheetDoor:
    """The door a household sheet was printed for, as the register has it now."""

    household_id: str | None
    person_ids: tuple[str, ...]  # the elders in print order
    names: dict[str, str]
    address: str


def sheet_door(ctx: AppContext, code: SheetCode) -> SheetDoor:
    """The household (``H…``) or lone elder (``P…``) of a household sheet; :class:`NotLocated`
    when the register no longer has it."""
    if code.form_version != hs.FORM_VERSION:
        raise NotLocated(f"找不到表单 {code.form_id} 第{code.form_version}版的定义")
    with ctx.session() as s:
        if code.household_id:
            household = s.get(Household, code.household_id)
            if household is None or household.deleted:
                raise NotLocated("表格所属家庭不在登记册中（可能已合并或删除）")
            people = household_elders(s, household.id)
            address = household.address_text
        else:
            person = s.get(Person, code.person_id) if code.person_id else None
            if person is None or person.deleted:
                raise NotLocated("表格所属人员不在登记册中（可能已删除）")
            people, address = [person], ""  # an elder without a household: no address
        return SheetDoor(
            household_id=code.household_id or None,
            person_ids=tuple(p.id for p in people),
            names={p.id: p.name for p in people},
            address=address or NO_HOUSEHOLD_ADDRESS,
        )


def door_page_map(door: SheetDoor, code: SheetCode) -> PageMap:
    """The box map of the door's record, recomputed for its elders as the register has them."""
    from ..printing.household_sheet import household_page_map

    return household_page_map(code.subject, door.person_ids)


def doubtful_labels(door: SheetDoor, doubtful: list[str]) -> list[str]:
    """The worker's list: 全户·探访方式, 王秀英·是否见到 …"""
    out = []
    for item_id in doubtful:
        owner = item_id.split(".", 1)[0]
        who = "全户" if owner == hs.GENERAL else door.names.get(owner, owner)
        label = f"{who}·{hs.part_label(item_id)}"
        if label not in out:
            out.append(label)
    return out


def save_household_scan(
    ctx: AppContext, door: SheetDoor, answers: dict[str, Any], doubtful: list[str]
) -> tuple[str, list[str], str]:
    """Save the household visit draft of a read-back sheet: (draft id, doubtful item ids,
    notes). The date is handwriting: the draft takes the day of the scan."""
    read = hs.household_visit_from_sheet(answers, doubtful, door.person_ids)
    unsure = list(read.doubtful)
    labels = doubtful_labels(door, unsure)
    notes = f"纸质表回读时勾选不清，请按纸面核对：{'、'.join(labels)}" if labels else ""
    data = HouseholdVisitInput(
        household_id=door.household_id,
        visit_date=ctx.today(),
        mode=read.mode,
        findings=read.findings,
        notes=notes,
        members=tuple(
            MemberEntry(
                person_id=m.person_id,
                presence=m.presence,
                findings=m.findings,
                risk_flags=m.risk_flags,
                risk_level=m.risk_level,
            )
            for m in read.members
        ),
        address_text="" if door.household_id else door.address,
        started_from="scan",
    )
    view = save_draft(ctx, data)
    return view.id, unsure, notes
