"""A move within the district arrives at the receiving community through the hub (issue 15):
A marks the move out with B's code, the hub forwards it in B's receipt with the person's
history, B's worker accepts it — a record of B's own, with the grade and history — and the hub
closes the transfer on B's next upload. A keeps the person as moved out; nobody but B receives
or closes the transfer."""

from __future__ import annotations

import json
import zipfile
from datetime import date

import pytest
from sqlalchemy import select

from afc_desktop.district import hub, transfers
from afc_desktop.district.cli import main as district_main
from afc_desktop.domain.formspec import load_forms
from afc_desktop.domain.idcard import check_digit
from afc_desktop.paths import DataDir
from afc_desktop.services import assessments, register, visits
from afc_desktop.services import sync as sync_service
from afc_desktop.services.context import ServiceError, open_app
from afc_desktop.services.register import PersonInput
from afc_desktop.services.setup import CommunityInput, run_setup
from afc_desktop.services.visits import VisitInput
from afc_desktop.store.models import ChangeEvent, Person
from afc_desktop.sync import bundle

FORM_ID = "gbt42195-2022-ability"
A_CODE, B_CODE = "320508018001", "320508018002"  # tests/sync/conftest.py COMMUNITY_CODES


def site(tmp_path, name, district, dirname=None):
    ctx = open_app(DataDir(tmp_path / (dirname or name)))
    run_setup(ctx, CommunityInput("320508", name, street_name="平江街道"), "admin", "admin-pass-1")
    ctx.clock.pin(date(2026, 11, 28))
    district.enrol(ctx, name)
    return ctx


def finalize_disabled(ctx, pid: str, on: str) -> None:
    """A GB/T 42195 sheet at zero points: 完全失能."""
    form = load_forms().get(FORM_ID)
    answers = {i.id: 0 for i in form.items() if i.scored}
    answers.update({f"A.2.14.{i}": 0 for i in range(1, 6)})
    answers.update({"A.1.2": on, "A.1.3": 1, "A.4.1": [0], "A.5.11": 1, "S.1": "李娜"})
    filled = {**assessments.prefilled_answers(ctx, pid, FORM_ID), **answers}
    assessments.finalize_assessment(ctx, assessments.AssessmentInput(pid, FORM_ID, filled))


def upload(ctx, db, district, out):
    sent = sync_service.export_bundle(ctx, out)
    line = hub.import_bundle(db, district.keys, sent.path)
    assert line.outcome == "applied", line
    return line


def _format_version(path) -> int:
    with zipfile.ZipFile(path) as zf:
        return int(json.loads(zf.read(bundle.MANIFEST))["format_version"])


def receipt_for(db, district, ctx, out):
    paths = hub.write_receipts(db, district.keys, "320508", out)
    return next(p for p in paths if ctx.site_id[:8] in p.name)


@pytest.fixture()
def hub_db(hub_url):
    db = hub.open_hub(hub_url)
    yield db
    db.dispose()


def test_a_move_arrives_at_the_receiving_community_through_the_hub(
    tmp_path, hub_url, hub_db, district_on, capsys
) -> None:
    district = district_on(hub_db)
    a = site(tmp_path, "梅巷社区", district)
    b = site(tmp_path, "桃坞社区", district)
    c = site(tmp_path, "梅巷社区", district, dirname="梅巷社区b")  # a bystander laptop
    try:
        first17 = "32050819380505002"
        idn = first17 + check_digit(first17)
        pid = register.register_person(
            a, PersonInput(name="蒋阿婆", id_number=idn, categories=("alone",),
                           registered_on=date(2025, 3, 1)),
        ).id  # fmt: skip
        visits.record_visit(a, VisitInput(pid, date(2026, 11, 2), notes="精神好"))
        finalize_disabled(a, pid, "2026-11-10")
        upload(b, hub_db, district, tmp_path / "b0")  # B has synced before
        upload(c, hub_db, district, tmp_path / "c0")

        # A marks the move out; the one delete event carries the destination
        with pytest.raises(ServiceError, match="12位数字"):
            register.remove_person(a, pid, "迁往本区其他社区", date(2026, 11, 20),
                                   to_community="32050800100")  # fmt: skip
        register.remove_person(a, pid, "迁往本区其他社区", date(2026, 11, 20), to_community=B_CODE)
        with a.db.session() as s:
            event = s.scalars(
                select(ChangeEvent).where(ChangeEvent.record_id == pid, ChangeEvent.op == "delete")
            ).one()
        assert event.fields["moved_to"] == B_CODE
        assert event.fields["removal_reason"] == "moved_within"

        # the hub records the move when A's bundle arrives
        upload(a, hub_db, district, tmp_path / "a1")
        with hub_db.session(replaying=True) as s:
            [t] = transfers.list_transfers(s)
            assert (t.person_id, t.from_code, t.to_code, t.state) == (pid, A_CODE, B_CODE,
                                                                      "waiting")  # fmt: skip
            tid = t.id

        # only B's receipt carries it (encrypted to B); A's and the bystander's do not
        plain_receipt = receipt_for(hub_db, district, a, tmp_path / "r1")
        assert _format_version(plain_receipt) == bundle.PLAIN_VERSION  # old sites still read it
        assert sync_service.import_bundle(a, plain_receipt)
        assert sync_service.import_bundle(c, receipt_for(hub_db, district, c, tmp_path / "r2"))
        assert register.incoming_transfers(a) == [] and register.incoming_transfers(c) == []
        transfer_receipt = receipt_for(hub_db, district, b, tmp_path / "r3")
        # a receipt carrying a transfer says it needs the version that reads one
        assert _format_version(transfer_receipt) == bundle.TRANSFER_VERSION
        res = sync_service.import_bundle(b, transfer_receipt)
        assert res.transfers == 1
        [incoming] = register.incoming_transfers(b)
        assert (incoming.id, incoming.name, incoming.from_name) == (tid, "蒋阿婆", "梅巷社区")
        assert (incoming.visits, incoming.assessments) == (1, 1)
        # a second copy of the receipt adds nothing
        again = sync_service.import_bundle(b, receipt_for(hub_db, district, b, tmp_path / "r4"))
        assert again.transfers == 0 and len(register.incoming_transfers(b)) == 1

        # nobody but B accepts: the bystander has no such transfer
        with pytest.raises(ServiceError, match="找不到该迁入记录"):
            register.accept_transfer(c, tid)
        moved = register.accept_transfer(b, tid)
        assert moved.id != pid and moved.name == "蒋阿婆"
        assert moved.registered_on == date(2026, 11, 28)
        with b.db.session() as s:
            row = s.get(Person, moved.id)
            assert row.origin_site == b.site_id and row.transferred_from == tid
            assert row.ability_grade == "能力完全丧失（完全失能）"
            assert set(row.categories) == {"alone", "disabled"}
        history = register.transfer_history(b, moved.id)
        assert history is not None and history["visits"][0]["notes"] == "精神好"
        assert history["assessments"][0]["final_grade"] == "能力完全丧失（完全失能）"
        assert register.incoming_transfers(b) == []
        with pytest.raises(ServiceError, match="已经接收过"):
            register.accept_transfer(b, tid)

        # B's upload closes the transfer at the hub; A keeps the person as moved out
        upload(b, hub_db, district, tmp_path / "b1")
        with hub_db.session(replaying=True) as s:
            [t] = transfers.list_transfers(s)
            assert t.state == "accepted" and t.accepted_person_id == moved.id
            assert s.get(Person, pid).deleted and s.get(Person, moved.id).origin_site == b.site_id
        res = sync_service.import_bundle(b, receipt_for(hub_db, district, b, tmp_path / "r5"))
        assert res.transfers == 0
        [gone] = register.list_removed(a)
        assert gone.id == pid and gone.reason == "moved_within"

        # the district lists its moves on the command line
        hub_db.dispose()
        pw = tmp_path / "pw.txt"
        pw.write_text("district secret\n")
        capsys.readouterr()
        hub_args = ["--home", str(tmp_path / "home"), "--db", str(hub_url)]
        assert district_main(["transfers", "--json", *hub_args, "--passphrase-file", str(pw)]) == 0
        [listed] = json.loads(capsys.readouterr().out)
        assert (listed["transfer_id"], listed["state"]) == (tid, "accepted")
        assert (listed["from_code"], listed["to_code"]) == (A_CODE, B_CODE)
    finally:
        for ctx in (a, b, c):
            ctx.db.dispose()


def test_only_the_receiving_community_closes_a_transfer(tmp_path, hub_db, district_on) -> None:
    """A record of another community naming the transfer does not close it."""
    district = district_on(hub_db)
    a = site(tmp_path, "梅巷社区", district)
    b = site(tmp_path, "桃坞社区", district)
    try:
        first17 = "32050819400101003"
        pid = register.register_person(
            a,
            PersonInput(name="陆阿公", id_number=first17 + check_digit(first17),
                        registered_on=date(2025, 1, 1)),
        ).id  # fmt: skip
        register.remove_person(a, pid, "moved_within", date(2026, 11, 20), to_community=B_CODE)
        upload(a, hub_db, district, tmp_path / "a1")
        with hub_db.session(replaying=True) as s:
            tid = transfers.list_transfers(s)[0].id
        # A (not the destination) creates a record claiming the transfer
        other = register.register_person(a, PersonInput(name="冒名"), confirm_duplicate=True).id
        with a.db.session(write=True) as s:
            s.get(Person, other).transferred_from = tid
        upload(a, hub_db, district, tmp_path / "a2")
        with hub_db.session(replaying=True) as s:
            [t] = transfers.list_transfers(s)
            assert t.state == "waiting" and t.accepted_person_id is None
        assert b.site_id  # B never synced: the transfer waits for its first receipt
    finally:
        a.db.dispose()
        b.db.dispose()
