"""The raw SQL of the bulk paths, in one place (批量写入的SQL).

Everything here runs on the caller's connection, inside its transaction; nothing commits.

- :func:`insert_columns` — one ``executemany`` of rows given column by column. On SQLite each
  column goes through the very bind processor SQLAlchemy would use (so a bulk row is stored
  exactly as an ORM row), once per distinct value, and straight to the driver; other databases
  take the Core ``insert`` (same stored form, more overhead per row).
- :func:`copy_rows` — on PostgreSQL, ``COPY … FROM STDIN`` of rows whose values went through the
  same bind processors a Core ``insert`` uses (so the stored form is the same), for the sync
  apply's change events and new rows (docs/architecture.md, "Set-based apply at the hub").
- :func:`search_index_deferred` — on SQLite, the person search index (FTS5 trigram, kept by the
  ``person_search_ai`` trigger) is filled once for all new rows with set-based ``INSERT …
  SELECT`` instead of by the trigger row by row; the trigger is dropped and re-created inside
  the transaction, so no other connection ever sees it missing.
- :func:`indexes_rebuilt` — a large insert into a small table drops the table's secondary
  indexes and builds them again afterwards (one sort each instead of a random b-tree insert per
  row and index), inside the transaction.
- :func:`cache_grown` — during a large load, a page cache large enough to hold what the load
  writes (up to a cap), so that the index rebuilds and the search index fill read the new pages
  from memory instead of decrypting them again from the WAL, and nothing spills mid-load.
- :func:`among` — ``column IN (…)`` for a list of keys: on PostgreSQL one array parameter
  (``= ANY(ARRAY(SELECT json_array_elements_text(:keys)))``, the keys as one JSON text), so a
  query of 500 ids is neither compiled nor parsed with 500 parameters.
- :func:`live_people_matching` / :func:`live_households_at` — one query per file to find the
  registered people and households an import could match (keys passed as one JSON array).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    String,
    Table,
    any_,
    bindparam,
    cast,
    column,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.engine import Connection

_SEARCH_TRIGGER = "person_search_ai"


def _quote(conn: Connection, name: str) -> str:
    return str(conn.dialect.identifier_preparer.quote(name))


# Value types whose equal values always have the same stored form (unlike Decimal("1.0") and
# Decimal("1"), 0.0 and -0.0, or equal datetimes in different time zones).
_PLAIN_TYPES = frozenset({str, int, bool, date})


def _frozen(value: Any) -> Any:
    """A hashable key that equals another's only when the two values are stored the same:
    lists and dicts (in their key order) of plain values, each tagged with its type; raises
    TypeError for anything else (a float: 0.0 and -0.0 are equal but written differently)."""
    kind = type(value)
    if kind is list or kind is tuple:
        return (list, tuple(_frozen(v) for v in value))
    if kind is dict:
        return (dict, tuple((_frozen(k), _frozen(v)) for k, v in value.items()))
    if kind in _PLAIN_TYPES or value is None:
        return (kind, value)
    raise TypeError(kind)


def processed_column(values: list[Any], proc: Callable[[Any], Any]) -> list[Any]:
    """``values`` through a bind processor (``None`` kept), each distinct value once.

    A column of one plain type is mapped through a dict of its distinct values in C; anything
    else goes value by value, memoised per (type, value) where that is safe, lists and dicts
    (JSON columns) by their frozen form, other objects by identity.
    """
    kinds = set(map(type, values))
    kinds.discard(type(None))
    if len(kinds) == 1 and kinds <= _PLAIN_TYPES:
        memo = {v: (None if v is None else proc(v)) for v in set(values)}
        return list(map(memo.__getitem__, values))
    out: list[Any] = []
    memo_typed: dict[tuple[type, Any], Any] = {}
    memo_same: dict[int, Any] = {}  # one object shared by many rows (a load's ``now``)
    for value in values:
        if value is None:
            out.append(None)
        elif type(value) in _PLAIN_TYPES:
            key = (type(value), value)
            done = memo_typed.get(key)
            if done is None:
                done = memo_typed[key] = proc(value)
            out.append(done)
        elif type(value) is list or type(value) is dict:  # a JSON column: lists of codes
            try:
                key = _frozen(value)
            except TypeError:
                out.append(proc(value))
                continue
            done = memo_typed.get(key)
            if done is None:
                done = memo_typed[key] = proc(value)
            out.append(done)
        else:
            done = memo_same.get(id(value))  # the objects live in ``values`` meanwhile
            if done is None:
                done = memo_same[id(value)] = proc(value)
            out.append(done)
    return out


def insert_columns(
    conn: Connection,
    table: Table,
    columns: Sequence[str],
    values: Sequence[list[Any]],
    *,
    prepared: frozenset[str] = frozenset(),
) -> None:
    """Insert rows given column by column: ``values[i]`` holds every row's value of
    ``columns[i]`` (column keys), all lists of the same length.

    Columns named in ``prepared`` hold values already in their stored form (JSON text) and skip
    their bind processor. On SQLite each column goes through the very bind processor SQLAlchemy
    would use (so a bulk row is stored exactly as an ORM row), once per distinct value, and the
    rows are zipped and streamed to the driver's ``executemany``; other databases take the Core
    ``insert`` (same stored form, more overhead per row).
    """
    if not values or not values[0]:
        return
    if conn.dialect.name != "sqlite":
        as_json = {c for c in prepared if c in table.c}
        dicts = [
            {c: (json.loads(v) if c in as_json else v) for c, v in zip(columns, row, strict=True)}
            for row in zip(*values, strict=True)
        ]
        conn.execute(insert(table), dicts)
        return
    ready: list[list[Any]] = []
    for key, col in zip(columns, values, strict=True):
        proc = None if key in prepared else table.c[key].type._cached_bind_processor(conn.dialect)
        ready.append(col if proc is None else processed_column(col, proc))
    names = ", ".join(_quote(conn, table.c[c].name) for c in columns)
    marks = ", ".join("?" for _ in columns)
    sql = f"INSERT INTO {_quote(conn, table.name)} ({names}) VALUES ({marks})"
    # The session's own DBAPI connection, so the same transaction.
    cursor = conn.connection.cursor()
    try:
        cursor.executemany(sql, zip(*ready, strict=True))  # type: ignore[arg-type]
    finally:
        cursor.close()


def among(dialect: str, col: Any, keys: Sequence[str]) -> Any:
    """``col IN keys`` (text keys); on PostgreSQL as ``col = ANY(:array)``, one parameter."""
    if dialect == "postgresql":
        # sent as one JSON text (dumped in C), not an array psycopg quotes element by element
        keys_json = bindparam(None, json.dumps(list(keys)), type_=String, unique=True)
        elements = select(func.json_array_elements_text(cast(keys_json, JSON))).scalar_subquery()
        return col == any_(func.array(elements))
    return col.in_(keys)


def copy_rows(
    conn: Connection, table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """PostgreSQL: ``COPY`` ``rows`` (tuples in the order of ``columns``) into ``table``.

    Every value, ``None`` included, goes through its column's bind processor as in a Core
    ``executemany``. A database error is raised as SQLAlchemy's (``IntegrityError``,
    ``DataError`` …), so callers' savepoints and refusals work as with ``insert``.
    """
    from sqlalchemy import exc

    procs = [table.c[key].type._cached_bind_processor(conn.dialect) for key in columns]
    names = ", ".join(_quote(conn, table.c[c].name) for c in columns)
    sql = f"COPY {_quote(conn, table.name)} ({names}) FROM STDIN"
    raw: Any = conn.connection.dbapi_connection  # the session's own: the same transaction
    dbapi: Any = conn.dialect.loaded_dbapi
    # only the columns that have a processor are touched (most text columns have none)
    active = [(i, p) for i, p in enumerate(procs) if p is not None]
    width = len(procs)
    try:
        with raw.cursor() as cur, cur.copy(sql) as copy:
            for row in rows:
                if len(row) != width:
                    raise ValueError(f"{len(row)} values for {width} columns")
                if active:
                    row = list(row)
                    for i, proc in active:
                        row[i] = proc(row[i])
                copy.write_row(row)
    except dbapi.Error as err:
        raise exc.DBAPIError.instance(sql, None, err, dbapi.Error) from err


@contextmanager
def search_index_deferred(conn: Connection, person_ids: Sequence[str]) -> Iterator[None]:
    """Around an insert of new people: index them in the FTS5 table in one statement.

    ``person_ids`` is read after the block (a list the block may still fill). Does nothing off
    SQLite or when the trigger is not there (an older schema).
    """
    sql = None
    if conn.dialect.name == "sqlite":
        sql = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
            (_SEARCH_TRIGGER,),
        ).scalar()
    if sql is None:
        yield
        return
    conn.exec_driver_sql(f"DROP TRIGGER {_SEARCH_TRIGGER}")
    yield
    if not person_ids:
        conn.exec_driver_sql(sql)
        return
    ids = json.dumps(list(person_ids))
    conn.exec_driver_sql(
        "INSERT INTO person_search_map(person_id) SELECT value FROM json_each(?)", (ids,)
    )
    conn.exec_driver_sql(
        "INSERT INTO person_search(rowid, body) "
        "SELECT m.rowid, p.search_text FROM json_each(?) j "
        "JOIN person_search_map m ON m.person_id = j.value "
        "JOIN person p ON p.id = j.value WHERE p.deleted = 0",
        (ids,),
    )
    conn.exec_driver_sql(sql)


def table_size(conn: Connection, table: Table) -> int:
    """Number of rows of ``table`` (cheap enough before a bulk insert)."""
    return int(conn.execute(text(f"SELECT count(*) FROM {_quote(conn, table.name)}")).scalar() or 0)


@contextmanager
def indexes_rebuilt(conn: Connection, table: Table) -> Iterator[None]:
    """Drop the secondary indexes of ``table`` and build them again after the block (SQLite)."""
    if conn.dialect.name != "sqlite":
        yield
        return
    rows = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL",
        (table.name,),
    ).all()
    for name, _sql in rows:
        conn.exec_driver_sql(f"DROP INDEX {_quote(conn, name)}")
    yield
    for _name, sql in rows:
        conn.exec_driver_sql(sql)


@contextmanager
def cache_grown(conn: Connection, kib: int) -> Iterator[None]:
    """SQLite: a page cache of at least ``kib`` KiB for the block, then the previous size again
    (SQLite frees the pages above it). Per connection, inside the caller's transaction."""
    if conn.dialect.name != "sqlite":
        yield
        return
    before = int(conn.exec_driver_sql("PRAGMA cache_size").scalar() or 0)
    if before < 0:  # set in KiB
        current = -before
    else:  # set in pages
        current = before * int(conn.exec_driver_sql("PRAGMA page_size").scalar() or 4096) // 1024
    if kib <= current:
        yield
        return
    conn.exec_driver_sql(f"PRAGMA cache_size = {-int(kib)}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {before}")


def live_people_matching(
    conn: Connection, id_numbers: Sequence[str], names: Sequence[str]
) -> list[tuple[str, str | None, str, Any]]:
    """(id, id_number, name, birth_date) of live people with one of the ID numbers or names."""
    if conn.dialect.name == "sqlite":
        sql = (
            "SELECT id, id_number, name, birth_date FROM person WHERE deleted = 0 AND ("
            "id_number IN (SELECT value FROM json_each(:ids)) "
            "OR name IN (SELECT value FROM json_each(:names)))"
        )
        params: dict[str, Any] = {
            "ids": json.dumps(list(id_numbers)),
            "names": json.dumps(list(names)),
        }
    else:
        sql = (
            "SELECT id, id_number, name, birth_date FROM person WHERE deleted = false AND ("
            "id_number = ANY(:ids) OR name = ANY(:names))"
        )
        params = {"ids": list(id_numbers), "names": list(names)}
    stmt = text(sql).columns(
        column("id"), column("id_number"), column("name"), column("birth_date", Date)
    )
    return [(r[0], r[1], r[2], r[3]) for r in conn.execute(stmt, params)]


def live_households_at(conn: Connection, addresses: Sequence[str]) -> dict[str, str]:
    """Address text → id of a live household at one of ``addresses`` (the first one found)."""
    if not addresses:
        return {}
    if conn.dialect.name == "sqlite":
        sql = (
            "SELECT id, address_text FROM household WHERE deleted = 0 "
            "AND address_text IN (SELECT value FROM json_each(:a)) ORDER BY rowid"
        )
        params: dict[str, Any] = {"a": json.dumps(list(addresses))}
    else:
        sql = (
            "SELECT id, address_text FROM household WHERE deleted = false "
            "AND address_text = ANY(:a)"
        )
        params = {"a": list(addresses)}
    out: dict[str, str] = {}
    for hid, address in conn.execute(text(sql), params):
        out.setdefault(address, hid)
    return out
