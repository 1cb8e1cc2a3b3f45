"""What the community figures are made of (社区统计的数据形状): the period asked for and the
dataclasses the overview page, the pilot report and the district read. Computed in
``services/stats.py``; re-exported there."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .context import ServiceError


@dataclass(frozen=True)
class Period:
    """A reporting period, both ends inclusive."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ServiceError("统计期间的结束日期不能早于开始日期", field="period")

    @classmethod
    def year_to_date(cls, today: date) -> Period:
        """1 January of ``today``'s year to ``today``."""
        return cls(date(today.year, 1, 1), today)

    def label(self) -> str:
        return f"{self.start:%Y年%m月%d日}至{self.end:%Y年%m月%d日}"


@dataclass(frozen=True)
class Count:
    """One bar of a chart: a labelled number and, when it is a list of people, its filter."""

    key: str
    label: str
    count: int
    filter: dict[str, Any] | None = None


@dataclass(frozen=True)
class PeopleStats:
    """The register on a day: elders by category, age band and ability grade."""

    elders: int
    special_hardship: int  # 特殊困难老年人
    by_category: tuple[Count, ...]
    by_age_band: tuple[Count, ...]
    by_ability: tuple[Count, ...]


@dataclass(frozen=True)
class VisitStats:
    """Visits: the month's rate against the 100% target, visits in the period, overdue ones."""

    year: int
    month: int
    due: int
    visited: int
    rate: float | None  # all elders with a cadence due in the month
    special_due: int
    special_visited: int
    special_rate: float | None  # 特殊困难老年人; target 100%
    target: float
    visits_in_period: int
    by_mode: tuple[Count, ...]
    people_visited_in_period: int
    overdue: int  # elders whose visit is past due today

    @property
    def special_target_met(self) -> bool:
        return self.special_due == 0 or self.special_visited >= self.special_due


@dataclass(frozen=True)
class MonthRateRow:
    """One month of a report's visit-rate table."""

    year: int
    month: int
    due: int
    visited: int
    special_due: int
    special_visited: int

    @property
    def rate(self) -> float | None:
        return self.visited / self.due if self.due else None

    @property
    def special_rate(self) -> float | None:
        return self.special_visited / self.special_due if self.special_due else None


@dataclass(frozen=True)
class NeedStats:
    """Open needs by type and by how long they have been open; needs found and closed."""

    open_total: int
    open_urgent: int
    by_type: tuple[Count, ...]
    by_age: tuple[Count, ...]
    found_in_period: int
    resolved_in_period: int


@dataclass(frozen=True)
class HomeModificationStats:
    """居家适老化改造 in the period: households with at least one item done (``done``), sheets
    finalized (``assessed``) and items done; ``note`` says why the figure is 0."""

    done: int
    assessed: int = 0
    items_done: int = 0
    note: str = ""


@dataclass(frozen=True)
class ProjectStats:
    """微自治 projects started in the year against the two-a-year target."""

    year: int
    count: int
    target: int
    names: tuple[str, ...]

    @property
    def met(self) -> bool:
        return self.count >= self.target


@dataclass(frozen=True)
class AdvisoryStats:
    """Advisory and errand services (养老顾问 / 帮办代办) in the period, by kind."""

    total: int
    minutes: int
    people: int
    by_kind: tuple[Count, ...]


@dataclass(frozen=True)
class CommunityStats:
    """Every figure of the overview page, for one period ending on ``as_of``."""

    community: str
    as_of: date
    period: Period
    people: PeopleStats
    visits: VisitStats
    needs: NeedStats
    home_modifications: HomeModificationStats
    projects: ProjectStats
    advisory: AdvisoryStats
    notes: tuple[str, ...] = field(default_factory=tuple)
