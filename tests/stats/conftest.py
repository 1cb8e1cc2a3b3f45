"""Fixtures for the statistics tests: a small community filled through the services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import update

from afc_desktop.domain.idcard import check_digit
from afc_desktop.domain.visit_content import AreaFinding, Findings
from afc_desktop.services import needs as needs_service
from afc_desktop.services import participation, register, service_log, visits
from afc_desktop.services.context import AppContext
from afc_desktop.services.needs import NeedInput
from afc_desktop.services.participation import ProjectInput
from afc_desktop.services.register import PersonInput, register_person
from afc_desktop.services.service_log import ServiceInput
from afc_desktop.services.visits import VisitInput
from afc_desktop.store.models import Person

_seq = iter(range(100, 990, 2))


def id_number(born: date, sex: str = "F") -> str:
    """A valid Suzhou ID number for ``born`` (unique within a test run)."""
    seq = next(_seq) + (1 if sex == "M" else 0)
    first17 = f"320508{born:%Y%m%d}{seq:03d}"
    return first17 + check_digit(first17)


def _add_elder(
    ctx: AppContext,
    name: str,
    born: date,
    categories: tuple[str, ...] = (),
    registered: date = date(2025, 1, 1),
    **extra: object,
) -> str:
    """Register an elder through the service on ``registered`` (the clock set back for the
    write, so the record and its change event carry that day)."""
    now = ctx.clock.now()
    ctx.clock.pin(registered)
    try:
        person = register_person(
            ctx,
            PersonInput(name=name, id_number=id_number(born), categories=categories, **extra),  # type: ignore[arg-type]
            confirm_duplicate=True,
        )
    finally:
        ctx.clock.pin(now)
    return person.id


@pytest.fixture
def add_elder() -> Callable[..., str]:
    """``add_elder(ctx, name, born, categories=(), registered=date(2025, 1, 1), **PersonInput)``."""
    return _add_elder


FINE = Findings({"health": AreaFinding("ok", (), "")})


def _visit(ctx: AppContext, pid: str, day: date, mode: str = "home") -> None:
    visits.record_visit(ctx, VisitInput(person_id=pid, visit_date=day, mode=mode, findings=FINE))


@pytest.fixture
def community(ctx: AppContext, add_elder: Callable[..., str]) -> dict[str, str]:
    """Four elders, a family member and a removed elder; visits, needs, a project, services."""
    ids = {
        "alone86": add_elder(ctx, "张秀英", date(1940, 3, 2), ("alone",)),
        "nest76": add_elder(ctx, "李根娣", date(1950, 6, 1), ("empty_nest", "dibao")),
        "dibao66": add_elder(ctx, "王小妹", date(1960, 5, 1), ("dibao",)),
        "old96": add_elder(ctx, "陈阿大", date(1930, 1, 15)),
    }
    register.register_person(
        ctx, PersonInput(name="张建国", birth_date=date(1975, 2, 2), sex="M", is_elder=False)
    )
    gone = add_elder(ctx, "钱已故", date(1938, 1, 1), ("alone",))
    register.remove_person(ctx, gone, "去世")
    with ctx.db.session() as s:
        s.execute(
            update(Person)
            .where(Person.id == ids["alone86"])
            .values(ability_grade="能力中度受损（中度失能）")
        )
    _visit(ctx, ids["alone86"], date(2026, 11, 10))
    _visit(ctx, ids["alone86"], date(2026, 10, 12), mode="phone")
    _visit(ctx, ids["dibao66"], date(2026, 9, 1))
    needs_service.create_need(
        ctx, NeedInput(ids["alone86"], "meals", "想在食堂吃午饭", found_on=date(2026, 11, 20))
    )
    needs_service.create_need(
        ctx,
        NeedInput(ids["nest76"], "companionship", "子女在外地", "urgent", date(2026, 6, 1)),
    )
    solved = needs_service.create_need(
        ctx, NeedInput(ids["old96"], "policy_advice", "问高龄津贴", found_on=date(2026, 11, 2))
    )
    needs_service.change_need_status(ctx, solved.id, "resolved")
    participation.create_project(
        ctx, ProjectInput("梅巷3幢楼道微更新", "building", date(2026, 4, 1))
    )
    participation.create_project(ctx, ProjectInput("去年的项目", "consultation", date(2025, 5, 1)))
    for kind, minutes, day in (
        ("policy_consult", 20, date(2026, 8, 3)),
        ("policy_consult", 10, date(2026, 8, 4)),
        ("errand", 30, date(2026, 8, 5)),
        ("need_discovery", 15, date(2025, 8, 3)),
    ):
        service_log.record_service(
            ctx, ServiceInput(ids["old96"], day, kind, "高龄津贴申领", minutes)
        )
    return ids
