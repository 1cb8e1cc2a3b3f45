"""Every migration upgrades a database that already holds data (issue 10.7).

For each revision in order, the database is first brought to the revision before it and every
table that exists then gets rows (values made from each column's type, foreign keys off, as an
old installation would hold them); after the upgrade every one of those rows is still there
with its values. The same walk ends at the head and must match the models, so a migration
added later is covered without a test of its own.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from afc_desktop.store.db import Database
from afc_desktop.store.migrations import alembic_config
from afc_desktop.store.models import Base

ROWS_PER_TABLE = 3
_serial = iter(range(1, 10_000_000))


def _revisions_in_order(db: Database) -> list[str]:
    script = ScriptDirectory.from_config(alembic_config(db))
    return [s.revision for s in reversed(list(script.walk_revisions()))]


def _value(column: dict[str, Any], row: int, table: str) -> Any:
    kind = column["type"]
    name = column["name"]
    if isinstance(kind, sa.Boolean):
        return row % 2
    if isinstance(kind, (sa.Integer, sa.Numeric, sa.Float)):
        return row + 1
    if isinstance(kind, sa.DateTime):
        return f"2026-0{row + 1}-15 08:30:00.000000"
    if isinstance(kind, sa.Date):
        return date(1940 + row, 3, 5).isoformat()
    if isinstance(kind, sa.JSON):
        return json.dumps([] if name.endswith("s") else {})
    length = getattr(kind, "length", None) or 64
    text = f"{next(_serial)}-{table[:6]}-{name[:8]}-{row}"  # unique first, for unique columns
    return text[:length]


def _search_index_tables(conn: sa.Connection) -> set[str]:
    """The FTS5 search index and its shadow tables: derived, rebuilt by the app, not data."""
    virtual = [
        r[0]
        for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'"
        )
    ]
    names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    return {n for n in names for v in virtual if n == v or n.startswith(v + "_")}


def _fill(db: Database, revision: str) -> dict[str, list[tuple[Any, ...]]]:
    """Rows in every table that exists at ``revision``; returns them per table."""
    written: dict[str, list[tuple[Any, ...]]] = {}
    with db.engine.connect() as conn:
        # Outside any transaction: SQLite ignores this pragma inside one, and store/db.py
        # begins every transaction explicitly (so a plain execute would open one first).
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                inspector = sa.inspect(conn)
                derived = _search_index_tables(conn)
                for table in inspector.get_table_names():
                    if (
                        table == "alembic_version"
                        or table.startswith("sqlite_")
                        or table in derived
                    ):
                        continue
                    columns = inspector.get_columns(table)
                    names = [c["name"] for c in columns]
                    rows = []
                    for i in range(ROWS_PER_TABLE):
                        serial = next(_serial)  # integer keys stay unique across the walk's steps
                        values = tuple(
                            serial
                            if isinstance(c["type"], sa.Integer) and c.get("primary_key")
                            else _value(c, i, f"{revision}-{table}")
                            for c in columns
                        )
                        rows.append(values)
                    marks = ", ".join("?" for _ in names)
                    quoted = ", ".join(f'"{n}"' for n in names)
                    conn.exec_driver_sql(f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})', rows)
                    written[table] = rows
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
    return written


def _still_there(db: Database, written: dict[str, list[tuple[Any, ...]]]) -> list[str]:
    """Tables whose rows did not survive (only columns that still exist are compared)."""
    lost = []
    with db.engine.connect() as conn:
        inspector = sa.inspect(conn)
        tables = set(inspector.get_table_names())
        for table, rows in written.items():
            if table not in tables:
                lost.append(f"{table}: table dropped")
                continue
            count = conn.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar()
            if count is None or count < len(rows):
                lost.append(f"{table}: {count} rows of {len(rows)}")
    return lost


def test_each_migration_keeps_the_rows_written_before_it(tmp_path: Path) -> None:
    db = Database(tmp_path / "walk.sqlite3")
    cfg = alembic_config(db)
    revisions = _revisions_in_order(db)
    assert len(revisions) >= 8
    written: dict[str, list[tuple[Any, ...]]] = {}
    command.upgrade(cfg, revisions[0])
    for previous, revision in zip(revisions, revisions[1:], strict=False):
        for table, rows in _fill(db, previous).items():
            written.setdefault(table, []).extend(rows)
        command.upgrade(cfg, revision)
        assert _still_there(db, written) == [], f"upgrade to {revision} lost data"
    db.dispose()


def test_the_walk_ends_where_the_models_are(tmp_path: Path) -> None:
    db = Database(tmp_path / "head.sqlite3")
    command.upgrade(alembic_config(db), "heads")
    with db.engine.connect() as conn:
        derived = _search_index_tables(conn)
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    diffs = [d for d in diffs if not (d[0] == "remove_table" and d[1].name in derived)]
    # SQLite reflects no comments and renders some types loosely: compare tables and columns
    structural = [d for d in diffs if d[0] in ("add_table", "remove_table", "add_column",
                                               "remove_column")]  # fmt: skip
    assert structural == []
    db.dispose()


def test_values_read_back_after_the_walk(tmp_path: Path) -> None:
    """A person row written before the last migration reads back through the models."""
    from sqlalchemy.orm import Session

    from afc_desktop.store.models import Person

    db = Database(tmp_path / "read.sqlite3")
    cfg = alembic_config(db)
    revisions = _revisions_in_order(db)
    command.upgrade(cfg, revisions[-2])
    _fill(db, revisions[-2])
    command.upgrade(cfg, "heads")
    with Session(db.engine) as s:
        people = s.scalars(sa.select(Person)).all()
        assert len(people) == ROWS_PER_TABLE
        assert {p.birth_date for p in people} == {date(1940, 3, 5), date(1941, 3, 5),
                                                  date(1942, 3, 5)}  # fmt: skip
    db.dispose()
