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
