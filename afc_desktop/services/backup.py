"""Backups (备份与恢复): rotating copies of the database made with SQLite's online backup API.

Made automatically on exit, once a day, before every migration and before every bulk import;
on request from the settings page or ``afc backup``. A restore first checks the chosen copy's
integrity, then keeps a copy of the current database, then swaps the file in.

Every copy is a SQLCipher file under the database's own key (``store/cipher.py``): a backup
opens with the same passwords and recovery key as the database, and with nothing else. Copies
are written to a ``.part`` name, fsynced and renamed, mode 0600.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..clock import Clock, process_clock
from ..paths import DataDir
from ..store import cipher
from . import audit, keyring
from .context import AppContext, ServiceError

KINDS = ("manual", "daily", "exit", "pre-import", "pre-restore", "pre-migration")
KEEP_DEFAULT = 10


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str
    made_at: datetime
    size: int


def _key_for(data_dir: DataDir, key: bytes | None) -> bytes | None:
    """The key given, else the one this process unlocked for ``data_dir`` (None: plaintext)."""
    if key is not None:
        return key
    found = keyring.remembered(data_dir)
    if found is None and keyring.load(data_dir) is not None:
        raise keyring.LockedError("数据库已加密：请先登录再恢复备份")
    return found


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
        ctx.db.copy_to(dst)
    except (OSError, cipher.DatabaseError) as exc:
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


NOT_COMMUNITY = "这不是本社区工作台的数据库（可能是区级汇总库或其他程序的文件），不能用来恢复"


def check_file(path: Path, key: bytes | None = None) -> list[str]:
    """Problems of a database file as a backup to restore under ``key`` (empty when sound).

    Sound means: it opens with the key and passes SQLite's integrity check, and it is a
    community's database made by this program (a schema version and exactly one local site).
    The district hub's database has the same tables but no local site (and another key).
    """
    problems = cipher.integrity_problems(path, key)
    if problems and problems[0].startswith("无法读取"):
        # SQLCipher cannot tell a damaged file from one under another key (the hub's)
        return ["无法用本机的密钥打开（文件损坏，或是区级汇总库、其他电脑或其他程序的文件）"]
    if problems:
        return problems
    try:
        with cipher.opened(path, key, readonly=True) as conn:
            conn.execute("SELECT count(*) FROM alembic_version").fetchone()
            (local,) = conn.execute("SELECT count(*) FROM site WHERE is_local = 1").fetchone()
    except (cipher.CipherError, cipher.DatabaseError) as exc:
        if "no such table" in str(exc).lower():
            return [NOT_COMMUNITY]
        return [f"无法读取：{exc}"]
    return [] if local == 1 else [NOT_COMMUNITY]


def restore_backup(data_dir: DataDir, backup: Path, key: bytes | None = None) -> Path:
    """Replace the database with ``backup``. The database must be closed by the caller.

    ``key`` is the installation's database key (default: the one this process unlocked); a
    backup that does not open with it is refused. Returns the copy made of the current database
    first ("pre-restore"), or the path of the restored file when there was no current database.
    """
    backup = Path(backup)
    if not backup.exists():
        raise ServiceError(f"找不到备份文件：{backup}")
    if not backup.is_file():
        raise ServiceError(f"{backup} 不是文件，不能用来恢复")
    key = _key_for(data_dir, key)
    problems = check_file(backup, key)
    if problems == [NOT_COMMUNITY]:
        raise ServiceError(f"{backup.name}：{NOT_COMMUNITY}")
    if problems:
        raise ServiceError(f"备份文件已损坏或不属于本机，不能恢复：{problems[0]}")
    data_dir.ensure()
    db_path = data_dir.db_path
    kept = db_path
    if db_path.exists():
        stamp = process_clock().now()
        kept = data_dir.backups_dir / f"pre-restore-{stamp:%Y%m%d-%H%M%S-%f}.sqlite3"
        try:
            cipher.copy_file(db_path, kept, key)
        except (cipher.CipherError, cipher.DatabaseError):
            # A database too damaged to read through SQLite is kept byte for byte (it is
            # still encrypted: its pages are copied as they are).
            kept.write_bytes(db_path.read_bytes())
            cipher.harden(kept)
    tmp = db_path.with_suffix(".restore-part")
    cipher.copy_file(backup, tmp, key)
    cipher.remove_side_files(db_path)
    os.replace(tmp, db_path)
    return kept
