"""Pinyin search keys (domain/search_keys.py)."""

import pytest

from afc_desktop.domain.search_keys import search_keys


@pytest.mark.parametrize(
    "name, full, initials",
    [
        ("张三丰", "zhangsanfeng", "zsf"),
        ("单田芳", "shantianfang", "stf"),  # surname 单 is Shàn, not dān
        ("曾国藩", "zengguofan", "zgf"),
        ("解缙", "xiejin", "xj"),
        ("仇英", "qiuying", "qy"),
        ("尉迟恭", "yuchigong", "ycg"),
        ("吕秀英", "lvxiuying", "lxy"),  # ü typed as v
        ("王 芳", "wangfang", "wf"),
        ("艾克拜尔·买买提", "aikebaiermaimaiti", "akbemmt"),
        ("", "", ""),
    ],
)
def test_search_keys(name, full, initials):
    assert search_keys(name) == (full, initials)


def test_given_name_polyphones_use_the_phrase_dictionary():
    # 重 in a given name stays chong/zhong by context, the surname table only covers the surname
    assert search_keys("李重阳")[0] == "lichongyang"


def test_names_read_character_by_character_match_pypinyin_reading_the_whole_name():
    """The memoised per-character reading gives what pypinyin gives for the whole given name."""
    from itertools import product

    from afc_desktop.domain import search_keys as sk
    from afc_desktop.domain.demo import FEMALE_GIVEN, MALE_GIVEN

    chars = sorted({ch for name in MALE_GIVEN + FEMALE_GIVEN for ch in name})
    names = list(MALE_GIVEN + FEMALE_GIVEN) + ["".join(p) for p in product(chars[:40], repeat=2)]
    names += ["长生", "重阳", "乐乐", "朝阳", "行长", "A型", "小2"]
    fast = 0
    for name in names:
        if sk._reads_char_by_char(name):
            fast += 1
        assert sk._syllables(name) == sk._read(name), name
    assert fast > len(names) // 2  # the fast path is the common one
