"""The filled assessment report (评估报告), per GB/T 42195-2022 Appendix C for the ability form.

Shows every answer, the item scores, subtotals, total, preliminary grade, the adjustments applied,
the final grade, and signature and date lines for the assessors and the resident or family.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from afc_desktop.domain.formspec import (
    FormSpec,
    ScoreResult,
    missing_for_scoring,
    score,
    visible_answers,
)
from afc_desktop.printing.document import open_pdf, start_document
from afc_desktop.printing.formsheet import SheetOptions, draw_form, fmt_date
from afc_desktop.printing.layout import SheetCanvas
from afc_desktop.printing.pictures import draw_pictures
from afc_desktop.printing.records import AssessmentRecord


def result_for(form: FormSpec, record: AssessmentRecord) -> ScoreResult | None:
    """The stored result, else one computed from the answers (None when incomplete)."""
    if record.result is not None:
        return record.result
    if form.scoring is None or missing_for_scoring(form, record.answers):
        return None
    return score(form, record.answers)


def number_line(record: AssessmentRecord) -> str:
    """评估编号 / 日期 / 评估员 line under the title."""
    parts = []
    number = record.answers.get("A.1.1") or record.record_id[:8]
    if number:
        parts.append(f"评估编号：{number}")
    if record.assessed_on:
        parts.append(f"评估日期：{fmt_date(record.assessed_on)}")
    if record.assessors:
        parts.append(f"评估员：{'、'.join(record.assessors)}")
    return "    ".join(parts)


def draw_assessment(canvas: SheetCanvas, form: FormSpec, record: AssessmentRecord) -> None:
    """Draw one filled assessment as a document of ``canvas``."""
    if (form.id, form.version) != (record.form_id, record.form_version):
        raise ValueError(
            f"评估记录使用表单 {record.form_id} 第{record.form_version}版，"
            f"但提供的是 {form.id} 第{form.version}版"
        )
    sheet = start_document(canvas, form, record.person)
    draw_form(
        sheet,
        form,
        answers=visible_answers(form, record.answers),
        person=record.person,
        result=result_for(form, record),
        options=SheetOptions(
            title_suffix="（草稿）" if record.status == "draft" else "",
            number_line=number_line(record),
            sign_date=record.assessed_on,
        ),
    )
    draw_pictures(sheet, record.pictures)
    sheet.finish()


def write_assessment_pdf(
    form: FormSpec, record: AssessmentRecord, out: Path | str, *, printed_on: date | None = None
) -> Path:
    """Write the filled report of ``record`` to ``out`` and return the path."""
    canvas = open_pdf(out, title=f"{form.title} {record.person.name}", printed_on=printed_on)
    draw_assessment(canvas, form, record)
    canvas.save()
    return Path(out)
