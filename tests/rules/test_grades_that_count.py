"""Grades that count: a finalised ability grade sets or clears 失能, the cadence follows, and a
re-assessment falls due after the period or after a fall / hospital stay recorded on a visit."""

from __future__ import annotations

from datetime import date

from afc_desktop.domain import people
from afc_desktop.domain.formspec import load_forms
from afc_desktop.services import assessments as svc
from afc_desktop.services import visits
from afc_desktop.services.reassessments import due_reassessments
from afc_desktop.services.register import get_person
from afc_desktop.services.visits import VisitInput

FORM_ID = "gbt42195-2022-ability"


def answers(points: str, on: str = "2026-11-20", **extra: object) -> dict:
    """Every scored item at its maximum ("max") or at zero ("zero")."""
    form = load_forms().get(FORM_ID)
    out: dict = {i.id: (i.max_score if points == "max" else 0) for i in form.items() if i.scored}
    out.update({f"A.2.14.{i}": 0 for i in range(1, 6)})
    out.update({"A.1.2": on, "A.1.3": 1, "A.4.1": [0], "A.5.11": 1, "S.1": "李娜"})
    out.update(extra)
    return out


def finalize(ctx, pid: str, points: str, on: str = "2026-11-20"):
    filled = {**svc.prefilled_answers(ctx, pid, FORM_ID), **answers(points, on)}
    return svc.finalize_assessment(ctx, svc.AssessmentInput(pid, FORM_ID, filled))


def rule_of(ctx, pid: str) -> str:
    return next(d.rule_name for d in visits.due_list(ctx, include_later=True) if d.person_id == pid)


def test_complete_disability_makes_the_person_disabled_special_hardship_and_monthly(
    ctx, add_elder
) -> None:
    pid = add_elder(ctx, "陆阿婆", date(1950, 6, 1))  # 76, no category: quarterly
    assert rule_of(ctx, pid) == "其他老年人"
    view = finalize(ctx, pid, "zero")
    assert view.final_grade == "能力完全丧失（完全失能）"
    person = get_person(ctx, pid)
    assert "disabled" in person.categories
    assert people.is_special_hardship(person.categories)
    assert rule_of(ctx, pid) == "特殊困难老年人"  # visited every month now
    # a later assessment at 能力完好 clears 失能 and the cadence goes back to quarterly
    finalize(ctx, pid, "max", on="2026-11-27")
    assert "disabled" not in get_person(ctx, pid).categories
    assert rule_of(ctx, pid) == "其他老年人"


def test_a_twelve_month_old_assessment_is_due_again(ctx, add_elder) -> None:
    old = add_elder(ctx, "沈阿公", date(1940, 1, 1), sex="M")
    recent = add_elder(ctx, "沈阿婆", date(1941, 1, 1))
    finalize(ctx, old, "max", on="2025-11-20")  # 12 months and 8 days ago
    finalize(ctx, recent, "max", on="2026-06-01")
    due = due_reassessments(ctx)
    assert [(d.person_id, d.due_date, d.window) for d in due] == [
        (old, date(2026, 11, 20), "overdue")
    ]
    assert "12个月" in due[0].reason_text


def test_a_fall_recorded_on_a_visit_makes_the_reassessment_due_at_once(ctx, add_elder) -> None:
    pid = add_elder(ctx, "周阿婆", date(1939, 2, 2))
    finalize(ctx, pid, "max", on="2026-06-01")
    assert due_reassessments(ctx) == []
    visits.record_visit(
        ctx,
        VisitInput(pid, date(2026, 11, 25), notes="在家中摔倒", risk_flags=("fall",)),
    )
    due = due_reassessments(ctx)
    assert [(d.person_id, d.due_date, d.reason) for d in due] == [(pid, date(2026, 11, 25), "fall")]
