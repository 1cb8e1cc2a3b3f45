"""The one signal screens refresh from: what a committed write changed (``store/op_changes``).

``ChangeHub`` subscribes to the database and re-emits each :class:`OpChanges` as
``sig_changed`` on the UI thread (writes made by background jobs commit on a worker thread).
The main window routes it to its pages: a page declares ``WATCHES`` (table names) and
``refresh_for_changes()``; a visible page refreshes at once, a hidden one when it is next shown.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal

from ..store.db import Database
from ..store.op_changes import OpChanges


class ChangeHub(QObject):
    """Database commits as a Qt signal on the UI thread."""

    sig_changed = Signal(object)  # OpChanges
    _sig_relay = Signal(object)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db: Database | None = db
        # Queued: the emit may come from a worker thread; delivery is on this object's thread.
        self._sig_relay.connect(self.sig_changed, Qt.ConnectionType.QueuedConnection)
        db.subscribe(self._on_commit)

    def _on_commit(self, changes: OpChanges) -> None:
        try:
            self._sig_relay.emit(changes)
        except RuntimeError:  # the hub's C++ object is gone (window closed)
            self.detach()

    def detach(self) -> None:
        """Stop listening (the window closes or the database is swapped)."""
        if self._db is not None:
            self._db.unsubscribe(self._on_commit)
            self._db = None


def route(changes: OpChanges, page: object, visible: bool) -> bool:
    """Tell ``page`` about ``changes`` if it watches any changed table; True if it cared.

    A visible page refreshes now; a hidden page is marked stale and refreshes when shown
    (``refresh_if_stale``).
    """
    watches = getattr(page, "WATCHES", None)
    refresh = getattr(page, "refresh_for_changes", None)
    if not watches or refresh is None or not changes.touches(*watches):
        return False
    if visible:
        refresh()
    else:
        page._stale_from_changes = True  # type: ignore[attr-defined]
    return True


def refresh_if_stale(page: object) -> None:
    """Refresh a page marked stale while it was hidden."""
    if getattr(page, "_stale_from_changes", False):
        page._stale_from_changes = False  # type: ignore[attr-defined]
        page.refresh_for_changes()  # type: ignore[attr-defined]
