"""Suzhou reference areas (domain/reference.py, data/suzhou_areas.json)."""

import pytest

from afc_desktop.domain import reference as ref


def test_districts_include_every_county_level_unit():
    codes = {d.code: d.name for d in ref.districts()}
    assert codes == {
        "320505": "虎丘区",
        "320506": "吴中区",
        "320507": "相城区",
        "320508": "姑苏区",
        "320509": "吴江区",
        "320576": "苏州工业园区",
        "320581": "常熟市",
        "320582": "张家港市",
        "320583": "昆山市",
        "320585": "太仓市",
    }
    park = next(d for d in ref.districts() if d.code == "320576")
    assert park.gb2260 is False and "统计" in park.note


@pytest.mark.parametrize(
    "old, new, name",
    [
        ("320502", "320508", "姑苏区"),
        ("320503", "320508", "姑苏区"),
        ("320504", "320508", "姑苏区"),
        ("320584", "320509", "吴江区"),
        ("320571", "320576", "苏州工业园区"),
    ],
)
def test_retired_codes_resolve_to_successor_with_note(old, new, name):
    resolved = ref.district_name(old)
    assert (resolved.code, resolved.name) == (new, name)
    assert resolved.note


def test_current_code_has_no_note_and_unknown_code_is_refused():
    assert ref.district_name("320508").note == ""
    with pytest.raises(KeyError, match="不是苏州市"):
        ref.district_name("110105")
    assert ref.is_suzhou_code("320584") and not ref.is_suzhou_code("320101")


def test_streets_of_gusu_and_the_park_match_standards():
    gusu = {s.code: s.name for s in ref.streets("320508")}
    assert gusu["320508018"] == "平江街道" and gusu["320508024"] == "吴门桥街道"
    assert len(gusu) == 8
    assert [s.name for s in ref.streets("320571")] == [
        "娄葑街道",
        "斜塘街道",
        "唯亭街道",
        "胜浦街道",
        "金鸡湖街道",
    ]
    assert all(s.code.startswith(s.district_code) and len(s.code) == 9 for s in ref._streets())
    assert all(s.kind != "other" for s in ref.streets("320506", include_other=False))


def test_the_22_pilot_communities():
    pilots = ref.pilot_communities()
    assert len(pilots) == 22
    names = [p.full_name for p in pilots]
    assert "姑苏区平江街道梅巷社区" in names
    assert "苏州工业园区胜浦街道滨江苑社区" in names
    assert len(set(names)) == 22
    for p in pilots:
        ref.district_name(p.district_code)
        if p.town_code is None:
            assert p.note, p.community  # an unknown code always says why
        else:
            street = ref.street_by_code(p.town_code)
            assert street is not None and street.district_code == p.district_code
