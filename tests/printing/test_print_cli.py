"""``afc print …`` against a real data directory."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from afc_desktop.cli import main
from afc_desktop.domain.formspec import load_forms
from afc_desktop.domain.idcard import check_digit
from afc_desktop.paths import DataDir
from afc_desktop.services import assessments as svc
from afc_desktop.services.context import AppContext
from afc_desktop.services.register import PersonInput, register_person

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
FORM_ID = "gbt42195-2022-ability"


def text_of(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    return "".join(out.stdout.split())


@pytest.fixture
def saved(ctx: AppContext) -> tuple[str, str]:
    """(person id, final assessment id)."""
    number = "32050819381104002" + check_digit("32050819381104002")
    person = register_person(ctx, PersonInput(name="赵桂英", id_number=number))
    form = load_forms().get(FORM_ID)
    answers: dict = {i.id: i.max_score for i in form.items() if i.scored}
    answers.update({f"A.2.14.{i}": 0 for i in range(1, 6)})
    answers.update({"A.4.1": [0], "A.5.11": 2, "A.1.2": "2026-11-02", "A.1.3": 1, "S.1": "李娜"})
    answers.update(svc.prefilled_answers(ctx, person.id, FORM_ID))
    view = svc.finalize_assessment(ctx, svc.AssessmentInput(person.id, FORM_ID, answers))
    return person.id, view.id


def test_print_assessment(
    ctx: AppContext, set_up_dir: DataDir, saved: tuple[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "a.pdf"
    rc = main(
        ["print", "assessment", saved[1], "--out", str(out), "--data-dir", str(set_up_dir.root)]
    )
    assert rc == 0
    text = text_of(out)
    assert "赵桂英" in text and "C.4.1" in text and "最终等级能力完全丧失（完全失能）" in text


def test_print_blank_with_person(
    ctx: AppContext, set_up_dir: DataDir, saved: tuple[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "b.pdf"
    args = ["print", "blank", "visit-record", "--person", saved[0], "--out", str(out)]
    assert main([*args, "--data-dir", str(set_up_dir.root)]) == 0
    text = text_of(out)
    assert "特殊困难老年人探访记录表" in text and "赵桂英" in text and "□入户走访" in text


def test_print_month(
    ctx: AppContext, set_up_dir: DataDir, saved: tuple[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "m.pdf"
    root = str(set_up_dir.root)
    assert (
        main(["print", "assessments", "--month", "2026-11", "--out", str(out), "--data-dir", root])
        == 0
    )
    assert "赵桂英" in text_of(out)
    assert (
        main(["print", "assessments", "--month", "2026-10", "--out", str(out), "--data-dir", root])
        == 1
    )


def test_unknown_assessment_is_a_clear_refusal(
    ctx: AppContext, set_up_dir: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "x.pdf"
    assert (
        main(["print", "assessment", "nope", "--out", str(out), "--data-dir", str(set_up_dir.root)])
        == 1
    )
    assert "找不到该评估记录" in capsys.readouterr().err
    assert not out.exists()


def test_print_due_visits_prefills_each_person(
    ctx: AppContext, set_up_dir: DataDir, tmp_path: Path
) -> None:
    number = "32050819450203003" + check_digit("32050819450203003")
    register_person(ctx, PersonInput(name="孙凤英", id_number=number, categories=("alone",)))
    out = tmp_path / "due.pdf"
    rc = main(
        [
            "print",
            "due-visits",
            "--days",
            "31",
            "--out",
            str(out),
            "--data-dir",
            str(set_up_dir.root),
        ]
    )
    assert rc == 0
    text = text_of(out)
    assert "特殊困难老年人探访记录表" in text and "孙凤英" in text and "合订第1/" in text


def test_print_person_sheet(
    ctx: AppContext, set_up_dir: DataDir, saved: tuple[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "p.pdf"
    args = ["print", "person", saved[0], "--out", str(out)]
    assert main([*args, "--data-dir", str(set_up_dir.root)]) == 0
    text = text_of(out)
    assert "人员信息表" in text and "赵桂英" in text and "照片：无" in text


def test_the_month_batch_from_the_window_cancels_cleanly(
    qtbot, ctx: AppContext, saved: tuple[str, str], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """评估 › 本月合订: 取消 writes no file and says so (it used to report an error and point
    to the log); without cancel the PDF is made."""
    from datetime import date

    from afc_desktop.ui.pages.assessments_page import Page

    page = Page(ctx)
    qtbot.addWidget(page)
    out = tmp_path / "month.pdf"
    job = page.print_month(str(out), month=date(2026, 11, 1))
    job.cancel()
    qtbot.waitSignal(job.sig_cancelled, timeout=60_000).wait()
    assert not out.exists()
    assert "出错" not in page.message.text() and "取消" in page.message.text()

    with qtbot.waitSignal(page.print_month(str(out), month=date(2026, 11, 1)).sig_finished):
        pass
    assert "赵桂英" in text_of(out)
