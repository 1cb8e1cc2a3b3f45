"""Person categories, age bands, living arrangements and phone numbers (domain/people.py)."""

from datetime import date

import pytest

from afc_desktop.domain import people as pp


def test_derived_categories_follow_age_on_the_day():
    born = date(1946, 3, 1)
    assert pp.derived_categories(born, date(2026, 2, 28)) == []
    assert pp.derived_categories(born, date(2026, 3, 1)) == ["advanced_age"]
    assert pp.derived_categories(date(1930, 1, 1), date(2026, 1, 1)) == [
        "advanced_age",
        "longevity",
    ]
    assert "centenarian" in pp.derived_categories(date(1925, 6, 1), date(2026, 1, 1))
    assert pp.derived_categories(None, date(2026, 1, 1)) == []


def test_all_categories_recomputes_derived_and_keeps_canonical_order():
    cats = pp.all_categories(["dibao", "alone", "advanced_age"], date(1960, 1, 1), date(2026, 1, 1))
    # a stale typed 高龄 on a 66-year-old is dropped; explicit ones in canonical order
    assert cats == ["alone", "dibao"]
    cats = pp.all_categories(["alone"], date(1940, 1, 1), date(2026, 1, 1))
    assert cats == ["alone", "advanced_age"]


def test_typed_derived_category_is_refused_with_a_reason():
    with pytest.raises(pp.CategoryError) as err:
        pp.clean_explicit(["独居", "高龄"])
    assert "自动计算" in err.value.message
    assert pp.clean_explicit(["低保", "alone", "独居"]) == ["alone", "dibao"]
    with pytest.raises(pp.CategoryError, match="未知"):
        pp.clean_explicit(["外星人"])


def test_labels_for_every_required_category():
    labels = {c.code: c.label for c in pp.ALL_CATEGORIES}
    for code, label in {
        "alone": "独居",
        "empty_nest": "空巢",
        "left_behind": "留守",
        "disabled": "失能",
        "dementia": "失智",
        "severe_disability": "重残",
        "dibao": "低保",
        "tekun": "特困",
        "family_planning_special": "计划生育特殊家庭",
        "low_income": "低收入",
        "advanced_age": "高龄",
    }.items():
        assert labels[code] == label
    assert pp.category_code("计划生育特殊家庭") == "family_planning_special"


@pytest.mark.parametrize(
    "cats, expected",
    [
        (["alone"], True),
        (["empty_nest", "dibao"], True),
        (["left_behind"], True),
        (["disabled"], True),
        (["severe_disability"], True),
        (["family_planning_special"], True),
        (["dementia"], True),
        (["dibao", "tekun", "low_income"], False),
        (["advanced_age"], False),
        ([], False),
    ],
)
def test_special_hardship(cats, expected):
    assert pp.is_special_hardship(cats) is expected


def test_age_bands_and_their_birth_ranges_agree():
    on = date(2026, 11, 28)
    assert pp.age_band(date(1966, 11, 28), on) == "60-69"
    assert pp.age_band(date(1966, 11, 29), on) == "under-60"
    assert pp.age_band(date(1946, 11, 29), on) == "70-79"
    assert pp.age_band(date(1946, 11, 28), on) == "80-89"
    assert pp.age_band(date(1920, 1, 1), on) == "90+"
    for code, _label, _lo, _hi in pp.AGE_BANDS:
        earliest, latest = pp.birth_range_for_band(code, on)
        assert latest is not None and pp.age_band(latest, on) == code
        if earliest is not None:
            assert pp.age_band(earliest, on) == code
            assert pp.age_band(date.fromordinal(earliest.toordinal() - 1), on) != code
        assert pp.age_band(date.fromordinal(latest.toordinal() + 1), on) != code


def test_living_arrangements_follow_a210():
    labels = [label for _code, label in pp.LIVING_ARRANGEMENTS]
    assert labels[0] == "独居" and "养老机构" in labels and len(labels) == 8
    assert pp.living_arrangement_code("与配偶居住") == "with_spouse"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("+86 138-1234-5678", "13812345678"),
        ("0512-65123456", "0512-65123456"),
        ("(0512) 6512 3456", "0512-65123456"),
        ("65123456", "0512-65123456"),
        ("010-12345678", "010-12345678"),
        ("0513-8123456", "0513-8123456"),
        ("０５１２－６５１２３４５６", "0512-65123456"),
    ],
)
def test_phone_numbers_are_normalized(raw, expected):
    assert pp.normalize_phone(raw) == expected


@pytest.mark.parametrize(
    "raw, words",
    [
        ("1381234567", "11位"),
        ("12812345678", "3至9"),
        ("0512-6512345", "0512"),
        ("138abc", "数字以外"),
        ("12345", "11位"),
        ("", "为空"),
    ],
)
def test_bad_phone_numbers_get_a_plain_message(raw, words):
    with pytest.raises(pp.PhoneError) as err:
        pp.normalize_phone(raw)
    assert words in err.value.message
    assert pp.phone_problem(raw) == (err.value.message if raw else None)
