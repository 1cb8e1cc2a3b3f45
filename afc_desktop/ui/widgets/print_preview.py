"""Print preview (打印预览) of the pages the PDF has, replayed with QPainter on a QPrinter.

The printing layer records each page as drawing operations (``printing.recorder``); here they
are painted onto an A4 printer, so the preview and the paper show the same pages as the PDF.

Ownership: a ``QPrintPreviewDialog`` built on a printer passed in does not own it. A printer
made in Python and passed in is freed when the function that made it returns, while the dialog
still paints on it — a segmentation fault on the first repaint. :class:`PrintPreview` uses the
constructor where the dialog makes and owns its printer, so the printer lives exactly as long
as the dialog, whatever Python keeps. Usage::

    show_print_preview(parent, lambda canvas: draw_assessment(canvas, form, record))
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from ...printing.layout import PAGE_H, PAGE_W
from ...printing.recorder import Op, record
from .screen import fit_to_screen

PRINT_DPI = 600  # the dialog's own printer starts at screen resolution


@lru_cache(maxsize=1)
def _font_family() -> str:
    from ...printing.fonts import font_file

    font_id = QFontDatabase.addApplicationFont(font_file())
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else ""


def set_a4(printer: QPrinter) -> QPrinter:
    """Set ``printer`` to A4 portrait, full page; returns it."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    return printer


def paint_pages(printer: QPrinter, pages: list[list[Op]]) -> None:
    """Draw recorded pages onto ``printer`` (A4, full page), one printer page each."""
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("无法开始打印")
    try:
        rect = printer.pageLayout().fullRectPixels(printer.resolution())
        sx, sy = rect.width() / PAGE_W, rect.height() / PAGE_H
        family = _font_family()
        for index, page in enumerate(pages):
            if index:
                printer.newPage()
            _paint_page(painter, page, sx, sy, family)
    finally:
        painter.end()


def _paint_page(painter: QPainter, page: list[Op], sx: float, sy: float, family: str) -> None:
    font = QFont(family)
    fill = QColor(0, 0, 0)
    pen = QPen(QColor(0, 0, 0))
    pen.setWidthF(0.5 * sx)
    for op in page:
        kind = op[0]
        if kind == "font":
            font.setPointSizeF(op[1])
        elif kind == "bold":
            font.setBold(bool(op[1]))
        elif kind == "fill":
            fill = QColor.fromRgbF(op[1], op[2], op[3])
        elif kind == "stroke":
            pen.setColor(QColor.fromRgbF(op[1], op[2], op[3]))
        elif kind == "width":
            pen.setWidthF(max(op[1] * sx, 1.0))
        elif kind == "text":
            _, align, x, y, text = op
            painter.setFont(font)
            painter.setPen(fill)
            width = painter.fontMetrics().horizontalAdvance(text)
            px = x * sx - (width if align == "right" else width / 2 if align == "center" else 0)
            painter.drawText(QPointF(px, (PAGE_H - y) * sy), text)
        elif kind == "rect":
            _, x, y, w, h, stroke, filled = op
            area = QRectF(x * sx, (PAGE_H - y - h) * sy, w * sx, h * sy)
            if filled:
                painter.fillRect(area, fill)
            if stroke:
                painter.setPen(pen)
                painter.drawRect(area)
        elif kind == "image":
            _, x, y, w, h, data = op
            picture = QImage.fromData(data)
            if not picture.isNull():
                painter.drawImage(QRectF(x * sx, (PAGE_H - y - h) * sy, w * sx, h * sy), picture)
        elif kind == "line":
            _, x1, y1, x2, y2 = op
            painter.setPen(pen)
            painter.drawLine(
                QPointF(x1 * sx, (PAGE_H - y1) * sy), QPointF(x2 * sx, (PAGE_H - y2) * sy)
            )


class PrintPreview(QPrintPreviewDialog):
    """The preview of recorded ``pages`` on the dialog's own A4 printer (printing from there).

    Deleted when closed; sized to fit the screen it opens on.
    """

    def __init__(self, pages: list[list[Op]], parent: QWidget | None = None) -> None:
        super().__init__(parent)  # this constructor makes the printer and owns it
        self.pages = pages
        printer = set_a4(self.printer())
        if printer.resolution() < PRINT_DPI:
            printer.setResolution(PRINT_DPI)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("打印预览"))
        self.paintRequested.connect(self._paint)
        fit_to_screen(self, 900, 1000)

    def _paint(self, printer: QPrinter) -> None:
        paint_pages(printer, self.pages)


def show_print_preview(parent: QWidget, draw: Callable[[Any], None]) -> PrintPreview:
    """Open the print preview of the pages ``draw`` lays out (non-blocking)."""
    dialog = PrintPreview(record(draw), parent)
    dialog.open()
    return dialog
