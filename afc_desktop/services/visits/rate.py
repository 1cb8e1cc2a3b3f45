"""The month's visit rate (月探访率): visited ÷ due, overall, for 特殊困难 elders and per
category."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from ...clock import Clock
from ...domain.schedule import MonthRate
from ..context import AppContext, ServiceError
from . import counts
from .rules import GroupOf


def visit_rate(ctx: AppContext, year: int, month: int) -> MonthRate:
    """月探访率 for a month: visited ÷ due, overall, for 特殊困难 elders and per category."""
    if not 1 <= month <= 12:
        raise ServiceError("月份应在1到12之间", field="month")
    with ctx.session() as s:
        return month_rates(s, ctx.clock, ctx.now(), year, month)[None]


def month_rates(
    s: Session,
    clock: Clock,
    now: datetime,
    year: int,
    month: int,
    group_of: GroupOf | None = None,
    sites: Collection[str] | None = None,
) -> dict[Any, MonthRate]:
    """月探访率 per group (see ``rules.GroupOf``); only recorded visits count, never drafts.

    With ``group_of`` None the one key ``None`` is always present (an empty community has a
    rate with nothing due). ``sites``: count only people created by these sites (the district
    recomputing the communities whose data changed). Counted in the database: ``counts``.
    """
    return counts.month_rate_counts(s, clock, now, year, month, group_of, sites)
