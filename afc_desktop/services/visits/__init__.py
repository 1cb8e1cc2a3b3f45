"""Visits (入户走访 / 电话视频探访): recording and drafts, the due list, the month's visit rate
and the cadence rules — one module each:

- :mod:`.records`: ``save_draft``, ``record_visit``, ``get_visit``, ``list_drafts`` …
- :mod:`.due`: ``due_list``; :mod:`.by_household`: ``due_by_household`` (one row per door);
- :mod:`.rate`: ``visit_rate`` (月探访率), ``month_rates`` (per community at the district);
- :mod:`.due` also ``overdue_counts`` (逾期未访, per community at the district);
- :mod:`.rules`: ``list_rules``, ``save_rules``, ``reset_rules``;
- :mod:`.rows`: fast row reading shared by the due list and the rate.

Import from ``afc_desktop.services.visits`` as before: the names below are re-exported.
"""

from __future__ import annotations

from ...domain import schedule
from .by_household import DueHousehold, due_by_household
from .due import DueItem, due_list, overdue_counts
from .rate import month_rates, visit_rate
from .records import (
    PENDING_KEY,
    NeedDraft,
    VisitInput,
    VisitView,
    discard_draft,
    get_visit,
    list_drafts,
    person_visits,
    record_visit,
    resolve_person,
    save_draft,
)
from .rules import (
    GroupOf,
    PersonCadence,
    list_rules,
    person_cadence,
    reset_rules,
    save_rules,
)

__all__ = [
    "PENDING_KEY",
    "DueHousehold",
    "DueItem",
    "GroupOf",
    "NeedDraft",
    "PersonCadence",
    "VisitInput",
    "VisitView",
    "discard_draft",
    "due_by_household",
    "due_list",
    "get_visit",
    "list_drafts",
    "list_rules",
    "month_rates",
    "person_cadence",
    "overdue_counts",
    "person_visits",
    "record_visit",
    "reset_rules",
    "resolve_person",
    "save_draft",
    "save_rules",
    "schedule",
    "visit_rate",
]
