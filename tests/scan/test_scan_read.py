"""Reading filled sheets back from pictures made the way a phone or scanner would make them."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from corpus import Score, fill_page, render_pdf
from PIL import Image, ImageDraw

from afc_desktop.cli import main
from afc_desktop.domain.formspec import FormRegistry, load_forms
from afc_desktop.paths import DataDir
from afc_desktop.printing import PersonHeader, write_assessment_pdf, write_blank_pdf
from afc_desktop.printing.pagemap import blank_page_map
from afc_desktop.printing.records import AssessmentRecord
from afc_desktop.scan.locate import NotLocated
from afc_desktop.scan.reader import read_page
from afc_desktop.services import assessments as svc
from afc_desktop.services.context import AppContext
from afc_desktop.services.register import PersonInput, register_person
from afc_desktop.services.scanning import scan_paths

FORMS = Path(__file__).resolve().parents[2] / "forms"
PID = "3f2a9c1e-0b7d-4e55-9a0c-1d2e3f4a5b6c"
PERSON = PersonHeader(name="王秀英", sex="F", person_id=PID)


@pytest.fixture(scope="module")
def forms() -> FormRegistry:
    return load_forms(FORMS)


@pytest.mark.slow
def test_pen_marks_are_read_right_or_left_uncertain(forms: FormRegistry, tmp_path: Path) -> None:
    """Ticks, crosses, filled boxes and scribbled-out corrections on turned, shaded, blurred
    JPEGs at 150 and 300 dpi: no box is read wrong, no page misidentified."""
    rng = random.Random(18)
    score = Score()
    for form_id, batch in (
        ("gbt42195-2022-ability", "ABCDEF"),
        ("home-modification-2020", "GHJKLM"),
    ):
        form = forms.get(form_id)
        page_map = blank_page_map(form, PERSON)
        pdf = write_blank_pdf(form, tmp_path / f"{form_id}.pdf", PERSON, batch_id=batch)
        for dpi in (150, 300):
            blanks = render_pdf(pdf, dpi)
            for number in (1, 2):
                filled = fill_page(form, blanks[number - 1], page_map, number, dpi, rng)
                reading = read_page(filled.image, lambda code, m=page_map: m)
                score.pages += 1
                code = reading.code
                if (code.form_id, code.page, code.person_id, code.batch) != (
                    form_id,
                    number,
                    PID,
                    batch,
                ):
                    score.misidentified += 1
                score.add(filled.truth, {(b.box.item, b.box.value): b.state for b in reading.boxes})
    assert score.misidentified == 0
    assert score.wrong == 0, score.wrong_boxes
    assert score.boxes > 600
    assert score.right_share >= 0.985


def test_a_page_that_cannot_be_identified_is_refused(forms: FormRegistry, tmp_path: Path) -> None:
    form = forms.get("gbt42195-2022-ability")
    page_map = blank_page_map(form, PERSON)
    blank = render_pdf(write_blank_pdf(form, tmp_path / "b.pdf", PERSON), 150)[0]
    hidden = blank.copy()
    ImageDraw.Draw(hidden).rectangle((hidden.width // 2, 0, hidden.width, 200), fill=255)
    with pytest.raises(NotLocated, match="二维码"):
        read_page(hidden, lambda code: page_map)
    # The register entry changed after printing: the layout differs, so the page is not read.
    moved = blank_page_map(form, PersonHeader(name="王秀英", address="苏州" * 40, person_id=PID))
    with pytest.raises(NotLocated, match="版面"):
        read_page(blank, lambda code: moved)
    # A filled report has no boxes to read.
    record = AssessmentRecord(form.id, form.version, PERSON, answers={})
    report = render_pdf(write_assessment_pdf(form, record, tmp_path / "r.pdf"), 150)[0]
    with pytest.raises(NotLocated, match="报告"):
        read_page(report, lambda code: page_map)


def test_afc_scan_makes_a_draft_for_the_person(
    ctx: AppContext, set_up_dir: DataDir, tmp_path: Path
) -> None:
    person = register_person(ctx, PersonInput(name="赵桂英"))
    form = svc.forms_registry().get("home-modification-2020")
    header = svc.person_header(ctx, person.id)
    pdf = write_blank_pdf(form, tmp_path / "print.pdf", header)
    page_map = blank_page_map(form, header)
    folder = tmp_path / "scans"
    folder.mkdir()
    rng = random.Random(7)
    truth: dict = {}
    for number, blank in enumerate(render_pdf(pdf, 200), start=1):
        filled = fill_page(form, blank, page_map, number, 200, rng)
        filled.image.save(folder / f"p{number}.jpg", quality=60)
        truth.update(filled.answers)
    Image.new("L", (800, 1100), 250).save(folder / "other.png")  # a stray photo

    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        rc = main(["scan", str(folder), "--json", "--data-dir", str(set_up_dir.root)])
    assert rc == 0
    report = json.loads(buf.getvalue())
    assert [u["source"].endswith("other.png") for u in report["unread"]] == [True]
    (sheet,) = report["sheets"]
    assert sheet["person_id"] == person.id and not sheet["note"]
    draft = svc.get_assessment(ctx, sheet["draft_id"])
    assert draft.status == "draft"
    doubtful = set(sheet["doubtful"])
    for item_id, value in truth.items():
        if item_id not in doubtful:
            assert draft.answers.get(item_id) == value, item_id


def test_scan_without_drafts_lists_answers(ctx: AppContext, tmp_path: Path) -> None:
    person = register_person(ctx, PersonInput(name="钱秀兰"))
    form = svc.forms_registry().get("gbt42195-2022-ability")
    header = svc.person_header(ctx, person.id)
    pdf = write_blank_pdf(form, tmp_path / "print.pdf", header)
    report = scan_paths(ctx, [pdf], make_drafts=False)
    (sheet,) = report.sheets
    assert [p.page for p in sheet.pages] == list(range(1, sheet.pages_total + 1))
    assert sheet.answers == {} and sheet.draft_id == ""  # nothing ticked on a clean print
    assert report.unread == []


def test_a_sheet_photographed_as_heic_is_read(ctx: AppContext, tmp_path: Path) -> None:
    """Phones save HEIC: a folder of HEIC photos of a filled sheet is read like JPEGs."""
    pillow_heif = pytest.importorskip("pillow_heif")  # the encoder, for the test only
    person = register_person(ctx, PersonInput(name="孙凤英"))
    form = svc.forms_registry().get("home-modification-2020")
    header = svc.person_header(ctx, person.id)
    pdf = write_blank_pdf(form, tmp_path / "print.pdf", header)
    page_map = blank_page_map(form, header)
    folder = tmp_path / "phone"
    folder.mkdir()
    rng = random.Random(11)
    truth: dict = {}
    for number, blank in enumerate(render_pdf(pdf, 200), start=1):
        filled = fill_page(form, blank, page_map, number, 200, rng)
        pillow_heif.from_pillow(filled.image.convert("RGB")).save(
            folder / f"IMG_{number:04d}.HEIC", quality=80
        )
        truth.update(filled.answers)
    report = scan_paths(ctx, [folder], make_drafts=False)
    assert report.unread == []
    (sheet,) = report.sheets
    assert sheet.person_id == person.id
    assert [p.page for p in sheet.pages] == list(range(1, sheet.pages_total + 1))
    read_right = [k for k, v in truth.items() if k not in sheet.doubtful]
    assert read_right and all(sheet.answers.get(k) == truth[k] for k in read_right)
