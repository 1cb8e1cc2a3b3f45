"""Sizing windows to the screen they open on: a 1366×768 laptop with a 40-px taskbar leaves
1366×728, and the window's title bar comes off that too.

Usage in a dialog's ``__init__``::

    fit_to_screen(self, 980, 760)  # wanted size at normal text; smaller when the screen is

Sizes are given for the normal text size and grow with large text (长者/大字), so a form's
content keeps its room instead of being cut; the screen stays the limit.
"""

from __future__ import annotations

from PySide6.QtGui import QFontInfo, QGuiApplication
from PySide6.QtWidgets import QWidget

from ..i18n import BASE_POINT_SIZE

FRAME_ALLOWANCE = 40  # the title bar and borders the window system adds around the geometry


def available_size(widget: QWidget) -> tuple[int, int]:
    """Width and height a window of ``widget`` can take on its screen, frame left out."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return 10_000, 10_000
    area = screen.availableGeometry()
    return area.width() - FRAME_ALLOWANCE // 2, area.height() - FRAME_ALLOWANCE


def text_scale(widget: QWidget) -> float:
    """How much larger ``widget``'s text is than the normal size (1.0, or 1.3 for large text)."""
    return max(1.0, QFontInfo(widget.font()).pointSizeF() / BASE_POINT_SIZE)


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width``×``height`` (at normal text; scaled with the text size),
    or less where its screen is smaller."""
    most_w, most_h = available_size(widget)
    scale = text_scale(widget)
    widget.resize(min(round(width * scale), most_w), min(round(height * scale), most_h))
