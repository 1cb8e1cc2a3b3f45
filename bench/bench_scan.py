"""Scan read-back on a corpus this script makes itself (see docs/scan-readback.md).

Prints, for person sheets (blank forms) and household visit records (入户探访记录, households of
1–6 elders) apart, the share of boxes read right / uncertain / wrong (and right among boxes that
are not scribbled-out corrections, which must come out uncertain), pages misidentified and
unidentified, and pages per second (CPU time) — with, as the baseline measured in the same run,
the time to decode the QR code alone on the same pictures (the least any reader must spend).

    PYTHONPATH=. python bench/bench_scan.py [--pages-per-form 4] [--households 12] [--seed 18]
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "scan"))

from corpus import (  # noqa: E402
    Score,
    fill_page,
    household_multi,
    household_record,
    render_pdf,
    write_household_pdf,
)

from afc_desktop.domain.formspec import load_forms  # noqa: E402
from afc_desktop.printing import PersonHeader, write_blank_pdf  # noqa: E402
from afc_desktop.printing.pagemap import blank_page_map  # noqa: E402
from afc_desktop.scan.locate import NotLocated, read_code  # noqa: E402
from afc_desktop.scan.reader import read_page  # noqa: E402

FORMS = ("gbt42195-2022-ability", "home-modification-2020", "visit-record")
PERSON = PersonHeader(name="王秀英", sex="F", person_id="3f2a9c1e-0b7d-4e55-9a0c-1d2e3f4a5b6c")


class Run:
    """One group's score and CPU time."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.score = Score()
        self.read_s = 0.0
        self.qr_s = 0.0
        self.wall_s = 0.0

    def page(self, multi: Any, blank: Any, page_map: Any, number: int, dpi: int, rng: Any,
             expect: Callable[[Any], bool], label: str) -> None:  # fmt: skip
        """Fill one page by hand, read it back, score it."""
        filled = fill_page(multi, blank, page_map, number, dpi, rng)
        started = time.process_time()
        with contextlib.suppress(NotLocated):
            read_code(filled.image)
        self.qr_s += time.process_time() - started
        started, wall = time.process_time(), time.perf_counter()
        try:
            reading = read_page(filled.image, lambda code, m=page_map: m)
        except NotLocated as exc:
            self.read_s += time.process_time() - started
            self.wall_s += time.perf_counter() - wall
            self.score.unidentified += 1
            print(f"  not identified: {label} p{number} {dpi} dpi: {exc}")
            return
        self.read_s += time.process_time() - started
        self.wall_s += time.perf_counter() - wall
        self.score.pages += 1
        if not expect(reading.code):
            self.score.misidentified += 1
        read = {(b.box.item, b.box.value): b.state for b in reading.boxes}
        self.score.add(filled.truth, read, filled.corrected)

    def report(self) -> None:
        score = self.score
        pages = score.pages + score.unidentified
        print(f"{self.name}:")
        print(
            f"  pages: {pages} ({score.unidentified} not identified, "
            f"{score.misidentified} misidentified)"
        )
        print(
            f"  boxes: {score.boxes}  right {score.right} ({score.right_share:.2%})  "
            f"uncertain {score.uncertain} ({score.uncertain / max(1, score.boxes):.2%})  "
            f"wrong {score.wrong}"
        )
        print(
            f"  corrections (scribbled-out ticks): {score.corrections}, "
            f"{score.corrections_uncertain} read uncertain; right among the other boxes "
            f"{score.right_share_plain:.2%}"
        )
        for line in score.wrong_boxes[:10]:
            print("    wrong:", line)
        print(
            f"  speed (CPU): {pages / self.read_s:.1f} pages/s reading; QR decode alone "
            f"{pages / self.qr_s:.1f} pages/s (reading costs {self.read_s / self.qr_s:.2f}x); "
            f"wall {pages / self.wall_s:.1f} pages/s"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pages-per-form", type=int, default=4, help="filled pages per form and dpi")
    ap.add_argument("--households", type=int, default=12, help="household records (1-6 elders)")
    ap.add_argument("--seed", type=int, default=18)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    forms = load_forms(ROOT / "forms")
    tmp = Path(tempfile.mkdtemp(prefix="bench-scan-"))
    person = Run("person sheets (blank forms)")
    for form_id in FORMS:
        form = forms.get(form_id)
        page_map = blank_page_map(form, PERSON)
        pdf = write_blank_pdf(form, tmp / f"{form_id}.pdf", PERSON)
        for dpi in (150, 200, 300):
            blanks = render_pdf(pdf, dpi)
            for i in range(args.pages_per_form):
                number = i % len(blanks) + 1
                person.page(
                    form, blanks[number - 1], page_map, number, dpi, rng,
                    lambda code, f=form_id, n=number: (code.form_id, code.page) == (f, n),
                    form_id,
                )  # fmt: skip
    household = Run("household visit records (1-6 elders)")
    for h in range(args.households):
        elders = h % 6 + 1
        hid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        ids = [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(elders)]
        record = household_record(hid, ids)
        pdf, page_map = write_household_pdf(record, tmp / f"household-{h}.pdf")
        dpi = (150, 200, 300)[h % 3]
        for number, blank in enumerate(render_pdf(pdf, dpi), start=1):
            household.page(
                household_multi, blank, page_map, number, dpi, rng,
                lambda code, s=record.subject, n=number: (code.subject, code.page) == (s, n),
                f"household of {elders}",
            )  # fmt: skip
    person.report()
    household.report()
    bad = sum(r.score.wrong + r.score.misidentified for r in (person, household))
    return 0 if bad == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
