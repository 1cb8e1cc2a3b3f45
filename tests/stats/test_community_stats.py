"""Community figures for the overview page, on a database filled through the services."""

from __future__ import annotations

from datetime import date

import pytest

from afc_desktop.services import register, stats, visits
from afc_desktop.services.context import ServiceError
from afc_desktop.services.register import PersonQuery


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
    assert by_key(figures.advisory.by_kind) == {"policy_consult": 2, "errand": 1}
    assert figures.advisory.by_kind[0].label == "政策咨询办理"


def test_a_past_period_counts_only_what_happened_in_it(ctx, community):
    figures = stats.community_stats(ctx, stats.Period(date(2025, 1, 1), date(2025, 12, 31)))
    assert figures.visits.visits_in_period == 0
    assert figures.advisory.total == 1
    assert figures.projects.year == 2025 and figures.projects.names == ("去年的项目",)
    assert figures.needs.found_in_period == 0
    # people registered by the end of 2025, aged on 31 December 2025; 钱已故, removed in 2026,
    # was on the register then and still counts (a removal does not rewrite past reports)
    assert figures.people.elders == 5


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


def test_home_modifications_count_households_with_items_done(ctx, community):
    from afc_desktop.services.assessments import AssessmentInput, finalize_assessment

    def sheet(pid: str, day: str, done: bool) -> None:
        finalize_assessment(
            ctx,
            AssessmentInput(
                pid,
                stats.HOME_MODIFICATION_FORM,
                {
                    "HM.0.1": day,
                    "H.1.state": 2,
                    "H.1.recommended": True,
                    "H.1.done": done,
                    "H.13.state": 2,
                    "H.13.recommended": True,
                    "H.13.done": done,
                    "HM.8.3": "王芳",
                },
                assessed_on=date.fromisoformat(day),
            ),
        )

    sheet(community["alone86"], "2026-05-06", True)
    sheet(community["nest76"], "2026-07-01", False)  # assessed, nothing done yet
    sheet(community["old96"], "2025-07-01", True)  # last year
    home = stats.community_stats(ctx).home_modifications
    assert (home.done, home.assessed, home.items_done) == (1, 2, 2)
    assert home.note == ""
