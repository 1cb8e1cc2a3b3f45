"""Every hook the store puts on SQLAlchemy, in one place (会话钩子).

:func:`install_hooks` is called by ``store.db.open_database`` (and every ``Database``) before the
first session opens. It attaches ONE ``before_flush`` listener that runs, in this order:

1. ``models.daily.track_visits`` — each person's latest-visit summary follows their visits
   (also for replayed sync writes);
2. ``changes.record_changes`` — the change log: derived columns first (``derive``), then one
   event per new or edited synced row (skipped while replaying received events).

and ONE ``after_flush`` listener, ``op_changes.after_flush``, that collects what each flush
wrote so pages can refresh (Core bulk writes report theirs with ``op_changes.note``); and
registers the derivers of the two write paths: ``derive.derive_objects`` for the ORM flush
and ``derive.derive_person_rows`` / ``daily.track_bulk_visits`` for ``store.bulk`` inserts.
Nothing registers itself at import time any more; importing a module has no side effects.

The listener is attached to the ``Session`` class rather than to each sessionmaker: SQLAlchemy
keys its event registry by ``id()`` of the target, so a check such as
``event.contains(factory, …)`` can match a stale entry left by a garbage-collected factory with
the same id and skip the listener — a database reopened after a restore would then write
without a change log. A module flag makes the installation idempotent instead.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from . import bulk, changes, derive, op_changes
from .models import daily

_installed = False


def _before_flush(session: Session, _flush_context: Any, _instances: Any) -> None:
    daily.track_visits(session)
    changes.record_changes(session)


def install_hooks() -> None:
    """Attach the store's flush listener and register its derivers (idempotent)."""
    global _installed
    if _installed:
        return
    changes.register_deriver(derive.derive_objects)
    bulk.register_row_deriver("person", derive.derive_person_rows)
    bulk.register_row_deriver("visit", daily.track_bulk_visits)
    event.listen(Session, "before_flush", _before_flush)
    event.listen(Session, "after_flush", op_changes.after_flush)
    _installed = True


def installed() -> bool:
    """True once :func:`install_hooks` has run in this process."""
    return _installed
