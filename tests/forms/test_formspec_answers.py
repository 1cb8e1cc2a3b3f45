"""Visibility and answer validation of form definitions."""

from __future__ import annotations

from pathlib import Path

import pytest

from afc_desktop.domain.formspec import (
    FormSpec,
    answer_text,
    is_visible,
    load_form_file,
    validate_answers,
    visible_answers,
)

FORMS = Path(__file__).resolve().parents[2] / "forms"


@pytest.fixture(scope="module")
def ability() -> FormSpec:
    return load_form_file(FORMS / "gbt42195-2022-ability.v1.yaml")


@pytest.fixture(scope="module")
def visit() -> FormSpec:
    return load_form_file(FORMS / "visit-record.v1.yaml")


def codes(problems) -> dict[str, str]:
    return {p.item_id: p.code for p in problems}


def test_required_items_are_reported_missing(visit: FormSpec) -> None:
    problems = validate_answers(visit, {"V.1.2": 1})
    assert codes(problems) == {
        "V.1.1": "missing",
        "V.1.3": "missing",
        "V.1.5": "missing",
        "V.8.1": "missing",
    }
    assert any("探访日期" in p.message for p in problems)
    assert validate_answers(visit, {"V.1.2": 1}, require_complete=False) == []


def test_visible_if_hides_and_shows_items(visit: FormSpec, ability: FormSpec) -> None:
    detail = visit.item("V.3.2")
    assert not is_visible(visit, detail, {})
    assert not is_visible(visit, detail, {"V.3.1": False})
    assert is_visible(visit, detail, {"V.3.1": True})
    safety = visit.item("V.5.9")
    assert is_visible(visit, safety, {"V.5.2": True})
    assert not is_visible(visit, safety, {"V.5.1": False, "V.5.2": False})
    site = ability.item("A.5.2_site")
    assert is_visible(ability, site, {"A.5.2": 2}) and not is_visible(ability, site, {"A.5.2": 1})


def test_hidden_answers_are_dropped_before_saving(visit: FormSpec) -> None:
    answers = {"V.3.1": False, "V.3.2": [1, 2], "V.2.9": "", "zzz": 1}
    assert visible_answers(visit, answers) == {"V.3.1": False}


def test_bounds_options_types_and_exclusive_options(ability: FormSpec) -> None:
    base = {
        "A.2.4": 300,
        "A.2.5": 60.5,
        "A.2.2": 3,
        "A.5.3": [1, 2],
        "A.1.2": "2026-02-30",
        "A.2.8": 12,
    }
    found = codes(validate_answers(ability, base, require_complete=False))
    assert found == {
        "A.2.4": "bounds",
        "A.2.2": "option",
        "A.5.3": "exclusive",
        "A.1.2": "type",
        "A.2.8": "type",
    }
    msgs = {p.item_id: p.message for p in validate_answers(ability, base, require_complete=False)}
    assert "上限 250" in msgs["A.2.4"] and "身高" in msgs["A.2.4"]


def test_unknown_items_are_reported(visit: FormSpec) -> None:
    assert codes(validate_answers(visit, {"V.9.9": "x"}, require_complete=False)) == {
        "V.9.9": "unknown"
    }


def test_a_bool_is_not_a_choice_value(ability: FormSpec) -> None:
    # True == 1 in Python; a JSON true must not select option 1 (无) of A.5.11.
    assert codes(validate_answers(ability, {"A.5.11": True}, require_complete=False)) == {
        "A.5.11": "option"
    }


def test_answer_text_is_readable_chinese(ability: FormSpec, visit: FormSpec) -> None:
    assert answer_text(ability.item("A.2.2"), 2) == "女"
    assert answer_text(ability.item("A.4.1"), [1, 21]) == "高血压病 I10~I15、痴呆 F00~F03"
    assert answer_text(ability.item("A.2.4"), 160) == "160 cm"
    assert answer_text(visit.item("V.5.1"), False) == "否"
    assert answer_text(visit.item("V.2.9"), None) == ""
