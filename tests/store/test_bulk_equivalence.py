"""An import (the bulk path) stores exactly what the ORM path stores for the same people:
the same column values, the same change-log entries and the same search hits."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select, text

from afc_desktop.domain.idcard import check_digit
from afc_desktop.services.importer import ImportSource, commit_import, preview_import
from afc_desktop.services.importing import writer
from afc_desktop.services.register import PersonQuery, search_person_ids
from afc_desktop.store import bulk, changes
from afc_desktop.store.models import ChangeEvent, Person

# Columns that differ between two writes of the same person by construction.
_OWN = {"id", "rev", "created_at", "updated_at"}


def _ledger(path: Path, rows: int) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["序号", "姓名", "身份证号", "出生日期", "联系电话", "现住址", "特殊困难类型",
               "居住情况", "紧急联系人", "紧急联系人电话", "备注"])  # fmt: skip
    cats = ["独居", "空巢、低保", "失能/独居", "", "高龄"]
    for i in range(rows):
        born = date(1930 + i % 30, 1 + i % 12, 1 + i % 28)
        first = f"320508{born:%Y%m%d}{i % 1000:03d}"
        ws.append([
            i + 1, "王李张刘陈"[i % 5] + "秀英建国美华"[i % 6] + ("兰" if i % 3 else ""),
            first + check_digit(first), born if i % 2 else f"{born.year}.{born.month}.{born.day}",
            f"1381234{i:04d}" if i % 4 else "", f"香溪花园{i % 7 + 1}幢{i % 40 + 101}室",
            cats[i % 5], ["独居", "与子女居住", ""][i % 3], "王某" if i % 2 else "",
            f"1390000{i:04d}" if i % 2 else "", "备注" if i % 9 == 0 else "",
        ])  # fmt: skip
    wb.save(path)


def _raw(s: Any, table: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Rows as stored (the database's own values, not ORM objects), by id."""
    found = s.execute(
        text(f"SELECT * FROM {table} WHERE id IN (SELECT value FROM json_each(:ids))"),
        {"ids": json.dumps(ids)},
    ).mappings()
    return {r["id"]: dict(r) for r in found}


@pytest.mark.parametrize(("rebuild_from", "chunk"), [(bulk.REBUILD_MIN_ROWS, 5000), (50, 40)])
def test_an_import_stores_what_the_orm_path_stores(
    ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rebuild_from: int, chunk: int
) -> None:
    # (50, 40): indexes dropped and rebuilt around a load written 40 people at a time
    monkeypatch.setattr(bulk, "REBUILD_MIN_ROWS", rebuild_from)
    monkeypatch.setattr(writer, "WRITE_CHUNK", chunk)
    path = tmp_path / "ledger.xlsx"
    _ledger(path, 150)
    plan = preview_import(ctx, ImportSource(path))
    commit_import(ctx, ImportSource(path), valid_only=True, preview=plan)
    synced = changes.synced_columns(Person)
    derived = set(Person.__local_columns__)
    with ctx.session(write=True) as s:  # the same user as the import's
        imported = list(s.scalars(select(Person)))
        assert len(imported) == len(plan.new) > 100
        twins = {}
        for p in imported:  # the same person through the ORM and its change-log hook
            twins[p.id] = Person(**{c: getattr(p, c) for c in synced if c not in _OWN | derived})
            s.add(twins[p.id])
    bulk_ids = [p.id for p in imported]
    orm_ids = [twins[i].id for i in bulk_ids]
    with ctx.db.session() as s:
        stored = _raw(s, "person", bulk_ids + orm_ids)
        for pid in bulk_ids:
            mine = {k: v for k, v in stored[pid].items() if k not in _OWN}
            twin = {k: v for k, v in stored[twins[pid].id].items() if k not in _OWN}
            assert mine == twin
        events = {
            e.record_id: e
            for e in s.scalars(select(ChangeEvent).where(ChangeEvent.table_name == "person"))
        }
        raw_fields = {
            r[0]: r[1]
            for r in s.execute(
                text("SELECT record_id, fields FROM change_event WHERE table_name = 'person'")
            )
        }
        for pid in bulk_ids:
            mine_ev, twin_ev = events[pid], events[twins[pid].id]
            assert (mine_ev.op, mine_ev.base_rev, mine_ev.actor_name) == (
                twin_ev.op,
                twin_ev.base_rev,
                twin_ev.actor_name,
            )
            # the payload text itself, byte for byte once the record's own id is set aside
            assert raw_fields[pid].replace(pid, "ID") == raw_fields[twins[pid].id].replace(
                twins[pid].id, "ID"
            )
            assert s.get(Person, pid).rev == mine_ev.event_id
    seqs = sorted(e.seq for e in events.values())
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))  # one gap-free log
    # Every search finds an imported person exactly when it finds its ORM twin.
    sample = imported[::17]
    queries = {p.name for p in sample} | {p.pinyin_initials for p in sample}
    queries |= {(p.id_number or "")[-6:] for p in sample} | {"香溪花园3幢", "1381234"}
    for q in sorted(queries):
        hits = set(search_person_ids(ctx, PersonQuery(text=q)))
        assert hits, q
        assert {i for i in bulk_ids if i in hits} == {i for i in bulk_ids if twins[i].id in hits}, q


def test_a_column_is_processed_as_value_by_value_even_where_values_compare_equal() -> None:
    from decimal import Decimal

    from afc_desktop.store.bulk_sql import processed_column

    shared = object()
    columns: list[list[Any]] = [
        ["a", "b", "a", None],
        [True, 1, False, 0, None],  # equal, yet stored differently
        [Decimal("1.0"), Decimal("1"), 0.0, -0.0],
        [["alone"], ["alone"], [], [True], [1], [{"a": 1, "b": 2}], [{"b": 2, "a": 1}], [0.0]],
        [shared, shared, date(2026, 1, 1), date(2026, 1, 1)],
    ]
    for values in columns:
        assert processed_column(values, repr) == [None if v is None else repr(v) for v in values]


def test_cancel_between_chunks_leaves_no_person_no_event_and_the_search_trigger(
    ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from afc_desktop.services.importer import ImportCancelled

    monkeypatch.setattr(bulk, "REBUILD_MIN_ROWS", 50)
    monkeypatch.setattr(writer, "WRITE_CHUNK", 40)
    path = tmp_path / "ledger.xlsx"
    _ledger(path, 150)
    plan = preview_import(ctx, ImportSource(path))
    with ctx.db.session() as s:
        schema = s.execute(text("SELECT name, sql FROM sqlite_master ORDER BY name")).all()
        events = s.execute(text("SELECT count(*) FROM change_event")).scalar()
    seen: list[int] = []

    def progress(stage: str, done: int, total: int) -> None:
        seen.append(done)

    with pytest.raises(ImportCancelled):
        commit_import(
            ctx,
            ImportSource(path),
            valid_only=True,
            preview=plan,
            progress=progress,
            cancel=lambda: len(seen) >= 2,  # after the second chunk of people
        )
    assert seen[:2] == [40, 80]
    with ctx.db.session() as s:
        assert s.execute(text("SELECT count(*) FROM person")).scalar() == 0
        assert s.execute(text("SELECT count(*) FROM change_event")).scalar() == events
        assert s.execute(text("SELECT name, sql FROM sqlite_master ORDER BY name")).all() == schema
