"""The change log: every write to a synced table appends a ChangeEvent in the same transaction.

The hook (:func:`record_changes`) runs on SQLAlchemy's ``before_flush`` (installed by
``store.hooks.install_hooks``), so no ORM write path can bypass it: a new synced
row becomes an ``upsert`` event carrying all its fields, an edit carries only the changed fields
and the ``base_rev`` it was made on, setting ``deleted`` is a ``delete`` event, and a physical
delete of a synced row is refused. Per-site ``seq`` comes from ``SiteSequence``, updated in the
same transaction, so it is gap-free: a rolled-back write gives its numbers back.

Code that applies events received from elsewhere sets ``session.info["replaying"] = True``.

The hook listens on the ``Session`` class rather than on each sessionmaker: SQLAlchemy keys its
event registry by ``id()`` of the target, so a check such as ``event.contains(factory, …)`` can
match a stale entry left by a garbage-collected factory with the same id and skip the listener —
a database reopened after a restore would then write without a change log. ``store.hooks``
installs it once per process, from every ``Database`` (``open_database``), never at import time.

Bulk inserts (``store.bulk``) build their events with the same :func:`new_events`.
"""

from __future__ import annotations

import base64
import decimal
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, inspect
from sqlalchemy.orm import Session

from ..clock import Clock, process_clock
from .models.base import CLOCK_KEY, SYNC_BOOKKEEPING, Base, SyncMixin, new_id
from .models.core import ChangeEvent, SiteSequence


class SyncWriteError(RuntimeError):
    """A write the change log cannot record (no site, or a physical delete of a synced row)."""


# Hooks that derive local columns before events are built; see ``register_deriver``.
_DERIVERS: list[Callable[[Session, list[SyncMixin]], None]] = []


def register_deriver(fn: Callable[[Session, list[SyncMixin]], None]) -> None:
    """Run ``fn(session, touched_objects)`` in every flush before events are recorded."""
    if fn not in _DERIVERS:
        _DERIVERS.append(fn)


def run_derivers(session: Session, objs: list[SyncMixin]) -> None:
    """Refresh derived local columns of ``objs`` (sync apply replays, so the hook is off)."""
    for deriver in _DERIVERS:
        deriver(session, objs)


def synced_models() -> dict[str, type[SyncMixin]]:
    """Table name → model class for every synced table."""
    out: dict[str, type[SyncMixin]] = {}
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if issubclass(cls, SyncMixin):
            out[cls.__tablename__] = cls  # type: ignore[attr-defined]
    return out


def model_for_table(table: str) -> type[SyncMixin]:
    """The synced model class of a table name; KeyError when it is not synced."""
    return synced_models()[table]


_COLUMNS: dict[type, list[str]] = {}


def synced_columns(cls: type[SyncMixin]) -> list[str]:
    """Column attribute names sent in events: all but local and bookkeeping ones (cached)."""
    cols = _COLUMNS.get(cls)
    if cols is None:
        skip = set(cls.__local_columns__) | set(SYNC_BOOKKEEPING)
        cols = [c.key for c in inspect(cls).column_attrs if c.key not in skip]
        _COLUMNS[cls] = cols
    return cols


def encode_value(value: Any) -> Any:
    """A column value as JSON: dates ISO, datetimes ISO UTC, bytes base64."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


_DECODERS: dict[type, dict[str, Callable[[str], Any] | None]] = {}


def _decoders(cls: type) -> dict[str, Callable[[str], Any] | None]:
    """Column attribute → how its text from an event becomes a value (None: as it is)."""
    found = _DECODERS.get(cls)
    if found is None:
        found = {}
        mapper: Any = inspect(cls)
        for attr in mapper.column_attrs:
            col_type = attr.columns[0].type
            impl = getattr(col_type, "impl", None)
            if isinstance(col_type, DateTime) or (
                impl is not None and not isinstance(col_type, Date) and isinstance(impl, DateTime)
            ):
                found[attr.key] = datetime.fromisoformat
            elif isinstance(col_type, Date):
                found[attr.key] = date.fromisoformat
            else:
                found[attr.key] = None
        _DECODERS[cls] = found
    return found


def decode_fields(cls: type[SyncMixin], fields: dict[str, Any]) -> dict[str, Any]:
    """Turn event fields back into column values for ``cls`` (unknown fields are dropped)."""
    decoders = _decoders(cls)
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in decoders:
            continue
        decode = decoders[key]
        if decode is not None and isinstance(value, str):
            value = decode(value)
        out[key] = value
    return out


def event_as_dict(ev: ChangeEvent) -> dict[str, Any]:
    """The wire form of a ChangeEvent (docs/design.md §3)."""
    return {
        "event_id": ev.event_id,
        "site_id": ev.site_id,
        "seq": ev.seq,
        "table": ev.table_name,
        "record_id": ev.record_id,
        "op": ev.op,
        "base_rev": ev.base_rev,
        "fields": ev.fields,
        "at": ev.at.isoformat(),
        "actor": ev.actor,
        "actor_name": ev.actor_name,
    }


def session_clock(session: Session) -> Clock:
    """The clock of the database that opened ``session`` (the process clock otherwise)."""
    clock = session.info.get(CLOCK_KEY)
    return clock if isinstance(clock, Clock) else process_clock()


def next_seqs(session: Session, site_id: str, count: int) -> Iterable[int]:
    """Reserve ``count`` gap-free seq numbers for ``site_id`` in this transaction.

    The row is read afresh (not from the session's identity map) and locked on PostgreSQL
    (``FOR UPDATE``); on SQLite the transaction holds or takes the database's write lock
    (``store/db.py``), so two programs never hand out the same numbers.
    """
    seq_row = session.get(SiteSequence, site_id, with_for_update=True, populate_existing=True)
    if seq_row is None:
        seq_row = SiteSequence(site_id=site_id, last_seq=0)
        session.add(seq_row)
    first = seq_row.last_seq + 1
    seq_row.last_seq += count
    return range(first, first + count)


def _column_default(cls: type[SyncMixin], key: str) -> Any:
    """The Python-side default of a column, applied early so the event carries it."""
    default: Any = inspect(cls).column_attrs[key].columns[0].default
    if default is None:
        return None
    if default.is_scalar:
        return default.arg
    if default.is_callable:
        return default.arg(None)
    return None


def _changed_fields(obj: SyncMixin, columns: list[str]) -> dict[str, Any]:
    state = inspect(obj)
    changed: dict[str, Any] = {}
    for key in columns:
        hist = state.attrs[key].history
        if hist.has_changes():
            new = hist.added[0] if hist.added else None
            old = hist.deleted[0] if hist.deleted else None
            if hist.deleted and new == old:
                continue
            changed[key] = encode_value(new)
    return changed


def record_changes(session: Session) -> None:
    """Before every flush: append the change events of the session's new and edited synced
    rows (installed by :func:`afc_desktop.store.hooks.install_hooks`)."""
    if session.info.get("replaying"):
        return
    for obj in session.deleted:
        if isinstance(obj, SyncMixin):
            raise SyncWriteError(
                f"synced row {type(obj).__name__} {obj.id} must be tombstoned, not deleted"
            )
    new = [o for o in session.new if isinstance(o, SyncMixin)]
    dirty = [
        o
        for o in session.dirty
        if isinstance(o, SyncMixin) and session.is_modified(o, include_collections=False)
    ]
    if not new and not dirty:
        return
    site_id = session.info.get("site_id")
    if not site_id:
        raise SyncWriteError("no site id on the session: run setup before writing synced data")
    for deriver in _DERIVERS:
        deriver(session, new + dirty)
    now = session_clock(session).now()
    pending: list[tuple[SyncMixin, str, str | None, dict[str, Any]]] = []
    for obj in new:
        if obj.id is None:
            obj.id = new_id()
        if obj.origin_site is None:
            obj.origin_site = site_id
        if obj.deleted is None:
            obj.deleted = False
        obj.created_at = obj.created_at or now
        cols = synced_columns(type(obj))
        fields = {}
        for key in cols:
            value = getattr(obj, key)
            if value is None:
                value = _column_default(type(obj), key)
                setattr(obj, key, value)
            fields[key] = encode_value(value)
        pending.append((obj, "delete" if obj.deleted else "upsert", None, fields))
    for obj in dirty:
        fields = _changed_fields(obj, synced_columns(type(obj)))
        if not fields:
            continue
        op = "delete" if fields.get("deleted") is True else "upsert"
        pending.append((obj, op, obj.rev, fields))
    if not pending:
        return
    events = new_events(
        session,
        site_id,
        [
            (type(obj).__tablename__, obj.id, op, base_rev, fields)  # type: ignore[attr-defined]
            for obj, op, base_rev, fields in pending
        ],
        now=now,
    )
    for (obj, _op, _base, _fields), ev in zip(pending, events, strict=True):
        obj.rev = ev["event_id"]
        obj.updated_at = now
        session.add(ChangeEvent(**ev))


#: One change as the log records it: (table, record id, op, base_rev, fields).
PendingChange = tuple[str, str, str, str | None, Any]


def new_events(
    session: Session,
    site_id: str,
    pending: Sequence[PendingChange],
    *,
    now: datetime | None = None,
    event_ids: Sequence[str] | None = None,
) -> list[dict[str, Any]]:
    """The change events of ``pending``, in order, as ChangeEvent column values.

    The one place events are built, for the ORM hook and the bulk path alike: a fresh
    ``event_id`` (the row's new ``rev``), the next gap-free ``seq`` numbers of this site, the
    session's actor and one ``at`` for the whole flush. ``fields`` is passed through as given
    (the bulk path hands it over already encoded as JSON text, and its ``event_ids`` made in
    one go by ``models.base.new_ids``).
    """
    if not pending:
        return []
    at = now or session_clock(session).now()
    actor = session.info.get("actor")
    actor_name = session.info.get("actor_name", "")
    seqs = next_seqs(session, site_id, len(pending))
    ids = event_ids if event_ids is not None else [new_id() for _ in pending]
    return [
        {
            "event_id": event_id,
            "site_id": site_id,
            "seq": seq,
            "table_name": table,
            "record_id": record_id,
            "op": op,
            "base_rev": base_rev,
            "fields": fields,
            "at": at,
            "actor": actor,
            "actor_name": actor_name,
        }
        for (table, record_id, op, base_rev, fields), seq, event_id in zip(
            pending, seqs, ids, strict=True
        )
    ]
