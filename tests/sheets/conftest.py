"""Builders for the messy ledgers the sheet tests read (made here with openpyxl and xlwt)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from afc_desktop.domain.idcard import check_digit


def make_id(birth: str, seq: str = "001", area: str = "320508") -> str:
    """A valid 18-digit ID number for a birth date YYYYMMDD and a 3-digit sequence."""
    first = area + birth + seq
    return first + check_digit(first)


ID_A = make_id("19420305", "011")  # male (odd sequence)
ID_B = make_id("19380712", "022")  # female
ID_D = make_id("19501120", "044")

# Title, a 填报 line, a blank row, then a two-row header: 紧急联系人 merged over 姓名 | 电话,
# every other column merged vertically over both header rows.
TITLE = "姑苏区某社区特殊困难老年人台账（2024年）"
GROUP_TOP = ["序号", "姓名", "性别", "身份证号", "出生日期", "联系电话", "现住址", "特殊困难类型",
             "紧急联系人", None, "备注"]  # fmt: skip
GROUP_SUB = [None, None, None, None, None, None, None, None, "姓名", "电话", None]
MERGES_XLSX = ["A1:K1", "I4:J4"] + [f"{c}4:{c}5" for c in "ABCDEFGHK"]


def messy_rows() -> list[list[Any]]:
    """Data rows (from Excel row 6) covering the quirks of hand-made ledgers."""
    return [
        [1, "王 小 明", "男", ID_A, date(1942, 3, 5), "13812345678", "平江新村1幢2单元301室", "独居、低保", "王大", "13900000001", ""],
        [2, "李秀英", "女", ID_B, "1938.7.12", "０５１２－６５１２３４５６", "沧浪新村3-201", "空巢/失能", "", "", "女儿在外地"],
        [3, "张三", "男", float("320508194501010331"), "1945/01/01", 13812345679.0, "", "", "", "", ""],
        [4, "赵四", "男", "3.20508E+17", "1950年11月20日", "", "", "", "", "", ""],
        [None, None, None, None, None, None, None, None, None, None, None],
        [5, "钱五", "女", "３２０５０８" + ID_D[6:], 18587.0, "", "", "高龄 独居", "", "", ""],
        [6, "孙六", "女", ID_A[:15] + "000", "", "", "", "", "", "", ""],
        [7, "周七", "女", ID_A, "", "", "", "", "", "", "性别写错"],
        [8, "吴八", "", "", "1942.3", "", "", "", "", "", ""],
        [9, "郑九", "", "", "1940-02-03", "", "", "独居，孤寡", "", "", ""],
        [10, "", "", ID_B, "", "", "", "", "", "", ""],
        [None] * 11,
        ["注：本表数据截至2024年6月30日"],
        ["填表人：张三", None, None, None, "审核人：李四"],
    ]  # fmt: skip


@pytest.fixture
def messy_xlsx(tmp_path: Path) -> Path:
    """The messy ledger as .xlsx (title, merged two-row header, every quirk)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append([TITLE])
    ws.append(
        ["填报单位：平江街道某社区", None, None, None, None, None, None, "填报日期：2024-07-01"]
    )
    ws.append([])
    ws.append(GROUP_TOP)
    ws.append(GROUP_SUB)
    for row in messy_rows():
        ws.append(row)
    for rng in MERGES_XLSX:
        ws.merge_cells(rng)
    wb.create_sheet("说明").append(["这是说明页"])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    return path


@pytest.fixture
def messy_xls(tmp_path: Path) -> Path:
    """The same messy ledger as a legacy .xls written by xlwt."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("台账")
    date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    ws.write_merge(0, 0, 0, 10, TITLE)
    ws.write(1, 0, "填报单位：平江街道某社区")
    for c, text in enumerate(GROUP_TOP):
        if c in (8, 9):
            continue
        ws.write_merge(3, 4, c, c, text)
    ws.write_merge(3, 3, 8, 9, "紧急联系人")
    ws.write(4, 8, "姓名")
    ws.write(4, 9, "电话")
    for r, row in enumerate(messy_rows(), start=5):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, date):
                ws.write(r, c, value, date_style)
            else:
                ws.write(r, c, value)
    path = tmp_path / "台账.xls"
    wb.save(str(path))
    return path


@pytest.fixture
def write_xlsx(tmp_path: Path) -> Callable[..., Path]:
    """Write rows into a plain .xlsx: write_xlsx(rows, name="t.xlsx", merges=())."""

    def _write(rows: Sequence[Sequence[Any]], name: str = "t.xlsx", merges: Sequence[str] = ()):
        wb = openpyxl.Workbook()
        ws = wb.active
        for row in rows:
            ws.append(list(row))
        for rng in merges:
            ws.merge_cells(rng)
        path = tmp_path / name
        wb.save(path)
        return path

    return _write


@pytest.fixture
def write_ods(tmp_path: Path) -> Callable[..., Path]:
    """Write rows into a minimal OpenDocument spreadsheet (.ods), as LibreOffice/WPS save it."""
    import zipfile
    from xml.sax.saxutils import escape

    def cell(v: Any) -> str:
        if v is None or v == "":
            return "<table:table-cell/>"
        if isinstance(v, (int, float)):
            return (
                f'<table:table-cell office:value-type="float" office:value="{v!r}">'
                f"<text:p>{v}</text:p></table:table-cell>"
            )
        return (
            '<table:table-cell office:value-type="string">'
            f"<text:p>{escape(str(v))}</text:p></table:table-cell>"
        )

    def _write(rows: Sequence[Sequence[Any]], name: str = "t.ods", sheet: str = "台账") -> Path:
        body = "".join(
            "<table:table-row>" + "".join(cell(v) for v in r) + "</table:table-row>" for r in rows
        )
        content = (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
            f'<office:body><office:spreadsheet><table:table table:name="{sheet}">{body}'
            "</table:table></office:spreadsheet></office:body></office:document-content>"
        )
        manifest = (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
            'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>"
        )
        path = tmp_path / name
        with zipfile.ZipFile(path, "w") as z:
            z.writestr(
                zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
            )
            z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
            z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        return path

    return _write
