"""The 扫描回读 page, driven like a worker would: scan a folder of two sheets, confirm one draft,
finalise it; the grade is the one the ticks give."""

from __future__ import annotations

import random
from pathlib import Path

from corpus import fill_page, render_pdf

from afc_desktop.domain.formspec import score, visible_answers
from afc_desktop.domain.idcard import check_digit
from afc_desktop.printing import write_blank_pdf
from afc_desktop.printing.pagemap import blank_page_map
from afc_desktop.services import assessments as svc
from afc_desktop.services.context import AppContext
from afc_desktop.services.register import PersonInput, register_person
from afc_desktop.ui.pages.scan_page import Page

NUMBER = "32050819391201004" + check_digit("32050819391201004")


def test_scan_two_sheets_confirm_one_and_finalise(qtbot, ctx: AppContext, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "scans"
    folder.mkdir()
    rng = random.Random(42)
    elder = register_person(ctx, PersonInput(name="钱玉兰", id_number=NUMBER))
    other = register_person(ctx, PersonInput(name="孙阿婆"))
    ability = svc.forms_registry().get("gbt42195-2022-ability")
    header = svc.person_header(ctx, elder.id)
    truth: dict = {}
    pdf = write_blank_pdf(ability, tmp_path / "a.pdf", header)
    page_map = blank_page_map(ability, header)
    for number, blank in enumerate(render_pdf(pdf, 200), start=1):
        filled = fill_page(ability, blank, page_map, number, 200, rng, skip=0.0)
        filled.image.save(folder / f"a{number}.jpg", quality=60)
        truth.update(filled.answers)
    checklist = svc.forms_registry().get("home-modification-2020")
    other_header = svc.person_header(ctx, other.id)
    pdf = write_blank_pdf(checklist, tmp_path / "h.pdf", other_header)
    blank = render_pdf(pdf, 150)[0]
    fill_page(checklist, blank, blank_page_map(checklist, other_header), 1, 150, rng).image.save(
        folder / "h1.jpg", quality=60
    )

    page = Page(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.scan_folder(folder).sig_finished, timeout=120_000):
        pass  # read off the UI thread
    assert page.sheets.count() == 2
    names = [page.report.sheets[i].person_name for i in range(2)]
    row = names.index("钱玉兰")
    page.sheets.setCurrentRow(row)
    sheet = page.report.sheets[row]
    assert sheet.draft_id and svc.get_assessment(ctx, sheet.draft_id).status == "draft"
    assert page.picture.pixmap() is not None and not page.picture.pixmap().isNull()
    # Every doubtful item is highlighted; the worker sets it to what the ticks meant.
    for item_id in sheet.doubtful:
        combo = page._combos.get(item_id)
        if combo is not None and item_id in truth:
            assert "background" in combo.styleSheet()
            combo.setCurrentIndex(combo.findData(truth[item_id]))
    page.confirm()
    final = svc.get_assessment(ctx, sheet.draft_id)
    assert final.status == "final"
    expected = dict(svc.prefilled_answers(ctx, elder.id, ability.id))
    expected.update(truth)
    expected.update({"A.1.2": ctx.today().isoformat()})
    assert final.final_grade == score(ability, visible_answers(ability, expected)).final_grade
    # The other sheet is still a draft: nothing is finalised without the worker.
    other_sheet = page.report.sheets[1 - row]
    assert svc.get_assessment(ctx, other_sheet.draft_id).status == "draft"


def test_a_cancelled_scan_saves_no_draft_and_the_window_stays_usable(
    qtbot, ctx: AppContext, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Reading runs off the UI thread; 取消 stops before any draft is made."""
    folder = tmp_path / "scans"
    folder.mkdir()
    elder = register_person(ctx, PersonInput(name="钱玉兰", id_number=NUMBER))
    ability = svc.forms_registry().get("gbt42195-2022-ability")
    header = svc.person_header(ctx, elder.id)
    pdf = write_blank_pdf(ability, tmp_path / "a.pdf", header)
    for number, blank in enumerate(render_pdf(pdf, 150), start=1):
        blank.save(folder / f"a{number}.jpg", quality=60)

    page = Page(ctx)
    qtbot.addWidget(page)
    job = page.scan_folder(folder)
    assert not page.pick_button.isEnabled()  # one scan at a time
    job.cancel()  # before the worker has read a page: it stops at the first
    qtbot.waitSignal(job.sig_cancelled, timeout=60_000).wait()
    assert svc.list_assessments(ctx, elder.id) == []
    assert page.report.sheets == [] and page.pick_button.isEnabled()

    with qtbot.waitSignal(page.scan_folder(folder).sig_finished, timeout=120_000):
        pass
    assert [s.person_id for s in page.report.sheets] == [elder.id]
    assert len(svc.list_assessments(ctx, elder.id)) == 1
