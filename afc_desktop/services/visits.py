"""Visits (入户走访 / 电话视频探访), drafts, the due list and the month's visit rate.

- A visit starts as a **draft** (``save_draft``) that can be resumed any time — it is an
  ordinary row with status "draft", so it survives closing the app. ``record_visit`` validates
  it fully and completes it, creating the needs found and a follow-up task in one transaction.
  A draft keeps its not-yet-created needs and follow-up under ``findings["_pending"]``.
- The **due list** applies the cadence rules (``domain.schedule``) to every elder on the
  register, using the local ``person_visit_state`` summary (one row per person) for the latest
  visit and its risk level.
- Cadence rules are stored rows an administrator edits; until one is saved, the defaults of
  ``domain.schedule.DEFAULT_RULES`` apply.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from ..clock import Clock
from ..domain import people, schedule
from ..domain import visit_content as vc
from ..domain.ages import age_on
from ..domain.schedule import CadenceRule, MonthRate, MonthRecord, Subject
from ..store.history import people_changed_since
from ..store.models import Household, Person
from ..store.models.daily import (
    CadenceRuleRow,
    Need,
    PersonVisitState,
    Task,
    Visit,
)
from . import audit
from .context import AppContext, ServiceError
from .daily_common import briefs, live_person
from .needs import NeedInput, add_need
from .tasks import TaskInput, add_task

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


@dataclass(slots=True)
class DueItem:
    """One line of the due list; ``window`` is overdue/today/week/month/later."""

    person_id: str
    name: str
    age: int | None
    phone: str
    address: str
    categories: tuple[str, ...]  # Chinese labels, derived ones included
    rule_name: str
    rule_text: str
    last_visit: date | None
    due_date: date
    days_overdue: int
    window: str
    risk_level: str


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


def _check_basics(data: VisitInput, person: Person, today: date) -> None:
    if data.mode not in vc.MODE_LABELS:
        raise ServiceError("探访方式只能是入户、电话或视频", field="mode")
    if data.visit_date is None:
        raise ServiceError("请填写探访日期", field="visit_date")
    if data.visit_date > today:
        raise ServiceError("探访日期不能晚于今天", field="visit_date")
    if person.birth_date and data.visit_date < person.birth_date:
        raise ServiceError("探访日期早于该人员的出生日期", field="visit_date")
    if len(data.companions) > 200:
        raise ServiceError("同行人员太长（最多200字）", field="companions")


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
    from ..domain.needs import SERVICE_TYPES

    return SERVICE_TYPES


# --- writes ----------------------------------------------------------------------------------


def _pending_json(data: VisitInput) -> dict[str, Any]:
    return {
        "needs": [
            {"need_type": n.need_type, "description": n.description, "urgency": n.urgency}
            for n in data.needs
        ],
        "follow_up_date": data.follow_up_date.isoformat() if data.follow_up_date else None,
        "follow_up_text": data.follow_up_text,
    }


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
        visit.findings = {**visit.findings, PENDING_KEY: _pending_json(data)}
        s.flush()
        return _view(s, visit)


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
        if draft_id:
            visit = _draft_row(s, draft_id)
            if visit.person_id != person.id:
                raise ServiceError("草稿属于另一位人员，不能改到这里")
        else:
            visit = Visit()
            s.add(visit)
        _write(visit, data, person, ctx)
        visit.status = "done"
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
        audit.record(s, ctx, "record_visit", target_table="visit", target_id=visit.id)
        return _view(s, visit)


def discard_draft(ctx: AppContext, draft_id: str) -> None:
    """Throw a draft away (tombstoned like every synced row)."""
    ctx.require_user()
    with ctx.session() as s:
        _draft_row(s, draft_id).deleted = True


# --- reads -----------------------------------------------------------------------------------


def _pending(visit: Visit) -> tuple[tuple[NeedDraft, ...], date | None, str]:
    raw = (visit.findings or {}).get(PENDING_KEY) or {}
    needs = tuple(
        NeedDraft(
            str(n.get("need_type", "")), str(n.get("description", "")), n.get("urgency", "normal")
        )
        for n in raw.get("needs", ())
    )
    follow = raw.get("follow_up_date")
    return needs, date.fromisoformat(follow) if follow else None, str(raw.get("follow_up_text", ""))


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


@dataclass(frozen=True)
class PersonCadence:
    """What a new visit's risk level does to a person's cadence (探访频次).

    ``risk_level``: the level the latest recorded visit set ("normal" before any visit);
    ``rules``: the cadence rule that applies for each risk level a visit may set (None: no
    regular visits).
    """

    risk_level: str
    rules: dict[str, CadenceRule | None]

    def change(self, new_risk: str) -> tuple[CadenceRule | None, CadenceRule | None] | None:
        """(rule now, rule after) when recording ``new_risk`` changes the cadence, else None."""
        before, after = self.rules.get(self.risk_level), self.rules.get(new_risk)
        if before == after or (
            before is not None
            and after is not None
            and (before.every, before.unit) == (after.every, after.unit)
        ):
            return None
        return before, after


def person_cadence(ctx: AppContext, person_id: str) -> PersonCadence:
    """The person's current risk level and the rule each risk level would bring."""
    with ctx.session() as s:
        person = live_person(s, person_id)
        state = s.get(PersonVisitState, person_id)
        rules = _rules(s)
        flags, birth = _flags(person.category_flags), person.birth_date
    today = ctx.today()
    return PersonCadence(
        risk_level=(state.risk_level if state is not None else None) or "normal",
        rules={
            risk: schedule.pick_rule(rules, Subject(flags, birth, risk), today)
            for risk in schedule.RISK_LEVELS
        },
    )


# --- cadence rules ---------------------------------------------------------------------------


def _rule(row: CadenceRuleRow) -> CadenceRule:
    return CadenceRule(
        name=row.name,
        every=row.every,
        unit=row.unit,
        categories=frozenset(row.categories or ()),
        special_hardship=row.special_hardship,
        risk=row.risk,
        min_age=row.min_age,
        active=row.active,
        local_choice=row.local_choice,
        note=row.note,
        id=row.id,
    )


def _rules(s: Session) -> tuple[CadenceRule, ...]:
    rows = list(
        s.scalars(
            select(CadenceRuleRow)
            .where(CadenceRuleRow.deleted.is_(False))
            .order_by(CadenceRuleRow.position, CadenceRuleRow.created_at)
        )
    )
    return tuple(_rule(r) for r in rows) if rows else schedule.DEFAULT_RULES


def list_rules(ctx: AppContext) -> list[CadenceRule]:
    """The cadence rules in force (the defaults until an administrator saves some)."""
    with ctx.session() as s:
        return list(_rules(s))


def save_rules(ctx: AppContext, rules: Sequence[CadenceRule]) -> list[CadenceRule]:
    """Replace the cadence rules (administrators only). Rules left out are retired."""
    ctx.require_admin()
    if not rules:
        raise ServiceError("至少需要一条探访频次规则")
    try:
        checked = [schedule.validate_rule(r) for r in rules]
    except schedule.CadenceError as exc:
        raise ServiceError(exc.message, field="rules") from exc
    with ctx.session() as s:
        existing = {
            r.id: r
            for r in s.scalars(select(CadenceRuleRow).where(CadenceRuleRow.deleted.is_(False)))
        }
        kept: set[str] = set()
        for position, rule in enumerate(checked):
            row = existing.get(rule.id) if rule.id else None
            if row is None:
                row = CadenceRuleRow()
                s.add(row)
            row.name = rule.name.strip()
            row.every = rule.every
            row.unit = rule.unit
            row.categories = sorted(rule.categories)
            row.special_hardship = rule.special_hardship
            row.risk = rule.risk
            row.min_age = rule.min_age
            row.active = rule.active
            row.local_choice = rule.local_choice
            row.note = rule.note
            row.position = position
            if rule.id:
                kept.add(rule.id)
        for rule_id, row in existing.items():
            if rule_id not in kept:
                row.deleted = True
        s.flush()
        audit.record(s, ctx, "save_cadence_rules", detail={"count": len(checked)})
        return list(_rules(s))


def reset_rules(ctx: AppContext) -> list[CadenceRule]:
    """Go back to the default rules (administrators only)."""
    ctx.require_admin()
    with ctx.session() as s:
        for row in s.scalars(select(CadenceRuleRow).where(CadenceRuleRow.deleted.is_(False))):
            row.deleted = True
        audit.record(s, ctx, "reset_cadence_rules")
    return list(schedule.DEFAULT_RULES)


# --- due list --------------------------------------------------------------------------------


def _as_date(value: Any) -> date | None:
    """A date from a database value (SQLite gives ISO text, PostgreSQL a date)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _local_date(value: Any, clock: Clock) -> date | None:
    """The community's local date of a stored instant (SQLite gives ISO text, PostgreSQL a
    datetime). Comparing the UTC date instead would put a person registered at 07:00 Beijing
    time on the 1st into the month before."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return clock.local_date(value)
    return clock.local_date(datetime.fromisoformat(str(value)))


class _Memo(dict[Any, Any]):
    """A dict that fills itself: ``memo[raw]`` converts ``raw`` once (None stays None)."""

    def __init__(self, convert: Any) -> None:
        super().__init__()
        self._convert = convert
        self[None] = None

    def __missing__(self, raw: Any) -> Any:
        value = self[raw] = self._convert(raw)
        return value


def _driver_rows(conn: Any, stmt: Any) -> list[tuple[Any, ...]]:
    """Rows of ``stmt`` straight from the DB-API cursor, as the driver returns them (SQLite
    gives dates as ISO text, PostgreSQL as dates): no per-value processing by SQLAlchemy."""
    compiled = stmt.compile(dialect=conn.dialect)
    if compiled.positional:
        params: Any = tuple(compiled.params[key] for key in compiled.positiontup or ())
    else:
        params = compiled.params
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(str(compiled), params)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _flags(value: str | None) -> tuple[str, ...]:
    return tuple(value.strip(",").split(",")) if value else ()


class _DueCalculator:
    """The cadence for many people at once. People share few (categories, risk, age)
    combinations and few last-visit dates, so rule choice and date arithmetic are memoised."""

    def __init__(self, rules: tuple[CadenceRule, ...], today: date) -> None:
        self.rules = rules
        self.today = today
        self.rule_cache: dict[tuple[str, str, int | None], CadenceRule | None] = {}
        self.due_cache: dict[tuple[date, int, str], date] = {}
        self._labels: dict[tuple[str, int | None], tuple[str, ...]] = {}

    def age(self, birth: date | None) -> int | None:
        if birth is None:
            return None
        return age_on(birth, self.today)

    def _birth_for(self, age: int | None) -> date | None:
        # any birth date giving this age today: derived categories depend on the age only
        if age is None:
            return None
        return schedule.add_period(self.today, -12 * age, "month")

    def rule(self, flags: str, risk: str, age: int | None) -> CadenceRule | None:
        key = (flags, risk, age)
        if key not in self.rule_cache:
            subject = Subject(_flags(flags), self._birth_for(age), risk)
            self.rule_cache[key] = schedule.pick_rule(self.rules, subject, self.today)
        return self.rule_cache[key]

    def due(self, last: date | None, registered: date | None, rule: CadenceRule) -> date:
        if last is None:
            return registered or date.min
        key = (last, rule.every, rule.unit)
        found = self.due_cache.get(key)
        if found is None:
            found = self.due_cache[key] = schedule.next_due(last, None, rule)
        return found

    def labels(self, flags: str, age: int | None) -> tuple[str, ...]:
        key = (flags, age)
        if key not in self._labels:
            codes = people.all_categories(_flags(flags), self._birth_for(age), self.today)
            self._labels[key] = tuple(people.category_label(c) for c in codes)
        return self._labels[key]


_CALCULATORS: dict[tuple[tuple[CadenceRule, ...], date], _DueCalculator] = {}


def _calculator(rules: tuple[CadenceRule, ...], today: date) -> _DueCalculator:
    """A calculator whose memos survive between calls (refreshing the list is then cheaper);
    keyed on the rules and the day, so an edited rule or a new day starts afresh."""
    key = (rules, today)
    calc = _CALCULATORS.get(key)
    if calc is None:
        if len(_CALCULATORS) >= 4:
            _CALCULATORS.clear()
        calc = _CALCULATORS[key] = _DueCalculator(rules, today)
    return calc


def due_list(
    ctx: AppContext,
    *,
    within_days: int | None = None,
    include_later: bool = False,
    limit: int | None = None,
) -> list[DueItem]:
    """Elders due for a visit, most overdue first.

    ``within_days``: due on or before today + N days (overdue included); default: by the end of
    this month. ``include_later`` lists everyone with a cadence.
    """
    today = ctx.today()
    if within_days is not None and within_days < 0:
        raise ServiceError("天数不能为负数", field="within_days")
    if include_later:
        horizon = date.max
    elif within_days is not None:
        horizon = today + timedelta(days=within_days)
    else:
        horizon = schedule.month_bounds(today.year, today.month)[1]
    with ctx.session() as s:
        calc = _calculator(_rules(s), today)
        conn = s.connection()
        # Three sequential scans joined in Python, rows read straight from the DB-API cursor:
        # at district scale this is several times faster than probing the summary and
        # household tables row by row, and SQLAlchemy's per-value processing is skipped.
        dates = _Memo(_as_date)
        ages = _Memo(lambda raw: calc.age(_as_date(raw)))
        state = {
            pid: (last, risk)
            for pid, last, risk in _driver_rows(
                conn,
                select(
                    PersonVisitState.person_id,
                    PersonVisitState.last_visit_date,
                    PersonVisitState.risk_level,
                ),
            )
        }
        stmt = select(
            Person.id,
            Person.name,
            Person.phone,
            Person.household_id,
            Person.category_flags,
            Person.birth_date,
            Person.created_at,
        ).where(Person.deleted.is_(False), Person.is_elder.is_(True))
        hits = []
        no_visit = (None, "normal")
        rules_seen, dues_seen = calc.rule_cache, calc.due_cache
        local_days = _Memo(lambda raw: _local_date(raw, ctx.clock))
        for pid, name, phone, household_id, flags, birth, created in _driver_rows(conn, stmt):
            raw_last, risk = state.get(pid, no_visit)
            risk = risk or "normal"
            age = ages[birth]
            key = (flags or "", risk, age)
            rule = rules_seen[key] if key in rules_seen else calc.rule(*key)
            if rule is None:
                continue
            last = dates[raw_last]
            if last is None:
                due = local_days[created] or date.min
            else:
                due_key = (last, rule.every, rule.unit)
                due = dues_seen[due_key] if due_key in dues_seen else calc.due(last, None, rule)
            if due <= horizon:
                hits.append(
                    (due, pid, rule, last, risk, flags or "", age, name, phone, household_id)
                )
        hits.sort()  # by due date, then person id (unique, so later fields never compare)
        if limit is not None:
            hits = hits[:limit]
        addresses = _addresses(conn, [h[9] for h in hits])
    out = []
    texts = {rule.name: rule.describe() for rule in calc.rules}
    for due, pid, rule, last, risk, flags, age, name, phone, household_id in hits:
        out.append(
            DueItem(
                person_id=pid,
                name=name,
                age=age,
                phone=phone or "",
                address=addresses.get(household_id, "") if household_id else "",
                categories=calc.labels(flags, age),
                rule_name=rule.name,
                rule_text=texts[rule.name],
                last_visit=last,
                due_date=due,
                days_overdue=max(0, (today - due).days) if due != date.min else 0,
                window=schedule.due_window(due, today),
                risk_level=risk,
            )
        )
    return out


def _addresses(conn: Any, household_ids: list[str | None]) -> dict[str, str]:
    """Address text of the given households (all of them in one scan when there are many)."""
    wanted = {h for h in household_ids if h}
    if not wanted:
        return {}
    stmt = select(Household.id, Household.address_text)
    if len(wanted) <= 900:
        stmt = stmt.where(Household.id.in_(sorted(wanted)))
    return {hid: address or "" for hid, address in conn.execute(stmt) if hid in wanted}


# --- month visit rate ------------------------------------------------------------------------


def visit_rate(ctx: AppContext, year: int, month: int) -> MonthRate:
    """月探访率 for a month: visited ÷ due, overall, for 特殊困难 elders and per category."""
    if not 1 <= month <= 12:
        raise ServiceError("月份应在1到12之间", field="month")
    start, end = schedule.month_bounds(year, month)
    with ctx.session() as s:
        rules = _rules(s)
        conn = s.connection()
        dates = _Memo(_as_date)
        done = and_(Visit.status == "done", Visit.deleted.is_(False))
        # Each person's latest recorded visit before the month and the risk it set: one pass
        # over the covering index (SQLite takes the bare columns from the MAX row; PostgreSQL
        # says the same with a window function).
        if conn.dialect.name == "postgresql":
            ranked = (
                select(
                    Visit.person_id,
                    Visit.visit_date,
                    Visit.risk_level,
                    func.row_number()
                    .over(partition_by=Visit.person_id, order_by=Visit.visit_date.desc())
                    .label("rn"),
                )
                .where(done, Visit.visit_date < start)
                .subquery()
            )
            latest = select(ranked.c.person_id, ranked.c.visit_date, ranked.c.risk_level).where(
                ranked.c.rn == 1
            )
        else:
            latest = (
                select(Visit.person_id, func.max(Visit.visit_date), Visit.risk_level)
                .where(done, Visit.visit_date < start)
                .group_by(Visit.person_id)
            )
        before = {pid: (dates[day], risk) for pid, day, risk in _driver_rows(conn, latest)}
        visited = {
            pid
            for (pid,) in _driver_rows(
                conn,
                select(Visit.person_id)
                .where(done, Visit.visit_date >= start, Visit.visit_date <= end)
                .distinct(),
            )
        }
        no_visit = (None, "normal")
        records = []
        # People count under the categories they held in that month, as the change log tells
        # (removed since, re-categorised since); people unchanged since are as they are now.
        month_over = ctx.clock.start_of_day(end + timedelta(days=1))
        then = people_changed_since(s, month_over) if month_over <= ctx.now() else {}
        stmt = select(
            Person.id,
            Person.category_flags,
            Person.birth_date,
            Person.created_at,
            Person.registered_on,
            Person.deleted,
            Person.is_elder,
        )
        if not then:
            stmt = stmt.where(Person.deleted.is_(False), Person.is_elder.is_(True))
        for pid, flags, birth, created, registered, deleted, is_elder in _driver_rows(conn, stmt):
            past = then.get(pid)
            if past is not None and past.existed:
                if past.deleted or not past.is_elder:
                    continue
                categories, born = tuple(sorted(set(past.categories))), past.birth_date
            elif deleted or not is_elder or (past is not None and registered is None):
                # typed in after the month: counted only by a registration date (a ledger's)
                continue
            else:
                categories, born = _flags(flags), dates[birth]
            last, risk = before.get(pid, no_visit)
            # registered: the register's date (ledger or entry), else the day the row was made
            day = dates[registered] or _local_date(created, ctx.clock)
            subject = Subject(categories, born, risk or "normal", day)
            records.append(MonthRecord(subject, last, pid in visited))
    return schedule.month_visit_rate(records, rules, year, month)


def resolve_person(ctx: AppContext, key: str) -> str:
    """A person's record id from the record id itself or an ID number (for scripts)."""
    from ..domain.idcard import normalize

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
