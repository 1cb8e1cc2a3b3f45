"""Resident ID numbers (居民身份证号码, GB 11643-1999).

Validates format, birth date and the ISO 7064 MOD 11-2 check digit; converts legacy 15-digit
numbers; derives birth date and sex. The area code (地址码) is *not* checked against a list:
retired codes such as 320502/3/4 (old 沧浪/平江/金阊) and 320584 (old 吴江市) still appear on valid
cards (standards §7).
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from datetime import date

from afc_desktop.domain.ages import age_on as age_on  # re-exported; ages live in ages.py

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"

_FULLWIDTH = str.maketrans("０１２３４５６７８９ｘＸ", "0123456789xX")
_RE18 = re.compile(r"^\d{17}[\dX]$")
_RE15 = re.compile(r"^\d{15}$")
_PLAIN18 = re.compile(r"[0-9]{17}[0-9X]")


class IdNumberError(ValueError):
    """An ID number that is not valid; ``message`` is plain Chinese for the user."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class IdNumber:
    """A validated 18-digit ID number with what it tells about its holder."""

    value: str
    area_code: str
    birth_date: date
    sex: str  # "M" or "F"

    def masked(self) -> str:
        """Masked form for lists: first 4 and last 4 visible (3205**********123X)."""
        return mask_id_number(self.value)


def check_digit(first17: str) -> str:
    """The MOD 11-2 check character for the first 17 digits."""
    if len(first17) != len(WEIGHTS):
        raise ValueError("check_digit needs the first 17 characters")
    total = sum(map(operator.mul, map(int, first17), WEIGHTS))
    return CHECK_CHARS[total % 11]


def normalize(raw: str) -> str:
    """Strip spaces, fold full-width digits and lowercase x; no validation."""
    return re.sub(r"\s+", "", str(raw).translate(_FULLWIDTH)).upper()


def parse_id_number(raw: str, *, today: date) -> IdNumber:
    """Validate ``raw`` and return the 18-digit ID number.

    15-digit legacy numbers are converted (``19`` inserted, check digit computed). Raises
    :class:`IdNumberError` with a plain-Chinese message on any failure.
    """
    # a plain 18-character number (as most ledgers hold it) is already in normal form
    text = raw if type(raw) is str and _PLAIN18.fullmatch(raw) else normalize(raw)
    if not text:
        raise IdNumberError("empty", "身份证号为空")
    if _RE15.match(text):
        text = text[:6] + "19" + text[6:]
        text = text + check_digit(text)
    elif len(text) != 18:
        raise IdNumberError("length", f"身份证号应为18位，现为{len(text)}位")
    elif not _RE18.match(text):
        raise IdNumberError("format", "身份证号只能由数字组成，最后一位可以是X")
    try:
        born = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise IdNumberError("date", f"身份证号中的出生日期 {text[6:14]} 不存在") from None
    if born > today:
        raise IdNumberError("future", "身份证号中的出生日期晚于今天")
    if born.year < 1890:
        raise IdNumberError("date", f"身份证号中的出生年份 {born.year} 不合理")
    expected = check_digit(text[:17])
    if text[17] != expected:
        raise IdNumberError(
            "check", f"身份证号校验位错误（最后一位应为 {expected}），请核对是否抄错"
        )
    sex = "M" if int(text[16]) % 2 == 1 else "F"
    return IdNumber(value=text, area_code=text[:6], birth_date=born, sex=sex)


def is_valid(raw: str, *, today: date) -> bool:
    """True when ``raw`` parses as an ID number (born no later than ``today``)."""
    try:
        parse_id_number(raw, today=today)
    except IdNumberError:
        return False
    return True


def mask_id_number(value: str | None) -> str:
    """Mask the middle of an ID number: ``3205**********123X``. Short values are fully masked."""
    if not value:
        return ""
    if len(value) < 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def mask_to_last_four(value: str | None) -> str:
    """Only the last four characters show: ``**************123X`` (for printed lists)."""
    if not value:
        return ""
    if len(value) <= 4:
        return "*" * len(value)
    return "*" * (len(value) - 4) + value[-4:]
