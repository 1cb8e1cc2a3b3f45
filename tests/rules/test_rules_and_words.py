"""The register's rules and words: 低龄助高龄 ages, 失能 from a grade, 复评 dates, definitions."""

from __future__ import annotations

from datetime import date

import pytest

from afc_desktop.domain import people
from afc_desktop.domain.ages import age_on, years_before
from afc_desktop.domain.formspec import load_forms
from afc_desktop.domain.rules import (
    RegisterRules,
    RulesError,
    categories_after_grade,
    is_young_helps_old,
    reassessment_due,
    validate,
)
from afc_desktop.services import participation as part
from afc_desktop.services.context import ServiceError
from afc_desktop.services.participation import VolunteerInput
from afc_desktop.services.register_rules import load_register_rules, save_register_rules


def test_one_age_and_one_years_before_for_everyone() -> None:
    assert age_on(date(1946, 11, 29), date(2026, 11, 28)) == 79
    assert age_on(date(1946, 11, 28), date(2026, 11, 28)) == 80
    assert years_before(date(2028, 2, 29), 79) == date(1949, 2, 28)
    assert people.birth_range_for_band("80-89", date(2026, 11, 28))[1] == date(1946, 11, 28)


def test_young_helps_old_needs_a_helper_of_60_to_69_and_a_helped_80_plus() -> None:
    rules = RegisterRules()
    assert is_young_helps_old(66, 90, rules)
    assert not is_young_helps_old(43, 90, rules)  # a 43-year-old neighbour is not 低龄助高龄
    assert not is_young_helps_old(72, 90, rules)  # 72 is 中龄, not 低龄
    assert not is_young_helps_old(65, 79, rules)
    wider = RegisterRules(young_helper_max_age=74)
    assert is_young_helps_old(72, 90, wider)


def test_a_43_year_old_helper_is_recorded_but_not_as_young_helps_old(ctx, add_elder) -> None:
    helper = add_elder(ctx, "邵建军", date(1983, 3, 3), sex="M")  # 43
    young = add_elder(ctx, "邵志明", date(1960, 5, 5), sex="M")  # 66
    old = add_elder(ctx, "邵翠英", date(1936, 5, 5))  # 90
    v = part.record_volunteer_hours(
        ctx, VolunteerInput(helper, date(2026, 11, 1), 2, "陪同就医", helped_id=old)
    )
    assert not v.young_helps_old
    v = part.record_volunteer_hours(
        ctx, VolunteerInput(young, date(2026, 11, 1), 2, "读报", helped_id=old)
    )
    assert v.young_helps_old


def test_rules_are_admin_editable_and_checked(ctx, add_elder) -> None:
    assert load_register_rules(ctx) == RegisterRules()
    saved = save_register_rules(ctx, RegisterRules(young_helper_max_age=74, reassess_months=6))
    assert load_register_rules(ctx) == saved
    with pytest.raises(ServiceError, match="复评间隔"):
        save_register_rules(ctx, RegisterRules(reassess_months=0))
    with pytest.raises(RulesError, match="受助人"):
        validate(RegisterRules(young_helper_max_age=85))
    helper = add_elder(ctx, "钱卫国", date(1953, 1, 1), sex="M")  # 73
    old = add_elder(ctx, "钱阿婆", date(1936, 1, 1))
    v = part.record_volunteer_hours(
        ctx, VolunteerInput(helper, date(2026, 11, 1), 1, "理发", helped_id=old)
    )
    assert v.young_helps_old  # 73 counts once the administrator widened 低龄 to 60–74
    assert any("60–74" in line for line in saved.describe())


def test_disability_follows_the_grade_by_the_rule() -> None:
    rules = RegisterRules()
    assert categories_after_grade(["alone"], 4, rules) == ["alone", "disabled"]
    assert categories_after_grade(["alone", "disabled"], 0, rules) == ["alone"]
    assert categories_after_grade(["disabled"], 1, rules) == []  # 轻度 does not count by default
    assert categories_after_grade([], 1, RegisterRules(disability_levels=(1, 2, 3, 4))) == [
        "disabled"
    ]


def test_reassessment_is_due_after_the_period_or_at_once_after_a_fall() -> None:
    rules = RegisterRules()
    due = reassessment_due(date(2025, 11, 20), rules)
    assert (due.due, due.reason) == (date(2026, 11, 20), "period")
    fall = reassessment_due(date(2025, 11, 20), rules, [(date(2026, 3, 2), "fall")])
    assert (fall.due, fall.reason) == (date(2026, 3, 2), "fall")
    old_fall = reassessment_due(date(2025, 11, 20), rules, [(date(2025, 10, 1), "fall")])
    assert old_fall.reason == "period"  # a fall before the assessment is already in it


def test_definitions_say_what_the_sources_say() -> None:
    entitled = people.category("entitled").description
    assert "不含一般退役军人" in entitled and "残疾军人" in entitled
    assert "三级智力、精神残疾" in people.category("severe_disability").description


def test_home_modification_family_types_are_current() -> None:
    form = load_forms().get("home-modification-2020")
    assert form.version == 2
    labels = [o.label for o in form.item("HM.0.2").options]
    assert not any("建档立卡" in label for label in labels)
    assert "低保边缘家庭" in labels and "低收入家庭" in labels
    old = load_forms().get("home-modification-2020", 1)  # old sheets stay readable
    assert any("建档立卡" in o.label for o in old.item("HM.0.2").options)
