"""A small A4 layout engine on the bare reportlab canvas (版面).

Platypus is flexible but several times slower than drawing on the canvas; these sheets are simple
(title, header block, ruled tables, signature lines), so a cursor that wraps Chinese text and
breaks pages is enough and keeps batch printing of a thousand reports fast.

``PageCanvas`` holds finished pages until ``save`` so that each page can carry
"第 N 页 / 共 M 页" for its own document, and, when several documents share one file, the running
page number of the whole batch.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from afc_desktop.printing.fonts import register_cjk_font
from afc_desktop.printing.marks import (
    BOX_ADVANCE,
    BOX_CHAR,
    BOX_LINE,
    BOX_SIDE,
    QR_MODULE,
    QR_RIGHT,
    MarkCollector,
)

PAGE_W, PAGE_H = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 18 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X
LEADING = 1.32  # line height as a multiple of the font size
PAD_X = 3.0
PAD_Y = 2.6
GREY = (0.35, 0.35, 0.35)
HEAD_FILL = (0.90, 0.90, 0.90)
SECTION_FILL = (0.82, 0.82, 0.82)

# Characters that must not begin a line (they are kept with the previous line).
_NO_LINE_START = set("，。、；：？！）》」』】〕”’）%,.;:?!)]}·～")
_TOKEN = re.compile(r"[A-Za-z0-9.\-_/@:%~]+|\s+|.", re.S)


@dataclass
class DocMeta:
    """Footer information for one document in a file."""

    footer_left: str
    footer_right: str
    pages: int = 0


# Continuation pages right-align their running header left of the QR code (33 modules wide)
# and start their content a little lower, clear of it.
RUNNING_HEADER_RIGHT = QR_RIGHT - 33 * QR_MODULE - 4
CONTINUATION_GAP = 16.0


class PageCanvas(MarkCollector, Canvas):
    """A canvas that numbers pages per document ("第 N 页 / 共 M 页") when saved, and gives
    every page its reading marks (QR code, corner marks: see ``marks.py``)."""

    def __init__(
        self, *args: Any, batch_numbers: bool = False, batch_id: str | None = None, **kwargs: Any
    ) -> None:
        font = register_cjk_font()
        # The initial font must be ours too: the default Helvetica would be a non-embedded font.
        kwargs.setdefault("initialFontName", font)
        kwargs.setdefault("pagesize", A4)
        kwargs.setdefault("pageCompression", 1)
        super().__init__(*args, **kwargs)
        self.font_name = font
        self._held: list[tuple[dict[str, Any], int]] = []
        self._docs: list[DocMeta] = []
        self._batch_numbers = batch_numbers
        # a part of a batch written in parts (batch.py): its first page's number in the whole
        # batch less one, and the batch's page count, for "合订第 X/Y 页"
        self.page_offset = 0
        self.batch_total: int | None = None
        self._init_marks(batch_id)

    def begin_document(self, footer_left: str, footer_right: str = "") -> None:
        """Pages shown from now on belong to a new document."""
        self._docs.append(DocMeta(footer_left, footer_right))
        self._marks_begin_document()

    def showPage(self) -> None:  # noqa: N802 - reportlab API
        doc = len(self._docs) - 1
        if doc >= 0:
            self._docs[doc].pages += 1
        self._marks_end_page(doc)
        self._held.append((dict(self.__dict__), doc))
        self._startPage()

    def save(self) -> None:
        total = self.batch_total or len(self._held)
        seen: dict[int, int] = {}
        for index, (state, doc) in enumerate(self._held, start=1 + self.page_offset):
            self.__dict__.update(state)
            seen[doc] = seen.get(doc, 0) + 1
            self._draw_footer(doc, seen[doc], index, total)
            pages = self._docs[doc].pages if doc >= 0 else total
            self._marks_draw(doc, seen[doc], pages)
            Canvas.showPage(self)
        self._held = []
        Canvas.save(self)

    @property
    def page_count(self) -> int:
        """Pages finished so far."""
        return len(self._held)

    def _draw_footer(self, doc: int, page: int, index: int, total: int) -> None:
        meta = self._docs[doc] if doc >= 0 else DocMeta("", "", total)
        draw_footer(self, meta, page, index, total, batch_numbers=self._batch_numbers)

    def set_text_bold(self, on: bool) -> None:
        """Simulated bold (fill + stroke) for the following text; the CJK faces have no bold."""
        self._code.append("2 Tr" if on else "0 Tr")

    def current_font(self) -> tuple[str, float]:
        """(font name, size) currently set."""
        return self._fontname, self._fontsize

    def draw_picture(self, data: bytes, x: float, y: float, width: float, height: float) -> None:
        """A JPEG (an attachment's stored picture) into the box at (x, y) of that size; embedded
        as it is (reportlab copies a JPEG's bytes), named by their hash, never decoded."""
        self.drawImage(_JpegBytes(data), x, y, width, height)

    def box_glyph(self, x: float, y: float, size: float) -> None:
        """An invisible "□" where a box is drawn, so that the page's text still lists it."""
        self._code.append("3 Tr")
        self.drawString(x, y, BOX_CHAR)
        self._code.append("0 Tr")


class _JpegBytes(ImageReader):
    """A picture for ``drawImage`` whose name is the hash of its bytes when it is a JPEG.

    reportlab names an ``ImageReader`` by hashing its decoded pixels (about 6 MB for a
    1600 × 1200 photo) only to embed the JPEG's own bytes; the bytes' hash names it as well."""

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data))
        self._digest = hashlib.sha256(data).digest()

    def getRGBData(self) -> Any:  # noqa: N802 - reportlab API
        if self.jpeg_fh() is not None:
            self._dataA = None  # no soft mask: a JPEG has no transparency
            return self._digest
        return super().getRGBData()


class SheetCanvas(Protocol):
    """What the layout draws on: :class:`PageCanvas` (PDF) or ``RecordingCanvas`` (Qt)."""

    font_name: str

    def setFont(self, psfontname: str, size: float, leading: float | None = None) -> None: ...  # noqa: N802, D102
    def setFillColorRGB(self, r: float, g: float, b: float, alpha: float | None = None) -> None: ...  # noqa: N802, D102
    def setStrokeColorRGB(
        self, r: float, g: float, b: float, alpha: float | None = None
    ) -> None: ...  # noqa: N802, D102
    def setLineWidth(self, width: float) -> None: ...  # noqa: N802, D102
    def drawString(self, x: float, y: float, text: str) -> Any: ...  # noqa: N802, D102
    def drawCentredString(self, x: float, y: float, text: str) -> Any: ...  # noqa: N802, D102
    def drawRightString(self, x: float, y: float, text: str) -> Any: ...  # noqa: N802, D102
    def rect(
        self, x: float, y: float, width: float, height: float, stroke: int = 1, fill: int = 0
    ) -> Any: ...  # noqa: D102
    def line(self, x1: float, y1: float, x2: float, y2: float) -> Any: ...  # noqa: D102
    def showPage(self) -> None: ...  # noqa: N802, D102
    def begin_document(self, footer_left: str, footer_right: str = "") -> None: ...  # noqa: D102
    def set_text_bold(self, on: bool) -> None: ...  # noqa: D102
    def current_font(self) -> tuple[str, float]: ...  # noqa: D102
    def draw_picture(
        self, data: bytes, x: float, y: float, width: float, height: float
    ) -> None: ...  # noqa: D102


def draw_footer(
    c: Any, meta: DocMeta, page: int, index: int, total: int, *, batch_numbers: bool
) -> None:
    """The footer of one page: form and version, "第 N 页 / 共 M 页", print date."""
    y = MARGIN_BOTTOM - 9 * mm
    c.setFillColorRGB(*GREY)
    c.setFont(c.font_name, 8)
    c.drawCentredString(PAGE_W / 2, y, f"第 {page} 页 / 共 {meta.pages} 页")
    if meta.footer_left:
        c.drawString(MARGIN_X, y, meta.footer_left)
    right = meta.footer_right
    if batch_numbers:
        right = f"{right}  合订第 {index}/{total} 页".strip()
    if right:
        c.drawRightString(PAGE_W - MARGIN_X, y, right)
    c.setStrokeColorRGB(0.6, 0.6, 0.6)
    c.setLineWidth(0.4)
    c.line(MARGIN_X, y + 10, PAGE_W - MARGIN_X, y + 10)


@lru_cache(maxsize=65536)
def text_width(text: str, size: float, font_name: str) -> float:
    """Width of ``text`` in points (a checkbox "□" takes ``BOX_ADVANCE`` em)."""
    width = pdfmetrics.stringWidth(text, font_name, size)
    boxes = text.count(BOX_CHAR)
    if boxes:
        width += boxes * (BOX_ADVANCE * size - pdfmetrics.stringWidth(BOX_CHAR, font_name, size))
    return width


@lru_cache(maxsize=65536)
def wrap(text: str, size: float, width: float, font_name: str) -> tuple[str, ...]:
    """Break ``text`` into lines no wider than ``width``.

    Chinese breaks between any two characters; runs of Latin letters and digits are kept whole
    unless longer than a line; closing punctuation never starts a line. Newlines are kept.
    """
    lines: list[str] = []
    for para in text.split("\n"):
        line, line_w = "", 0.0
        for token in _TOKEN.findall(para):
            w = text_width(token, size, font_name)
            if line_w + w > width and line and len(line) > 1 and token in _NO_LINE_START:
                # Closing punctuation may not start a line: carry the last character down with it.
                carried = line[-1]
                lines.append(line[:-1].rstrip())
                line = carried + token
                line_w = text_width(line, size, font_name)
                continue
            if line and line_w + w > width:
                lines.append(line.rstrip())
                token = token.lstrip()
                line, line_w = "", 0.0
                w = text_width(token, size, font_name)
            if not line and w > width and len(token) > 1:
                # A run longer than a whole line: split it by character.
                for ch in token:
                    cw = text_width(ch, size, font_name)
                    if line and line_w + cw > width:
                        lines.append(line)
                        line, line_w = "", 0.0
                    line += ch
                    line_w += cw
                continue
            line += token
            line_w += w
        lines.append(line.rstrip())
    return tuple(lines)


@dataclass(frozen=True)
class Para:
    """One paragraph inside a table cell."""

    text: str
    size: float = 9.0
    bold: bool = False
    color: tuple[float, float, float] = (0, 0, 0)
    # What each "□" of ``text`` stands for, in order: (item id, option value); see marks.BoxMark.
    boxes: tuple[tuple[str, Any], ...] = ()


@dataclass
class Cell:
    """A table cell: paragraphs stacked top to bottom."""

    paras: list[Para] = field(default_factory=list)
    align: str = "left"  # left | center | right
    fill: tuple[float, float, float] | None = None
    min_lines: int = 1

    @classmethod
    def of(
        cls,
        text: str,
        size: float = 9.0,
        *,
        bold: bool = False,
        boxes: tuple[tuple[str, Any], ...] = (),
        **kw: Any,
    ) -> Cell:
        """A cell holding one paragraph."""
        return cls([Para(text, size, bold, boxes=boxes)], **kw)


class Sheet:
    """Draws one document with a moving cursor, breaking pages and repeating table headers."""

    def __init__(self, canvas: SheetCanvas, running_header: str = "") -> None:
        self.c = canvas
        self.font = canvas.font_name
        self.running_header = running_header
        self.y = PAGE_H - MARGIN_TOP
        self._table_head: Callable[[], None] | None = None
        self._page_has_content = False

    # -- pages -------------------------------------------------------------------------------
    def new_page(self) -> None:
        """Finish the current page and start the next one (with the running header)."""
        self.c.showPage()
        self.y = PAGE_H - MARGIN_TOP
        if self.running_header:
            self.c.setFont(self.font, 7.5)
            self.c.setFillColorRGB(*GREY)
            self.c.drawRightString(RUNNING_HEADER_RIGHT, self.y, self.running_header)
            self.c.setFillColorRGB(0, 0, 0)
        self.y -= CONTINUATION_GAP
        self._page_has_content = False
        if self._table_head is not None:
            self._table_head()

    def finish(self) -> None:
        """End the document (shows the last page)."""
        self.c.showPage()

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` points still fit above the bottom margin."""
        if self.y - height < MARGIN_BOTTOM and self._page_has_content:
            self.new_page()

    def space(self, height: float) -> None:
        """Move the cursor down."""
        self.y -= height

    # -- text --------------------------------------------------------------------------------
    def _draw(
        self, x: float, y: float, text: str, size: float, bold: bool, align: str = "left"
    ) -> None:
        c = self.c
        if bold:
            c.setLineWidth(size * 0.035)
            c.set_text_bold(True)
        if c.current_font() != (self.font, size):  # skip redundant font changes
            c.setFont(self.font, size)
        if align == "center":
            c.drawCentredString(x, y, text)
        elif align == "right":
            c.drawRightString(x, y, text)
        else:
            c.drawString(x, y, text)
        if bold:
            c.set_text_bold(False)

    def lines(self, text: str, size: float, width: float) -> tuple[str, ...]:
        """``text`` wrapped to ``width``."""
        return wrap(text, size, width, self.font)

    def title(self, text: str, subtitle: str = "") -> None:
        """Centred document title with an optional subtitle line."""
        self.ensure(40)
        self.y -= 16
        self._draw(PAGE_W / 2, self.y, text, 16, True, "center")
        self.y -= 6
        if subtitle:
            for line in self.lines(subtitle, 8.5, CONTENT_W):
                self.y -= 11
                self.c.setFillColorRGB(*GREY)
                self._draw(PAGE_W / 2, self.y, line, 8.5, False, "center")
                self.c.setFillColorRGB(0, 0, 0)
        self.y -= 8
        self._page_has_content = True

    def paragraph(
        self,
        text: str,
        size: float = 9.0,
        *,
        indent: float = 0.0,
        bold: bool = False,
        color: tuple[float, float, float] = (0, 0, 0),
    ) -> None:
        """Wrapped text across the content width."""
        lead = size * LEADING
        self.c.setFillColorRGB(*color)
        for line in self.lines(text, size, CONTENT_W - indent):
            self.ensure(lead)
            self.y -= lead
            self._draw(MARGIN_X + indent, self.y + size * 0.25, line, size, bold)
            self._page_has_content = True
        self.c.setFillColorRGB(0, 0, 0)

    def section_bar(self, text: str, note: str = "") -> None:
        """A shaded full-width heading for a section."""
        h = 16.0
        self.ensure(h + 40)  # keep the heading with at least a row of its table
        c = self.c
        c.setFillColorRGB(*SECTION_FILL)
        c.setStrokeColorRGB(0, 0, 0)
        c.setLineWidth(0.6)
        c.rect(MARGIN_X, self.y - h, CONTENT_W, h, stroke=1, fill=1)
        c.setFillColorRGB(0, 0, 0)
        self._draw(MARGIN_X + PAD_X, self.y - h + 4.6, text, 10, True)
        if note:
            tw = text_width(text, 10, self.font) + 12
            note_lines = self.lines(note, 7.5, CONTENT_W - tw - PAD_X * 2)
            c.setFillColorRGB(*GREY)
            self._draw(MARGIN_X + PAD_X + tw, self.y - h + 5, note_lines[0], 7.5, False)
            c.setFillColorRGB(0, 0, 0)
        self.y -= h
        self._page_has_content = True

    # -- tables ------------------------------------------------------------------------------
    def cell_height(self, cell: Cell, width: float) -> float:
        """Height a cell needs at ``width``."""
        h = 0.0
        for para in cell.paras:
            h += len(self.lines(para.text, para.size, width - 2 * PAD_X)) * para.size * LEADING
        min_h = cell.min_lines * 9.0 * LEADING
        return max(h, min_h) + 2 * PAD_Y

    def row(self, cells: Sequence[Cell], widths: Sequence[float]) -> None:
        """Draw one ruled table row; breaks the page (repeating the table head) when needed."""
        height = max(self.cell_height(cell, w) for cell, w in zip(cells, widths, strict=True))
        self.ensure(height)
        c = self.c
        x = MARGIN_X
        top = self.y
        c.setLineWidth(0.5)
        c.setStrokeColorRGB(0, 0, 0)
        for cell, w in zip(cells, widths, strict=True):
            if cell.fill is not None:
                c.setFillColorRGB(*cell.fill)
                c.rect(x, top - height, w, height, stroke=1, fill=1)
                c.setFillColorRGB(0, 0, 0)
            else:
                c.rect(x, top - height, w, height, stroke=1, fill=0)
            y = top - PAD_Y
            for para in cell.paras:
                lead = para.size * LEADING
                c.setFillColorRGB(*para.color)
                keys = list(para.boxes)
                for line in self.lines(para.text, para.size, w - 2 * PAD_X):
                    y -= lead
                    baseline = y + (lead - para.size) / 2 + para.size * 0.12
                    if BOX_CHAR in line:
                        self._boxed_line(x, w, baseline, line, para, cell.align, keys)
                    elif cell.align == "center":
                        self._draw(x + w / 2, baseline, line, para.size, para.bold, "center")
                    elif cell.align == "right":
                        self._draw(x + w - PAD_X, baseline, line, para.size, para.bold, "right")
                    else:
                        self._draw(x + PAD_X, baseline, line, para.size, para.bold)
                c.setFillColorRGB(0, 0, 0)
            x += w
        self.y = top - height
        self._page_has_content = True

    def _boxed_line(
        self,
        x: float,
        w: float,
        baseline: float,
        line: str,
        para: Para,
        align: str,
        keys: list[tuple[str, Any]],
    ) -> None:
        """A line holding checkboxes: the text between them, each box a drawn square reported
        to the canvas (``mark_box``) with the answer it stands for (taken from ``keys``)."""
        size = para.size
        width = text_width(line, size, self.font)
        if align == "center":
            left = x + w / 2 - width / 2
        elif align == "right":
            left = x + w - PAD_X - width
        else:
            left = x + PAD_X
        c = self.c
        mark = getattr(c, "mark_box", None)
        glyph = getattr(c, "box_glyph", None)
        side = BOX_SIDE * size
        advance = BOX_ADVANCE * size
        for i, part in enumerate(line.split(BOX_CHAR)):
            if i > 0:
                bx = left + (advance - side) / 2
                by = baseline - 0.02 * size
                if glyph is not None:
                    glyph(left, baseline, size)
                c.setLineWidth(BOX_LINE)
                c.setStrokeColorRGB(0, 0, 0)
                c.rect(bx, by, side, side, stroke=1, fill=0)
                if keys:
                    item, value = keys.pop(0)
                    if mark is not None:
                        mark(item, value, bx, by, side)
                left += advance
            if part:
                self._draw(left, baseline, part, size, para.bold)
                left += text_width(part, size, self.font)
        c.setLineWidth(0.5)

    def begin_table(self, head: Sequence[Cell] | None, widths: Sequence[float]) -> None:
        """Start a table; ``head`` (if any) is drawn now and again after each page break."""
        if head is None:
            self._table_head = None
            return
        head_cells = list(head)
        for cell in head_cells:
            cell.fill = HEAD_FILL

        def draw_head() -> None:
            self._table_head = None
            self.row(head_cells, widths)
            self._table_head = draw_head

        self.ensure(40)
        draw_head()

    def end_table(self) -> None:
        """Stop repeating the table head."""
        self._table_head = None

    # -- signature lines -----------------------------------------------------------------------
    def signature_pairs(self, entries: Sequence[tuple[str, str, str]]) -> None:
        """Signature lines, two per row: (label, signer name or "", date text or "")."""
        half = CONTENT_W / 2
        c = self.c
        for i in range(0, len(entries), 2):
            self.ensure(40)
            self.y -= 30
            for j, (label, name, when) in enumerate(entries[i : i + 2]):
                x = MARGIN_X + j * half
                label_w = text_width(label + "：", 9, self.font)
                self._draw(x, self.y, label + "：", 9, False)
                line_end = x + half - 12
                c.setLineWidth(0.5)
                c.line(x + label_w, self.y - 2, line_end, self.y - 2)
                if name:
                    self._draw(x + label_w + 4, self.y + 1, name, 10, False)
                date_text = f"日期：{when}" if when else "日期：______年____月____日"
                self._draw(x, self.y - 15, date_text, 9, False)
            self.y -= 16
            self._page_has_content = True
