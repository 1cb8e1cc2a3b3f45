"""Set-based writing of records new to this database (成批写入新记录), for ``sync.apply``.

``apply._materialize`` folds every touched record from its events in Python (the fold follows
``base_rev`` chains, see ``apply``'s module doc). Records that already have a row go through the
ORM as before; records that have none yet — nearly all of a community's first bundle at the
district — are written here, table by table in foreign-key order, with one ``COPY`` per table
on PostgreSQL (one ``executemany`` elsewhere), instead of one ``get`` and one unit-of-work
insert per record.

The rows are exactly what the ORM path writes for a new object:

- ``created_at`` = earliest event time, ``origin_site`` = site of the earliest event (by the
  fold's key), then the folded field values (which may override both), ``deleted`` false when
  unset, ``rev``/``updated_at`` from the newest event;
- a column left unset, or set to ``None`` where the ORM would leave it out of the ``INSERT``,
  takes its Python default, as the unit of work does;
- people get their derived search columns (``store.derive``) after their households are
  written, and each person's latest-visit summary (``PersonVisitState``) follows their new
  visits with the rule of ``models.daily.track_visits``: the first visit of the batch with the
  latest date among the new completed ones and the stored latest one, a stored visit winning
  only when strictly later.

Anything the database refuses (a reference still missing) raises ``IntegrityError`` out of the
caller's savepoint; the caller then writes the same records through the ORM path, which sets
the unwritable ones aside (``SyncUnmaterialized``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, bindparam, func, insert, inspect, select, update
from sqlalchemy.orm import Session

from afc_desktop.store import bulk_sql, changes, derive, op_changes
from afc_desktop.store.models import Base
from afc_desktop.store.models.daily import PersonVisitState, Visit, row_recency

IN_CHUNK = 500
PVS: Table = PersonVisitState.__table__  # type: ignore[assignment]
VISITS: Table = Visit.__table__  # type: ignore[assignment]


class _Shape:
    """How one model's attributes become ``INSERT`` parameters."""

    def __init__(self, model: type) -> None:
        mapper: Any = inspect(model)
        self.table: Table = model.__table__  # type: ignore[attr-defined]
        self.keys: dict[str, str] = {a.key: str(a.columns[0].key) for a in mapper.column_attrs}
        # attribute -> (is_callable, value) for columns with a Python default
        self.defaults: dict[str, tuple[bool, Any]] = {}
        # attributes whose None the unit of work leaves out of the INSERT (so the default fires)
        self.none_omitted: set[str] = set()
        for attr in mapper.column_attrs:
            col = attr.columns[0]
            default: Any = col.default
            if default is not None:
                if default.is_scalar:
                    self.defaults[attr.key] = (False, default.arg)
                elif default.is_callable:
                    self.defaults[attr.key] = (True, default.arg)
            if not getattr(col.type, "should_evaluate_none", False):
                self.none_omitted.add(attr.key)

    def params(self, values: dict[str, Any]) -> dict[str, Any]:
        """Column-keyed INSERT parameters for one new row given by attribute values."""
        row: dict[str, Any] = {}
        for attr, col_key in self.keys.items():
            value = values.get(attr)
            if value is None and (attr not in values or attr in self.none_omitted):
                fallback = self.defaults.get(attr)
                if fallback is not None:
                    is_callable, arg = fallback
                    value = arg(None) if is_callable else arg
                elif attr not in values:
                    continue  # no default: the column stays NULL, as the ORM leaves it
            row[col_key] = value
        return row


_SHAPES: dict[type, _Shape] = {}


def _shape(model: type) -> _Shape:
    found = _SHAPES.get(model)
    if found is None:
        found = _SHAPES[model] = _Shape(model)
    return found


def new_row(model: type, record_id: str, evs: dict[str, Any], fold: Any) -> dict[str, Any]:
    """Attribute values of a record's new row, as ``apply._write_row`` sets them."""
    values, newest = fold(evs)
    first = min(evs.values(), key=lambda e: e.key)
    row: dict[str, Any] = {
        "id": record_id,
        "created_at": min(e.at for e in evs.values()),
        "origin_site": first.site_id,
    }
    for key, value in changes.decode_fields(model, values).items():  # type: ignore[arg-type]
        if key != "id":
            row[key] = value
    if row.get("deleted") is None:
        row["deleted"] = False
    row["rev"] = newest.event_id
    row["updated_at"] = newest.at
    return row


def insert_new(
    s: Session,
    models: dict[str, type],
    records: Sequence[tuple[tuple[str, str], dict[str, Any]]],
    fold: Any,
) -> None:
    """Insert the rows of ``records`` ((table, id) → its events), none of which exists yet."""
    by_table: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (table, record_id), evs in records:
        by_table[table].append(new_row(models[table], record_id, evs, fold))
    conn = s.connection()
    for table_obj in Base.metadata.sorted_tables:  # parents before children
        rows = by_table.get(table_obj.name)
        if not rows:
            continue
        model = models[table_obj.name]
        if table_obj.name == "person":
            derive.derive_person_rows(s, rows)
        elif table_obj.name == "visit":
            track_new_visits(s, rows)
        shape = _shape(model)
        # one executemany per set of columns (rows of one table nearly always share it)
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            params = shape.params(row)
            groups[tuple(params)].append(params)
        for cols, group in groups.items():
            if conn.dialect.name == "postgresql":
                bulk_sql.copy_rows(conn, shape.table, cols, (tuple(r.values()) for r in group))
            else:
                conn.execute(insert(shape.table), group)
        op_changes.note(s, table_obj.name, (r["id"] for r in rows))


def _stored_latest_done(s: Session, person_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Each person's latest completed, live visit already stored (``daily._latest_done``)."""
    out: dict[str, dict[str, Any]] = {}
    conn = s.connection()
    step = IN_CHUNK if conn.dialect.name != "postgresql" else len(person_ids) or 1
    for i in range(0, len(person_ids), step):
        part = person_ids[i : i + step]
        ranked = (
            select(
                VISITS.c.person_id,
                VISITS.c.id,
                VISITS.c.visit_date,
                VISITS.c.risk_level,
                VISITS.c.created_at,
                func.row_number()
                .over(
                    partition_by=VISITS.c.person_id,
                    order_by=(
                        VISITS.c.visit_date.desc(),
                        VISITS.c.created_at.desc(),
                        VISITS.c.id.desc(),
                    ),
                )
                .label("rn"),
            )
            .where(
                bulk_sql.among(conn.dialect.name, VISITS.c.person_id, part),
                VISITS.c.status == "done",
                VISITS.c.deleted.is_(False),
            )
            .subquery()
        )
        for pid, vid, vdate, risk, created in s.execute(
            select(
                ranked.c.person_id,
                ranked.c.id,
                ranked.c.visit_date,
                ranked.c.risk_level,
                ranked.c.created_at,
            ).where(ranked.c.rn == 1)
        ):
            out[pid] = {"id": vid, "visit_date": vdate, "risk_level": risk, "created_at": created}
    return out


def track_new_visits(s: Session, rows: list[dict[str, Any]]) -> None:
    """Each person's visit summary after new visit rows (before they are inserted)."""
    by_person: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        if row.get("person_id") is not None:
            by_person.setdefault(row["person_id"], []).append(row)
    persons = list(by_person)
    stored = _stored_latest_done(s, persons)
    existing: set[str] = set()
    dialect = s.connection().dialect.name
    step = IN_CHUNK if dialect != "postgresql" else len(persons) or 1
    for i in range(0, len(persons), step):
        part = persons[i : i + step]
        existing.update(
            s.scalars(select(PVS.c.person_id).where(bulk_sql.among(dialect, PVS.c.person_id, part)))
        )
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for person_id, visits in by_person.items():
        candidates = [v for v in visits if v.get("status") == "done" and not v.get("deleted")]
        if person_id in stored:
            candidates.append(stored[person_id])
        # the summary's one order (date, then when written, then id): two visits on one day
        # keep the same risk level at the hub as on every laptop
        best = max(candidates, key=row_recency, default=None)
        values = {
            "last_visit_id": best["id"] if best else None,
            "last_visit_date": best["visit_date"] if best else None,
            "risk_level": (best.get("risk_level") or "normal") if best else "normal",
        }
        if person_id in existing:
            updates.append({"pid": person_id, **values})
        else:
            inserts.append({"person_id": person_id, **values})
    conn = s.connection()
    if inserts and conn.dialect.name == "postgresql":
        cols = tuple(inserts[0])
        bulk_sql.copy_rows(conn, PVS, cols, (tuple(r.values()) for r in inserts))
    elif inserts:
        conn.execute(insert(PVS), inserts)
    if updates:
        conn.execute(update(PVS).where(PVS.c.person_id == bindparam("pid")), updates)
    if inserts or updates:
        op_changes.note(s, PVS.name, by_person)
