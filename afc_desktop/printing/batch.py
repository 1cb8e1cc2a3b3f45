"""Batch printing (批量打印): many documents into one PDF.

Each document keeps its own "第 N 页 / 共 M 页" (each sheet goes to a different person), and the
footer also carries the running page number of the whole file ("合订第 X/Y 页"). Used for every
due visit of a week (blank visit records with the person header filled in) and every assessment
of a month. Meant to run in a worker: ``progress`` is called after each document and
``cancelled`` is polled; a cancelled batch writes no file.

A batch is a pile of paper about many people that travels (a visiting route, a month's
reports): every ID number in it is masked to its last four characters (``**************123X``),
in the header and in the answers. Only a person's own record printed on its own shows it whole.

A long batch is written in parts (:data:`CHUNK_PAGES` pages, whole documents) and the parts
joined (``pdfjoin.py``): reportlab holds each page and picture of a file until it writes it, so
a month of records with photos would hold every photo; a part holds only its own. The running
"合订第 X/Y 页" needs the batch's page count before the first part is written: when the first
part is full, the documents left are laid out once more on a canvas that only counts pages
(reading no picture) — a small cost paid only by batches longer than one part.
"""

from __future__ import annotations

import gc
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from afc_desktop.domain.formspec import FormSpec
from afc_desktop.domain.idcard import mask_to_last_four
from afc_desktop.printing.blank import draw_blank
from afc_desktop.printing.document import open_pdf
from afc_desktop.printing.layout import PageCanvas, SheetCanvas
from afc_desktop.printing.marks import new_batch_id
from afc_desktop.printing.pdfjoin import join_pdfs
from afc_desktop.printing.recorder import RecordingCanvas
from afc_desktop.printing.records import AssessmentRecord, PersonHeader
from afc_desktop.printing.report import draw_assessment
from afc_desktop.printing.visit_record import VisitRecord, draw_visit_record

from ..clock import process_clock
from ..outfiles import check_output_file

CHUNK_PAGES = 120  # pages of a part: about 90 photos at print size, some 10–20 MB held


class BatchCancelled(Exception):
    """The batch was cancelled; no file was written."""


@dataclass(frozen=True)
class AssessmentDoc:
    """A filled assessment in a batch."""

    form: FormSpec
    record: AssessmentRecord


@dataclass(frozen=True)
class BlankDoc:
    """A blank sheet in a batch (header pre-filled when ``person`` is given)."""

    form: FormSpec
    person: PersonHeader | None = None


@dataclass(frozen=True)
class VisitDoc:
    """A filled visit record in a batch."""

    form: FormSpec
    visit: VisitRecord


Document = AssessmentDoc | BlankDoc | VisitDoc


def masked_person(person: PersonHeader | None) -> PersonHeader | None:
    """The header with its ID number masked to the last four characters."""
    if person is None or not person.id_number:
        return person
    return replace(person, id_number=mask_to_last_four(person.id_number))


def masked_document(doc: Document) -> Document:
    """``doc`` as a batch prints it: ID numbers masked wherever the sheet shows them."""
    if isinstance(doc, BlankDoc):
        return replace(doc, person=masked_person(doc.person))
    if isinstance(doc, VisitDoc):
        person = masked_person(doc.visit.person) or doc.visit.person
        return replace(doc, visit=replace(doc.visit, person=person))
    record = doc.record
    answers = dict(record.answers)
    id_item = doc.form.person_fields.get("id_number")
    if id_item and answers.get(id_item):
        answers[id_item] = mask_to_last_four(str(answers[id_item]))
    person = masked_person(record.person) or record.person
    return replace(doc, record=replace(record, person=person, answers=answers))


@dataclass(frozen=True)
class BatchResult:
    """What was written."""

    path: Path
    documents: int
    pages: int


class _PageCounter(RecordingCanvas):
    """Lays documents out only to count their pages: keeps no page, reads no picture."""

    draws_pictures = False

    def showPage(self) -> None:  # noqa: N802 - canvas API
        super().showPage()
        self.pages[-1] = []

    def mark_box(self, item: str, value: object, x: float, y: float, side: float) -> None:
        """Boxes are not needed to count pages."""


def _draw(canvas: SheetCanvas, doc: Document) -> None:
    if isinstance(doc, AssessmentDoc):
        draw_assessment(canvas, doc.form, doc.record)
    elif isinstance(doc, BlankDoc):
        draw_blank(canvas, doc.form, doc.person)
    else:
        draw_visit_record(canvas, doc.form, doc.visit)


def _count_pages(docs: Sequence[Document], printed_on: date) -> int:
    counter = _PageCounter(batch_numbers=True, printed_on=printed_on)
    for doc in docs:
        _draw(counter, doc)
    return counter.page_count


def write_batch_pdf(
    documents: Iterable[Document],
    out: Path | str,
    *,
    title: str = "批量打印",
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    printed_on: date | None = None,
    chunk_pages: int = CHUNK_PAGES,
) -> BatchResult:
    """Draw every document into one PDF at ``out``; raises ValueError when there is none.

    Written in parts of about ``chunk_pages`` pages (whole documents) joined at the end, so
    memory is bounded by a part, not by the batch; 0 writes one part whatever the length."""
    path = check_output_file(out)
    docs = [masked_document(doc) for doc in documents]
    if not docs:
        raise ValueError("没有要打印的文档")
    printed_on = printed_on or process_clock().today()
    batch_id = new_batch_id()
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".afc-batch-") as tmp:
        parts: list[Path] = []

        def new_part() -> PageCanvas:
            parts.append(Path(tmp) / f"part{len(parts):04d}.pdf")
            return open_pdf(
                parts[-1], title=title, batch=True, printed_on=printed_on, batch_id=batch_id
            )

        def finish(canvas: PageCanvas, offset: int, total: int | None) -> None:
            canvas.page_offset, canvas.batch_total = offset, total
            canvas.save()

        canvas, done, total = new_part(), 0, None
        for count, doc in enumerate(docs, start=1):
            if cancelled is not None and cancelled():
                raise BatchCancelled("批量打印已取消，未生成文件")
            _draw(canvas, doc)
            if progress is not None:
                progress(count)
            if chunk_pages and canvas.page_count >= chunk_pages and count < len(docs):
                if total is None:
                    total = done + canvas.page_count + _count_pages(docs[count:], printed_on)
                pages = canvas.page_count
                finish(canvas, done, total)
                done += pages
                # a written part's canvas and document refer to each other: free them now,
                # not at the next full collection (which waits for far more garbage)
                del canvas
                gc.collect()
                canvas = new_part()
        pages = done + canvas.page_count
        if total is not None and total != pages:  # the counting layout must match the drawing
            raise RuntimeError(f"batch laid out as {total} pages, drawn as {pages}")
        finish(canvas, done, total)
        if len(parts) == 1:
            os.replace(parts[0], path)
        else:
            joined = Path(tmp) / "joined.pdf"
            join_pdfs(parts, joined)
            os.replace(joined, path)
    return BatchResult(path, len(docs), pages)
