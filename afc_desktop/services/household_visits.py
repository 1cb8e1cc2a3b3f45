"""Household visits (入户家访): one visit to a door, and everyone behind it.

A worker knocks on one door and sees everyone there. :func:`record_household_visit` records the
date, mode, workers and the general findings once (``HouseholdVisit``), and for each elder
present an ordinary visit with their own findings, risk flags, needs and follow-up, linked by
``household_visit_id``: each elder's cadence, the month's rate, the person page and printing
count it as that elder's visit. Elders marked absent (不在家) or not seen (未见到) get no visit
and stay due. Existing person visits are untouched.

General findings are written once and carried into each present elder's visit for the areas
the elder's own entry leaves empty (a leaking roof is everyone's 居住安全); the general notes
follow the elder's own notes.

A household visit without a household (``household_id`` None) is a visit to an address: the
elders are named in ``members`` and the address is typed. Drafts work as for person visits: the
row has status "draft" and keeps every member's entries in ``members`` until it is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import visit_content as vc
from ..domain.ages import age_on
from ..store.models import Household, Person
from ..store.models.daily import Visit
from ..store.models.household_visit import HouseholdVisit
from . import audit
from .context import AppContext, ServiceError
from .daily_common import live_person
from .visits.records import (
    NeedDraft,
    VisitInput,
    check_occasion,
    check_visit,
    complete_visit,
    pending_from_json,
    pending_json,
)

PRESENCE: tuple[tuple[str, str], ...] = (
    ("present", "在家"),
    ("absent", "不在家"),
    ("not_seen", "未见到"),
)
PRESENCE_LABELS = dict(PRESENCE)
STARTED_FROM = "household"


@dataclass(frozen=True)
class MemberEntry:
    """One elder of a household visit: present or not, and their own findings when present."""

    person_id: str
    presence: str = "present"  # present | absent | not_seen
    findings: vc.Findings = field(default_factory=vc.Findings)
    risk_flags: tuple[str, ...] = ()
    risk_level: str | None = None  # None: suggested from the flags
    notes: str = ""
    needs: tuple[NeedDraft, ...] = ()
    follow_up_date: date | None = None
    follow_up_text: str = ""


@dataclass(frozen=True)
class HouseholdVisitInput:
    """What the household visit dialog (or the CLI) supplies."""

    household_id: str | None
    visit_date: date | None
    mode: str = "home"
    companions: str = ""
    findings: vc.Findings = field(default_factory=vc.Findings)  # general, written once
    notes: str = ""
    members: tuple[MemberEntry, ...] = ()
    address_text: str = ""  # for a visit to an address (no household)
    started_from: str = ""  # "due" | "household" | "person" | "today" | ""


@dataclass(frozen=True)
class MemberView:
    """An elder of a household visit as the dialog shows it."""

    person_id: str
    name: str
    age: int | None
    presence: str
    presence_label: str
    entry: MemberEntry
    visit_id: str | None = None


@dataclass(frozen=True)
class HouseholdVisitView:
    """A household visit (draft or recorded)."""

    id: str
    household_id: str | None
    address: str
    visit_date: date
    mode: str
    mode_label: str
    status: str
    worker_name: str
    companions: str
    findings: vc.Findings
    notes: str
    members: tuple[MemberView, ...]
    started_from: str
    updated_at: datetime | None

    @property
    def present_names(self) -> tuple[str, ...]:
        return tuple(m.name for m in self.members if m.presence == "present")

    def as_input(self) -> HouseholdVisitInput:
        """The editable fields, to resume a draft."""
        return HouseholdVisitInput(
            household_id=self.household_id,
            visit_date=self.visit_date,
            mode=self.mode,
            companions=self.companions,
            findings=self.findings,
            notes=self.notes,
            members=tuple(m.entry for m in self.members),
            address_text=self.address,
            started_from=self.started_from,
        )


# --- starting a visit ------------------------------------------------------------------------


def household_elders(s: Session, household_id: str) -> list[Person]:
    """The live elders of a household, oldest first (the order its printed record uses)."""
    return elders_of_households(s, [household_id]).get(household_id, [])


def elders_of_households(s: Session, household_ids: list[str]) -> dict[str, list[Person]]:
    """The live elders of each household, oldest first (then name, then id), one query per
    500 households: a route of hundreds of doors reads them at once."""
    out: dict[str, list[Person]] = {}
    for start in range(0, len(household_ids), 500):
        for person in s.scalars(
            select(Person)
            .where(
                Person.household_id.in_(household_ids[start : start + 500]),
                Person.deleted.is_(False),
                Person.is_elder.is_(True),
            )
            .order_by(Person.household_id, Person.birth_date, Person.name, Person.id)
        ):
            out.setdefault(person.household_id or "", []).append(person)
    return out


def _live_household(s: Session, household_id: str) -> Household:
    household = s.get(Household, household_id)
    if household is None or household.deleted:
        raise ServiceError("找不到该家庭（可能已被合并或删除）", field="household_id")
    return household


def start_household_visit(
    ctx: AppContext,
    *,
    household_id: str | None = None,
    person_id: str | None = None,
    started_from: str = "",
) -> HouseholdVisitInput:
    """A new household visit for a household, or for the household of ``person_id`` (from
    the person page): every elder listed as present, today's date. A person registered
    without a household gets a visit to an address with that person alone."""
    with ctx.session() as s:
        if household_id is None and person_id is not None:
            person = live_person(s, person_id)
            household_id = person.household_id
            if household_id is None:
                return HouseholdVisitInput(
                    household_id=None,
                    visit_date=ctx.today(),
                    members=(MemberEntry(person.id),),
                    started_from=started_from,
                )
        if household_id is None:
            raise ServiceError("请选择要走访的家庭", field="household_id")
        _live_household(s, household_id)
        elders = household_elders(s, household_id)
        if not elders:
            raise ServiceError("该家庭没有登记老年人，无需入户探访", field="household_id")
        return HouseholdVisitInput(
            household_id=household_id,
            visit_date=ctx.today(),
            members=tuple(MemberEntry(p.id) for p in elders),
            started_from=started_from,
        )


# --- checks ----------------------------------------------------------------------------------


def _merged(general: vc.Findings, own: vc.Findings) -> vc.Findings:
    return vc.Findings({**general.areas, **own.areas})


def _member_visit(data: HouseholdVisitInput, entry: MemberEntry) -> VisitInput:
    """The person visit a present elder gets: own entries, general findings for the rest."""
    notes = "；".join(filter(None, [entry.notes.strip(), data.notes.strip()]))
    return VisitInput(
        person_id=entry.person_id,
        visit_date=data.visit_date,
        mode=data.mode,
        companions=data.companions,
        findings=_merged(data.findings, entry.findings),
        risk_flags=entry.risk_flags,
        risk_level=entry.risk_level,
        notes=notes,
        needs=entry.needs,
        follow_up_date=entry.follow_up_date,
        follow_up_text=entry.follow_up_text,
        started_from=STARTED_FROM,
    )


def _check(
    s: Session, ctx: AppContext, data: HouseholdVisitInput, *, for_record: bool
) -> tuple[Household | None, list[Person]]:
    """Refuse bad input; the members' Person rows in order."""
    check_occasion(data.mode, data.visit_date, data.companions, ctx.today())
    household = _live_household(s, data.household_id) if data.household_id else None
    if household is None and not data.address_text.strip():
        raise ServiceError("走访没有登记家庭的老人时，请填写走访地址", field="address_text")
    if not data.members:
        raise ServiceError("请至少列出一位老人", field="members")
    try:
        vc.validate_findings(data.findings)
    except vc.VisitContentError as exc:
        raise ServiceError(exc.message, field="findings") from exc
    seen: set[str] = set()
    people: list[Person] = []
    for i, entry in enumerate(data.members, start=1):
        where = f"第{i}位老人："
        if entry.person_id in seen:
            raise ServiceError(f"{where}重复列出", field="members")
        seen.add(entry.person_id)
        if entry.presence not in PRESENCE_LABELS:
            raise ServiceError(f"{where}请选择在家、不在家或未见到", field="members")
        try:
            person = live_person(s, entry.person_id)
        except ServiceError as exc:
            raise ServiceError(where + exc.message, field="members") from exc
        if household is not None and person.household_id != household.id:
            raise ServiceError(f"{where}不是这个家庭的成员", field="members")
        people.append(person)
        if entry.presence == "present":
            try:
                check_visit(_member_visit(data, entry), person, ctx.today(), for_record=for_record)
            except ServiceError as exc:
                raise ServiceError(where + exc.message, field=f"members.{exc.field}") from exc
    if for_record and not any(m.presence == "present" for m in data.members):
        raise ServiceError(
            "没有见到任何一位老人：请至少标记一位在家；都不在家的，可保存草稿改日再访",
            field="members",
        )
    return household, people


# --- writes ----------------------------------------------------------------------------------


def _entry_json(entry: MemberEntry) -> dict[str, Any]:
    return {
        "person_id": entry.person_id,
        "presence": entry.presence,
        "findings": entry.findings.as_json(),
        "risk_flags": list(entry.risk_flags),
        "risk_level": entry.risk_level,
        "notes": entry.notes,
        **pending_json(entry.needs, entry.follow_up_date, entry.follow_up_text),
    }


def _entry_from_json(raw: dict[str, Any]) -> MemberEntry:
    needs, follow_up_date, follow_up_text = pending_from_json(raw)
    return MemberEntry(
        person_id=str(raw.get("person_id", "")),
        presence=str(raw.get("presence", "present")),
        findings=vc.Findings.from_json(raw.get("findings") or {}),
        risk_flags=tuple(raw.get("risk_flags") or ()),
        risk_level=raw.get("risk_level"),
        notes=str(raw.get("notes", "")),
        needs=needs,
        follow_up_date=follow_up_date,
        follow_up_text=follow_up_text,
    )


def _write_basics(
    hv: HouseholdVisit, data: HouseholdVisitInput, household: Household | None, ctx: AppContext
) -> None:
    assert data.visit_date is not None
    hv.household_id = household.id if household else None
    hv.address_text = household.address_text if household else data.address_text.strip()
    hv.visit_date = data.visit_date
    hv.mode = data.mode
    hv.companions = data.companions.strip()
    hv.findings = vc.validate_findings(data.findings).as_json()
    hv.notes = data.notes.strip()
    hv.started_from = data.started_from
    hv.worker_id = ctx.actor_id
    hv.worker_name = ctx.actor_name


def _draft_row(s: Session, draft_id: str, household_id: str | None) -> HouseholdVisit:
    hv = s.get(HouseholdVisit, draft_id)
    if hv is None or hv.deleted:
        raise ServiceError("找不到该草稿（可能已被删除）")
    if hv.status != "draft":
        raise ServiceError("该入户探访已经登记，不能再作为草稿修改")
    if hv.household_id != household_id:
        raise ServiceError("草稿属于另一个家庭，不能改到这里")
    return hv


def save_household_draft(
    ctx: AppContext, data: HouseholdVisitInput, draft_id: str | None = None
) -> HouseholdVisitView:
    """Keep a half-finished household visit as a draft (保存草稿)."""
    ctx.require_user()
    with ctx.session() as s:
        household, _people = _check(s, ctx, data, for_record=False)
        if draft_id:
            hv = _draft_row(s, draft_id, data.household_id)
        else:
            hv = HouseholdVisit(status="draft")
            s.add(hv)
        _write_basics(hv, data, household, ctx)
        hv.members = [_entry_json(m) for m in data.members]
        s.flush()
        return _view(s, hv, ctx.today())


def record_household_visit(
    ctx: AppContext, data: HouseholdVisitInput, draft_id: str | None = None
) -> HouseholdVisitView:
    """Record a household visit (登记入户探访), completing a draft if given: one visit for
    each elder present (with their needs and follow-up), all in one transaction."""
    ctx.require_user()
    with ctx.session() as s:
        household, people = _check(s, ctx, data, for_record=True)
        if draft_id:
            hv = _draft_row(s, draft_id, data.household_id)
        else:
            hv = HouseholdVisit()
            s.add(hv)
        _write_basics(hv, data, household, ctx)
        hv.status = "done"
        s.flush()
        members: list[dict[str, Any]] = []
        for entry, person in zip(data.members, people, strict=True):
            visit_id = None
            if entry.presence == "present":
                visit = complete_visit(
                    s, ctx, _member_visit(data, entry), person, household_visit_id=hv.id
                )
                visit_id = visit.id
            members.append(
                {"person_id": entry.person_id, "presence": entry.presence, "visit_id": visit_id}
            )
        hv.members = members
        s.flush()
        audit.record(
            s,
            ctx,
            "record_household_visit",
            target_table="household_visit",
            target_id=hv.id,
            detail={"present": sum(m["visit_id"] is not None for m in members)},
        )
        return _view(s, hv, ctx.today())


def discard_household_draft(ctx: AppContext, draft_id: str) -> None:
    """Throw a household visit draft away (tombstoned like every synced row)."""
    ctx.require_user()
    with ctx.session() as s:
        hv = s.get(HouseholdVisit, draft_id)
        if hv is None or hv.deleted or hv.status != "draft":
            raise ServiceError("找不到该草稿（可能已被删除）")
        hv.deleted = True


# --- reads -----------------------------------------------------------------------------------


def _entry_from_visit(visit: Visit, presence: str) -> MemberEntry:
    return MemberEntry(
        person_id=visit.person_id,
        presence=presence,
        findings=vc.Findings.from_json(visit.findings),
        risk_flags=tuple(visit.risk_flags or ()),
        risk_level=visit.risk_level,
        notes=visit.notes,
    )


def _view(s: Session, hv: HouseholdVisit, today: date) -> HouseholdVisitView:
    raw_members = list(hv.members or ())
    ids = [str(m.get("person_id", "")) for m in raw_members]
    people = {
        pid: (name, birth)
        for pid, name, birth in s.execute(
            select(Person.id, Person.name, Person.birth_date).where(Person.id.in_(ids))
        )
    }
    visit_ids = [m["visit_id"] for m in raw_members if m.get("visit_id")]
    visits = {v.id: v for v in s.scalars(select(Visit).where(Visit.id.in_(visit_ids)))}
    members = []
    for raw in raw_members:
        pid = str(raw.get("person_id", ""))
        name, birth = people.get(pid, ("", None))
        presence = str(raw.get("presence", "present"))
        visit = visits.get(raw.get("visit_id") or "")
        entry = _entry_from_visit(visit, presence) if visit else _entry_from_json(raw)
        members.append(
            MemberView(
                person_id=pid,
                name=name,
                age=age_on(birth, today) if birth else None,
                presence=presence,
                presence_label=PRESENCE_LABELS.get(presence, presence),
                entry=entry,
                visit_id=visit.id if visit else None,
            )
        )
    return HouseholdVisitView(
        id=hv.id,
        household_id=hv.household_id,
        address=hv.address_text,
        visit_date=hv.visit_date,
        mode=hv.mode,
        mode_label=vc.mode_label(hv.mode),
        status=hv.status,
        worker_name=hv.worker_name,
        companions=hv.companions,
        findings=vc.Findings.from_json(hv.findings),
        notes=hv.notes,
        members=tuple(members),
        started_from=hv.started_from,
        updated_at=hv.updated_at,
    )


def get_household_visit(ctx: AppContext, visit_id: str) -> HouseholdVisitView:
    """One household visit or draft."""
    with ctx.session() as s:
        hv = s.get(HouseholdVisit, visit_id)
        if hv is None or hv.deleted:
            raise ServiceError("找不到该入户探访记录")
        return _view(s, hv, ctx.today())


def list_household_drafts(ctx: AppContext) -> list[HouseholdVisitView]:
    """Unfinished household visits, newest first (a colleague may finish one)."""
    with ctx.session() as s:
        rows = s.scalars(
            select(HouseholdVisit)
            .where(HouseholdVisit.status == "draft", HouseholdVisit.deleted.is_(False))
            .order_by(HouseholdVisit.updated_at.desc())
        )
        return [_view(s, hv, ctx.today()) for hv in rows]


def household_visits(
    ctx: AppContext, household_id: str, limit: int = 100
) -> list[HouseholdVisitView]:
    """A household's recorded visits, newest first."""
    with ctx.session() as s:
        rows = s.scalars(
            select(HouseholdVisit)
            .where(
                HouseholdVisit.household_id == household_id,
                HouseholdVisit.status == "done",
                HouseholdVisit.deleted.is_(False),
            )
            .order_by(HouseholdVisit.visit_date.desc(), HouseholdVisit.created_at.desc())
            .limit(limit)
        )
        return [_view(s, hv, ctx.today()) for hv in rows]


def with_presence(data: HouseholdVisitInput, person_id: str, presence: str) -> HouseholdVisitInput:
    """``data`` with one elder's presence changed (for scripts and the CLI)."""
    members = tuple(
        replace(m, presence=presence) if m.person_id == person_id else m for m in data.members
    )
    return replace(data, members=members)
