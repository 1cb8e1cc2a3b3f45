"""Advisory and errand services (养老顾问 / 业务帮办 / 生活代办): a log of one-to-one services.

The four 养老顾问 services follow the action plan (二(三)): 养老需求主动发现、养老政策咨询办理、
养老资源介绍链接、养老服务合理建议; 业务帮办 (handling an application for the person) and 生活代办
(running an errand) follow 二(五).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ..domain.schedule import month_bounds
from ..store.models.daily import ServiceLog
from .context import AppContext, ServiceError
from .daily_common import briefs, check_not_future, live_person, require_text

SERVICE_KINDS: tuple[tuple[str, str], ...] = (
    ("need_discovery", "需求主动发现"),
    ("policy_consult", "政策咨询办理"),
    ("resource_link", "养老资源介绍链接"),
    ("service_advice", "养老服务合理建议"),
    ("application_help", "业务帮办"),
    ("errand", "生活代办"),
)
KIND_LABELS = dict(SERVICE_KINDS)


@dataclass(frozen=True)
class ServiceInput:
    """One service given to a person."""

    person_id: str
    service_date: date | None
    kind: str
    summary: str
    minutes: int = 0
    outcome: str = ""


@dataclass(frozen=True)
class ServiceView:
    id: str
    person_id: str
    person_name: str
    service_date: date
    kind: str
    kind_label: str
    summary: str
    minutes: int
    outcome: str
    worker_name: str


@dataclass(frozen=True)
class ServiceTotals:
    """A month's services: count and minutes per kind."""

    year: int
    month: int
    counts: dict[str, int]
    minutes: dict[str, int]
    people: int


def record_service(ctx: AppContext, data: ServiceInput) -> ServiceView:
    """Log a service (登记服务)."""
    ctx.require_user()
    if data.kind not in KIND_LABELS:
        raise ServiceError("请选择服务类别", field="kind")
    day = check_not_future(data.service_date, ctx.today(), "服务日期", "service_date")
    summary = require_text(data.summary, "服务内容", "summary", limit=2000)
    if not 0 <= data.minutes <= 24 * 60:
        raise ServiceError("用时应在0到1440分钟之间", field="minutes")
    with ctx.session() as s:
        live_person(s, data.person_id)
        row = ServiceLog(
            person_id=data.person_id,
            service_date=day,
            kind=data.kind,
            summary=summary,
            minutes=data.minutes,
            outcome=data.outcome.strip(),
            worker_id=ctx.actor_id,
            worker_name=ctx.actor_name,
        )
        s.add(row)
        s.flush()
        name = briefs(s, [row.person_id]).get(row.person_id)
        return _view(row, name.name if name else "")


def _view(r: ServiceLog, person_name: str) -> ServiceView:
    return ServiceView(
        id=r.id,
        person_id=r.person_id,
        person_name=person_name,
        service_date=r.service_date,
        kind=r.kind,
        kind_label=KIND_LABELS.get(r.kind, r.kind),
        summary=r.summary,
        minutes=r.minutes,
        outcome=r.outcome,
        worker_name=r.worker_name,
    )


def list_services(
    ctx: AppContext,
    *,
    person_id: str | None = None,
    start: date | None = None,
    end: date | None = None,
    kind: str | None = None,
    limit: int = 5000,
) -> list[ServiceView]:
    """Services, newest first, filtered by person, date range and kind."""
    with ctx.session() as s:
        stmt = select(ServiceLog).where(ServiceLog.deleted.is_(False))
        if person_id:
            stmt = stmt.where(ServiceLog.person_id == person_id)
        if start:
            stmt = stmt.where(ServiceLog.service_date >= start)
        if end:
            stmt = stmt.where(ServiceLog.service_date <= end)
        if kind:
            stmt = stmt.where(ServiceLog.kind == kind)
        stmt = stmt.order_by(ServiceLog.service_date.desc(), ServiceLog.created_at.desc())
        rows = list(s.scalars(stmt.limit(limit)))
        names = briefs(s, (r.person_id for r in rows))
        return [_view(r, names[r.person_id].name if r.person_id in names else "") for r in rows]


def service_totals(ctx: AppContext, year: int, month: int) -> ServiceTotals:
    """Count, minutes and people served per kind in a month."""
    start, end = month_bounds(year, month)
    rows = list_services(ctx, start=start, end=end, limit=1_000_000)
    counts = Counter(r.kind for r in rows)
    minutes: Counter[str] = Counter()
    for r in rows:
        minutes[r.kind] += r.minutes
    return ServiceTotals(
        year, month, dict(counts), dict(minutes), people=len({r.person_id for r in rows})
    )
