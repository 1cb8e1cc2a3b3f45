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


# --- PostgreSQL ---------------------------------------------------------------------------

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_pg_user(cmd: list[str]) -> list[str]:
    import os
    import shutil

    if os.geteuid() != 0:
        return cmd
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "postgres", "--", *cmd]
    import shlex

    return ["su", "postgres", "-c", shlex.join(cmd)]


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory):
    """A PostgreSQL server URL: AFC_TEST_PG_URL if set, else a throwaway server of our own."""
    import os
    import shutil
    import subprocess

    url = os.environ.get("AFC_TEST_PG_URL")
    if url:
        yield url
        return
    if not (PG_BIN / "initdb").exists() or not (PG_BIN / "pg_ctl").exists():
        pytest.skip(f"PostgreSQL binaries not found in {PG_BIN} and AFC_TEST_PG_URL not set")
    import tempfile

    # a directory of its own under the system temp dir, reachable by the postgres user
    base = Path(tempfile.mkdtemp(prefix="afc-pg-"))
    data = base / "data"
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
        base.chmod(0o755)
    port = _free_port()
    subprocess.run(
        _as_pg_user(
            [str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"]
        ),
        check=True,
        capture_output=True,
    )
    subprocess.run(
        _as_pg_user(
            [
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(base / "log.txt"),
                "-o",
                f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off",
                "-w",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_pg_user([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture()
def pg_url(pg_server):
    """A fresh, empty database on the PostgreSQL server for one test."""
    import uuid

    from sqlalchemy import create_engine, text

    name = "afc_" + uuid.uuid4().hex[:12]
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    base, _, _ = pg_server.rpartition("/")
    yield f"{base}/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def hub_url(request, tmp_path):
    """The hub database URL: a SQLite file, and a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "district.sqlite3")
    return request.getfixturevalue("pg_url")
