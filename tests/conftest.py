"""Shared fixtures: a fresh database per test, copied from one migrated template.

Migrating and setting up once per session, then copying the file, keeps each test isolated
without paying for Alembic and argon2 every time.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

# Qt must not look for a display (docs/environment.md: pytest aborts without one).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from afc_desktop.paths import DataDir  # noqa: E402
from afc_desktop.services.context import AppContext, CurrentUser, open_app  # noqa: E402
from afc_desktop.services.setup import CommunityInput, run_setup  # noqa: E402

ADMIN_USER = "admin"
ADMIN_PASSWORD = "admin-pass-1"
TEST_TODAY = date(2026, 11, 28)


@pytest.fixture(scope="session")
def admin_password_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A file holding the test administrator's password (what ``AFC_PASSWORD_FILE`` names)."""
    path = tmp_path_factory.mktemp("secrets") / "admin-password"
    path.write_text(ADMIN_PASSWORD + "\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _credentials(admin_password_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test (and every ``afc`` it runs, in or out of process) acts as the test admin.

    The database is encrypted and every command needs a password (issue 16): the password of
    the template's administrator comes from ``AFC_PASSWORD_FILE``. A test that checks the
    refusal without a password removes the variable (``monkeypatch.delenv``).
    """
    monkeypatch.setenv("AFC_PASSWORD_FILE", str(admin_password_file))
    monkeypatch.delenv("AFC_USER", raising=False)


@pytest.fixture(scope="session")
def template_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory migrated and set up once: community 320508 梅巷社区, admin user."""
    root = tmp_path_factory.mktemp("template")
    ctx = open_app(DataDir(root))
    run_setup(
        ctx,
        CommunityInput("320508", "梅巷社区", street_name="平江街道", is_pilot=True),
        admin_username=ADMIN_USER,
        admin_password=ADMIN_PASSWORD,
        admin_display_name="王芳",
    )
    ctx.db.dispose()
    return root


def _copy_data_dir(src: Path, dst: Path) -> None:
    """A copy of a closed (encrypted) data directory: database and key files; the same key."""
    dst.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal"):
        source = Path(str(DataDir(src).db_path) + suffix)
        if source.exists():
            shutil.copyfile(source, str(DataDir(dst).db_path) + suffix)
    shutil.copytree(DataDir(src).keys_dir, DataDir(dst).keys_dir)


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    """An empty data directory (first run)."""
    return DataDir(tmp_path / "data")


@pytest.fixture
def set_up_dir(template_dir: Path, tmp_path: Path) -> DataDir:
    """A data directory already set up (copied from the template), not yet opened."""
    target = tmp_path / "site"
    _copy_data_dir(template_dir, target)
    return DataDir(target)


@pytest.fixture
def ctx(set_up_dir: DataDir) -> Iterator[AppContext]:
    """An opened AppContext on a fresh copy of the template, logged in as the admin 王芳.

    ``ctx.today()`` is pinned to 2026-11-28 so age-derived rules are reproducible.
    """
    context = open_app(set_up_dir)
    from afc_desktop.store.models import User

    with context.db.session() as s:
        user = s.query(User).filter(User.username == ADMIN_USER).one()
        context.user = CurrentUser(user.id, user.username, user.display_name, user.role)
    context.clock.pin(TEST_TODAY)
    yield context
    context.db.dispose()


@pytest.fixture
def db(ctx: AppContext):  # type: ignore[no-untyped-def]
    """The Database of ``ctx``."""
    return ctx.db


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
