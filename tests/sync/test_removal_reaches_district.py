"""A removal reaches the district with its reason and date (issue 15): the one delete event
carries ``removed_on`` and ``removal_reason``, and the hub's row holds both."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from afc_desktop.district import hub
from afc_desktop.domain.idcard import check_digit
from afc_desktop.paths import DataDir
from afc_desktop.services import register
from afc_desktop.services import sync as sync_service
from afc_desktop.services.context import open_app
from afc_desktop.services.register import PersonInput
from afc_desktop.services.setup import CommunityInput, run_setup
from afc_desktop.store.models import ChangeEvent, Person


def test_a_removal_reaches_the_district_with_its_reason_and_date(tmp_path, district_on) -> None:
    db = hub.open_hub(str(tmp_path / "hub.sqlite3"))
    district = district_on(db)
    ctx = open_app(DataDir(tmp_path / "梅巷社区"))
    run_setup(
        ctx, CommunityInput("320508", "梅巷社区", street_name="平江街道"), "admin", "pw-12345"
    )
    district.enrol(ctx, "梅巷社区")
    first17 = "32050819380505002"
    pid = register.register_person(
        ctx,
        PersonInput(name="蒋阿婆", id_number=first17 + check_digit(first17),
                    registered_on=date(2026, 1, 5)),
    ).id  # fmt: skip
    register.remove_person(ctx, pid, "去世", date(2026, 11, 3))
    with ctx.db.session() as s:
        event = s.scalars(
            select(ChangeEvent).where(ChangeEvent.record_id == pid, ChangeEvent.op == "delete")
        ).one()
    assert event.fields["removed_on"] == "2026-11-03" and event.fields["removal_reason"] == "died"

    usb = tmp_path / "usb"
    sync_service.export_bundle(ctx, usb)
    try:
        [line] = [hub.import_bundle(db, district.keys, p) for p in hub.bundle_files([usb])]
        assert line.outcome == "applied", line
        with db.session(replaying=True) as s:
            row = s.get(Person, pid)
            assert row.deleted and row.removed_on == date(2026, 11, 3)
            assert row.removal_reason == "died"
    finally:
        db.dispose()
        ctx.db.dispose()
