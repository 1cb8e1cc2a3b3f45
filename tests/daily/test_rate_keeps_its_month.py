"""A month's visit rate counts people under what they were in that month (issue 10.2).

Recomputed later, October's 月探访率 gives the same figures whatever happened since: an elder
removed in November, another re-categorised out of 特殊困难, a third added to it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from afc_desktop.domain.idcard import check_digit
from afc_desktop.domain.visit_content import AreaFinding, Findings
from afc_desktop.services import register, visits
from afc_desktop.services.register import PersonInput
from afc_desktop.services.visits import VisitInput

FINE = Findings({"health": AreaFinding("ok", (), "")})


def _id(born: date, seq: int) -> str:
    first = f"320508{born:%Y%m%d}{seq:03d}"
    return first + check_digit(first)


def _figures(rate) -> dict[str, tuple[int, int]]:
    return {r.key: (r.visited, r.due) for r in rate.rows if r.due}


def test_october_rate_is_the_same_after_november_changes(ctx):
    ctx.clock.pin(date(2026, 9, 20))
    alone = register.register_person(
        ctx, PersonInput(name="张秀英", id_number=_id(date(1940, 3, 2), 102), categories=("alone",))
    )
    dibao = register.register_person(
        ctx,
        PersonInput(
            name="李根娣", id_number=_id(date(1950, 6, 1), 104), categories=("empty_nest",)
        ),
    )
    plain = register.register_person(
        ctx, PersonInput(name="王小妹", id_number=_id(date(1955, 5, 1), 106))
    )
    ctx.clock.pin(date(2026, 10, 12))
    visits.record_visit(
        ctx,
        VisitInput(person_id=alone.id, visit_date=date(2026, 10, 12), mode="home", findings=FINE),
    )
    ctx.clock.pin(date(2026, 11, 5))
    before = _figures(visits.visit_rate(ctx, 2026, 10))
    assert before["special_hardship"] == (1, 2)  # 张秀英 visited, 李根娣 not

    ctx.clock.pin(date(2026, 11, 20))
    register.remove_person(ctx, alone.id, "去世")
    detail = register.get_person(ctx, dibao.id)
    register.update_person(ctx, dibao.id, replace(_input(detail), categories=()))
    detail = register.get_person(ctx, plain.id)
    register.update_person(ctx, plain.id, replace(_input(detail), categories=("alone",)))

    assert _figures(visits.visit_rate(ctx, 2026, 10)) == before
    # November itself reflects the changes: 张秀英 gone, 王小妹 now 独居, 李根娣 no longer 空巢
    november = _figures(visits.visit_rate(ctx, 2026, 11))
    assert november["special_hardship"] == (0, 1)


def _input(detail) -> PersonInput:
    return PersonInput(
        name=detail.name,
        id_number=detail.id_number,
        categories=tuple(detail.categories),
    )
