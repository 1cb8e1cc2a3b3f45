"""The bulk insert path keeps every change-log guarantee of the ORM path."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from afc_desktop.services.register import PersonQuery, search_person_ids
from afc_desktop.store.bulk import insert_synced
from afc_desktop.store.models import ChangeEvent, Household, Person


def test_bulk_rows_match_the_orm_path_event_for_event(ctx) -> None:
    db = ctx.db
    with db.session(actor="u1", actor_name="王芳") as s:
        orm = Person(name="张三丰", birth_date=date(1940, 1, 2), categories=["alone"])
        s.add(orm)
        (hid,) = insert_synced(
            s, Household, [{"estate": "香溪花园", "address_text": "香溪花园3幢"}]
        )
        (pid,) = insert_synced(
            s,
            Person,
            [
                {
                    "name": "李四光",
                    "birth_date": date(1941, 3, 4),
                    "categories": ["alone"],
                    "household_id": hid,
                }
            ],
        )
        s.add(Person(name="王五"))  # an ORM write after the bulk one, same transaction
    with db.session() as s:
        events = s.scalars(select(ChangeEvent).order_by(ChangeEvent.seq)).all()
        seqs = [e.seq for e in events]
        assert seqs == list(range(1, len(seqs) + 1))  # gap-free across both paths
        by_record = {e.record_id: e for e in events}
        assert set(by_record[pid].fields) == set(by_record[orm.id].fields)
        assert by_record[pid].fields["birth_date"] == "1941-03-04"
        assert by_record[pid].actor_name == "王芳" and by_record[pid].base_rev is None
        bulk_person = s.get(Person, pid)
        assert bulk_person.rev == by_record[pid].event_id
        assert bulk_person.origin_site == db.site_id
        assert bulk_person.emergency_contacts == [] and bulk_person.is_elder is True
    # Searchable at once, by pinyin initials and by the household address.
    assert search_person_ids(ctx, PersonQuery(text="lsg")) == [pid]
    assert search_person_ids(ctx, PersonQuery(text="香溪花园")) == [pid]


def test_bulk_insert_rolls_back_with_its_transaction(ctx) -> None:
    with pytest.raises(RuntimeError), ctx.db.session() as s:
        insert_synced(s, Person, [{"name": f"批量{i}"} for i in range(100)])
        raise RuntimeError("cancelled")
    with ctx.db.session() as s:
        assert s.scalars(select(Person)).all() == []
        assert all(e.table_name != "person" for e in s.scalars(select(ChangeEvent)))


def test_a_large_load_rebuilds_indexes_and_search_entries_in_its_transaction(ctx) -> None:
    from sqlalchemy import text

    from afc_desktop.store import bulk, changes

    def schema(s):
        return sorted(
            s.execute(
                text(
                    "SELECT type, name FROM sqlite_master WHERE tbl_name = 'person' AND sql IS NOT NULL"
                )
            ).all()
        )

    with ctx.db.session() as s:
        before = schema(s)
    rows = [
        {"name": f"批量{i}", "birth_date": date(1940, 1, 1), "phone": f"138{i:08d}"}
        for i in range(bulk.REBUILD_MIN_ROWS)
    ]
    with ctx.db.session(actor="u1", actor_name="王芳") as s:
        ids = insert_synced(s, Person, rows)
    with ctx.db.session() as s:
        assert schema(s) == before  # every index and the search trigger are back
        events = {
            e.record_id: e
            for e in s.scalars(select(ChangeEvent).where(ChangeEvent.table_name == "person"))
        }
        assert len(events) == len(ids)
        person = s.get(Person, ids[7])
        expected = {
            k: changes.encode_value(getattr(person, k)) for k in changes.synced_columns(Person)
        }
        assert events[ids[7]].fields == expected
        assert person.rev == events[ids[7]].event_id
    assert search_person_ids(ctx, PersonQuery(text="13800000007")) == [ids[7]]
    # the trigger is live again: a person written afterwards through the ORM is found too
    with ctx.db.session() as s:
        s.add(Person(name="之后的人", phone="13999999999"))
    assert len(search_person_ids(ctx, PersonQuery(text="13999999999"))) == 1
