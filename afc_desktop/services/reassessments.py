"""Re-assessments due (到期复评): who should be assessed again, when and why.

A finalised ability assessment (``Person.ability_assessed_on``) is due again after the register's
period (12 months by default), or at once after a trigger recorded on a later visit: the risk
flag 跌倒 (``fall``) or the health finding 近期住院 (``hospital``). Rules: ``domain/rules.py``.
Computed, not stored, like due visits: a new assessment or an edited rule moves them at once.
Listed in 待办 (their own tab, 30 days ahead) and on 今天 (due today or earlier); a re-assessment
is made with the latest version of the ability form (``ABILITY_FORM_ID``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, select

from ..domain.rules import reassessment_due
from ..domain.schedule import due_window
from ..store.models import Person
from ..store.models.daily import Visit
from .context import AppContext
from .register_rules import rules_in

# The form a re-assessment is made with (its latest version): GB/T 42195-2022, the only scored
# assessment form that sets ``Person.ability_grade``.
ABILITY_FORM_ID = "gbt42195-2022-ability"


@dataclass(frozen=True)
class DueReassessment:
    """One person due for a re-assessment; ``window`` is overdue/today/week/month/later."""

    person_id: str
    name: str
    grade: str
    assessed_on: date
    due_date: date
    reason: str  # "period" | "fall" | "hospital"
    reason_text: str
    window: str


def _triggers(findings: Any, flags: Any) -> list[str]:
    found = []
    if isinstance(flags, list) and "fall" in flags:
        found.append("fall")
    health = findings.get("health") if isinstance(findings, dict) else None
    issues = health.get("issues") if isinstance(health, dict) else None
    if isinstance(issues, list) and "hospital" in issues:
        found.append("hospital")
    return found


def due_reassessments(
    ctx: AppContext, *, within_days: int | None = 30, person_id: str | None = None
) -> list[DueReassessment]:
    """People whose re-assessment is due by today + ``within_days`` (overdue included; None:
    every assessed person), most overdue first."""
    today = ctx.today()
    with ctx.session() as s:
        rules = rules_in(s)
        stmt = select(
            Person.id, Person.name, Person.ability_grade, Person.ability_assessed_on
        ).where(
            Person.deleted.is_(False),
            Person.is_elder.is_(True),
            Person.ability_assessed_on.is_not(None),
        )
        if person_id:
            stmt = stmt.where(Person.id == person_id)
        people: list[tuple[str, str, str, date]] = [
            (pid, name, grade, on) for pid, name, grade, on in s.execute(stmt) if on is not None
        ]
        if not people:
            return []
        earliest = min(p[3] for p in people)
        triggers: dict[str, list[tuple[date, str]]] = defaultdict(list)
        visits = s.execute(
            select(Visit.person_id, Visit.visit_date, Visit.findings, Visit.risk_flags).where(
                and_(
                    Visit.status == "done",
                    Visit.deleted.is_(False),
                    Visit.visit_date > earliest,
                )
            )
        )
        for pid, day, findings, flags in visits:
            for code in _triggers(findings, flags):
                triggers[pid].append((day, code))
    limit = None if within_days is None else today + timedelta(days=within_days)
    out = []
    for pid, name, grade, assessed_on in people:
        due = reassessment_due(assessed_on, rules, triggers.get(pid, ()))
        if limit is not None and due.due > limit:
            continue
        out.append(
            DueReassessment(
                pid,
                name,
                grade,
                assessed_on,
                due.due,
                due.reason,
                due.reason_text,
                due_window(due.due, today),
            )
        )
    return sorted(out, key=lambda d: (d.due_date, d.name))
