"""A small horizontal bar chart drawn with QPainter (no QtCharts, which needs PySide6-Addons).

Bars are labelled on the left with their value at the end. A bar carrying a ``filter`` is
clickable: a click, or Enter/Space on the bar chosen with the arrow keys, emits
``sig_bar_clicked(filter)``. An optional target line (e.g. 100%) is drawn across all bars.
Sizes follow the widget's font, so the large-text mode enlarges the chart too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

BAR_COLOR = QColor("#3c78b4")
ALERT_COLOR = QColor("#c0392b")
MUTED_COLOR = QColor("#9aa7b4")
TARGET_COLOR = QColor("#2e8b57")


@dataclass(frozen=True)
class Bar:
    """One bar: label, value, the text shown at its end, and the filter a click opens."""

    label: str
    value: float
    text: str = ""
    filter: dict[str, Any] | None = None
    color: QColor | None = None
    tooltip: str = ""


class BarChart(QWidget):
    """Horizontal bars with a title; ``sig_bar_clicked(dict)`` for bars that have a filter."""

    sig_bar_clicked = Signal(dict)

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._bars: list[Bar] = []
        self._maximum: float | None = None
        self._target: float | None = None
        self._target_label = ""
        self._empty_text = ""
        self._hover = -1
        self._current = -1
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(title)

    # --- data --------------------------------------------------------------------------------

    def set_title(self, title: str) -> None:
        self._title = title
        self.setAccessibleName(title)
        self.update()

    def title(self) -> str:
        return self._title

    def set_bars(
        self,
        bars: list[Bar],
        *,
        maximum: float | None = None,
        target: float | None = None,
        target_label: str = "",
        empty_text: str = "",
    ) -> None:
        """Show ``bars``; ``maximum`` fixes the scale (else the largest value), ``target`` draws
        a line at that value; ``empty_text`` is shown when there are no bars."""
        self._bars = list(bars)
        self._maximum = maximum
        self._target = target
        self._target_label = target_label
        self._empty_text = empty_text
        self._hover = -1
        self._current = -1 if not self._bars else min(max(self._current, 0), len(self._bars) - 1)
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def click_bar(self, index: int) -> bool:
        """Activate bar ``index`` as a click would; False when it has no filter."""
        if 0 <= index < len(self._bars) and self._bars[index].filter is not None:
            self.sig_bar_clicked.emit(dict(self._bars[index].filter))
            return True
        return False

    # --- geometry ----------------------------------------------------------------------------

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def _title_height(self) -> int:
        return self.fontMetrics().height() + 12 if self._title else 4

    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(b.label) for b in self._bars), default=40)
        return min(widest + 12, max(80, int(self.width() * 0.45)))

    def _value_width(self) -> int:
        metrics = self.fontMetrics()
        return max((metrics.horizontalAdvance(self._text(b)) for b in self._bars), default=20) + 10

    def _text(self, bar: Bar) -> str:
        return bar.text or f"{bar.value:g}"

    def _bar_rect(self, index: int) -> QRectF:
        top = self._title_height() + index * self._row_height()
        left = self._label_width()
        span = max(10, self.width() - left - self._value_width() - 8)
        scale = self._scale()
        width = span * (self._bars[index].value / scale) if scale else 0
        return QRectF(left, top + 3, max(width, 1.5), self._row_height() - 6)

    def _row_rect(self, index: int) -> QRectF:
        top = self._title_height() + index * self._row_height()
        return QRectF(0, top, self.width(), self._row_height())

    def _scale(self) -> float:
        if self._maximum is not None:
            return self._maximum
        biggest = max((b.value for b in self._bars), default=0.0)
        if self._target is not None:
            biggest = max(biggest, self._target)
        return float(biggest)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        rows = max(len(self._bars), 1) + (1 if self._target_label else 0)
        return QSize(360, self._title_height() + rows * self._row_height() + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(220, self.sizeHint().height())

    def bar_at(self, pos: QPointF) -> int:
        """Index of the bar row under ``pos``, or -1."""
        for i in range(len(self._bars)):
            if self._row_rect(i).contains(pos):
                return i
        return -1

    # --- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_color = palette.color(QPalette.ColorRole.WindowText)
        metrics = self.fontMetrics()
        if self._title:
            title_font = self.font()
            title_font.setBold(True)
            painter.setFont(title_font)
            painter.setPen(text_color)
            painter.drawText(
                QRectF(4, 2, self.width() - 8, self._title_height() - 4),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self._title,
            )
            painter.setFont(self.font())
        if not self._bars:
            painter.setPen(MUTED_COLOR)
            painter.drawText(
                QRectF(4, self._title_height(), self.width() - 8, self._row_height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self._empty_text,
            )
            return
        label_w = self._label_width()
        for i, bar in enumerate(self._bars):
            row = self._row_rect(i)
            if i == self._hover and bar.filter is not None:
                painter.fillRect(row, palette.color(QPalette.ColorRole.AlternateBase))
            if i == self._current and self.hasFocus():
                painter.setPen(
                    QPen(palette.color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DotLine)
                )
                painter.drawRect(row.adjusted(1, 1, -1, -1))
            painter.setPen(text_color)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w - 10)
            painter.drawText(
                QRectF(4, row.top(), label_w - 10, row.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            rect = self._bar_rect(i)
            color = bar.color or (BAR_COLOR if bar.filter is not None else MUTED_COLOR)
            if i == self._hover and bar.filter is not None:
                color = color.darker(120)
            painter.fillRect(rect, color)
            # with a target line the values stand in a column of their own, clear of the line
            text_x = (
                (self.width() - self._value_width())
                if self._target is not None
                else rect.right() + 6
            )
            painter.drawText(
                QRectF(text_x, row.top(), self._value_width(), row.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self._text(bar),
            )
        if self._target is not None and self._scale():
            span = max(10, self.width() - label_w - self._value_width() - 8)
            x = label_w + span * (self._target / self._scale())
            top = self._title_height()
            bottom = top + len(self._bars) * self._row_height()
            painter.setPen(QPen(TARGET_COLOR, 2, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
            if self._target_label:
                width = metrics.horizontalAdvance(self._target_label) + 4
                painter.drawText(
                    QRectF(x - width, bottom, width, self._row_height()),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    self._target_label,
                )

    # --- interaction -------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        index = self.bar_at(event.position())
        if index != self._hover:
            self._hover = index
            clickable = index >= 0 and self._bars[index].filter is not None
            self.setCursor(
                Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor
            )
            if index >= 0:
                bar = self._bars[index]
                tip = bar.tooltip or f"{bar.label}：{self._text(bar)}"
                if clickable:
                    tip += self.tr("（点击查看名单）")
                QToolTip.showText(event.globalPosition().toPoint(), tip, self)
            self.update()

    def leaveEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
        self._hover = -1
        self.unsetCursor()
        self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.bar_at(event.position())
            if index >= 0:
                self._current = index
                self.click_bar(index)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        key = event.key()
        if self._bars and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if key == Qt.Key.Key_Down else -1
            self._current = (max(self._current, 0) + step) % len(self._bars)
            self.update()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._current >= 0:
            self.click_bar(self._current)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt API)
        if self._current < 0 and self._bars:
            self._current = 0
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt API)
        self.update()
        super().focusOutEvent(event)
