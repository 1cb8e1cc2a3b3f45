"""A filled visit record (探访记录表) read back from a scan becomes a visit draft, never a visit."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from corpus import Pen, render_pdf

from afc_desktop.printing import write_blank_pdf
from afc_desktop.printing.pagemap import blank_page_map
from afc_desktop.services import assessments as svc
from afc_desktop.services import visits
from afc_desktop.services.attachments import list_attachments
from afc_desktop.services.context import AppContext
from afc_desktop.services.register import PersonInput, register_person
from afc_desktop.services.scanning import scan_paths

TICKS: dict[str, Any] = {
    "V.1.2": 2,  # 电话视频探访
    "V.1.5": True,
    "V.2.2": 3,  # 行动能力：严重困难
    "V.2.5": 1,  # 精神状况：良好
    "V.6.1": [2, 3],  # 助餐, 助浴 (no code in the visits service: kept in the notes)
    "V.7.1": [1],  # 跌倒
}


def _ticked(item: str, value: Any) -> bool:
    want = TICKS.get(item)
    return value in want if isinstance(want, list) else want == value


def _scanned_visit_record(ctx: AppContext, tmp_path: Path, name: str) -> tuple[str, Path]:
    """A visit record printed for a new elder, ticked by hand (TICKS), photographed."""
    person = register_person(ctx, PersonInput(name=name))
    form = svc.forms_registry().get("visit-record")
    header = svc.person_header(ctx, person.id)
    pdf = write_blank_pdf(form, tmp_path / "visit.pdf", header)
    page_map = blank_page_map(form, header)
    folder = tmp_path / "scans"
    folder.mkdir()
    rng = random.Random(3)
    for number, blank in enumerate(render_pdf(pdf, 200), start=1):
        image = blank.copy()
        pen = Pen(image, 200, rng)
        for box in page_map.page(number):
            if _ticked(box.item, box.value):
                pen.tick(box)
        image.save(folder / f"p{number}.jpg", quality=70)
    return person.id, folder


def test_a_scanned_visit_record_is_a_draft_with_its_ticks_and_its_scan(
    ctx: AppContext, tmp_path: Path
) -> None:
    person_id, folder = _scanned_visit_record(ctx, tmp_path, "孙桂芳")
    report = scan_paths(ctx, [folder])

    assert report.unread == []
    (sheet,) = report.sheets
    assert sheet.draft_kind == "visit" and sheet.doubtful == []
    draft = visits.get_visit(ctx, sheet.draft_id)
    assert draft.status == "draft" and draft.person_id == person_id
    assert draft.mode == "phone" and draft.started_from == "scan"
    health = draft.findings.areas["health"]
    assert health.level == "problem" and health.issues == ("mobility",)
    assert draft.findings.areas["services"].issues == ("meals",)
    assert "助浴" in draft.notes
    assert draft.risk_flags == ("fall",) and draft.risk_level == "high"
    assert "探访日期" in sheet.note  # the handwritten date is the worker's to type
    # nothing is recorded until the worker confirms the draft
    assert visits.person_visits(ctx, person_id) == []
    assert [d.id for d in visits.list_drafts(ctx, person_id)] == [draft.id]
    scans = list_attachments(ctx, owner_kind="visit", owner_id=draft.id)
    assert [a.role for a in scans] == ["scan"] * sheet.pages_total
    assert all(a.available and max(a.width, a.height) <= 1600 for a in scans)
    # the worker confirms: the draft becomes the visit, its scans stay attached to it
    done = visits.record_visit(ctx, draft.as_input(), draft_id=draft.id)
    assert done.status == "done" and done.id == draft.id


def test_the_scan_page_opens_the_visit_draft_for_the_worker(qtbot, ctx, tmp_path):  # noqa: ANN001
    from afc_desktop.ui.pages.scan_page import Page

    person_id, folder = _scanned_visit_record(ctx, tmp_path, "周凤英")
    page = Page(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.scan_folder(folder).sig_finished, timeout=120_000):
        pass  # read off the UI thread
    page.sheets.setCurrentRow(0)
    assert page.confirm_button.isEnabled() and "探访草稿" in page.confirm_button.text()
    dialog = page.open_visit_draft()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.draft_id == page.sheet.draft_id
    assert dialog.mode.currentData() == "phone" and dialog.risk_flags["fall"].isChecked()
    assert dialog.photos.list.count() == page.sheet.pages_total  # the scans, kept with it
    view = dialog.record()
    assert view is not None and view.status == "done"
    assert [v.id for v in visits.person_visits(ctx, person_id)] == [view.id]
