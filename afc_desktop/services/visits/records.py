"""Recording visits (登记探访) and keeping drafts (草稿).

- A visit starts as a **draft** (``save_draft``) that can be resumed any time — it is an
  ordinary row with status "draft", so it survives closing the app. ``record_visit`` validates
  it fully and completes it, creating the needs found and a follow-up task in one transaction.
  A draft keeps its not-yet-created needs and follow-up under ``findings["_pending"]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import schedule
from ...domain import visit_content as vc
from ...store.models import Person
from ...store.models.daily import Need, Task, Visit
from .. import audit
from ..context import AppContext, ServiceError
from ..daily_common import briefs, live_person
from ..needs import NeedInput, add_need
from ..tasks import TaskInput, add_task

PENDING_KEY = "_pending"


@dataclass(frozen=True)
class NeedDraft:
    """A need noted during a visit; created when the visit is recorded."""

    need_type: str
    description: str = ""
    urgency: str = "normal"


@dataclass(frozen=True)
class VisitInput:
    """What the visit dialog (or the CLI) supplies."""

    person_id: str
    visit_date: date | None
    mode: str = "home"
    companions: str = ""
    findings: vc.Findings = field(default_factory=vc.Findings)
    risk_flags: tuple[str, ...] = ()
    risk_level: str | None = None  # None: suggested from the flags
    notes: str = ""
    needs: tuple[NeedDraft, ...] = ()
    follow_up_date: date | None = None
    follow_up_text: str = ""
    started_from: str = ""  # "due" | "person" | ""


@dataclass(frozen=True)
class VisitView:
    """A visit (draft or recorded) as the dialog and lists show it."""

    id: str
    person_id: str
    person_name: str
    address: str
    visit_date: date
    mode: str
    mode_label: str
    status: str
    worker_name: str
    companions: str
    findings: vc.Findings
    risk_flags: tuple[str, ...]
    risk_level: str
    notes: str
    pending_needs: tuple[NeedDraft, ...]
    follow_up_date: date | None
    follow_up_text: str
    need_ids: tuple[str, ...]
    started_from: str
    updated_at: datetime | None

    def as_input(self) -> VisitInput:
        """The editable fields, to resume a draft."""
        return VisitInput(
            person_id=self.person_id,
            visit_date=self.visit_date,
            mode=self.mode,
            companions=self.companions,
            findings=self.findings,
            risk_flags=self.risk_flags,
            risk_level=self.risk_level,
            notes=self.notes,
            needs=self.pending_needs,
            follow_up_date=self.follow_up_date,
            follow_up_text=self.follow_up_text,
            started_from=self.started_from,
        )


# --- validation ------------------------------------------------------------------------------


def _content(data: VisitInput) -> tuple[vc.Findings, tuple[str, ...], str]:
    try:
        findings = vc.validate_findings(data.findings)
        flags = vc.validate_risk_flags(data.risk_flags)
    except vc.VisitContentError as exc:
        raise ServiceError(exc.message, field="findings") from exc
    level = data.risk_level or vc.suggested_risk_level(flags)
    if level not in schedule.RISK_LEVELS:
        raise ServiceError("风险等级只能是高风险或一般", field="risk_level")
    return findings, flags, level


def check_occasion(mode: str, visit_date: date | None, companions: str, today: date) -> None:
    """The checks of what a visit records once (mode, date, companions); a household visit
    makes them on its own values too."""
    if mode not in vc.MODE_LABELS:
        raise ServiceError("探访方式只能是入户、电话或视频", field="mode")
    if visit_date is None:
        raise ServiceError("请填写探访日期", field="visit_date")
    if visit_date > today:
        raise ServiceError("探访日期不能晚于今天", field="visit_date")
    if len(companions) > 200:
        raise ServiceError("同行人员太长（最多200字）", field="companions")


def _check_basics(data: VisitInput, person: Person, today: date) -> None:
    check_occasion(data.mode, data.visit_date, data.companions, today)
    assert data.visit_date is not None
    if person.birth_date and data.visit_date < person.birth_date:
        raise ServiceError("探访日期早于该人员的出生日期", field="visit_date")


def _check_for_record(data: VisitInput, today: date) -> None:
    assert data.visit_date is not None
    for need in data.needs:
        if need.need_type not in dict(_service_types()):
            raise ServiceError("发现的需求请选择需求类型", field="needs")
    if data.follow_up_date is not None:
        if data.follow_up_date < data.visit_date:
            raise ServiceError("跟进日期不能早于探访日期", field="follow_up_date")
        if not data.follow_up_text.strip():
            raise ServiceError("请填写跟进事项", field="follow_up_text")
    elif data.follow_up_text.strip():
        raise ServiceError("请填写跟进日期", field="follow_up_date")
    if not data.findings.areas and not data.notes.strip():
        raise ServiceError("请至少填写一项探访内容或情况记录", field="findings")


def _service_types() -> tuple[tuple[str, str], ...]:
    from ...domain.needs import SERVICE_TYPES

    return SERVICE_TYPES


# --- writes ----------------------------------------------------------------------------------


def pending_json(
    needs: tuple[NeedDraft, ...], follow_up_date: date | None, follow_up_text: str
) -> dict[str, Any]:
    """What a draft keeps of the writes that wait for recording (needs found, the follow-up);
    a person visit's draft and each elder of a household visit's draft store it alike."""
    return {
        "needs": [
            {"need_type": n.need_type, "description": n.description, "urgency": n.urgency}
            for n in needs
        ],
        "follow_up_date": follow_up_date.isoformat() if follow_up_date else None,
        "follow_up_text": follow_up_text,
    }


def pending_from_json(raw: dict[str, Any]) -> tuple[tuple[NeedDraft, ...], date | None, str]:
    """(needs, follow-up date, follow-up text) back from :func:`pending_json`."""
    needs = tuple(
        NeedDraft(
            str(n.get("need_type", "")),
            str(n.get("description", "")),
            str(n.get("urgency", "normal")),
        )
        for n in raw.get("needs") or ()
    )
    follow = raw.get("follow_up_date")
    return needs, date.fromisoformat(follow) if follow else None, str(raw.get("follow_up_text", ""))


def _write(visit: Visit, data: VisitInput, person: Person, ctx: AppContext) -> None:
    findings, flags, level = _content(data)
    assert data.visit_date is not None
    visit.person_id = person.id
    visit.household_id = person.household_id
    visit.visit_date = data.visit_date
    visit.mode = data.mode
    visit.companions = data.companions.strip()
    visit.risk_flags = list(flags)
    visit.risk_level = level
    visit.notes = data.notes.strip()
    visit.started_from = data.started_from
    visit.findings = findings.as_json()
    visit.worker_id = ctx.actor_id
    visit.worker_name = ctx.actor_name


def _draft_row(s: Session, draft_id: str) -> Visit:
    visit = s.get(Visit, draft_id)
    if visit is None or visit.deleted:
        raise ServiceError("找不到该草稿（可能已被删除）")
    if visit.status != "draft":
        raise ServiceError("该探访已经登记，不能再作为草稿修改")
    return visit


def save_draft(ctx: AppContext, data: VisitInput, draft_id: str | None = None) -> VisitView:
    """Keep a half-finished visit as a draft (保存草稿); returns it with its id."""
    ctx.require_user()
    with ctx.session() as s:
        person = live_person(s, data.person_id)
        _check_basics(data, person, ctx.today())
        if draft_id:
            visit = _draft_row(s, draft_id)
            if visit.person_id != person.id:
                raise ServiceError("草稿属于另一位人员，不能改到这里")
        else:
            visit = Visit(status="draft")
            s.add(visit)
        _write(visit, data, person, ctx)
        pending = pending_json(data.needs, data.follow_up_date, data.follow_up_text)
        visit.findings = {**visit.findings, PENDING_KEY: pending}
        s.flush()
        return _view(s, visit)


def check_visit(data: VisitInput, person: Person, today: date, *, for_record: bool) -> None:
    """Refuse bad input before anything is written (the household visit checks each elder)."""
    _check_basics(data, person, today)
    if for_record:
        _check_for_record(data, today)
    _content(data)


def complete_visit(
    s: Session,
    ctx: AppContext,
    data: VisitInput,
    person: Person,
    visit: Visit | None = None,
    *,
    household_visit_id: str | None = None,
) -> Visit:
    """Write ``data`` as a recorded visit (a new row, or ``visit``) with its needs and
    follow-up task, in the caller's transaction. Checks are the caller's (``check_visit``)."""
    if visit is None:
        visit = Visit()
        s.add(visit)
    _write(visit, data, person, ctx)
    visit.status = "done"
    visit.household_visit_id = household_visit_id
    s.flush()
    assert data.visit_date is not None
    for need in data.needs:
        add_need(
            s,
            ctx,
            NeedInput(
                person_id=person.id,
                need_type=need.need_type,
                description=need.description,
                urgency=need.urgency,
                found_on=data.visit_date,
                visit_id=visit.id,
            ),
        )
    if data.follow_up_date is not None:
        add_task(
            s,
            ctx,
            TaskInput(
                title=data.follow_up_text,
                due_date=data.follow_up_date,
                person_id=person.id,
                kind="follow_up",
                visit_id=visit.id,
            ),
        )
    s.flush()
    return visit


def record_visit(ctx: AppContext, data: VisitInput, draft_id: str | None = None) -> VisitView:
    """Record a visit (登记探访), completing a draft if given.

    Creates the needs found (status 发现) and, when a follow-up date is given, a follow-up task,
    all in the same transaction.
    """
    ctx.require_user()
    with ctx.session() as s:
        person = live_person(s, data.person_id)
        _check_basics(data, person, ctx.today())
        _check_for_record(data, ctx.today())
        visit = None
        if draft_id:
            visit = _draft_row(s, draft_id)
            if visit.person_id != person.id:
                raise ServiceError("草稿属于另一位人员，不能改到这里")
        visit = complete_visit(s, ctx, data, person, visit)
        audit.record(s, ctx, "record_visit", target_table="visit", target_id=visit.id)
        return _view(s, visit)


def discard_draft(ctx: AppContext, draft_id: str) -> None:
    """Throw a draft away (tombstoned like every synced row)."""
    ctx.require_user()
    with ctx.session() as s:
        _draft_row(s, draft_id).deleted = True


# --- reads -----------------------------------------------------------------------------------


def _pending(visit: Visit) -> tuple[tuple[NeedDraft, ...], date | None, str]:
    return pending_from_json((visit.findings or {}).get(PENDING_KEY) or {})


def _view(s: Session, visit: Visit) -> VisitView:
    person = briefs(s, [visit.person_id]).get(visit.person_id)
    need_ids: tuple[str, ...] = ()
    if visit.status == "done":
        need_ids = tuple(
            s.scalars(select(Need.id).where(Need.visit_id == visit.id, Need.deleted.is_(False)))
        )
    pending_needs, follow_date, follow_text = _pending(visit)
    if visit.status == "done":
        task = s.scalars(
            select(Task).where(Task.visit_id == visit.id, Task.deleted.is_(False)).limit(1)
        ).first()
        if task is not None:
            follow_date, follow_text = task.due_date, task.title
    return VisitView(
        id=visit.id,
        person_id=visit.person_id,
        person_name=person.name if person else "",
        address=person.address if person else "",
        visit_date=visit.visit_date,
        mode=visit.mode,
        mode_label=vc.mode_label(visit.mode),
        status=visit.status,
        worker_name=visit.worker_name,
        companions=visit.companions,
        findings=vc.Findings.from_json(visit.findings),
        risk_flags=tuple(visit.risk_flags or ()),
        risk_level=visit.risk_level,
        notes=visit.notes,
        pending_needs=pending_needs,
        follow_up_date=follow_date,
        follow_up_text=follow_text,
        need_ids=need_ids,
        started_from=visit.started_from,
        updated_at=visit.updated_at,
    )


def get_visit(ctx: AppContext, visit_id: str) -> VisitView:
    """One visit or draft."""
    with ctx.session() as s:
        visit = s.get(Visit, visit_id)
        if visit is None or visit.deleted:
            raise ServiceError("找不到该探访记录")
        return _view(s, visit)


def list_drafts(ctx: AppContext, person_id: str | None = None) -> list[VisitView]:
    """Unfinished visits, newest first (all workers' drafts: a colleague may finish one)."""
    with ctx.session() as s:
        stmt = select(Visit).where(Visit.status == "draft", Visit.deleted.is_(False))
        if person_id:
            stmt = stmt.where(Visit.person_id == person_id)
        return [_view(s, v) for v in s.scalars(stmt.order_by(Visit.updated_at.desc()))]


def person_visits(ctx: AppContext, person_id: str, limit: int = 200) -> list[VisitView]:
    """A person's recorded visits, newest first."""
    with ctx.session() as s:
        stmt = (
            select(Visit)
            .where(Visit.person_id == person_id, Visit.status == "done", Visit.deleted.is_(False))
            .order_by(Visit.visit_date.desc(), Visit.created_at.desc())
            .limit(limit)
        )
        return [_view(s, v) for v in s.scalars(stmt)]


def resolve_person(ctx: AppContext, key: str) -> str:
    """A person's record id from the record id itself or an ID number (for scripts)."""
    from ...domain.idcard import normalize

    text = key.strip()
    with ctx.session() as s:
        person = s.get(Person, text)
        if person is not None and not person.deleted:
            return person.id
        found = s.scalars(
            select(Person.id).where(Person.id_number == normalize(text), Person.deleted.is_(False))
        ).all()
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise ServiceError(f"身份证号 {text} 对应多条登记，请改用记录编号")
    raise ServiceError(f"找不到人员：{text}（可用记录编号或身份证号）")
