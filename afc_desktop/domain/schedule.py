"""Visit cadence (探访频次): which elder is due for a visit when, and the month's visit rate.

A cadence rule says "elders matching these conditions are visited at least every N days / weeks /
months". Conditions: any of a set of categories (derived ones such as 高龄 included), being a
特殊困难 elder, a risk level recorded on the latest visit, a minimum age. Conditions of different
kinds must all hold. When several rules match, the **most frequent** one applies (a 独居 elder
at high risk is visited weekly, not monthly).

Defaults (:data:`DEFAULT_RULES`) are a *local choice*, marked as such: the national visiting-care
policy only fixes 月探访率 100% for 特殊困难老年人 by end-2025, i.e. at least one visit a month
(standards §5); the weekly high-risk tier and the quarterly tier for other elders follow a local
example (高风险 每周≥1次, 重点 每月≥1次, 一般 每季度≥1次), not a national rule.

Dates: a monthly cadence adds calendar months and clamps to the month's end (31 Jan + 1 month =
28/29 Feb), so a visit on the last day of a month is due by the last day of the next one. An elder
never visited is due from the day they were registered.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from afc_desktop.domain.idcard import age_on
from afc_desktop.domain.people import (
    ALL_CATEGORIES,
    SPECIAL_HARDSHIP_CODES,
    all_categories,
    category_label,
    is_special_hardship,
)

UNITS = {"day": "天", "week": "周", "month": "个月"}
RISK_LEVELS = {"high": "高风险", "normal": "一般"}


class CadenceError(ValueError):
    """An invalid cadence rule; ``message`` is plain Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CadenceRule:
    """One cadence rule. ``categories`` match if the person has any of them."""

    name: str
    every: int
    unit: str  # "day" | "week" | "month"
    categories: frozenset[str] = frozenset()
    special_hardship: bool = False
    risk: str | None = None  # "high" matches only people whose latest visit set high risk
    min_age: int | None = None
    active: bool = True
    local_choice: bool = True
    note: str = ""
    id: str | None = None

    def describe(self) -> str:
        """Plain text: "每1个月至少探访一次"."""
        return f"每{self.every}{UNITS.get(self.unit, self.unit)}至少探访一次"

    @property
    def approx_days(self) -> float:
        """Length of the period in days, for choosing the most frequent rule."""
        per = {"day": 1.0, "week": 7.0, "month": 30.44}[self.unit]
        return self.every * per


DEFAULT_RULES: tuple[CadenceRule, ...] = (
    CadenceRule(
        name="高风险老年人",
        every=1,
        unit="week",
        risk="high",
        note="本地选择：参照地方探访关爱做法（高风险对象每周至少一次），非国家统一要求",
    ),
    CadenceRule(
        name="特殊困难老年人",
        every=1,
        unit="month",
        special_hardship=True,
        note="国家要求：2025年底特殊困难老年人月探访率达到100%（独居、空巢、留守、失能、重残、"
        "计划生育特殊家庭）；按月探访为最低频次",
    ),
    CadenceRule(
        name="其他老年人",
        every=3,
        unit="month",
        min_age=60,
        note="本地选择：参照地方做法（一般对象每季度至少一次），非国家统一要求",
    ),
)


def validate_rule(rule: CadenceRule) -> CadenceRule:
    """Check a rule an administrator typed; raises :class:`CadenceError`."""
    if not rule.name.strip():
        raise CadenceError("请填写规则名称")
    if rule.unit not in UNITS:
        raise CadenceError("频次单位只能是天、周或月")
    limits = {"day": 366, "week": 53, "month": 24}
    if not 1 <= rule.every <= limits[rule.unit]:
        raise CadenceError(f"频次应在1到{limits[rule.unit]}{UNITS[rule.unit]}之间")
    known = {c.code for c in ALL_CATEGORIES}
    unknown = sorted(set(rule.categories) - known)
    if unknown:
        raise CadenceError(f"未知的人员类别：{'、'.join(unknown)}")
    if rule.risk not in (None, *RISK_LEVELS):
        raise CadenceError("风险等级只能是高风险或一般")
    if rule.min_age is not None and not 0 <= rule.min_age <= 120:
        raise CadenceError("最低年龄应在0到120之间")
    return rule


def add_period(day: date, every: int, unit: str) -> date:
    """``day`` plus ``every`` units; months clamp to the end of the target month."""
    if unit == "day":
        return day + timedelta(days=every)
    if unit == "week":
        return day + timedelta(weeks=every)
    if unit == "month":
        month_index = day.month - 1 + every
        year = day.year + month_index // 12
        month = month_index % 12 + 1
        last = calendar.monthrange(year, month)[1]
        return date(year, month, min(day.day, last))
    raise CadenceError(f"未知的频次单位：{unit}")


@dataclass(frozen=True)
class Subject:
    """What the cadence looks at for one person."""

    categories: tuple[str, ...]  # explicit codes as stored
    birth_date: date | None
    risk: str | None = None  # risk level of the latest completed visit
    registered_on: date | None = None


def rule_matches(rule: CadenceRule, cats: Sequence[str], risk: str | None, age: int | None) -> bool:
    """True when every condition of ``rule`` holds (``cats`` includes derived categories)."""
    if not rule.active:
        return False
    if rule.categories and not (rule.categories & set(cats)):
        return False
    if rule.special_hardship and not is_special_hardship(cats):
        return False
    if rule.risk is not None and rule.risk != risk:
        return False
    return not (rule.min_age is not None and age is not None and age < rule.min_age)


def pick_rule(rules: Iterable[CadenceRule], subject: Subject, on: date) -> CadenceRule | None:
    """The most frequent active rule matching ``subject`` on day ``on`` (None: no visits due)."""
    cats = all_categories(subject.categories, subject.birth_date, on)
    age = age_on(subject.birth_date, on) if subject.birth_date else None
    best: CadenceRule | None = None
    for rule in rules:
        if rule_matches(rule, cats, subject.risk, age) and (
            best is None or rule.approx_days < best.approx_days
        ):
            best = rule
    return best


def next_due(last_visit: date | None, registered_on: date | None, rule: CadenceRule) -> date:
    """When the next visit is due: a period after the last one, else from registration."""
    if last_visit is None:
        return registered_on or date.min
    return add_period(last_visit, rule.every, rule.unit)


WINDOWS = {"today": "今天", "week": "本周", "month": "本月"}


def due_window(due: date, today: date) -> str:
    """ "overdue" (逾期), "today", "week" (by Sunday), "month" (by month end) or "later"."""
    if due < today:
        return "overdue"
    if due == today:
        return "today"
    if due <= today + timedelta(days=6 - today.weekday()):
        return "week"
    if due <= date(today.year, today.month, calendar.monthrange(today.year, today.month)[1]):
        return "month"
    return "later"


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """First and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


# --- month visit rate (月探访率) --------------------------------------------------------------


@dataclass(frozen=True)
class MonthRecord:
    """One person's facts for a month's rate."""

    subject: Subject
    last_visit_before: date | None  # latest completed visit before the month started
    visited_in_month: bool


@dataclass
class RateRow:
    """Visited ÷ due for one group in one month."""

    key: str
    label: str
    due: int = 0
    visited: int = 0

    @property
    def rate(self) -> float | None:
        """Fraction in [0, 1], or None when nobody was due."""
        return self.visited / self.due if self.due else None


@dataclass
class MonthRate:
    """The month's rate overall, for 特殊困难 elders, and per category."""

    year: int
    month: int
    rows: list[RateRow] = field(default_factory=list)

    def row(self, key: str) -> RateRow:
        """The row for ``key`` ("all", "special_hardship" or a category code)."""
        for r in self.rows:
            if r.key == key:
                return r
        raise KeyError(key)


def month_visit_rate(
    records: Iterable[MonthRecord], rules: Sequence[CadenceRule], year: int, month: int
) -> MonthRate:
    """月探访率: among people whose cadence required a visit in the month, the share visited.

    A person counts as due when their next due date (from the last visit before the month) falls
    on or before the month's last day — so anyone on a monthly or shorter cadence is due every
    month, and a quarterly elder only in the month their visit falls due (or while overdue).
    Categories are those the caller gives: held in that month (derived ones on its last day).
    """
    start, end = month_bounds(year, month)
    rows: dict[str, RateRow] = {
        "all": RateRow("all", "全部老年人"),
        "special_hardship": RateRow("special_hardship", "特殊困难老年人"),
    }
    for cat in ALL_CATEGORIES:
        rows[cat.code] = RateRow(cat.code, category_label(cat.code))
    # People share few (categories, risk, age) combinations: choose rule and rows once each.
    seen: dict[tuple[tuple[str, ...], str | None, int | None], tuple[Any, list[RateRow]]] = {}
    for rec in records:
        subj = rec.subject
        if subj.registered_on is not None and subj.registered_on > end:
            continue
        age = age_on(subj.birth_date, end) if subj.birth_date else None
        combo = (tuple(subj.categories), subj.risk, age)
        found = seen.get(combo)
        if found is None:
            cats = all_categories(subj.categories, subj.birth_date, end)
            keys = ["all", *cats]
            if any(c in SPECIAL_HARDSHIP_CODES for c in cats):
                keys.append("special_hardship")
            found = seen[combo] = (pick_rule(rules, subj, end), [rows[k] for k in keys])
        rule, counted = found
        if rule is None:
            continue
        if next_due(rec.last_visit_before, subj.registered_on, rule) > end:
            continue
        for row in counted:
            row.due += 1
            if rec.visited_in_month:
                row.visited += 1
    return MonthRate(year, month, [r for r in rows.values() if r.due or r.key in ("all",)])
