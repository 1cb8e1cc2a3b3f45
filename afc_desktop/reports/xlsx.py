"""The pilot report as an Excel workbook (openpyxl), for offices that edit and forward Excel.

Three sheets, each set up to print on A4:

- ``报告``: title, information block and the key indicators against the targets;
- ``统计表``: tables 1–6 one under another (numbers stay numbers, so they can be summed);
- ``文字部分``: the narrative skeleton — heading, facts, prompts and an empty column to write in.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from .pilot_report import PilotReport

THIN = Side(style="thin", color="404040")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD = PatternFill("solid", fgColor="E6E6E6")
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
TITLE_FONT = Font(size=16, bold=True)
BOLD = Font(bold=True)
GREY = Font(color="666666", size=9)


def _a4(ws: Worksheet, landscape: bool = False) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = "第 &P 页 / 共 &N 页"


def _row(ws: Worksheet, r: int, values: list[object], *, head: bool = False) -> None:
    for c, value in enumerate(values, start=1):
        cell = ws.cell(row=r, column=c, value=value)
        cell.border = BOX
        cell.alignment = CENTER if head or not isinstance(value, str) or c > 1 else WRAP
        if head:
            cell.fill = HEAD
            cell.font = BOLD


def _summary(ws: Worksheet, report: PilotReport) -> None:
    ws.title = "报告"
    ws.merge_cells("A1:D1")
    ws["A1"] = report.title
    ws["A1"].font = TITLE_FONT
    ws["A1"].alignment = CENTER
    ws.row_dimensions[1].height = 30
    ws.merge_cells("A2:D2")
    ws["A2"] = f"（{report.period.label()}）"
    ws["A2"].alignment = CENTER
    r = 4
    for label, value in report.info:
        _row(ws, r, [label, value])
        ws.cell(row=r, column=1).fill = HEAD
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=4)
        r += 1
    r += 1
    ws.cell(row=r, column=1, value="主要指标完成情况").font = BOLD
    r += 1
    _row(ws, r, ["主要指标", "本期完成", "目标", "完成情况"], head=True)
    for ind in report.indicators:
        r += 1
        _row(ws, r, [ind.name, ind.value, ind.target, ind.status])
    for note in report.notes:
        r += 2
        ws.cell(row=r, column=1, value="注：" + note).font = GREY
    for col, width in zip("ABCD", (36, 22, 24, 12), strict=True):
        ws.column_dimensions[col].width = width
    _a4(ws)


def _tables(ws: Worksheet, report: PilotReport) -> None:
    r = 1
    widest = 2
    for table in report.tables:
        ws.cell(row=r, column=1, value=table.title).font = BOLD
        r += 1
        _row(ws, r, list(table.columns), head=True)
        for row in table.rows:
            r += 1
            _row(ws, r, list(row))
        if table.note:
            r += 1
            ws.cell(row=r, column=1, value="注：" + table.note).font = GREY
        widest = max(widest, len(table.columns))
        r += 2
    ws.column_dimensions["A"].width = 34
    for c in range(2, widest + 1):
        ws.column_dimensions[chr(ord("A") + c - 1)].width = 14
    _a4(ws, landscape=widest > 4)


def _narrative(ws: Worksheet, report: PilotReport) -> None:
    _row(ws, 1, ["章节", "已知情况（系统生成）", "填写提示", "填写内容"], head=True)
    r = 1
    for section in report.sections:
        r += 1
        _row(
            ws,
            r,
            [section.heading, "\n".join(section.facts), "\n".join(section.prompts), ""],
        )
        for c in range(1, 5):
            ws.cell(row=r, column=c).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[r].height = max(
            60, 15 * (1 + len(section.prompts)) + 15 * len(section.facts)
        )
    for col, width in zip("ABCD", (26, 40, 40, 60), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    _a4(ws, landscape=True)


def write_xlsx(report: PilotReport, out: Path | str) -> Path:
    """Write ``report`` to the workbook ``out`` (folders are created); returns its path."""
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    _summary(wb.active, report)
    _tables(wb.create_sheet("统计表"), report)
    _narrative(wb.create_sheet("文字部分"), report)
    wb.properties.title = report.title
    wb.properties.creator = "AFC Desktop"
    wb.save(path)
    return path
