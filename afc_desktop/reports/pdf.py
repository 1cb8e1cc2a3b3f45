"""The pilot report as an A4 PDF (reportlab platypus) in an embedded CJK TrueType font.

Layout in the manner of a bureau's submission: a centred title with the stage, an information
block (community, stage, period, who prepared it, seal), the key indicators table, the figure
tables, the narrative sections — facts in the body text, prompts in grey with ruled lines to
write on — and signature lines. Every page has the report title at the top and
"第 N 页 / 共 M 页" at the foot. The font comes from :mod:`afc_desktop.printing.fonts` (never the
CID font STSong-Light, which is not embedded).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from ..printing.fonts import register_cjk_font
from .pilot_report import Cell, PilotReport, ReportSection, ReportTable

PAGE_W, PAGE_H = A4
MARGIN = 20 * mm
CONTENT_W = PAGE_W - 2 * MARGIN
GRID = colors.Color(0.25, 0.25, 0.25)
HEAD_FILL = colors.Color(0.9, 0.9, 0.9)
PROMPT = colors.Color(0.4, 0.4, 0.4)


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "base", fontName=font, bulletFontName=font, fontSize=10.5, leading=16, wordWrap="CJK"
    )
    return {
        "title": ParagraphStyle(
            "title", parent=base, fontSize=18, leading=26, alignment=TA_CENTER, spaceAfter=4
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=11, alignment=TA_CENTER, textColor=PROMPT
        ),
        "h1": ParagraphStyle(
            "h1", parent=base, fontSize=13, leading=20, spaceBefore=10, spaceAfter=4
        ),
        "body": ParagraphStyle("body", parent=base, firstLineIndent=21),
        "prompt": ParagraphStyle(
            "prompt", parent=base, fontSize=9.5, textColor=PROMPT, leftIndent=10
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=13),
        "head": ParagraphStyle("head", parent=base, fontSize=9.5, leading=13, alignment=TA_CENTER),
        "note": ParagraphStyle(
            "note", parent=base, fontSize=8.5, leading=12, textColor=PROMPT, spaceBefore=3
        ),
        "caption": ParagraphStyle(
            "caption", parent=base, fontSize=10.5, spaceBefore=8, spaceAfter=3
        ),
    }


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


class WritingLines(Flowable):
    """Ruled lines to write on by hand."""

    def __init__(self, count: int, gap: float = 8 * mm) -> None:
        super().__init__()
        self.count = count
        self.gap = gap

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width = avail_w
        return avail_w, self.count * self.gap

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(colors.Color(0.7, 0.7, 0.7))
        c.setLineWidth(0.4)
        for i in range(self.count):
            y = (self.count - i - 1) * self.gap + 1
            c.line(0, y, self.width, y)


def _grid_style(header_rows: int = 1) -> TableStyle:
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), register_cjk_font()),  # empty cells too
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_FILL),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
    )


def _table(table: ReportTable, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    ncol = len(table.columns)
    first = 0.34 if ncol <= 3 else 0.2
    widths = [CONTENT_W * first] + [CONTENT_W * (1 - first) / (ncol - 1)] * (ncol - 1)
    if ncol == 2 and table.columns[0] == "序号":
        widths = [CONTENT_W * 0.12, CONTENT_W * 0.88]
    data = [[Paragraph(_esc(c), st["head"]) for c in table.columns]]
    for row in table.rows:
        cells = []
        for i, value in enumerate(row):
            style = (
                st["cell"] if i == 0 or (ncol == 2 and table.columns[0] == "序号") else st["head"]
            )
            cells.append(Paragraph(_esc(_cell(value)), style))
        data.append(cells)
    grid = Table(data, colWidths=widths, repeatRows=1)
    grid.setStyle(_grid_style())
    out: list[Flowable] = [Paragraph(_esc(table.title), st["caption"]), grid]
    if table.note:
        out.append(Paragraph(_esc("注：" + table.note), st["note"]))
    return out


def _section(section: ReportSection, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    head: list[Flowable] = [Paragraph(_esc(section.heading), st["h1"])]
    for fact in section.facts:
        head.append(Paragraph(_esc(fact), st["body"]))
    for prompt in section.prompts:
        head.append(Paragraph(_esc("【请填写】" + prompt), st["prompt"]))
    return [KeepTogether(head), Spacer(0, 2 * mm), WritingLines(section.lines)]


def _info_block(report: PilotReport, st: dict[str, ParagraphStyle]) -> Table:
    rows = list(report.info)
    data = []
    for i in range(0, len(rows), 2):
        pair = rows[i : i + 2]
        line: list[Any] = []
        for label, value in pair:
            line += [Paragraph(_esc(label), st["cell"]), Paragraph(_esc(value), st["cell"])]
        while len(line) < 4:
            line += [""]
        data.append(line)
    w = CONTENT_W
    grid = Table(data, colWidths=[w * 0.17, w * 0.33, w * 0.17, w * 0.33])
    style = _grid_style(0)
    for r in range(len(data)):
        style.add("BACKGROUND", (0, r), (0, r), HEAD_FILL)
        style.add("BACKGROUND", (2, r), (2, r), HEAD_FILL)
    grid.setStyle(style)
    return grid


def _indicators(report: PilotReport, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    data = [[Paragraph(h, st["head"]) for h in ("主要指标", "本期完成", "目标", "完成情况")]]
    for ind in report.indicators:
        data.append(
            [
                Paragraph(_esc(ind.name), st["cell"]),
                Paragraph(_esc(ind.value), st["head"]),
                Paragraph(_esc(ind.target), st["head"]),
                Paragraph(_esc(ind.status), st["head"]),
            ]
        )
    w = CONTENT_W
    grid = Table(data, colWidths=[w * 0.43, w * 0.2, w * 0.22, w * 0.15], repeatRows=1)
    grid.setStyle(_grid_style())
    return [Paragraph("主要指标完成情况", st["caption"]), grid]


def _signatures(report: PilotReport, st: dict[str, ParagraphStyle]) -> Table:
    data = [[Paragraph(_esc(label + "："), st["cell"]), ""] for label in report.signature_lines]
    grid = Table(data, colWidths=[CONTENT_W * 0.3, CONTENT_W * 0.5], rowHeights=12 * mm)
    grid.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), register_cjk_font()),
                ("LINEBELOW", (1, 0), (1, -1), 0.5, GRID),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    return grid


def _numbered_canvas(font: str, title: str) -> type[Canvas]:
    """A canvas that holds pages until save, then writes "第 N 页 / 共 M 页" on each."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # never fall back to the unembedded Helvetica (platypus passes None explicitly)
            kwargs["initialFontName"] = font
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab API)
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for number, state in enumerate(self._saved, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            self.saveState()
            self.setFont(font, 8.5)
            self.setFillColor(PROMPT)
            self.drawString(MARGIN, PAGE_H - 12 * mm, title)
            self.setStrokeColor(PROMPT)
            self.setLineWidth(0.4)
            self.line(MARGIN, PAGE_H - 13.5 * mm, PAGE_W - MARGIN, PAGE_H - 13.5 * mm)
            self.setFont(font, 9)
            self.drawCentredString(PAGE_W / 2, 10 * mm, f"第 {number} 页 / 共 {total} 页")
            self.restoreState()

    return NumberedCanvas


def write_pdf(report: PilotReport, out: Path | str) -> Path:
    """Render ``report`` to the PDF file ``out`` (folders are created); returns its path."""
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    font = register_cjk_font()
    st = _styles(font)
    story: list[Flowable] = [
        Paragraph(_esc(f"{report.community}老年友好社区建设试点"), st["title"]),
        Paragraph(_esc(report.title.split("试点", 1)[-1]), st["title"]),
        Paragraph(_esc(f"（{report.period.label()}）"), st["subtitle"]),
        Spacer(0, 6 * mm),
        _info_block(report, st),
        Spacer(0, 4 * mm),
        *_indicators(report, st),
    ]
    for table in report.tables:
        story += _table(table, st)
    for note in report.notes:
        story.append(Paragraph(_esc("注：" + note), st["note"]))
    # the narrative starts on a page of its own, as the written part of a submission does
    story += [PageBreak(), Paragraph("情况报告", st["title"]), Spacer(0, 2 * mm)]
    for section in report.sections:
        story += _section(section, st)
    story += [Spacer(0, 8 * mm), KeepTogether([_signatures(report, st)])]
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=report.title,
        author="AFC Desktop 老年友好社区工作台",
        creator="AFC Desktop",
        subject=f"{report.stage_label} {report.period.label()}",
        initialFontName=font,
    )
    doc.build(story, canvasmaker=_numbered_canvas(font, report.title))
    return path
