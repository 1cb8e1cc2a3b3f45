"""Migration 0002_daily: creates exactly the daily-work tables of the models, and reverses."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from afc_desktop.store.db import Database
from afc_desktop.store.migrations import alembic_config
from afc_desktop.store.models import Base

DAILY = {
    "resource", "visit", "person_visit_state", "need", "referral", "task", "service_log",
    "project", "project_member", "talent", "volunteer_hour", "cadence_rule",
    "household_visit",
}  # fmt: skip


def _daily_diffs(db: Database) -> list[object]:
    with db.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)

    def touches(diff: object) -> bool:
        text = repr(diff)
        return any(f"'{t}'" in text or f"table_name='{t}'" in text for t in DAILY)

    return [d for d in diffs if touches(d)]


def test_upgrade_matches_models_and_downgrade_removes_the_tables(tmp_path):
    db = Database(tmp_path / "m.sqlite3")
    cfg = alembic_config(db)
    # compared at head: later migrations (0009 household visits) add to these tables
    command.upgrade(cfg, "head")
    assert set(inspect(db.engine).get_table_names()) >= DAILY
    assert _daily_diffs(db) == []
    command.downgrade(cfg, "0001_initial")
    assert not DAILY & set(inspect(db.engine).get_table_names())
    command.upgrade(cfg, "head")
    assert set(inspect(db.engine).get_table_names()) >= DAILY
    db.dispose()
