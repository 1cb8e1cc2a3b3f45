"""A route to print (走访路线): the households due in a window, in walking order, with what a
worker needs at each door — elders, last visit, phone, open needs — as plain records for
``printing.route``. ID numbers are masked to their last four digits (打印只留后四位).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import needs as need_rules
from ..domain import people
from ..domain.ages import age_on
from ..domain.idcard import mask_to_last_four
from ..printing.route import RouteElder, RouteHousehold, RouteSheet, write_route_pdf
from ..store.models import Person
from ..store.models.daily import Need, PersonVisitState
from .context import AppContext, ServiceError
from .household_visits import elders_of_households
from .setup import local_community
from .visits.by_household import DueHousehold, due_by_household
from .visits.rows import flag_codes


def week_days_left(today: date) -> int:
    """Days from today to this Sunday (本周): the default window of a route."""
    return 6 - today.weekday()


def route_households(
    ctx: AppContext, *, within_days: int | None = None, household_keys: Sequence[str] = ()
) -> list[DueHousehold]:
    """Households due by today + ``within_days`` (default: the end of this week), in walking
    order; only those of ``household_keys`` when given."""
    days = week_days_left(ctx.today()) if within_days is None else within_days
    rows = due_by_household(ctx, within_days=days, order="walk")
    if household_keys:
        wanted = set(household_keys)
        rows = [r for r in rows if r.key in wanted]
    return rows


def _last_visits(s: Session, ids: list[str]) -> dict[str, date]:
    """The latest recorded visit day of each person of ``ids`` (the maintained summary)."""
    out: dict[str, date] = {}
    for start in range(0, len(ids), 500):
        stmt = select(PersonVisitState.person_id, PersonVisitState.last_visit_date).where(
            PersonVisitState.person_id.in_(ids[start : start + 500])
        )
        out.update({pid: day for pid, day in s.execute(stmt) if day is not None})
    return out


def _members(s: Session, rows: list[DueHousehold]) -> dict[str, list[Person]]:
    """Every live elder of each household of ``rows`` (the household visit's order), or the
    elder alone for a door without a household."""
    by_household = elders_of_households(s, [r.household_id for r in rows if r.household_id])
    out: dict[str, list[Person]] = {}
    for row in rows:
        if row.household_id:
            out[row.key] = by_household.get(row.household_id, [])
        else:
            person = s.get(Person, row.elders[0].person_id)
            out[row.key] = [person] if person is not None else []
    return out


def build_route(
    ctx: AppContext, *, within_days: int | None = None, household_keys: Sequence[str] = ()
) -> RouteSheet:
    """The route sheet's data (see the module docstring)."""
    today = ctx.today()
    days = week_days_left(today) if within_days is None else within_days
    if days < 0:
        raise ServiceError("天数不能为负数", field="within_days")
    rows = route_households(ctx, within_days=days, household_keys=household_keys)
    needs: dict[str, list[str]] = {}
    with ctx.session() as s:
        members = _members(s, rows)
        ids = sorted(
            {p.id for people_ in members.values() for p in people_}
            | {e.person_id for r in rows for e in r.elders}
        )
        last = _last_visits(s, ids)
        details = {p.id: p for people_ in members.values() for p in people_}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for pid, need_type, description in s.execute(
                select(Need.person_id, Need.need_type, Need.description).where(
                    Need.person_id.in_(chunk),
                    Need.deleted.is_(False),
                    Need.status.in_(sorted(need_rules.OPEN_STATUSES)),
                )
            ):
                label = need_rules.service_type_label(need_type)
                needs.setdefault(pid, []).append(
                    f"{label}：{description}" if description else label
                )
            for person in s.scalars(select(Person).where(Person.id.in_(chunk))):
                details.setdefault(person.id, person)
        households = []
        for row in rows:
            elders = []
            for e in row.elders:
                p = details.get(e.person_id)
                elders.append(
                    RouteElder(
                        name=e.name,
                        sex=_SEX.get(p.sex or "", "") if p else "",
                        age=e.age,
                        id_last_four=mask_to_last_four(p.id_number if p else None),
                        phone=e.phone,
                        categories=e.categories,
                        last_visit=e.last_visit,
                        due_date=None if e.due_date == date.min else e.due_date,
                        overdue=e.window == "overdue",
                        high_risk=e.risk_level == "high",
                        open_needs=tuple(needs.get(e.person_id, ())),
                        person_id=e.person_id,
                    )
                )
            due = {e.person_id: e for e in elders}
            everyone = tuple(
                due.get(p.id) or _not_due(p, today, last.get(p.id), needs.get(p.id, []))
                for p in members.get(row.key, [])
            )
            subject = f"H{row.household_id}" if row.household_id else f"P{row.elders[0].person_id}"
            households.append(
                RouteHousehold(
                    address=row.address or "（未登记家庭）",
                    phone=row.phone,
                    elders=tuple(elders),
                    subject=subject,
                    members=everyone,
                )
            )
    community = local_community(ctx)
    return RouteSheet(
        community=community.full_name if community else "",
        printed_on=today,
        until=today + timedelta(days=days),
        worker=ctx.actor_name,
        households=tuple(households),
    )


_SEX = {"M": "男", "F": "女"}


def _not_due(p: Person, today: date, last: date | None, needs: list[str]) -> RouteElder:
    """An elder of the household who is not due in the route's window (printed on the
    household visit record: the worker sees everyone behind the door)."""
    codes = people.all_categories(flag_codes(p.category_flags), p.birth_date, today)
    return RouteElder(
        name=p.name,
        sex=_SEX.get(p.sex or "", ""),
        age=age_on(p.birth_date, today) if p.birth_date else None,
        id_last_four=mask_to_last_four(p.id_number),
        phone=p.phone or "",
        categories=tuple(people.category_label(c) for c in codes),
        last_visit=last,
        due_date=None,
        overdue=False,
        high_risk=False,
        open_needs=tuple(needs),
        person_id=p.id,
        due=False,
    )


def print_route(
    ctx: AppContext,
    out: Path | str,
    *,
    within_days: int | None = None,
    household_keys: Sequence[str] = (),
    progress: Callable[[int, int], None] | None = None,
) -> RouteSheet:
    """Write the route sheet and a pre-filled household visit record per door to one PDF.
    ``progress(done, total)`` is called before each door; raising from it stops the work
    and no file is written."""
    sheet = build_route(ctx, within_days=within_days, household_keys=household_keys)
    if not sheet.households:
        raise ServiceError("所选时间内没有到期的探访，无需打印路线")
    write_route_pdf(sheet, out, progress)
    return sheet
