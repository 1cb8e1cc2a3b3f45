"""People in the register: categories, age bands, living arrangements, phone numbers.

Categories (人员类别) come in two kinds:

- **explicit** ones a worker records (独居、空巢、留守、失能、失智、重残、低保、特困、
  计划生育特殊家庭、低收入 …), stored as codes in ``Person.categories``;
- **derived** ones computed from the birth date on a given day and never typed or stored:
  高龄 (``advanced_age``, 80 and over), 长寿 (``longevity``, 90 and over) and 百岁
  (``centenarian``, 100 and over). They nest: a 92-year-old is both 高龄 and 长寿. 80 is the
  usual national threshold of 高龄 (高龄津贴); 90 and 100 are the tiers Jiangsu's 尊老金 and most
  local visiting schemes single out. This is a local choice recorded in docs/daily-work.md.

重残 follows Jiangsu's 重度残疾人护理补贴: grades 1–2 of any kind plus grade-3 intellectual and
mental disability (the national scheme, 国发〔2015〕52号, covers grades 1–2 and lets provinces
widen it; Jiangsu did). 优抚对象 means the 重点优抚对象 who draw regular 抚恤/补助 (disabled
servicemen, martyrs' and deceased servicemen's families, demobilised and sick-returned veterans,
veterans of combat and tests), not every veteran: the 2024 军人抚恤优待条例 names all veterans
among its 抚恤优待对象, but offices and local schemes keep the narrower 优抚对象 list. Both are
local choices, recorded in docs/register-rules.md.

特殊困难老年人 (special-hardship elders) follow the national visiting-care policy (standards §5):
独居、空巢、留守、失能、重残、计划生育特殊家庭. 失智 counts with 失能, as the national
elderly-friendly-community scoring rules write "失能(含失智)" (standards §6).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from afc_desktop.domain.ages import age_on, years_before


@dataclass(frozen=True)
class Category:
    """A person category: stable code, Chinese label, whether it is derived from age."""

    code: str
    label: str
    derived: bool = False
    min_age: int | None = None  # derived categories only
    description: str = ""


EXPLICIT_CATEGORIES: tuple[Category, ...] = (
    Category("alone", "独居", description="一人居住，无同住人员"),
    Category("empty_nest", "空巢", description="无子女或子女不在身边，仅与配偶同住"),
    Category("left_behind", "留守", description="子女长期外出，留在户籍地生活（多见于农村）"),
    Category("disabled", "失能", description="日常生活需要他人照料"),
    Category("dementia", "失智", description="认知障碍（如老年痴呆）"),
    Category(
        "severe_disability",
        "重残",
        description="持一级、二级残疾证，或三级智力、精神残疾（江苏重度残疾人护理补贴口径）",
    ),
    Category("dibao", "低保", description="享受最低生活保障"),
    Category("tekun", "特困", description="特困供养人员"),
    Category("family_planning_special", "计划生育特殊家庭", description="独生子女伤残或死亡家庭"),
    Category("low_income", "低收入", description="低收入家庭（含低保边缘家庭）"),
    Category(
        "entitled",
        "优抚对象",
        description="重点优抚对象：残疾军人，烈士、因公牺牲军人、病故军人遗属，在乡复员军人，"
        "带病回乡退伍军人，参战参试退役人员等享受定期抚恤补助者（不含一般退役军人）",
    ),
)

DERIVED_CATEGORIES: tuple[Category, ...] = (
    Category("advanced_age", "高龄", derived=True, min_age=80, description="80周岁及以上"),
    Category("longevity", "长寿", derived=True, min_age=90, description="90周岁及以上"),
    Category("centenarian", "百岁", derived=True, min_age=100, description="100周岁及以上"),
)

ALL_CATEGORIES: tuple[Category, ...] = EXPLICIT_CATEGORIES + DERIVED_CATEGORIES
_BY_CODE = {c.code: c for c in ALL_CATEGORIES}
_BY_LABEL = {c.label: c for c in ALL_CATEGORIES}
EXPLICIT_CODES = frozenset(c.code for c in EXPLICIT_CATEGORIES)
DERIVED_CODES = frozenset(c.code for c in DERIVED_CATEGORIES)

SPECIAL_HARDSHIP_CODES = frozenset(
    {"alone", "empty_nest", "left_behind", "disabled", "dementia", "severe_disability",
     "family_planning_special"}
)  # fmt: skip


class CategoryError(ValueError):
    """An unknown or non-typable category; ``message`` is plain Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def category(code: str) -> Category:
    """The category with this code; raises :class:`CategoryError` for an unknown code."""
    try:
        return _BY_CODE[code]
    except KeyError:
        raise CategoryError(f"未知的人员类别：{code}") from None


def category_label(code: str) -> str:
    """Chinese label for a category code (the code itself when unknown)."""
    found = _BY_CODE.get(code)
    return found.label if found else code


def category_code(text: str) -> str:
    """Accept a code or a Chinese label and return the code (for imports and the CLI)."""
    text = text.strip()
    if text in _BY_CODE:
        return text
    if text in _BY_LABEL:
        return _BY_LABEL[text].code
    raise CategoryError(f"未知的人员类别：{text}")


def clean_explicit(codes: Iterable[str]) -> list[str]:
    """Validate typed categories: known, explicit, no duplicates; returned in canonical order.

    Derived categories (高龄 …) are refused with a message saying they are computed.
    """
    wanted = set()
    for raw in codes:
        code = category_code(raw)
        if code in DERIVED_CODES:
            raise CategoryError(f"“{category_label(code)}”由出生日期自动计算，不能手工填写")
        wanted.add(code)
    return [c.code for c in EXPLICIT_CATEGORIES if c.code in wanted]


def derived_categories(birth_date: date | None, on: date) -> list[str]:
    """Age-derived category codes for someone born on ``birth_date``, on day ``on``."""
    if birth_date is None:
        return []
    age = age_on(birth_date, on)
    return [c.code for c in DERIVED_CATEGORIES if c.min_age is not None and age >= c.min_age]


def all_categories(explicit: Iterable[str], birth_date: date | None, on: date) -> list[str]:
    """Explicit categories (canonical order) followed by the derived ones for ``on``.

    Any derived code found among ``explicit`` (e.g. from old data) is ignored and recomputed.
    """
    typed = {c for c in explicit if c in EXPLICIT_CODES}
    ordered = [c.code for c in EXPLICIT_CATEGORIES if c.code in typed]
    return ordered + derived_categories(birth_date, on)


def is_special_hardship(categories: Iterable[str]) -> bool:
    """特殊困难老年人: 独居、空巢、留守、失能（含失智）、重残、计划生育特殊家庭."""
    return any(c in SPECIAL_HARDSHIP_CODES for c in categories)


# --- age bands (年龄段) -------------------------------------------------------------------

AGE_BANDS: tuple[tuple[str, str, int, int | None], ...] = (
    ("60-69", "60–69岁", 60, 69),
    ("70-79", "70–79岁", 70, 79),
    ("80-89", "80–89岁", 80, 89),
    ("90+", "90岁及以上", 90, None),
)
UNDER_60 = "under-60"


def age_band(birth_date: date | None, on: date) -> str | None:
    """Age band code ("60-69" … "90+", "under-60"), or ``None`` without a birth date."""
    if birth_date is None:
        return None
    age = age_on(birth_date, on)
    for code, _label, low, high in AGE_BANDS:
        if age >= low and (high is None or age <= high):
            return code
    return UNDER_60


def age_band_label(code: str) -> str:
    """Chinese label of an age band code."""
    for band, label, _low, _high in AGE_BANDS:
        if band == code:
            return label
    return "60岁以下" if code == UNDER_60 else code


def birth_range_for_band(code: str, on: date) -> tuple[date | None, date | None]:
    """Birth-date bounds (inclusive, either may be ``None``) of an age band on day ``on``.

    Lets a query filter an indexed birth_date column instead of computing ages row by row.
    """
    for band, _label, low, high in AGE_BANDS:
        if band == code:
            latest = years_before(on, low)
            earliest = None if high is None else _day_after(years_before(on, high + 1))
            return earliest, latest
    if code == UNDER_60:
        return _day_after(years_before(on, 60)), None
    raise ValueError(f"未知的年龄段：{code}")


def _day_after(day: date) -> date:
    return date.fromordinal(day.toordinal() + 1)


# --- living arrangements (居住情况, GB/T 42195 A.2.10) -------------------------------------

LIVING_ARRANGEMENTS: tuple[tuple[str, str], ...] = (
    ("alone", "独居"),
    ("with_spouse", "与配偶居住"),
    ("with_children", "与子女居住"),
    ("with_parents", "与父母居住"),
    ("with_siblings", "与兄弟姐妹居住"),
    ("with_other_relatives", "与其他亲属居住"),
    ("with_non_relatives", "与非亲属关系的人居住"),
    ("institution", "养老机构"),
)
_LIVING = dict(LIVING_ARRANGEMENTS)
_LIVING_BY_LABEL = {label: code for code, label in LIVING_ARRANGEMENTS}


def living_arrangement_label(code: str) -> str:
    """Chinese label for a living-arrangement code (the code itself when unknown)."""
    return _LIVING.get(code, code)


def living_arrangement_code(text: str) -> str:
    """Accept a code or Chinese label; raises :class:`CategoryError` when unknown."""
    text = text.strip()
    if text in _LIVING:
        return text
    if text in _LIVING_BY_LABEL:
        return _LIVING_BY_LABEL[text]
    raise CategoryError(f"未知的居住情况：{text}")


# --- phone numbers (联系电话) --------------------------------------------------------------

SUZHOU_AREA_CODE = "0512"
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LOCAL = re.compile(r"^[2-9]\d{7}$")  # 8-digit Suzhou number without area code
_PHONE_FOLD = str.maketrans("０１２３４５６７８９－（）", "0123456789-()")
_PHONE_BAD = re.compile(r"[^\d\s\-()+]")
_NON_DIGIT = re.compile(r"\D")


class PhoneError(ValueError):
    """A phone number that is not valid; ``message`` is plain Chinese for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def normalize_phone(raw: str) -> str:
    """Validate a phone number and return its canonical form.

    Mobile numbers become 11 digits (``13812345678``; a ``+86``/``86`` prefix is dropped);
    landlines become ``0512-65123456`` (an 8-digit local number gets Suzhou's 0512). Spaces,
    dashes and brackets are accepted. Raises :class:`PhoneError` with a plain message.
    """
    text = str(raw).strip().translate(_PHONE_FOLD)
    if not text:
        raise PhoneError("电话号码为空")
    if _PHONE_BAD.search(text):
        raise PhoneError(f"电话号码“{raw}”含有数字以外的字符")
    digits = _NON_DIGIT.sub("", text)
    if text.startswith("+86") or (digits.startswith("86") and len(digits) == 13):
        digits = digits[2:]
    if digits.startswith("1"):
        if _MOBILE.match(digits):
            return digits
        if len(digits) != 11:
            raise PhoneError(f"手机号应为11位，现为{len(digits)}位")
        raise PhoneError("手机号第二位应为3至9")
    if digits.startswith("0"):
        area, number = _split_area(digits)
        if area:
            return f"{area}-{number}"
        if digits.startswith(SUZHOU_AREA_CODE):
            raise PhoneError("苏州固定电话应为 0512 加8位号码，如 0512-65123456")
        raise PhoneError("固定电话应为区号加7至8位号码，如 0512-65123456")
    if _LOCAL.match(digits):
        return f"{SUZHOU_AREA_CODE}-{digits}"
    raise PhoneError("电话号码格式不对：手机号为11位，固定电话如 0512-65123456")


def _split_area(digits: str) -> tuple[str, str]:
    """Split a landline into area code and number; ("", "") when it does not fit."""
    if digits.startswith(SUZHOU_AREA_CODE):
        return (SUZHOU_AREA_CODE, digits[4:]) if len(digits) == 12 else ("", "")
    if digits.startswith("010") or digits.startswith("02"):  # three-digit area codes, 8 digits
        return (digits[:3], digits[3:]) if len(digits) == 11 else ("", "")
    if len(digits) in (11, 12):  # four-digit area codes, 7 or 8 digits
        return digits[:4], digits[4:]
    return "", ""


def phone_problem(raw: str | None) -> str | None:
    """The plain-Chinese problem with a phone number, or ``None`` when it is fine or empty."""
    if raw is None or not str(raw).strip():
        return None
    try:
        normalize_phone(raw)
    except PhoneError as exc:
        return exc.message
    return None


def is_mobile(phone: str) -> bool:
    """True for a normalized mobile number."""
    return bool(_MOBILE.match(phone))
