"""Reports keep their numbers: last month's figures are the same before and after people are
removed, moved and re-categorised this month, and a ledger's 登记日期 counts from that date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from afc_desktop.domain.visit_content import AreaFinding, Findings
from afc_desktop.services import register, stats, visits
from afc_desktop.services.register import PersonInput, get_person
from afc_desktop.services.stats import Period
from afc_desktop.services.visits import VisitInput

OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))
FINE = Findings({"health": AreaFinding("ok", (), "")})


def figures(ctx) -> tuple:
    st = stats.community_stats(ctx, OCTOBER)
    rate = stats.month_rates(ctx, OCTOBER)
    # everything but what the report itself labels "as of the report day" (overdue, open needs)
    return st.people, replace(st.visits, overdue=0), rate


def test_last_months_report_is_identical_after_this_months_changes(ctx, add_elder) -> None:
    ctx.clock.pin(date(2026, 9, 1))  # the register was typed in during September
    alone = add_elder(ctx, "冯秀英", date(1940, 3, 2), ("alone",), registered_on=date(2026, 9, 1))
    nest = add_elder(
        ctx, "冯根娣", date(1950, 6, 1), ("empty_nest",), registered_on=date(2026, 9, 1)
    )
    plain = add_elder(ctx, "冯小妹", date(1960, 5, 1), registered_on=date(2026, 9, 1))
    mover = add_elder(ctx, "冯阿大", date(1930, 1, 15), ("dibao",), registered_on=date(2026, 9, 1))
    ctx.clock.pin(date(2026, 10, 20))
    for pid in (alone, nest, mover):
        visits.record_visit(ctx, VisitInput(pid, date(2026, 10, 20), findings=FINE))
    ctx.clock.pin(date(2026, 11, 28))
    before = figures(ctx)
    assert before[0].elders == 4 and before[0].special_hardship == 2

    # this month: a death, a move to another community, a new category, a new elder
    register.remove_person(ctx, alone, "去世", date(2026, 11, 5))
    register.remove_person(ctx, mover, "迁往本区其他社区", date(2026, 11, 20))
    detail = get_person(ctx, plain)
    register.update_person(ctx, plain, replace(detail.as_input(), categories=("disabled",)))
    register.register_person(ctx, PersonInput(name="冯新来", birth_date=date(1944, 4, 4)))

    assert figures(ctx) == before
    now = stats.people_stats(ctx)  # today's register does change
    assert now.elders == 3 and now.special_hardship == 2


def test_a_ledger_registration_date_counts_from_that_date(ctx, add_elder) -> None:
    # typed in this month, but the ledger says the person was registered in 2024
    add_elder(ctx, "褚阿婆", date(1938, 2, 2), ("alone",), registered_on=date(2024, 5, 1))
    add_elder(ctx, "褚阿公", date(1939, 2, 2), registered_on=date(2026, 11, 20))
    assert stats.community_stats(ctx, OCTOBER).people.elders == 1


def test_a_removal_typed_later_with_an_earlier_date_corrects_the_past(ctx, add_elder) -> None:
    ctx.clock.pin(date(2026, 9, 1))
    pid = add_elder(ctx, "卫阿婆", date(1938, 2, 2), registered_on=date(2026, 9, 1))
    ctx.clock.pin(date(2026, 11, 28))
    assert stats.community_stats(ctx, OCTOBER).people.elders == 1
    register.remove_person(ctx, pid, "去世", date(2026, 10, 10))  # died in October, told now
    assert stats.community_stats(ctx, OCTOBER).people.elders == 0
