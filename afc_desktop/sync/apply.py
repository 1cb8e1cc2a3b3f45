"""Applying received change events (应用同步变更), docs/design.md §3 rules 2–4 and 6.

One call of ``apply_events`` runs inside the caller's single transaction (one per bundle):

- an event id already stored with the same content is skipped; the same id with different
  content (or a different event claiming a stored site/seq) raises ``EventClash``;
- events of each site are applied in contiguous seq order; an event after a gap is held in
  ``sync_pending_event`` and applied as soon as the gap fills;
- a record's row is *folded* from all its stored events: each field takes the value of the
  greatest event that wrote it, ordered by (effective time, depth, site id, event id), where
  the effective time of an event is the later of its own ``at`` and its parent's (the event
  named by ``base_rev``), so a causal successor always beats its ancestor even with a
  wrong clock. The fold depends only on the set of events, so any import order converges;
- two events that are not ancestors of each other and write different values to the same
  field give a ``SyncConflict``; so does an update concurrent with a delete (tombstone).
"""

from __future__ import annotations

import gc
import hashlib
import operator
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from afc_desktop.store import bulk_sql, changes
from afc_desktop.store.models import ChangeEvent
from afc_desktop.store.models.sync_state import (
    SyncPendingEvent,
    SyncSiteState,
    SyncUnmaterialized,
)
from afc_desktop.sync import apply_rows
from afc_desktop.sync.bundle import event_where
from afc_desktop.sync.errors import EventClash
from afc_desktop.sync.merge import (  # noqa: F401  (conflict_id, fold: used by callers of apply)
    IDENTITY_FIELDS,
    Ev,
    conflict_id,
    fold,
    record_conflicts,
)
from afc_desktop.sync.merge import (
    annotate as annotate_chains,
)
from afc_desktop.sync.validate import FieldSchema

BATCH = 4000
# Records new here are written set-based (``apply_rows``); off only to compare with the ORM path
SET_BASED = True
CE: Table = ChangeEvent.__table__  # type: ignore[assignment]
PE: Table = SyncPendingEvent.__table__  # type: ignore[assignment]
UM: Table = SyncUnmaterialized.__table__  # type: ignore[assignment]


@dataclass
class ApplyResult:
    """What one bundle did (one result line on the command line)."""

    applied: int = 0
    skipped: int = 0
    held: int = 0
    released: int = 0
    conflicts: int = 0
    unmaterialized: int = 0
    foreign: int = 0
    gaps: dict[str, tuple[int, int]] = field(default_factory=dict)  # site -> missing from..to
    contiguous: dict[str, int] = field(default_factory=dict)


def parse_at(value: str) -> datetime:
    dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _row(ev: dict[str, Any], bundle_id: str | None = None) -> dict[str, Any]:
    row = {
        "event_id": ev["event_id"],
        "site_id": ev["site_id"],
        "seq": ev["seq"],
        "table_name": ev["table"],
        "record_id": ev["record_id"],
        "op": ev["op"],
        "base_rev": ev["base_rev"],
        "fields": ev["fields"],
        "at": parse_at(ev["at"]),
        "actor": ev["actor"],
        "actor_name": ev.get("actor_name", "") or "",
    }
    if bundle_id is not None:
        row["bundle_id"] = bundle_id
    return row


_SAME = ("site_id", "seq", "table_name", "record_id", "op", "base_rev", "fields", "at", "actor")


def _same_content(stored: Any, row: dict[str, Any]) -> bool:
    return all(getattr(stored, k) == row[k] for k in _SAME)


# Called with the rows about to enter the change log, in seq order, before they are written;
# raises a BundleRefused to refuse the whole bundle (the district's authorisation check).
Authorise = Callable[[Session, list[dict[str, Any]]], None]


class _Schema:
    """Which tables and fields an event may name, and what each field accepts."""

    def __init__(self) -> None:
        self.models = changes.synced_models()
        self.fields = FieldSchema()

    def check(self, ev: dict[str, Any], line_no: int) -> None:
        self.fields.check(ev, lambda: f"第 {line_no} 条变更{event_where(ev)}")


def contiguous_seq(s: Session, site_id: str) -> int:
    """Highest seq of ``site_id`` applied here with no gap before it."""
    state = s.get(SyncSiteState, site_id)
    if state is not None:
        return state.contiguous_seq
    return int(s.scalar(select(func.max(CE.c.seq)).where(CE.c.site_id == site_id)) or 0)


def apply_events(
    s: Session,
    events: Iterable[dict[str, Any]],
    *,
    bundle_id: str,
    local_site_id: str | None = None,
    only_site: str | None = None,
    authorise: Authorise | None = None,
) -> ApplyResult:
    """Apply a stream of validated events in the session's transaction (see module doc).

    ``only_site`` (the district) applies only the sending site's own events: a site cannot
    speak for another, so events of other sites in its bundle are counted in ``foreign``
    and left for their own site to send. ``authorise`` sees every event before it enters the
    change log (held events when their gap fills) and may refuse the bundle.
    Every event's fields are validated first (``SchemaInvalid`` names record and field).
    """
    with _collect_per_batch() as collect:
        return _apply_events(s, events, bundle_id, local_site_id, only_site, authorise, collect)


FULL_COLLECT_EVERY = 10  # batches between full collections (objects promoted meanwhile)


class _Collector:
    """Young generations after each batch, everything every ``FULL_COLLECT_EVERY`` batches."""

    def __init__(self) -> None:
        self.batches = 0

    def __call__(self) -> None:
        self.batches += 1
        gc.collect(2 if self.batches % FULL_COLLECT_EVERY == 0 else 1)


def _nothing() -> None:
    pass


@contextmanager
def _collect_per_batch() -> Iterator[Callable[[], None]]:
    """Python's cyclic garbage collector paused for the import, run once per batch instead.

    A batch allocates tens of thousands of small containers; the automatic collector then runs
    every few hundred allocations and walks the batch's live objects each time (a fifth of the
    import's Python time). Collecting the young generations after each batch, and all of them
    every few batches, frees the same cycles, so memory still depends on the batch only."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield _Collector() if was_enabled else _nothing
    finally:
        if was_enabled:
            gc.enable()


def _apply_events(
    s: Session,
    events: Iterable[dict[str, Any]],
    bundle_id: str,
    local_site_id: str | None,
    only_site: str | None,
    authorise: Authorise | None,
    collect: Callable[[], None],
) -> ApplyResult:
    s.info["replaying"] = True
    schema = _Schema()
    result = ApplyResult()
    his: dict[str, int] = {}
    # events of earlier batches are found in the tables; only the current batch needs a map
    seen: dict[str, dict[str, Any]] = {}
    batch: list[dict[str, Any]] = []

    def flush_batch() -> None:
        dirty, known = _apply_batch(
            s, batch, schema, his, seen, result, bundle_id, local_site_id, authorise
        )
        _materialize(s, dirty, schema, result, known)
        batch.clear()
        seen.clear()
        collect()

    for line_no, ev in enumerate(events, 1):
        schema.check(ev, line_no)
        if only_site is not None and ev["site_id"] != only_site:
            result.foreign += 1
            continue
        batch.append(ev)
        if len(batch) >= BATCH:
            flush_batch()
    flush_batch()
    for site_id in list(his):
        dirty = _release_pending(s, site_id, his, result, authorise)
        _materialize(s, dirty, schema, result)
    _retry_unmaterialized(s, schema, result)
    for site_id, hi in his.items():
        state = s.get(SyncSiteState, site_id)
        if state is None:
            state = SyncSiteState(site_id=site_id, contiguous_seq=hi)
            s.add(state)
        state.contiguous_seq = hi
        result.contiguous[site_id] = hi
        first_held = s.scalar(
            select(func.min(PE.c.seq)).where(PE.c.site_id == site_id, PE.c.seq > hi)
        )
        if first_held is not None:
            result.gaps[site_id] = (hi + 1, int(first_held) - 1)
    s.flush()
    return result


def _apply_batch(
    s: Session,
    batch: list[dict[str, Any]],
    schema: _Schema,
    his: dict[str, int],
    seen: dict[str, dict[str, Any]],
    result: ApplyResult,
    bundle_id: str,
    local_site_id: str | None,
    authorise: Authorise | None,
) -> tuple[dict[tuple[str, str], set[str]], dict[tuple[str, str], dict[str, Ev]]]:
    """Store the batch's events (or hold them); returns the records to rewrite and, for those
    whose every event is known without reading the log back, their events."""
    dirty: dict[tuple[str, str], set[str]] = defaultdict(set)
    if not batch:
        return dirty, {}
    ids = [ev["event_id"] for ev in batch]
    dialect = _dialect(s)
    stored = {
        r.event_id: r
        for r in s.execute(select(CE).where(bulk_sql.among(dialect, CE.c.event_id, ids)))
    }
    held = {
        r.event_id: r
        for r in s.execute(select(PE).where(bulk_sql.among(dialect, PE.c.event_id, ids)))
    }
    to_apply: list[dict[str, Any]] = []
    to_hold: list[dict[str, Any]] = []
    for ev in batch:
        row = _row(ev)
        eid = row["event_id"]
        prior = stored.get(eid) or held.get(eid)
        if prior is None and eid in seen:
            prior_row = seen[eid]
            if any(prior_row[k] != row[k] for k in _SAME):
                raise EventClash(f"事件 {eid}")
            result.skipped += 1
            continue
        if prior is not None:
            if not _same_content(prior, row):
                raise EventClash(f"事件 {eid}")
            result.skipped += 1
            continue
        site = row["site_id"]
        if site == local_site_id:
            # our own event, echoed back by a peer's snapshot: we hold the original
            result.skipped += 1
            continue
        if site not in his:
            his[site] = contiguous_seq(s, site)
        seen[eid] = row
        if row["seq"] <= his[site]:
            raise EventClash(f"站点 {site} 的序号 {row['seq']} 已被另一事件占用")
        if row["seq"] == his[site] + 1:
            his[site] += 1
            to_apply.append(row)
            dirty[(row["table_name"], row["record_id"])].add(eid)
        else:
            to_hold.append({**row, "bundle_id": bundle_id})
    if to_apply and authorise is not None:
        authorise(s, to_apply)
    # each record's events: those stored before this batch (read once) and the batch's own
    known = _load_many(s, {(r["table_name"], r["record_id"]) for r in to_apply}, annotate=False)
    for r in to_apply:
        known[(r["table_name"], r["record_id"])][r["event_id"]] = Ev(
            r["event_id"], r["site_id"], r["seq"], r["op"], r["base_rev"], r["fields"], r["at"]
        )
    if to_apply:
        _insert_events(s, to_apply)
        result.applied += len(to_apply)
    if to_hold:
        try:
            with s.begin_nested():
                s.execute(insert(PE), to_hold)
        except IntegrityError as exc:
            raise EventClash("待补齐的事件与已保存的序号冲突") from exc
        result.held += len(to_hold)
    # events held earlier may now follow on directly
    for site in {r["site_id"] for r in to_apply}:
        for key, ids_ in _release_pending(s, site, his, result, authorise).items():
            dirty[key] |= ids_
            known.pop(key, None)  # released events too: read from the log
    return dirty, known


_CE_COLUMNS = ("event_id", *_SAME, "actor_name")
_ce_values = operator.itemgetter(*_CE_COLUMNS)


def _insert_events(s: Session, rows: list[dict[str, Any]]) -> None:
    """Into the change log: ``COPY`` on PostgreSQL, an ``executemany`` elsewhere."""
    conn = s.connection()
    if conn.dialect.name == "postgresql":
        bulk_sql.copy_rows(conn, CE, _CE_COLUMNS, map(_ce_values, rows))
    else:
        s.execute(insert(CE), rows)


def _release_pending(
    s: Session,
    site_id: str,
    his: dict[str, int],
    result: ApplyResult,
    authorise: Authorise | None = None,
) -> dict[tuple[str, str], set[str]]:
    """Move held events of ``site_id`` that now follow the contiguous seq into the log."""
    dirty: dict[tuple[str, str], set[str]] = defaultdict(set)
    while True:
        rows = s.execute(
            select(PE)
            .where(PE.c.site_id == site_id, PE.c.seq > his[site_id])
            .order_by(PE.c.seq)
            .limit(BATCH)
        ).all()
        moved = []
        for r in rows:
            if r.seq != his[site_id] + 1:
                break
            his[site_id] += 1
            moved.append({k: getattr(r, k) for k in _SAME + ("event_id", "actor_name")})
            dirty[(r.table_name, r.record_id)].add(r.event_id)
        if not moved:
            return dirty
        if authorise is not None:
            authorise(s, moved)
        _insert_events(s, moved)
        moved_ids = [m["event_id"] for m in moved]
        s.execute(PE.delete().where(bulk_sql.among(_dialect(s), PE.c.event_id, moved_ids)))
        result.released += len(moved)
        result.applied += len(moved)
        if len(moved) < len(rows) or len(rows) < BATCH:
            return dirty


# --- folding a record's events into its row ---------------------------------------------


_EV_COLUMNS = (CE.c.event_id, CE.c.site_id, CE.c.seq, CE.c.op, CE.c.base_rev, CE.c.fields, CE.c.at)
IN_CHUNK = 500  # ids a query names on SQLite (its parameter limit); PostgreSQL takes one array


def _dialect(s: Session) -> str:
    return str(s.connection().dialect.name)


def _chunks(s: Session, ids: list[str]) -> Iterator[list[str]]:
    """``ids`` in pieces one query can name (all at once on PostgreSQL)."""
    step = len(ids) or 1 if _dialect(s) == "postgresql" else IN_CHUNK
    for i in range(0, len(ids), step):
        yield ids[i : i + step]


def _load_many(
    s: Session, keys: Iterable[tuple[str, str]], *, annotate: bool = True
) -> dict[tuple[str, str], dict[str, Ev]]:
    """The stored events of many records, one query per table (PostgreSQL)."""
    out: dict[tuple[str, str], dict[str, Ev]] = {k: {} for k in keys}
    by_table: dict[str, list[str]] = defaultdict(list)
    for table, record_id in out:
        by_table[table].append(record_id)
    dialect = _dialect(s)
    for table, ids in by_table.items():
        for part in _chunks(s, ids):
            rows = s.execute(
                select(CE.c.record_id, *_EV_COLUMNS).where(
                    CE.c.table_name == table, bulk_sql.among(dialect, CE.c.record_id, part)
                )
            )
            for r in rows:
                out[(table, r[0])][r.event_id] = Ev(*r[1:])
    if annotate:
        for evs in out.values():
            annotate_chains(evs)
    return out


def _prefetch_rows(s: Session, schema: _Schema, keys: Iterable[tuple[str, str]]) -> list[Any]:
    """Load the existing rows into the identity map (held by the returned list)."""
    by_table: dict[str, list[str]] = defaultdict(list)
    for table, record_id in keys:
        by_table[table].append(record_id)
    held: list[Any] = []
    for table, ids in by_table.items():
        model = schema.models[table]
        for part in _chunks(s, ids):
            held.extend(s.scalars(select(model).where(bulk_sql.among(_dialect(s), model.id, part))))
    return held


def _write_row(s: Session, schema: _Schema, table: str, record_id: str, evs: dict[str, Ev]) -> Any:
    model = schema.models[table]
    values, newest = fold(evs)
    obj = s.get(model, record_id)
    if obj is None:
        obj = model(id=record_id)  # type: ignore[call-arg]
        s.add(obj)
        obj.created_at = min(e.at for e in evs.values())
        obj.origin_site = min(evs.values(), key=lambda e: e.key).site_id
    for key, value in changes.decode_fields(model, values).items():
        if key != "id":
            setattr(obj, key, value)
    if obj.deleted is None:
        obj.deleted = False
    obj.rev = newest.event_id
    obj.updated_at = newest.at
    return obj


def _run_derivers(s: Session, objs: list[Any]) -> None:
    """Replayed rows need their derived local columns (search text, pinyin) too."""
    changes.run_derivers(s, objs)


def _materialize(
    s: Session,
    dirty: dict[tuple[str, str], set[str]],
    schema: _Schema,
    result: ApplyResult,
    known: dict[tuple[str, str], dict[str, Ev]] | None = None,
) -> None:
    """Rewrite the rows of ``dirty`` records from their events; record new conflicts.

    ``known`` holds records' complete event sets already in memory (not read back)."""
    if not dirty:
        return
    known = known or {}
    loaded = _load_many(s, [key for key in dirty if key not in known])
    for key in dirty:
        if key in known:
            loaded[key] = annotate_chains(known[key])
    for (table, record_id), new_ids in dirty.items():
        result.conflicts += record_conflicts(
            s, table, record_id, loaded[(table, record_id)], new_ids
        )
    s.flush()
    held = _prefetch_rows(s, schema, loaded)
    existing = {(obj.__tablename__, obj.id) for obj in held}
    fresh = [(key, evs) for key, evs in loaded.items() if key not in existing]
    rest = loaded
    if fresh and SET_BASED:
        try:
            # records new here: set-based inserts (apply_rows), the rest through the ORM
            with s.begin_nested():
                apply_rows.insert_new(s, schema.models, fresh, fold)
            rest = {key: evs for key, evs in loaded.items() if key in existing}
        except IntegrityError:
            pass  # a reference is missing: the ORM path below sets such records aside
    try:
        with s.begin_nested(), s.no_autoflush:
            objs = [_write_row(s, schema, t, r, evs) for (t, r), evs in rest.items()]
            _run_derivers(s, objs)
            s.flush()
        cleared = list(loaded)
    except IntegrityError:
        # write one by one; rows that cannot be written yet wait for their references
        s.expunge_all()
        cleared = [key for key in loaded if key not in rest]
        for (table, record_id), evs in rest.items():
            try:
                with s.begin_nested(), s.no_autoflush:
                    obj = _write_row(s, schema, table, record_id, evs)
                    _run_derivers(s, [obj])
                    s.flush()
                cleared.append((table, record_id))
            except IntegrityError as exc:
                s.expunge_all()
                s.merge(
                    SyncUnmaterialized(
                        table_name=table, record_id=record_id, reason=str(exc.orig)[:500]
                    )
                )
                s.flush()
    del held
    if cleared and s.scalar(select(UM.c.record_id).limit(1)) is not None:
        for table, record_id in cleared:
            s.execute(UM.delete().where(UM.c.table_name == table, UM.c.record_id == record_id))
    s.expunge_all()


def _retry_unmaterialized(s: Session, schema: _Schema, result: ApplyResult) -> None:
    waiting = [(w.table_name, w.record_id) for w in s.scalars(select(SyncUnmaterialized))]
    if waiting:
        _materialize(s, {key: set() for key in waiting}, schema, result)
    result.unmaterialized = int(s.scalar(select(func.count()).select_from(SyncUnmaterialized)) or 0)


# --- state hash ---------------------------------------------------------------------------


def state_hash(s: Session, origin_site: str | None = None) -> str:
    """Order-independent hash of (table, id, rev) over synced records (状态校验值).

    With ``origin_site`` only records born at that site count, so a site and the district
    can compare the same set. The sum of SHA-256 values modulo 2**256 does not depend on
    the order rows are read in.
    """
    total = 0
    for table, model in sorted(changes.synced_models().items()):
        q = select(model.id, model.rev)
        if origin_site is not None:
            q = q.where(model.origin_site == origin_site)
        for rid, rev in s.execute(q):
            digest = hashlib.sha256(f"{table}|{rid}|{rev}".encode()).digest()
            total = (total + int.from_bytes(digest, "big")) % (1 << 256)
    return f"{total:064x}"


def iter_site_events(s: Session, site_id: str, after_seq: int = 0) -> Iterator[dict[str, Any]]:
    """Stream one site's stored events after ``after_seq`` as wire dicts (flat memory)."""
    seq = after_seq
    while True:
        rows = (
            s.execute(
                select(ChangeEvent)
                .where(ChangeEvent.site_id == site_id, ChangeEvent.seq > seq)
                .order_by(ChangeEvent.seq)
                .limit(BATCH)
            )
            .scalars()
            .all()
        )
        if not rows:
            return
        for ev in rows:
            yield changes.event_as_dict(ev)
        seq = rows[-1].seq
        s.expunge_all()


def iter_all_events(s: Session) -> Iterator[dict[str, Any]]:
    """Stream every stored event (all sites) for a snapshot bundle."""
    sites = list(s.scalars(select(ChangeEvent.site_id).distinct().order_by(ChangeEvent.site_id)))
    for site_id in sites:
        yield from iter_site_events(s, site_id)
