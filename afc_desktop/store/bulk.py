"""Bulk inserts of new synced rows, with the same change-log guarantees as the ORM path.

The ORM unit of work costs about a millisecond per row once change events and derived columns
are added. ``insert_synced`` fills defaults and bookkeeping columns on plain dicts, runs the
table's row deriver (pinyin and search text of people, the visit summary), builds the change
events with ``changes.new_events`` — the same code as the ORM hook, so seq numbers come from
the same ``SiteSequence`` row and ORM and bulk writes in one session interleave without gaps or
repeats — and writes rows and events with one prepared ``executemany`` each
(``store.bulk_sql``), inside the caller's transaction. The events' ``fields`` are encoded to
JSON column by column, each distinct value once, into exactly the text ``json.dumps`` makes.

On SQLite, new people are put in the search index in one set-based statement, and a load much
larger than the table it goes into rebuilds the table's indexes instead of updating them per
row (``bulk_sql.search_index_deferred``, ``bulk_sql.indexes_rebuilt``).

A bulk load creates hundreds of thousands of small objects that live until it ends (rows,
payloads, events); Python's cyclic garbage collector would walk all of them again and again
while they pile up (a quarter of a dry run's time at 20,000 rows). :func:`gc_paused` holds the
collector for the span of a bulk path; the objects are freed by reference counting as usual,
and one collection runs at the end.

Only inserts are bulk: an edit needs the current version to compute changed fields and
``base_rev``, which the ORM path already does well for the few rows an import updates.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import Any

from sqlalchemy import Date, DateTime, LargeBinary, Numeric, inspect
from sqlalchemy.orm import Session

from . import bulk_sql, changes, op_changes
from .models.base import SyncMixin, new_ids
from .models.core import ChangeEvent

RowDeriver = Callable[[Session, list[dict[str, Any]]], None]
_ROW_DERIVERS: dict[str, RowDeriver] = {}

#: Rebuild a table's indexes when a load brings at least this many times its current rows.
REBUILD_FACTOR = 1.0
#: ... and at least this many rows (below, per-row index updates are cheap anyway).
REBUILD_MIN_ROWS = 5000
#: Page cache during a bulk load: about what one new person costs on disk (row, indexes,
#: change event, search entries; ~3 KB), up to a cap that bounds the memory it takes.
LOAD_CACHE_KIB_PER_ROW = 3
LOAD_CACHE_MAX_KIB = 256 * 1024


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector during a bulk load (nested uses are fine).

    Process-wide for a few seconds: other threads allocate as usual, only cycles wait.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


_LOADS = "bulk_loads"  # session.info key: table → ids written so far by the open bulk_load


def _large(conn: Any, cls: type, rows: int) -> bool:
    table: Any = cls.__table__  # type: ignore[attr-defined]
    return rows >= REBUILD_MIN_ROWS and rows >= REBUILD_FACTOR * bulk_sql.table_size(conn, table)


def _load_contexts(stack: ExitStack, conn: Any, cls: type, rows: int, ids: list[str]) -> None:
    """What a load of ``rows`` new rows of ``cls`` runs inside: an index rebuild when it is
    large for its table, and (people) the set-based search index fill of ``ids``."""
    if _large(conn, cls, rows):
        stack.enter_context(bulk_sql.indexes_rebuilt(conn, cls.__table__))  # type: ignore[attr-defined]
    if cls.__tablename__ == "person":  # type: ignore[attr-defined]
        stack.enter_context(bulk_sql.search_index_deferred(conn, ids))


@contextmanager
def bulk_load(session: Session, cls: type[SyncMixin], expected_rows: int) -> Iterator[None]:
    """Around several ``insert_synced`` calls of one load of ``cls`` (a file in chunks, so that
    memory stays flat and progress and cancel are checked between chunks): the index rebuild
    and, for people, the search index fill are decided and done once for the whole load —
    inside the caller's transaction like everything else. A change log as large as the load
    also has its indexes rebuilt."""
    table = cls.__tablename__  # type: ignore[attr-defined]
    loads = session.info.setdefault(_LOADS, {})
    if table in loads or expected_rows <= 0:
        yield
        return
    session.flush()
    conn = session.connection()
    ids: list[str] = []
    with ExitStack() as stack:
        cache = min(LOAD_CACHE_MAX_KIB, LOAD_CACHE_KIB_PER_ROW * expected_rows)
        stack.enter_context(bulk_sql.cache_grown(conn, cache))
        _load_contexts(stack, conn, cls, expected_rows, ids)
        if _large(conn, ChangeEvent, expected_rows):
            stack.enter_context(bulk_sql.indexes_rebuilt(conn, ChangeEvent.__table__))  # type: ignore[arg-type]
        loads[table] = ids
        try:
            yield
        finally:
            del loads[table]


def register_row_deriver(table: str, fn: RowDeriver) -> None:
    """Fill local, derived columns of new rows of ``table`` given as dicts (in place)."""
    _ROW_DERIVERS[table] = fn


def _defaults(cls: type[SyncMixin]) -> list[tuple[str, bool, Any]]:
    """(attribute, is_callable, value or column default) for columns with a Python default."""
    out: list[tuple[str, bool, Any]] = []
    for attr in inspect(cls).column_attrs:
        default: Any = attr.columns[0].default
        if default is None or attr.key in ("id", "created_at", "updated_at"):
            continue
        if default.is_scalar:
            out.append((attr.key, False, default.arg))
        elif default.is_callable:
            out.append((attr.key, True, default))  # called per row: no shared mutable values
    return out


def _column_keys(cls: type) -> dict[str, str]:
    """Attribute name → column key (they differ where a column is renamed)."""
    mapper: Any = inspect(cls)
    return {attr.key: str(attr.columns[0].key) for attr in mapper.column_attrs}


def _needs_encoding(cls: type[SyncMixin], key: str) -> bool:
    """True for columns whose values ``changes.encode_value`` changes (dates, numbers, bytes)."""
    col_type: Any = inspect(cls).column_attrs[key].columns[0].type
    impl = getattr(col_type, "impl", col_type)
    return isinstance(impl, (Date, DateTime, Numeric, LargeBinary))


def fields_json(cls: type[SyncMixin], rows: Sequence[dict[str, Any]]) -> list[str]:
    """Each row's event ``fields`` as JSON text: ``json.dumps`` of the synced columns'
    ``changes.encode_value`` values, as the ORM hook stores them (only the columns whose values
    need it go through ``encode_value``)."""
    columns = changes.synced_columns(cls)
    encoded = [c for c in columns if _needs_encoding(cls, c)]
    encode = changes.encode_value
    dumps = json.dumps
    out: list[str] = []
    for row in rows:
        fields = {c: row.get(c) for c in columns}
        for c in encoded:
            value = fields[c]
            if value is not None:
                fields[c] = encode(value)
        out.append(dumps(fields))
    return out


def insert_synced(
    session: Session, cls: type[SyncMixin], rows: Sequence[dict[str, Any]]
) -> list[str]:
    """Insert new rows of a synced model and their change events; returns the new ids.

    Each dict holds column values by attribute name; missing columns take their defaults.
    Raises ``SyncWriteError`` outside a set-up site, like the ORM path.
    """
    if not rows:
        return []
    site_id = session.info.get("site_id")
    if not site_id:
        raise changes.SyncWriteError("no site id on the session: run setup before writing")
    table = cls.__tablename__  # type: ignore[attr-defined]
    defaults = _defaults(cls)
    now = changes.session_clock(session).now()
    full: list[dict[str, Any]] = []
    fresh = iter(new_ids(sum(1 for given in rows if not given.get("id"))))
    for given in rows:
        row: dict[str, Any] = {
            key: (value.arg(None) if is_callable else value)
            for key, is_callable, value in defaults
            if key not in given
        }
        row.update(given)
        row["id"] = row.get("id") or next(fresh)
        if row.get("origin_site") is None:
            row["origin_site"] = site_id
        if row.get("deleted") is None:
            row["deleted"] = False
        row["created_at"] = row.get("created_at") or now
        row["updated_at"] = now
        full.append(row)
    session.flush()  # pending ORM writes first: derivers may read them (a new household)
    deriver = _ROW_DERIVERS.get(table)
    if deriver is not None:
        deriver(session, full)
    payloads = fields_json(cls, full)
    events = changes.new_events(
        session,
        site_id,
        [
            (table, row["id"], "delete" if row["deleted"] else "upsert", None, payload)
            for row, payload in zip(full, payloads, strict=True)
        ],
        now=now,
        event_ids=new_ids(len(full)),
    )
    session.flush()  # the sequence row
    for row, ev in zip(full, events, strict=True):
        row["rev"] = ev["event_id"]
    conn = session.connection()
    table_clause: Any = cls.__table__  # type: ignore[attr-defined]
    keys = _column_keys(cls)
    attrs = list(keys)
    with ExitStack() as stack:
        load = session.info.get(_LOADS, {}).get(table)
        if load is not None:  # inside bulk_load: indexes and search entries are its job
            load.extend(row["id"] for row in full)
        else:
            _load_contexts(stack, conn, cls, len(full), [r["id"] for r in full])
        bulk_sql.insert_columns(
            conn,
            table_clause,
            [keys[a] for a in attrs],
            [[row.get(a) for row in full] for a in attrs],
        )
    op_changes.note(session, table, (row["id"] for row in full))
    op_changes.note(session, ChangeEvent.__tablename__)
    event_keys = _column_keys(ChangeEvent)
    event_attrs = list(event_keys)
    bulk_sql.insert_columns(
        conn,
        ChangeEvent.__table__,  # type: ignore[arg-type]
        [event_keys[a] for a in event_attrs],
        [[ev[a] for ev in events] for a in event_attrs],
        prepared=frozenset({"fields"}),
    )
    return [row["id"] for row in full]
