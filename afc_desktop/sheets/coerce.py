"""Honest coercion of ledger cells (单元格取值): accept what people really type, refuse to guess.

- ID numbers stored as numbers have lost digits (Excel keeps 15 significant digits): a number,
  ``3.20502E+17`` or an 18-digit text ending in ``000`` that fails its check digit is reported
  as damaged, never repaired. An exact 15-digit legacy number is the one number that is kept.
- Dates: real date cells, Excel serial numbers, ``1942.3.5``, ``1942/03/05``, ``1942-3-5``,
  ``1942年3月5日``, ``19420305``; a year and month alone is refused as incomplete.
- Full-width digits, letters and spaces are folded; 男/女, 是/否, √/×; several categories in one
  cell separated by 、，,;/ or spaces.

Every function returns the clean value or ``None`` for an empty cell, and raises
:class:`CellError` (a plain-Chinese reason) otherwise.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta
from typing import Any

from afc_desktop.clock import process_clock
from afc_desktop.domain.idcard import IdNumberError, normalize, parse_id_number
from afc_desktop.domain.people import (
    DERIVED_CODES,
    CategoryError,
    PhoneError,
    category_code,
    clean_explicit,
    living_arrangement_code,
    normalize_phone,
)

_FOLD: dict[int, int | str] = {0x3000: " "}
_FOLD.update({cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)})  # full-width ASCII block


class CellError(ValueError):
    """A cell that cannot be taken; ``message`` is the plain-Chinese reason."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def fold(text: str) -> str:
    """Fold full-width ASCII characters and ideographic spaces to their plain forms."""
    return text.translate(_FOLD)


def is_blank(cell: Any) -> bool:
    """True for None, empty strings and whitespace (including full-width spaces)."""
    if cell is None:
        return True
    if isinstance(cell, str):
        return not cell.strip()
    return False


def to_text(cell: Any) -> str | None:
    """Plain text: whitespace collapsed, full-width digits and letters folded; 301.0 → "301"."""
    if is_blank(cell):
        return None
    if isinstance(cell, bool):
        return "是" if cell else "否"
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, datetime):
        cell = cell.date() if cell.time() == datetime.min.time() else cell
    if isinstance(cell, date):
        return cell.isoformat()
    return " ".join(fold(str(cell)).split()) or None


def to_name(cell: Any) -> str | None:
    """A person's name: text without any inner spaces (王 小 明 → 王小明) for Chinese names."""
    text = to_text(cell)
    if text is None:
        return None
    if re.fullmatch(r"[\u3400-\u9fff·• ]+", text):
        text = text.replace(" ", "")
    if len(text) > 50:
        raise CellError("姓名超过50个字")
    return text


_SCI = re.compile(r"^\d(\.\d+)?E\+?\d+$", re.IGNORECASE)


def to_id_number(cell: Any, *, today: date | None = None) -> str | None:
    """An 18-digit ID number (15-digit legacy numbers converted); damaged ones refused."""
    if is_blank(cell):
        return None
    if isinstance(cell, (bool, date, timedelta)):
        raise CellError("身份证号不是文本")
    if isinstance(cell, (int, float)):
        if isinstance(cell, float) and (math.isnan(cell) or not cell.is_integer()):
            raise CellError("身份证号被存成了数字，已损坏，请核对原件后以文本格式重新录入")
        value = int(cell)
        if 10**14 <= value < 10**15:
            text = str(value)  # 15 digits fit a double exactly: nothing was lost
        else:
            raise CellError(
                "身份证号被Excel存成了数字，后几位已丢失（Excel只保留15位有效数字），"
                "请核对原件后以文本格式重新录入"
            )
    else:
        text = normalize(str(cell))
        if _SCI.match(text):
            raise CellError(
                f"身份证号“{cell}”是科学计数法，后几位已丢失，请核对原件后以文本格式重新录入"
            )
        if text.endswith(".0"):
            raise CellError("身份证号被存成过数字，后几位已丢失，请核对原件后重新录入")
    try:
        return parse_id_number(text, today=today or process_clock().today()).value
    except IdNumberError as exc:
        if len(text) == 18 and text.endswith("000") and exc.code == "check":
            raise CellError(
                "身份证号末尾为000且校验位不符，很可能被Excel截断过，请核对原件后以文本格式重新录入"
            ) from None
        raise CellError(exc.message) from None


_DATE_SEP = re.compile(
    r"^(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*[日号]?"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_YEAR_MONTH = re.compile(r"^(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*月?$")
_EXCEL_EPOCH = date(1899, 12, 30)
_MIN_YEAR = 1890


def _checked(y: int, m: int, d: int, raw: object, today: date) -> date:
    try:
        value = date(y, m, d)
    except ValueError:
        raise CellError(f"日期“{raw}”不存在") from None
    if value.year < _MIN_YEAR:
        raise CellError(f"日期“{raw}”早于{_MIN_YEAR}年，不合理")
    if value > today:
        raise CellError(f"日期“{raw}”晚于今天")
    return value


def to_date(cell: Any, *, today: date | None = None) -> date | None:
    """A date from a date cell, an Excel serial number or a typed text (see module docstring)."""
    today = today or process_clock().today()
    if is_blank(cell):
        return None
    if isinstance(cell, datetime):
        return _checked(cell.year, cell.month, cell.day, cell.date().isoformat(), today)
    if isinstance(cell, date):
        return _checked(cell.year, cell.month, cell.day, cell.isoformat(), today)
    if isinstance(cell, (bool, timedelta)):
        raise CellError("不是日期")
    if isinstance(cell, (int, float)):
        number = float(cell)
        if number.is_integer() and 10_000_000 <= number < 100_000_000:
            return to_date(str(int(number)), today=today)
        if _MIN_YEAR <= number <= 2100:
            raise CellError(f"日期“{cell:g}”不完整或被存成了数字，请写成如 1942年3月5日")
        if not 1 <= number < 2_958_466:
            raise CellError(f"“{cell:g}”不是日期")
        serial = int(number)
        if serial == 60:
            raise CellError("Excel日期序号60（1900年2月29日）不存在")
        day = _EXCEL_EPOCH + timedelta(days=serial if serial > 60 else serial + 1)
        return _checked(day.year, day.month, day.day, day.isoformat(), today)
    text = " ".join(fold(str(cell)).split())
    match = _DATE_SEP.match(text) or _DATE_COMPACT.match(text)
    if match:
        y, m, d = (int(g) for g in match.groups()[:3])
        return _checked(y, m, d, text, today)
    if _YEAR_MONTH.match(text):
        raise CellError(f"日期“{text}”缺少日，请写全年月日，如 1942年3月5日")
    raise CellError(f"看不懂的日期“{text}”，请写成如 1942-03-05 或 1942年3月5日")


_SEX = {"男": "M", "男性": "M", "M": "M", "MALE": "M", "女": "F", "女性": "F", "F": "F"}
_SEX.update({"FEMALE": "F"})


def to_sex(cell: Any) -> str | None:
    """男/女 (also 男性/女性, M/F) → "M"/"F"."""
    text = to_text(cell)
    if text is None:
        return None
    try:
        return _SEX[text.upper()]
    except KeyError:
        raise CellError(f"性别“{text}”应为“男”或“女”") from None


_YES = {"是", "√", "✓", "✔", "☑", "Y", "YES", "TRUE", "1", "有", "对"}
_NO = {"否", "×", "✗", "✘", "X", "N", "NO", "FALSE", "0", "无", "不是", "/"}


def to_bool(cell: Any) -> bool | None:
    """是/否, √/×, 有/无, Y/N, 1/0 → True/False; empty → None."""
    if isinstance(cell, bool):
        return cell
    text = to_text(cell)
    if text is None:
        return None
    key = text.upper()
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise CellError(f"“{text}”应为“是”或“否”（也可填 √ 或留空）")


def to_phone(cell: Any) -> str | None:
    """A phone number in canonical form (13812345678, 0512-65123456)."""
    if type(cell) is str and _PLAIN_MOBILE.fullmatch(cell):
        return cell  # already canonical: what ``normalize_phone`` would return
    if is_blank(cell):
        return None
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = to_text(cell) or ""
    try:
        return normalize_phone(text)
    except PhoneError as exc:
        raise CellError(exc.message) from None


_PLAIN_MOBILE = re.compile(r"1[3-9][0-9]{9}")
SPLIT = re.compile(r"[、，,；;/／|\s]+")


def to_categories(cell: Any) -> list[str] | None:
    """Category codes from one cell holding one or several labels (独居、低保 / 独居 低保).

    Age-derived categories (高龄, 长寿, 百岁) are computed from the birth date, so they are
    dropped rather than refused: many ledgers list 高龄 as a type.
    """
    text = to_text(cell)
    if text is None:
        return None
    codes, unknown = [], []
    for part in SPLIT.split(text):
        if not part:
            continue
        try:
            code = category_code(part)
        except CategoryError:
            unknown.append(part)
            continue
        if code not in DERIVED_CODES:
            codes.append(code)
    if unknown:
        raise CellError(f"未知的人员类别：{'、'.join(unknown)}")
    return clean_explicit(codes)


def to_living_arrangement(cell: Any) -> str | None:
    """居住情况 label (独居, 与配偶居住 …) → code."""
    text = to_text(cell)
    if text is None:
        return None
    try:
        return living_arrangement_code(text)
    except CategoryError as exc:
        raise CellError(exc.message) from None


def to_value(kind: str, cell: Any, *, today: date | None = None) -> Any:
    """Coerce a cell by field kind (see ``sheets.fields``)."""
    if kind == "id":
        return to_id_number(cell, today=today)
    if kind == "date":
        return to_date(cell, today=today)
    if kind == "sex":
        return to_sex(cell)
    if kind == "phone":
        return to_phone(cell)
    if kind == "categories":
        return to_categories(cell)
    if kind == "living":
        return to_living_arrangement(cell)
    if kind == "flag":
        return to_bool(cell)
    if kind == "name":
        return to_name(cell)
    return to_text(cell)
