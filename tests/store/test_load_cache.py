"""A bulk load's larger page cache is its own: the connection gets its usual cache back."""

from __future__ import annotations

from afc_desktop.store import bulk
from afc_desktop.store.bulk import bulk_load, insert_synced
from afc_desktop.store.models import Person


def _cache_size(s) -> int:
    return int(s.connection().exec_driver_sql("PRAGMA cache_size").scalar())


def test_the_load_grows_the_cache_and_gives_it_back(ctx, monkeypatch) -> None:
    monkeypatch.setattr(bulk, "LOAD_CACHE_KIB_PER_ROW", 1024)  # 1 MiB a row: visible with 200
    with ctx.db.session() as s:
        usual = _cache_size(s)
        seen: list[int] = []
        with bulk_load(s, Person, 200):
            seen.append(_cache_size(s))
            insert_synced(s, Person, [{"name": f"缓存{i}"} for i in range(200)])
        assert seen == [-200 * 1024]  # KiB, as SQLite reports a size set in KiB
        assert _cache_size(s) == usual
    with ctx.db.session() as s:
        assert _cache_size(s) == usual  # the pooled connection too


def test_a_small_load_leaves_the_cache_alone(ctx) -> None:
    with ctx.db.session() as s:
        usual = _cache_size(s)
        with bulk_load(s, Person, 10):
            assert _cache_size(s) == usual  # 30 KiB asked: the usual cache is larger
            insert_synced(s, Person, [{"name": f"小{i}"} for i in range(10)])
