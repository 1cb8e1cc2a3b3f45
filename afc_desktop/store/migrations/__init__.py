"""Alembic migrations, run at start-up to the newest heads after a backup copy of the file."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

    from ..db import Database

HERE = Path(__file__).resolve().parent


def _assigned(path: Path) -> dict[str, object]:
    """Top-level ``revision`` and ``down_revision`` of a revision file, read without running it."""
    values: dict[str, object] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                values[target.id] = ast.literal_eval(node.value)
    return values


def declared_heads() -> set[str]:
    """The head revisions, read from the revision files without importing Alembic.

    Alembic costs a third of a second to import; start-up only needs it when the database is
    behind. ``tests/services/test_backup.py`` checks that this agrees with Alembic's answer.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (HERE / "versions").glob("*.py"):
        values = _assigned(path)
        if isinstance(values.get("revision"), str):
            revisions.add(str(values["revision"]))
        down = values.get("down_revision")
        if isinstance(down, str):
            parents.add(down)
        elif isinstance(down, (tuple, list)):
            parents.update(str(d) for d in down)
    return revisions - parents


def alembic_config(db: Database) -> Config:
    """An Alembic config for ``db`` that needs no ini file."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.set_main_option("sqlalchemy.url", db.url.replace("%", "%%"))
    cfg.attributes["engine"] = db.engine
    return cfg


def head_revisions(db: Database) -> set[str]:
    """The revisions the code expects, as Alembic computes them."""
    from alembic.script import ScriptDirectory

    return set(ScriptDirectory.from_config(alembic_config(db)).get_heads())


def current_revisions(db: Database) -> set[str]:
    """The revisions the database is at (empty for a new database)."""
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return set()
        return {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}


def pending(db: Database) -> bool:
    """True when the database is behind the code."""
    return current_revisions(db) != declared_heads()


def backup_before_migration(db: Database, backup_dir: Path | None) -> Path | None:
    """Copy the SQLite file before touching its schema; nothing for a new or server database."""
    path = db.sqlite_path
    if path is None or not path.exists() or not current_revisions(db):
        return None
    target_dir = backup_dir or path.parent / "backups"
    target_dir.mkdir(parents=True, exist_ok=True)
    stamp = db.clock.now().strftime("%Y%m%d-%H%M%S")
    target = target_dir / f"pre-migration-{stamp}.sqlite3"
    # The online-backup API copies a consistent snapshot even with a WAL file beside it, and
    # under the database's own key when it is encrypted.
    db.copy_to(target)
    return target


def upgrade(db: Database, *, backup_dir: Path | None = None) -> Path | None:
    """Bring the schema to the newest heads; returns the backup made first, if any."""
    if not pending(db):
        return None
    from alembic import command

    backup = backup_before_migration(db, backup_dir)
    command.upgrade(alembic_config(db), "heads")
    return backup


def copy_file(src: Path, dst: Path) -> None:
    """Plain file copy (used for test templates)."""
    shutil.copyfile(src, dst)
