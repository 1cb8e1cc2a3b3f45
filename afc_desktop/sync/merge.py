"""How the events of one record become its row and its conflicts (合并与冲突): the effective
time and depth along each base_rev chain, the fold (newest event per field wins), and the
conflicts between concurrent edits of one field — written to ``sync_conflict`` once, closed when
a later edit made after seeing both sides has settled them. ``apply.py`` loads the events and
writes the rows; this module decides."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from afc_desktop.store.models.sync_state import SyncConflict

IDENTITY_FIELDS = frozenset({"id", "origin_site"})


@dataclass
class Ev:
    event_id: str
    site_id: str
    seq: int
    op: str
    base_rev: str | None
    fields: dict[str, Any]
    at: datetime
    eff: datetime = datetime.min.replace(tzinfo=UTC)
    depth: int = 0

    @property
    def key(self) -> tuple[datetime, int, str, str]:
        return (self.eff, self.depth, self.site_id, self.event_id)


def annotate(evs: dict[str, Ev]) -> dict[str, Ev]:
    """Set effective time and depth along the base_rev chains (iterative; chains can be long)."""
    done: set[str] = set()
    for start in evs.values():
        chain: list[Ev] = []
        cur: Ev | None = start
        while cur is not None and cur.event_id not in done:
            chain.append(cur)
            done.add(cur.event_id)
            cur = evs.get(cur.base_rev) if cur.base_rev else None
        for ev in reversed(chain):
            parent = evs.get(ev.base_rev) if ev.base_rev else None
            if parent is None:
                ev.eff, ev.depth = ev.at, 0
            else:
                ev.eff, ev.depth = max(ev.at, parent.eff), parent.depth + 1
    return evs


def _ancestors(ev: Ev, evs: dict[str, Ev]) -> set[str]:
    out: set[str] = set()
    cur = evs.get(ev.base_rev) if ev.base_rev else None
    while cur is not None and cur.event_id not in out:
        out.add(cur.event_id)
        cur = evs.get(cur.base_rev) if cur.base_rev else None
    return out


def _related(a: Ev, b: Ev, anc: dict[str, set[str]]) -> bool:
    """True when one event causally precedes the other."""
    if a.site_id == b.site_id:
        return True  # a site's own events are ordered by seq
    return a.event_id in anc[b.event_id] or b.event_id in anc[a.event_id]


def fold(evs: dict[str, Ev]) -> tuple[dict[str, Any], Ev]:
    """Field values of a record from its events, and the winning (newest) event."""
    winners: dict[str, Ev] = {}
    for ev in evs.values():
        for f in ev.fields:
            cur = winners.get(f)
            if cur is None or ev.key > cur.key:
                winners[f] = ev
    values = {f: ev.fields[f] for f, ev in winners.items()}
    return values, max(evs.values(), key=lambda e: e.key)


def conflict_id(table: str, record_id: str, field_: str, a: str, b: str) -> str:
    lo, hi = sorted((a, b))
    return hashlib.sha256(f"{table}|{record_id}|{field_}|{lo}|{hi}".encode()).hexdigest()[:40]


def record_conflicts(
    s: Session, table: str, record_id: str, evs: dict[str, Ev], new_ids: set[str]
) -> int:
    first = next(iter(evs.values()), None)
    if first is None or all(e.site_id == first.site_id for e in evs.values()):
        return 0  # one site's events are ordered by its seq: no conflict, none to close
    anc = {e.event_id: _ancestors(e, evs) for e in evs.values()}
    made = 0
    for nid in sorted(new_ids):
        n = evs.get(nid)
        if n is None:
            continue
        for o in evs.values():
            if o.event_id == nid or (o.event_id in new_ids and o.event_id < nid):
                continue
            if _related(n, o, anc):
                continue
            clashes: list[tuple[str, str]] = [
                (f, "field")
                for f in sorted((set(n.fields) & set(o.fields)) - IDENTITY_FIELDS)
                if n.fields[f] != o.fields[f]
            ]
            if (n.op == "delete") != (o.op == "delete"):
                clashes.append(("deleted", "deleted"))
            for f, kind in clashes:
                cid = conflict_id(table, record_id, f, n.event_id, o.event_id)
                if s.get(SyncConflict, cid) is not None:
                    continue
                a, b = sorted((n, o), key=lambda e: e.event_id)
                winner = max(a, b, key=lambda e: e.key)
                s.add(
                    SyncConflict(
                        id=cid,
                        table_name=table,
                        record_id=record_id,
                        field=f,
                        kind=kind,
                        event_a=a.event_id,
                        event_b=b.event_id,
                        site_a=a.site_id,
                        site_b=b.site_id,
                        value_a=a.fields.get(f, a.op == "delete" or None),
                        value_b=b.fields.get(f, b.op == "delete" or None),
                        winner_event=winner.event_id,
                    )
                )
                made += 1
    if len({e.site_id for e in evs.values()}) > 1:
        _close_superseded(s, table, record_id, evs, anc)
    return made


def _precedes(x: Ev, e: Ev, anc: dict[str, set[str]]) -> bool:
    """True when ``x`` is causally before ``e``."""
    if x.site_id == e.site_id:
        return x.seq < e.seq
    return x.event_id in anc[e.event_id]


def _close_superseded(
    s: Session, table: str, record_id: str, evs: dict[str, Ev], anc: dict[str, set[str]]
) -> None:
    """Close open conflicts that a later edit, made after seeing both sides, has settled
    (e.g. a person resolved it at the community). Depends only on the set of events."""
    open_conflicts = s.scalars(
        select(SyncConflict).where(
            SyncConflict.table_name == table,
            SyncConflict.record_id == record_id,
            SyncConflict.status == "open",
        )
    ).all()
    for c in open_conflicts:
        a, b = evs.get(c.event_a), evs.get(c.event_b)
        if a is None or b is None:
            continue
        for e in sorted(evs.values(), key=lambda ev: ev.key):
            if c.field in e.fields and _precedes(a, e, anc) and _precedes(b, e, anc):
                c.status = "resolved"
                c.resolution = "已被后续修改取代 (superseded by a later edit)"
                c.resolved_by = e.site_id
                c.resolved_at = e.at
                break
