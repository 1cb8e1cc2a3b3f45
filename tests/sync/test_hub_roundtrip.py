"""Communities → USB bundles → district hub → receipts back, on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from afc_desktop.district import figures, hub
from afc_desktop.paths import DataDir
from afc_desktop.services import sync as sync_service
from afc_desktop.services.context import open_app
from afc_desktop.services.register import PersonInput, register_person, update_person
from afc_desktop.services.setup import CommunityInput, run_setup
from afc_desktop.store.models import Person
from afc_desktop.sync import apply, bundle, keys

SHARED_ID = "320508194501011237"


def _valid(idn17: str) -> str:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(c) * w for c, w in zip(idn17, weights, strict=True))
    return idn17 + "10X98765432"[total % 11]


@pytest.fixture()
def hub_db(hub_url):
    db = hub.open_hub(hub_url)
    yield db
    db.dispose()


@pytest.fixture()
def sqlite_hub(tmp_path):
    db = hub.open_hub(str(tmp_path / "hub.sqlite3"))
    yield db
    db.dispose()


def make_site(tmp_path, name, district):
    """A laptop named ``name`` (``梅巷社区b`` is a second laptop of 梅巷社区), enrolled."""
    ctx = open_app(DataDir(tmp_path / name))
    community = name.removesuffix("b")
    run_setup(
        ctx, CommunityInput("320508", community, street_name="平江街道"), "admin", "admin-pass-1"
    )
    district.enrol(ctx, name)
    return ctx


def person(ctx, name, idn):
    return register_person(
        ctx,
        PersonInput(name=name, id_number=idn),
        confirm_duplicate=True,
    )


def test_bundles_to_hub_and_receipts_back(tmp_path, hub_db, district_on):
    district = district_on(hub_db)
    dkeys = district.keys
    a = make_site(tmp_path, "梅巷社区", district)
    b = make_site(tmp_path, "桃坞社区", district)
    shared = _valid("32050819450101123")
    p1 = person(a, "张三", shared)
    person(a, "李四", _valid("32050819460202234"))
    person(b, "张三", shared)

    usb = tmp_path / "usb"
    ea = sync_service.export_bundle(a, usb)
    eb = sync_service.export_bundle(b, usb)
    assert ea.records > 0 and eb.records > 0
    assert sync_service.sync_status(a).waiting_events == ea.records

    db = hub_db
    try:
        lines = [hub.import_bundle(db, dkeys, p) for p in hub.bundle_files([usb])]
        assert sorted(line.outcome for line in lines) == ["applied", "applied"]
        # a replayed bundle changes nothing
        again = hub.import_bundle(db, dkeys, ea.path)
        assert again.outcome == "duplicate" and again.applied == 0

        with db.session(replaying=True) as s:
            assert s.get(Person, p1.id).name == "张三"
        st = {x.site_id: x for x in hub.status(db)}
        assert st[a.site_id].contiguous_seq == ea.ranges[a.site_id]["seq_to"]
        assert not st[a.site_id].drift and st[a.site_id].waiting_for is None

        today = db.clock.today()
        month = figures.district_report(db, today.year, today.month)
        report = {r.name: r for r in month.rows}
        assert report["梅巷社区"].elders == 2 and report["桃坞社区"].elders == 1
        assert month.total.elders == 3

        dups = hub.duplicates(db)
        assert [d.id_number for d in dups] == [shared]
        assert dups[0].communities == ["桃坞社区", "梅巷社区"]

        receipts = hub.write_receipts(db, dkeys, "320508", tmp_path / "receipts")
        assert len(receipts) == 2
        mine = next(p for p in receipts if a.site_id[:8] in p.name)
        res = sync_service.import_bundle(a, mine)
        assert res.kind == "receipt" and res.acked_seq == ea.ranges[a.site_id]["seq_to"]
        assert res.duplicates == 1
        assert sync_service.duplicate_flag(a, shared) == ["桃坞社区", "梅巷社区"]
        status = sync_service.sync_status(a)
        assert status.waiting_events == 0 and status.last_receipt is not None

        # only the new edit is sent next time
        update_person(a, p1.id, PersonInput(name="张三丰", id_number=shared))
        e2 = sync_service.export_bundle(a, tmp_path / "usb2")
        assert e2.records == 1
        assert hub.import_bundle(db, dkeys, e2.path).outcome == "applied"
        with db.session(replaying=True) as s:
            assert s.get(Person, p1.id).name == "张三丰"
            assert s.get(Person, p1.id).search_text  # derived columns are filled at the hub too
    finally:
        db.dispose()
        a.db.dispose()
        b.db.dispose()


def test_gap_is_held_at_hub_named_in_receipt_then_filled(
    tmp_path, hub_db, district_on, enrolment_block
):
    district = district_on(hub_db)
    dkeys = district.keys
    a = make_site(tmp_path, "梅巷社区", district)
    for i in range(3):
        person(a, f"居民{i}", _valid(f"32050819500101{i}12"))
    site_keys = keys.ensure_site_keys(a.data_dir.keys_dir, a.db.key)
    with a.db.session() as s:
        events = list(apply.iter_site_events(s, a.site_id))
    rcpt = district.recipient

    def make(evs, name):
        return bundle.write_bundle(
            tmp_path / "usb",
            evs,
            kind="changes",
            signer=site_keys,
            site_id=a.site_id,
            community_code="320508018001",
            recipient=rcpt,
            file_name=name,
            enrolment=enrolment_block(a),
        ).path

    half = len(events) // 2
    first, second = make(events[:half], "1.afcbundle"), make(events[half:], "2.afcbundle")
    db = hub_db
    try:
        line = hub.import_bundle(db, dkeys, second)
        assert line.outcome == "held" and line.gaps == {a.site_id: [1, half]}, line.message
        st = hub.status(db)[0]
        assert st.waiting_for == [1, half] and st.held_events == len(events) - half
        receipt = hub.write_receipts(db, dkeys, "320508", tmp_path / "r")[0]
        res = sync_service.import_bundle(a, receipt)
        assert res.held_ranges == [{"site_id": a.site_id, "missing_from": 1, "missing_to": half}]
        assert res.acked_seq == 0
        line = hub.import_bundle(db, dkeys, first)
        assert line.outcome == "applied" and line.released == len(events) - half
        with db.session(replaying=True) as s:
            assert len(list(s.scalars(select(Person)))) == 3
        assert hub.status(db)[0].held_events == 0
    finally:
        db.dispose()
        a.db.dispose()


def test_refused_bundle_writes_nothing_and_reports_its_status(tmp_path, sqlite_hub, district_on):
    district = district_on(sqlite_hub)
    dkeys = district.keys
    a = make_site(tmp_path, "梅巷社区", district)
    person(a, "张三", _valid("32050819450101123"))
    e = sync_service.export_bundle(a, tmp_path / "usb")
    data = bytearray(Path(e.path).read_bytes())
    data[len(data) // 3] ^= 0x20
    bad = tmp_path / "bad.afcbundle"
    bad.write_bytes(bytes(data))
    db = sqlite_hub
    try:
        line = hub.import_bundle(db, dkeys, bad)
        assert line.outcome == "refused" and line.exit_status >= 10 and line.message
        with db.session(replaying=True) as s:
            assert list(s.scalars(select(Person))) == []
        # a bundle addressed to someone else is refused too
        other = keys.create_district_keys(tmp_path / "other", b"x")
        line = hub.import_bundle(db, other, e.path)
        assert line.outcome == "refused" and "不是发给本区" in line.message
    finally:
        db.dispose()
        a.db.dispose()


def test_two_laptops_of_one_community_converge(tmp_path, sqlite_hub, district_on):
    district = district_on(sqlite_hub)
    a = make_site(tmp_path, "梅巷社区", district)
    b = make_site(tmp_path, "梅巷社区b", district)
    pa = tmp_path / "pair_a.afcpair"
    pb = tmp_path / "pair_b.afcpair"
    sync_service.pairing_export(a, pa)
    sync_service.pairing_export(b, pb)
    sync_service.pairing_import(a, pb)
    sync_service.pairing_import(b, pa)
    p = person(a, "张三", _valid("32050819450101123"))
    to_b = sync_service.export_bundle(a, tmp_path / "x", to_peer=b.site_id)
    res = sync_service.import_bundle(b, to_b.path)
    assert res.applied == to_b.records
    # both edit the same field concurrently
    base = PersonInput(name="张三", id_number=_valid("32050819450101123"))
    update_person(a, p.id, PersonInput(**{**base.__dict__, "phone": "13800000001"}))
    update_person(b, p.id, PersonInput(**{**base.__dict__, "phone": "13900000002"}))
    ab = sync_service.export_bundle(a, tmp_path / "y", to_peer=b.site_id)
    ba = sync_service.export_bundle(b, tmp_path / "z", to_peer=a.site_id)
    ra = sync_service.import_bundle(a, ba.path)
    rb = sync_service.import_bundle(b, ab.path)
    assert ra.conflicts == 1 and rb.conflicts == 1
    with a.db.session() as sa, b.db.session() as sb:
        pa_, pb_ = sa.get(Person, p.id), sb.get(Person, p.id)
        assert pa_.phone == pb_.phone and pa_.rev == pb_.rev
        applied_phone = pa_.phone
    # b's bundle carried a receipt for what b held of a's events when it was written
    assert ra.acked_seq == to_b.ranges[a.site_id]["seq_to"]
    # a person resolves the conflict on laptop a by keeping the value that lost
    [conflict] = sync_service.list_conflicts(a)
    assert {conflict.value_a, conflict.value_b} == {"13800000001", "13900000002"}
    loser = "b" if conflict.winner == "a" else "a"
    sync_service.resolve_conflict(a, conflict.id[:10], loser, "电话核实")
    assert sync_service.list_conflicts(a) == []
    again = sync_service.export_bundle(a, tmp_path / "w", to_peer=b.site_id)
    # the phone edit (not yet acknowledged by b) travels again, with the resolution
    assert again.ranges[a.site_id]["count"] == 2
    res = sync_service.import_bundle(b, again.path)
    assert (res.applied, res.skipped, res.conflicts) == (1, 1, 0)
    # on laptop b the conflict is closed by the resolution that saw both sides
    assert sync_service.list_conflicts(b) == []
    with a.db.session() as sa, b.db.session() as sb:
        pa_, pb_ = sa.get(Person, p.id), sb.get(Person, p.id)
        assert pa_.phone == pb_.phone != applied_phone
    a.db.dispose()
    b.db.dispose()


def test_a_site_cannot_speak_for_another_site(tmp_path, sqlite_hub, district_on, enrolment_block):
    district = district_on(sqlite_hub)
    dkeys = district.keys
    a = make_site(tmp_path, "梅巷社区", district)
    person(a, "张三", _valid("32050819450101123"))
    site_keys = keys.ensure_site_keys(a.data_dir.keys_dir, a.db.key)
    with a.db.session() as s:
        own = list(apply.iter_site_events(s, a.site_id))
    # a well-formed event of another site (its own record), as a paired laptop's snapshot holds
    forged = {
        **own[-1],
        "event_id": "forged-1",
        "site_id": "another-site",
        "seq": 1,
        "fields": {**own[-1]["fields"], "origin_site": "another-site"},
    }
    path = bundle.write_bundle(
        tmp_path / "usb",
        [*own, forged],
        kind="snapshot",
        signer=site_keys,
        site_id=a.site_id,
        community_code="320508018001",
        recipient=district.recipient,
        enrolment=enrolment_block(a),
    ).path
    db = sqlite_hub
    try:
        line = hub.import_bundle(db, dkeys, path)
        assert line.outcome == "applied", line.message
        assert line.applied == len(own) and line.foreign == 1
        assert {st.site_id for st in hub.status(db)} == {a.site_id}
    finally:
        db.dispose()
        a.db.dispose()


def test_conflict_found_at_district_is_resolved_at_the_community(tmp_path, hub_db, district_on):
    district = district_on(hub_db)
    dkeys = district.keys
    a = make_site(tmp_path, "梅巷社区", district)
    b = make_site(tmp_path, "梅巷社区b", district)
    sync_service.pairing_export(a, tmp_path / "pa.afcpair")
    sync_service.pairing_import(b, tmp_path / "pa.afcpair")
    sync_service.pairing_export(b, tmp_path / "pb.afcpair")
    sync_service.pairing_import(a, tmp_path / "pb.afcpair")
    idn = _valid("32050819450101123")
    p = person(a, "张三", idn)
    to_b = sync_service.export_bundle(a, tmp_path / "x", to_peer=b.site_id)
    sync_service.import_bundle(b, to_b.path)
    # both laptops change the phone, and both go to the district before talking to each other
    update_person(a, p.id, PersonInput(name="张三", id_number=idn, phone="13800000001"))
    update_person(b, p.id, PersonInput(name="张三", id_number=idn, phone="13900000002"))
    db = hub_db
    try:
        for ctx in (a, b):
            line = hub.import_bundle(
                db, dkeys, sync_service.export_bundle(ctx, tmp_path / "u").path
            )
            assert line.outcome == "applied", line
        [c] = hub.list_conflicts(db)
        assert c.field == "phone"
        receipts = hub.write_receipts(db, dkeys, "320508", tmp_path / "r")
        mine = next(r for r in receipts if a.site_id[:8] in r.name)
        assert sync_service.import_bundle(a, mine).conflicts == 1
        [local] = sync_service.list_conflicts(a)
        assert local.id == c.id
        keep = (
            "a" if local.value_a == "13900000002" else "b"
        )  # the district kept a's phone? keep b's
        if (local.winner == keep) is True:
            keep = "b" if keep == "a" else "a"
        sync_service.resolve_conflict(a, local.id, keep, "电话核实")
        line = hub.import_bundle(db, dkeys, sync_service.export_bundle(a, tmp_path / "v").path)
        assert line.applied == 1 and line.conflicts == 0
        assert hub.list_conflicts(db) == []  # superseded by the community's resolution
        [closed] = hub.list_conflicts(db, include_resolved=True)
        assert closed.status == "resolved"
        with db.session(replaying=True) as s:
            kept = local.value_a if keep == "a" else local.value_b
            assert s.get(Person, p.id).phone == kept
    finally:
        db.dispose()
        a.db.dispose()
        b.db.dispose()
