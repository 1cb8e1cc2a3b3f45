"""Record a sheet's drawing as plain operations, page by page (for on-screen preview/printing).

The PDF path draws straight onto reportlab's canvas. The Qt print preview cannot show a PDF
without QtPdf, so the same layout draws onto :class:`RecordingCanvas` instead, and the UI
replays the operations with QPainter on a QPrinter. Both get identical pages, footers included.

Operations (tuples): ``("font", size)``, ``("fill", r, g, b)``, ``("stroke", r, g, b)``,
``("width", w)``, ``("bold", on)``, ``("text", align, x, y, text)`` (align: left/center/right),
``("rect", x, y, w, h, stroke, fill)``, ``("line", x1, y1, x2, y2)``, ``("image", x, y, w, h,
jpeg_bytes)``. Coordinates are PDF points
from the bottom-left corner of an A4 page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from afc_desktop.clock import process_clock
from afc_desktop.printing.fonts import register_cjk_font
from afc_desktop.printing.layout import DocMeta, draw_footer
from afc_desktop.printing.marks import MarkCollector

Op = tuple[Any, ...]


class RecordingCanvas(MarkCollector):
    """A canvas that keeps operations instead of writing PDF (see module docstring)."""

    def __init__(
        self,
        *,
        batch_numbers: bool = False,
        printed_on: date | None = None,
        batch_id: str | None = None,
    ) -> None:
        self.font_name = register_cjk_font()
        self.printed_on = printed_on or process_clock().today()
        self.pages: list[list[Op]] = []
        self._current: list[Op] = []
        self._docs: list[DocMeta] = []
        self._page_docs: list[int] = []
        self._font = (self.font_name, 10.0)
        self._batch_numbers = batch_numbers
        self._finished = False
        self._init_marks(batch_id)

    # -- SheetCanvas -------------------------------------------------------------------------
    def begin_document(self, footer_left: str, footer_right: str = "") -> None:
        """Pages shown from now on belong to a new document."""
        self._docs.append(DocMeta(footer_left, footer_right))
        self._marks_begin_document()

    def setFont(self, psfontname: str, size: float, leading: float | None = None) -> None:  # noqa: N802, D102
        self._font = (psfontname, size)
        self._current.append(("font", size))

    def current_font(self) -> tuple[str, float]:  # noqa: D102
        return self._font

    def setFillColorRGB(self, r: float, g: float, b: float, alpha: float | None = None) -> None:  # noqa: N802, D102
        self._current.append(("fill", r, g, b))

    def setStrokeColorRGB(self, r: float, g: float, b: float, alpha: float | None = None) -> None:  # noqa: N802, D102
        self._current.append(("stroke", r, g, b))

    def setLineWidth(self, width: float) -> None:  # noqa: N802, D102
        self._current.append(("width", width))

    def set_text_bold(self, on: bool) -> None:  # noqa: D102
        self._current.append(("bold", on))

    def drawString(self, x: float, y: float, text: str) -> None:  # noqa: N802, D102
        self._current.append(("text", "left", x, y, text))

    def drawCentredString(self, x: float, y: float, text: str) -> None:  # noqa: N802, D102
        self._current.append(("text", "center", x, y, text))

    def drawRightString(self, x: float, y: float, text: str) -> None:  # noqa: N802, D102
        self._current.append(("text", "right", x, y, text))

    def rect(  # noqa: D102
        self, x: float, y: float, width: float, height: float, stroke: int = 1, fill: int = 0
    ) -> None:
        self._current.append(("rect", x, y, width, height, bool(stroke), bool(fill)))

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:  # noqa: D102
        self._current.append(("line", x1, y1, x2, y2))

    def draw_picture(self, data: bytes, x: float, y: float, width: float, height: float) -> None:  # noqa: D102
        self._current.append(("image", x, y, width, height, data))

    def showPage(self) -> None:  # noqa: N802, D102
        doc = len(self._docs) - 1
        if doc >= 0:
            self._docs[doc].pages += 1
        self._marks_end_page(doc)
        self.pages.append(self._current)
        self._page_docs.append(doc)
        self._current = []
        self._font = (self.font_name, -1.0)  # a new page starts with no font set

    @property
    def page_count(self) -> int:
        """Pages finished so far."""
        return len(self.pages)

    def finish(self) -> list[list[Op]]:
        """Add the footers ("第 N 页 / 共 M 页") and return the pages."""
        if not self._finished:
            total = len(self.pages)
            seen: dict[int, int] = {}
            for index, doc in enumerate(self._page_docs, start=1):
                seen[doc] = seen.get(doc, 0) + 1
                meta = self._docs[doc] if doc >= 0 else DocMeta("", "", total)
                self._current = self.pages[index - 1]
                draw_footer(self, meta, seen[doc], index, total, batch_numbers=self._batch_numbers)
                self._marks_draw(doc, seen[doc], meta.pages if doc >= 0 else total)
            self._current = []
            self._finished = True
        return self.pages


def record(
    draw: Callable[[RecordingCanvas], None],
    *,
    batch_numbers: bool = False,
    printed_on: date | None = None,
) -> list[list[Op]]:
    """Run ``draw`` (e.g. ``lambda c: draw_assessment(c, form, record)``) and return its pages."""
    canvas = RecordingCanvas(batch_numbers=batch_numbers, printed_on=printed_on)
    draw(canvas)
    return canvas.finish()
