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
    code = "320508018001"
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
    assert page.last_sent_label.text() == "还没有导出过"

    with qtbot.waitSignal(page.sig_synced, timeout=20000) as blocker:
        page.export_to(tmp_path / "usb")
    view = blocker.args[0]
    assert (tmp_path / "usb").joinpath(view.path.split("/")[-1]).exists()
    assert view.path.endswith(".afcbundle") and view.records == waiting
    assert view.path.split("/")[-1] in page.last_sent_label.text()


def enrol_community(ctx, tmp_path: Path) -> None:
    district = keys.create_district_keys(tmp_path / "dk", b"pw")
    db = hub.open_hub(tmp_path / "hub.sqlite3")
    issued = roster.add_community(
        db, district, district_code="320508", district_name="姑苏区", code="320508018001",
        name="梅巷社区", out=tmp_path,
    )  # fmt: skip
    db.dispose()
    sync.enrol(ctx, Path(issued.path), issued.fingerprint)


def test_sync_page_speaks_plainly_in_local_time_and_confirms_the_export(qtbot, ctx, tmp_path):
    """Issue 11 §6: local time, plain words with an explanation, a confirmation naming the
    file, its folder and where to take it."""
    from PySide6.QtWidgets import QLabel, QPushButton

    from afc_desktop.ui.pages.sync_page import Page

    enrol_community(ctx, tmp_path)
    register_person(ctx, PersonInput(name="张三", id_number="320508194501011236"))
    page = Page(ctx)
    qtbot.addWidget(page)
    assert page.district_label.text().startswith("已入网：姑苏区")
    with qtbot.waitSignal(page.sig_synced, timeout=20000) as blocker:
        page.export_to(tmp_path / "usb")
    view = blocker.args[0]

    at = sync.sync_status(ctx).last_sent["at"]
    from datetime import UTC, datetime

    instant = datetime.fromisoformat(at)
    local = ctx.clock.local(instant).strftime("%Y-%m-%d %H:%M")
    utc = instant.replace(tzinfo=instant.tzinfo or UTC).astimezone(UTC).strftime("%Y-%m-%d %H:%M")
    assert local != utc  # the community's zone is UTC+8
    assert page.last_sent_label.text().startswith(local)

    box = page.done_box
    assert box is not None and box.isVisible()
    name = view.path.replace("\\", "/").split("/")[-1]
    assert name in box.text() and str(tmp_path / "usb") in box.text()
    assert "区民政局" in box.text() and "回执" in box.text()
    box.close()

    words = " ".join(w.text() for w in page.findChildren(QLabel) + page.findChildren(QPushButton))
    for jargon in ("条变更", "区级缺少", "保留 A", "保留 B", "值 A"):
        assert jargon not in words
    hints = [w for w in page.findChildren(QLabel) if w.objectName() == "syncHint"]
    assert len(hints) == 5 and all(h.text() for h in hints)


def test_export_without_enrolment_explains_before_asking_for_a_folder(qtbot, ctx, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from afc_desktop.ui.pages.sync_page import Page

    asked: list[str] = []
    said: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda *a, **k: asked.append("folder") or ""
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: said.append(text))
    page = Page(ctx)
    qtbot.addWidget(page)
    assert page.district_label.text() == "还没有导入入网文件"
    page._ask_export()
    assert asked == []
    assert said and "入网文件" in said[0] and "区民政局" in said[0]
