"""The district report to hand up (区级报表): an A4 PDF and an .xlsx, one row per community.

Columns: 社区代码, 社区, 街道, 试点, 登记老年人, 特殊困难, 特殊困难月探访率 (visited/due), 逾期未访,
未办结需求, 微自治项目, 适老化改造户数, 最近报送; a 全区合计 row; a table by street; and the
definition of every figure (``figures.DEFINITIONS``) under the table, so the sheet explains itself
when forwarded. Layout version 1 (see docs/admin-guide.md, 区级报表).
"""

from __future__ import annotations

from pathlib import Path

from afc_desktop.district.figures import CommunityFigures, DistrictReport
from afc_desktop.services.stats import percent

FORMAT_VERSION = 1
HEADERS = (
    "社区代码",
    "社区",
    "街道",
    "试点",
    "登记老年人",
    "特殊困难",
    "特殊困难月探访率",
    "已访/应访",
    "逾期未访",
    "未办结需求",
    "微自治项目",
    "适老化改造户数",
    "最近报送",
)
DEFINED = (
    "elders",
    "special_hardship",
    "special_rate",
    "overdue",
    "open_needs",
    "projects",
    "home_modifications",
    "pilot",
    "last_report",
)


class ReportFileError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def title(report: DistrictReport, district: str = "") -> str:
    return f"{district}老年友好社区月度统计（{report.year}年{report.month}月）"


def _cells(r: CommunityFigures, total: bool = False) -> list[object]:
    return [
        r.code,
        r.display_name,
        r.street,
        "" if total else ("是" if r.pilot else "否"),
        r.elders,
        r.special_hardship,
        percent(r.special_rate),
        f"{r.special_visited}/{r.special_due}",
        r.overdue,
        r.open_needs,
        r.projects,
        r.home_modifications,
        "" if total else (r.last_report.isoformat() if r.last_report else "从未报送"),
    ]


def rows(report: DistrictReport) -> list[list[object]]:
    """The table's body rows and the 全区合计 row."""
    return [_cells(r) for r in report.rows] + [_cells(report.total, total=True)]


def write(report: DistrictReport, out: Path, district: str = "") -> Path:
    suffix = out.suffix.lower()
    if suffix == ".xlsx":
        return write_xlsx(report, out, district)
    if suffix == ".pdf":
        return write_pdf(report, out, district)
    raise ReportFileError(f"报表文件应以 .xlsx 或 .pdf 结尾：{out.name}")


def _period_line(report: DistrictReport) -> str:
    return (
        f"探访率为 {report.year}年{report.month}月；适老化改造为 {report.period.label()}；"
        f"逾期与未办结需求截至 {report.as_of:%Y年%m月%d日}"
    )


def write_xlsx(report: DistrictReport, out: Path, district: str = "") -> Path:
    from openpyxl import Workbook

    from afc_desktop.reports.xlsx import BOLD, GREY, TITLE_FONT, _a4, _row

    out.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "社区"
    _a4(ws, landscape=True)
    ws.cell(row=1, column=1, value=title(report, district)).font = TITLE_FONT
    ws.cell(row=2, column=1, value=_period_line(report)).font = GREY
    _row(ws, 4, list(HEADERS), head=True)
    body = rows(report)
    for i, values in enumerate(body):
        _row(ws, 5 + i, values)
    for c in range(1, len(HEADERS) + 1):
        ws.cell(row=4 + len(body), column=c).font = BOLD
    widths = (14, 22, 14, 6, 10, 10, 14, 10, 10, 10, 10, 12, 12)
    for i, w in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = w
    ws.freeze_panes = "C5"
    r = 6 + len(body)
    ws.cell(row=r, column=1, value="口径说明").font = BOLD
    for key in DEFINED:
        r += 1
        label, text = report.definitions[key]
        ws.cell(row=r, column=1, value=label)
        ws.cell(row=r, column=2, value=text)
    streets = wb.create_sheet("街道")
    _a4(streets)
    _row(streets, 1, ["街道", "社区数", "登记老年人", "特殊困难已访/应访", "月探访率"], head=True)
    for i, st in enumerate(report.by_street):
        _row(
            streets,
            2 + i,
            [
                st.street,
                st.communities,
                st.elders,
                f"{st.special_visited}/{st.special_due}",
                percent(st.special_rate),
            ],
        )
    streets.column_dimensions["A"].width = 22
    streets.column_dimensions["D"].width = 18
    wb.properties.title = title(report, district)
    wb.properties.keywords = f"afc-district-report v{FORMAT_VERSION}"
    wb.save(out)
    return out


def write_pdf(report: DistrictReport, out: Path, district: str = "") -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from afc_desktop.printing.fonts import FontNotFoundError, register_cjk_font
    from afc_desktop.reports.pdf import _esc

    try:
        font = register_cjk_font()
    except FontNotFoundError as exc:
        raise ReportFileError(str(exc)) from exc
    out.parent.mkdir(parents=True, exist_ok=True)
    head = ParagraphStyle("h", fontName=font, fontSize=15, leading=20, alignment=1)
    small = ParagraphStyle("s", fontName=font, fontSize=8, leading=11)
    cell = ParagraphStyle("c", fontName=font, fontSize=7.5, leading=9.5)
    name = title(report, district)
    data: list[list[object]] = [[Paragraph(_esc(h), cell) for h in HEADERS]]
    for values in rows(report):
        data.append([Paragraph(_esc(str(v)), cell) for v in values])
    widths = [22, 34, 24, 9, 17, 16, 22, 18, 16, 17, 17, 20, 22]
    table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.Color(0.25, 0.25, 0.25)),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
                ("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.95, 0.95, 0.95)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    story: list[object] = [
        Paragraph(_esc(name), head),
        Paragraph(_esc(_period_line(report)), small),
        Spacer(0, 4 * mm),
        table,
        Spacer(0, 4 * mm),
        Paragraph("口径说明", small),
    ]
    for key in DEFINED:
        label, text = report.definitions[key]
        story.append(Paragraph(_esc(f"{label}：{text}"), small))
    page = landscape(A4)
    doc = SimpleDocTemplate(
        str(out),
        pagesize=page,
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=18 * mm,
        bottomMargin=16 * mm,
        title=name,
        author="AFC Desktop 区级工作台",
        initialFontName=font,
    )
    doc.build(story, canvasmaker=_page_numbers(font, name, page))  # type: ignore[arg-type]
    return out


def _page_numbers(font: str, name: str, page: tuple[float, float]) -> type:
    """A canvas writing the title on top and "第 N 页 / 共 M 页" at the foot of each page."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    width, height = page

    class Numbered(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            kwargs["initialFontName"] = font
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self._saved: list[dict[str, object]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab API)
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for number, state in enumerate(self._saved, start=1):
                self.__dict__.update(state)
                self.saveState()
                self.setFont(font, 8)
                self.drawString(12 * mm, height - 10 * mm, name)
                self.drawCentredString(width / 2, 8 * mm, f"第 {number} 页 / 共 {total} 页")
                self.restoreState()
                super().showPage()
            super().save()

    return Numbered
