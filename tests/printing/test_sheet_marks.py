"""Printed sheets carry what a scan reader needs: a QR code naming the sheet, corner marks, and
checkboxes where the layout says they are."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image

from afc_desktop.domain.formspec import FormRegistry, load_forms
from afc_desktop.printing import AssessmentDoc, BlankDoc, PersonHeader, write_batch_pdf
from afc_desktop.printing.blank import write_blank_pdf
from afc_desktop.printing.marks import (
    FIDUCIALS,
    KIND_BLANK,
    KIND_RECORD,
    SheetCode,
    parse_payload,
)
from afc_desktop.printing.pagemap import blank_page_map
from afc_desktop.printing.records import AssessmentRecord

FORMS = Path(__file__).resolve().parents[2] / "forms"
PID = "3f2a9c1e-0b7d-4e55-9a0c-1d2e3f4a5b6c"
PERSON = PersonHeader(name="王秀英", sex="F", id_number="320505194001011234", person_id=PID)
DPI = 100


@pytest.fixture(scope="module")
def forms() -> FormRegistry:
    return load_forms(FORMS)


def pages_of(pdf: Path) -> list[Image.Image]:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [
            doc[i].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
            for i in range(len(doc))
        ]
    finally:
        doc.close()


def code_of(image: Image.Image) -> SheetCode:
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert len(found) == 1
    return parse_payload(found[0].text)


def px(image: Image.Image, x: float, y: float) -> tuple[int, int]:
    return round(x * DPI / 72), round(image.height - y * DPI / 72)


def test_payload_round_trip() -> None:
    code = SheetCode("home-modification-2020", 3, f"P{PID}", 2, 4, "K7Q2M9", "AB3C", KIND_BLANK)
    text = code.payload()
    assert text == text.upper() and len(text) <= 90  # fits a version-4 QR code, level M
    assert parse_payload(text) == code
    assert parse_payload(code.payload()).person_id == PID


def test_every_page_names_form_person_page_and_batch(forms: FormRegistry, tmp_path: Path) -> None:
    form = forms.get("gbt42195-2022-ability")
    images = pages_of(write_blank_pdf(form, tmp_path / "blank.pdf", PERSON))
    codes = [code_of(img) for img in images]
    assert [(c.page, c.pages) for c in codes] == [
        (i, len(images)) for i in range(1, len(images) + 1)
    ]
    assert {(c.form_id, c.form_version, c.person_id, c.kind) for c in codes} == {
        (form.id, form.version, PID, KIND_BLANK)
    }
    assert len({c.batch for c in codes}) == 1
    # The reader recomputes the same layout: the fingerprint printed is the one it computes.
    assert codes[0].fingerprint == blank_page_map(form, PERSON).fingerprint
    # ... and a changed register entry (the header wraps differently) gives another one.
    moved = PersonHeader(name="王秀英", address="苏州市" * 30, person_id=PID)
    assert blank_page_map(form, moved).fingerprint != codes[0].fingerprint


def test_batch_documents_keep_their_own_codes(forms: FormRegistry, tmp_path: Path) -> None:
    ability, visit = forms.get("gbt42195-2022-ability"), forms.get("visit-record")
    other = PersonHeader(name="李四", person_id="11111111-2222-3333-4444-555555555555")
    record = AssessmentRecord(ability.id, ability.version, PERSON, answers={})
    docs = [BlankDoc(visit, PERSON), BlankDoc(visit, other), AssessmentDoc(ability, record)]
    result = write_batch_pdf(docs, tmp_path / "batch.pdf")
    codes = [code_of(img) for img in pages_of(result.path)]
    visit_pages = blank_page_map(visit, PERSON).pages
    n = len(visit_pages)
    assert [c.person_id for c in codes[:n]] == [PID] * n
    assert [c.person_id for c in codes[n : 2 * n]] == [other.person_id] * n
    assert [c.page for c in codes[n : 2 * n]] == list(range(1, n + 1))
    assert {c.kind for c in codes[2 * n :]} == {KIND_RECORD}  # a filled report: no boxes to read
    assert len({c.batch for c in codes}) == 1


def test_every_option_has_one_box_drawn_where_the_map_says(
    forms: FormRegistry, tmp_path: Path
) -> None:
    form = forms.get("gbt42195-2022-ability")
    page_map = blank_page_map(form)
    boxes = [b for page in page_map.pages for b in page]
    expected = {
        (i.id, o.value) for i in form.items() if i.type in ("choice", "multi") for o in i.options
    } | {(i.id, v) for i in form.items() if i.type == "bool" for v in (True, False)}
    assert {(b.item, b.value) for b in boxes} == expected
    assert len(boxes) == len(expected)
    images = pages_of(write_blank_pdf(form, tmp_path / "blank.pdf"))
    for number, image in enumerate(images, start=1):
        for box in page_map.page(number):
            cx, cy = px(image, *box.centre)
            half = round(box.side * DPI / 72 / 2)
            assert image.getpixel((cx, cy)) > 200  # an empty square inside
            edges = [(cx - half, cy), (cx + half, cy), (cx, cy - half), (cx, cy + half)]
            assert min(image.getpixel(p) for p in edges) < 160, (box, number)  # its border
        for x, y in FIDUCIALS:  # the four corner marks
            assert image.getpixel(px(image, x, y)) < 60
