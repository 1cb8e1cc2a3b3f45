"""What a committed write changed (操作变更), told to whoever listens — Anki's ``OpChanges``.

Every session records the tables and record ids it writes: the ORM's new, dirty and deleted
objects at each flush, and the rows of Core bulk writes that call :func:`note`. When the
session's transaction commits, ``Database.session()`` hands one :class:`OpChanges` to each
listener subscribed with ``Database.subscribe``; a rolled-back transaction announces nothing.
Screens refresh from that one signal (``ui/change_hub.py``) instead of each page guessing when
its data may have moved.

Listeners are called on the thread that committed (a worker thread for background jobs); the UI
bridge re-emits on the UI thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

INFO_KEY = "afc_op_changes"


@dataclass(frozen=True)
class OpChanges:
    """The tables and record ids one committed transaction wrote."""

    tables: frozenset[str] = field(default_factory=frozenset)
    record_ids: frozenset[str] = field(default_factory=frozenset)

    def touches(self, *tables: str) -> bool:
        """True when any of ``tables`` was written."""
        return not self.tables.isdisjoint(tables)

    def touches_record(self, record_id: str) -> bool:
        return record_id in self.record_ids

    def __bool__(self) -> bool:
        return bool(self.tables)

    def merged(self, other: OpChanges) -> OpChanges:
        return OpChanges(self.tables | other.tables, self.record_ids | other.record_ids)


class _Collector:
    """Tables and ids written in one session (kept in ``session.info``)."""

    __slots__ = ("tables", "ids")

    def __init__(self) -> None:
        self.tables: set[str] = set()
        self.ids: set[str] = set()

    def freeze(self) -> OpChanges:
        return OpChanges(frozenset(self.tables), frozenset(self.ids))


def _collector(session: Session) -> _Collector:
    found = session.info.get(INFO_KEY)
    if found is None:
        found = session.info[INFO_KEY] = _Collector()
    return found  # type: ignore[no-any-return]


def note(session: Session, table: str, record_ids: Iterable[Any] = ()) -> None:
    """Record a write made outside the ORM unit of work (Core inserts, bulk updates)."""
    c = _collector(session)
    c.tables.add(table)
    c.ids.update(str(i) for i in record_ids if i is not None)


def _after_flush(session: Session, _flush_context: Any) -> None:
    # After a flush the new/dirty/deleted lists still show what this flush wrote.
    c = _collector(session)
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(obj, "__tablename__", None)
        if table is None:
            continue
        c.tables.add(table)
        identity = inspect(obj).identity
        if identity and len(identity) == 1 and isinstance(identity[0], str):
            c.ids.add(identity[0])
        else:
            rid = getattr(obj, "id", None)
            if isinstance(rid, str):
                c.ids.add(rid)


def take(session: Session) -> OpChanges:
    """What ``session`` wrote so far, and forget it (called once at commit)."""
    c = session.info.pop(INFO_KEY, None)
    return c.freeze() if c is not None else OpChanges()


def discard(session: Session) -> None:
    """Forget what a rolled-back session wrote."""
    session.info.pop(INFO_KEY, None)


def after_flush(session: Session, flush_context: Any) -> None:
    """After every flush: collect what it wrote (installed by ``store.hooks.install_hooks``)."""
    _after_flush(session, flush_context)
