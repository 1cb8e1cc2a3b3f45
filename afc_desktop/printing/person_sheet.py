"""The person sheet (人员信息表): a person's register entry on paper, with their photos.

The header block is the one every form prints (``formsheet.person_block``); under it the
照片 section of the visit and assessment records (``pictures.draw_pictures``), listing every
photo of the person and of their records (docs/attachments.md), pending ones as a framed box.
Takes a plain :class:`PersonSheet`, so it prints without the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from afc_desktop.printing.document import open_pdf
from afc_desktop.printing.formsheet import person_block
from afc_desktop.printing.layout import Sheet, SheetCanvas
from afc_desktop.printing.pictures import draw_pictures
from afc_desktop.printing.records import PersonHeader

from ..clock import process_clock

TITLE = "人员信息表"


@dataclass(frozen=True)
class PersonSheet:
    """What the person sheet prints: the header and the photos (``PrintedPicture``)."""

    person: PersonHeader
    pictures: tuple[Any, ...] = ()


def draw_person_sheet(canvas: SheetCanvas, sheet_data: PersonSheet) -> None:
    """Draw one person sheet as a document of ``canvas``."""
    printed_on: date = getattr(canvas, "printed_on", None) or process_clock().today()
    canvas.begin_document(TITLE, f"打印日期：{printed_on.isoformat()}")
    person = sheet_data.person
    sheet = Sheet(canvas, f"{TITLE}  {person.name}")
    sheet.title(TITLE, person.community)
    person_block(sheet, person)
    sheet.space(10)
    if not sheet_data.pictures:
        sheet.paragraph("照片：无", 9)
    draw_pictures(sheet, sheet_data.pictures)
    sheet.finish()


def write_person_sheet_pdf(
    sheet_data: PersonSheet, out: Path | str, *, printed_on: date | None = None
) -> Path:
    """Write the person sheet to ``out`` and return the path."""
    canvas = open_pdf(out, title=f"{TITLE} {sheet_data.person.name}", printed_on=printed_on)
    draw_person_sheet(canvas, sheet_data)
    canvas.save()
    return Path(out)
