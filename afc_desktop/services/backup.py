"""Backups (备份与恢复): rotating copies of the database made with SQLite's online backup API.

Made automatically on exit, once a day, before every migration and before every bulk import;
on request from the settings page or ``afc backup``. A restore first checks the chosen copy's
integrity, then keeps a copy of the current database, then swaps the file in.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..clock import Clock, process_clock
from ..paths import DataDir
from . import audit
from .context import AppContext, ServiceError

KINDS = ("manual", "daily", "exit", "pre-import", "pre-restore", "pre-migration")
KEEP_DEFAULT = 10


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str
    made_at: datetime
    size: int


def _sqlite_copy(src: Path, dst: Path) -> None:
    """Consistent copy of a live database (WAL included) to ``dst``, written then renamed."""
    tmp = dst.with_suffix(dst.suffix + ".part")
    tmp.unlink(missing_ok=True)
    source = sqlite3.connect(str(src))
    target = sqlite3.connect(str(tmp))
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
        source.close()
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dst)


def make_backup(ctx: AppContext, kind: str = "manual", keep: int = KEEP_DEFAULT) -> BackupInfo:
    """Copy the database into ``backups/`` and drop the oldest copies of that kind past ``keep``."""
    if kind not in KINDS:
        raise ValueError(kind)
    src = ctx.db.sqlite_path
    if src is None:
        raise ServiceError("只有本机数据库（SQLite）可以在这里备份；服务器数据库请用其自带工具")
    backups = ctx.data_dir.backups_dir
    backups.mkdir(parents=True, exist_ok=True)
    stamp = ctx.now()
    dst = backups / f"{kind}-{stamp:%Y%m%d-%H%M%S-%f}.sqlite3"
    try:
        _sqlite_copy(src, dst)
    except (OSError, sqlite3.Error) as exc:
        raise ServiceError(f"备份失败：{exc}（请检查磁盘空间）") from exc
    _rotate(backups, kind, keep)
    if ctx.user is not None:
        with ctx.session() as s:
            audit.record(s, ctx, "backup", detail={"kind": kind, "file": dst.name})
    return BackupInfo(dst, kind, stamp, dst.stat().st_size)


def _parse(path: Path) -> BackupInfo | None:
    stem = path.name.removesuffix(".sqlite3")
    for kind in sorted(KINDS, key=len, reverse=True):
        if stem.startswith(kind + "-"):
            raw = stem[len(kind) + 1 :]
            for fmt in ("%Y%m%d-%H%M%S-%f", "%Y%m%d-%H%M%S"):
                try:
                    made = datetime.strptime(raw, fmt).replace(tzinfo=UTC)
                except ValueError:
                    continue
                return BackupInfo(path, kind, made, path.stat().st_size)
    return None


def list_backups(data_dir: DataDir) -> list[BackupInfo]:
    """Backups in the data directory, newest first."""
    if not data_dir.backups_dir.exists():
        return []
    found = [_parse(p) for p in data_dir.backups_dir.glob("*.sqlite3")]
    return sorted((b for b in found if b), key=lambda b: b.made_at, reverse=True)


def _rotate(backups: Path, kind: str, keep: int) -> None:
    mine = sorted(
        (b for b in (_parse(p) for p in backups.glob(f"{kind}-*.sqlite3")) if b),
        key=lambda b: b.made_at,
        reverse=True,
    )
    for old in mine[keep:]:
        old.path.unlink(missing_ok=True)


def daily_backup_due(data_dir: DataDir, clock: Clock) -> bool:
    """True when no daily backup was made today (the clock's local date)."""
    today = clock.today()
    return not any(
        b.kind == "daily" and clock.local_date(b.made_at) == today for b in list_backups(data_dir)
    )


def check_file(path: Path) -> list[str]:
    """Integrity problems of a database file (empty when it is sound)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            conn.execute("SELECT count(*) FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return [f"无法读取：{exc}"]
    return [] if rows == ["ok"] else rows


def restore_backup(data_dir: DataDir, backup: Path) -> Path:
    """Replace the database with ``backup``. The database must be closed by the caller.

    Returns the copy made of the current database first ("pre-restore"), or the path of the
    restored file when there was no current database.
    """
    backup = Path(backup)
    if not backup.exists():
        raise ServiceError(f"找不到备份文件：{backup}")
    problems = check_file(backup)
    if problems:
        raise ServiceError(f"备份文件已损坏，不能恢复：{problems[0]}")
    data_dir.ensure()
    db_path = data_dir.db_path
    kept = db_path
    if db_path.exists():
        stamp = process_clock().now()
        kept = data_dir.backups_dir / f"pre-restore-{stamp:%Y%m%d-%H%M%S-%f}.sqlite3"
        try:
            _sqlite_copy(db_path, kept)
        except sqlite3.DatabaseError:
            # A database too damaged to read through SQLite is kept byte for byte.
            kept.write_bytes(db_path.read_bytes())
    tmp = db_path.with_suffix(".restore-part")
    _sqlite_copy(backup, tmp)
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    os.replace(tmp, db_path)
    return kept
