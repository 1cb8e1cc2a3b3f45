"""Benchmark: 1,000 filled GB/T 42195 assessment reports into one PDF.

Prints the seconds taken by ``afc_desktop.printing.write_batch_pdf`` and by a baseline that draws
exactly the same strings at the same places with bare reportlab canvas calls (same embedded font,
no layout, no table rules), and the ratio of the two. Goal: ratio under 2.

    .venv/bin/python bench/bench_print.py [--count 1000] [--out DIR]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from afc_desktop.domain.formspec import FormSpec, load_forms, person_answers  # noqa: E402
from afc_desktop.printing import (  # noqa: E402
    AssessmentDoc,
    AssessmentRecord,
    PersonHeader,
    write_batch_pdf,
)
from afc_desktop.printing.document import open_pdf  # noqa: E402
from afc_desktop.printing.layout import PageCanvas  # noqa: E402
from afc_desktop.printing.report import draw_assessment  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ["秀英", "桂英", "建国", "玉兰", "志强", "淑珍", "永福", "凤英", "国华", "美玲"]


def make_records(form: FormSpec, count: int, seed: int = 42) -> list[AssessmentRecord]:
    """``count`` plausible filled assessments with random answers."""
    rng = random.Random(seed)
    records = []
    for n in range(count):
        person = PersonHeader(
            name=rng.choice(SURNAMES) + rng.choice(GIVEN),
            sex=rng.choice("MF"),
            id_number=f"3205081940{n % 12 + 1:02d}{n % 28 + 1:02d}{n % 1000:03d}X",
            birth_date=date(1940, n % 12 + 1, n % 28 + 1),
            address=f"姑苏区双塔街道定慧寺巷 {n % 200 + 1} 号",
            community="定慧寺巷社区",
            phone=f"138{n:08d}",
        )
        answers: dict[str, Any] = {}
        for item in form.items():
            if item.scored:
                answers[item.id] = rng.choice(item.options).value
        answers.update({f"A.2.14.{i}": rng.choice([0, 0, 0, 1, 2]) for i in range(1, 6)})
        answers.update({"A.4.1": rng.choice([[0], [1], [1, 3], [21]]), "A.5.11": 1})
        answers.update({"A.1.2": "2026-11-20", "A.1.3": 1, "S.1": "李娜", "S.2": "陈晓东"})
        answers.update(person_answers(form, person.fields()))
        records.append(
            AssessmentRecord(
                form.id,
                form.version,
                person,
                answers,
                assessed_on=date(2026, 11, 20),
                assessors=("李娜", "陈晓东"),
                record_id=f"{n:08d}",
            )
        )
    return records


class RecordingCanvas(PageCanvas):
    """Records every string drawn, per page, to replay it with bare canvas calls."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pages: list[list[tuple[str, float, float, float, str]]] = [[]]

    def _rec(self, kind: str, x: float, y: float, text: str) -> None:
        self.pages[-1].append((kind, x, y, self._fontsize, text))

    def drawString(self, x, y, text, *a, **k):  # noqa: N802, ANN001, ANN002, ANN003, D102
        self._rec("l", x, y, text)
        return super().drawString(x, y, text, *a, **k)

    def drawCentredString(self, x, y, text, *a, **k):  # noqa: N802, ANN001, ANN002, ANN003, D102
        self._rec("c", x, y, text)
        return super().drawCentredString(x, y, text, *a, **k)

    def drawRightString(self, x, y, text, *a, **k):  # noqa: N802, ANN001, ANN002, ANN003, D102
        self._rec("r", x, y, text)
        return super().drawRightString(x, y, text, *a, **k)

    def showPage(self) -> None:  # noqa: N802
        super().showPage()
        self.pages.append([])


def record_ops(form: FormSpec, record: AssessmentRecord, tmp: Path) -> list[list[tuple]]:
    """The strings one report draws, page by page (footers included)."""
    canvas = RecordingCanvas(str(tmp / "rec.pdf"))
    canvas.printed_on = date.today()  # type: ignore[attr-defined]
    draw_assessment(canvas, form, record)  # never saved: only the recorded strings are used
    collected: list[list[tuple]] = [list(p) for p in canvas.pages if p]
    # Footers are drawn at save time; draw them on a throwaway canvas to capture their strings.
    foot = RecordingCanvas(str(tmp / "foot.pdf"))
    foot.begin_document("x", "y")
    for i in range(len(collected)):
        foot.pages = [[]]
        foot._docs[0].pages = len(collected)  # noqa: SLF001
        foot._draw_footer(0, i + 1, i + 1, len(collected))  # noqa: SLF001
        collected[i].extend(foot.pages[0])
    return collected


def baseline(ops_per_record: list[list[list[tuple]]], count: int, out: Path, font: str) -> None:
    """Bare reportlab: the same strings, same font, one showPage per page."""
    c = Canvas(str(out), initialFontName=font, pageCompression=1)
    for n in range(count):
        for page in ops_per_record[n % len(ops_per_record)]:
            for kind, x, y, size, text in page:
                c.setFont(font, size)
                if kind == "c":
                    c.drawCentredString(x, y, text)
                elif kind == "r":
                    c.drawRightString(x, y, text)
                else:
                    c.drawString(x, y, text)
            c.showPage()
    c.save()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--repeat", type=int, default=1, help="alternate the two runs N times, keep the best"
    )
    args = parser.parse_args()
    form = load_forms().get("gbt42195-2022-ability")
    records = make_records(form, args.count)
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = args.out or Path(tmpdir)
        tmp.mkdir(parents=True, exist_ok=True)
        distinct = records[:10]
        ops = [record_ops(form, r, Path(tmpdir)) for r in distinct]
        font = open_pdf(Path(tmpdir) / "warm.pdf").font_name  # registers the font (not timed)

        docs = [AssessmentDoc(form, r) for r in records]
        t_base = t_app = float("inf")
        for _ in range(max(1, args.repeat)):
            # Alternate the runs so that load on a shared machine hits both alike.
            t0 = time.perf_counter()
            baseline(ops, args.count, tmp / "baseline.pdf", font)
            t_base = min(t_base, time.perf_counter() - t0)
            t0 = time.perf_counter()
            result = write_batch_pdf(docs, tmp / "reports.pdf")
            t_app = min(t_app, time.perf_counter() - t0)

        size_mb = (tmp / "reports.pdf").stat().st_size / 1e6
        print(f"reports:  {args.count} assessments, {result.pages} pages, {size_mb:.1f} MB")
        print(f"app:      {t_app:.2f} s  (afc_desktop.printing.write_batch_pdf)")
        print(f"baseline: {t_base:.2f} s  (bare canvas.drawString of the same strings)")
        print(f"ratio:    {t_app / t_base:.2f}  (goal < 2)")
        try:
            from reportlab.lib.rl_accel import fp_str

            accel = (
                "C accelerator (rl_accel)"
                if type(fp_str).__name__ == "builtin_function_or_method"
                else "pure Python"
            )
        except ImportError:
            accel = "pure Python"
        print(f"reportlab number formatting: {accel}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
