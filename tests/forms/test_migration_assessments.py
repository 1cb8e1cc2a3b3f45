"""Migration 0003_assessments: creates exactly the assessment table of the model, and reverses."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from afc_desktop.store.db import Database
from afc_desktop.store.migrations import alembic_config
from afc_desktop.store.models import Base


def _diffs(db: Database) -> list[object]:
    with db.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    return [d for d in diffs if "assessment" in repr(d)]


def test_upgrade_matches_the_model_and_downgrade_removes_it(tmp_path: Path) -> None:
    db = Database(tmp_path / "m.sqlite3")
    cfg = alembic_config(db)
    command.upgrade(cfg, "0003_assessments")
    assert "assessment" in inspect(db.engine).get_table_names()
    assert _diffs(db) == []
    command.downgrade(cfg, "0001_initial")
    assert "assessment" not in inspect(db.engine).get_table_names()
    command.upgrade(cfg, "0003_assessments")
    assert "assessment" in inspect(db.engine).get_table_names()
    db.dispose()
