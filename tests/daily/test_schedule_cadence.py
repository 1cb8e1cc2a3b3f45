"""Visit cadence rules, due dates across month ends, category changes, month visit rate."""

from datetime import date

import pytest

from afc_desktop.domain import schedule as sch
from afc_desktop.domain.schedule import CadenceRule, MonthRecord, Subject

RULES = sch.DEFAULT_RULES
BORN_70 = date(1956, 5, 5)


@pytest.mark.parametrize(
    "day, every, unit, expected",
    [
        (date(2026, 1, 31), 1, "month", date(2026, 2, 28)),
        (date(2024, 1, 31), 1, "month", date(2024, 2, 29)),
        (date(2026, 3, 31), 1, "month", date(2026, 4, 30)),
        (date(2026, 11, 30), 3, "month", date(2027, 2, 28)),
        (date(2026, 12, 15), 1, "month", date(2027, 1, 15)),
        (date(2026, 12, 28), 1, "week", date(2027, 1, 4)),
        (date(2026, 2, 27), 2, "day", date(2026, 3, 1)),
    ],
)
def test_add_period_clamps_to_month_end(day, every, unit, expected):
    assert sch.add_period(day, every, unit) == expected


def test_monthly_visit_on_the_last_day_is_due_by_the_next_month_end():
    rule = sch.pick_rule(RULES, Subject(("alone",), BORN_70), date(2026, 2, 1))
    assert rule is not None and rule.unit == "month" and rule.every == 1
    assert sch.next_due(date(2026, 1, 31), None, rule) == date(2026, 2, 28)


def test_most_frequent_matching_rule_wins():
    on = date(2026, 6, 1)
    assert sch.pick_rule(RULES, Subject((), BORN_70), on).every == 3
    assert sch.pick_rule(RULES, Subject(("empty_nest",), BORN_70), on).unit == "month"
    high = sch.pick_rule(RULES, Subject(("alone",), BORN_70, risk="high"), on)
    assert high.unit == "week"
    # a family member under 60 with no category is not due at all
    assert sch.pick_rule(RULES, Subject((), date(1980, 1, 1)), on) is None


def test_category_change_moves_the_due_date():
    last = date(2026, 3, 10)
    on = date(2026, 5, 20)
    before = sch.pick_rule(RULES, Subject((), BORN_70), on)
    assert sch.next_due(last, None, before) == date(2026, 6, 10)
    assert sch.due_window(sch.next_due(last, None, before), on) == "later"
    # the elder is now recorded as living alone: monthly, so already overdue
    after = sch.pick_rule(RULES, Subject(("alone",), BORN_70), on)
    assert sch.next_due(last, None, after) == date(2026, 4, 10)
    assert sch.due_window(sch.next_due(last, None, after), on) == "overdue"


def test_derived_category_rule_starts_on_the_80th_birthday():
    rule = CadenceRule("高龄", every=2, unit="month", categories=frozenset({"advanced_age"}))
    rules = (*RULES, rule)
    subject = Subject((), date(1946, 7, 1))
    assert sch.pick_rule(rules, subject, date(2026, 6, 30)).every == 3
    assert sch.pick_rule(rules, subject, date(2026, 7, 1)) is rule


def test_never_visited_is_due_from_registration():
    rule = RULES[2]
    assert sch.next_due(None, date(2026, 1, 5), rule) == date(2026, 1, 5)


def test_due_windows():
    today = date(2026, 11, 25)  # a Wednesday
    assert sch.due_window(date(2026, 11, 24), today) == "overdue"
    assert sch.due_window(today, today) == "today"
    assert sch.due_window(date(2026, 11, 29), today) == "week"
    assert sch.due_window(date(2026, 11, 30), today) == "month"
    assert sch.due_window(date(2026, 12, 1), today) == "later"


def test_rule_validation_messages():
    with pytest.raises(sch.CadenceError, match="频次"):
        sch.validate_rule(CadenceRule("x", every=0, unit="month"))
    with pytest.raises(sch.CadenceError, match="未知的人员类别"):
        sch.validate_rule(CadenceRule("x", every=1, unit="month", categories=frozenset({"zz"})))
    with pytest.raises(sch.CadenceError, match="名称"):
        sch.validate_rule(CadenceRule(" ", every=1, unit="month"))
    for rule in RULES:
        sch.validate_rule(rule)
        assert rule.note  # each default says whether it is national or local


def test_defaults_are_marked_local_or_national():
    notes = {r.name: r.note for r in RULES}
    assert "本地选择" in notes["高风险老年人"] and "本地选择" in notes["其他老年人"]
    assert "100%" in notes["特殊困难老年人"]


def test_month_visit_rate_per_category():
    reg = date(2025, 1, 1)
    records = [
        # 独居, visited in March: due and visited
        MonthRecord(Subject(("alone",), BORN_70, registered_on=reg), date(2026, 2, 10), True),
        # 独居, not visited in March: due, not visited
        MonthRecord(Subject(("alone",), BORN_70, registered_on=reg), date(2026, 2, 27), False),
        # 空巢 last visited 31 Jan: due again by 28 Feb, still due in March, visited
        MonthRecord(Subject(("empty_nest",), BORN_70, registered_on=reg), date(2026, 1, 31), True),
        # ordinary elder visited in February: quarterly, not due in March
        MonthRecord(Subject((), BORN_70, registered_on=reg), date(2026, 2, 1), True),
        # ordinary elder last visited in December: due 15 March, not visited
        MonthRecord(Subject((), BORN_70, registered_on=reg), date(2025, 12, 15), False),
        # registered after March: not counted
        MonthRecord(Subject(("alone",), BORN_70, registered_on=date(2026, 4, 2)), None, False),
    ]
    rate = sch.month_visit_rate(records, RULES, 2026, 3)
    assert (rate.row("alone").due, rate.row("alone").visited) == (2, 1)
    assert rate.row("alone").rate == 0.5
    assert (rate.row("special_hardship").due, rate.row("special_hardship").visited) == (3, 2)
    assert (rate.row("all").due, rate.row("all").visited) == (4, 2)
    with pytest.raises(KeyError):
        rate.row("dibao")  # nobody due in that category: no row


def test_month_rate_is_none_when_nobody_is_due():
    rate = sch.month_visit_rate([], RULES, 2026, 3)
    assert rate.row("all").rate is None
