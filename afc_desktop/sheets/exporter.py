"""Writing spreadsheets with openpyxl: tables, the blank import template, error reports.

Every file is readable as opened: bold frozen header, column widths, dates as real dates shown
``yyyy-mm-dd``, ID numbers and phone numbers as text (never numbers, so Excel cannot round them).
Large tables are streamed (openpyxl write-only mode), so memory does not grow with the row count.

The import template (导入模板) is a format that leaves the machine: it is versioned
(:data:`TEMPLATE_VERSION`) and described, with its change log, in docs/excel-import.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from afc_desktop.domain.people import EXPLICIT_CATEGORIES, LIVING_ARRANGEMENTS

from ..outfiles import check_output_file, write_failure

TEMPLATE_VERSION = 1
DATE_FORMAT = "yyyy-mm-dd"
TEXT_FORMAT = "@"
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_TITLE_FONT = Font(bold=True, size=14)
_WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class Column:
    """An exported column: header title, value kind and width in characters.

    Kinds: ``text`` (written as text), ``id`` (text, e.g. ID and phone numbers), ``date``
    (a real date shown yyyy-mm-dd), ``number`` (left as a number).
    """

    title: str
    kind: str = "text"
    width: float = 12.0


#: Register columns by key, titled so that an exported register imports again unchanged.
REGISTER_COLUMNS: dict[str, Column] = {
    "name": Column("姓名", "text", 10),
    "sex": Column("性别", "text", 6),
    "id_number": Column("身份证号", "id", 21),
    "birth_date": Column("出生日期", "date", 12),
    "age": Column("年龄", "number", 6),
    "phone": Column("联系电话", "id", 15),
    "address": Column("现住址", "text", 30),
    "categories": Column("人员类别", "text", 20),
    "living_arrangement": Column("居住情况", "text", 14),
    "ability_grade": Column("能力等级", "text", 10),
    "ability_assessed_on": Column("评估日期", "date", 12),
    "emergency_contact": Column("紧急联系人", "text", 10),
    "emergency_phone": Column("紧急联系人电话", "id", 15),
    "notes": Column("备注", "text", 30),
}

#: A register export's columns by default: all of them, in this order.
REGISTER_KEYS: tuple[str, ...] = tuple(REGISTER_COLUMNS)

#: The import template's columns, in order (the register's but 年龄, which is computed).
TEMPLATE_KEYS: tuple[str, ...] = tuple(k for k in REGISTER_KEYS if k != "age")


def _cell(ws: Any, value: Any, kind: str) -> Any:
    if value is None or value == "":
        return None
    cell = WriteOnlyCell(ws)
    if kind == "date" and isinstance(value, date):
        cell.value = value.date() if isinstance(value, datetime) else value
        cell.number_format = DATE_FORMAT
    elif kind == "id":
        cell.value = str(value)
        cell.number_format = TEXT_FORMAT
    elif kind == "number" and isinstance(value, (int, float)):
        cell.value = value
    elif isinstance(value, (date, datetime)):
        cell.value = value
        cell.number_format = DATE_FORMAT
    else:
        cell.value = str(value) if not isinstance(value, (int, float, bool)) else value
    return cell


def _header_cells(ws: Any, titles: Sequence[str]) -> list[Any]:
    out = []
    for title in titles:
        cell = WriteOnlyCell(ws, value=title)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        out.append(cell)
    return out


def write_table(
    path: str | Path,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    *,
    sheet: str = "数据",
    title: str | None = None,
) -> int:
    """Stream rows (one value per column) into a new .xlsx file; returns the rows written.

    With ``title`` a bold title line goes above the header. The header row is frozen.
    """
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    header_row = 2 if title else 1
    ws.freeze_panes = f"A{header_row + 1}"
    for i, col in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
    if title:
        cell = WriteOnlyCell(ws, value=title)
        cell.font = _TITLE_FONT
        ws.append([cell])
    ws.append(_header_cells(ws, [c.title for c in columns]))
    count = 0
    for row in rows:
        ws.append([_cell(ws, v, c.kind) for v, c in zip(row, columns, strict=False)])
        count += 1
    _save(wb, path)
    return count


def _save(wb: Workbook, path: str | Path) -> None:
    target = check_output_file(path)
    tmp = target.with_name(target.name + ".part")
    try:
        wb.save(str(tmp))
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise write_failure(target, exc) from None


def write_error_report(
    path: str | Path,
    labels: Sequence[str],
    rows: Iterable[tuple[int, Sequence[Any], str]],
) -> int:
    """Error report (错误报告): 原行号, the original columns as read, and 错误原因.

    ``labels`` holds the header label of each original column (index 0 = column A);
    ``rows`` yields (Excel row number, original cells, reason). Fix the rows in the report and
    import it again: 原行号 and 错误原因 are recognised and not imported.
    """
    columns = [Column("原行号", "number", 8)]
    columns += [
        Column(label or get_column_letter(i + 1), "raw", 14) for i, label in enumerate(labels)
    ]
    columns.append(Column("错误原因", "text", 50))

    def _rows() -> Iterable[list[Any]]:
        for number, cells, reason in rows:
            values = list(cells[: len(labels)]) + [None] * (len(labels) - len(cells))
            yield [number, *values, reason]

    return write_table(path, columns, _rows(), sheet="错误报告")


def write_template(path: str | Path, *, rows: int = 1000) -> None:
    """A blank import template: the 导入模板 sheet with drop-downs, 填写说明 and a hidden 选项.

    Coded columns (性别, 人员类别, 居住情况) get drop-down lists; 人员类别 accepts several values
    separated by 、 so its list only warns. ID and phone columns are text, date columns dates.
    """
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)
    ws.title = "导入模板"
    options = wb.create_sheet("选项")
    lists = {
        "sex": ["男", "女"],
        "categories": [c.label for c in EXPLICIT_CATEGORIES],
        "living_arrangement": [label for _code, label in LIVING_ARRANGEMENTS],
    }
    for col, (key, values) in enumerate(lists.items(), start=1):
        options.cell(1, col, REGISTER_COLUMNS[key].title).font = _HEADER_FONT
        for r, value in enumerate(values, start=2):
            options.cell(r, col, value)
    options.sheet_state = "hidden"
    list_cols = {key: get_column_letter(i) for i, key in enumerate(lists, start=1)}
    last = rows + 1
    for i, key in enumerate(TEMPLATE_KEYS, start=1):
        column = REGISTER_COLUMNS[key]
        letter = get_column_letter(i)
        cell = ws.cell(1, i, column.title + ("*" if key == "name" else ""))
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        ws.column_dimensions[letter].width = column.width
        for r in range(2, last + 1):
            if column.kind == "id":
                ws.cell(r, i).number_format = TEXT_FORMAT
            elif column.kind == "date":
                ws.cell(r, i).number_format = DATE_FORMAT
        if key in lists:
            n = len(lists[key])
            src = list_cols[key]
            dv = DataValidation(
                type="list",
                formula1=f"=选项!${src}$2:${src}${n + 1}",
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="warning" if key == "categories" else "stop",
                errorTitle="请从下拉列表中选择",
                error=("可填多个类别，用“、”隔开" if key == "categories" else "请从下拉列表中选择"),
            )
            ws.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}{last}")
    ws.freeze_panes = "A2"
    _write_instructions(wb.create_sheet("填写说明", 1))
    _save(wb, path)


_INSTRUCTIONS: tuple[tuple[str, str, str], ...] = (
    ("姓名", "必填", "老人的姓名"),
    ("性别", "选填", "男 或 女；填了身份证号时可不填"),
    ("身份证号", "必填", "18位，以文本格式填写（本模板已设为文本）；没有时至少填出生日期"),
    ("出生日期", "选填", "如 1942-03-05 或 1942年3月5日；填了身份证号时可不填"),
    ("联系电话", "选填", "手机11位，或固定电话如 0512-65123456"),
    ("现住址", "选填", "小区/楼栋/单元/室 或 自然村/组/门牌"),
    (
        "人员类别",
        "选填",
        "独居、空巢、留守、失能、失智、重残、低保、特困等，多个用“、”隔开；高龄由出生日期自动计算",
    ),
    ("居住情况", "选填", "从下拉列表中选择"),
    ("能力等级", "选填", "老年人能力评估等级，如 能力完好、轻度失能"),
    ("评估日期", "选填", "能力评估的日期"),
    ("紧急联系人", "选填", "姓名"),
    ("紧急联系人电话", "选填", "手机或固定电话"),
    ("备注", "选填", ""),
)


def _write_instructions(ws: Worksheet) -> None:
    ws.cell(1, 1, f"养老服务基础底册导入模板（模板版本 {TEMPLATE_VERSION}）").font = _TITLE_FONT
    ws.cell(
        2,
        1,
        "在“导入模板”工作表中每行填一位老人，不要改动第一行的列名；空行和表格下方的备注会被忽略。",
    )
    ws.cell(4, 1, "列名").font = _HEADER_FONT
    ws.cell(4, 2, "是否必填").font = _HEADER_FONT
    ws.cell(4, 3, "填写要求").font = _HEADER_FONT
    for r, (name, required, rule) in enumerate(_INSTRUCTIONS, start=5):
        ws.cell(r, 1, name)
        ws.cell(r, 2, required)
        ws.cell(r, 3, rule).alignment = _WRAP
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 10
    ws.column_dimensions["C"].width = 70
