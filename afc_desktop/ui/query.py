"""Reads off the UI thread where only the latest answer counts (typing, filters, refreshes).

``LatestQuery.run(work, on_done)`` starts ``work()`` as a :class:`~afc_desktop.ui.jobs.Job`
and delivers its result only if no newer ``run`` was started meanwhile; an older job is asked
to cancel and its result, if it still arrives, is dropped. One helper instead of a token scheme
per page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from .jobs import Job


class LatestQuery(QObject):
    """One kind of read of one screen; see the module docstring."""

    sig_loaded = Signal()  # after a current result was delivered

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._job: Job | None = None

    @property
    def loading(self) -> bool:
        """True while the latest run has not delivered yet."""
        return self._job is not None and self._job.running

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None] | None = None,
    ) -> Job:
        """Start ``work``; ``on_done(result)`` only if this is still the latest run."""
        self._generation += 1
        generation = self._generation
        if self._job is not None and self._job.running:
            self._job.cancel()
        job = Job(lambda _control: work(), self)
        self._job = job

        def finished(result: Any) -> None:
            if generation == self._generation:
                on_done(result)
                self.sig_loaded.emit()

        def failed(message: str) -> None:
            if generation == self._generation and on_error is not None:
                on_error(message)

        job.sig_finished.connect(finished)
        job.sig_failed.connect(failed)
        job.start()
        return job

    def drop_pending(self) -> None:
        """Forget any run in flight (its result will be dropped)."""
        self._generation += 1
