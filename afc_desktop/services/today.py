"""今天 (Today): what a worker has to do today, on one page.

- **Households to visit**: those with an elder overdue or due today — the 走访 page's
  "逾期和今天" list (``due_list(within_days=0)``) grouped by household, most urgent first;
- **Tasks due**: open tasks due today or earlier other than need follow-ups — with the next
  item, the 待办 page's "今天及逾期" list (``list_tasks(within_days=0)``);
- **Need follow-ups** (需求跟进): open tasks of kind ``need`` due today or earlier;
- **Drafts to finish**: person visit drafts and household visit drafts.

The counts are the lengths of those same lists, so they match the other pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .context import AppContext
from .household_visits import HouseholdVisitView, list_household_drafts
from .tasks import TaskView, list_tasks
from .visits import VisitView, list_drafts
from .visits.by_household import DueHousehold, count_people, due_by_household


@dataclass(frozen=True)
class TodayView:
    """Everything the 今天 page shows."""

    day: date
    households: tuple[DueHousehold, ...]
    people_due: int  # elders in those households (= the 走访 page's 逾期和今天 count)
    people_overdue: int
    tasks: tuple[TaskView, ...]
    need_follow_ups: tuple[TaskView, ...]
    drafts: tuple[VisitView, ...]
    household_drafts: tuple[HouseholdVisitView, ...]

    @property
    def nothing_to_do(self) -> bool:
        return not (self.households or self.tasks or self.need_follow_ups or self.drafts) and (
            not self.household_drafts
        )


def today_view(ctx: AppContext) -> TodayView:
    """What is due today (see the module docstring)."""
    households = due_by_household(ctx, within_days=0, order="urgency")
    people, overdue = count_people(households)
    tasks = list_tasks(ctx, within_days=0)
    return TodayView(
        day=ctx.today(),
        households=tuple(households),
        people_due=people,
        people_overdue=overdue,
        tasks=tuple(t for t in tasks if t.kind != "need"),
        need_follow_ups=tuple(t for t in tasks if t.kind == "need"),
        drafts=tuple(list_drafts(ctx)),
        household_drafts=tuple(list_household_drafts(ctx)),
    )
