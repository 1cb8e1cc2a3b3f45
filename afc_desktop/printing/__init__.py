"""PDF printing (打印): filled assessment reports, blank forms, visit records and batches.

Everything takes plain dataclasses (:class:`PersonHeader`, :class:`AssessmentRecord`,
:class:`VisitRecord`) and a form definition, so printing works without the database. Text is set
in an embedded CJK TrueType font (see ``fonts.py``); pages are A4.
"""

from afc_desktop.printing.batch import (
    AssessmentDoc,
    BatchCancelled,
    BatchResult,
    BlankDoc,
    VisitDoc,
    write_batch_pdf,
)
from afc_desktop.printing.blank import write_blank_pdf
from afc_desktop.printing.fonts import FontNotFoundError, register_cjk_font
from afc_desktop.printing.records import AssessmentRecord, PersonHeader
from afc_desktop.printing.report import write_assessment_pdf
from afc_desktop.printing.visit_record import VisitRecord, visit_answers, write_visit_record_pdf

__all__ = [
    "AssessmentDoc",
    "AssessmentRecord",
    "BatchCancelled",
    "BatchResult",
    "BlankDoc",
    "FontNotFoundError",
    "PersonHeader",
    "VisitDoc",
    "VisitRecord",
    "register_cjk_font",
    "visit_answers",
    "write_assessment_pdf",
    "write_batch_pdf",
    "write_blank_pdf",
    "write_visit_record_pdf",
]
