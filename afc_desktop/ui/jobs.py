"""Long work off the UI thread: one small job runner shared by every screen.

API
---
A *job function* is a plain callable taking a :class:`JobControl` and returning a result::

    def work(control: JobControl) -> int:
        for i, chunk in enumerate(chunks):
            if control.cancelled():
                raise JobCancelled()            # or just return early
            control.progress(i, len(chunks), "正在导入第 %d 批" % i)
            ...                                # services open their own sessions
        return count

Hand the job **ids and plain values, never ORM objects**; the function calls services, which open
their own sessions on the worker thread (SQLite connections are per thread in the pool).

Run it::

    job = Job(work)                      # a QObject living on the UI thread
    job.sig_progress.connect(...)         # (done: int, total: int, text: str)
    job.sig_finished.connect(...)         # (result: object)
    job.sig_failed.connect(...)           # (message: str) — ServiceError text, or a plain
                                          #   "出错了：..." for anything unexpected
    job.sig_cancelled.connect(...)        # () — the function raised JobCancelled
    job.start()                           # runs in QThreadPool.globalInstance()
    job.cancel()                          # sets the flag the function checks

Or, with a progress dialog that shows only if the work lasts more than ``delay_ms`` (400 ms)
and has a 取消 button wired to ``job.cancel()``::

    job = run_with_progress(parent, work, title=tr("正在导入"),
                            on_done=lambda result: ..., on_error=lambda msg: ...)

The worker catches its own exceptions; exactly one of sig_finished / sig_failed / sig_cancelled
is emitted, always on the UI thread. Tests wait with ``qtbot.waitSignal(job.sig_finished)``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..applog import current_log_file
from ..errors import PlainError
from .service_messages import message_of

log = logging.getLogger(__name__)


class JobCancelled(Exception):
    """Raise from a job function to stop after the user pressed 取消."""


class JobControl:
    """What a job function gets: a progress callback and a cancel check (thread-safe)."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()

    def progress(self, done: int, total: int, text: str = "") -> None:
        """Report progress; ``total`` 0 means unknown (a busy indicator)."""
        self._relay.sig_progress.emit(int(done), int(total), text)

    def cancelled(self) -> bool:
        """True once the user asked to stop; the job should return or raise JobCancelled."""
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`JobCancelled` if cancelled (a one-line check inside loops)."""
        if self._cancel.is_set():
            raise JobCancelled()

    def _request_cancel(self) -> None:
        self._cancel.set()


class _Relay(QObject):
    """Signals emitted from the worker thread; queued to the Job on the UI thread."""

    sig_progress = Signal(int, int, str)
    sig_result = Signal(object)
    sig_error = Signal(str)
    sig_cancel = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[JobControl], Any], control: JobControl, relay: _Relay):
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._control, self._relay = fn, control, relay

    def run(self) -> None:
        try:
            result = self._fn(self._control)
        except JobCancelled:
            self._emit(self._relay.sig_cancel)
        except PlainError as exc:  # a service's refusal, a busy database…: shown as it is
            self._emit(self._relay.sig_error, message_of(exc))
        except Exception:  # noqa: BLE001 - the worker must never die silently
            log.exception("job failed")
            # never the exception's text: it may carry SQL or personal data (it is in the log)
            msg = QCoreApplication.translate(
                "Job", "出错了，这一步没有完成；详细记录已写入日志：{0}"
            ).format(current_log_file() or "-")
            self._emit(self._relay.sig_error, msg)
        else:
            if self._control.cancelled():
                self._emit(self._relay.sig_cancel)
            else:
                self._emit(self._relay.sig_result, result)

    @staticmethod
    def _emit(signal: Any, *args: Any) -> None:
        # The window that started the job may be gone (closed, or the app quitting) by the
        # time the work ends; then nobody is left to tell.
        try:
            signal.emit(*args)
        except RuntimeError:
            log.debug("job finished after its receiver was deleted")


class Job(QObject):
    """One piece of long work run in the global thread pool; see the module docstring."""

    sig_progress = Signal(int, int, str)
    sig_finished = Signal(object)
    sig_failed = Signal(str)
    sig_cancelled = Signal()
    sig_done = Signal()  # after any of the three outcomes

    def __init__(self, fn: Callable[[JobControl], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._relay = _Relay()
        self.control = JobControl(self._relay)
        self.running = False
        q = Qt.ConnectionType.QueuedConnection
        self._relay.sig_progress.connect(self.sig_progress, q)
        self._relay.sig_result.connect(self._on_result, q)
        self._relay.sig_error.connect(self._on_error, q)
        self._relay.sig_cancel.connect(self._on_cancel, q)

    def start(self) -> None:
        """Queue the work on the global thread pool."""
        self.running = True
        _alive.add(self)  # keep Python wrappers alive until the outcome is delivered
        QThreadPool.globalInstance().start(_Runnable(self._fn, self.control, self._relay))

    def cancel(self) -> None:
        """Ask the job to stop; it reports sig_cancelled once it has."""
        self.control._request_cancel()

    def _finish(self) -> None:
        self.running = False
        self.sig_done.emit()
        _alive.discard(self)

    def _on_result(self, result: object) -> None:
        self.sig_finished.emit(result)
        self._finish()

    def _on_error(self, message: str) -> None:
        self.sig_failed.emit(message)
        self._finish()

    def _on_cancel(self) -> None:
        self.sig_cancelled.emit()
        self._finish()


_alive: set[Job] = set()


class JobProgressDialog(QProgressDialog):
    """A progress dialog for a job: appears after ``delay_ms``, its 取消 button cancels the job."""

    def __init__(self, job: Job, title: str, parent: QWidget | None, delay_ms: int = 400) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setLabelText(title)
        self.setCancelButtonText(self.tr("取消"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(0)
        self.setRange(0, 0)
        self._job = job
        self.canceled.connect(self._cancel)
        job.sig_progress.connect(self._on_progress)
        job.sig_done.connect(self._close)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_if_running)
        self._timer.start(delay_ms)

    def _show_if_running(self) -> None:
        if self._job.running:
            self.show()

    def _cancel(self) -> None:
        self.setLabelText(self.tr("正在取消……"))
        self._job.cancel()

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.setRange(0, total)
            self.setValue(min(done, total))
        if text:
            self.setLabelText(text)

    def _close(self) -> None:
        self._timer.stop()
        self.hide()
        self.deleteLater()


def run_with_progress(
    parent: QWidget | None,
    fn: Callable[[JobControl], Any],
    *,
    title: str,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[str], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    delay_ms: int = 400,
) -> Job:
    """Start ``fn`` as a :class:`Job` with a delayed :class:`JobProgressDialog`; returns the job."""
    job = Job(fn, parent)
    JobProgressDialog(job, title, parent, delay_ms)
    if on_done:
        job.sig_finished.connect(on_done)
    if on_error:
        job.sig_failed.connect(on_error)
    if on_cancelled:
        job.sig_cancelled.connect(on_cancelled)
    job.start()
    return job
