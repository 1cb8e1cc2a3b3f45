"""Opening the database: engine, SQLite pragmas, sessions, migrations at start-up.

SQLite (the embedded default) runs with WAL, foreign keys on and ``synchronous=FULL`` so that a
committed write survives a power cut. PostgreSQL (district scale) is chosen by URL and uses the
same models. Each ``session()`` is one transaction: commit on success, rollback on error.

Two programs on one data directory (the window and an ``afc`` command): SQLAlchemy's pysqlite
driver would only send ``BEGIN`` before the first INSERT/UPDATE, so a transaction's reads (the
change-log sequence among them) ran outside it. Here every transaction starts with our own
``BEGIN`` (SQLAlchemy's documented "begin" event recipe); a session opened with ``write=True``
starts ``BEGIN IMMEDIATE``, taking the write lock before it reads anything. A second writer then
waits up to ``BUSY_TIMEOUT_MS`` and, if the first still holds the lock, gets
:class:`DatabaseBusy` ("另一个程序正在修改数据，请稍后再试") with everything rolled back. A
deferred session that read first and then finds another writer gets the same refusal at once:
SQLite cannot upgrade a snapshot another program has moved past (docs/architecture.md).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from ..clock import Clock, from_env
from ..errors import PlainError
from . import cipher, migrations, op_changes
from .hooks import install_hooks
from .models import Site
from .models.base import CLOCK_KEY

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000  # longer than one batch of a bulk write (demo, sync) on a slow laptop
BUSY_MESSAGE = "另一个程序正在修改数据，请稍后再试"
_WRITE_OPTION = "afc_write"
_WAIT_OPTION = "afc_write_wait_ms"


def write_lock_options(wait_ms: int | None = None) -> dict[str, Any]:
    """Execution options that make a session's transaction take the write lock first.

    Pass them to the session's *first* ``s.connection(execution_options=…)``: on SQLite its
    transaction then starts ``BEGIN IMMEDIATE``, waiting up to ``wait_ms`` (default the busy
    timeout) for another writer. ``session(write=True)`` does the same from the start.
    """
    options: dict[str, Any] = {_WRITE_OPTION: True}
    if wait_ms is not None:
        options[_WAIT_OPTION] = max(1, int(wait_ms))
    return options


class DatabaseError(PlainError, RuntimeError):
    """The database cannot be opened or used; the message is shown to the user."""


class DatabaseBusy(DatabaseError):
    """Another program holds the write lock; nothing of this transaction was kept."""

    def __init__(self, message: str = BUSY_MESSAGE) -> None:
        super().__init__(message)


def is_busy_error(exc: BaseException) -> bool:
    """True for SQLite's "database is locked/busy" and PostgreSQL's lock/serialisation waits."""
    if not isinstance(exc, OperationalError | DBAPIError):
        return False
    orig = getattr(exc, "orig", None)
    text_ = str(orig).lower()
    if "database is locked" in text_ or "database is busy" in text_:
        return True
    # PostgreSQL: 40001 serialization_failure, 40P01 deadlock, 55P03 lock_not_available
    return getattr(orig, "sqlstate", None) in ("40001", "40P01", "55P03")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # 64 MB of page cache (SQLite's default is 2 MB): a bulk import touches nine person
    # indexes, the trigram search index and the change log at once, and thrashes a small cache.
    cur.execute("PRAGMA cache_size=-65536")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()
    # Our own BEGIN (see ``_sqlite_begin``): the driver must not open transactions itself.
    dbapi_conn.isolation_level = None


def _sqlite_begin(conn: Connection) -> None:
    """Start every transaction explicitly; ``BEGIN IMMEDIATE`` for write sessions."""
    options = conn.get_execution_options()
    if not options.get(_WRITE_OPTION, False):
        conn.exec_driver_sql("BEGIN")
        return
    wait_ms = options.get(_WAIT_OPTION)
    if wait_ms is None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        return
    conn.exec_driver_sql(f"PRAGMA busy_timeout={int(wait_ms)}")
    try:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    finally:
        conn.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def make_url(path_or_url: str | Path) -> str:
    """Accept a file path or a SQLAlchemy URL; PostgreSQL URLs get the psycopg 3 driver."""
    value = str(path_or_url)
    if value.startswith("postgresql://"):
        return "postgresql+psycopg://" + value[len("postgresql://") :]
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).resolve()}"


def _engine(url: str, key: bytes | None) -> Engine:
    """A plain engine, or a SQLCipher one when a key is given for a SQLite file."""
    if key is None:
        return create_engine(url, future=True)
    if not url.startswith("sqlite:///"):
        raise DatabaseError("只有本机数据库（SQLite）文件可以用密钥加密")
    path = Path(url[len("sqlite:///") :])
    # the pysqlcipher dialect would pick a pool of one connection per thread; workers need more
    return create_engine(cipher.engine_url(path, key), future=True, poolclass=QueuePool)


class Database:
    """An open database: engine, session factory and the local site id (once set up).

    With ``key`` the SQLite file is a SQLCipher database under that raw 32-byte key
    (``store/cipher.py``); the key stays inside this object (``copy_to`` makes keyed copies).
    """

    def __init__(
        self, url: str | Path, *, clock: Clock | None = None, key: bytes | None = None
    ) -> None:
        self.url = make_url(url)
        self.clock: Clock = clock or from_env()
        self._key = key
        self.engine: Engine = _engine(self.url, key)
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "begin", _sqlite_begin)
        # Column defaults (``created_at``…) read the clock from the connection they write on.
        event.listen(self.engine, "connect", self._attach_clock)
        self._factory = sessionmaker(self.engine, expire_on_commit=False, future=True)
        install_hooks()  # change log, derivers, what-changed collector (store/hooks.py)
        self._listeners: list[Callable[[op_changes.OpChanges], None]] = []
        self.site_id: str | None = None

    def _attach_clock(self, _dbapi_conn: Any, record: Any) -> None:
        record.info[CLOCK_KEY] = self.clock

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        """The database file, for SQLite; None for a server database or in-memory."""
        if not self.is_sqlite:
            return None
        db = self.engine.url.database
        return Path(db) if db and db != ":memory:" else None

    def load_site(self) -> str | None:
        """Read the local site id (set by setup); None before first-run setup."""
        with self._factory() as s:
            self.site_id = s.scalar(select(Site.id).where(Site.is_local.is_(True)))
        return self.site_id

    @contextmanager
    def session(
        self,
        actor: str | None = None,
        actor_name: str = "",
        *,
        replaying: bool = False,
        write: bool = False,
    ) -> Iterator[Session]:
        """One transaction. Synced writes are attributed to ``actor`` in the change log.

        ``write=True`` takes the write lock first (``BEGIN IMMEDIATE`` on SQLite), waiting for
        another program's write to end; a session that is refused raises :class:`DatabaseBusy`.
        """
        s = self._factory(execution_options=write_lock_options() if write else {})
        s.info.update(
            site_id=self.site_id,
            actor=actor,
            actor_name=actor_name,
            replaying=replaying,
        )
        s.info[CLOCK_KEY] = self.clock
        try:
            yield s
            s.flush()  # so that the last writes are collected before the commit
            changed = op_changes.take(s)
            s.commit()
        except BaseException as exc:
            op_changes.discard(s)
            s.rollback()
            if is_busy_error(exc):
                raise DatabaseBusy() from exc
            raise
        finally:
            s.close()
        if changed:
            self._announce(changed)

    def subscribe(self, listener: Callable[[op_changes.OpChanges], None]) -> None:
        """Call ``listener(OpChanges)`` after each committed transaction that wrote something.

        It runs on the committing thread; a failing listener is logged, never the writer's
        problem.
        """
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[op_changes.OpChanges], None]) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(listener)

    def _announce(self, changed: op_changes.OpChanges) -> None:
        for listener in list(self._listeners):
            try:
                listener(changed)
            except Exception:  # noqa: BLE001 - the write is committed; a view must not undo it
                log.exception("change listener failed")

    @property
    def key(self) -> bytes | None:
        """The SQLCipher key (None for a plaintext or server database), for keyed copies."""
        return self._key

    def copy_to(self, dst: Path) -> None:
        """A consistent copy of this SQLite database (WAL included) under the same key."""
        raw = self.engine.raw_connection()
        try:
            cipher.copy_from_connection(raw.driver_connection, dst, self._key)
        finally:
            raw.close()

    def integrity_check(self) -> list[str]:
        """``PRAGMA integrity_check`` problems (empty when healthy); always empty off SQLite."""
        if not self.is_sqlite:
            return []
        with self.engine.connect() as conn:
            rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
        return [] if rows == ["ok"] else rows

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(
    path_or_url: str | Path,
    *,
    migrate: bool = True,
    backup_dir: Path | None = None,
    clock: Clock | None = None,
    key: bytes | None = None,
) -> Database:
    """Open (and by default migrate) a database. SQLite files are backed up before a migration.

    The store's session hooks (change log, derived columns) are installed on the way
    (``store.hooks.install_hooks``, from ``Database``). ``key`` opens an encrypted (SQLCipher)
    file; a wrong key raises DatabaseError.
    """
    db = Database(path_or_url, clock=clock, key=key)
    if key is not None:
        path = db.sqlite_path
        if (
            path is not None
            and path.exists()
            and path.stat().st_size
            and not cipher.opens_with(path, key)
        ):
            db.dispose()
            raise DatabaseError("数据库无法用此密钥打开（密钥不符或文件已损坏）")
    if migrate:
        migrations.upgrade(db, backup_dir=backup_dir)
    db.load_site()
    return db
