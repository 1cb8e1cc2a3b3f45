"""The batch machinery of ``apply_events``: the garbage collector and the field checks that
are worked out once (per distinct date text, refusal text only on refusal)."""

from __future__ import annotations

import gc
import uuid

import pytest
from sqlalchemy import select

from afc_desktop.store.models import Person
from afc_desktop.sync import apply, errors

SITE = "site-batches"


def _ev(seq: int, record: str, fields: dict, base: str | None) -> dict:
    return {
        "event_id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{SITE}/{seq}")),
        "site_id": SITE,
        "seq": seq,
        "table": "person",
        "record_id": record,
        "op": "upsert",
        "base_rev": base,
        "fields": fields,
        "at": f"2026-03-01T08:00:{seq:02d}+00:00",
        "actor": None,
    }


def _people(n: int, birth: str) -> list[dict]:
    out = []
    for i in range(n):
        rid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"batches/{i}"))
        fields = {"id": rid, "name": f"老人{i}", "deleted": False, "birth_date": birth}
        out.append(_ev(i + 1, rid, fields, None))
    return out


def test_collector_is_back_on_after_an_import_and_after_a_refusal(make_db, monkeypatch):
    monkeypatch.setattr(apply, "BATCH", 3)  # several batches, each collected
    db = make_db()
    assert gc.isenabled()
    with db.session(replaying=True) as s:
        res = apply.apply_events(s, _people(7, "1950-01-01"), bundle_id="ok")
    assert res.applied == 7
    assert gc.isenabled()
    bad = _people(2, "1950-01-01")
    bad[1]["fields"]["birth_date"] = "1950-02-30"
    with pytest.raises(errors.SchemaInvalid), db.session(replaying=True) as s:
        apply.apply_events(s, bad, bundle_id="bad")
    assert gc.isenabled()


def test_a_date_seen_valid_does_not_let_a_wrong_one_through(make_db):
    """The valid text is remembered, the wrong one still refused, naming its line and field."""
    events = _people(3, "1950-01-01")
    first = events[0]
    wrong = _ev(
        4, first["record_id"], {"birth_date": "1950-02-30"}, base=first["event_id"]
    )  # an edit of the first person with an impossible date
    db = make_db()
    with pytest.raises(errors.SchemaInvalid) as refused, db.session(replaying=True) as s:
        apply.apply_events(s, [*events, wrong], bundle_id="b")
    assert "第 4 条" in refused.value.message
    assert "birth_date" in refused.value.message
    with db.session() as s:
        assert s.scalars(select(Person.id)).all() == []  # nothing of the bundle was kept
