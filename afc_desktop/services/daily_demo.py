"""Demo daily work (演示数据) on top of a demo register: resources, past visits (some overdue),
needs and referrals, follow-up tasks, advisory services, projects, talents, volunteer hours.

Deterministic for a seed, so screenshots repeat. Visits go through the bulk path (with change
events); the other, smaller sets through the ORM. Only the first ``max_elders`` elders get
visits, so a 500,000-person benchmark register does not wait on it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from ..domain import people
from ..domain import visit_content as vc
from ..store.bulk import insert_synced
from ..store.models import Person
from ..store.models.daily import (
    Need,
    Project,
    ProjectMember,
    Referral,
    Resource,
    ServiceLog,
    Talent,
    Task,
    Visit,
    VolunteerHour,
)
from . import visits as _visits  # noqa: F401 - registers the bulk visit tracking
from .context import AppContext
from .daily_common import local_community_id

RESOURCES: tuple[tuple[str, str, tuple[str, ...], str, str], ...] = (
    ("facility", "社区日间照料中心", ("daily_care", "meals", "rehabilitation"), "0512-65230001",
     "周一至周六 8:00-17:00"),
    ("facility", "长者助餐点", ("meals",), "0512-65230002", "每天 11:00-12:30"),
    ("facility", "社区卫生服务站", ("medical_care", "rehabilitation"), "0512-65230003",
     "周一至周五 8:00-16:30"),
    ("social_org", "乐龄社会工作服务社", ("companionship", "policy_advice", "digital_help"),
     "13962100001", "工作日"),
    ("service_project", "居家养老上门服务项目", ("daily_care", "bathing", "cleaning"),
     "0512-65230005", "预约上门"),
    ("platform", "12349 养老服务热线", ("emergency_rescue", "policy_advice"), "0512-12349", "全天"),
    ("resident_unit", "驻区银行网点", ("digital_help",), "0512-65230007", "工作日"),
    ("partner_unit", "小区物业服务中心", ("home_adaptation", "emergency_rescue"), "0512-65230008",
     "全天"),
    ("staff", "法律顾问 周律师", ("legal_aid",), "13962100009", "每月第一个周三"),
)  # fmt: skip
SERVICE_SUMMARIES = {
    "need_discovery": "入户时发现老人需要助浴服务",
    "policy_consult": "咨询高龄津贴申领条件",
    "resource_link": "介绍社区日间照料中心",
    "service_advice": "建议安装紧急呼叫设备",
    "application_help": "代为申请居家养老服务补贴",
    "errand": "代购常用药品",
}
SKILLS = ("书法", "剪纸", "修理家电", "理发", "戏曲", "太极拳", "手机使用", "园艺", "编织", "象棋")
NEED_TYPES = ("meals", "daily_care", "medical_care", "home_adaptation", "companionship",
              "digital_help", "policy_advice", "bathing")  # fmt: skip


@dataclass(frozen=True)
class DailyDemoResult:
    resources: int
    visits: int
    needs: int
    tasks: int
    services: int
    projects: int
    talents: int
    volunteer_hours: int


def _findings(rng: random.Random) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for area in vc.AREAS:
        if rng.random() < 0.75:
            out[area.code] = {"level": "ok", "issues": [], "notes": ""}
        elif rng.random() < 0.6:
            issue = rng.choice(area.issues)[0]
            out[area.code] = {"level": "attention", "issues": [issue], "notes": ""}
    return out or {"health": {"level": "ok", "issues": [], "notes": ""}}


def populate_daily(ctx: AppContext, *, seed: int = 2021, max_elders: int = 2000) -> DailyDemoResult:
    """Add demo daily work for the register's elders (one transaction)."""
    user = ctx.require_user()
    rng = random.Random(seed)
    today = ctx.today()
    with ctx.session(write=True) as s:
        community = local_community_id(s)
        elders = s.execute(
            select(Person.id, Person.birth_date, Person.categories)
            .where(Person.deleted.is_(False), Person.is_elder.is_(True))
            .order_by(Person.created_at, Person.id)
            .limit(max_elders)
        ).all()
        resources = [
            Resource(community_id=community, kind=kind, name=name, services=list(services),
                     phone=phone, hours=hours, capacity="", contact_name="")
            for kind, name, services, phone, hours in RESOURCES
        ]  # fmt: skip
        s.add_all(resources)
        s.flush()
        by_service: dict[str, list[Resource]] = {}
        for r in resources:
            for code in r.services:
                by_service.setdefault(code, []).append(r)

        visit_rows: list[dict[str, Any]] = []
        for pid, _birth, cats in elders:
            special = people.is_special_hardship(cats or [])
            # special-hardship elders are visited about monthly, some fall behind
            gap = rng.randint(20, 45) if special else rng.randint(30, 120)
            day = today - timedelta(days=rng.randint(0, gap))
            for _ in range(rng.randint(1, 3)):
                flags = [rng.choice(vc.RISK_FLAGS)[0]] if rng.random() < 0.04 else []
                visit_rows.append(
                    {
                        "person_id": pid,
                        "visit_date": day,
                        "mode": rng.choice(("home", "home", "home", "phone", "video")),
                        "status": "done",
                        "worker_id": user.id,
                        "worker_name": user.display_name,
                        "findings": _findings(rng),
                        "risk_flags": flags,
                        "risk_level": "high" if flags else "normal",
                        "notes": "",
                    }
                )
                day -= timedelta(days=gap)
        for row, visit_id in zip(visit_rows, insert_synced(s, Visit, visit_rows), strict=True):
            row["id"] = visit_id

        needs = tasks = 0
        for row in rng.sample(visit_rows, min(len(visit_rows), max(5, len(visit_rows) // 15))):
            need_type = rng.choice(NEED_TYPES)
            need = Need(
                person_id=row["person_id"],
                visit_id=row.get("id"),
                need_type=need_type,
                description="",
                urgency=rng.choice(("normal", "normal", "urgent", "low")),
                status="found",
                found_on=row["visit_date"],
            )
            s.add(need)
            s.flush()
            needs += 1
            offers = by_service.get(need_type)
            roll = rng.random()
            if offers and roll < 0.6:
                resource = rng.choice(offers)
                s.add(Referral(need_id=need.id, resource_id=resource.id,
                               referred_on=row["visit_date"], note=""))  # fmt: skip
                need.status = "referred"
                if roll < 0.25:
                    need.status = "resolved"
                    need.closed_on = min(today, row["visit_date"] + timedelta(days=14))
                elif roll < 0.45:
                    need.status = "in_service"
                else:
                    s.add(Task(person_id=need.person_id, kind="need", need_id=need.id,
                               title=f"跟进转介落实情况：{resource.name}",
                               due_date=row["visit_date"] + timedelta(days=7),
                               assigned_to=user.id, note=""))  # fmt: skip
                    tasks += 1

        services = 0
        for pid, _birth, _cats in rng.sample(elders, min(len(elders), 30)):
            kind = rng.choice(tuple(SERVICE_SUMMARIES))
            s.add(ServiceLog(person_id=pid, kind=kind, summary=SERVICE_SUMMARIES[kind],
                             service_date=today - timedelta(days=rng.randint(0, 60)),
                             minutes=rng.choice((15, 20, 30, 45, 60)), outcome="已完成",
                             worker_id=user.id, worker_name=user.display_name))  # fmt: skip
            services += 1

        young = [e for e in elders if e[1] and people.age_band(e[1], today) == "60-69"]
        old = [e for e in elders if e[1] and people.age_band(e[1], today) in ("80-89", "90+")]
        projects = [
            ("楼道美化微自治", "building", date(today.year, 3, 1), "active"),
            (f"{today.year - 1}年院落议事会", "consultation", date(today.year - 1, 4, 1), "done"),
            (f"{today.year - 1}年邻里互助小组", "mutual_aid", date(today.year - 1, 9, 1), "done"),
        ]
        for name, kind, start, status in projects:
            end = start + timedelta(days=120) if status == "done" else None
            project = Project(community_id=community, name=name, kind=kind, start_date=start,
                              end_date=end, status=status, description="",
                              outcome="已结项" if end else "")  # fmt: skip
            s.add(project)
            s.flush()
            for pid, _b, _c in rng.sample(young, min(3, len(young))):
                member = s.get(Person, pid)
                s.add(ProjectMember(project_id=project.id, person_id=pid,
                                    name=member.name if member else "", role="成员"))  # fmt: skip
        talents = 0
        for pid, _b, _c in rng.sample(young, min(12, len(young))):
            s.add(Talent(person_id=pid, skills=rng.sample(SKILLS, rng.randint(1, 2)),
                         availability=rng.choice(("周末", "工作日上午", "随时")),
                         description="", willing=True))  # fmt: skip
            talents += 1
        hours = 0
        if young and old:
            for _ in range(25):
                s.add(VolunteerHour(helper_id=rng.choice(young)[0], helped_id=rng.choice(old)[0],
                                    service_date=today - timedelta(days=rng.randint(0, 200)),
                                    hours=rng.choice((0.5, 1.0, 1.5, 2.0)),
                                    activity=rng.choice(("陪同就医", "读报聊天", "代购", "打扫"))))  # fmt: skip
                hours += 1
    return DailyDemoResult(
        resources=len(RESOURCES),
        visits=len(visit_rows),
        needs=needs,
        tasks=tasks,
        services=services,
        projects=len(projects),
        talents=talents,
        volunteer_hours=hours,
    )
