"""A removal reaches the district with its reason and date; re-registration travels too."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from afc_desktop.district import hub
from afc_desktop.paths import DataDir
from afc_desktop.services import register
from afc_desktop.services import sync as sync_service
from afc_desktop.services.context import open_app
from afc_desktop.services.register import PersonInput
from afc_desktop.services.setup import CommunityInput, run_setup
from afc_desktop.store.models import ChangeEvent, Person
from afc_desktop.sync import keys

from .conftest import id_number


def test_a_removal_reaches_the_district_with_its_reason_and_date(tmp_path) -> None:
    dkeys = keys.create_district_keys(tmp_path / "district_keys", b"district pass")
    enrol = keys.write_enrolment_file(tmp_path / "enrol.afcenrol", dkeys, "320508", "姑苏区")
    ctx = open_app(DataDir(tmp_path / "site"))
    run_setup(ctx, CommunityInput("320508", "梅巷社区", street_name="平江街道"), "admin", "pw-1234")
    sync_service.enrol(ctx, enrol)
    pid = register.register_person(
        ctx,
        PersonInput(
            name="蒋阿婆", id_number=id_number(date(1938, 5, 5)), registered_on=date(2026, 1, 5)
        ),
    ).id
    register.remove_person(ctx, pid, "去世", date(2026, 11, 3))
    with ctx.db.session() as s:
        event = s.scalars(
            select(ChangeEvent).where(ChangeEvent.record_id == pid, ChangeEvent.op == "delete")
        ).one()
    assert event.fields["removed_on"] == "2026-11-03" and event.fields["removal_reason"] == "died"

    usb = tmp_path / "usb"
    sync_service.export_bundle(ctx, usb)
    db = hub.open_hub(tmp_path / "district.sqlite3")
    try:
        [line] = [hub.import_bundle(db, dkeys, p) for p in hub.bundle_files([usb])]
        assert line.outcome == "applied"
        with db.session(replaying=True) as s:
            row = s.get(Person, pid)
            assert row.deleted and row.removed_on == date(2026, 11, 3)
            assert row.removal_reason == "died"
    finally:
        db.dispose()
    ctx.db.dispose()
