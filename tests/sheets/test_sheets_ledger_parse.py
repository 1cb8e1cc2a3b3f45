"""Reading real-looking ledgers: header under titles, two-row merged header, every cell quirk."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from afc_desktop.domain.idcard import check_digit
from afc_desktop.sheets.header import HeaderNotFound, find_header
from afc_desktop.sheets.mapping import (
    ColumnMapping,
    MappingError,
    load_mapping,
    save_mapping,
    suggest_mapping,
)
from afc_desktop.sheets.reader import SheetReader, SheetReadError, list_sheets
from afc_desktop.sheets.rows import RowParser

TODAY = date(2024, 7, 1)


def make_id(birth: str, seq: str, area: str = "320508") -> str:
    first = area + birth + seq
    return first + check_digit(first)


ID_A = make_id("19420305", "011")  # same numbers as conftest's messy ledger
ID_B = make_id("19380712", "022")
ID_D = make_id("19501120", "044")


def _parse(path: Path):
    with SheetReader(path) as reader:
        rows = list(reader.rows())
        header = find_header(rows, reader.merged_ranges)
    mapping = suggest_mapping(header)
    parser = RowParser(header, mapping, today=TODAY)
    return header, mapping, {r.number: r for r in parser.parse(rows)}, parser


@pytest.mark.parametrize("fixture", ["messy_xlsx", "messy_xls"])
def test_two_row_header_under_title_is_found_and_mapped(fixture, request):
    path = request.getfixturevalue(fixture)
    header, mapping, _rows, _parser = _parse(path)
    assert (header.first_row, header.last_row) == (4, 5)
    assert header.data_start == 6
    by_field = {k: c for c, k in mapping.fields.items()}
    # 姓名 is column B; the group's 姓名 and 电话 belong to the emergency contact, not the elder
    assert by_field["name"] == 1
    assert by_field["id_number"] == 3
    assert by_field["phone"] == 5
    assert by_field["emergency_contact"] == 8
    assert by_field["emergency_phone"] == 9
    assert by_field["categories"] == 7
    assert mapping.problems() == []
    labels = {c.index: c.label for c in header.columns}
    assert labels[9] == "紧急联系人/电话"


@pytest.mark.parametrize("fixture", ["messy_xlsx", "messy_xls"])
def test_every_quirk_is_coerced_or_reported(fixture, request):
    path = request.getfixturevalue(fixture)
    _header, _mapping, rows, parser = _parse(path)

    wang = rows[6]
    assert wang.ok, wang.errors
    assert wang.values["name"] == "王小明"  # spaces inside a Chinese name removed
    assert wang.values["id_number"] == ID_A
    assert wang.values["birth_date"] == date(1942, 3, 5)
    assert wang.values["sex"] == "M"
    assert wang.values["categories"] == ["alone", "dibao"]
    assert wang.values["emergency_contact"] == "王大"
    assert wang.values["emergency_phone"] == "13900000001"

    li = rows[7]
    assert li.ok, li.errors
    assert li.values["birth_date"] == date(1938, 7, 12)  # 1938.7.12
    assert li.values["phone"] == "0512-65123456"  # full-width digits and dash
    assert li.values["categories"] == ["empty_nest", "disabled"]  # 空巢/失能

    zhang = rows[8]  # ID stored as a number: damaged, never guessed
    assert [e.column for e in zhang.errors] == ["D列“身份证号”"]
    assert "丢失" in zhang.errors[0].reason
    assert "id_number" not in zhang.values

    zhao = rows[9]  # 3.20508E+17 typed as text
    assert "科学计数法" in zhao.errors[0].reason

    qian = rows[11]  # full-width ID, Excel serial date, 高龄 dropped (computed)
    assert qian.ok, qian.errors
    assert qian.values["id_number"] == ID_D
    assert qian.values["birth_date"] == date(1950, 11, 20)
    assert qian.values["categories"] == ["alone"]

    sun = rows[12]  # trailing 000
    assert "000" in sun.errors[0].reason

    zhou = rows[13]
    assert [e.reason for e in zhou.errors] == ["性别“女”与身份证号不符"]

    wu = rows[14]
    reasons = " ".join(e.reason for e in wu.errors)
    assert "缺少日" in reasons

    zheng = rows[15]
    assert zheng.errors[0].reason == "未知的人员类别：孤寡"

    nameless = rows[16]
    assert nameless.errors[0].reason == "缺少姓名"
    assert nameless.values["id_number"] == ID_B

    # the blank row 10, the trailing blank row, the note and the signature footer are not rows
    assert sorted(rows) == [6, 7, 8, 9, 11, 12, 13, 14, 15, 16]
    assert (parser.stats.notes, parser.stats.footers) == (1, 1)


def test_list_sheets_and_missing_sheet(messy_xlsx):
    assert list_sheets(messy_xlsx) == ["台账", "说明"]
    with pytest.raises(SheetReadError, match="没有名为“底册”的工作表"):
        SheetReader(messy_xlsx, "底册")


def test_unreadable_files_get_plain_messages(tmp_path):
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"not a zip file")
    with pytest.raises(SheetReadError, match="无法读取"):
        SheetReader(bad)
    with pytest.raises(SheetReadError, match="不支持的文件类型"):
        SheetReader(tmp_path / "x.csv")
    with pytest.raises(SheetReadError, match="找不到文件"):
        SheetReader(tmp_path / "none.xlsx")


def test_columns_start_right_of_a_and_rows_are_numbered_as_excel(write_xlsx, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["C3"] = "姓名"
    ws["D3"] = "身份证号"
    ws["C4"] = "王小明"
    ws["D4"] = ID_A
    path = tmp_path / "offset.xlsx"
    wb.save(path)
    header, mapping, rows, _ = _parse(path)
    assert header.first_row == 3
    assert mapping.fields == {2: "name", 3: "id_number"}
    assert rows[4].values["id_number"] == ID_A


def test_single_row_header_with_remarks_and_synonyms(write_xlsx):
    path = write_xlsx(
        [
            ["老人姓名", "公民身份号码（18位）", "手机", "居住地址", "类别", "年龄", "独居"],
            ["王小明", ID_A, 13812345678, "1幢", "低保", 82, "√"],
        ]
    )
    header, mapping, rows, _ = _parse(path)
    assert header.first_row == 1
    assert mapping.fields == {
        0: "name",
        1: "id_number",
        2: "phone",
        3: "address",
        4: "categories",
        5: "ignore",
        6: "cat:alone",
    }
    assert rows[2].values["phone"] == "13812345678"
    assert rows[2].values["categories"] == ["dibao", "alone"]


def test_repeated_header_rows_inside_the_data_are_skipped(write_xlsx):
    path = write_xlsx(
        [
            ["姓名", "身份证号"],
            ["王小明", ID_A],
            ["姓名", "身份证号"],
            ["李秀英", ID_B],
        ]
    )
    _h, _m, rows, parser = _parse(path)
    assert sorted(rows) == [2, 4]
    assert parser.stats.repeated_headers == 1


def test_a_row_without_name_and_id_followed_by_data_is_an_error(write_xlsx):
    path = write_xlsx(
        [
            ["姓名", "身份证号", "联系电话", "现住址"],
            [None, None, "13812345678", "1幢"],
            ["王小明", ID_A, None, None],
        ]
    )
    _h, _m, rows, _ = _parse(path)
    assert rows[2].errors[0].reason == "缺少姓名"


def test_no_header_is_a_clear_error(write_xlsx):
    path = write_xlsx([[1, 2, 3], [4, 5, 6]])
    with SheetReader(path) as reader, pytest.raises(HeaderNotFound, match="找不到表头行"):
        find_header(list(reader.rows()), reader.merged_ranges)


def test_saved_mapping_applies_by_header_label(messy_xlsx, tmp_path, write_xlsx):
    header, mapping, _rows, _ = _parse(messy_xlsx)
    edited = ColumnMapping(dict(mapping.fields))
    edited.fields[10] = "ignore"  # the user decides 备注 is not to be imported
    saved = tmp_path / "列对应.json"
    save_mapping(saved, edited, header)
    again = load_mapping(saved, header)
    assert again.fields == edited.fields
    assert again.source == "列对应.json"

    other = write_xlsx([["姓名", "身份证号"], ["王小明", ID_A]], name="other.xlsx")
    with SheetReader(other) as reader:
        other_header = find_header(list(reader.rows()), reader.merged_ranges)
    with pytest.raises(MappingError, match="找不到列对应文件所列的列"):
        load_mapping(saved, other_header)


def test_mapping_problems_name_what_is_missing():
    assert "必须指定“姓名”所在的列" in ColumnMapping({0: "id_number"}).problems()
    assert any("多列" in p for p in ColumnMapping({0: "name", 1: "name"}).problems())


def test_ods_ledger_from_libreoffice_or_wps(write_ods):
    path = write_ods(
        [
            ["某社区老年人台账"],
            ["序号", "姓名", "证件号码", "手机", "出生日期"],
            [1, "王小明", ID_A, 13812345678, "1942.3.5"],
            [2, "李秀英", float(ID_B[:17] + "1"), None, None],
            [None],
            ["注：数据截至6月"],
        ]
    )
    header, mapping, rows, parser = _parse(path)
    assert header.first_row == 2
    assert mapping.fields == {0: "ignore", 1: "name", 2: "id_number", 3: "phone", 4: "birth_date"}
    assert rows[3].ok and rows[3].values["phone"] == "13812345678"
    assert "丢失" in rows[4].errors[0].reason
    assert sorted(rows) == [3, 4] and parser.stats.notes == 1
