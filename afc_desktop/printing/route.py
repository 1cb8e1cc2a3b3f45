"""The route to print (走访路线): a route sheet in walking order, then one pre-filled household
visit record (入户探访记录) per door, in one PDF.

Takes plain records (:class:`RouteSheet`), so it prints without the database. ID numbers arrive
masked to their last four digits; nothing here unmasks them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from afc_desktop.domain import visit_content as vc
from afc_desktop.printing.document import open_pdf
from afc_desktop.printing.layout import CONTENT_W, GREY, Cell, Para, Sheet, SheetCanvas

ROUTE_FOOTER = "走访路线单（route 第1版）"
RECORD_FOOTER = "入户探访记录（household-visit 第1版）"
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


@dataclass(frozen=True)
class RouteHousehold:
    """One door of the route."""

    address: str
    phone: str
    elders: tuple[RouteElder, ...]


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


def _boxes(options: tuple[tuple[str, str], ...] | list[str]) -> str:
    labels = [o[1] if isinstance(o, tuple) else o for o in options]
    return "  ".join(f"{BOX}{label}" for label in labels)


def draw_household_record(canvas: SheetCanvas, route: RouteSheet, h: RouteHousehold) -> None:
    """One household visit record, pre-filled with the door and its elders."""
    canvas.begin_document(RECORD_FOOTER, f"打印日期：{route.printed_on.isoformat()}")
    sheet = Sheet(canvas, f"入户探访记录  {h.address}")
    sheet.title("入户探访记录", f"{route.community}　{h.address}")
    label_w = CONTENT_W * 0.18
    widths = [label_w, CONTENT_W - label_w]

    def line(label: str, value: str, lines: int = 1, size: float = 9.0) -> None:
        sheet.row(
            [Cell.of(label, 9, bold=True), Cell([Para(value, size)], min_lines=lines)], widths
        )

    sheet.section_bar("一、基本情况")
    line("地址", h.address + (f"　户电话 {h.phone}" if h.phone else ""))
    line("探访日期", "______年____月____日")
    line("探访方式", _boxes(vc.MODES))
    line("社工", f"{route.worker}　　同行人员：")
    sheet.section_bar("二、家庭情况（全户填写一次）")
    for code in ("safety", "family"):
        area = vc.AREA_BY_CODE[code]
        line(area.label, f"{_boxes(vc.LEVELS)}\n{_boxes(area.issues)}\n说明：", lines=4)
    line("全户情况记录", "", lines=3)
    for n, e in enumerate(h.elders, start=1):
        sheet.section_bar(
            f"三、老人{n}：{_elder_line(e)}",
            "　".join(filter(None, [f"身份证号 {e.id_last_four}" if e.id_last_four else "",
                                    f"电话 {e.phone}" if e.phone else ""])),
        )  # fmt: skip
        line("是否见到", f"{BOX}在家（见到本人）  {BOX}不在家  {BOX}未见到")
        line("类别", "、".join(e.categories) or "—")
        line("上次探访", _due_text(e).replace("\n", "　"))
        for code in ("health", "economy", "services"):
            area = vc.AREA_BY_CODE[code]
            line(
                area.label, f"{_boxes(vc.LEVELS)}\n{_boxes(area.issues)}\n说明：", lines=3, size=8.5
            )
        line("风险", f"{_boxes(vc.RISK_FLAGS)}\n风险等级：{BOX}一般  {BOX}高风险", size=8.5)
        line("未办结需求", "；".join(e.open_needs) or "无")
        line("新发现需求", "", lines=2)
        line("跟进事项", "日期：________　事项：", lines=2)
    sheet.signature_pairs([("社工签名", route.worker, ""), ("老人或家属签名", "", "")])
    sheet.finish()


def draw_route(canvas: SheetCanvas, route: RouteSheet) -> None:
    """The route sheet, then one household visit record per door (PDF and print preview)."""
    draw_route_sheet(canvas, route)
    for household in route.households:
        draw_household_record(canvas, route, household)


def write_route_pdf(route: RouteSheet, out: Path | str) -> Path:
    """The route sheet, then one household visit record per door, in one PDF."""
    canvas = open_pdf(out, title="走访路线单", batch=True, printed_on=route.printed_on)
    draw_route(canvas, route)
    canvas.save()
    return Path(out)
