"""Fixtures for sync tests: fresh migrated SQLite databases, copied from one template."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from afc_desktop.store.db import Database, open_database


@pytest.fixture(scope="session")
def sync_template_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sync_template") / "template.sqlite3"
    db = open_database(path)
    db.dispose()
    return path


@pytest.fixture()
def make_db(sync_template_db, tmp_path) -> Callable[[str], Database]:
    """``make_db(name)`` → a new migrated SQLite database (a copy of the template)."""
    opened: list[Database] = []
    counter = iter(range(1_000_000))

    def make(name: str = "db") -> Database:
        target = tmp_path / f"{name}-{next(counter)}.sqlite3"
        src = sqlite3.connect(sync_template_db)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        db = open_database(target, migrate=False)
        opened.append(db)
        return db

    yield make
    for db in opened:
        db.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def hub_url(request, tmp_path):
    """The hub database URL: a SQLite file, and a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "district.sqlite3")
    return request.getfixturevalue("pg_url")
