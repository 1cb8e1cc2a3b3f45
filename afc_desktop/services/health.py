"""Start-up and ``afc check`` health: integrity, schema version, setup state."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..paths import DataDir
from ..store import cipher, migrations
from ..store.db import Database
from . import keyring


@dataclass
class HealthReport:
    data_dir: str
    integrity_ok: bool
    current: list[str]
    heads: list[str]
    set_up: bool
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.integrity_ok and not self.problems


def check_installation(data_dir: DataDir, key: bytes | None = None) -> HealthReport:
    """Inspect a data directory without migrating or changing anything.

    An encrypted database is read with ``key``, else the key this process unlocked (or the
    pending key of an installation not yet set up); a plaintext one (an older version, to be
    encrypted at the next start) as it is.
    """
    problems: list[str] = []
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
    db = Database(data_dir.db_path, key=key)
    try:
        issues = db.integrity_check()
    except Exception as exc:  # noqa: BLE001 - an unreadable file is exactly what we report
        db.dispose()
        return HealthReport(str(data_dir.root), False, [], [], False, [f"数据库无法读取：{exc}"])
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
