"""A route to print (走访路线): the households due in a window, in walking order, with what a
worker needs at each door — elders, last visit, phone, open needs — as plain records for
``printing.route``. ID numbers are masked to their last four digits (打印只留后四位).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from ..domain import needs as need_rules
from ..domain.idcard import mask_to_last_four
from ..printing.route import RouteElder, RouteHousehold, RouteSheet, write_route_pdf
from ..store.models import Person
from ..store.models.daily import Need
from .context import AppContext, ServiceError
from .setup import local_community
from .visits.by_household import DueHousehold, due_by_household


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


def build_route(
    ctx: AppContext, *, within_days: int | None = None, household_keys: Sequence[str] = ()
) -> RouteSheet:
    """The route sheet's data (see the module docstring)."""
    today = ctx.today()
    days = week_days_left(today) if within_days is None else within_days
    if days < 0:
        raise ServiceError("天数不能为负数", field="within_days")
    rows = route_households(ctx, within_days=days, household_keys=household_keys)
    ids = [e.person_id for r in rows for e in r.elders]
    needs: dict[str, list[str]] = {}
    details: dict[str, tuple[str | None, str | None, str]] = {}
    with ctx.session() as s:
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
            for pid, id_number, sex, birth in s.execute(
                select(Person.id, Person.id_number, Person.sex, Person.birth_date).where(
                    Person.id.in_(chunk)
                )
            ):
                details[pid] = (id_number, sex, birth.isoformat() if birth else "")
    households = []
    for row in rows:
        elders = []
        for e in row.elders:
            id_number, sex, _birth = details.get(e.person_id, (None, None, ""))
            elders.append(
                RouteElder(
                    name=e.name,
                    sex={"M": "男", "F": "女"}.get(sex or "", ""),
                    age=e.age,
                    id_last_four=mask_to_last_four(id_number),
                    phone=e.phone,
                    categories=e.categories,
                    last_visit=e.last_visit,
                    due_date=None if e.due_date == date.min else e.due_date,
                    overdue=e.window == "overdue",
                    high_risk=e.risk_level == "high",
                    open_needs=tuple(needs.get(e.person_id, ())),
                )
            )
        households.append(
            RouteHousehold(
                address=row.address or "（未登记家庭）", phone=row.phone, elders=tuple(elders)
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


def print_route(
    ctx: AppContext,
    out: Path | str,
    *,
    within_days: int | None = None,
    household_keys: Sequence[str] = (),
) -> RouteSheet:
    """Write the route sheet and a pre-filled household visit record per door to one PDF."""
    sheet = build_route(ctx, within_days=within_days, household_keys=household_keys)
    if not sheet.households:
        raise ServiceError("所选时间内没有到期的探访，无需打印路线")
    write_route_pdf(sheet, out)
    return sheet
