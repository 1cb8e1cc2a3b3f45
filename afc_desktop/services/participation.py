"""Participation (参与): 微自治 projects, the talent pool and volunteer hours.

- 微自治 projects: the action plan (二(四)) asks each pilot community for at least two
  autonomy projects a year (每年开展自治项目不少于2个); :func:`project_progress` shows the count
  against that target.
- The talent pool (能人库/达人库, 二(六)): skills of elderly residents willing to help.
- Volunteer hours (二(五)): 低龄健康老人 helping 高龄老人 — who helped whom and for how long.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..domain.ages import age_on
from ..domain.rules import is_young_helps_old
from ..store.models import Person
from ..store.models.daily import Project, ProjectMember, Talent, VolunteerHour
from .context import AppContext, ServiceError
from .daily_common import briefs, check_not_future, live_person, local_community_id, require_text
from .register_rules import rules_in

PROJECTS_PER_YEAR = 2  # 每年开展自治项目不少于2个 (action plan 二(四))

PROJECT_KINDS: tuple[tuple[str, str], ...] = (
    ("building", "院落楼栋居民自治"),
    ("village_group", "村民小组或自然村自治"),
    ("consultation", "协商议事"),
    ("mutual_aid", "互助养老"),
    ("culture", "文体活动"),
    ("other", "其他"),
)
PROJECT_KIND_LABELS = dict(PROJECT_KINDS)
PROJECT_STATUS = {"planned": "筹备中", "active": "进行中", "done": "已结项"}


@dataclass(frozen=True)
class MemberInput:
    """A project member: a registered person, or a name typed free."""

    name: str
    person_id: str | None = None
    role: str = ""


@dataclass(frozen=True)
class ProjectInput:
    name: str
    kind: str
    start_date: date | None
    end_date: date | None = None
    status: str = "active"
    description: str = ""
    outcome: str = ""
    members: tuple[MemberInput, ...] = ()


@dataclass(frozen=True)
class ProjectView:
    id: str
    name: str
    kind: str
    kind_label: str
    start_date: date
    end_date: date | None
    status: str
    status_label: str
    description: str
    outcome: str
    members: tuple[MemberInput, ...]

    def as_input(self) -> ProjectInput:
        """The editable fields."""
        return ProjectInput(
            self.name,
            self.kind,
            self.start_date,
            self.end_date,
            self.status,
            self.description,
            self.outcome,
            self.members,
        )


@dataclass(frozen=True)
class ProjectProgress:
    """Projects started in a year against the plan's target of two."""

    year: int
    count: int
    target: int

    @property
    def met(self) -> bool:
        return self.count >= self.target


def _validate_project(s: Session, data: ProjectInput) -> ProjectInput:
    name = require_text(data.name, "项目名称", "name")
    if data.kind not in PROJECT_KIND_LABELS:
        raise ServiceError("请选择项目类型", field="kind")
    if data.status not in PROJECT_STATUS:
        raise ServiceError("项目状态只能是筹备中、进行中或已结项", field="status")
    if data.start_date is None:
        raise ServiceError("请填写开始日期", field="start_date")
    if data.end_date is not None and data.end_date < data.start_date:
        raise ServiceError("结束日期不能早于开始日期", field="end_date")
    members = []
    for m in data.members:
        if m.person_id:
            person = live_person(s, m.person_id)
            members.append(MemberInput(person.name, person.id, m.role.strip()))
        else:
            members.append(
                MemberInput(require_text(m.name, "成员姓名", "members", 50), None, m.role.strip())
            )
    return ProjectInput(
        name,
        data.kind,
        data.start_date,
        data.end_date,
        data.status,
        data.description.strip(),
        data.outcome.strip(),
        tuple(members),
    )


def _project_view(s: Session, p: Project) -> ProjectView:
    members = tuple(
        MemberInput(m.name, m.person_id, m.role)
        for m in s.scalars(
            select(ProjectMember)
            .where(ProjectMember.project_id == p.id, ProjectMember.deleted.is_(False))
            .order_by(ProjectMember.created_at)
        )
    )
    return ProjectView(
        id=p.id,
        name=p.name,
        kind=p.kind,
        kind_label=PROJECT_KIND_LABELS.get(p.kind, p.kind),
        start_date=p.start_date,
        end_date=p.end_date,
        status=p.status,
        status_label=PROJECT_STATUS.get(p.status, p.status),
        description=p.description,
        outcome=p.outcome,
        members=members,
    )


def _write_project(s: Session, p: Project, data: ProjectInput) -> None:
    assert data.start_date is not None
    p.name = data.name
    p.kind = data.kind
    p.start_date = data.start_date
    p.end_date = data.end_date
    p.status = data.status
    p.description = data.description
    p.outcome = data.outcome
    s.flush()
    existing = list(
        s.scalars(
            select(ProjectMember).where(
                ProjectMember.project_id == p.id, ProjectMember.deleted.is_(False)
            )
        )
    )
    wanted = {(m.person_id, m.name): m for m in data.members}
    for row in existing:
        member = wanted.pop((row.person_id, row.name), None)
        if member is None:
            row.deleted = True
        elif member.role != row.role:
            row.role = member.role
    for member in wanted.values():
        s.add(
            ProjectMember(
                project_id=p.id, person_id=member.person_id, name=member.name, role=member.role
            )
        )


def create_project(ctx: AppContext, data: ProjectInput) -> ProjectView:
    """Start a 微自治 project (新增自治项目)."""
    ctx.require_user()
    with ctx.session() as s:
        cleaned = _validate_project(s, data)
        p = Project(community_id=local_community_id(s))
        s.add(p)
        _write_project(s, p, cleaned)
        s.flush()
        return _project_view(s, p)


def update_project(ctx: AppContext, project_id: str, data: ProjectInput) -> ProjectView:
    """Save edits to a project, its members included."""
    ctx.require_user()
    with ctx.session() as s:
        p = s.get(Project, project_id)
        if p is None or p.deleted:
            raise ServiceError("找不到该项目")
        _write_project(s, p, _validate_project(s, data))
        s.flush()
        return _project_view(s, p)


def list_projects(ctx: AppContext, year: int | None = None) -> list[ProjectView]:
    """Projects, newest first; ``year`` keeps those running at some time in that year."""
    with ctx.session() as s:
        stmt = select(Project).where(Project.deleted.is_(False))
        if year is not None:
            stmt = stmt.where(
                Project.start_date <= date(year, 12, 31),
                or_(Project.end_date.is_(None), Project.end_date >= date(year, 1, 1)),
            )
        return [_project_view(s, p) for p in s.scalars(stmt.order_by(Project.start_date.desc()))]


def project_progress(ctx: AppContext, year: int) -> ProjectProgress:
    """Projects started in ``year`` against the plan's target (不少于2个)."""
    count = sum(1 for p in list_projects(ctx, year) if p.start_date.year == year)
    return ProjectProgress(year, count, PROJECTS_PER_YEAR)


# --- talent pool -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TalentInput:
    person_id: str
    skills: tuple[str, ...]
    description: str = ""
    availability: str = ""
    willing: bool = True


@dataclass(frozen=True)
class TalentView:
    id: str
    person_id: str
    person_name: str
    age: int | None
    phone: str
    skills: tuple[str, ...]
    description: str
    availability: str
    willing: bool


def save_talent(ctx: AppContext, data: TalentInput) -> TalentView:
    """Add or update a person's entry in the talent pool (能人库/达人库)."""
    ctx.require_user()
    skills = tuple(dict.fromkeys(s.strip() for s in data.skills if s.strip()))
    if not skills:
        raise ServiceError("请至少填写一项特长", field="skills")
    if any(len(s) > 30 for s in skills):
        raise ServiceError("每项特长最多30个字", field="skills")
    with ctx.session() as s:
        person = live_person(s, data.person_id)
        row = s.scalars(
            select(Talent).where(Talent.person_id == person.id, Talent.deleted.is_(False))
        ).first()
        if row is None:
            row = Talent(person_id=person.id)
            s.add(row)
        row.skills = list(skills)
        row.description = data.description.strip()
        row.availability = data.availability.strip()
        row.willing = data.willing
        s.flush()
        return _talent_views(s, [row], ctx.today())[0]


def _talent_views(s: Session, rows: list[Talent], today: date) -> list[TalentView]:
    info = {
        pid: (name, birth, phone)
        for pid, name, birth, phone in s.execute(
            select(Person.id, Person.name, Person.birth_date, Person.phone).where(
                Person.id.in_([r.person_id for r in rows])
            )
        )
    }
    out = []
    for r in rows:
        name, birth, phone = info.get(r.person_id, ("", None, ""))
        out.append(
            TalentView(
                id=r.id,
                person_id=r.person_id,
                person_name=name,
                age=age_on(birth, today) if birth else None,
                phone=phone,
                skills=tuple(r.skills or ()),
                description=r.description,
                availability=r.availability,
                willing=r.willing,
            )
        )
    return out


def list_talents(ctx: AppContext, skill: str = "") -> list[TalentView]:
    """The talent pool; ``skill`` keeps entries whose skills contain that text."""
    with ctx.session() as s:
        rows = list(s.scalars(select(Talent).where(Talent.deleted.is_(False))))
        views = _talent_views(s, rows, ctx.today()) if rows else []
    text = skill.strip()
    if text:
        views = [v for v in views if any(text in sk for sk in v.skills)]
    return sorted(views, key=lambda v: v.person_name)


def remove_talent(ctx: AppContext, talent_id: str) -> None:
    """Take an entry out of the talent pool."""
    ctx.require_user()
    with ctx.session() as s:
        row = s.get(Talent, talent_id)
        if row is None or row.deleted:
            raise ServiceError("找不到该能人记录")
        row.deleted = True


# --- volunteer hours ---------------------------------------------------------------------------

# 低龄助高龄 ages: domain/rules.py (helpers 60–69, helped 80+ by default; admin-editable).


@dataclass(frozen=True)
class VolunteerInput:
    helper_id: str
    service_date: date | None
    hours: float
    activity: str
    helped_id: str | None = None


@dataclass(frozen=True)
class VolunteerView:
    id: str
    helper_id: str
    helper_name: str
    helped_id: str | None
    helped_name: str
    service_date: date
    hours: float
    activity: str
    young_helps_old: bool  # 低龄助高龄: by the register's rules (domain/rules.py)


@dataclass(frozen=True)
class HelperTotal:
    helper_id: str
    helper_name: str
    hours: float
    times: int


def record_volunteer_hours(ctx: AppContext, data: VolunteerInput) -> VolunteerView:
    """Log volunteer hours (登记志愿时长)."""
    ctx.require_user()
    day = check_not_future(data.service_date, ctx.today(), "服务日期", "service_date")
    if not 0 < data.hours <= 24:
        raise ServiceError("时长应大于0且不超过24小时", field="hours")
    activity = require_text(data.activity, "服务内容", "activity")
    if data.helped_id and data.helped_id == data.helper_id:
        raise ServiceError("志愿者和受助人不能是同一人", field="helped_id")
    with ctx.session() as s:
        live_person(s, data.helper_id)
        if data.helped_id:
            live_person(s, data.helped_id)
        row = VolunteerHour(
            helper_id=data.helper_id,
            helped_id=data.helped_id,
            service_date=day,
            hours=round(float(data.hours), 2),
            activity=activity,
        )
        s.add(row)
        s.flush()
        return _volunteer_views(s, [row])[0]


def _volunteer_views(s: Session, rows: list[VolunteerHour]) -> list[VolunteerView]:
    ids = {r.helper_id for r in rows} | {r.helped_id for r in rows if r.helped_id}
    births = dict(
        s.execute(select(Person.id, Person.birth_date).where(Person.id.in_(sorted(ids)))).all()
    )
    names = briefs(s, ids)
    rules = rules_in(s)
    out = []
    for r in rows:
        helper_birth, helped_birth = (
            births.get(r.helper_id),
            births.get(r.helped_id) if r.helped_id else None,
        )
        young_old = is_young_helps_old(
            age_on(helper_birth, r.service_date) if helper_birth else None,
            age_on(helped_birth, r.service_date) if helped_birth else None,
            rules,
        )
        out.append(
            VolunteerView(
                id=r.id,
                helper_id=r.helper_id,
                helper_name=names[r.helper_id].name if r.helper_id in names else "",
                helped_id=r.helped_id,
                helped_name=names[r.helped_id].name if r.helped_id in names else "",
                service_date=r.service_date,
                hours=r.hours,
                activity=r.activity,
                young_helps_old=young_old,
            )
        )
    return out


def list_volunteer_hours(
    ctx: AppContext, *, year: int | None = None, helper_id: str | None = None
) -> list[VolunteerView]:
    """Volunteer hours, newest first."""
    with ctx.session() as s:
        stmt = select(VolunteerHour).where(VolunteerHour.deleted.is_(False))
        if year is not None:
            stmt = stmt.where(
                VolunteerHour.service_date >= date(year, 1, 1),
                VolunteerHour.service_date <= date(year, 12, 31),
            )
        if helper_id:
            stmt = stmt.where(VolunteerHour.helper_id == helper_id)
        rows = list(s.scalars(stmt.order_by(VolunteerHour.service_date.desc())))
        return _volunteer_views(s, rows) if rows else []


def volunteer_totals(ctx: AppContext, year: int) -> list[HelperTotal]:
    """Hours and times per volunteer in a year, most hours first."""
    hours: dict[str, float] = defaultdict(float)
    times: dict[str, int] = defaultdict(int)
    names: dict[str, str] = {}
    for v in list_volunteer_hours(ctx, year=year):
        hours[v.helper_id] += v.hours
        times[v.helper_id] += 1
        names[v.helper_id] = v.helper_name
    return sorted(
        (HelperTotal(h, names[h], round(hours[h], 2), times[h]) for h in hours),
        key=lambda t: (-t.hours, t.helper_name),
    )
