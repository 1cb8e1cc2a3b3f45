"""Start-up and ``afc check`` health: integrity, schema version, setup state."""

from __future__ import annotations

import logging
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..paths import DataDir
from ..store import cipher, migrations
from ..store.db import Database
from . import keyring

log = logging.getLogger(__name__)

READ_ONLY_PROBLEM = "数据目录 {0} 只读：可以检查，但程序无法在这里保存任何修改"


def _unreadable(exc: Exception) -> tuple[bool, str]:
    """(damaged?, why) for a file that could not be read; the details go to the log."""
    orig = getattr(exc, "orig", exc)
    text = str(orig).lower()
    if isinstance(orig, sqlite3.DatabaseError | cipher.DatabaseError) and (
        "not a database" in text or "malformed" in text
    ):
        return True, "数据库文件已损坏或不是本程序的数据库"
    if "unable to open" in text or "readonly" in text or isinstance(orig, PermissionError):
        return False, "无法打开数据库文件：请检查文件和文件夹的权限"
    return False, "数据库无法读取（详情见日志）"


@dataclass
class HealthReport:
    data_dir: str
    integrity_ok: bool
    current: list[str]
    heads: list[str]
    set_up: bool
    problems: list[str] = field(default_factory=list)
    checked: bool = True  # False when the file could not be read to the end

    @property
    def integrity_text(self) -> str:
        """正常 / 损坏 / 未能检查, for ``afc check``."""
        if not self.integrity_ok:
            return "损坏"
        return "正常" if self.checked else "未能检查"

    @property
    def ok(self) -> bool:
        return self.integrity_ok and not self.problems


def check_installation(data_dir: DataDir, key: bytes | None = None) -> HealthReport:
    """Inspect a data directory without migrating or changing anything.

    An encrypted database is read with ``key``, else the key this process unlocked (or the
    pending key of an installation not yet set up); a plaintext one (an older version, to be
    encrypted at the next start) as it is.

    A read-only folder (a write-protected USB stick, a copy on a CD) is reported as read-only,
    not as damaged: SQLite's WAL needs to write beside the file even to read it, so the file
    (and its WAL) is checked as a copy in a temporary folder.
    """
    problems: list[str] = []
    problem = data_dir.problem()
    if problem:
        return HealthReport(str(data_dir.root), True, [], [], False, [problem], checked=False)
    if not data_dir.db_path.exists():
        return HealthReport(
            str(data_dir.root), True, [], [], False, ["尚无数据库：请先运行 afc init"]
        )
    if cipher.is_plaintext(data_dir.db_path):
        key = None
        problems.append("数据库尚未加密（下次启动时会先备份再自动加密）")
    else:
        key = key or keyring.remembered(data_dir) or keyring.pending_key(data_dir)
        if key is None:
            raise keyring.LockedError("数据库已加密：请先登录再检查")
    if data_dir.is_writable():
        return _inspect(data_dir, data_dir.db_path, key, problems)
    problems.append(READ_ONLY_PROBLEM.format(data_dir.root))
    with tempfile.TemporaryDirectory(prefix="afc-check-") as tmp:
        copy = Path(tmp) / data_dir.db_path.name
        try:
            shutil.copyfile(data_dir.db_path, copy)
            wal = Path(str(data_dir.db_path) + "-wal")
            if wal.exists():
                shutil.copyfile(wal, Path(str(copy) + "-wal"))
        except OSError as exc:
            log.warning("cannot copy the read-only database to check it", exc_info=exc)
            return HealthReport(
                str(data_dir.root),
                True,
                [],
                [],
                False,
                [*problems, "无法读取数据库文件：请检查文件权限"],
                checked=False,
            )
        return _inspect(data_dir, copy, key, problems)


def _inspect(
    data_dir: DataDir, db_path: Path, key: bytes | None, problems: list[str]
) -> HealthReport:
    db = Database(db_path, key=key)
    try:
        issues = db.integrity_check()
    except Exception as exc:  # noqa: BLE001 - an unreadable file is exactly what we report
        db.dispose()
        log.warning("integrity check could not read the database", exc_info=True)
        damaged, why = _unreadable(exc)
        return HealthReport(
            str(data_dir.root), not damaged, [], [], False, [*problems, why], checked=False
        )
    try:
        current = sorted(migrations.current_revisions(db))
        heads = sorted(migrations.head_revisions(db))
        if current != heads:
            problems.append("数据库结构需要升级（下次启动时会先备份再自动升级）")
        set_up = db.load_site() is not None if current else False
    finally:
        db.dispose()
    problems += [f"完整性检查：{i}" for i in issues[:5]]
    return HealthReport(str(data_dir.root), not issues, current, heads, set_up, problems)
