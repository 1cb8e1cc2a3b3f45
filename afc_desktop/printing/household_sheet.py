"""The household visit record (入户探访记录) as a sheet that can be read back from a scan.

One record per door: the household's general part once (mode, 居住安全, 家庭赡养扶养), then
every elder of the household with their own part (是否见到, 健康, 经济, 服务需求, 风险). Every
box is reported to the canvas with the answer it stands for (``domain/household_sheet.py``), the
QR code names the household (``H<id>``, or ``P<id>`` for an elder registered without one).

The box places depend only on the elders printed (their person ids, in order): every text that
changes between printing and scanning (address, phone, last visit, open needs, the worker's name,
ages) sits in a cell of fixed height, clipped when too long. So :func:`household_page_map`
recomputes the layout from the household's elders alone; a household whose elders changed gives
another fingerprint and is not read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from afc_desktop.domain import household_sheet as hs
from afc_desktop.domain import visit_content as vc
from afc_desktop.printing.layout import CONTENT_W, Cell, Para, Sheet, SheetCanvas, wrap
from afc_desktop.printing.marks import KIND_BLANK, layout_fingerprint
from afc_desktop.printing.pagemap import PageMap
from afc_desktop.printing.recorder import RecordingCanvas

RECORD_FOOTER = f"{hs.FORM_TITLE}（{hs.FORM_ID} 第{hs.FORM_VERSION}版）"
BOX = "□"
_LABEL_W = CONTENT_W * 0.18
_WIDTHS = [_LABEL_W, CONTENT_W - _LABEL_W]
_BAR_H = 16.0  # a section bar (layout.Sheet.section_bar)


@dataclass(frozen=True)
class SheetElder:
    """One elder printed on the record."""

    person_id: str
    title: str  # name, sex, age
    note: str = ""  # masked ID, phone (one line in the elder's heading)
    categories: str = ""
    last_visit: str = ""  # 上次/应访, or 本期未到期
    open_needs: str = ""


@dataclass(frozen=True)
class HouseholdRecord:
    """What one household visit record prints."""

    subject: str  # "H<household id>" or "P<person id>"; "" prints no QR code
    address: str
    phone: str
    elders: tuple[SheetElder, ...]
    community: str = ""
    worker: str = ""
    printed_on: date | None = None


def _boxes(options: Sequence[tuple[str, str]]) -> str:
    return "  ".join(f"{BOX}{label}" for _, label in options)


def _keys(owner: str, part: str, options: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(hs.item(owner, part), code) for code, _ in options]


def _clip(sheet: Sheet, text: str, size: float, width: float, lines: int) -> str:
    """``text`` cut to ``lines`` lines of ``width`` (…) so that its cell's height is fixed."""
    wrapped = wrap(text or " ", size, width, sheet.font)
    if len(wrapped) <= lines:
        return "\n".join(wrapped)
    kept = list(wrapped[:lines])
    last = kept[-1]
    while last and len(wrap(last + "…", size, width, sheet.font)) > 1:
        last = last[:-1]
    kept[-1] = last + "…"
    return "\n".join(kept)


Row = list[Cell]


class _Writer:
    """Rows of fixed height: a label and a value cell. Rows are collected (``rows``) so that an
    elder's part can be kept on one page."""

    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self.rows: list[Row] = []

    def text(self, label: str, value: str, lines: int = 1, size: float = 9.0) -> None:
        value = _clip(self.sheet, value, size, _WIDTHS[1] - 6.5, lines)
        self.rows.append([Cell.of(label, 9, bold=True), Cell([Para(value, size)], min_lines=lines)])

    def boxes(
        self, label: str, text: str, keys: list[tuple[str, str]], lines: int, size: float = 9.0
    ) -> None:
        self.rows.append(
            [
                Cell.of(label, 9, bold=True),
                Cell([Para(text, size, boxes=tuple(keys))], min_lines=lines),
            ]
        )

    def area(self, owner: str, code: str, lines: int, size: float) -> None:
        area = vc.AREA_BY_CODE[code]
        keys = _keys(owner, f"{code}.level", vc.LEVELS) + _keys(
            owner, f"{code}.issues", area.issues
        )
        text = f"{_boxes(vc.LEVELS)}\n{_boxes(area.issues)}\n说明："
        self.boxes(area.label, text, keys, lines, size)

    def height(self) -> float:
        """Height of the rows collected."""
        return sum(
            max(self.sheet.cell_height(c, w) for c, w in zip(row, _WIDTHS, strict=True))
            for row in self.rows
        )

    def flush(self) -> None:
        """Draw the rows collected."""
        for row in self.rows:
            self.sheet.row(row, _WIDTHS)
        self.rows = []


def draw_household_sheet(canvas: SheetCanvas, record: HouseholdRecord) -> None:
    """One household visit record as a document of ``canvas`` (see the module docstring)."""
    printed = record.printed_on.isoformat() if record.printed_on else ""
    canvas.begin_document(RECORD_FOOTER, f"打印日期：{printed}" if printed else "")
    identify = getattr(canvas, "identify_document", None)
    if identify is not None and record.subject:
        identify(hs.FORM_ID, hs.FORM_VERSION, record.subject, KIND_BLANK)
    sheet = Sheet(canvas, f"{hs.FORM_TITLE}  {record.address[:30]}".strip())
    # always one line (the box places must not depend on the address)
    subtitle = _clip(sheet, f"{record.community}　{record.address}".strip(), 8.5, CONTENT_W, 1)
    subtitle = subtitle.strip() or "—"
    sheet.title(hs.FORM_TITLE, subtitle)
    w = _Writer(sheet)
    g = hs.GENERAL
    sheet.section_bar("一、基本情况")
    w.text("地址", record.address + (f"　户电话 {record.phone}" if record.phone else ""), 2)
    w.text("探访日期", "______年____月____日")
    w.boxes("探访方式", _boxes(vc.MODES), _keys(g, "mode", vc.MODES), 1)
    w.text("社工", f"{record.worker}　　同行人员：")
    w.flush()
    sheet.section_bar("二、家庭情况（全户填写一次）")
    for code in hs.GENERAL_AREAS:
        w.area(g, code, 4, 9.0)
    w.text("全户情况记录", "", 3)
    w.flush()
    for n, e in enumerate(record.elders, start=1):
        pid = e.person_id
        w.boxes("是否见到", _boxes(hs.PRESENCE), _keys(pid, "presence", hs.PRESENCE), 1)
        w.text("类别", e.categories or "—")
        w.text("上次探访", e.last_visit)
        for code in hs.OWN_AREAS:
            w.area(pid, code, 3, 8.5)
        keys = _keys(pid, "flags", vc.RISK_FLAGS) + _keys(pid, "risk", hs.RISK_LEVELS)
        w.boxes(
            "风险", f"{_boxes(vc.RISK_FLAGS)}\n风险等级：{_boxes(hs.RISK_LEVELS)}", keys, 2, 8.5
        )
        w.text("未办结需求", e.open_needs or "无", 2, 8.5)
        w.text("新发现需求", "", 2)
        w.text("跟进事项", "日期：________　事项：", 2)
        sheet.ensure(_BAR_H + w.height())  # an elder's part is never split across pages
        sheet.section_bar(f"三、老人{n}：{e.title}", e.note)
        w.flush()
    sheet.signature_pairs([("社工签名", record.worker, ""), ("老人或家属签名", "", "")])
    sheet.finish()


def household_page_map(subject: str, person_ids: Sequence[str]) -> PageMap:
    """The boxes of the record of ``subject`` printed for the elders ``person_ids`` (in print
    order): the layout run again with placeholders for every text of fixed height."""
    record = HouseholdRecord(
        subject=subject,
        address="",
        phone="",
        elders=tuple(SheetElder(pid, "") for pid in person_ids),
    )
    canvas = RecordingCanvas()
    draw_household_sheet(canvas, record)
    canvas.finish()
    pages = canvas.box_pages(0)
    return PageMap(
        hs.FORM_ID,
        hs.FORM_VERSION,
        tuple(tuple(p) for p in pages),
        layout_fingerprint(pages),
    )
