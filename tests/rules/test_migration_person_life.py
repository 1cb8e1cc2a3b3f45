"""Migration 0010: existing people get a registration date (the local day their row was made);
already-removed ones a removal date; the downgrade takes the columns away again."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import command

from afc_desktop.store.db import Database
from afc_desktop.store.migrations import alembic_config


def test_existing_rows_get_their_registration_and_removal_dates(tmp_path) -> None:
    db = Database(tmp_path / "m.sqlite3")
    cfg = alembic_config(db)
    command.upgrade(cfg, "0009_enrolment_v2")
    with db.engine.begin() as conn:
        for pid, created, updated, deleted in (
            ("a", "2025-03-01 17:30:00.000000", "2025-03-01 17:30:00.000000", 0),  # 01:30 next day
            ("b", "2025-03-01 08:00:00.000000", "2026-10-09 02:00:00.000000", 1),
        ):
            conn.execute(
                sa.text(
                    "INSERT INTO person (id, name, is_elder, relation_to_head, phone,"
                    " living_arrangement, categories, emergency_contacts, ability_grade,"
                    " consent, notes, search_text, pinyin_full, pinyin_initials,"
                    " category_flags, created_at, updated_at, deleted) VALUES (:id, '甲', 1, '',"
                    " '', '', '[]', '[]', '', 0, '', '', '', '', '', :c, :u, :d)"
                ),
                {"id": pid, "c": created, "u": updated, "d": deleted},
            )
    command.upgrade(cfg, "0010_person_life")
    with db.engine.connect() as conn:
        rows = dict(
            (pid, (registered, removed))
            for pid, registered, removed in conn.execute(
                sa.text("SELECT id, registered_on, removed_on FROM person")
            )
        )
    assert rows["a"] == (date(2025, 3, 2).isoformat(), None)  # the local (UTC+8) day
    assert rows["b"] == (date(2025, 3, 1).isoformat(), date(2026, 10, 9).isoformat())
    command.downgrade(cfg, "0009_enrolment_v2")
    with db.engine.connect() as conn:
        columns = {c["name"] for c in sa.inspect(conn).get_columns("person")}
    assert "registered_on" not in columns and "removal_reason" not in columns
    db.dispose()
