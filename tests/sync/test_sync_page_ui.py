"""The 同步 page: shows what waits to be sent and exports to a folder without blocking."""

from __future__ import annotations

from afc_desktop.services import sync
from afc_desktop.services.register import PersonInput, register_person
from afc_desktop.sync import keys


def test_sync_page_exports_and_shows_last_bundle(qtbot, ctx, tmp_path):
    from afc_desktop.ui.pages.sync_page import Page

    district = keys.create_district_keys(tmp_path / "dk", b"pw")
    enrol = keys.write_enrolment_file(tmp_path / "e.afcenrol", district, "320508", "姑苏区")
    sync.enrol(ctx, enrol)
    register_person(ctx, PersonInput(name="张三", id_number="320508194501011236"))

    page = Page(ctx)
    qtbot.addWidget(page)
    assert "320508" in page.district_label.text()
    waiting = sync.sync_status(ctx).waiting_events
    assert waiting > 0 and page.waiting_label.text().startswith(str(waiting))
    assert page.last_sent_label.text() == "无"

    with qtbot.waitSignal(page.sig_synced, timeout=20000) as blocker:
        page.export_to(tmp_path / "usb")
    view = blocker.args[0]
    assert (tmp_path / "usb").joinpath(view.path.split("/")[-1]).exists()
    assert view.path.endswith(".afcbundle") and view.records == waiting
    assert view.path.split("/")[-1] in page.last_sent_label.text()
