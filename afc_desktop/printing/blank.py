"""The blank form for paper collection (空白表), optionally with the person's header filled in
(for a visit route) — every option printed with a box and, for scored items, its score."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from afc_desktop.domain.formspec import FormSpec, person_answers
from afc_desktop.printing.document import open_pdf, start_document
from afc_desktop.printing.formsheet import SheetOptions, draw_form
from afc_desktop.printing.layout import SheetCanvas
from afc_desktop.printing.records import PersonHeader


def draw_blank(canvas: SheetCanvas, form: FormSpec, person: PersonHeader | None = None) -> None:
    """Draw one blank sheet of ``form`` as a document of ``canvas``."""
    sheet = start_document(canvas, form, person, blank=True)
    answers = person_answers(form, person.fields()) if person else {}
    draw_form(sheet, form, answers=answers, person=person, options=SheetOptions(blank=True))
    sheet.finish()


def write_blank_pdf(
    form: FormSpec,
    out: Path | str,
    person: PersonHeader | None = None,
    *,
    printed_on: date | None = None,
    batch_id: str | None = None,
) -> Path:
    """Write a blank ``form`` (header pre-filled when ``person`` is given) to ``out``."""
    canvas = open_pdf(out, title=form.title, printed_on=printed_on, batch_id=batch_id)
    draw_blank(canvas, form, person)
    canvas.save()
    return Path(out)
