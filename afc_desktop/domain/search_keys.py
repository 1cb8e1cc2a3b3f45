"""Pinyin search keys for names (姓名拼音检索键).

``search_keys("张三丰") == ("zhangsanfeng", "zsf")``: the full pinyin and the initials, lower case,
without tones, ``ü`` written ``v`` (as typed on a pinyin keyboard: 吕 → "lv").

pypinyin reads a name as ordinary text, which gets many surnames wrong (单 → "dan" where the
surname is Shàn, 曾 → "ceng" for Zēng). pypinyin has no surname mode, so the surname is read
from :data:`SURNAME_READINGS` (compound surnames first), and the given name by pypinyin with its
phrase dictionary. Characters that are not Chinese (letters, digits) are kept lower-cased; spaces
and punctuation (such as the ``·`` in transliterated names) are dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import Style, lazy_pinyin
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

# Surname readings that differ from the character's most common reading (or that pypinyin's
# default gets wrong). Compound surnames are listed whole.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "尉迟": ("yu", "chi"),
    "万俟": ("mo", "qi"),
    "长孙": ("zhang", "sun"),
    "澹台": ("tan", "tai"),
    "单于": ("chan", "yu"),
    "曾": ("zeng",),
    "单": ("shan",),
    "解": ("xie",),
    "仇": ("qiu",),
    "查": ("zha",),
    "乐": ("yue",),
    "朴": ("piao",),
    "缪": ("miao",),
    "翟": ("zhai",),
    "盖": ("ge",),
    "区": ("ou",),
    "覃": ("qin",),
    "召": ("shao",),
    "繁": ("po",),
    "员": ("yun",),
    "秘": ("bi",),
    "卜": ("bu",),
    "阚": ("kan",),
    "都": ("du",),
    "隗": ("wei",),
    "乜": ("nie",),
    "薄": ("bo",),
    "种": ("chong",),
    "蕃": ("pi",),
    "尉": ("wei",),
    "折": ("she",),
    "句": ("gou",),
    "能": ("nai",),
    "祭": ("zhai",),
    "宿": ("su",),
    "柏": ("bai",),
    "沈": ("shen",),
    "石": ("shi",),
    "华": ("hua",),
    "纪": ("ji",),
    "任": ("ren",),
    "宁": ("ning",),
    "過": ("guo",),
    "过": ("guo",),
    "贲": ("ben",),
    "藏": ("zang",),
    "莘": ("shen",),
    "眭": ("sui",),
    "郇": ("huan",),
    "洗": ("xian",),
    "冼": ("xian",),
    "相": ("xiang",),
    "谌": ("chen",),
    "燕": ("yan",),
    "红": ("hong",),
    "殷": ("yin",),
    "应": ("ying",),
    "重": ("chong",),
    "令狐": ("ling", "hu"),
}

_KEEP = re.compile(r"[a-z0-9]+")


def _surname_split(name: str) -> tuple[tuple[str, ...], str]:
    for length in (2, 1):
        head = name[:length]
        if len(name) > length and head in SURNAME_READINGS:
            return SURNAME_READINGS[head], name[length:]
    return (), name


def _read(text: str) -> list[str]:
    out: list[str] = []
    for piece in lazy_pinyin(text, style=Style.NORMAL, errors="default", v_to_u=False):
        out.extend(_KEEP.findall(piece.lower()))
    return out


@lru_cache(maxsize=16384)
def _char(ch: str) -> tuple[str, ...]:
    """One Chinese character's reading (memoised per character)."""
    return tuple(_read(ch))


def _reads_char_by_char(text: str) -> bool:
    """True when pypinyin would read ``text`` character by character: every character is a
    Chinese character it knows and no run of two or more is in its phrase dictionary."""
    if not all(ord(ch) in PINYIN_DICT for ch in text):
        return False
    n = len(text)
    return not any(text[i:j] in PHRASES_DICT for i in range(n) for j in range(i + 2, n + 1))


def _syllables(text: str) -> list[str]:
    # A given name is usually one to three characters that form no dictionary phrase: then its
    # reading is the characters' readings, memoised, the same as pypinyin's for the whole name
    # (tests/domain/test_search_keys_pinyin.py checks this on generated names).
    if _reads_char_by_char(text):
        return [syllable for ch in text for syllable in _char(ch)]
    return _read(text)


@lru_cache(maxsize=65536)
def search_keys(name: str) -> tuple[str, str]:
    """Full pinyin and initials of a name: "张三丰" → ("zhangsanfeng", "zsf")."""
    text = re.sub(r"\s+", "", name or "")
    if not text:
        return "", ""
    surname, rest = _surname_split(text)
    syllables = list(surname) + _syllables(rest)
    full = "".join(syllables)
    initials = "".join(s[0] for s in syllables if s)
    return full, initials


def pinyin_full(name: str) -> str:
    """Full pinyin of a name without separators."""
    return search_keys(name)[0]


def pinyin_initials(name: str) -> str:
    """Initials of a name's pinyin."""
    return search_keys(name)[1]
