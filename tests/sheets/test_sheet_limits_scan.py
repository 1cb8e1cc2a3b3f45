"""The byte-level limit scan of an .xlsx agrees with the expat scan, or hands over to it."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Border, Side

from afc_desktop.sheets import limits


def _same_as_expat(path: Path, sheet: str) -> limits.UsedRange | None:
    """The scan's answer, checked against the expat scan; the byte scan must have given it."""
    fast = limits.scan_xlsx(path, sheet)
    slow = limits.scan_xlsx(path, sheet, plain=False)
    assert fast == slow
    with zipfile.ZipFile(path) as zf:
        part = limits._xlsx_sheet_part(zf, sheet)
        assert part is not None
        with zf.open(part) as fh:
            assert limits._scan_plain_xlsx(fh) == fast  # not handed over to expat
    return fast


def test_an_ordinary_ledger_with_formulas_and_styled_empty_cells(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["姑苏区某社区台账"])
    ws.append(["序号", "姓名", "出生日期", "年龄", "备注"])
    for i in range(300):
        ws.append([i + 1, f"王{i}", date(1940, 1, 1 + i % 28), f"=2026-YEAR(C{i + 3})", None])
    thin = Side(style="thin")
    for row in range(303, 400):  # borders drawn below the table: cells without values
        for col in range(1, 9):
            ws.cell(row, col).border = Border(top=thin, bottom=thin)
    ws["Q2"] = None
    path = tmp_path / "ledger.xlsx"
    wb.save(path)
    used = _same_as_expat(path, "台账")
    assert used is not None and (used.last_row, used.last_col, used.filled) == (302, 5, 1206)


def test_a_shared_strings_workbook_from_another_sheet_order(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    wb.active["A1"] = "见第二页"
    ws = wb.create_sheet("底册")
    for r in range(5, 60):
        ws.cell(r, 3, "独居" if r % 2 else "空巢")
        ws.cell(r, 7, r * 1.5)
    path = tmp_path / "two.xlsx"
    wb.save(path)
    used = _same_as_expat(path, "底册")
    assert used is not None and (used.first_row, used.first_col, used.filled) == (5, 3, 110)


def _sheet_xml(path: Path, body: str) -> None:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{ns}" xmlns:r="{rel}"><sheets><sheet name="底册" sheetId="1" '
            'r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>',
        )
        z.writestr(
            "xl/worksheets/sheet1.xml",
            f'<worksheet xmlns="{ns}" xmlns:x="{ns}"><sheetData>{body}</sheetData></worksheet>',
        )


@pytest.mark.parametrize(
    "body",
    [
        # cells without a reference: positions follow from their order
        '<row r="1"><c><v>1</v></c><c><v>2</v></c></row><row r="9"><c t="s"><v>0</v></c></row>',
        # the reference is not the first attribute
        '<row r="1"><c s="1" r="D1"><v>1</v></c></row><row r="300000"><c s="2" r="A300000">'
        "<v>1</v></c></row>",
        # prefixed elements
        '<row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="IX1"><x:v>2</x:v></x:c></row>',
        # a comment and a formula without a cached value
        '<row r="1"><!-- note --><c r="B1"><v>1</v></c><c r="C1"><f>B1*2</f></c></row>',
    ],
)
def test_unusual_xml_goes_to_the_expat_scan_and_is_judged_the_same(
    tmp_path: Path, body: str
) -> None:
    path = tmp_path / "odd.xlsx"
    _sheet_xml(path, body)
    try:
        fast: object = limits.scan_xlsx(path, "底册")
    except limits.SheetTooLarge as exc:
        fast = exc.message
    try:
        slow: object = limits.scan_xlsx(path, "底册", plain=False)
    except limits.SheetTooLarge as exc:
        slow = exc.message
    assert fast == slow


def test_a_stray_value_past_a_chunk_boundary_is_still_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "_SCAN_CHUNK", 64)  # many cuts through the XML
    rows = "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>王{r}</t></is></c>'
        f'<c r="B{r}" s="1"/><c r="C{r}"><f>A{r}</f><v>{r}</v></c></row>'
        for r in range(1, 200)
    )
    path = tmp_path / "stray.xlsx"
    _sheet_xml(path, rows + '<row r="150000"><c r="Z150000"><v>1</v></c></row>')
    with pytest.raises(limits.SheetTooLarge, match="远大于实际填写"):
        limits.scan_xlsx(path, "底册")
    _sheet_xml(path, rows)
    used = _same_as_expat(path, "底册")
    assert used is not None and (used.last_row, used.last_col, used.filled) == (199, 3, 398)
