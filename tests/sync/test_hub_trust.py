"""Issue 12, attack by attack, on SQLite and on PostgreSQL: who the hub trusts, what a trusted
site may write, what a field may hold, imports at the same time, drift, the district key.

Each refusal is checked for a clear message, an unchanged hub, and (where bundles come as a
folder) the rest of the folder still imported.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from afc_desktop.district import hub, roster
from afc_desktop.district.cli import main as district_cli
from afc_desktop.paths import DataDir
from afc_desktop.services import sync as sync_service
from afc_desktop.services.context import ServiceError, open_app
from afc_desktop.services.register import PersonInput, register_person, update_person
from afc_desktop.services.setup import CommunityInput, run_setup
from afc_desktop.store.models import ChangeEvent, Person
from afc_desktop.store.models.district import DistrictSiteKey
from afc_desktop.store.models.sync_state import SyncConflict, SyncPendingEvent
from afc_desktop.sync import apply, bundle, crypto, enrolment, errors, keys

A_CODE, B_CODE = "320508018001", "320508018002"


def _valid(idn17: str) -> str:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(c) * w for c, w in zip(idn17, weights, strict=True))
    return idn17 + "10X98765432"[total % 11]


@pytest.fixture()
def hub_db(hub_url):
    db = hub.open_hub(hub_url)
    yield db
    db.dispose()


def new_site(tmp_path, dirname, community):
    ctx = open_app(DataDir(tmp_path / dirname))
    run_setup(
        ctx, CommunityInput("320508", community, street_name="平江街道"), "admin", "admin-pass-1"
    )
    return ctx


@pytest.fixture()
def world(tmp_path, hub_db, district_on):
    """A district; 梅巷 (site a) and 桃坞 (site b) enrolled, each with one elder at the hub."""
    district = district_on(hub_db)
    a = new_site(tmp_path, "a", "梅巷社区")
    b = new_site(tmp_path, "b", "桃坞社区")
    district.enrol(a, "梅巷社区")
    district.enrol(b, "桃坞社区")
    pa = register_person(a, PersonInput(name="张三", id_number=_valid("32050819450101123")))
    register_person(b, PersonInput(name="李四", id_number=_valid("32050819460202234")))
    for ctx in (a, b):
        line = hub.import_bundle(
            hub_db, district.keys, sync_service.export_bundle(ctx, tmp_path / "first").path
        )
        assert line.outcome == "applied" and line.bound_key, line.message
    yield district, a, b, pa
    a.db.dispose()
    b.db.dispose()


def hub_state(db) -> tuple:
    """Everything an import could change, to show a refused bundle changed nothing."""
    with db.session(replaying=True) as s:
        people = sorted(s.execute(select(Person.id, Person.rev, Person.name)).all())
        counts = tuple(
            int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (ChangeEvent, SyncPendingEvent, SyncConflict, DistrictSiteKey)
        )
        return (tuple(people), counts, [(st.site_id, st.contiguous_seq) for st in hub.status(db)])


def last_seq(ctx) -> int:
    with ctx.db.session() as s:
        return int(
            s.scalar(select(func.max(ChangeEvent.seq)).where(ChangeEvent.site_id == ctx.site_id))
        )


def event(ctx, seq, table, record_id, fields, base_rev=None, at="2026-11-28T08:00:00+00:00"):
    return {
        "event_id": str(uuid.uuid4()),
        "site_id": ctx.site_id,
        "seq": seq,
        "table": table,
        "record_id": record_id,
        "op": "upsert",
        "base_rev": base_rev,
        "fields": fields,
        "at": at,
        "actor": None,
    }


def craft(ctx, district, events, out, name, code, *, signer=None, site_id=None, proof="own"):
    """A bundle as a tamperer makes it: any events, signed with the given site's keys."""
    signer = signer or keys.ensure_site_keys(ctx.data_dir.keys_dir, ctx.db.key)
    if proof == "own":
        with ctx.db.session() as s:
            peer = sync_service._district(s)  # noqa: SLF001
            proof = {"id": peer.enrolment_id, "proof": peer.enrolment_proof}
    return bundle.write_bundle(
        Path(out),
        events,
        kind="changes",
        signer=signer,
        site_id=site_id or ctx.site_id,
        community_code=code,
        recipient=district.recipient,
        file_name=name,
        enrolment=proof,
        validate=False,
    ).path


# --- 1. anyone holding the enrolment file was trusted ------------------------------------


def test_a_stranger_without_an_enrolment_is_refused_and_the_folder_goes_on(tmp_path, hub_db, world):
    district, a, _b, _pa = world
    stranger = new_site(tmp_path, "stranger", "无名社区")
    folder = tmp_path / "folder"
    person_id = str(uuid.uuid4())
    forged = [
        event(stranger, 1, "person", person_id, {"id": person_id, "name": "x", "id_number": "1"})
    ]
    craft(stranger, district, forged, folder, "1_no_proof.afcbundle", "999999999999", proof=None)
    fake_proof = {"id": str(uuid.uuid4()), "proof": "00" * 32}
    craft(stranger, district, forged, folder, "2_fake.afcbundle", A_CODE, proof=fake_proof)
    update_person(
        a, world[3].id, PersonInput(name="张三", id_number=world[3].id_number, phone="13800000001")
    )
    shutil.copy(sync_service.export_bundle(a, tmp_path / "x").path, folder / "3_good.afcbundle")
    before = hub_state(hub_db)
    lines = [hub.import_bundle(hub_db, district.keys, p) for p in hub.bundle_files([folder])]
    assert [line.outcome for line in lines] == ["refused", "refused", "applied"]
    assert lines[0].exit_status == errors.UnknownSender.exit_status
    assert "未入网" in lines[0].message and "入网文件" in lines[0].message
    assert lines[1].exit_status == errors.EnrolmentInvalid.exit_status
    assert "不是本区发出的" in lines[1].message
    with hub_db.session(replaying=True) as s:
        assert s.get(Person, person_id) is None
        assert s.get(Person, world[3].id).phone == "13800000001"
    people, counts, _ = hub_state(hub_db)
    assert people != before[0] and counts[3] == before[1][3]  # no key bound for the stranger


def test_a_site_id_cannot_be_claimed_and_a_used_enrolment_file_binds_nobody(
    tmp_path, hub_db, district_on
):
    district = district_on(hub_db)
    real = new_site(tmp_path, "real", "梅巷社区")
    real_file = district.issue(A_CODE, "梅巷社区")
    sync_service.enrol(real, real_file, district.fingerprint)
    register_person(real, PersonInput(name="张三", id_number=_valid("32050819450101123")))
    # an attacker with a laptop of its own, enrolled as 桃坞, claims 梅巷's site id first
    attacker = new_site(tmp_path, "attacker", "桃坞社区")
    district.enrol(attacker, "桃坞社区")
    evil_keys = keys.ensure_site_keys(attacker.data_dir.keys_dir, attacker.db.key)
    rid = str(uuid.uuid4())
    evs = [
        {**event(real, 1, "community", rid, {"id": rid, "district_code": "320508", "name": "假"})}
    ]
    for code in (A_CODE, B_CODE):
        path = craft(attacker, district, evs, tmp_path / code, "claim.afcbundle", code,
                     signer=evil_keys, site_id=real.site_id)  # fmt: skip
        before = hub_state(hub_db)
        line = hub.import_bundle(hub_db, district.keys, path)
        assert line.outcome == "refused" and line.exit_status == 23, line.message
        assert "入网" in line.message and hub_state(hub_db) == before
    # the real community's first bundle still binds and applies
    line = hub.import_bundle(
        hub_db, district.keys, sync_service.export_bundle(real, tmp_path / "u").path
    )
    assert line.outcome == "applied" and line.bound_key
    # a copy of the (now used) enrolment file does not enrol another laptop
    copycat = new_site(tmp_path, "copycat", "梅巷社区")
    sync_service.enrol(copycat, real_file, district.fingerprint)
    register_person(copycat, PersonInput(name="王五", id_number=_valid("32050819470303345")))
    before = hub_state(hub_db)
    line = hub.import_bundle(
        hub_db, district.keys, sync_service.export_bundle(copycat, tmp_path / "c").path
    )
    assert line.exit_status == errors.EnrolmentInvalid.exit_status
    assert "已被另一台电脑使用过" in line.message and hub_state(hub_db) == before
    for ctx in (real, attacker, copycat):
        ctx.db.dispose()


def test_an_enrolled_site_cannot_write_another_communitys_records(tmp_path, hub_db, world):
    district, a, b, pa = world
    with hub_db.session(replaying=True) as s:
        victim = s.get(Person, pa.id)
        victim_rev, a_community = victim.rev, victim.community_id
    seq = last_seq(b) + 1
    overwrite = event(
        b, seq, "person", pa.id, {"name": "改名"}, victim_rev, at="2099-01-01T00:00:00Z"
    )
    pid = str(uuid.uuid4())
    plant = event(b, seq, "person", pid, {"id": pid, "name": "x", "community_id": a_community})
    folder = tmp_path / "folder"
    craft(b, district, [overwrite], folder, "1_overwrite.afcbundle", B_CODE)
    craft(b, district, [plant], folder, "2_plant.afcbundle", B_CODE)
    update_person(b, _b_person(b), _b_input(b))
    shutil.copy(sync_service.export_bundle(b, tmp_path / "x").path, folder / "3_good.afcbundle")
    before = hub_state(hub_db)
    lines = [hub.import_bundle(hub_db, district.keys, p) for p in hub.bundle_files([folder])]
    assert [line.outcome for line in lines] == ["refused", "refused", "applied"]
    for line, field in zip(lines[:2], ("", "community_id"), strict=True):
        assert line.exit_status == errors.Unauthorised.exit_status
        assert f"社区 {A_CODE}" in line.message and "1_" in lines[0].path
        assert field in line.message
    assert pa.id in lines[0].message  # the record is named
    with hub_db.session(replaying=True) as s:
        assert s.get(Person, pa.id).name == "张三" and s.get(Person, pa.id).rev == victim_rev
        assert s.get(Person, pid) is None
        assert s.scalar(select(func.count()).select_from(SyncConflict)) == 0
    assert hub_state(hub_db)[1][2] == before[1][2]


def _b_person(b):
    with b.db.session() as s:
        return s.scalar(select(Person.id))


def _b_input(b):
    with b.db.session() as s:
        p = s.get(Person, _b_person(b))
        return PersonInput(name=p.name, id_number=p.id_number, phone="13900000000")


# --- 2. a forged enrolment file ------------------------------------------------------------


def test_enrol_refuses_forged_files_wrong_fingerprints_and_other_communities(
    tmp_path, hub_db, district_on
):
    district = district_on(hub_db)
    site = new_site(tmp_path, "site", "梅巷社区")
    genuine = district.issue(A_CODE, "梅巷社区")
    # a forger's own district key, naming our community: its fingerprint is not ours
    forger = keys.create_district_keys(tmp_path / "forger", b"x")
    forged = enrolment.write_enrolment_file(
        tmp_path / "forged.afcenrol", forger, district_code="320509", district_name="假",
        community_code=A_CODE, community_name="梅巷社区", street="", pilot=False,
        enrolment_id=str(uuid.uuid4()), secret=enrolment.new_secret(),
    )  # fmt: skip
    with pytest.raises(ServiceError, match="指纹"):
        sync_service.enrol(site, forged, district.fingerprint)
    # the forger's file with the forger's fingerprint still names a key we were not given
    with pytest.raises(ServiceError, match="指纹"):
        sync_service.enrol(site, genuine, enrolment.fingerprint(forger.sign_public, b"x" * 32))
    # the genuine file, edited: the signature breaks
    doc = json.loads(genuine.read_text(encoding="utf-8"))
    doc["body"]["district"]["enc_public"] = crypto.b64e(forger.enc_public)
    edited = tmp_path / "edited.afcenrol"
    edited.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ServiceError, match="签名无效"):
        sync_service.enrol(site, edited, district.fingerprint)
    # a genuine file for another community
    with pytest.raises(ServiceError, match="桃坞社区"):
        sync_service.enrol(site, district.issue(B_CODE, "桃坞社区"), district.fingerprint)
    # nothing enrolled: an export has no district to encrypt to
    assert sync_service.sync_status(site).district is None
    with pytest.raises(ServiceError, match="入网文件"):
        sync_service.export_bundle(site, tmp_path / "usb")
    view = sync_service.enrol(site, genuine, district.fingerprint.replace(" ", "-"))
    assert view.community_code == A_CODE and view.fingerprint == district.fingerprint
    site.db.dispose()


# --- 3. field values never checked ----------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("birth_date", "2020-13-45", "不是有效日期"),
        ("consent", "yes", "应为是/否"),
        ("name", {"x": 1}, "应为文本"),
        ("name", "名" * 5000, "超过 50 个字符"),
        ("sex", "X", "不是允许的取值"),
    ],
)
def test_bad_field_values_refuse_their_bundle_alone(tmp_path, hub_db, world, field, value, reason):
    district, a, _b, pa = world
    with hub_db.session(replaying=True) as s:
        rev = s.get(Person, pa.id).rev
    bad = event(a, last_seq(a) + 1, "person", pa.id, {field: value}, rev)
    folder = tmp_path / "folder"
    craft(a, district, [bad], folder, "1_bad.afcbundle", A_CODE)
    update_person(a, pa.id, PersonInput(name="张三", id_number=pa.id_number, phone="13800000002"))
    shutil.copy(sync_service.export_bundle(a, tmp_path / "x").path, folder / "2_good.afcbundle")
    before = hub_state(hub_db)
    bad_line = hub.import_bundle(hub_db, district.keys, folder / "1_bad.afcbundle")
    assert bad_line.exit_status == errors.SchemaInvalid.exit_status
    assert f"记录 {pa.id}" in bad_line.message and f"字段 {field}" in bad_line.message
    assert reason in bad_line.message and "1_bad" in bad_line.message
    assert "名名名" not in bad_line.message  # the value (personal data) is never echoed
    assert hub_state(hub_db) == before
    good = hub.import_bundle(hub_db, district.keys, folder / "2_good.afcbundle")
    assert good.outcome == "applied"


def test_a_folder_import_goes_on_and_prints_one_line_per_file(
    tmp_path, hub_url, hub_db, world, capsys
):
    district, a, _b, pa = world
    home = tmp_path / "home"
    shutil.copytree(district.tmp_path / "district_keys", home / "keys")
    (home / "district.json").write_text(json.dumps({"code": "320508"}), encoding="utf-8")
    pw = tmp_path / "pw"
    pw.write_text("district pass", encoding="utf-8")
    with hub_db.session(replaying=True) as s:
        rev = s.get(Person, pa.id).rev
    folder = tmp_path / "folder"
    seq = last_seq(a) + 1
    for i, fields in enumerate(({"birth_date": "2020-13-45"}, {"consent": "yes"})):
        craft(a, district, [event(a, seq, "person", pa.id, fields, rev)], folder,
              f"{i}_bad.afcbundle", A_CODE)  # fmt: skip
    update_person(a, pa.id, PersonInput(name="张三", id_number=pa.id_number, phone="13800000003"))
    shutil.copy(sync_service.export_bundle(a, tmp_path / "x").path, folder / "9_good.afcbundle")
    hub_db.dispose()
    capsys.readouterr()
    common = ["--home", str(home), "--db", hub_url, "--passphrase-file", str(pw)]
    status = district_cli(["import", str(folder), *common])
    out = capsys.readouterr().out.strip().splitlines()
    assert status == errors.SchemaInvalid.exit_status
    assert len(out) == 3
    assert out[0].startswith("拒收 0_bad") and "字段 birth_date" in out[0]
    assert out[1].startswith("拒收 1_bad") and "字段 consent" in out[1]
    assert out[2].startswith("已导入 9_good")


# --- 4. two imports at once ------------------------------------------------------------------


def test_two_concurrent_imports_are_serialised_and_nothing_stalls(
    tmp_path, hub_db, world, monkeypatch
):
    district, a, _b, pa = world
    for i in range(6):
        register_person(
            a,
            PersonInput(name=f"居民{i}", id_number=_valid(f"32050819500101{i}12")),
            confirm_duplicate=True,
        )
    start = {st.site_id: st.contiguous_seq for st in hub.status(hub_db)}[a.site_id]
    with a.db.session() as s:
        evs = list(apply.iter_site_events(s, a.site_id, start))
    half = len(evs) // 2
    m = craft(a, district, evs[:half], tmp_path / "m", "m.afcbundle", A_CODE)
    n = craft(a, district, evs[half:], tmp_path / "n", "n.afcbundle", A_CODE)

    real_apply = apply.apply_events
    paused, release = threading.Event(), threading.Event()
    first = {}

    def slow_apply(*args, **kwargs):
        result = real_apply(*args, **kwargs)
        if first.setdefault("thread", threading.current_thread()) is threading.current_thread():
            paused.set()  # M has read and written the progress, not yet committed
            release.wait(30)
        return result

    monkeypatch.setattr(apply, "apply_events", slow_apply)
    lines = {}
    tm = threading.Thread(
        target=lambda: lines.setdefault("m", hub.import_bundle(hub_db, district.keys, m))
    )
    tm.start()
    assert paused.wait(30)
    # a second import that will not wait long says so, and writes nothing
    busy = hub.import_bundle(hub_db, district.keys, n, wait_seconds=0.5)
    assert busy.outcome == "refused" and busy.exit_status == errors.HubBusy.exit_status
    assert "另一个导入正在进行" in busy.message
    tn = threading.Thread(
        target=lambda: lines.setdefault("n", hub.import_bundle(hub_db, district.keys, n))
    )
    tn.start()
    time.sleep(1.0)
    assert tn.is_alive(), "the second import must wait for the first"
    release.set()
    tm.join(60)
    tn.join(60)
    assert lines["m"].outcome == "applied" and lines["n"].outcome == "applied", (
        lines["m"].message,
        lines["n"].message,
    )
    [st] = [x for x in hub.status(hub_db) if x.site_id == a.site_id]
    assert st.contiguous_seq == evs[-1]["seq"] and st.held_events == 0
    assert st.waiting_for is None


# --- 5. replayed / out-of-order bundle, false drift -------------------------------------------


def test_replayed_and_out_of_order_bundles_never_raise_a_false_drift(tmp_path, hub_db, world):
    district, a, _b, pa = world
    update_person(a, pa.id, PersonInput(name="张三", id_number=pa.id_number, phone="13800000004"))
    older = sync_service.export_bundle(a, tmp_path / "1")
    update_person(a, pa.id, PersonInput(name="张三", id_number=pa.id_number, phone="13800000005"))
    newer = sync_service.export_bundle(a, tmp_path / "2")

    def site_status():
        return next(x for x in hub.status(hub_db) if x.site_id == a.site_id)

    assert hub.import_bundle(hub_db, district.keys, newer.path).outcome == "applied"
    assert not site_status().drift
    for replay in (older.path, newer.path, older.path):  # out of order, then replays
        hub.import_bundle(hub_db, district.keys, replay)
        st = site_status()
        assert not st.drift and st.state_hash_reported_seq == newer.ranges[a.site_id]["seq_to"]
    # a real divergence is still seen: the hub's copy differs from what the site reported
    with hub_db.session(replaying=True) as s:
        s.get(Person, pa.id).rev = "tampered-at-hub"
    assert site_status().drift


# --- revoking a laptop; a second laptop with its own file -------------------------------------


def test_revoked_laptop_is_refused_and_a_second_laptop_enrols_with_its_own_file(
    tmp_path, hub_db, world
):
    district, a, _b, pa = world
    second = new_site(tmp_path, "a2", "梅巷社区")
    district.enrol(second, "梅巷社区")
    register_person(second, PersonInput(name="赵六", id_number=_valid("32050819480404456")))
    line = hub.import_bundle(
        hub_db, district.keys, sync_service.export_bundle(second, tmp_path / "s").path
    )
    assert line.outcome == "applied" and line.bound_key
    entry = roster.community_entry(hub_db, A_CODE)
    assert entry.active_keys == 2 and entry.secret_state == "bound"
    lost = keys.ensure_site_keys(a.data_dir.keys_dir, a.db.key).key_id
    done = roster.revoke(hub_db, A_CODE, lost[:6], "电脑丢失")
    assert "已吊销" in done and lost in done
    update_person(a, pa.id, PersonInput(name="张三", id_number=pa.id_number, phone="13800000006"))
    before = hub_state(hub_db)
    line = hub.import_bundle(
        hub_db, district.keys, sync_service.export_bundle(a, tmp_path / "r").path
    )
    assert line.exit_status == errors.UnknownSender.exit_status and "吊销" in line.message
    assert hub_state(hub_db) == before
    keys_ = {k.key_id: k for k in roster.community_entry(hub_db, A_CODE).keys}
    assert keys_[lost].status == "revoked" and keys_[lost].revoked_reason == "电脑丢失"
    # an unused file can be withdrawn before anyone uses it
    spare = district.issue(A_CODE, "梅巷社区")
    spare_id = json.loads(spare.read_text(encoding="utf-8"))["body"]["enrolment_id"]
    assert "已作废" in roster.revoke(hub_db, A_CODE, spare_id[:8])
    assert roster.community_entry(hub_db, A_CODE).secret_state == "bound"
    second.db.dispose()


# --- 6. the district key's passphrase ---------------------------------------------------------


def test_district_passphrase_costs_at_least_100ms_and_old_key_files_upgrade(tmp_path):
    cost = keys.DISTRICT_KEY_COST
    t0 = time.perf_counter()
    crypto.scrypt_key(b"a guess", b"0" * 16, cost)
    assert time.perf_counter() - t0 >= 0.1
    made = keys.create_district_keys(tmp_path / "new", b"pw")
    stored = json.loads((tmp_path / "new" / keys.DISTRICT_KEY_FILE).read_text())
    assert stored["sealed"]["kdf"] == "scrypt" and stored["sealed"]["n"] == cost.n
    # a version-1 key directory (PBKDF2 PEM files) upgrades on its next use
    old = tmp_path / "old"
    keys.write_v1_district_keys(old, made, b"pw")
    with pytest.raises(keys.KeyFileError, match="口令"):
        keys.load_district_keys(old, b"wrong")
    assert (old / keys.DISTRICT_SIGN_FILE).exists()  # a wrong passphrase changes nothing
    assert keys.load_district_keys(old, b"pw").key_id == made.key_id
    assert not (old / keys.DISTRICT_SIGN_FILE).exists()
    assert not (old / keys.DISTRICT_ENC_FILE).exists()
    assert json.loads((old / keys.DISTRICT_KEY_FILE).read_text())["sealed"]["n"] == cost.n
    assert keys.load_district_keys(old, b"pw").key_id == made.key_id
