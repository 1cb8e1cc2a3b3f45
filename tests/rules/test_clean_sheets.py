"""Clean sheets: no notes for developers on residents' paper; ID numbers masked on batches."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from afc_desktop.domain.formspec import load_forms
from afc_desktop.domain.idcard import mask_to_last_four
from afc_desktop.printing import BlankDoc, write_batch_pdf, write_blank_pdf
from afc_desktop.services.assessments import person_header
from afc_desktop.services.register import get_person
from afc_desktop.services.visits import due_list

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
DEVELOPER_NOTES = ("（暂定）", "本程序所加", "有一份转录", "见notes", "未经核实", "转载")


def text_of(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True)
    return re.sub(r"\s+", "", out.stdout)


def test_mask_keeps_only_the_last_four() -> None:
    assert mask_to_last_four("32050819400315002X") == "**************002X"
    assert mask_to_last_four("") == ""


def test_due_visit_batch_masks_every_id_number(ctx, add_elder, tmp_path: Path) -> None:
    ids = [
        add_elder(ctx, "顾阿婆", date(1938, 3, 3), ("alone",)),
        add_elder(ctx, "顾阿公", date(1936, 4, 4), ("empty_nest",), sex="M"),
    ]
    numbers = [get_person(ctx, pid).id_number for pid in ids]
    form = load_forms().get("visit-record")
    docs = [BlankDoc(form, person_header(ctx, d.person_id)) for d in due_list(ctx)]
    assert len(docs) == 2
    text = text_of(write_batch_pdf(docs, tmp_path / "due.pdf").path)
    for number in numbers:
        assert number not in text and number[:6] not in text
        assert "*" * 14 + number[-4:] in text
    # the same sheet printed for one person on its own keeps the whole number
    alone = text_of(write_blank_pdf(form, tmp_path / "one.pdf", person_header(ctx, ids[0])))
    assert numbers[0] in alone


@pytest.mark.parametrize("form_id", ["gbt42195-2022-ability", "home-modification-2020"])
def test_blank_sheets_carry_no_developer_notes(form_id: str, tmp_path: Path) -> None:
    form = load_forms().get(form_id)
    assert any(n.provisional for n in form.notes)  # the definition keeps its provisional notes
    text = text_of(write_blank_pdf(form, tmp_path / "blank.pdf"))
    assert form.title in text
    for note in DEVELOPER_NOTES:
        assert note not in text, note
