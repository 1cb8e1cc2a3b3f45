"""Needs and referrals (需求—资源对接): record a need, refer it to a resource, follow its status.

The status machine lives in ``domain.needs``; every change goes through it, so an illegal step
(发现 → 服务中 without a referral) is refused with the reason and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import needs as rules
from ..store.models.daily import Need, Referral, Resource, Task
from . import audit
from .context import AppContext, ServiceError
from .daily_common import briefs, check_not_future, live_person
from .tasks import TaskInput, add_task


@dataclass(frozen=True)
class NeedInput:
    """A need found (in a visit or at any other time)."""

    person_id: str
    need_type: str
    description: str = ""
    urgency: str = "normal"
    found_on: date | None = None
    visit_id: str | None = None


@dataclass(frozen=True)
class ReferralView:
    id: str
    resource_id: str
    resource_name: str
    referred_on: date
    note: str


@dataclass(frozen=True)
class NeedView:
    """A need with its referrals; ``days_open`` counts from ``found_on`` to today or closing."""

    id: str
    person_id: str
    person_name: str
    address: str
    need_type: str
    type_label: str
    description: str
    urgency: str
    urgency_label: str
    status: str
    status_label: str
    status_reason: str
    found_on: date
    closed_on: date | None
    days_open: int
    visit_id: str | None
    referrals: tuple[ReferralView, ...]
    next_statuses: tuple[str, ...]


def validate_need(data: NeedInput, today: date) -> NeedInput:
    """Check type, urgency and date; raises ServiceError naming the field."""
    if data.need_type not in dict(rules.SERVICE_TYPES):
        raise ServiceError("请选择需求类型", field="need_type")
    if data.urgency not in rules.URGENCY_LABELS:
        raise ServiceError("紧急程度只能是紧急、一般或不急", field="urgency")
    if len(data.description) > 2000:
        raise ServiceError("需求描述太长（最多2000字）", field="description")
    if data.found_on is not None:
        check_not_future(data.found_on, today, "发现日期", "found_on")
    return data


def add_need(s: Session, ctx: AppContext, data: NeedInput) -> Need:
    """Create a need inside the caller's transaction (visits use this too)."""
    validate_need(data, ctx.today())
    live_person(s, data.person_id)
    need = Need(
        person_id=data.person_id,
        visit_id=data.visit_id,
        need_type=data.need_type,
        description=data.description.strip(),
        urgency=data.urgency,
        status="found",
        found_on=data.found_on or ctx.today(),
    )
    s.add(need)
    return need


def _views(s: Session, items: list[Need], today: date) -> list[NeedView]:
    people = briefs(s, (n.person_id for n in items))
    referrals: dict[str, list[ReferralView]] = {}
    ids = [n.id for n in items]
    for start in range(0, len(ids), 500):
        rows = s.execute(
            select(Referral, Resource.name)
            .join(Resource, Resource.id == Referral.resource_id)
            .where(Referral.need_id.in_(ids[start : start + 500]), Referral.deleted.is_(False))
            .order_by(Referral.referred_on)
        )
        for ref, resource_name in rows:
            referrals.setdefault(ref.need_id, []).append(
                ReferralView(ref.id, ref.resource_id, resource_name, ref.referred_on, ref.note)
            )
    out = []
    for n in items:
        person = people.get(n.person_id)
        end = n.closed_on or today
        out.append(
            NeedView(
                id=n.id,
                person_id=n.person_id,
                person_name=person.name if person else "",
                address=person.address if person else "",
                need_type=n.need_type,
                type_label=rules.service_type_label(n.need_type),
                description=n.description,
                urgency=n.urgency,
                urgency_label=rules.URGENCY_LABELS.get(n.urgency, n.urgency),
                status=n.status,
                status_label=rules.status_label(n.status),
                status_reason=n.status_reason,
                found_on=n.found_on,
                closed_on=n.closed_on,
                days_open=max(0, (end - n.found_on).days),
                visit_id=n.visit_id,
                referrals=tuple(referrals.get(n.id, ())),
                next_statuses=tuple(rules.next_statuses(n.status)),
            )
        )
    return out


def _need(s: Session, need_id: str) -> Need:
    need = s.get(Need, need_id)
    if need is None or need.deleted:
        raise ServiceError("找不到该需求")
    return need


def _move(need: Need, target: str, reason: str, today: date) -> None:
    try:
        step = rules.check_transition(need.status, target, reason)
    except rules.NeedTransitionError as exc:
        raise ServiceError(exc.message, field="status") from exc
    need.status = step.target
    if step.reason:
        need.status_reason = step.reason
    need.closed_on = today if step.target in rules.CLOSED_STATUSES else None


def _close_need_tasks(s: Session, need: Need, today: date) -> None:
    """A closed need's open follow-up tasks are done: nothing is left to follow up."""
    for task in s.scalars(
        select(Task).where(Task.need_id == need.id, Task.status == "open", Task.deleted.is_(False))
    ):
        task.status = "done"
        task.done_on = today
        closed = f"需求{rules.status_label(need.status)}"
        task.note = f"{task.note}\n{closed}" if task.note else closed


def create_need(ctx: AppContext, data: NeedInput) -> NeedView:
    """Record a need (登记需求)."""
    ctx.require_user()
    with ctx.session() as s:
        need = add_need(s, ctx, data)
        s.flush()
        return _views(s, [need], ctx.today())[0]


def change_need_status(ctx: AppContext, need_id: str, target: str, reason: str = "") -> NeedView:
    """Move a need to another status; an illegal step is refused with the reason."""
    ctx.require_user()
    with ctx.session() as s:
        need = _need(s, need_id)
        if target == "referred":
            raise ServiceError("转介请选择服务资源（使用“转介”）", field="status")
        _move(need, target, reason, ctx.today())
        if need.status in rules.CLOSED_STATUSES:
            _close_need_tasks(s, need, ctx.today())
        s.flush()
        audit.record(
            s,
            ctx,
            "need_status",
            target_table="need",
            target_id=need.id,
            detail={"status": target, "reason": reason.strip()},
        )
        return _views(s, [need], ctx.today())[0]


FOLLOW_UP_DAYS = 7  # a referral is checked on a week later (local choice)


def refer_need(
    ctx: AppContext,
    need_id: str,
    resource_id: str,
    note: str = "",
    on: date | None = None,
    *,
    follow_up_days: int | None = FOLLOW_UP_DAYS,
) -> NeedView:
    """Refer a need to a resource (转介): records the referral and sets 已转介.

    A need already referred may be referred to a further resource; its status stays 已转介.
    A follow-up task (跟进转介落实情况) is created ``follow_up_days`` after the referral.
    """
    ctx.require_user()
    with ctx.session() as s:
        need = _need(s, need_id)
        resource = s.get(Resource, resource_id) if resource_id else None
        if resource is None or resource.deleted:
            raise ServiceError("请选择要转介的服务资源", field="resource_id")
        if not resource.active:
            raise ServiceError(f"资源“{resource.name}”已停用，不能转介", field="resource_id")
        day = check_not_future(on or ctx.today(), ctx.today(), "转介日期", "on")
        if need.status != "referred":
            _move(need, "referred", "", ctx.today())
        s.add(
            Referral(need_id=need.id, resource_id=resource.id, referred_on=day, note=note.strip())
        )
        if follow_up_days is not None:
            kind = rules.service_type_label(need.need_type)
            add_task(
                s,
                ctx,
                TaskInput(
                    title=f"跟进转介落实情况：{kind} → {resource.name}",
                    due_date=day + timedelta(days=follow_up_days),
                    person_id=need.person_id,
                    kind="need",
                    need_id=need.id,
                ),
            )
        s.flush()
        return _views(s, [need], ctx.today())[0]


def get_need(ctx: AppContext, need_id: str) -> NeedView:
    """One need with its referrals."""
    with ctx.session() as s:
        return _views(s, [_need(s, need_id)], ctx.today())[0]


def open_needs(ctx: AppContext, person_id: str | None = None, limit: int = 5000) -> list[NeedView]:
    """Open needs (发现/已转介/服务中), oldest first — the community's list by age."""
    with ctx.session() as s:
        stmt = select(Need).where(
            Need.deleted.is_(False), Need.status.in_(sorted(rules.OPEN_STATUSES))
        )
        if person_id:
            stmt = stmt.where(Need.person_id == person_id)
        items = list(s.scalars(stmt.order_by(Need.found_on, Need.created_at).limit(limit)))
        return _views(s, items, ctx.today())


def person_needs(ctx: AppContext, person_id: str) -> list[NeedView]:
    """All needs of a person, open ones first, then newest."""
    with ctx.session() as s:
        items = list(
            s.scalars(
                select(Need)
                .where(Need.person_id == person_id, Need.deleted.is_(False))
                .order_by(Need.found_on.desc())
            )
        )
        items.sort(key=lambda n: n.status not in rules.OPEN_STATUSES)
        return _views(s, items, ctx.today())
