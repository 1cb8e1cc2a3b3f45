"""DESIGN §3 apply rules: any import order, with repeats, converges; concurrent edits conflict."""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from afc_desktop.store.models import Person
from afc_desktop.store.models.sync_state import SyncConflict, SyncPendingEvent
from afc_desktop.sync import apply, errors

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
FIELDS = ("name", "phone", "notes")


def ev(site, seq, record, fields, base, at, op="upsert"):
    return {
        "event_id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{site}/{seq}")),
        "site_id": site,
        "seq": seq,
        "table": "person",
        "record_id": record,
        "op": op,
        "base_rev": base,
        "fields": fields,
        "at": at.isoformat(),
        "actor": None,
    }


def build_history(n_sites, n_records, edits):
    """Events per site: site-0 creates the records, then every site edits its own copy."""
    records = [str(uuid.uuid5(uuid.NAMESPACE_URL, f"rec/{i}")) for i in range(n_records)]
    sites = [f"site-{i}" for i in range(n_sites)]
    per_site = {s: [] for s in sites}
    creations = []
    for i, rid in enumerate(records):
        e = ev(
            sites[0],
            i + 1,
            rid,
            {"id": rid, "name": f"老人{i}", "phone": "", "notes": "", "deleted": False},
            None,
            T0,
        )
        creations.append(e)
    per_site[sites[0]].extend(creations)
    rev = {
        s: {rid: c["event_id"] for rid, c in zip(records, creations, strict=True)} for s in sites
    }
    clock = {s: T0 for s in sites}
    for site_i, rec_i, what, value, dt in edits:
        site, rid = sites[site_i], records[rec_i]
        clock[site] += timedelta(seconds=dt + 1)
        seq = len(per_site[site]) + 1
        if what == "delete":
            e = ev(site, seq, rid, {"deleted": True}, rev[site][rid], clock[site], op="delete")
        else:
            e = ev(site, seq, rid, {what: f"{what}-{value}"}, rev[site][rid], clock[site])
        rev[site][rid] = e["event_id"]
        per_site[site].append(e)
    return per_site


def split(events, cuts):
    out, start = [], 0
    for c in sorted(set(cuts)):
        if start < c < len(events):
            out.append(events[start:c])
            start = c
    out.append(events[start:])
    return [b for b in out if b]


def import_all(db, bundles):
    for i, b in enumerate(bundles):
        with db.session(replaying=True) as s:
            apply.apply_events(s, b, bundle_id=f"b{i}")


def state(db):
    with db.session() as s:
        people = [
            (p.id, p.name, p.phone, p.notes, p.deleted, p.rev)
            for p in s.scalars(select(Person).order_by(Person.id))
        ]
        conflicts = sorted((c.id, c.winner_event, c.kind) for c in s.scalars(select(SyncConflict)))
        pending = s.scalar(select(func.count()).select_from(SyncPendingEvent))
    return people, conflicts, pending


history = st.tuples(
    st.integers(2, 3),
    st.integers(1, 3),
    st.lists(
        st.tuples(
            st.integers(0, 2),
            st.integers(0, 2),
            st.sampled_from([*FIELDS, "delete"]),
            st.integers(0, 3),
            st.integers(0, 100),
        ),
        max_size=18,
    ),
    st.lists(st.integers(1, 12), max_size=4),
    st.randoms(use_true_random=False),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(history)
def test_any_order_with_repeats_converges_and_concurrent_edits_conflict(make_db, h):
    n_sites, n_records, raw_edits, cuts, rnd = h
    edits = [(s % n_sites, r % n_records, w, v, dt) for s, r, w, v, dt in raw_edits]
    per_site = build_history(n_sites, n_records, edits)
    bundles = [b for events in per_site.values() for b in split(events, cuts)]

    in_order = make_db("in_order")
    import_all(in_order, bundles)
    expected = state(in_order)
    assert expected[2] == 0

    shuffled = bundles + [rnd.choice(bundles) for _ in range(rnd.randint(0, 3))]
    rnd.shuffle(shuffled)
    other = make_db("shuffled")
    import_all(other, shuffled)
    assert state(other) == expected

    # every concurrent same-field edit (different sites, different values) is a Conflict
    conflict_ids = {c[0] for c in expected[1]}
    all_events = [e for events in per_site.values() for e in events]
    for a, b in itertools.combinations(all_events, 2):
        if a["site_id"] == b["site_id"] or a["record_id"] != b["record_id"]:
            continue
        if a["base_rev"] is None or b["base_rev"] is None:
            continue  # the creation is an ancestor of every edit
        for f in set(a["fields"]) & set(b["fields"]):
            if a["fields"][f] != b["fields"][f]:
                cid = apply.conflict_id("person", a["record_id"], f, a["event_id"], b["event_id"])
                assert cid in conflict_ids, (f, a, b)
        if (a["op"] == "delete") != (b["op"] == "delete"):
            cid = apply.conflict_id(
                "person", a["record_id"], "deleted", a["event_id"], b["event_id"]
            )
            assert cid in conflict_ids


def test_gap_is_held_then_applied_when_filled(make_db):
    per_site = build_history(
        2, 1, [(1, 0, "name", 1, 5), (1, 0, "phone", 2, 5), (1, 0, "notes", 3, 5)]
    )
    creation = per_site["site-0"]
    e1, e2, e3 = per_site["site-1"]
    db = make_db()
    import_all(db, [creation])
    with db.session(replaying=True) as s:
        res = apply.apply_events(s, [e3], bundle_id="late")
    assert res.held == 1 and res.gaps == {"site-1": (1, 2)}
    with db.session() as s:
        assert s.scalar(select(Person.phone)) == ""
    with db.session(replaying=True) as s:
        res = apply.apply_events(s, [e1, e2], bundle_id="fill")
    assert res.applied == 3 and res.released == 1 and res.gaps == {}
    with db.session() as s:
        p = s.scalar(select(Person))
        assert (p.name, p.phone, p.notes) == ("name-1", "phone-2", "notes-3")
        assert s.scalar(select(func.count()).select_from(SyncPendingEvent)) == 0


def test_replayed_events_are_skipped(make_db):
    per_site = build_history(2, 2, [(1, 0, "name", 1, 5)])
    db = make_db()
    bundles = list(per_site.values())
    import_all(db, bundles)
    before = state(db)
    with db.session(replaying=True) as s:
        res = apply.apply_events(s, bundles[1], bundle_id="again")
    assert res.applied == 0 and res.skipped == len(bundles[1])
    assert state(db) == before


def test_same_event_id_with_other_content_is_refused_and_writes_nothing(make_db):
    per_site = build_history(2, 1, [(1, 0, "name", 1, 5), (1, 0, "phone", 1, 5)])
    db = make_db()
    import_all(db, [per_site["site-0"], per_site["site-1"][:1]])
    before = state(db)
    forged = {**per_site["site-1"][0], "fields": {"name": "篡改"}}
    with pytest.raises(errors.EventClash), db.session(replaying=True) as s:
        apply.apply_events(s, [per_site["site-1"][1], forged], bundle_id="bad")
    assert state(db) == before


def test_unknown_table_fails_schema_and_writes_nothing(make_db):
    per_site = build_history(1, 1, [])
    db = make_db()
    bad = {**per_site["site-0"][0], "table": "user_account"}
    with pytest.raises(errors.SchemaInvalid), db.session(replaying=True) as s:
        apply.apply_events(s, [bad], bundle_id="bad")
    assert state(db)[0] == []


def test_update_to_a_tombstone_is_a_conflict_and_stays_deleted(make_db):
    per_site = build_history(2, 1, [(0, 0, "delete", 0, 1), (1, 0, "name", 2, 50)])
    db = make_db()
    import_all(db, list(per_site.values()))
    people, conflicts, _ = state(db)
    assert people[0][4] is True  # still deleted
    assert [c[2] for c in conflicts] == ["deleted"]


def test_row_waiting_for_its_household_is_written_when_it_arrives(make_db):
    hid = str(uuid.uuid4())
    pid = str(uuid.uuid4())
    household = ev(
        "site-h", 1, hid, {"id": hid, "address_text": "梅巷小区1幢", "deleted": False}, None, T0
    )
    household["table"] = "household"
    person = ev(
        "site-p",
        1,
        pid,
        {"id": pid, "name": "张三", "household_id": hid, "deleted": False},
        None,
        T0,
    )
    db = make_db()
    with db.session(replaying=True) as s:
        res = apply.apply_events(s, [person], bundle_id="p")
    assert res.applied == 1 and res.unmaterialized == 1
    assert state(db)[0] == []
    with db.session(replaying=True) as s:
        res = apply.apply_events(s, [household], bundle_id="h")
    assert res.unmaterialized == 0
    with db.session() as s:
        p = s.get(Person, pid)
        assert p is not None and p.household_id == hid
        assert "梅巷小区" in p.search_text  # derived from the household's address
