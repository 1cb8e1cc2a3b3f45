"""Community figures for the overview page, on a database filled through the services."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import update

from afc_desktop.domain.visit_content import AreaFinding, Findings
from afc_desktop.services import needs as needs_service
from afc_desktop.services import register, stats, visits
from afc_desktop.services.context import ServiceError
from afc_desktop.services.needs import NeedInput
from afc_desktop.services.register import PersonInput, PersonQuery
from afc_desktop.services.visits import VisitInput
from afc_desktop.store.models import Person
from afc_desktop.store.models.daily import Project, ServiceLog

FINE = Findings({"health": AreaFinding("ok", (), "")})


def _visit(ctx, pid: str, day: date, mode: str = "home") -> None:
    visits.record_visit(ctx, VisitInput(person_id=pid, visit_date=day, mode=mode, findings=FINE))


@pytest.fixture
def community(ctx, add_elder):
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
    with ctx.session() as s:
        s.add(Project(name="梅巷3幢楼道微更新", start_date=date(2026, 4, 1)))
        s.add(Project(name="去年的项目", start_date=date(2025, 5, 1)))
        for kind, minutes in (("policy_advice", 20), ("policy_advice", 10), ("life_errand", 30)):
            s.add(
                ServiceLog(
                    person_id=ids["old96"],
                    service_date=date(2026, 8, 3),
                    kind=kind,
                    minutes=minutes,
                )
            )
        s.add(ServiceLog(person_id=ids["old96"], service_date=date(2025, 8, 3), kind="x"))
    return ids


def by_key(counts) -> dict[str, int]:
    return {c.key: c.count for c in counts}


def test_people_by_category_age_band_and_grade(ctx, community):
    figures = stats.community_stats(ctx).people
    assert figures.elders == 4  # the family member and the removed elder are not counted
    assert figures.special_hardship == 2
    cats = by_key(figures.by_category)
    assert cats["alone"] == 1 and cats["empty_nest"] == 1 and cats["dibao"] == 2
    assert cats["advanced_age"] == 2 and cats["longevity"] == 1 and cats["centenarian"] == 0
    assert by_key(figures.by_age_band) == {"60-69": 1, "70-79": 1, "80-89": 1, "90+": 1}
    grades = {c.label: c.count for c in figures.by_ability}
    assert grades == {"能力中度受损（中度失能）": 1, "未评估": 3}
    assert figures.by_ability[-1].label == "未评估"


def test_each_bar_filter_lists_the_people_behind_it(ctx, community):
    """A bar's filter, given to the register search, finds exactly as many people."""
    figures = stats.community_stats(ctx).people
    for bar in (*figures.by_category, *figures.by_age_band):
        assert bar.filter is not None
        query = PersonQuery(
            categories=tuple(bar.filter.get("categories", ())),
            age_band=bar.filter.get("age_band"),
        )
        assert len(register.search_person_ids(ctx, query)) == bar.count, bar.label


def test_visit_rate_against_the_target_and_overdue(ctx, community):
    figures = stats.community_stats(ctx).visits
    assert (figures.year, figures.month) == (2026, 11)
    # 特殊困难: 张秀英 visited in November, 李根娣 not: 50% against the 100% target
    assert (figures.special_due, figures.special_visited) == (2, 1)
    assert figures.special_rate == pytest.approx(0.5)
    assert figures.target == 1.0 and not figures.special_target_met
    assert stats.percent(figures.special_rate) == "50.0%"
    # the same numbers as the daily-work service's own visit rate
    own = visits.visit_rate(ctx, 2026, 11).row("special_hardship")
    assert (own.due, own.visited) == (figures.special_due, figures.special_visited)
    assert figures.visits_in_period == 3 and figures.people_visited_in_period == 2
    assert by_key(figures.by_mode) == {"home": 2, "phone": 1}
    # 李根娣 (monthly, never visited) and 陈阿大 (quarterly, never visited) are overdue;
    # 王小妹 was visited on 1 September, due again 1 December
    assert figures.overdue == 2


def test_open_needs_by_type_and_age(ctx, community):
    figures = stats.community_stats(ctx).needs
    assert figures.open_total == 2 and figures.open_urgent == 1
    assert by_key(figures.by_type) == {"meals": 1, "companionship": 1}
    assert {c.label for c in figures.by_type} == {"助餐", "精神慰藉"}
    assert by_key(figures.by_age) == {"0-7": 0, "8-30": 1, "31-90": 0, "90+": 1}
    assert figures.found_in_period == 3 and figures.resolved_in_period == 1


def test_projects_against_two_a_year_and_advisory_by_kind(ctx, community):
    figures = stats.community_stats(ctx)
    assert figures.projects.count == 1 and figures.projects.target == 2
    assert not figures.projects.met
    assert figures.projects.names == ("梅巷3幢楼道微更新",)
    assert figures.advisory.total == 3 and figures.advisory.minutes == 60
    assert figures.advisory.people == 1
    assert by_key(figures.advisory.by_kind) == {"policy_advice": 2, "life_errand": 1}
    assert figures.advisory.by_kind[0].label == "政策咨询办理"


def test_a_past_period_counts_only_what_happened_in_it(ctx, community):
    figures = stats.community_stats(ctx, stats.Period(date(2025, 1, 1), date(2025, 12, 31)))
    assert figures.visits.visits_in_period == 0
    assert figures.advisory.total == 1
    assert figures.projects.year == 2025 and figures.projects.names == ("去年的项目",)
    assert figures.needs.found_in_period == 0
    # people registered by the end of 2025, aged on 31 December 2025
    assert figures.people.elders == 4


def test_home_modifications_without_assessments_say_why(ctx, community):
    home = stats.community_stats(ctx).home_modifications
    assert home.done == 0 and home.note


def test_month_rates_over_a_period(ctx, community):
    rows = stats.month_rates(ctx, stats.Period(date(2026, 9, 1), date(2026, 11, 30)))
    assert [(r.year, r.month) for r in rows] == [(2026, 9), (2026, 10), (2026, 11)]
    assert rows[-1].special_rate == pytest.approx(0.5)
    assert rows[1].special_visited == 1  # the phone visit to 张秀英 in October


def test_a_backwards_period_is_refused():
    with pytest.raises(ServiceError, match="结束日期不能早于开始日期"):
        stats.Period(date(2026, 2, 1), date(2026, 1, 1))


def test_empty_register_gives_zeros_not_errors(ctx):
    figures = stats.community_stats(ctx)
    assert figures.people.elders == 0 and figures.visits.special_rate is None
    assert stats.percent(None) == "—"
    assert figures.community.endswith("梅巷社区")
