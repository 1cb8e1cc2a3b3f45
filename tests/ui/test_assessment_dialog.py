"""The assessment dialog and page, driven like a user would (offscreen Qt, real SQLite)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from afc_desktop.domain.idcard import check_digit
from afc_desktop.printing.recorder import record
from afc_desktop.printing.report import draw_assessment
from afc_desktop.services import assessments as svc
from afc_desktop.services.context import AppContext
from afc_desktop.services.register import PersonInput, register_person
from afc_desktop.store.models import Person
from afc_desktop.ui.dialogs.assessment_dialog import AssessmentDialog
from afc_desktop.ui.pages.assessments_page import Page
from afc_desktop.ui.widgets.item_editors import ScoredChoiceEditor
from afc_desktop.ui.widgets.print_preview import paint_pages

FORM_ID = "gbt42195-2022-ability"
ID_NUMBER = "32050819391201004" + check_digit("32050819391201004")


@pytest.fixture
def person_id(ctx: AppContext) -> str:
    return register_person(ctx, PersonInput(name="钱玉兰", id_number=ID_NUMBER)).id


@pytest.fixture
def dialog(qtbot, ctx: AppContext, person_id: str):  # type: ignore[no-untyped-def]
    form = svc.forms_registry().get(FORM_ID)
    dlg = AssessmentDialog(ctx, person_id, form)
    qtbot.addWidget(dlg)
    yield dlg
    # Leftover edits would be saved (or, when invalid, asked about) on close: not part of
    # the tests that do not test closing.
    dlg.dirty = False
    dlg.dirty = False
    dlg.close()


def fill_everything_but_signature(dlg: AssessmentDialog) -> None:
    """Click the best option of each scored item and answer the other required items."""
    for editor in dlg.editors.values():
        if isinstance(editor, ScoredChoiceEditor):
            editor.buttons[0].click()
    for i in range(1, 6):
        dlg.editors[f"A.2.14.{i}"].set_value(0)
    dlg.editors["A.4.1"].set_value([0])
    dlg.editors["A.5.11"].set_value(1)
    dlg.editors["A.1.2"].set_value("2026-11-25")
    dlg.editors["A.1.3"].set_value(1)


def test_register_fields_are_prefilled(dialog: AssessmentDialog) -> None:
    answers = dialog.answers()
    assert answers["A.2.1"] == "钱玉兰" and answers["A.2.8"] == ID_NUMBER
    assert answers["A.2.2"] == 2 and answers["A.2.3"] == "1939-12-01"
    assert not dialog.dirty


def test_live_subtotals_and_grade(dialog: AssessmentDialog) -> None:
    assert "待全部作答" in dialog.grade_label.text()
    dialog.editors["B.1.1"].buttons[2].click()  # 2分
    assert "自理能力 2/32" in dialog.score_label.text()
    fill_everything_but_signature(dialog)
    dialog.editors["B.1.1"].buttons[2].click()
    assert "总分 88/90" in dialog.score_label.text()
    assert "最终等级：能力轻度受损（轻度失能）" in dialog.grade_label.text()
    dialog.editors["A.5.11"].set_value(2)  # 昏迷
    assert "最终等级：能力完全丧失（完全失能）" in dialog.grade_label.text()
    assert "C.4.1" in dialog.grade_label.text()


def test_radio_options_are_exclusive_and_show_scores(dialog: AssessmentDialog) -> None:
    editor = dialog.editors["B.2.4"]
    assert [b.text() for b in editor.buttons] == ["3分", "2分", "1分", "0分"]
    editor.buttons[1].click()
    editor.buttons[3].click()
    assert editor.value() == 0 and [b.isChecked() for b in editor.buttons] == [
        False,
        False,
        False,
        True,
    ]


def test_visible_if_shows_the_follow_up_question(dialog: AssessmentDialog) -> None:
    assert dialog.rows["A.5.2_site"].isHidden()
    dialog.editors["A.5.2"].set_value(2)
    assert not dialog.rows["A.5.2_site"].isHidden()


def test_required_items_block_finalizing(
    dialog: AssessmentDialog, ctx: AppContext, person_id: str
) -> None:
    fill_everything_but_signature(dialog)
    assert dialog.finalize() is False
    assert "必填" in dialog.editors["S.1"].error.text()
    assert svc.list_assessments(ctx, person_id) == []
    dialog.editors["S.1"].set_value("李娜")
    assert dialog.finalize() is True
    assert dialog.editors["S.1"].error.text() == ""
    [view] = svc.list_assessments(ctx, person_id)
    assert (view.status, view.total, view.final_grade) == ("final", 90, "能力完好")
    with ctx.session() as s:
        assert s.get(Person, person_id).ability_grade == "能力完好"
    assert not dialog.final_button.isEnabled()


def test_bounds_are_checked_before_saving(
    dialog: AssessmentDialog, ctx: AppContext, person_id: str
) -> None:
    dialog.editors["A.2.4"].set_value("900")
    assert dialog.save_draft() is False
    assert "上限 250" in dialog.editors["A.2.4"].error.text()
    assert svc.list_assessments(ctx, person_id) == []
    dialog.editors["A.2.4"].set_value("158")  # corrected: now it saves
    assert dialog.save_draft() is True
    assert dialog.editors["A.2.4"].error.text() == ""


def test_closing_keeps_a_draft(dialog: AssessmentDialog, ctx: AppContext, person_id: str) -> None:
    dialog.editors["B.1.1"].buttons[1].click()
    assert dialog.dirty
    dialog.close()
    [view] = svc.list_assessments(ctx, person_id)
    assert view.status == "draft" and view.answers["B.1.1"] == 3
    reopened = AssessmentDialog(ctx, person_id, svc.forms_registry().get(FORM_ID), assessment=view)
    assert reopened.editors["B.1.1"].value() == 3
    reopened.deleteLater()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
def test_qt_printing_paints_the_same_pages(dialog: AssessmentDialog, tmp_path: Path) -> None:
    fill_everything_but_signature(dialog)
    rec = dialog.record()
    pages = record(lambda c: draw_assessment(c, dialog.form, rec))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "qt.pdf"))
    paint_pages(printer, pages)
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "qt.pdf")], capture_output=True, text=True
    ).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == len(pages)
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "qt.pdf"), "-"], capture_output=True, text=True
    ).stdout
    flat = "".join(text.split())
    assert "老年人能力评估表（草稿）" in flat and "钱玉兰" in flat and "总分" in flat


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
def test_save_as_pdf(dialog: AssessmentDialog, tmp_path: Path) -> None:
    dialog.editors["B.1.1"].buttons[0].click()
    out = dialog.save_pdf(str(tmp_path / "d.pdf"))
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "草稿" in text and "进食" in text


def test_page_finds_the_person_and_lists_assessments(
    qtbot,
    ctx: AppContext,
    person_id: str,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    page = Page(ctx)
    qtbot.addWidget(page)
    page.search.setText("钱玉兰")
    page.run_search()
    assert page.people.count() == 1
    assert page.person_id == person_id
    assert page.table.rowCount() == 0 and page.new_button.isEnabled()
    dlg = page.new_assessment()
    assert dlg is not None
    dlg.editors["B.1.1"].buttons[0].click()
    assert dlg.save_draft()
    assert page.table.rowCount() == 1
    assert page.table.item(0, 3).text() == "草稿"
    pdf = page.pdf_selected(str(tmp_path / "p.pdf"))
    assert pdf is not None and pdf.stat().st_size > 1000
    assert page.save_blank_pdf(str(tmp_path / "blank.pdf")).exists()
    dlg.dirty = False
    dlg.close()


def test_checklist_form_is_a_grid_and_saves(qtbot, ctx: AppContext, person_id: str) -> None:  # type: ignore[no-untyped-def]
    form = svc.forms_registry().get("home-modification-2020")
    dlg = AssessmentDialog(ctx, person_id, form)
    qtbot.addWidget(dlg)
    dlg.editors["H.1.state"].set_value(2)
    dlg.editors["H.1.recommended"].set_value(True)
    dlg.editors["H.1.note"].set_value("卫生间地砖打滑")
    dlg.editors["HM.0.1"].set_value("2026-11-26")
    dlg.editors["HM.8.3"].set_value("李娜")
    assert dlg.finalize() is True
    [view] = svc.list_assessments(ctx, person_id)
    assert view.answers["H.1.state"] == 2 and view.answers["H.1.recommended"] is True
    assert view.final_grade == ""  # a checklist has no grade
    with ctx.session() as s:
        assert s.get(Person, person_id).ability_grade == ""
