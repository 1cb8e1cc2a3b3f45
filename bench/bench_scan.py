"""Scan read-back on a corpus this script makes itself (see docs/scan-readback.md).

Prints the share of boxes read right / uncertain / wrong, pages misidentified and unidentified,
and pages per second — with, as the baseline measured in the same run, the time to decode the
QR code alone on the same pictures (the least any reader must spend on a page).

    PYTHONPATH=. python bench/bench_scan.py [--pages-per-form 4] [--seed 18]
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "scan"))

from corpus import Score, fill_page, render_pdf  # noqa: E402

from afc_desktop.domain.formspec import load_forms  # noqa: E402
from afc_desktop.printing import PersonHeader, write_blank_pdf  # noqa: E402
from afc_desktop.printing.pagemap import blank_page_map  # noqa: E402
from afc_desktop.scan.locate import NotLocated, read_code  # noqa: E402
from afc_desktop.scan.reader import read_page  # noqa: E402

FORMS = ("gbt42195-2022-ability", "home-modification-2020", "visit-record")
PERSON = PersonHeader(name="王秀英", sex="F", person_id="3f2a9c1e-0b7d-4e55-9a0c-1d2e3f4a5b6c")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pages-per-form", type=int, default=4, help="filled pages per form and dpi")
    ap.add_argument("--seed", type=int, default=18)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    forms = load_forms(ROOT / "forms")
    score = Score()
    read_s = qr_s = 0.0
    tmp = Path(tempfile.mkdtemp(prefix="bench-scan-"))
    for form_id in FORMS:
        form = forms.get(form_id)
        page_map = blank_page_map(form, PERSON)
        pdf = write_blank_pdf(form, tmp / f"{form_id}.pdf", PERSON)
        for dpi in (150, 200, 300):
            blanks = render_pdf(pdf, dpi)
            for i in range(args.pages_per_form):
                number = i % len(blanks) + 1
                filled = fill_page(form, blanks[number - 1], page_map, number, dpi, rng)
                started = time.perf_counter()
                with contextlib.suppress(NotLocated):
                    read_code(filled.image)
                qr_s += time.perf_counter() - started
                started = time.perf_counter()
                try:
                    reading = read_page(filled.image, lambda code, m=page_map: m)
                except NotLocated as exc:
                    read_s += time.perf_counter() - started
                    score.unidentified += 1
                    print(f"  not identified: {form_id} p{number} {dpi} dpi: {exc}")
                    continue
                read_s += time.perf_counter() - started
                score.pages += 1
                if (reading.code.form_id, reading.code.page) != (form_id, number):
                    score.misidentified += 1
                read = {(b.box.item, b.box.value): b.state for b in reading.boxes}
                score.add(filled.truth, read)
    pages = score.pages + score.unidentified
    print(
        f"pages: {pages} ({score.unidentified} not identified, {score.misidentified} misidentified)"
    )
    print(
        f"boxes: {score.boxes}  right {score.right} ({score.right_share:.2%})  "
        f"uncertain {score.uncertain} ({score.uncertain / max(1, score.boxes):.2%})  "
        f"wrong {score.wrong}"
    )
    for line in score.wrong_boxes[:10]:
        print("  wrong:", line)
    print(
        f"speed: {pages / read_s:.1f} pages/s reading; QR decode alone {pages / qr_s:.1f} pages/s "
        f"(reading costs {read_s / qr_s:.2f}x the QR decode)"
    )
    return 0 if score.wrong == 0 and score.misidentified == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
