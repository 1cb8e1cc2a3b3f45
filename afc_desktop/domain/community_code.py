"""A community's identity (社区身份): its 12-digit 统计用区划代码 and its name.

The National Bureau of Statistics code of a community (居委会/村委会) has 12 digits: county
(区/县级市) 6 + town or street (镇/街道) 3 + community 3, e.g. ``320508018001`` = 姑苏区 (320508)
平江街道 (018) and a community of it. The county and the street are read from the code and the
reference data (``domain.reference``); a street the reference data does not list (a new street,
a development zone) is accepted only with its name typed explicitly, and is marked
(``street_listed`` False) wherever the community is shown.

Two communities may share a name (梅巷社区 in 平江街道 and in 虎丘街道): the code tells them apart,
and :func:`display_name` adds the street whenever a name is not unique.

Pure rules: no store, services or UI imports.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from . import reference

CODE_RE = re.compile(r"^\d{12}$")
COUNTY_RE = re.compile(r"^\d{6}$")
UNLISTED_MARK = "（街道未列入参考数据）"
# Characters FAT32 (and Windows) refuse in a file name, plus the ones a shell trips over.
_FORBIDDEN = set('<>:"/\\|?*') | {"\x00"}
MAX_NAME_CHARS = 20  # of the community name inside a file name


class CommunityCodeError(ValueError):
    """A code or name that cannot identify a community; the message is plain Chinese."""

    def __init__(self, message: str, field: str = "code") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class CommunityIdentity:
    """A community by its 12-digit code (统计用区划代码) with the names read from it."""

    code: str
    name: str
    county_code: str
    county_name: str
    street_code: str  # 9 digits
    street_name: str
    street_listed: bool  # False: the street was typed, the reference data does not list it

    @property
    def full_name(self) -> str:
        """姑苏区平江街道梅巷社区."""
        return f"{self.county_name}{self.street_name}{self.name}"

    @property
    def street_label(self) -> str:
        """The street as shown: marked when it is not in the reference data."""
        return self.street_name if self.street_listed else f"{self.street_name}{UNLISTED_MARK}"


def county_name(code: str) -> str:
    """The county's name for a 6-digit code, or a CommunityCodeError in plain Chinese."""
    try:
        return reference.district_name(code).name
    except KeyError:
        raise CommunityCodeError(
            f"区县代码 {code} 不是苏州市的区或县级市（如 320508 姑苏区）", "code"
        ) from None


def check_county_code(code: str) -> str:
    """A 6-digit Suzhou county code (retired codes resolve to their successor)."""
    code = code.strip()
    if not COUNTY_RE.match(code):
        raise CommunityCodeError(
            f"区县代码应为6位数字（如 320508 姑苏区），收到「{code[:20]}」", "code"
        )
    county_name(code)
    return reference.resolve_code(code)


def identify(code: str, name: str, street_name: str = "") -> CommunityIdentity:
    """The community of a 12-digit code.

    ``street_name`` may be left empty when the reference data lists the code's street; when it
    does not, the name must be given (and the street is marked unlisted). A typed name that
    differs from the listed one is refused: the code decides.
    """
    code = code.strip()
    if not CODE_RE.match(code):
        raise CommunityCodeError(
            "社区代码应为12位统计用区划代码（区县6位+街道3位+社区3位，如 320508018001），"
            f"收到「{code[:20]}」",
            "code",
        )
    name = name.strip()
    if not name:
        raise CommunityCodeError("请填写社区（村）名称", "name")
    if len(name) > 100:
        raise CommunityCodeError("社区名称不能超过 100 个字", "name")
    county = code[:6]
    cname = county_name(county)
    county = reference.resolve_code(county)
    if code[6:9] == "000" or code[9:] == "000":
        raise CommunityCodeError(
            f"社区代码 {code} 的街道或社区部分是 000：请填写社区本身的12位代码", "code"
        )
    street_code = county + code[6:9]
    listed = reference.street_by_code(street_code)
    typed = street_name.strip()
    if listed is not None:
        if typed and _plain(typed) != _plain(listed.name):
            raise CommunityCodeError(
                f"代码 {code} 的街道是「{listed.name}」，与填写的「{typed}」不一致：请核对代码",
                "street",
            )
        street, is_listed = listed.name, True
    else:
        if not typed:
            raise CommunityCodeError(
                f"参考数据中没有街道（镇）代码 {street_code}：请同时填写街道（镇）名称",
                "street",
            )
        street, is_listed = typed[:100], False
    return CommunityIdentity(
        code=county + code[6:],
        name=name,
        county_code=county,
        county_name=cname,
        street_code=street_code,
        street_name=street,
        street_listed=is_listed,
    )


def street_of(code: str) -> tuple[str, bool]:
    """(street name, listed) of a 12-digit code from the reference data alone."""
    listed = reference.street_by_code(code[:9]) if CODE_RE.match(code) else None
    return (listed.name, True) if listed else ("", False)


def _plain(text: str) -> str:
    return "".join(text.split())


def display_name(name: str, street: str, same_named: bool) -> str:
    """A community's name as a list shows it: with its street when the name is not unique."""
    return f"{name}（{street}）" if same_named and street else name


def file_safe_name(name: str, max_chars: int = MAX_NAME_CHARS) -> str:
    """A community name fit for a file name on a FAT32 USB stick: no reserved characters, no
    control characters or spaces, no trailing dot, at most ``max_chars`` characters."""
    text = unicodedata.normalize("NFC", name)
    out = []
    for ch in text:
        if ch in _FORBIDDEN or unicodedata.category(ch).startswith("C"):
            continue
        out.append("_" if ch.isspace() else ch)
    safe = "".join(out).strip("._ ")[:max_chars].rstrip(". ")
    return safe or "community"
