"""Idle detection: an application-wide event filter that restarts a timer on every input."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Emits ``sig_idle`` after ``timeout_ms`` without keyboard or mouse input (0 = never)."""

    sig_idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.sig_idle)
        self._paused = False
        self.set_timeout(timeout_ms)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_timeout(self, timeout_ms: int) -> None:
        """Change the idle time; 0 turns locking off."""
        self._timeout = max(0, int(timeout_ms))
        self.reset()

    def pause(self, paused: bool) -> None:
        """Stop counting (while the lock dialog is up)."""
        self._paused = paused
        self.reset()

    def reset(self) -> None:
        self._timer.stop()
        if self._timeout and not self._paused:
            self._timer.setInterval(self._timeout)
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in _ACTIVITY and not self._paused and self._timeout:
            self._timer.start()
        return False

    def detach(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._timer.stop()
