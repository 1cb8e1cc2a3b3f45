"""Writing spreadsheets: readable tables, the blank template with drop-downs, error reports."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl

from afc_desktop.domain.idcard import check_digit
from afc_desktop.sheets.exporter import (
    REGISTER_COLUMNS,
    TEMPLATE_KEYS,
    TEMPLATE_VERSION,
    Column,
    write_error_report,
    write_table,
    write_template,
)
from afc_desktop.sheets.header import find_header
from afc_desktop.sheets.mapping import suggest_mapping
from afc_desktop.sheets.reader import SheetReader
from afc_desktop.sheets.rows import RowParser

FIRST17 = "32050819420305011"
ID = FIRST17 + check_digit(FIRST17)


def test_table_has_frozen_header_widths_text_ids_and_real_dates(tmp_path):
    path = tmp_path / "底册.xlsx"
    cols = [
        Column("姓名", "text", 10),
        Column("身份证号", "id", 21),
        Column("出生日期", "date", 12),
    ]
    n = write_table(path, cols, [["王小明", ID, date(1942, 3, 5)], ["李秀英", None, None]])
    assert n == 2
    ws = openpyxl.load_workbook(path).active
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["B"].width == 21
    assert ws["A1"].font.bold
    assert ws["B2"].value == ID and ws["B2"].data_type == "s"
    assert ws["B2"].number_format == "@"
    assert isinstance(ws["C2"].value, datetime) and ws["C2"].value.date() == date(1942, 3, 5)
    assert ws["C2"].number_format == "yyyy-mm-dd"
    assert ws["B3"].value is None
    assert not list(tmp_path.glob("*.part"))


def test_title_line_goes_above_a_frozen_header(tmp_path):
    path = tmp_path / "t.xlsx"
    write_table(path, [Column("姓名")], [["王小明"]], title="走访清单")
    ws = openpyxl.load_workbook(path).active
    assert ws["A1"].value == "走访清单" and ws["A2"].value == "姓名"
    assert ws.freeze_panes == "A3"


def test_template_has_dropdowns_instructions_and_text_id_column(tmp_path):
    path = tmp_path / "模板.xlsx"
    write_template(path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["导入模板", "填写说明", "选项"]
    assert wb["选项"].sheet_state == "hidden"
    ws = wb["导入模板"]
    titles = [c.value for c in ws[1]]
    assert titles[0] == "姓名*"
    assert titles[1:] == [REGISTER_COLUMNS[k].title for k in TEMPLATE_KEYS[1:]]
    id_letter = openpyxl.utils.get_column_letter(TEMPLATE_KEYS.index("id_number") + 1)
    assert ws[f"{id_letter}2"].number_format == "@"
    validations = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    sex = validations["B2:B1001"]
    assert sex.type == "list" and sex.formula1 == "=选项!$A$2:$A$3"
    assert [wb["选项"].cell(r, 1).value for r in (2, 3)] == ["男", "女"]
    assert any(wb["选项"].cell(1, c).value == "人员类别" for c in range(1, 4))
    assert f"模板版本 {TEMPLATE_VERSION}" in wb["填写说明"]["A1"].value
    # the blank template is recognised by the importer as it is
    with SheetReader(path) as reader:
        header = find_header(list(reader.rows()), reader.merged_ranges)
    mapping = suggest_mapping(header)
    assert sorted(mapping.fields.values()) == sorted(TEMPLATE_KEYS)


def test_error_report_can_be_fixed_and_read_again(tmp_path):
    path = tmp_path / "错误报告.xlsx"
    write_error_report(
        path,
        ["序号", "姓名", "身份证号"],
        [
            (7, [1, "张三", 3.2050819420305e17], "身份证号被Excel存成了数字"),
            (9, [2, "", ID], "缺少姓名"),
        ],
    )
    ws = openpyxl.load_workbook(path).active
    assert [c.value for c in ws[1]] == ["原行号", "序号", "姓名", "身份证号", "错误原因"]
    assert [c.value for c in ws[3]] == [9, 2, None, ID, "缺少姓名"]
    # the worker fixes row 3 and imports the report: 原行号 and 错误原因 are not imported
    ws["C3"] = "李秀英"
    ws["D2"] = ID
    ws.parent.save(path)
    with SheetReader(path) as reader:
        rows = list(reader.rows())
        header = find_header(rows, reader.merged_ranges)
    mapping = suggest_mapping(header)
    assert mapping.fields == {0: "ignore", 1: "ignore", 2: "name", 3: "id_number", 4: "ignore"}
    parsed = list(RowParser(header, mapping).parse(rows))
    assert [p.values["name"] for p in parsed] == ["张三", "李秀英"]
    assert all(p.ok for p in parsed)
