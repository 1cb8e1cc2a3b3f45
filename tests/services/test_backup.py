"""Backups: online copies, rotation, restore with integrity check, migration backups."""

from __future__ import annotations

import pytest

from afc_desktop.services import backup
from afc_desktop.services import register as reg
from afc_desktop.services.context import ServiceError, open_app
from afc_desktop.store import migrations


def test_backup_and_restore_round_trip(ctx) -> None:
    reg.register_person(ctx, reg.PersonInput(name="留下的人"))
    saved = backup.make_backup(ctx, "manual")
    reg.register_person(ctx, reg.PersonInput(name="后来的人"))
    assert reg.count_people(ctx) == 2
    data_dir = ctx.data_dir
    ctx.db.dispose()

    kept = backup.restore_backup(data_dir, saved.path)
    assert kept.name.startswith("pre-restore-")
    reopened = open_app(data_dir)
    reopened.user = ctx.user
    assert reopened.db.site_id == ctx.site_id
    assert [
        r.name
        for r in reg.person_rows(reopened, reg.search_person_ids(reopened, reg.PersonQuery()))
    ] == ["留下的人"]
    reopened.db.dispose()


def test_rotation_keeps_the_newest(ctx) -> None:
    made = [backup.make_backup(ctx, "exit", keep=2).path for _ in range(4)]
    daily = backup.make_backup(ctx, "daily", keep=2).path
    kept = {b.path for b in backup.list_backups(ctx.data_dir)}
    assert {p for p in made if p in kept} == set(made[-2:])  # the two newest exits, not the first
    assert daily in kept  # rotation of one kind leaves the others alone
    assert not any(p.exists() for p in made[:2])


def test_damaged_backup_is_refused_and_database_untouched(ctx, tmp_path) -> None:
    bad = tmp_path / "manual-20260101-000000.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    before = ctx.data_dir.db_path.read_bytes()
    ctx.db.dispose()
    with pytest.raises(ServiceError, match="已损坏"):
        backup.restore_backup(ctx.data_dir, bad)
    assert ctx.data_dir.db_path.read_bytes() == before


def test_daily_backup_due_once_a_day(ctx) -> None:
    assert backup.daily_backup_due(ctx.data_dir, ctx.clock)
    backup.make_backup(ctx, "daily")
    assert not backup.daily_backup_due(ctx.data_dir, ctx.clock)


def test_a_migration_is_preceded_by_a_backup(data_dir) -> None:
    from alembic import command

    from afc_desktop.store.db import Database

    data_dir.ensure()
    old = Database(data_dir.db_path)
    if migrations.head_revisions(old) == {"0001_initial"}:
        pytest.skip("only one revision exists, nothing to migrate")
    # The database as the first release left it.
    command.upgrade(migrations.alembic_config(old), "0001_initial")
    old.dispose()
    ctx = open_app(data_dir)
    assert not migrations.pending(ctx.db)
    names = [p.name for p in data_dir.backups_dir.iterdir()]
    assert any(n.startswith("pre-migration-") for n in names)
    ctx.db.dispose()


def test_quick_head_check_agrees_with_alembic(ctx) -> None:
    assert migrations.declared_heads() == migrations.head_revisions(ctx.db)
    assert not migrations.pending(ctx.db)
