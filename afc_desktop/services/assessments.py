"""Assessments (评估): save a draft, finalize, list, and load a sheet for printing.

- A **draft** (草稿) keeps whatever has been filled in — answers must be valid options and within
  bounds, but required items may be missing. Closing the dialog keeps it.
- **Finalizing** (定稿) checks every required item, scores the sheet, stores the scoring result,
  and — for a scored assessment form (GB/T 42195) — updates the person's current ability grade
  (``Person.ability_grade`` / ``ability_assessed_on``) in the same transaction, unless the
  register already holds a newer assessment. The grade also sets or clears the person's 失能
  category by the register's rule (``domain/rules.py``: 中度/重度/完全失能 count by default), so
  the visit cadence follows. A final sheet is not edited again; a new
  assessment is made instead.
- Each sheet records the form id and version it was filled with; older versions stay loadable
  and printable (``forms/`` keeps every version).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.formspec import (
    FormRegistry,
    FormSpec,
    ScoreResult,
    load_forms,
    person_answers,
    score,
    validate_answers,
    visible_answers,
)
from ..domain.rules import categories_after_grade
from ..printing.records import AssessmentRecord, PersonHeader
from ..store.models import Community, Household, Person
from ..store.models.assessment import Assessment
from . import audit
from .context import AppContext, ServiceError
from .daily_common import live_person
from .register_rules import rules_in

DRAFT, FINAL = "draft", "final"
STATUS_LABELS = {DRAFT: "草稿", FINAL: "已定稿"}
ASSESSED_ON_ITEM = "A.1.2"  # 评估基准日期 of GB/T 42195; other forms use assessed_on


@lru_cache(maxsize=1)
def _default_forms() -> FormRegistry:
    return load_forms()


def forms_registry(forms: FormRegistry | None = None) -> FormRegistry:
    """The form definitions in use (``forms/`` of the app unless one is given)."""
    return forms if forms is not None else _default_forms()


@dataclass(frozen=True)
class AssessmentInput:
    """What the assessment dialog (or a script) supplies."""

    person_id: str
    form_id: str
    answers: dict[str, Any]
    form_version: int | None = None  # None: the newest version
    assessed_on: date | None = None  # None: from the form's date item (A.1.2) when present
    assessors: tuple[str, ...] = ()  # None given: from the signature items


@dataclass(frozen=True)
class AssessmentView:
    """An assessment as lists and the dialog show it."""

    id: str
    person_id: str
    person_name: str
    form_id: str
    form_version: int
    form_title: str
    status: str
    status_label: str
    assessed_on: date | None
    total: int | None
    preliminary_grade: str
    final_grade: str
    adjustments: tuple[str, ...]
    assessors: tuple[str, ...]
    answers: dict[str, Any]
    result: ScoreResult | None
    updated_at: datetime


def _form(forms: FormRegistry, form_id: str, version: int | None) -> FormSpec:
    try:
        return forms.get(form_id, version)
    except KeyError as exc:
        raise ServiceError(str(exc.args[0]), field="form_id") from None


def date_item_id(form: FormSpec) -> str | None:
    """The item holding the assessment date: A.1.2 (评估基准日期) of GB/T 42195, else the
    form's first required date item."""
    if form.has_item(ASSESSED_ON_ITEM):
        return ASSESSED_ON_ITEM
    return next((i.id for i in form.items() if i.type == "date" and i.required), None)


def _assessed_on(form: FormSpec, data: AssessmentInput) -> date | None:
    if data.assessed_on is not None:
        return data.assessed_on
    item_id = date_item_id(form)
    raw = data.answers.get(item_id) if item_id else None
    if isinstance(raw, str):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            return None
    return None


def _assessors(form: FormSpec, data: AssessmentInput) -> tuple[str, ...]:
    if data.assessors:
        return tuple(a.strip() for a in data.assessors if a.strip())
    names = []
    for item in form.items():
        value = data.answers.get(item.id)
        is_assessor = item.type == "signature" and "评估" in item.label
        if is_assessor and isinstance(value, str) and value.strip():
            names.append(value.strip())
    return tuple(names)


def _refuse_problems(form: FormSpec, answers: dict[str, Any], complete: bool) -> None:
    problems = validate_answers(form, answers, require_complete=complete)
    if problems:
        shown = "；".join(p.message for p in problems[:8])
        more = f"（另有 {len(problems) - 8} 处）" if len(problems) > 8 else ""
        raise ServiceError(
            f"评估表有 {len(problems)} 处需要修改：{shown}{more}", field=problems[0].item_id
        )


def _editable(s: Session, assessment_id: str | None, person_id: str) -> Assessment | None:
    if assessment_id is None:
        return None
    row = s.get(Assessment, assessment_id)
    if row is None or row.deleted:
        raise ServiceError("找不到该评估记录（可能已删除）", field="assessment_id")
    if row.status == FINAL:
        raise ServiceError("已定稿的评估不能修改；如需更正，请新建一次评估", field="assessment_id")
    if row.person_id != person_id:
        raise ServiceError("评估记录与所选人员不一致", field="person_id")
    return row


def save_draft(
    ctx: AppContext,
    data: AssessmentInput,
    assessment_id: str | None = None,
    *,
    forms: FormRegistry | None = None,
) -> AssessmentView:
    """Create or update a draft (评估草稿); missing required answers are allowed."""
    ctx.require_user()
    registry = forms_registry(forms)
    with ctx.session() as s:
        person = live_person(s, data.person_id)
        row = _editable(s, assessment_id, person.id)
        version = row.form_version if row is not None else data.form_version
        form = _form(registry, data.form_id, version)
        _refuse_problems(form, data.answers, complete=False)
        if row is None:
            row = Assessment(person_id=person.id, form_id=form.id, form_version=form.version)
            s.add(row)
        _fill(row, form, data, None, DRAFT)
        s.flush()
        audit.record(s, ctx, "save_assessment_draft", target_table="assessment", target_id=row.id)
        return _view(row, person.name, form)


def finalize_assessment(
    ctx: AppContext,
    data: AssessmentInput,
    assessment_id: str | None = None,
    *,
    forms: FormRegistry | None = None,
) -> AssessmentView:
    """Check, score and finalize an assessment (评估定稿); updates the person's ability grade."""
    ctx.require_user()
    registry = forms_registry(forms)
    with ctx.session() as s:
        person = live_person(s, data.person_id)
        row = _editable(s, assessment_id, person.id)
        version = row.form_version if row is not None else data.form_version
        form = _form(registry, data.form_id, version)
        _refuse_problems(form, data.answers, complete=True)
        answers = visible_answers(form, data.answers)
        result = score(form, answers) if form.scoring is not None else None
        assessed_on = _assessed_on(form, data)
        if assessed_on is None:
            raise ServiceError("请填写评估日期", field="assessed_on")
        if assessed_on > ctx.today():
            raise ServiceError(f"评估日期 {assessed_on.isoformat()} 晚于今天", field="assessed_on")
        if not _assessors(form, data):
            raise ServiceError("请填写评估员", field="assessors")
        if row is None:
            row = Assessment(person_id=person.id, form_id=form.id, form_version=form.version)
            s.add(row)
        _fill(row, form, data, result, FINAL)
        row.assessed_on = assessed_on
        if result is not None and form.kind == "assessment":
            current = person.ability_assessed_on
            if current is None or assessed_on >= current:
                person.ability_grade = result.final_grade
                person.ability_assessed_on = assessed_on
                # Grades that count (domain/rules.py): 失能 set or cleared, cadence follows.
                person.categories = categories_after_grade(
                    person.categories or [], result.final_level, rules_in(s)
                )
        s.flush()
        audit.record(
            s,
            ctx,
            "finalize_assessment",
            target_table="assessment",
            target_id=row.id,
            detail={"form": f"{form.id}@{form.version}", "grade": row.final_grade},
        )
        return _view(row, person.name, form)


def _fill(
    row: Assessment,
    form: FormSpec,
    data: AssessmentInput,
    result: ScoreResult | None,
    status: str,
) -> None:
    row.answers = visible_answers(form, data.answers)
    row.assessed_on = _assessed_on(form, data)
    row.assessors = list(_assessors(form, data))
    row.status = status
    if result is None:
        row.scores, row.total = {}, None
        row.preliminary_grade = row.final_grade = ""
        row.adjustments = []
    else:
        row.scores = result.to_dict()
        row.total = result.total
        row.preliminary_grade = result.preliminary_grade
        row.final_grade = result.final_grade
        row.adjustments = [a.id for a in result.adjustments]


def discard_draft(ctx: AppContext, assessment_id: str) -> None:
    """Throw a draft away (tombstone); a final assessment cannot be discarded."""
    ctx.require_user()
    with ctx.session() as s:
        row = s.get(Assessment, assessment_id)
        if row is None or row.deleted:
            raise ServiceError("找不到该评估记录（可能已删除）", field="assessment_id")
        if row.status == FINAL:
            raise ServiceError("已定稿的评估不能删除", field="assessment_id")
        row.deleted = True
        audit.record(
            s, ctx, "discard_assessment_draft", target_table="assessment", target_id=row.id
        )


def get_assessment(
    ctx: AppContext, assessment_id: str, *, forms: FormRegistry | None = None
) -> AssessmentView:
    """One assessment (with its answers)."""
    registry = forms_registry(forms)
    with ctx.session() as s:
        row = s.get(Assessment, assessment_id)
        if row is None or row.deleted:
            raise ServiceError("找不到该评估记录（可能已删除）", field="assessment_id")
        person = s.get(Person, row.person_id)
        return _view(row, person.name if person else "", _form_or_none(registry, row))


def list_assessments(
    ctx: AppContext, person_id: str, *, forms: FormRegistry | None = None
) -> list[AssessmentView]:
    """Every assessment of a person, newest first (drafts included)."""
    registry = forms_registry(forms)
    with ctx.session() as s:
        person = live_person(s, person_id)
        rows = s.scalars(
            select(Assessment)
            .where(Assessment.person_id == person.id, Assessment.deleted.is_(False))
            .order_by(Assessment.assessed_on.desc().nulls_first(), Assessment.updated_at.desc())
        )
        return [_view(r, person.name, _form_or_none(registry, r)) for r in rows]


def list_recent_assessments(
    ctx: AppContext,
    *,
    since: date | None = None,
    until: date | None = None,
    status: str | None = None,
    limit: int = 500,
    forms: FormRegistry | None = None,
) -> list[AssessmentView]:
    """Assessments of the community, newest first (e.g. every assessment of a month)."""
    registry = forms_registry(forms)
    with ctx.session() as s:
        query = (
            select(Assessment, Person.name)
            .join(Person, Person.id == Assessment.person_id)
            .where(Assessment.deleted.is_(False))
        )
        if since is not None:
            query = query.where(Assessment.assessed_on >= since)
        if until is not None:
            query = query.where(Assessment.assessed_on <= until)
        if status is not None:
            query = query.where(Assessment.status == status)
        query = query.order_by(Assessment.updated_at.desc()).limit(limit)
        return [_view(r, name, _form_or_none(registry, r)) for r, name in s.execute(query)]


def _form_or_none(registry: FormRegistry, row: Assessment) -> FormSpec | None:
    try:
        return registry.get(row.form_id, row.form_version)
    except KeyError:
        return None


def _view(row: Assessment, person_name: str, form: FormSpec | None) -> AssessmentView:
    result = ScoreResult.from_dict(row.scores) if row.scores else None
    return AssessmentView(
        id=row.id,
        person_id=row.person_id,
        person_name=person_name,
        form_id=row.form_id,
        form_version=row.form_version,
        form_title=form.title if form else f"{row.form_id}（第{row.form_version}版，定义缺失）",
        status=row.status,
        status_label=STATUS_LABELS.get(row.status, row.status),
        assessed_on=row.assessed_on,
        total=row.total,
        preliminary_grade=row.preliminary_grade,
        final_grade=row.final_grade,
        adjustments=tuple(a.text for a in result.adjustments) if result else (),
        assessors=tuple(row.assessors or ()),
        answers=dict(row.answers or {}),
        result=result,
        updated_at=row.updated_at,
    )


def _header(s: Session, person: Person) -> PersonHeader:
    address = ""
    if person.household_id:
        household = s.get(Household, person.household_id)
        address = household.address_text if household else ""
    community = s.get(Community, person.community_id) if person.community_id else None
    return PersonHeader(
        name=person.name,
        sex=person.sex or "",
        id_number=person.id_number or "",
        birth_date=person.birth_date,
        address=address,
        community=community.name if community else "",
        phone=person.phone,
        person_id=person.id,
    )


def person_header(ctx: AppContext, person_id: str) -> PersonHeader:
    """The printed header block of a person (for blank sheets of a visit route)."""
    with ctx.session() as s:
        return _header(s, live_person(s, person_id))


def prefilled_answers(
    ctx: AppContext, person_id: str, form_id: str, *, forms: FormRegistry | None = None
) -> dict[str, Any]:
    """Answers of a new sheet pre-filled from the register (name, sex, birth date, ID number)."""
    form = _form(forms_registry(forms), form_id, None)
    header = person_header(ctx, person_id)
    return person_answers(form, header.fields())


def load_for_printing(
    ctx: AppContext,
    assessment_id: str,
    *,
    forms: FormRegistry | None = None,
    lazy_pictures: bool = False,
) -> tuple[FormSpec, AssessmentRecord]:
    """The form definition (the version it was filled with) and the printable record;
    ``lazy_pictures`` (batches): photos are read when drawn, not now."""
    registry = forms_registry(forms)
    with ctx.session() as s:
        row = s.get(Assessment, assessment_id)
        if row is None or row.deleted:
            raise ServiceError("找不到该评估记录（可能已删除）", field="assessment_id")
        form = _form_or_none(registry, row)
        if form is None:
            raise ServiceError(
                f"找不到表单 {row.form_id} 第{row.form_version}版的定义，无法打印；"
                "请确认 forms 目录中保留了该版本"
            )
        person = s.get(Person, row.person_id)
        header = _header(s, person) if person else PersonHeader()
        record = AssessmentRecord(
            form_id=row.form_id,
            form_version=row.form_version,
            person=header,
            answers=dict(row.answers or {}),
            result=ScoreResult.from_dict(row.scores) if row.scores else None,
            assessed_on=row.assessed_on,
            assessors=tuple(row.assessors or ()),
            status=row.status,
            record_id=row.id,
        )
    from .attachments import printed_pictures

    return form, replace(
        record,
        pictures=tuple(printed_pictures(ctx, "assessment", record.record_id, lazy=lazy_pictures)),
    )


def printable_person(ctx: AppContext, person_id: str) -> Any:
    """The person sheet (人员信息表) as printed: the header and every photo of the person."""
    from ..printing.person_sheet import PersonSheet
    from .attachments import printed_pictures

    header = person_header(ctx, person_id)
    return PersonSheet(header, tuple(printed_pictures(ctx, person_id=header.person_id)))


def printable_visit(ctx: AppContext, visit_id: str) -> tuple[FormSpec, Any]:
    """A recorded visit as the 探访记录表 form prints it: the form and a ``VisitRecord``."""
    from ..printing.visit_record import visit_record_from_findings
    from .visits import get_visit

    view = get_visit(ctx, visit_id)
    if view.status == "draft":
        raise ServiceError("草稿还不能打印：请先完成登记")
    record = visit_record_from_findings(
        person_header(ctx, view.person_id),
        view.visit_date,
        view.mode,
        view.worker_name,
        view.findings,
        companions=view.companions,
        risk_flags=view.risk_flags,
        follow_up=view.follow_up_text,
        notes=view.notes,
    )
    from .attachments import printed_pictures

    record = replace(record, pictures=tuple(printed_pictures(ctx, "visit", visit_id)))
    return forms_registry().get("visit-record"), record
