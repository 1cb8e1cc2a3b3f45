"""Batch printing (批量打印): many documents into one PDF.

Each document keeps its own "第 N 页 / 共 M 页" (each sheet goes to a different person), and the
footer also carries the running page number of the whole file ("合订第 X/Y 页"). Used for every
due visit of a week (blank visit records with the person header filled in) and every assessment
of a month. Meant to run in a worker: ``progress`` is called after each document and
``cancelled`` is polled; a cancelled batch writes no file.

A batch is a pile of paper about many people that travels (a visiting route, a month's
reports): every ID number in it is masked to its last four characters (``**************123X``),
in the header and in the answers. Only a person's own record printed on its own shows it whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from afc_desktop.domain.formspec import FormSpec
from afc_desktop.domain.idcard import mask_to_last_four
from afc_desktop.printing.blank import draw_blank
from afc_desktop.printing.document import open_pdf
from afc_desktop.printing.records import AssessmentRecord, PersonHeader
from afc_desktop.printing.report import draw_assessment
from afc_desktop.printing.visit_record import VisitRecord, draw_visit_record


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


def write_batch_pdf(
    documents: Iterable[Document],
    out: Path | str,
    *,
    title: str = "批量打印",
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    printed_on: date | None = None,
) -> BatchResult:
    """Draw every document into one PDF at ``out``; raises ValueError when there is none."""
    canvas = open_pdf(out, title=title, batch=True, printed_on=printed_on)
    count = 0
    for doc in documents:
        if cancelled is not None and cancelled():
            raise BatchCancelled("批量打印已取消，未生成文件")
        doc = masked_document(doc)
        if isinstance(doc, AssessmentDoc):
            draw_assessment(canvas, doc.form, doc.record)
        elif isinstance(doc, BlankDoc):
            draw_blank(canvas, doc.form, doc.person)
        else:
            draw_visit_record(canvas, doc.form, doc.visit)
        count += 1
        if progress is not None:
            progress(count)
    if count == 0:
        raise ValueError("没有要打印的文档")
    pages = canvas.page_count
    canvas.save()
    return BatchResult(Path(out), count, pages)
