"""Address parsing (住址): the ledger variants of one door match; another door does not."""

from __future__ import annotations

import pytest

from afc_desktop.domain.address import (
    DIFFERENT,
    MAYBE,
    SAME,
    AddressIndex,
    parse_address,
    parts_from_fields,
    same_door,
    walk_key,
)

ONE_DOOR = (
    "香溪花园3幢1单元501室",
    "香溪花园3-1-501",
    "香溪花园3栋1单元501",
    "香溪花园3号楼1单元501室",
    "香溪花园３幢１单元５０１室",  # full-width digits
    "香溪花园 3幢 1单元 501室",  # spaces
    "苏州市姑苏区香溪花园3幢1单元501室",
    "江苏省苏州市姑苏区平江街道梅巷社区香溪花园3幢1单元501室",
    "香溪花园小区3幢1单元501室",
    "香溪花园三幢一单元501室",
)


@pytest.mark.parametrize("text", ONE_DOOR)
def test_every_ledger_spelling_of_one_door_is_that_door(text):
    parts = parse_address(text)
    assert parts.sure, parts.reason
    assert (parts.kind, parts.estate, parts.building, parts.unit, parts.room) == (
        "urban",
        "香溪花园",
        "3",
        "1",
        "501",
    )
    assert same_door(parts, parse_address(ONE_DOOR[0])) == SAME


@pytest.mark.parametrize(
    "other",
    [
        "香溪花园3幢1单元502室",  # another room
        "香溪花园4幢1单元501室",  # another building
        "香溪花园3幢2单元501室",  # another unit
        "桐芳巷小区3幢1单元501室",  # another estate
        "香溪花园2期3幢1单元501室",
    ],
)
def test_another_room_building_unit_or_estate_is_another_door(other):
    assert same_door(parse_address(ONE_DOOR[0]), parse_address(other)) == DIFFERENT


def test_rural_group_in_chinese_numerals_and_missing_hao():
    base = parse_address("陈家浜5组18号")
    assert (base.kind, base.estate, base.building, base.room) == ("rural", "陈家浜", "5", "18")
    for text in ("陈家浜五组18号", "陈家浜5组18", "梅巷社区陈家浜5组18号", "陈家浜自然村５组18号"):
        assert same_door(base, parse_address(text)) == SAME, text
    assert same_door(base, parse_address("陈家浜5组19号")) == DIFFERENT
    assert same_door(base, parse_address("陈家浜6组18号")) == DIFFERENT
    assert parse_address("陈家浜十五组3号").building == "15"


def test_unsure_parses_say_why_and_match_only_as_maybe():
    no_unit = parse_address("香溪花园3幢501室")
    assert not no_unit.sure and "单元" in no_unit.reason
    assert same_door(no_unit, parse_address(ONE_DOOR[0])) == MAYBE
    no_estate = parse_address("3-1-501")
    assert not no_estate.sure and "小区" in no_estate.reason
    assert same_door(no_estate, parse_address(ONE_DOOR[0])) == MAYBE
    estate_only = parse_address("香溪花园")
    assert estate_only.kind == "" and not estate_only.sure
    assert same_door(estate_only, parse_address(ONE_DOOR[0])) == MAYBE
    assert same_door(estate_only, parse_address("香溪花园")) == SAME
    assert same_door(parse_address("某处"), parse_address("别处")) == DIFFERENT


def test_stored_fields_parse_like_text():
    stored = parts_from_fields("urban", "香溪花园", "3幢", "1单元", "501室")
    assert same_door(stored, parse_address("香溪花园3-1-501")) == SAME
    rural = parts_from_fields("rural", "陈家浜", "五组", "", "18号")
    assert same_door(rural, parse_address("陈家浜5组18号")) == SAME


def test_index_finds_same_and_maybe():
    index = AddressIndex()
    index.add("h1", parse_address("香溪花园3幢1单元501室"))
    index.add("h2", parse_address("香溪花园3幢2单元501室"))
    index.add("h3", parse_address("陈家浜5组18号"))
    assert index.find(parse_address("香溪花园3-1-501")) == (["h1"], [])
    assert index.find(parse_address("香溪花园3幢501")) == ([], ["h1", "h2"])
    assert index.find(parse_address("陈家浜五组18")) == (["h3"], [])
    assert index.find(parse_address("香溪花园4幢1单元501室")) == ([], [])
    assert index.find(parse_address("香溪花园")) == ([], ["h1", "h2"])  # which door? ask


def test_walking_order_compares_numbers_as_numbers():
    texts = [
        "香溪花园10幢1单元101室",
        "香溪花园2幢2单元101室",
        "香溪花园2幢1单元1101室",
        "香溪花园2幢1单元201室",
        "陈家浜5组3号",
        "陈家浜12组1号",
    ]
    ordered = sorted(texts, key=lambda t: walk_key(parse_address(t)))
    assert ordered == [
        "香溪花园2幢1单元201室",
        "香溪花园2幢1单元1101室",
        "香溪花园2幢2单元101室",
        "香溪花园10幢1单元101室",
        "陈家浜5组3号",
        "陈家浜12组1号",
    ]
