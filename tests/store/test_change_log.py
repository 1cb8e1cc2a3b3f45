"""The change log records every synced write, whatever path wrote it (docs/design.md §3)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from afc_desktop.store.changes import SyncWriteError
from afc_desktop.store.models import ChangeEvent, Household, Person, SiteSequence


def _events(db, record_id=None):  # type: ignore[no-untyped-def]
    with db.session() as s:
        stmt = select(ChangeEvent).order_by(ChangeEvent.seq)
        if record_id:
            stmt = stmt.where(ChangeEvent.record_id == record_id)
        return s.scalars(stmt).all()


def test_create_records_all_fields_and_edit_only_changes(db) -> None:
    with db.session(actor="u1", actor_name="王芳") as s:
        p = Person(name="张三丰", birth_date=date(1940, 1, 2), categories=["alone"])
        s.add(p)
    created = _events(db, p.id)
    assert len(created) == 1
    ev = created[0]
    assert ev.op == "upsert" and ev.base_rev is None
    assert ev.fields["name"] == "张三丰"
    assert ev.fields["birth_date"] == "1940-01-02"
    assert ev.fields["categories"] == ["alone"]
    assert "search_text" not in ev.fields  # local, derived column is not synced
    assert ev.actor == "u1" and ev.actor_name == "王芳"

    with db.session(actor="u2", actor_name="李强") as s:
        s.get(Person, p.id).phone = "13812345678"
    edit = _events(db, p.id)[-1]
    assert edit.fields == {"phone": "13812345678"}
    assert edit.base_rev == ev.event_id
    with db.session() as s:
        assert s.get(Person, p.id).rev == edit.event_id


def test_seq_is_gap_free_across_a_rolled_back_write(db) -> None:
    with db.session() as s:
        before = s.get(SiteSequence, db.site_id).last_seq
    with pytest.raises(RuntimeError), db.session() as s:
        s.add(Person(name="回滚"))
        s.flush()
        raise RuntimeError("failed half-way")
    with db.session() as s:
        s.add(Person(name="保留"))
    seqs = [e.seq for e in _events(db)]
    assert seqs == list(range(1, len(seqs) + 1))
    assert seqs[-1] == before + 1


def test_physical_delete_of_synced_row_is_refused(db) -> None:
    with db.session() as s:
        h = Household(estate="香溪花园", address_text="香溪花园1幢")
        s.add(h)
    with pytest.raises(SyncWriteError), db.session() as s:
        s.delete(s.get(Household, h.id))
    with db.session() as s:
        assert s.get(Household, h.id) is not None


def test_tombstone_is_a_delete_event(db) -> None:
    with db.session() as s:
        p = Person(name="赵六")
        s.add(p)
    with db.session() as s:
        s.get(Person, p.id).deleted = True
    assert _events(db, p.id)[-1].op == "delete"


def test_replaying_session_records_nothing(db) -> None:
    n = len(_events(db))
    with db.session(replaying=True) as s:
        s.add(Person(id="remote-1", name="远端", rev="ev-remote", origin_site="other"))
    assert len(_events(db)) == n


def test_unchanged_assignment_records_no_event(db) -> None:
    with db.session() as s:
        p = Person(name="钱七", phone="13800000000")
        s.add(p)
    n = len(_events(db))
    with db.session() as s:
        s.get(Person, p.id).phone = "13800000000"
    assert len(_events(db)) == n


def test_every_reopened_database_records_events(set_up_dir) -> None:
    """Reopening (as after a restore) must never lose the hook, whatever ids objects reuse."""
    import gc

    from afc_desktop.services.encryption import unlock
    from afc_desktop.store.db import open_database

    key = unlock(set_up_dir).key  # the data directory's database is encrypted
    for i in range(25):
        db = open_database(set_up_dir.db_path, key=key)
        with db.session(actor_name="王芳") as s:
            p = Person(name=f"重开{i}")
            s.add(p)
        assert len(_events(db, p.id)) == 1, f"reopen {i} wrote without a change event"
        db.dispose()
        del db, s
        gc.collect()
