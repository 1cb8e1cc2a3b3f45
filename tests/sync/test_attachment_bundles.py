"""Pictures travel in bundles (照片同步): within a size budget, to the district and to a second
laptop, checked by hash on receipt; a damaged or foreign picture is refused."""

from __future__ import annotations

import hashlib
import io
import random
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from afc_desktop.attachments import transfer
from afc_desktop.district import hub
from afc_desktop.paths import DataDir
from afc_desktop.services import attachments as att
from afc_desktop.services import sync as sync_service
from afc_desktop.services.context import open_app
from afc_desktop.services.register import PersonInput, register_person
from afc_desktop.services.setup import CommunityInput, run_setup
from afc_desktop.store.models.attachment import AttachmentBlob
from afc_desktop.sync import bundle, errors, keys


def noisy_photo(seed: int, size: tuple[int, int] = (1200, 900)) -> bytes:
    """A picture that does not compress much (about 250–400 KB stored)."""
    rng = random.Random(seed)
    image = Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def make_site(tmp_path: Path, name: str, district) -> object:  # noqa: ANN001
    ctx = open_app(DataDir(tmp_path / name))
    run_setup(
        ctx, CommunityInput("320508", name.removesuffix("b"), street_name="平江街道"),
        "admin", "admin-pass-1",
    )  # fmt: skip
    from afc_desktop.services.context import CurrentUser
    from afc_desktop.store.models import User

    with ctx.db.session() as s:
        user = s.scalars(select(User)).first()
        ctx.user = CurrentUser(user.id, user.username, user.display_name, user.role)
    district.enrol(ctx, name)
    return ctx


@pytest.fixture()
def sqlite_hub(tmp_path):
    db = hub.open_hub(str(tmp_path / "hub.sqlite3"))
    yield db
    db.dispose()


def test_pictures_reach_the_district_and_a_second_laptop_within_the_budget(
    tmp_path, sqlite_hub, district_on
):
    district = district_on(sqlite_hub)
    a = make_site(tmp_path, "梅巷社区", district)
    b = make_site(tmp_path, "梅巷社区b", district)
    try:
        sync_service.pairing_export(a, tmp_path / "pa.afcpair")
        sync_service.pairing_export(b, tmp_path / "pb.afcpair")
        sync_service.pairing_import(a, tmp_path / "pb.afcpair")
        sync_service.pairing_import(b, tmp_path / "pa.afcpair")
        elder = register_person(a, PersonInput(name="陆阿婆"))
        added = [
            att.add_attachment(a, "person", elder.id, noisy_photo(i), role="before")
            for i in range(5)
        ]
        biggest = max(v.size for v in added)
        budget = int(biggest * 2.5)  # two pictures a bundle

        # to the district: three bundles, each within the budget, none refused
        sizes, carried, lines = [], 0, []
        for _ in range(4):
            out = sync_service.export_bundle(a, tmp_path / "usb", picture_budget=budget)
            if out.pictures == 0 and out.pictures_pending == 0:
                break
            with zipfile.ZipFile(out.path) as zf:
                sizes.append(zf.getinfo(bundle.ATTACHMENTS).file_size)
            carried += out.pictures
            lines.append(hub.import_bundle(sqlite_hub, district.keys, Path(out.path)))
        assert carried == 5 and len(sizes) == 3
        assert all(size <= budget + 4096 for size in sizes)  # frames add 20 bytes per 64 KB
        assert all(line.outcome in ("applied", "duplicate") for line in lines), lines
        assert [line.pictures for line in lines] == [2, 2, 1]
        assert [line.pictures_pending for line in lines] == [3, 1, 0]
        with sqlite_hub.session(replaying=True) as s:
            assert s.scalar(select(func.count()).select_from(AttachmentBlob)) == 5
            for view in added:
                assert transfer.hub_picture(s, view.sha256) == att.picture(a, view.id)

        # to the paired laptop: the records arrive first, the pictures follow bundle by bundle
        first = sync_service.export_bundle(a, tmp_path / "peer", to_peer=b.site_id,
                                           picture_budget=budget)  # fmt: skip
        got = sync_service.import_bundle(b, Path(first.path))
        assert got.pictures == 2 and got.pictures_pending == 3
        shown = att.list_attachments(b, person_id=elder.id)
        assert len(shown) == 5 and sum(v.available for v in shown) == 2
        while True:
            more = sync_service.export_bundle(a, tmp_path / "peer", to_peer=b.site_id,
                                              picture_budget=budget)  # fmt: skip
            sync_service.import_bundle(b, Path(more.path))
            if not more.pictures_pending:
                break
        shown = att.list_attachments(b, person_id=elder.id)
        assert all(v.available for v in shown)
        assert {att.picture(b, v.id) for v in shown} == {att.picture(a, v.id) for v in added}
        # nothing left to send: the next bundle has no picture section (version 2 as before)
        last = sync_service.export_bundle(a, tmp_path / "peer", to_peer=b.site_id)
        with bundle.BundleReader(Path(last.path)) as reader:
            assert reader.format_version == bundle.PLAIN_VERSION and reader.attachment_items == []
        # a lost bundle: the pictures can be sent again
        again = sync_service.export_bundle(a, tmp_path / "peer", to_peer=b.site_id,
                                           resend_pictures=True)  # fmt: skip
        assert again.pictures == 5
    finally:
        a.db.dispose()
        b.db.dispose()


@pytest.fixture()
def parties(tmp_path):
    site = keys.ensure_site_keys(tmp_path / "site_keys")
    district = keys.create_district_keys(tmp_path / "district_keys", b"secret pass")
    recipient = bundle.Recipient("320508", district.enc_public, district.key_id)
    return site, district, recipient


def _write(tmp_path, parties, pictures, pending=()):  # noqa: ANN001, ANN202
    site, _district, recipient = parties
    return bundle.write_bundle(
        tmp_path / "out", [], kind="changes", signer=site, site_id="site-a",
        community_code="320508001", recipient=recipient,
        attachments=pictures, attachments_pending=pending,
    ).path  # fmt: skip


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_the_reader_checks_every_picture_and_the_limits(tmp_path, parties):
    _site, district, _recipient = parties
    pics = [noisy_photo(1, (300, 200)), noisy_photo(2, (300, 200))]
    path = _write(tmp_path, parties, [(_sha(p), p) for p in pics], pending=["a" * 64])
    with bundle.open_bundle(path) as reader:
        assert reader.format_version == 3 and reader.attachments_pending == ["a" * 64]
        assert [d for _s, d in reader.attachments(district.encryption)] == pics
    small = bundle.Limits(max_attachment_bytes=len(pics[0]) - 1)
    with pytest.raises(errors.LimitExceeded):
        bundle.open_bundle(path, limits=small)
    with pytest.raises(ValueError):  # the writer never sends a picture under a wrong name
        _write(tmp_path, parties, [("b" * 64, pics[0])])


def test_a_changed_picture_section_is_refused(tmp_path, parties):
    pic = noisy_photo(3, (300, 200))
    path = _write(tmp_path, parties, [(_sha(pic), pic)])
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    body = bytearray(parts[bundle.ATTACHMENTS])
    body[100] ^= 0xFF
    parts[bundle.ATTACHMENTS] = bytes(body)
    bad = tmp_path / "bad.afcbundle"
    with zipfile.ZipFile(bad, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    with pytest.raises(errors.HashMismatch):
        bundle.open_bundle(bad)
    # a picture section the signed manifest does not list is refused too
    del parts[bundle.ATTACHMENTS]
    plain = _write(tmp_path, parties, None)
    with zipfile.ZipFile(plain) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    with zipfile.ZipFile(tmp_path / "extra.afcbundle", "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
        zf.writestr(bundle.ATTACHMENTS, b"x" * 100)
    with pytest.raises(errors.UnexpectedMember):
        bundle.open_bundle(tmp_path / "extra.afcbundle")


def test_a_picture_that_is_not_one_of_ours_is_left_out(tmp_path, parties, make_db):
    _site, district, _recipient = parties
    fake = b"GIF89a not a stored picture"
    path = _write(tmp_path, parties, [(_sha(fake), fake)])
    db = make_db("hub")
    with db.session(replaying=True) as s, bundle.open_bundle(path) as reader:
        got = transfer.receive_hub(s, reader, district.encryption)
    assert (got.stored, got.refused) == (0, 1)


def test_a_site_cannot_attach_a_picture_to_another_communitys_person(tmp_path, sqlite_hub,
                                                                     district_on):  # fmt: skip
    import uuid

    from tests.sync.test_hub_trust import B_CODE, craft, event, last_seq, new_site

    district = district_on(sqlite_hub)
    a = new_site(tmp_path, "a", "梅巷社区")
    b = new_site(tmp_path, "b", "桃坞社区")
    try:
        district.enrol(a, "梅巷社区")
        district.enrol(b, "桃坞社区")
        victim = register_person(a, PersonInput(name="张三"))
        for ctx in (a, b):
            out = sync_service.export_bundle(ctx, tmp_path / "first")
            assert hub.import_bundle(sqlite_hub, district.keys, Path(out.path)).outcome == "applied"
        rid = str(uuid.uuid4())
        fields = {
            "id": rid, "sha256": "a" * 64, "owner_kind": "person", "owner_id": victim.id,
            "person_id": victim.id, "household_id": None, "role": "photo", "caption": "",
            "media_type": "image/jpeg", "width": 10, "height": 10, "size": 100, "added_by": "",
            "deleted": False, "origin_site": b.site_id,
        }  # fmt: skip
        bad = craft(b, district, [event(b, last_seq(b) + 1, "attachment", rid, fields)],
                    tmp_path / "bad", "plant.afcbundle", B_CODE)  # fmt: skip
        line = hub.import_bundle(sqlite_hub, district.keys, bad)
        assert line.outcome == "refused" and "person_id" in line.message
    finally:
        a.db.dispose()
        b.db.dispose()


@pytest.mark.parametrize("kind", ["visit", "assessment"])
def test_a_site_cannot_attach_a_picture_to_another_communitys_record(tmp_path, sqlite_hub,
                                                                     district_on, kind):  # fmt: skip
    """The picture names the site's own elder, but hangs on the other community's record."""
    import uuid
    from datetime import date

    from afc_desktop.services import assessments, visits
    from tests.sync.test_hub_trust import B_CODE, craft, event, last_seq, new_site

    district = district_on(sqlite_hub)
    a = new_site(tmp_path, "a", "梅巷社区")
    b = new_site(tmp_path, "b", "桃坞社区")
    try:
        district.enrol(a, "梅巷社区")
        district.enrol(b, "桃坞社区")
        elder_a = register_person(a, PersonInput(name="张三"))
        if kind == "visit":
            visit = visits.VisitInput(elder_a.id, date(2026, 11, 27), notes="老人精神好")
            target = visits.record_visit(a, visit).id
        else:
            form = assessments.AssessmentInput(elder_a.id, "home-modification-2020", {})
            target = assessments.save_draft(a, form).id
        own = register_person(b, PersonInput(name="李四"))
        for ctx in (a, b):
            out = sync_service.export_bundle(ctx, tmp_path / "first")
            assert hub.import_bundle(sqlite_hub, district.keys, Path(out.path)).outcome == "applied"

        def plant(owner_kind: str, owner_id: str, name: str) -> hub.ImportLine:
            rid = str(uuid.uuid4())
            fields = {
                "id": rid, "sha256": "a" * 64, "owner_kind": owner_kind, "owner_id": owner_id,
                "person_id": own.id, "household_id": None, "role": "photo", "caption": "",
                "media_type": "image/jpeg", "width": 10, "height": 10, "size": 100,
                "added_by": "", "deleted": False, "origin_site": b.site_id,
            }  # fmt: skip
            evs = [event(b, last_seq(b) + 1, "attachment", rid, fields)]
            path = craft(b, district, evs, tmp_path / name, "plant.afcbundle", B_CODE)
            return hub.import_bundle(sqlite_hub, district.keys, path)

        line = plant(kind, target, "bad")
        assert line.outcome == "refused" and "owner_id" in line.message
        line = plant("invoice", own.id, "odd")  # not a kind of record a picture belongs to
        assert line.outcome == "refused" and "owner_kind" in line.message
        # the same bundle on the site's own elder goes in: only the owner was wrong
        assert plant("person", own.id, "good").outcome == "applied"
    finally:
        a.db.dispose()
        b.db.dispose()
