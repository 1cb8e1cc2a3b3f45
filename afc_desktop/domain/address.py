"""Addresses (住址): one door, however a ledger spells it.

Ledgers write the same door differently from row to row — 3幢1单元501室, 3-1-501, 3栋1单元501,
3号楼1单元501室, full-width digits, spaces, a 苏州市姑苏区 prefix, a missing 室, 五组 for 5组.
:func:`parse_address` reads such text into its parts, 小区/楼栋/单元/室 (urban) or
自然村/组/门牌 (rural), and :func:`same_door` compares two parsed addresses on the parts:

- ``"same"``: the same door (every part present on both sides agrees);
- ``"maybe"``: nothing contradicts, but a part is missing on one side (a unit, the estate) or a
  text could not be parsed — the software asks a person instead of guessing;
- ``"different"``: another estate, building, unit, room, group or house number.

:func:`walk_key` orders addresses for walking: estate, then building, unit and room as numbers
(2幢 before 10幢). The rules are written out in ``docs/address-matching.md``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

URBAN = "urban"
RURAL = "rural"

SAME = "same"
MAYBE = "maybe"
DIFFERENT = "different"

# Administrative prefixes a ledger may or may not write before the estate.
_PROVINCE = ("江苏省",)
_CITY = ("苏州市",)
_DISTRICTS = (
    "苏州工业园区",
    "工业园区",
    "姑苏区",
    "虎丘区",
    "高新区",
    "吴中区",
    "相城区",
    "吴江区",
    "沧浪区",
    "平江区",
    "金阊区",
    "常熟市",
    "张家港市",
    "昆山市",
    "太仓市",
)
_STREET = re.compile(r"^[\u4e00-\u9fff]{2,6}?(?:街道|镇)(?=.)")
_COMMUNITY = re.compile(r"^[\u4e00-\u9fff]{2,6}?(?:社区居委会|社区|居委会)(?=.)")

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_NUMBER = "[零〇一二两三四五六七八九十]+"
# Chinese numerals are read as numbers only before a marker of a part (五组, 三幢, 一单元).
_CN_BEFORE_MARKER = re.compile(rf"({_CN_NUMBER})(?=组|幢|栋|号楼|单元|队)")

_URBAN_FORMS = (
    # 3幢1单元501室 / 3栋1单元501 / 3号楼1单元501室 / 3幢501室 / 3#1单元501 / 3座1单元501
    re.compile(
        r"^(?P<estate>.*?)(?P<building>\d+)(?:号楼|号幢|号栋|幢|栋|座|#)-?"
        r"(?:(?P<unit>\d+)单元-?)?(?P<room>\d+)(?:室|号)?$"
    ),
    # 3-1-501 / 3-1-501室
    re.compile(r"^(?P<estate>.*?\D)?(?P<building>\d+)-(?P<unit>\d+)-(?P<room>\d+)室?$"),
    # 3-501 (building-room)
    re.compile(r"^(?P<estate>.*?\D)?(?P<building>\d+)-(?P<room>\d+)室?$"),
)
_RURAL_FORMS = (
    # 陈家浜5组18号 / 陈家浜5组18
    re.compile(r"^(?P<estate>.*?)(?P<building>\d+)(?:组|队)(?P<room>\d+)号?$"),
    # 北庄村18号 (no group written)
    re.compile(r"^(?P<estate>.*?村)(?P<room>\d+)号$"),
)
_ESTATE_SUFFIXES = ("小区", "自然村")


def _cn_number(text: str) -> int:
    """一 → 1, 十 → 10, 十五 → 15, 二十 → 20, 二十三 → 23."""
    if "十" not in text:
        value = 0
        for ch in text:
            value = value * 10 + _CN_DIGITS[ch]
        return value
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def normalize_text(raw: str) -> str:
    """The address without width, spaces or administrative prefixes: full-width digits and
    letters become ASCII (NFKC), spaces go, a leading 江苏省/苏州市/district/street/community is
    dropped, Chinese numerals before 组/幢/栋/单元 become digits, dashes are unified."""
    text = unicodedata.normalize("NFKC", raw or "")
    text = "".join(text.split())
    text = re.sub(r"[－—–~～]", "-", text)
    for prefixes in (_PROVINCE, _CITY, _DISTRICTS):
        for prefix in prefixes:
            if text.startswith(prefix) and len(text) > len(prefix):
                text = text[len(prefix) :]
                break
    text = _STREET.sub("", text, count=1)
    text = _COMMUNITY.sub("", text, count=1)
    return _CN_BEFORE_MARKER.sub(lambda m: str(_cn_number(m.group(1))), text)


def _estate(text: str | None) -> str:
    name = (text or "").strip("-,，、 ")
    for suffix in _ESTATE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
    return name


_PART = re.compile(rf"^(?:0*(\d+)|({_CN_NUMBER}))(?:号楼|幢|栋|单元|室|组|队|号)?$")


def _number(text: str | None) -> str:
    """A part as a number without leading zeros ("05" → "5", "3幢" → "3", "五组" → "5");
    text that is not a number stays as it is."""
    if not text:
        return ""
    value = unicodedata.normalize("NFKC", text).strip()
    match = _PART.match(value)
    if match is None:
        return value
    digits, chinese = match.groups()
    return str(int(digits)) if digits else str(_cn_number(chinese))


@dataclass(frozen=True)
class AddressParts:
    """An address read into its parts. ``kind`` is "urban", "rural" or "" (not parsed).

    ``building`` holds the 楼栋 (urban) or the 组 (rural); ``room`` the 室 or the 门牌; numbers are
    kept as digit strings without leading zeros. ``sure`` is False when the text could not be
    read into parts (then only ``text`` is known) or a part is missing; ``reason`` says why.
    """

    kind: str
    estate: str
    building: str
    unit: str
    room: str
    text: str  # the normalized text
    sure: bool = True
    reason: str = ""

    def key(self) -> tuple[str, ...]:
        """The door: equal keys are the same door for sure."""
        if not self.kind:
            return ("", self.text)
        return (self.kind, self.estate, self.building, self.unit, self.room)

    def display(self) -> str:
        """The parts written out the standard way (香溪花园3幢1单元501室 / 陈家浜5组18号)."""
        if self.kind == RURAL:
            group = f"{self.building}组" if self.building else ""
            return f"{self.estate}{group}{self.room}号" if self.room else self.estate + group
        if self.kind == URBAN:
            unit = f"{self.unit}单元" if self.unit else ""
            return f"{self.estate}{self.building}幢{unit}{self.room}室"
        return self.text


def parse_address(raw: str) -> AddressParts:
    """Read a ledger address into its parts (see the module docstring)."""
    text = normalize_text(raw)
    if not text:
        return AddressParts("", "", "", "", "", "", sure=False, reason="地址为空")
    for form in _RURAL_FORMS:
        m = form.match(text)
        if m:
            groups = m.groupdict()
            estate = _estate(groups.get("estate"))
            building = _number(groups.get("building"))
            reasons = []
            if not estate:
                reasons.append("没有写自然村")
            if not building:
                reasons.append("没有写组")
            return AddressParts(
                RURAL,
                estate,
                building,
                "",
                _number(groups["room"]),
                text,
                sure=not reasons,
                reason="，".join(reasons),
            )
    for form in _URBAN_FORMS:
        m = form.match(text)
        if m:
            groups = m.groupdict()
            estate = _estate(groups.get("estate"))
            unit = _number(groups.get("unit"))
            reasons = []
            if not estate:
                reasons.append("没有写小区")
            if not unit:
                reasons.append("没有写单元")
            return AddressParts(
                URBAN,
                estate,
                _number(groups["building"]),
                unit,
                _number(groups["room"]),
                text,
                sure=not reasons,
                reason="，".join(reasons),
            )
    return AddressParts("", "", "", "", "", text, sure=False, reason="无法识别楼栋和门牌")


def part_number(text: str) -> str:
    """One stored part as its number ("3幢" → "3", "五组" → "5", "0501室" → "501")."""
    return _number(text)


def estate_name(text: str) -> str:
    """A stored 小区/自然村 name as matched (prefixes and a 小区/自然村 suffix dropped)."""
    return _estate(normalize_text(text))


def parts_from_fields(
    kind: str, estate: str, building: str, unit: str, room: str, text: str = ""
) -> AddressParts:
    """The parts of a household stored field by field (``room`` may read 501室, ``building``
    3幢 or 五组); falls back to parsing ``text`` when the fields are empty."""
    estate_name = _estate(normalize_text(estate))
    if not estate_name and not building and not room:
        return parse_address(text)
    kind = RURAL if kind == RURAL else URBAN
    unit_n = _number(unit) if kind == URBAN else ""
    reasons = []
    if not estate_name:
        reasons.append("没有写自然村" if kind == RURAL else "没有写小区")
    if not building and kind == RURAL:
        reasons.append("没有写组")
    if kind == URBAN and not unit_n:
        reasons.append("没有写单元")
    if not room:
        reasons.append("没有写门牌" if kind == RURAL else "没有写室")
    parts = AddressParts(
        kind,
        estate_name,
        _number(building),
        unit_n,
        _number(room),
        normalize_text(text),
        sure=not reasons,
        reason="，".join(reasons),
    )
    return replace_text(parts)


def replace_text(parts: AddressParts) -> AddressParts:
    """``parts`` with its normalized text set from the parts when it had none."""
    if parts.text:
        return parts
    return AddressParts(
        parts.kind,
        parts.estate,
        parts.building,
        parts.unit,
        parts.room,
        parts.display(),
        parts.sure,
        parts.reason,
    )


def same_door(a: AddressParts, b: AddressParts) -> str:
    """ "same", "maybe" or "different" (see the module docstring)."""
    if not a.kind or not b.kind:
        if a.text and a.text == b.text:
            return SAME
        shorter, longer = sorted((a.text, b.text), key=len)
        if shorter and longer.startswith(shorter):
            return MAYBE  # an estate or village alone: which door is not written
        return DIFFERENT
    if a.kind != b.kind:
        return DIFFERENT
    if a.building != b.building or a.room != b.room:
        return DIFFERENT
    if not a.room and not b.room:
        return MAYBE
    verdict = SAME
    if a.estate != b.estate:
        if a.estate and b.estate:
            return DIFFERENT
        verdict = MAYBE
    if a.unit != b.unit:
        if a.unit and b.unit:
            return DIFFERENT
        verdict = MAYBE
    return verdict


class AddressIndex:
    """Households by door, to find the household an address belongs to.

    ``find`` returns ids of households that are the same door for sure and of those that may be
    (a part missing on one side): the caller uses the first, and asks about the second.
    """

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, ...], list[str]] = {}
        # loose key: what must agree for two doors to be even possibly the same
        self._by_loose: dict[tuple[str, ...], list[tuple[str, AddressParts]]] = {}
        self._by_estate: dict[str, list[tuple[str, AddressParts]]] = {}
        self._unparsed: list[tuple[str, AddressParts]] = []

    @staticmethod
    def _loose(parts: AddressParts) -> tuple[str, ...]:
        return (parts.kind, parts.building, parts.room)

    def add(self, household_id: str, parts: AddressParts) -> None:
        self._by_key.setdefault(parts.key(), []).append(household_id)
        if parts.kind:
            self._by_loose.setdefault(self._loose(parts), []).append((household_id, parts))
            self._by_estate.setdefault(parts.estate, []).append((household_id, parts))
        else:
            self._unparsed.append((household_id, parts))

    def find(self, parts: AddressParts) -> tuple[list[str], list[str]]:
        """(same door for sure, maybe the same door), each without repeats."""
        same = list(self._by_key.get(parts.key(), ()))
        maybe: list[str] = []
        # unparsed texts are few: each is compared; parsed ones only when they could match
        candidates: Iterable[tuple[str, AddressParts]] = [
            *(self._by_loose.get(self._loose(parts), ()) if parts.kind else ()),
            *(self._by_estate.get(parts.text, ()) if not parts.kind else ()),
            *self._unparsed,
        ]
        for hid, other in candidates:
            if hid in same or hid in maybe:
                continue
            verdict = same_door(parts, other)
            if verdict == SAME:
                same.append(hid)
            elif verdict == MAYBE:
                maybe.append(hid)
        return same, maybe


_NUM = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Text ordered with its numbers as numbers (2 before 10)."""
    return tuple(
        (0, int(piece)) if piece.isdigit() else (1, piece) for piece in _NUM.split(text) if piece
    )


def walk_key(parts: AddressParts) -> tuple[object, ...]:
    """Walking order: urban before unparsed, then estate (or village), building (or group),
    unit and room (or house number), numbers compared as numbers."""
    if not parts.kind:
        return (2, natural_key(parts.text))
    return (
        0 if parts.kind == URBAN else 1,
        parts.estate,
        natural_key(parts.building),
        natural_key(parts.unit),
        natural_key(parts.room),
    )
