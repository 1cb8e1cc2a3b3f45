"""Scoring of the GB/T 42195-2022 ability form, built from the standard's tables (standards §1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from afc_desktop.domain.formspec import (
    FormSpec,
    ScoringError,
    grade_for_total,
    load_form_file,
    missing_for_scoring,
    score,
)

FORMS = Path(__file__).resolve().parents[2] / "forms"
GRADES = [
    "能力完好",
    "能力轻度受损（轻度失能）",
    "能力中度受损（中度失能）",
    "能力重度受损（重度失能）",
    "能力完全丧失（完全失能）",
]
RISK_EVENTS = [f"A.2.14.{i}" for i in range(1, 6)]


@pytest.fixture(scope="module")
def form() -> FormSpec:
    return load_form_file(FORMS / "gbt42195-2022-ability.v1.yaml")


def scored_items(form: FormSpec) -> list:
    return [i for i in form.items() if i.scored]


def answers_for_total(form: FormSpec, total: int) -> dict:
    """Answers whose B items sum to ``total`` (take points away item by item), no C.4 triggers."""
    answers: dict = {i.id: i.max_score for i in scored_items(form)}
    deficit = 90 - total
    for item in scored_items(form):
        take = min(deficit, item.max_score)
        answers[item.id] = item.max_score - take
        deficit -= take
    answers.update({e: 0 for e in RISK_EVENTS})
    answers.update({"A.4.1": [0], "A.5.11": 1})
    return answers


def test_26_items_whose_maxima_sum_to_90(form: FormSpec) -> None:
    items = scored_items(form)
    assert len(items) == 26
    assert sum(i.max_score for i in items) == 90
    maxima = {s.id: s.max for s in form.scoring.subtotals}
    assert maxima == {"B.1": 32, "B.2": 15, "B.3": 28, "B.4": 15}
    for sub in form.scoring.subtotals:
        assert sub.max == sum(form.item(i).max_score for i in sub.items)


def test_scored_option_value_is_its_score(form: FormSpec) -> None:
    for item in scored_items(form):
        assert all(o.value == o.score for o in item.options), item.id
    assert form.item("B.2.4").max_score == 3
    assert [form.item(i).max_score for i in ("B.3.7", "B.3.8", "B.3.9")] == [1, 1, 2]


@pytest.mark.parametrize(
    ("total", "grade"),
    [(90, 0), (89, 1), (66, 1), (65, 2), (46, 2), (45, 3), (30, 3), (29, 4), (0, 4)],
)
def test_grade_boundaries(form: FormSpec, total: int, grade: int) -> None:
    assert grade_for_total(form.scoring, total).label == GRADES[grade]
    result = score(form, answers_for_total(form, total))
    assert result.total == total
    assert result.preliminary_grade == GRADES[grade]
    assert result.final_grade == GRADES[grade]
    assert result.adjustments == ()


def test_subtotals_are_reported(form: FormSpec) -> None:
    answers = answers_for_total(form, 90)
    answers["B.1.1"] = 2
    answers["B.4.4"] = 0
    result = score(form, answers)
    subs = {s.id: (s.score, s.max) for s in result.subtotals}
    assert subs == {"B.1": (30, 32), "B.2": (15, 15), "B.3": (28, 28), "B.4": (12, 15)}
    assert result.total == 85
    assert result.item_scores["B.1.1"] == 2


def test_coma_means_completely_disabled(form: FormSpec) -> None:
    answers = answers_for_total(form, 90)
    answers["A.5.11"] = 2  # 有
    result = score(form, answers)
    assert result.preliminary_grade == GRADES[0]
    assert result.final_grade == GRADES[4]
    assert [a.id for a in result.adjustments] == ["C.4.1"]


@pytest.mark.parametrize("diagnosis", [21, 22])
def test_dementia_or_mental_disorder_raises_one_grade(form: FormSpec, diagnosis: int) -> None:
    answers = answers_for_total(form, 70)
    answers["A.4.1"] = [1, diagnosis]
    result = score(form, answers)
    assert (result.preliminary_level, result.final_level) == (1, 2)
    assert [a.id for a in result.adjustments] == ["C.4.2"]


def test_other_diseases_do_not_change_the_grade(form: FormSpec) -> None:
    answers = answers_for_total(form, 70)
    answers["A.4.1"] = [1, 2, 3, 20, 23]
    assert score(form, answers).final_level == 1


@pytest.mark.parametrize(
    ("events", "raised"),
    [
        ({"A.2.14.1": 1}, False),
        ({"A.2.14.1": 2}, True),
        ({"A.2.14.1": 1, "A.2.14.3": 1}, True),  # different kinds are counted together
        ({"A.2.14.4": 3}, True),
    ],
)
def test_two_care_risk_events_raise_one_grade(form: FormSpec, events: dict, raised: bool) -> None:
    answers = answers_for_total(form, 50)
    answers.update(events)
    result = score(form, answers)
    assert result.final_level == (3 if raised else 2)
    assert [a.id for a in result.adjustments] == (["C.4.3"] if raised else [])


def test_rules_2_and_3_stack(form: FormSpec) -> None:
    answers = answers_for_total(form, 70)
    answers["A.4.1"] = [21]
    answers["A.2.14.1"] = 2
    result = score(form, answers)
    assert (result.preliminary_level, result.final_level) == (1, 3)
    assert [(a.level_before, a.level_after) for a in result.adjustments] == [(1, 2), (2, 3)]


def test_adjustments_are_capped_at_completely_disabled(form: FormSpec) -> None:
    answers = answers_for_total(form, 35)  # 重度
    answers["A.4.1"] = [22]
    answers["A.2.14.2"] = 3
    answers["A.5.11"] = 2
    result = score(form, answers)
    assert result.final_level == 4
    assert result.final_grade == GRADES[4]
    assert [a.id for a in result.adjustments] == ["C.4.1", "C.4.2", "C.4.3"]
    answers["A.5.11"] = 1
    assert score(form, answers).final_level == 4


def test_incomplete_answers_name_the_missing_items(form: FormSpec) -> None:
    answers = answers_for_total(form, 80)
    del answers["B.3.4"], answers["A.5.11"]
    assert missing_for_scoring(form, answers) == ["A.5.11", "B.3.4"]
    with pytest.raises(ScoringError) as err:
        score(form, answers)
    assert err.value.missing == ["A.5.11", "B.3.4"]
    assert "B.3.4" in err.value.message


def test_a_value_that_is_not_an_option_is_refused(form: FormSpec) -> None:
    answers = answers_for_total(form, 80)
    answers["B.2.4"] = 4  # 上下楼梯 has no 4
    with pytest.raises(ScoringError, match="B.2.4"):
        score(form, answers)


def test_score_result_round_trips_through_json_dict(form: FormSpec) -> None:
    answers = answers_for_total(form, 60)
    answers["A.4.1"] = [21]
    result = score(form, answers)
    from afc_desktop.domain.formspec import ScoreResult

    assert ScoreResult.from_dict(result.to_dict()) == result
