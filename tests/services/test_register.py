"""Register service: validation in plain Chinese, duplicates, search, history."""

from __future__ import annotations

import re
from datetime import date

import pytest

from afc_desktop.services import register as reg
from afc_desktop.services.register import PersonInput, PersonQuery

VALID_ID = "11010519491231002X"  # standards §7 test vector: born 1949-12-31, female


def _add(ctx, name="张三丰", id_number="", **kw):  # type: ignore[no-untyped-def]
    return reg.register_person(ctx, PersonInput(name=name, id_number=id_number, **kw))


def test_id_number_gives_birth_date_and_sex(ctx) -> None:
    person = _add(ctx, id_number=VALID_ID.lower())
    assert person.id_number == VALID_ID
    assert person.birth_date == date(1949, 12, 31)
    assert person.sex == "F"
    assert person.age == 76


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (PersonInput(name="张三", id_number="110105194912310021"), "id_number", "校验位"),
        (PersonInput(name="张三", birth_date=date(2030, 1, 1)), "birth_date", "晚于今天"),
        (PersonInput(name="张三", phone="1381234"), "phone", "11位"),
        (PersonInput(name=" "), "name", "姓名"),
        (PersonInput(name="张三", categories=("advanced_age",)), "categories", "自动计算"),
    ],
)
def test_invalid_fields_are_refused_and_nothing_is_written(ctx, data, field, words) -> None:
    with pytest.raises(reg.ValidationFailed) as err:
        reg.register_person(ctx, data)
    assert any(p.field == field and words in p.message for p in err.value.problems)
    assert reg.count_people(ctx) == 0


def test_same_id_number_is_a_possible_duplicate_until_confirmed(ctx) -> None:
    _add(ctx, id_number=VALID_ID)
    with pytest.raises(reg.PossibleDuplicate) as err:
        _add(ctx, name="张三峰", id_number=VALID_ID)
    assert err.value.hints[0].reason == "身份证号相同"
    reg.register_person(ctx, PersonInput(name="张三峰", id_number=VALID_ID), confirm_duplicate=True)
    assert reg.count_people(ctx) == 2


def test_similar_name_with_same_birth_date_warns(ctx) -> None:
    _add(ctx, name="王建国", birth_date=date(1940, 5, 1))
    with pytest.raises(reg.PossibleDuplicate) as err:
        _add(ctx, name="王建图", birth_date=date(1940, 5, 1))
    assert "姓名相近" in err.value.hints[0].reason
    # A different birth date is not a duplicate.
    _add(ctx, name="王建图", birth_date=date(1941, 5, 1))


def _household(ctx, estate="香溪花园", building="3", unit="1", room="402"):  # type: ignore[no-untyped-def]
    return reg.create_household(
        ctx, reg.HouseholdInput(estate=estate, building=building, unit=unit, room=room)
    )


def test_search_by_name_pinyin_initials_id_suffix_phone_and_address(ctx) -> None:
    h = _household(ctx)
    zsf = _add(ctx, id_number=VALID_ID, phone="13812345678", household_id=h.id).id
    _add(ctx, name="李四", birth_date=date(1950, 1, 1))

    def find(text: str) -> list[str]:
        return reg.search_person_ids(ctx, PersonQuery(text=text))

    assert h.address_text == "香溪花园3幢1单元402室"
    for query in (
        "张三丰",
        "张三",
        "张",
        "zsf",
        "zhangsanfeng",
        "002X",
        "002x",
        VALID_ID,
        "13812345678",
        "5678",
        "香溪花园",
        "3幢1单元",
    ):
        assert find(query) == [zsf], query
    assert find("王五") == []


def test_search_follows_household_address_change(ctx) -> None:
    h = _household(ctx)
    pid = _add(ctx, household_id=h.id).id
    reg.update_household(
        ctx, h.id, reg.HouseholdInput(estate="桐泾新村", building="12", room="101")
    )
    assert reg.search_person_ids(ctx, PersonQuery(text="桐泾新村")) == [pid]
    assert reg.search_person_ids(ctx, PersonQuery(text="香溪花园")) == []


def test_filters_by_category_age_band_and_estate(ctx) -> None:
    h1 = _household(ctx, estate="香溪花园")
    h2 = _household(ctx, estate="北庄村")
    old = _add(
        ctx, name="百岁翁", birth_date=date(1925, 3, 1), categories=("alone",), household_id=h1.id
    ).id
    young = _add(ctx, name="小老人", birth_date=date(1960, 3, 1), household_id=h2.id).id

    def ids(**kw):  # type: ignore[no-untyped-def]
        return set(reg.search_person_ids(ctx, PersonQuery(**kw)))

    assert ids(categories=("alone",)) == {old}
    assert ids(categories=("advanced_age",)) == {old}  # 高龄 is computed from the birth date
    assert ids(age_band="60-69") == {young}
    assert ids(age_band="90+") == {old}
    assert ids(estate="北庄村") == {young}


def test_rows_mask_id_numbers_and_detail_shows_them_whole(ctx) -> None:
    pid = _add(ctx, id_number=VALID_ID, categories=("alone",)).id
    row = reg.person_rows(ctx, [pid])[0]
    assert row.id_masked == "1101**********002X"
    assert row.categories == ("独居",)
    assert reg.get_person(ctx, pid).id_number == VALID_ID


def test_history_says_who_changed_what(ctx) -> None:
    p = _add(ctx)
    changed = p.as_input()
    reg.update_person(ctx, p.id, PersonInput(**{**changed.__dict__, "phone": "13900001111"}))
    history = reg.person_history(ctx, p.id)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} 王芳 改了 电话", history[0].text)
    assert history[-1].text.endswith("王芳 新建了记录")


def test_removed_person_leaves_search_but_keeps_a_tombstone(ctx) -> None:
    pid = _add(ctx).id
    with pytest.raises(reg.ServiceError):
        reg.remove_person(ctx, pid, " ")
    reg.remove_person(ctx, pid, "迁出本区")
    assert reg.search_person_ids(ctx, PersonQuery(text="张三丰")) == []
    assert reg.person_history(ctx, pid)[0].op == "delete"


def test_household_picker_counts_members(ctx) -> None:
    h = _household(ctx, estate="桐泾新村")
    _household(ctx, estate="桐泾北村")
    _add(ctx, name="甲", household_id=h.id)
    _add(ctx, name="乙", household_id=h.id)
    found = {v.address_text: v.member_count for v in reg.find_households(ctx, "桐泾")}
    assert found == {"桐泾新村3幢1单元402室": 2, "桐泾北村3幢1单元402室": 0}
