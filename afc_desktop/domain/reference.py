"""Suzhou reference areas (苏州行政区划参考数据).

Districts and county-level cities (区、县级市) with their GB/T 2260 codes, the towns and streets
(镇、街道) of the NBS statistical division codes, and the 22 pilot communities of the 2021 action
plan (老年友好社区建设试点). The data ships read-only inside the package
(``afc_desktop/data/suzhou_areas.json``; its ``sources`` block says where each part comes from).

Rules worth knowing:

- 苏州工业园区 is *not* a GB/T 2260 division; it carries the NBS statistical code 320576
  (320571 up to the 2022 release). Both resolve here.
- Retired codes (320502/3/4 → 姑苏区 320508, 320584 吴江市 → 吴江区 320509) still appear on valid ID
  cards; :func:`district_name` resolves them to their successor with a note.
- Where a pilot community's town is not a statistical unit (e.g. 昆山高新区) its ``town_code`` is
  ``None``: codes are never invented, and a community may always be typed free.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

CITY_CODE = "320500"
CITY_NAME = "苏州市"


@dataclass(frozen=True)
class District:
    """A district or county-level city (区/县级市) of Suzhou."""

    code: str
    name: str
    short: str
    aliases: tuple[str, ...]
    gb2260: bool  # False for 苏州工业园区 (NBS statistical code only)
    note: str = ""


@dataclass(frozen=True)
class RetiredDistrict:
    """A code that no longer names a division but still appears on ID numbers."""

    code: str
    name: str
    successor: str
    note: str


@dataclass(frozen=True)
class Street:
    """A town or street (镇/街道, NBS 乡级 unit); ``kind`` is "street", "town" or "other"."""

    code: str
    name: str
    district_code: str
    kind: str


@dataclass(frozen=True)
class PilotCommunity:
    """One of the 22 first pilot communities (首批老年友好社区建设试点)."""

    district_code: str
    town: str
    community: str
    town_code: str | None
    note: str = ""

    @property
    def full_name(self) -> str:
        """District, town and community as written in the plan: 姑苏区平江街道梅巷社区."""
        return f"{district_name(self.district_code).name}{self.town}{self.community}"


@dataclass(frozen=True)
class DistrictName:
    """The result of resolving a code: current name, current code, and a note if retired."""

    code: str
    name: str
    note: str = ""


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    text = resources.files("afc_desktop").joinpath("data", "suzhou_areas.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@lru_cache(maxsize=1)
def districts() -> tuple[District, ...]:
    """The current districts and county-level cities, in code order."""
    return tuple(
        District(
            code=d["code"],
            name=d["name"],
            short=d["short"],
            aliases=tuple(d.get("aliases", ())),
            gb2260=bool(d["gb2260"]),
            note=d.get("note", ""),
        )
        for d in _data()["districts"]
    )


@lru_cache(maxsize=1)
def retired_districts() -> tuple[RetiredDistrict, ...]:
    """Codes that were retired, each with the code that replaced it."""
    return tuple(RetiredDistrict(**r) for r in _data()["retired_districts"])


@lru_cache(maxsize=1)
def _streets() -> tuple[Street, ...]:
    return tuple(Street(**s) for s in _data()["streets"])


def streets(district_code: str, *, include_other: bool = True) -> tuple[Street, ...]:
    """Towns and streets of a district (a retired code gives its successor's).

    ``include_other=False`` leaves out units that are not towns or streets (development zones,
    farms, bonded areas).
    """
    code = resolve_code(district_code)
    return tuple(
        s for s in _streets() if s.district_code == code and (include_other or s.kind != "other")
    )


def street_by_code(code: str) -> Street | None:
    """The town/street with this 9-digit code, or ``None`` when it is not in the list."""
    for s in _streets():
        if s.code == code:
            return s
    return None


@lru_cache(maxsize=1)
def pilot_communities() -> tuple[PilotCommunity, ...]:
    """The 22 pilot communities in the order of the action plan's annex."""
    return tuple(
        PilotCommunity(
            district_code=p["district_code"],
            town=p["town"],
            community=p["community"],
            town_code=p.get("town_code"),
            note=p.get("note", ""),
        )
        for p in _data()["pilot_communities"]
    )


def resolve_code(code: str) -> str:
    """The current district code for ``code`` (retired codes map to their successor)."""
    for r in retired_districts():
        if r.code == code:
            return r.successor
    return code


def district_name(code: str) -> DistrictName:
    """Resolve a 6-digit district code to its current name.

    A retired code resolves to its successor with a note ("原沧浪区，已并入姑苏区"). An unknown
    code raises :class:`KeyError` with a plain-Chinese message.
    """
    note = ""
    for r in retired_districts():
        if r.code == code:
            note = r.note
            code = r.successor
            break
    for d in districts():
        if d.code == code:
            return DistrictName(code=d.code, name=d.name, note=note)
    raise KeyError(f"区划代码 {code} 不是苏州市的区或县级市")


def is_suzhou_code(code: str) -> bool:
    """True when a 6-digit code is a current or retired Suzhou district code."""
    try:
        district_name(code)
    except KeyError:
        return False
    return True
