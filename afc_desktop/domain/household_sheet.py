"""The household visit record on paper (入户探访记录, form ``household-visit``): what each of
its boxes stands for, and the ticks read back as a household visit's content.

Box items are named ``H.<part>`` for the household's general part (written once) and
``<person id>.<part>`` for each elder's own part, so a sheet whose elders changed since printing
cannot be read onto another elder (the layout fingerprint covers the item names). Parts:
``mode``; ``<area>.level`` (正常 / 需关注 / 有问题) and ``<area>.issues`` (multi) for each area;
``presence`` (在家 / 不在家 / 未见到); ``flags`` (risk flags, multi); ``risk`` (一般 / 高风险).

Reading follows the person visit record's rules: an area whose issues are ticked but whose
level is not is 需关注; a level 正常 beside ticked issues, two ticks in a one-answer group, or an
uncertain box leave that part for the worker (``doubtful``). An elder whose presence cannot be
read is 未见到 until the worker says otherwise: nothing is recorded for them on a guess.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from . import visit_content as vc

FORM_ID = "household-visit"
FORM_VERSION = 2  # v1: the route's household record before it could be read back
FORM_TITLE = "入户探访记录"
GENERAL = "H"
GENERAL_AREAS = ("safety", "family")  # written once for the home
OWN_AREAS = ("health", "economy", "services")  # each elder's own
PRESENCE: tuple[tuple[str, str], ...] = (
    ("present", "在家（见到本人）"),
    ("absent", "不在家"),
    ("not_seen", "未见到"),
)
RISK_LEVELS: tuple[tuple[str, str], ...] = (("normal", "一般"), ("high", "高风险"))
MULTI_PARTS = ("issues", "flags")


def item(owner: str, part: str) -> str:
    """The box item id of ``part`` for ``owner`` (``GENERAL`` or a person id)."""
    return f"{owner}.{part}"


def is_multi(item_id: str) -> bool:
    """Whether the item takes every ticked box (issues, risk flags) rather than one."""
    return item_id.rsplit(".", 1)[-1] in MULTI_PARTS


@dataclass(frozen=True)
class SheetMember:
    """One elder as read from the sheet."""

    person_id: str
    presence: str
    findings: vc.Findings
    risk_flags: tuple[str, ...]
    risk_level: str | None  # None: not ticked (suggested from the flags)


@dataclass(frozen=True)
class SheetHouseholdVisit:
    """What a read-back household visit record says, in the household visit service's terms."""

    mode: str
    findings: vc.Findings  # the general part
    members: tuple[SheetMember, ...]
    doubtful: tuple[str, ...]  # item ids the worker must look at


def _area(
    owner: str, code: str, answers: Mapping[str, Any], doubtful: list[str]
) -> vc.AreaFinding | None:
    known = dict(vc.AREA_BY_CODE[code].issues)
    issues = tuple(i for i in answers.get(item(owner, f"{code}.issues")) or () if i in known)
    level = answers.get(item(owner, f"{code}.level"))
    if level not in vc.LEVEL_LABELS:
        level = None
    if issues and level in (None, "ok"):
        if level == "ok":  # 正常 beside ticked issues: the worker decides
            doubtful.append(item(owner, f"{code}.level"))
        level = "attention"
    if level is None:
        return None
    return vc.AreaFinding(level=level, issues=issues)


def household_visit_from_sheet(
    answers: Mapping[str, Any], doubtful: Sequence[str], person_ids: Sequence[str]
) -> SheetHouseholdVisit:
    """The household visit content of ``answers`` (item id → value) for the elders
    ``person_ids`` in print order; ``doubtful`` are the items the reader was unsure of."""
    unsure = list(doubtful)
    mode = answers.get(item(GENERAL, "mode"))
    if mode not in vc.MODE_LABELS:
        mode = "home"  # the route is for visiting the door
    general = {
        code: found
        for code in GENERAL_AREAS
        if (found := _area(GENERAL, code, answers, unsure)) is not None
    }
    members = []
    for pid in person_ids:
        presence = answers.get(item(pid, "presence"))
        if presence not in dict(PRESENCE):
            presence = "not_seen"
            if item(pid, "presence") not in unsure:
                unsure.append(item(pid, "presence"))
        own = {
            code: found
            for code in OWN_AREAS
            if (found := _area(pid, code, answers, unsure)) is not None
        }
        flags = vc.validate_risk_flags(
            f for f in answers.get(item(pid, "flags")) or () if f in vc.RISK_FLAG_LABELS
        )
        risk = answers.get(item(pid, "risk"))
        members.append(
            SheetMember(
                person_id=pid,
                presence=presence,
                findings=vc.Findings(own),
                risk_flags=flags,
                risk_level=risk if risk in dict(RISK_LEVELS) else None,
            )
        )
    return SheetHouseholdVisit(mode, vc.Findings(general), tuple(members), tuple(unsure))


def part_label(item_id: str) -> str:
    """The Chinese name of an item's part (是否见到, 健康情况, 风险 …) for the worker's list."""
    part = item_id.split(".", 1)[1] if "." in item_id else item_id
    if part == "mode":
        return "探访方式"
    if part == "presence":
        return "是否见到"
    if part in ("flags", "risk"):
        return "风险"
    code, _, kind = part.partition(".")
    area = vc.AREA_BY_CODE.get(code)
    if area is None:
        return part
    return f"{area.label}{'问题' if kind == 'issues' else '情况'}"
