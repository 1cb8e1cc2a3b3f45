"""The route to print (走访路线): a route sheet in walking order, then one pre-filled household
visit record (入户探访记录, readable back from a scan: ``household_sheet.py``) per door, in one PDF.

Takes plain records (:class:`RouteSheet`), so it prints without the database. ID numbers arrive
masked to their last four digits; nothing here unmasks them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from afc_desktop.printing.document import open_pdf
from afc_desktop.printing.household_sheet import HouseholdRecord, SheetElder, draw_household_sheet
from afc_desktop.printing.layout import CONTENT_W, GREY, Cell, Para, Sheet, SheetCanvas

ROUTE_FOOTER = "走访路线单（route 第1版）"
BOX = "□"


@dataclass(frozen=True)
class RouteElder:
    """One due elder at a door."""

    name: str
    sex: str  # 男 / 女 / ""
    age: int | None
    id_last_four: str  # masked: **************123X
    phone: str
    categories: tuple[str, ...]
    last_visit: date | None
    due_date: date | None  # None: never visited, due since registration
    overdue: bool
    high_risk: bool
    open_needs: tuple[str, ...] = ()
    person_id: str = ""
    due: bool = True  # False: on the household record only (not due in the route's window)


@dataclass(frozen=True)
class RouteHousehold:
    """One door of the route: its due elders (the route sheet), and every elder of the
    household in the household's order (``members``, the household visit record)."""

    address: str
    phone: str
    elders: tuple[RouteElder, ...]
    subject: str = ""  # "H<household id>" or "P<person id>": the record's QR code
    members: tuple[RouteElder, ...] = ()


@dataclass(frozen=True)
class RouteSheet:
    """The whole route."""

    community: str
    printed_on: date
    until: date
    worker: str
    households: tuple[RouteHousehold, ...]

    @property
    def elder_count(self) -> int:
        return sum(len(h.elders) for h in self.households)


def _elder_line(e: RouteElder) -> str:
    age = f"{e.age}岁" if e.age is not None else ""
    return " ".join(filter(None, [e.name, e.sex, age]))


def _due_text(e: RouteElder) -> str:
    last = f"上次 {e.last_visit.isoformat()}" if e.last_visit else "从未探访"
    if e.due_date is None:
        return last
    return f"{last}\n{'逾期' if e.overdue else '应访'} {e.due_date.isoformat()}"


def draw_route_sheet(canvas: SheetCanvas, route: RouteSheet) -> None:
    """The route sheet: one row per elder, doors in walking order, numbered."""
    canvas.begin_document(ROUTE_FOOTER, f"打印日期：{route.printed_on.isoformat()}")
    sheet = Sheet(canvas, f"走访路线单  {route.community}")
    sheet.title(
        "走访路线单",
        f"{route.community}　到期至 {route.until.isoformat()}　社工：{route.worker}　"
        f"共 {len(route.households)} 户、{route.elder_count} 位老人（按走访顺序排列）",
    )
    widths = [w * CONTENT_W / 100 for w in (5, 22, 20, 16, 14, 17, 6)]
    head = [
        Cell.of(t, 8.5, bold=True, align="center")
        for t in ("序", "地址", "老人", "上次/应访", "电话", "未办结需求", "已访")
    ]
    sheet.begin_table(head, widths)
    for n, household in enumerate(route.households, start=1):
        for i, e in enumerate(household.elders):
            first = i == 0
            who = [Para(_elder_line(e), 8.5, bold=True)]
            for detail in (e.id_last_four, "、".join(e.categories)):
                if detail:
                    who.append(Para(detail, 7.5, color=GREY))
            if e.high_risk:
                who.append(Para("高风险", 7.5, bold=True))
            address = [Para(household.address, 8.5)] if first else []
            if first and household.phone:
                address.append(Para(f"户电话 {household.phone}", 7.5, color=GREY))
            sheet.row(
                [
                    Cell.of(str(n) if first else "", 8.5, align="center"),
                    Cell(address),
                    Cell(who),
                    Cell.of(_due_text(e), 7.5),
                    Cell.of(e.phone, 8),
                    Cell.of("；".join(e.open_needs) or "—", 7.5),
                    Cell.of(BOX, 11, align="center"),
                ],
                widths,
            )
    sheet.end_table()
    sheet.space(6)
    sheet.paragraph(
        "说明：逾期的老人请优先探访；不在家或未见到的，在入户探访记录上勾选，仍计为待探访。"
        "身份证号只印后四位。",
        8,
        color=GREY,
    )
    sheet.finish()


def _sheet_elder(e: RouteElder) -> SheetElder:
    note = "　".join(
        filter(
            None,
            [
                f"身份证号 {e.id_last_four}" if e.id_last_four else "",
                f"电话 {e.phone}" if e.phone else "",
            ],
        )
    )
    last = _due_text(e).replace("\n", "　")
    if not e.due:
        last = f"本期未到期　{last}"
    return SheetElder(
        person_id=e.person_id,
        title=_elder_line(e),
        note=note,
        categories="、".join(e.categories),
        last_visit=last,
        open_needs="；".join(e.open_needs),
    )


def household_record(route: RouteSheet, h: RouteHousehold) -> HouseholdRecord:
    """The household visit record of door ``h``: every elder of the household (the route
    sheet lists the due ones; one visit sees everyone behind the door)."""
    return HouseholdRecord(
        subject=h.subject,
        address=h.address,
        phone=h.phone,
        elders=tuple(_sheet_elder(e) for e in (h.members or h.elders)),
        community=route.community,
        worker=route.worker,
        printed_on=route.printed_on,
    )


def draw_household_record(canvas: SheetCanvas, route: RouteSheet, h: RouteHousehold) -> None:
    """One household visit record, pre-filled with the door and its elders, readable back from
    a scan (``printing/household_sheet.py``)."""
    draw_household_sheet(canvas, household_record(route, h))


def draw_route(
    canvas: SheetCanvas, route: RouteSheet, step: Callable[[int, int], None] | None = None
) -> None:
    """The route sheet, then one household visit record per door (PDF and print preview).
    ``step(done, total)`` is called before each door (it may raise to stop)."""
    draw_route_sheet(canvas, route)
    total = len(route.households)
    for n, household in enumerate(route.households):
        if step is not None:
            step(n, total)
        draw_household_record(canvas, route, household)


def write_route_pdf(
    route: RouteSheet, out: Path | str, step: Callable[[int, int], None] | None = None
) -> Path:
    """The route sheet, then one household visit record per door, in one PDF. The file is
    written at the end: stopped by ``step`` raising, nothing is written."""
    canvas = open_pdf(out, title="走访路线单", batch=True, printed_on=route.printed_on)
    draw_route(canvas, route, step)
    canvas.save()
    return Path(out)
