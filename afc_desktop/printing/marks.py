"""Marks that let a scanned sheet be read back (回读标记): a QR code, corner marks, box geometry.

Every printed page carries:

- a **QR code** (top right) naming the sheet: :class:`SheetCode` — form id and version, the
  person (``P…``) or household (``H…``) it was printed for, page n of N of that document, the
  print batch (one id per PDF file) and a fingerprint of the document's box layout;
- four **corner marks** (定位标记): solid 5 mm squares whose centres lie 9 mm from each edge; a
  reader finds them near where the QR code says they are and maps page points to pixels;
- on blank sheets, **checkboxes** drawn as squares whose position the layout reports
  (:class:`BoxMark`); the reader recomputes them with the same layout code (``pagemap.py``) and
  checks the fingerprint, so a sheet whose layout cannot be recomputed is never guessed.

The payload format is versioned (``AFC1``); see ``docs/scan-readback.md`` for its change log.
Everything here draws with the plain ``rect`` operations of :class:`SheetCanvas`, so the Qt print
path (``recorder.py``) prints the same marks.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

PAGE_W, PAGE_H = A4
PAYLOAD_VERSION = "AFC1"

# Corner marks: solid squares of FIDUCIAL_SIDE, centres FIDUCIAL_INSET from both edges.
FIDUCIAL_SIDE = 5 * mm
FIDUCIAL_INSET = 9 * mm
FIDUCIALS: tuple[tuple[float, float], ...] = (
    (FIDUCIAL_INSET, PAGE_H - FIDUCIAL_INSET),  # top left
    (PAGE_W - FIDUCIAL_INSET, PAGE_H - FIDUCIAL_INSET),  # top right
    (PAGE_W - FIDUCIAL_INSET, FIDUCIAL_INSET),  # bottom right
    (FIDUCIAL_INSET, FIDUCIAL_INSET),  # bottom left
)

# The QR code: its right edge on the content's right edge, its top 5.5 mm below the page's top.
QR_MODULE = 0.45 * mm
QR_RIGHT = PAGE_W - 18 * mm
QR_TOP = PAGE_H - 5.5 * mm

# Checkboxes: a square of BOX_SIDE em inside an advance of BOX_ADVANCE em (the "□" of the text).
BOX_CHAR = "□"
BOX_ADVANCE = 0.92
BOX_SIDE = 0.72
BOX_LINE = 0.6

KIND_BLANK = "B"  # a sheet to fill in by hand: its boxes can be read back
KIND_RECORD = "R"  # a filled report or record: identified (for attaching a signed copy), no boxes

_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


@dataclass(frozen=True)
class BoxMark:
    """One checkbox on a page: the answer it stands for and its square in PDF points.

    ``item`` is the form item id (for table sections ``row.column``), ``value`` the option value
    (``True``/``False`` for yes/no items). ``x, y`` is the bottom-left corner, ``side`` its size.
    """

    item: str
    value: Any
    x: float
    y: float
    side: float

    @property
    def centre(self) -> tuple[float, float]:
        """The middle of the square."""
        return (self.x + self.side / 2, self.y + self.side / 2)


@dataclass(frozen=True)
class SheetCode:
    """What the QR code of one page says (二维码内容)."""

    form_id: str
    form_version: int
    subject: str  # "P<person id>", "H<household id>" or "" (a sheet for nobody in particular)
    page: int
    pages: int
    batch: str
    fingerprint: str = ""
    kind: str = KIND_BLANK

    @property
    def person_id(self) -> str:
        """The person's id, "" when the sheet is not a person's."""
        return self.subject[1:] if self.subject.startswith("P") else ""

    @property
    def household_id(self) -> str:
        """The household's id, "" when the sheet is not a household's."""
        return self.subject[1:] if self.subject.startswith("H") else ""

    def payload(self) -> str:
        """The text in the QR code: upper case only, so the compact alphanumeric mode applies."""
        parts = [
            PAYLOAD_VERSION,
            self.kind,
            self.form_id,
            str(self.form_version),
            self.subject or "-",
            str(self.page),
            str(self.pages),
            self.batch,
            self.fingerprint or "-",
        ]
        return "/".join(parts).upper()


class BadSheetCode(ValueError):
    """A QR code that is not one of ours (or not a version this reader knows)."""


def parse_payload(text: str) -> SheetCode:
    """The :class:`SheetCode` in a QR code's text; :class:`BadSheetCode` when it is not ours."""
    parts = text.strip().split("/")
    if len(parts) != 9 or parts[0] != PAYLOAD_VERSION:
        raise BadSheetCode("不是本系统打印的表格二维码")
    _, kind, form_id, version, subject, page, pages, batch, fingerprint = parts
    try:
        page_no, page_count, form_version = int(page), int(pages), int(version)
    except ValueError:
        raise BadSheetCode("二维码内容不完整") from None
    if kind not in (KIND_BLANK, KIND_RECORD) or not 1 <= page_no <= page_count:
        raise BadSheetCode("二维码内容不完整")
    subject = "" if subject == "-" else subject[0] + subject[1:].lower()
    return SheetCode(
        form_id=form_id.lower(),
        form_version=form_version,
        subject=subject,
        page=page_no,
        pages=page_count,
        batch=batch,
        fingerprint="" if fingerprint == "-" else fingerprint,
        kind=kind,
    )


def new_batch_id() -> str:
    """A short random id for one printed file (打印批次)."""
    return "".join(secrets.choice(_BASE32) for _ in range(6))


def layout_fingerprint(pages: list[list[BoxMark]]) -> str:
    """Four characters that change when any box of the document moves or means something else."""
    h = hashlib.sha1()
    for number, page in enumerate(pages, start=1):
        for box in page:
            h.update(f"{number}|{box.item}|{box.value!r}|{box.x:.1f}|{box.y:.1f}\n".encode())
    digest = h.digest()
    return "".join(_BASE32[b % 32] for b in digest[:4])


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules of a QR code for ``text`` (error correction M), dark = True."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.make()
    n = code.getModuleCount()
    return [[bool(code.isDark(r, c)) for c in range(n)] for r in range(n)]


def qr_rect(modules: int) -> tuple[float, float, float]:
    """(x, y, side) of the QR code on the page, in points."""
    side = modules * QR_MODULE
    return (QR_RIGHT - side, QR_TOP - side, side)


def draw_sheet_marks(c: Any, code: SheetCode | None) -> None:
    """Draw the corner marks and (when ``code`` is given) the QR code on the current page."""
    c.setFillColorRGB(0, 0, 0)
    half = FIDUCIAL_SIDE / 2
    for x, y in FIDUCIALS:
        c.rect(x - half, y - half, FIDUCIAL_SIDE, FIDUCIAL_SIDE, stroke=0, fill=1)
    if code is None:
        return
    matrix = qr_matrix(code.payload())
    x0, y0, side = qr_rect(len(matrix))
    top = y0 + side
    for r, row in enumerate(matrix):
        c_start = None
        for col, dark in enumerate([*row, False]):
            if dark and c_start is None:
                c_start = col
            elif not dark and c_start is not None:
                # One rectangle per run of dark modules keeps the page small.
                c.rect(
                    x0 + c_start * QR_MODULE,
                    top - (r + 1) * QR_MODULE,
                    (col - c_start) * QR_MODULE,
                    QR_MODULE,
                    stroke=0,
                    fill=1,
                )
                c_start = None


@dataclass
class DocumentMarks:
    """What one document of a file needs for its marks: identity and boxes per page."""

    form_id: str = ""
    form_version: int = 0
    subject: str = ""
    kind: str = KIND_RECORD
    pages: list[list[BoxMark]] | None = None

    def code(self, page: int, pages: int, batch: str) -> SheetCode | None:
        """The code of page ``page`` (None for a document that names no form)."""
        if not self.form_id:
            return None
        fingerprint = layout_fingerprint(self.pages or []) if self.kind == KIND_BLANK else ""
        return SheetCode(
            self.form_id,
            self.form_version,
            self.subject,
            page,
            pages,
            batch,
            fingerprint,
            self.kind,
        )


class MarkCollector:
    """Mixed into the canvases: collects each document's identity and each page's boxes."""

    batch_id: str
    _mark_docs: list[DocumentMarks]
    _mark_page_boxes: list[BoxMark]

    def _init_marks(self, batch_id: str | None) -> None:
        self.batch_id = batch_id or new_batch_id()
        self._mark_docs = []
        self._mark_page_boxes = []

    def identify_document(self, form_id: str, form_version: int, subject: str, kind: str) -> None:
        """The document begun last is this form, for this subject (called by start_document)."""
        if not self._mark_docs:
            return
        doc = self._mark_docs[-1]
        doc.form_id, doc.form_version, doc.subject, doc.kind = form_id, form_version, subject, kind

    def mark_box(self, item: str, value: Any, x: float, y: float, side: float) -> None:
        """A checkbox was drawn on the current page (called by the layout)."""
        self._mark_page_boxes.append(BoxMark(item, value, x, y, side))

    def _marks_begin_document(self) -> None:
        self._mark_docs.append(DocumentMarks(pages=[]))

    def _marks_end_page(self, doc: int) -> None:
        if doc >= 0:
            pages = self._mark_docs[doc].pages
            assert pages is not None
            pages.append(self._mark_page_boxes)
        self._mark_page_boxes = []

    def box_pages(self, doc: int = 0) -> list[list[BoxMark]]:
        """The boxes of each page of document ``doc`` (0: the first)."""
        return list(self._mark_docs[doc].pages or []) if self._mark_docs else []

    def _marks_draw(self, doc: int, page: int, pages: int) -> None:
        meta = self._mark_docs[doc] if doc >= 0 else DocumentMarks()
        draw_sheet_marks(self, meta.code(page, pages, self.batch_id))
