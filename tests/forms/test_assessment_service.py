"""Saving, finalizing and printing assessments through the service layer (real SQLite)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from afc_desktop.domain.formspec import FormRegistry, load_forms
from afc_desktop.domain.idcard import check_digit
from afc_desktop.printing import write_assessment_pdf
from afc_desktop.services import assessments as svc
from afc_desktop.services.context import AppContext, ServiceError
from afc_desktop.services.register import PersonInput, register_person
from afc_desktop.store.models import ChangeEvent, Person

FORMS = Path(__file__).resolve().parents[2] / "forms"
FORM_ID = "gbt42195-2022-ability"
ID_NUMBER = "32050819400315002" + check_digit("32050819400315002")


@pytest.fixture(scope="module")
def forms() -> FormRegistry:
    return load_forms(FORMS)


@pytest.fixture
def person_id(ctx: AppContext) -> str:
    person = register_person(
        ctx, PersonInput(name="王秀英", id_number=ID_NUMBER, phone="13800001234")
    )
    return person.id


def full_answers(forms: FormRegistry, **extra: object) -> dict:
    form = forms.get(FORM_ID)
    answers: dict = {i.id: i.max_score for i in form.items() if i.scored}
    answers.update({f"A.2.14.{i}": 0 for i in range(1, 6)})
    answers.update(
        {
            "A.1.2": "2026-11-20",
            "A.1.3": 1,
            "A.2.1": "王秀英",
            "A.2.2": 2,
            "A.2.3": "1940-03-15",
            "A.2.8": ID_NUMBER,
            "A.4.1": [0],
            "A.5.11": 1,
            "S.1": "李娜",
        }
    )
    answers.update(extra)
    return answers


def test_draft_keeps_partial_answers(ctx: AppContext, forms: FormRegistry, person_id: str) -> None:
    view = svc.save_draft(ctx, svc.AssessmentInput(person_id, FORM_ID, {"B.1.1": 3}), forms=forms)
    assert (view.status, view.form_version, view.total) == ("draft", 2, None)
    again = svc.save_draft(
        ctx, svc.AssessmentInput(person_id, FORM_ID, {"B.1.1": 2, "B.1.2": 4}), view.id, forms=forms
    )
    assert again.id == view.id
    assert svc.get_assessment(ctx, view.id, forms=forms).answers == {"B.1.1": 2, "B.1.2": 4}


def test_draft_refuses_invalid_values_and_writes_nothing(
    ctx: AppContext, forms: FormRegistry, person_id: str
) -> None:
    with pytest.raises(ServiceError, match="A.2.4 身高"):
        svc.save_draft(ctx, svc.AssessmentInput(person_id, FORM_ID, {"A.2.4": 900}), forms=forms)
    assert svc.list_assessments(ctx, person_id, forms=forms) == []


def test_finalize_scores_and_updates_the_register(
    ctx: AppContext, forms: FormRegistry, person_id: str
) -> None:
    draft = svc.save_draft(ctx, svc.AssessmentInput(person_id, FORM_ID, {"B.1.1": 3}), forms=forms)
    answers = full_answers(forms, **{"B.4.4": 0, "A.4.1": [21]})  # 87 → 轻度, dementia → 中度
    view = svc.finalize_assessment(
        ctx, svc.AssessmentInput(person_id, FORM_ID, answers), draft.id, forms=forms
    )
    assert (view.status, view.total, view.assessed_on) == ("final", 87, date(2026, 11, 20))
    assert view.preliminary_grade == "能力轻度受损（轻度失能）"
    assert view.final_grade == "能力中度受损（中度失能）"
    assert view.assessors == ("李娜",)
    assert view.adjustments and view.adjustments[0].startswith("确诊为痴呆")
    with ctx.session() as s:
        person = s.get(Person, person_id)
        assert (person.ability_grade, person.ability_assessed_on) == (
            "能力中度受损（中度失能）",
            date(2026, 11, 20),
        )
        events = s.scalars(
            select(ChangeEvent).where(
                ChangeEvent.table_name == "assessment", ChangeEvent.record_id == view.id
            )
        ).all()
        # The synced table records its change events: the draft insert, then the final update.
        assert len(events) == 2
        assert events[-1].fields["final_grade"] == "能力中度受损（中度失能）"


def test_incomplete_sheet_cannot_be_finalized(
    ctx: AppContext, forms: FormRegistry, person_id: str
) -> None:
    answers = full_answers(forms)
    del answers["B.3.4"]
    with pytest.raises(ServiceError, match="B.3.4 记忆"):
        svc.finalize_assessment(ctx, svc.AssessmentInput(person_id, FORM_ID, answers), forms=forms)
    with ctx.session() as s:
        assert s.get(Person, person_id).ability_grade == ""


def test_final_assessment_is_not_edited(
    ctx: AppContext, forms: FormRegistry, person_id: str
) -> None:
    view = svc.finalize_assessment(
        ctx, svc.AssessmentInput(person_id, FORM_ID, full_answers(forms)), forms=forms
    )
    with pytest.raises(ServiceError, match="已定稿"):
        svc.save_draft(ctx, svc.AssessmentInput(person_id, FORM_ID, {}), view.id, forms=forms)


def test_an_older_sheet_does_not_overwrite_a_newer_grade(
    ctx: AppContext, forms: FormRegistry, person_id: str
) -> None:
    svc.finalize_assessment(
        ctx, svc.AssessmentInput(person_id, FORM_ID, full_answers(forms)), forms=forms
    )
    old = full_answers(forms, **{"A.1.2": "2025-06-01", "A.5.11": 2})
    svc.finalize_assessment(ctx, svc.AssessmentInput(person_id, FORM_ID, old), forms=forms)
    with ctx.session() as s:
        assert s.get(Person, person_id).ability_grade == "能力完好"
    listed = svc.list_assessments(ctx, person_id, forms=forms)
    assert [v.assessed_on for v in listed] == [date(2026, 11, 20), date(2025, 6, 1)]


def test_future_date_is_refused(ctx: AppContext, forms: FormRegistry, person_id: str) -> None:
    answers = full_answers(forms, **{"A.1.2": "2027-01-01"})
    with pytest.raises(ServiceError, match="晚于今天"):
        svc.finalize_assessment(ctx, svc.AssessmentInput(person_id, FORM_ID, answers), forms=forms)


def test_prefilled_answers_come_from_the_register(
    ctx: AppContext, forms: FormRegistry, person_id: str
) -> None:
    pre = svc.prefilled_answers(ctx, person_id, FORM_ID, forms=forms)
    assert pre == {"A.2.1": "王秀英", "A.2.2": 2, "A.2.3": "1940-03-15", "A.2.8": ID_NUMBER}


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
def test_a_saved_assessment_prints(
    ctx: AppContext, forms: FormRegistry, person_id: str, tmp_path: Path
) -> None:
    view = svc.finalize_assessment(
        ctx, svc.AssessmentInput(person_id, FORM_ID, full_answers(forms)), forms=forms
    )
    form, record = svc.load_for_printing(ctx, view.id, forms=forms)
    assert record.person.name == "王秀英" and record.result is not None
    pdf = write_assessment_pdf(form, record, tmp_path / "a.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    assert "梅巷社区" in text and "能力完好" in "".join(text.split())


def test_an_old_version_stays_printable_after_a_new_one_ships(
    ctx: AppContext, person_id: str, tmp_path: Path
) -> None:
    forms_dir = tmp_path / "forms"
    forms_dir.mkdir()
    v1 = (FORMS / "gbt42195-2022-ability.v1.yaml").read_text("utf-8")
    (forms_dir / "a.v1.yaml").write_text(v1, "utf-8")
    old = load_forms(forms_dir)
    view = svc.finalize_assessment(
        ctx, svc.AssessmentInput(person_id, FORM_ID, full_answers(old)), forms=old
    )
    v2 = v1.replace("\nversion: 1\n", "\nversion: 2\n").replace(
        "title: 老年人能力评估表", "title: 老年人能力评估表（新版）"
    )
    (forms_dir / "a.v2.yaml").write_text(v2, "utf-8")
    both = load_forms(forms_dir)
    assert both.get(FORM_ID).version == 2
    form, record = svc.load_for_printing(ctx, view.id, forms=both)
    assert (form.version, record.form_version, form.title) == (1, 1, "老年人能力评估表")
    assert svc.get_assessment(ctx, view.id, forms=both).form_title == "老年人能力评估表"
    (forms_dir / "a.v1.yaml").unlink()
    with pytest.raises(ServiceError, match="第1版的定义"):
        svc.load_for_printing(ctx, view.id, forms=load_forms(forms_dir))
