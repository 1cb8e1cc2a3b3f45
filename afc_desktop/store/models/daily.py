"""Daily-work tables: resources, visits, needs and referrals, tasks, advisory services,
participation (微自治 projects, talent pool, volunteer hours) and the visit-cadence rules.

All are synced (``SyncMixin``) except ``PersonVisitState``, a local summary (latest completed
visit per person) kept in step by ``store.visit_state`` so the due list reads one row per person
instead of scanning a district's million visits.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    delete,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from .base import Base, SyncMixin, new_id


class Resource(SyncMixin, Base):
    """A community resource (社区资源): facility, service project, platform, staff member,
    social organisation, resident unit or partner unit."""

    __tablename__ = "resource"

    community_id: Mapped[str | None] = mapped_column(ForeignKey("community.id"), default=None)
    kind: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(200))
    contact_name: Mapped[str] = mapped_column(String(50), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    services: Mapped[list[Any]] = mapped_column(JSON, default=list)  # service-type codes
    capacity: Mapped[str] = mapped_column(String(100), default="")
    hours: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (Index(None, "kind", "name"),)


class Visit(SyncMixin, Base):
    """A visit (入户走访 / 电话视频探访); ``status`` is "draft" until it is recorded ("done")."""

    __tablename__ = "visit"

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"))
    household_id: Mapped[str | None] = mapped_column(String(36), default=None)
    visit_date: Mapped[date] = mapped_column(Date)
    mode: Mapped[str] = mapped_column(String(10), default="home")
    status: Mapped[str] = mapped_column(String(10), default="draft")
    worker_id: Mapped[str | None] = mapped_column(String(36), default=None)
    worker_name: Mapped[str] = mapped_column(String(50), default="")
    companions: Mapped[str] = mapped_column(String(200), default="")
    findings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    risk_flags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    risk_level: Mapped[str] = mapped_column(String(10), default="normal")
    notes: Mapped[str] = mapped_column(Text, default="")
    started_from: Mapped[str] = mapped_column(String(20), default="")
    # the household visit (入户家访) this elder's visit was recorded in, if any
    household_visit_id: Mapped[str | None] = mapped_column(String(36), default=None)

    __table_args__ = (
        # covers "latest recorded visit of each person (before a day)" without table lookups
        Index(None, "person_id", "status", "deleted", "visit_date", "risk_level"),
        Index(None, "status", "visit_date"),
        Index(None, "household_visit_id"),
        # each person's latest recorded visit before a day, read in index order by the
        # month's visit rate (services/visits/counts.py; migration 0017)
        Index(
            "ix_visit_done_latest",
            "person_id",
            text("visit_date DESC"),
            text("created_at DESC"),
            text("id DESC"),
            "risk_level",
            postgresql_where=text("status = 'done' AND deleted IS false"),
            sqlite_where=text("status = 'done' AND deleted IS 0"),
        ),
    )


class PersonVisitState(Base):
    """Local summary: each person's latest completed visit and the risk level it recorded."""

    __tablename__ = "person_visit_state"

    person_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    last_visit_id: Mapped[str | None] = mapped_column(String(36), default=None)
    last_visit_date: Mapped[date | None] = mapped_column(Date, default=None)
    risk_level: Mapped[str] = mapped_column(String(10), default="normal")

    # the due list probes it once per elder: the whole answer from the index
    __table_args__ = (
        Index("ix_person_visit_state_due", "person_id", "last_visit_date", "risk_level"),
    )


class Need(SyncMixin, Base):
    """A need found (需求): type, urgency and status (发现 → 已转介 → 服务中 → 已解决/无法解决)."""

    __tablename__ = "need"

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"))
    visit_id: Mapped[str | None] = mapped_column(String(36), default=None)
    need_type: Mapped[str] = mapped_column(String(30))
    description: Mapped[str] = mapped_column(Text, default="")
    urgency: Mapped[str] = mapped_column(String(10), default="normal")
    status: Mapped[str] = mapped_column(String(20), default="found")
    status_reason: Mapped[str] = mapped_column(Text, default="")
    found_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)

    __table_args__ = (
        Index(None, "status", "found_on"),
        Index(None, "person_id", "status"),
    )


class Referral(SyncMixin, Base):
    """A need referred to a resource (转介)."""

    __tablename__ = "referral"

    need_id: Mapped[str] = mapped_column(ForeignKey("need.id"))
    resource_id: Mapped[str] = mapped_column(ForeignKey("resource.id"))
    referred_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index(None, "need_id"), Index(None, "resource_id"))


class Task(SyncMixin, Base):
    """A follow-up task (待办): from a visit, a need, or typed by hand."""

    __tablename__ = "task"

    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), default=None)
    kind: Mapped[str] = mapped_column(String(20), default="follow_up")
    title: Mapped[str] = mapped_column(String(200))
    due_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | done | cancelled
    visit_id: Mapped[str | None] = mapped_column(String(36), default=None)
    need_id: Mapped[str | None] = mapped_column(String(36), default=None)
    assigned_to: Mapped[str | None] = mapped_column(String(36), default=None)
    done_on: Mapped[date | None] = mapped_column(Date, default=None)
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index(None, "status", "due_date"), Index(None, "person_id"))


class ServiceLog(SyncMixin, Base):
    """An advisory or errand service (养老顾问 / 业务帮办 / 生活代办)."""

    __tablename__ = "service_log"

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"))
    service_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(30))
    summary: Mapped[str] = mapped_column(Text, default="")
    minutes: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str] = mapped_column(Text, default="")
    worker_id: Mapped[str | None] = mapped_column(String(36), default=None)
    worker_name: Mapped[str] = mapped_column(String(50), default="")

    __table_args__ = (Index(None, "person_id", "service_date"), Index(None, "service_date"))


class Project(SyncMixin, Base):
    """A 微自治 project (autonomy project of a building, courtyard or village group)."""

    __tablename__ = "project"

    community_id: Mapped[str | None] = mapped_column(ForeignKey("community.id"), default=None)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30), default="building")
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date, default=None)
    status: Mapped[str] = mapped_column(String(10), default="active")  # planned|active|done
    description: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index(None, "start_date"),)


class ProjectMember(SyncMixin, Base):
    """A member of a project: a registered person, or a name typed free."""

    __tablename__ = "project_member"

    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"))
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), default=None)
    name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(50), default="")

    __table_args__ = (Index(None, "project_id"),)


class Talent(SyncMixin, Base):
    """An entry of the talent pool (能人库/达人库): an elder's skills and willingness to help."""

    __tablename__ = "talent"

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"))
    skills: Mapped[list[Any]] = mapped_column(JSON, default=list)
    description: Mapped[str] = mapped_column(Text, default="")
    availability: Mapped[str] = mapped_column(String(200), default="")
    willing: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (Index(None, "person_id"),)


class VolunteerHour(SyncMixin, Base):
    """Volunteer hours (低龄助高龄): who helped whom, when, for how long."""

    __tablename__ = "volunteer_hour"

    helper_id: Mapped[str] = mapped_column(ForeignKey("person.id"))
    helped_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), default=None)
    service_date: Mapped[date] = mapped_column(Date)
    hours: Mapped[float] = mapped_column(Float)
    activity: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (Index(None, "helper_id"), Index(None, "service_date"))


class CadenceRuleRow(SyncMixin, Base):
    """An administrator's visit-cadence rule (see ``domain.schedule``)."""

    __tablename__ = "cadence_rule"

    name: Mapped[str] = mapped_column(String(100))
    every: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(10))
    categories: Mapped[list[Any]] = mapped_column(JSON, default=list)
    special_hardship: Mapped[bool] = mapped_column(Boolean, default=False)
    risk: Mapped[str | None] = mapped_column(String(10), default=None)
    min_age: Mapped[int | None] = mapped_column(Integer, default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    local_choice: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


# --- keeping PersonVisitState in step ------------------------------------------------------


def _latest_done(session: Session, person_id: str, exclude: set[str]) -> Visit | None:
    query = (
        select(Visit)
        .where(
            Visit.person_id == person_id,
            Visit.status == "done",
            Visit.deleted.is_(False),
            Visit.id.not_in(exclude),
        )
        .order_by(Visit.visit_date.desc(), Visit.created_at.desc(), Visit.id.desc())
        .limit(1)
    )
    return session.scalars(query).first()


_NOT_YET_WRITTEN = datetime.max.replace(tzinfo=UTC)


def _recency(visit: Visit) -> tuple[date, datetime, str]:
    """Which of a person's recorded visits is the latest: by visit date, then by when it was
    written, then by id — the same order as ``_latest_done`` and ``rebuild_visit_state``, so
    every site picks the same visit (and risk level) whichever order sync brought them in. A
    visit not yet flushed has no ``created_at`` yet: it is being written now, so it is newest."""
    return (visit.visit_date, _aware(visit.created_at) or _NOT_YET_WRITTEN, visit.id)


def _aware(at: datetime | None) -> datetime | None:
    return at.replace(tzinfo=UTC) if at is not None and at.tzinfo is None else at


def track_visits(session: Session) -> None:
    """Before every flush: refresh the summary of each person whose visits are being written.

    Runs on every flush (``store.hooks``), replays included, so visits applied from a sync
    bundle keep the summary right too.
    """
    touched = [o for o in (*session.new, *session.dirty) if isinstance(o, Visit)]
    if not touched:
        return
    for visit in touched:
        if visit.id is None:
            visit.id = new_id()
    by_person: dict[str, list[Visit]] = {}
    for visit in touched:
        if visit.person_id is not None:  # a synced row not complete yet: no one to summarise
            by_person.setdefault(visit.person_id, []).append(visit)
    with session.no_autoflush:
        for person_id, visits in by_person.items():
            candidates = [v for v in visits if v.status == "done" and not v.deleted]
            stored = _latest_done(session, person_id, {v.id for v in visits})
            if stored is not None:
                candidates.append(stored)
            best = max(candidates, key=_recency, default=None)
            state = session.get(PersonVisitState, person_id)
            if state is None:
                state = PersonVisitState(person_id=person_id)
                session.add(state)
            state.last_visit_id = best.id if best else None
            state.last_visit_date = best.visit_date if best else None
            state.risk_level = (best.risk_level or "normal") if best else "normal"


def track_bulk_visits(session: Session, rows: list[dict[str, Any]]) -> None:
    """The same for visits written by ``store.bulk.insert_synced`` (imports, demo data)."""
    latest: dict[str, dict[str, Any]] = {}
    for row in rows:
        if row.get("status") != "done" or row.get("deleted"):
            continue
        best = latest.get(row["person_id"])
        if best is None or row_recency(row) >= row_recency(best):
            latest[row["person_id"]] = row
    with session.no_autoflush:
        for person_id, row in latest.items():
            state = session.get(PersonVisitState, person_id)
            if state is None:
                state = PersonVisitState(person_id=person_id)
                session.add(state)
            elif state.last_visit_date is not None and state.last_visit_date > row["visit_date"]:
                continue  # (on the same date a bulk row is written later: it is the newer)
            state.last_visit_id = row["id"]
            state.last_visit_date = row["visit_date"]
            state.risk_level = row.get("risk_level") or "normal"
    session.flush()


def row_recency(row: dict[str, Any]) -> tuple[date, datetime, str]:
    """``_recency`` of a visit given as a row (bulk loads, the hub's set-based apply)."""
    return (row["visit_date"], _aware(row.get("created_at")) or _NOT_YET_WRITTEN, row["id"])


def rebuild_visit_state(session: Session) -> int:
    """Recompute every person's summary from the visits (after a bulk load or as a repair)."""
    session.execute(delete(PersonVisitState))
    ranked = (
        select(
            Visit.person_id,
            Visit.id,
            Visit.visit_date,
            Visit.risk_level,
            func.row_number()
            .over(
                partition_by=Visit.person_id,
                order_by=(Visit.visit_date.desc(), Visit.created_at.desc(), Visit.id.desc()),
            )
            .label("rn"),
        )
        .where(Visit.status == "done", Visit.deleted.is_(False))
        .subquery()
    )
    insert_rows = insert(PersonVisitState).from_select(
        ["person_id", "last_visit_id", "last_visit_date", "risk_level"],
        select(ranked.c.person_id, ranked.c.id, ranked.c.visit_date, ranked.c.risk_level).where(
            ranked.c.rn == 1
        ),
    )
    session.execute(insert_rows)
    return int(session.scalar(select(func.count()).select_from(PersonVisitState)) or 0)
