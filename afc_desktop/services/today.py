"""今天 (Today): what a worker has to do today, on one page.

- **Households to visit**: those with an elder overdue or due today — the 走访 page's
  "逾期和今天" list (``due_list(within_days=0)``) grouped by household, most urgent first;
- **Tasks due**: open tasks due today or earlier other than need follow-ups — with the next
  item, the 待办 page's "今天及逾期" list (``list_tasks(within_days=0)``);
- **Need follow-ups** (需求跟进): open tasks of kind ``need`` due today or earlier;
- **Re-assessments due** (到期复评): elders whose ability assessment is due again today or
  earlier, with the reason and the due date — the 待办 page's 到期复评 list cut at today
  (``due_reassessments(within_days=0)``); a finalised re-assessment takes the person off;
- **Drafts to finish**: person visit drafts and household visit drafts.

The counts are the lengths of those same lists, so they match the other pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .context import AppContext
from .household_visits import HouseholdVisitView, list_household_drafts
from .reassessments import DueReassessment, due_reassessments
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
    reassessments: tuple[DueReassessment, ...]
    drafts: tuple[VisitView, ...]
    household_drafts: tuple[HouseholdVisitView, ...]

    @property
    def nothing_to_do(self) -> bool:
        lists = (self.households, self.tasks, self.need_follow_ups, self.reassessments)
        return not any(lists) and not (self.drafts or self.household_drafts)


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
        reassessments=tuple(due_reassessments(ctx, within_days=0)),
        drafts=tuple(list_drafts(ctx)),
        household_drafts=tuple(list_household_drafts(ctx)),
    )
