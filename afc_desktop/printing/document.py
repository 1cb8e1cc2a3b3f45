"""Opening PDF files and starting documents in them (shared by report, blank, visit, batch)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from afc_desktop.domain.formspec import FormSpec
from afc_desktop.printing.formsheet import footer_left, running_header
from afc_desktop.printing.layout import PageCanvas, Sheet, SheetCanvas
from afc_desktop.printing.marks import KIND_BLANK, KIND_RECORD
from afc_desktop.printing.records import PersonHeader

from ..clock import process_clock
from ..outfiles import check_output_file


def open_pdf(
    out: Path | str,
    *,
    title: str = "",
    batch: bool = False,
    printed_on: date | None = None,
    batch_id: str | None = None,
) -> PageCanvas:
    """A new A4 PDF canvas writing to ``out`` (a regular file in an existing folder);
    ``batch_id`` names the print batch in every page's QR code (a new random one when not
    given)."""
    path = check_output_file(out)
    canvas = PageCanvas(str(path), batch_numbers=batch, batch_id=batch_id)
    canvas.setTitle(title)
    canvas.setAuthor("AFC Desktop 老年友好社区工作台")
    canvas.setCreator("AFC Desktop")
    canvas.printed_on = printed_on or process_clock().today()  # type: ignore[attr-defined]
    return canvas


def start_document(
    canvas: SheetCanvas, form: FormSpec, person: PersonHeader | None, *, blank: bool = False
) -> Sheet:
    """Begin one document (its own page numbering) and return its sheet. The document's QR
    code names ``form`` and ``person``; a ``blank`` sheet's boxes can be read back."""
    printed_on: date = getattr(canvas, "printed_on", None) or process_clock().today()
    canvas.begin_document(footer_left(form), f"打印日期：{printed_on.isoformat()}")
    identify = getattr(canvas, "identify_document", None)
    if identify is not None:
        subject = person.subject if person is not None else ""
        identify(form.id, form.version, subject, KIND_BLANK if blank else KIND_RECORD)
    return Sheet(canvas, running_header(form, person))
