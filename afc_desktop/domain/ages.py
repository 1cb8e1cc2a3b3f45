"""Ages (年龄): whole years on a day, and the day someone turned N.

The one place the register computes an age. Services and queries use :func:`years_before` to
turn "aged N or over on day D" into a birth-date bound an index can answer.
"""

from __future__ import annotations

from datetime import date


def age_on(birth: date, on: date) -> int:
    """Whole years of age on the given day (a 29 Feb birthday counts on 1 Mar in other years)."""
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (29 Feb becomes 28 Feb in a common year).

    Someone born on or before ``years_before(d, n)`` is at least ``n`` on day ``d``.
    """
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
