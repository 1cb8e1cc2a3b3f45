"""SQLCipher: the encrypted SQLite files of an installation (数据库加密).

Every SQLite file the application writes (the database, its WAL, backups, pre-migration,
pre-import and pre-restore copies, the district hub) is a SQLCipher 4 database under one random
256-bit key, given to SQLCipher as a raw key (``PRAGMA key = "x'…'"``) so no key derivation runs
on each connection. The key itself is never stored in the clear: ``services/keyring.py`` wraps it
for each user (docs/security.md).

The driver is ``sqlcipher3`` from the ``sqlcipher3-wheels`` distribution: SQLCipher 4.12 on
SQLite 3.51 with FTS5 (the trigram search index works unchanged), self-contained wheels for
Linux and Windows, and SQLAlchemy's ``sqlite+pysqlcipher`` dialect speaks to it.

Functions here work on files; nothing reads a password. ``temp_store=MEMORY`` (set by the engine)
keeps sorts and temporary tables off the disk, where SQLCipher would not encrypt them.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy.engine import URL

KEY_BYTES = 32
SQLITE_HEADER = b"SQLite format 3\x00"
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")

DatabaseError = sqlcipher3.DatabaseError


def _quiet_native_log() -> None:
    """SQLCipher prints its own errors ("hmac check failed…" for a wrong key) on standard
    error, a process-wide setting; the application reports them itself, in one plain line and
    in its log (``applog``)."""
    conn = sqlcipher3.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
    finally:
        conn.close()


_quiet_native_log()


class CipherError(RuntimeError):
    """A file that cannot be read with the key given (wrong key, or not a database)."""


def new_key() -> bytes:
    """A fresh random database key."""
    return secrets.token_bytes(KEY_BYTES)


def _key_literal(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("database key must be 32 bytes")
    return f"x'{key.hex()}'"


def engine_url(path: Path, key: bytes) -> URL:
    """The SQLAlchemy URL of an encrypted file; the dialect sends ``PRAGMA key`` first."""
    return URL.create("sqlite+pysqlcipher", password=_key_literal(key), database=str(path))


def harden(path: Path) -> None:
    """Owner-only permissions on POSIX: 0700 for folders, 0600 for files (no-op elsewhere)."""
    if os.name != "posix" or not path.exists():
        return
    with contextlib.suppress(OSError):
        path.chmod(0o700 if path.is_dir() else 0o600)


def is_plaintext(path: Path) -> bool:
    """True for an ordinary (unencrypted) SQLite file: its first bytes say so."""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def connect(path: Path, key: bytes | None, *, readonly: bool = False) -> Any:
    """A raw sqlcipher3 connection, keyed (``key=None`` opens a plaintext file).

    Raises CipherError when the key does not open the file.
    """
    target = f"file:{path}?mode=ro" if readonly else str(path)
    conn = sqlcipher3.connect(target, uri=readonly)
    try:
        if key is not None:
            conn.execute(f'PRAGMA key = "{_key_literal(key)}"')
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise CipherError(str(exc)) from exc
    return conn


@contextlib.contextmanager
def opened(path: Path, key: bytes | None, *, readonly: bool = False) -> Iterator[Any]:
    conn = connect(path, key, readonly=readonly)
    try:
        yield conn
    finally:
        conn.close()


def opens_with(path: Path, key: bytes) -> bool:
    """True when ``key`` opens the file."""
    try:
        with opened(path, key, readonly=True):
            return True
    except (CipherError, sqlcipher3.Error):
        return False


def integrity_problems(path: Path, key: bytes | None) -> list[str]:
    """``PRAGMA integrity_check`` problems (empty when sound); a file that will not open is one."""
    try:
        with opened(path, key, readonly=True) as conn:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    except (CipherError, sqlcipher3.Error) as exc:
        return [f"无法读取：{exc}"]
    return [] if rows == ["ok"] else rows


def table_counts(conn: Any) -> dict[str, int]:
    """Row count of every ordinary table, to compare a copy with its source."""
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
        )
    ]
    return {n: int(conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]) for n in names}


def _finish(tmp: Path, dst: Path) -> None:
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    harden(tmp)
    os.replace(tmp, dst)
    remove_side_files(tmp)


def remove_side_files(path: Path) -> None:
    """Delete a database file's ``-wal``, ``-shm`` and ``-journal`` companions, if any."""
    for suffix in SIDE_SUFFIXES:
        Path(str(path) + suffix).unlink(missing_ok=True)


def copy_from_connection(source: Any, dst: Path, key: bytes | None) -> None:
    """Consistent copy of an open database (WAL included) to ``dst``, under the same key.

    Written to ``<dst>.part`` with the online-backup API, fsynced, then renamed.
    """
    tmp = dst.with_name(dst.name + ".part")
    tmp.unlink(missing_ok=True)
    remove_side_files(tmp)
    # a plaintext database opened by the standard driver backs up to the standard driver
    plain = isinstance(source, sqlite3.Connection)
    target = sqlite3.connect(str(tmp)) if plain else sqlcipher3.connect(str(tmp))
    try:
        if key is not None:
            target.execute(f'PRAGMA key = "{_key_literal(key)}"')
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
    _finish(tmp, dst)


def copy_file(src: Path, dst: Path, key: bytes | None) -> None:
    """Consistent copy of the database file ``src`` to ``dst`` (both under ``key``)."""
    with opened(src, key) as source:
        copy_from_connection(source, dst, key)


def encrypt_file(plain: Path, dst: Path, key: bytes) -> None:
    """Write an encrypted copy of the plaintext database ``plain`` to ``dst``.

    ``sqlcipher_export`` copies schema, data and ``user_version`` into a new file keyed with
    ``key``; the plaintext file is left as it is.
    """
    tmp = dst.with_name(dst.name + ".part")
    tmp.unlink(missing_ok=True)
    remove_side_files(tmp)
    with opened(plain, None) as conn:
        conn.execute(f'ATTACH DATABASE ? AS enc KEY "{_key_literal(key)}"', (str(tmp),))
        conn.execute("SELECT sqlcipher_export('enc')").fetchall()
        version = conn.execute("PRAGMA main.user_version").fetchone()[0]
        conn.execute(f"PRAGMA enc.user_version = {int(version)}")
        conn.execute("DETACH DATABASE enc")
    _finish(tmp, dst)


def same_content(plain: Path, encrypted: Path, key: bytes) -> list[str]:
    """Differences between a plaintext file and its encrypted copy (empty when they agree)."""
    with opened(plain, None, readonly=True) as a, opened(encrypted, key, readonly=True) as b:
        left, right = table_counts(a), table_counts(b)
    if left == right:
        return []
    return [f"{t}: {left.get(t)} != {right.get(t)}" for t in sorted(set(left) | set(right))]


def checkpoint_to_single_file(path: Path, key: bytes | None) -> None:
    """Fold the WAL into the main file and switch to a rollback journal (no ``-wal`` left)."""
    with opened(path, key) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        conn.execute("PRAGMA journal_mode=DELETE").fetchall()
    remove_side_files(path)
