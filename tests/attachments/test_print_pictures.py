"""Photos print with their record: before and after on the 适老化改造 record, on the visit record."""

from __future__ import annotations

import io
from datetime import date

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from afc_desktop.printing.recorder import record
from afc_desktop.printing.report import draw_assessment, write_assessment_pdf
from afc_desktop.printing.visit_record import write_visit_record_pdf
from afc_desktop.services import assessments as svc
from afc_desktop.services import attachments as att
from afc_desktop.services import visits
from afc_desktop.services.visits import VisitInput


def picture(colour: tuple[int, int, int], text: str, size=(1600, 1200)) -> bytes:  # noqa: ANN001
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((200, 200, size[0] - 200, size[1] - 200), outline=(255, 255, 255), width=30)
    draw.text((300, 300), text, fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def _image_count(pdf_bytes: bytes) -> int:
    doc = pdfium.PdfDocument(pdf_bytes)
    try:
        return sum(
            1
            for page in doc
            for obj in page.get_objects()
            if obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE
        )
    finally:
        doc.close()


def test_before_and_after_print_on_the_modification_record(ctx, elder, tmp_path):
    draft = svc.save_draft(ctx, svc.AssessmentInput(elder, "home-modification-2020", {}))
    after = att.add_attachment(ctx, "assessment", draft.id, picture((30, 120, 30), "after"),
                               role="after", caption="扶手已装")  # fmt: skip
    before = att.add_attachment(ctx, "assessment", draft.id, picture((150, 30, 30), "before"),
                                role="before", caption="卫生间无扶手")  # fmt: skip
    att.add_attachment(ctx, "assessment", draft.id, picture((0, 0, 0), "scan"), role="scan")
    form, rec = svc.load_for_printing(ctx, draft.id)
    assert [p.caption for p in rec.pictures] == ["改造前：卫生间无扶手", "改造后：扶手已装"]
    assert (rec.pictures[0].width, rec.pictures[1].width) == (before.width, after.width)
    out = write_assessment_pdf(form, rec, tmp_path / "modification.pdf")
    assert _image_count(out.read_bytes()) == 2  # the scan is not printed again
    text = "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(str(out)))
    assert "改造前：卫生间无扶手" in text and "共 2 张" in text
    # the Qt print preview gets the same pictures
    pages = record(lambda c: draw_assessment(c, form, rec))
    assert sum(op[0] == "image" for page in pages for op in page) == 2


def test_a_pending_picture_prints_as_a_box_saying_so(ctx, elder, tmp_path):
    view = visits.record_visit(ctx, VisitInput(elder, date(2026, 11, 27), notes="老人精神好"))
    shown = att.add_attachment(ctx, "visit", view.id, picture((40, 40, 160), "visit"))
    pending = att.add_attachment(ctx, "visit", view.id, picture((90, 90, 90), "gone"),
                                 caption="门口")  # fmt: skip
    att.blob_store(ctx).path(pending.sha256).unlink()
    form, rec = svc.printable_visit(ctx, view.id)
    assert [p.data is not None for p in rec.pictures] == [True, False]
    out = write_visit_record_pdf(form, rec, tmp_path / "visit.pdf")
    data = out.read_bytes()
    assert _image_count(data) == 1
    text = "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(data))
    assert "照片尚未同步到本机" in text and "照片：门口" in text
    assert shown.sha256 != pending.sha256


def test_the_person_sheet_prints_every_photo_of_the_person(ctx, elder, tmp_path):
    from afc_desktop.printing.person_sheet import draw_person_sheet, write_person_sheet_pdf

    att.add_attachment(ctx, "person", elder, picture((40, 40, 160), "face"), caption="本人")
    view = visits.record_visit(ctx, VisitInput(elder, date(2026, 11, 27), notes="老人精神好"))
    att.add_attachment(ctx, "visit", view.id, picture((30, 120, 30), "door"), caption="门口")
    att.add_attachment(ctx, "visit", view.id, picture((0, 0, 0), "scan"), role="scan")
    sheet = svc.printable_person(ctx, elder)
    assert [p.caption for p in sheet.pictures] == ["照片：本人", "照片：门口"]
    out = write_person_sheet_pdf(sheet, tmp_path / "person.pdf")
    data = out.read_bytes()
    assert _image_count(data) == 2  # the scan is not printed again
    text = "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(data))
    assert "人员信息表" in text and "张秀英" in text
    assert "共 2 张" in text and "照片：本人" in text and "照片：门口" in text
    pages = record(lambda c: draw_person_sheet(c, sheet))
    assert sum(op[0] == "image" for page in pages for op in page) == 2


def test_a_person_without_photos_prints_a_sheet_saying_so(ctx, elder, tmp_path):
    from afc_desktop.printing.person_sheet import write_person_sheet_pdf

    out = write_person_sheet_pdf(svc.printable_person(ctx, elder), tmp_path / "person.pdf")
    data = out.read_bytes()
    text = "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(data))
    assert _image_count(data) == 0 and "照片：无" in text and "张秀英" in text
