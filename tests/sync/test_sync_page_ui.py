"""The 同步 page: shows what waits to be sent and exports to a folder without blocking."""

from __future__ import annotations

from pathlib import Path

from afc_desktop.district import hub, roster
from afc_desktop.services import sync
from afc_desktop.services.register import PersonInput, register_person
from afc_desktop.sync import enrolment, keys


def test_sync_page_exports_and_shows_last_bundle(qtbot, ctx, tmp_path):
    from afc_desktop.ui.pages.sync_page import Page

    district = keys.create_district_keys(tmp_path / "dk", b"pw")
    db = hub.open_hub(tmp_path / "hub.sqlite3")
    code = "320508001001"
    issued = roster.add_community(
        db, district, district_code="320508", district_name="姑苏区", code=code,
        name="梅巷社区", out=tmp_path,
    )  # fmt: skip
    db.dispose()
    register_person(ctx, PersonInput(name="张三", id_number="320508194501011236"))

    page = Page(ctx)
    qtbot.addWidget(page)
    # a mistyped fingerprint: refused with a message, nothing enrolled
    warnings = []
    page._error = warnings.append
    page.enrol(Path(issued.path), "1234 5678 1234 5678 1234 5678 1234 5678")
    assert warnings and "指纹" in warnings[0]
    assert sync.sync_status(ctx).district is None
    page.enrol(Path(issued.path), issued.fingerprint)
    assert issued.fingerprint in page.district_label.text()
    assert enrolment.normalise_fingerprint(issued.fingerprint) == issued.fingerprint
    waiting = sync.sync_status(ctx).waiting_events
    assert waiting > 0 and page.waiting_label.text().startswith(str(waiting))
    assert page.last_sent_label.text() == "无"

    with qtbot.waitSignal(page.sig_synced, timeout=20000) as blocker:
        page.export_to(tmp_path / "usb")
    view = blocker.args[0]
    assert (tmp_path / "usb").joinpath(view.path.split("/")[-1]).exists()
    assert view.path.endswith(".afcbundle") and view.records == waiting
    assert view.path.split("/")[-1] in page.last_sent_label.text()
