"""Household visit records (入户探访记录) read back from a scan: every elder's boxes read at the
places the printing layout gives, never at another elder's; the draft is a household visit
draft the worker confirms."""

from __future__ import annotations

import random
import uuid
from pathlib import Path

import pytest
from corpus import (
    Score,
    fill_page,
    household_multi,
    household_record,
    render_pdf,
    write_household_pdf,
)

from afc_desktop.printing.household_sheet import household_page_map
from afc_desktop.scan.locate import NotLocated
from afc_desktop.scan.reader import read_page


def _ids(rng: random.Random, n: int) -> list[str]:
    return [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(n)]


@pytest.mark.slow
def test_household_sheets_are_read_right_or_left_uncertain(tmp_path: Path) -> None:
    """Households of 1 to 6 elders (a long one runs to 4 pages), ticked, crossed, filled and
    corrected by hand, turned, shaded, blurred JPEGs at 150–300 dpi: every page is the right
    household and page, no box is read wrong, corrections are never read as ticks."""
    rng = random.Random(2018)
    score = Score()
    pages_of: dict[int, int] = {}
    for n, dpi in zip(range(1, 7), (150, 300, 200, 150, 300, 200), strict=True):
        hid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        record = household_record(hid, _ids(rng, n))
        pdf, page_map = write_household_pdf(record, tmp_path / f"h{n}.pdf", batch_id="HHSCAN")
        blanks = render_pdf(pdf, dpi)
        pages_of[n] = len(blanks)
        for number, blank in enumerate(blanks, start=1):
            filled = fill_page(household_multi, blank, page_map, number, dpi, rng, skip=0.1)
            reading = read_page(filled.image, lambda code, m=page_map: m)
            score.pages += 1
            code = reading.code
            if (code.form_id, code.subject, code.page, code.pages, code.batch) != (
                "household-visit",
                f"H{hid}",
                number,
                len(blanks),
                "HHSCAN",
            ):
                score.misidentified += 1
            read = {(b.box.item, b.box.value): b.state for b in reading.boxes}
            score.add(filled.truth, read, filled.corrected)
    assert pages_of[1] == 1 and pages_of[6] >= 3  # a long household flows onto more pages
    assert score.misidentified == 0
    assert score.wrong == 0, score.wrong_boxes
    assert score.boxes > 800
    assert score.right_share_plain >= 0.995
    assert score.right + score.uncertain == score.boxes  # the rest is uncertain, never wrong


def test_a_household_whose_elders_changed_is_not_read(tmp_path: Path) -> None:
    rng = random.Random(4)
    a, b, c = _ids(rng, 3)
    record = household_record("7e0d1c2b-3a49-4f58-8e6d-5c4b3a291807", [a, b])
    pdf, page_map = write_household_pdf(record, tmp_path / "h.pdf")
    blank = render_pdf(pdf, 150)[0]
    assert read_page(blank, lambda code: page_map).boxes  # as printed: read
    for now in ([a, c], [b, a], [a], [a, b, c]):  # another elder, another order, one left, one more
        with pytest.raises(NotLocated, match="版面"):
            read_page(blank, lambda code, ids=now: household_page_map(record.subject, ids))
