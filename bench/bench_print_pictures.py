"""Benchmark: a month of printed records with photos in one batch PDF (memory and time).

Prints N 适老化改造 records, each with k photos (stored-size JPEGs, 1600 × 1200, about 300 KB,
read lazily as a batch reads them), through ``write_batch_pdf``, at two sizes, so the memory
that grows with each record is visible. Each run is its own process (peak RSS only grows):
the growth of the peak RSS over the process's RSS before the batch, CPU time (user + system),
pages and file size. Variants, in the same run:

- ``old``: the batch as one reportlab document, pictures embedded as stored (1600 px);
- ``new``: pictures embedded at print resolution and the batch written in parts, joined.

    .venv/bin/python bench/bench_print_pictures.py [--sizes 50 200] [--photos 3]
"""

from __future__ import annotations

import argparse
import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image, ImageDraw, ImageFilter  # noqa: E402

POOL = 12


def photo(seed: int) -> bytes:
    """A photo-like stored picture: smooth shapes and fine texture, 1600 × 1200, quality 80."""
    rng = random.Random(seed)
    image = Image.new("RGB", (1600, 1200), tuple(rng.randrange(80, 200) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.randrange(1600), rng.randrange(1200)
        box = (x, y, x + rng.randrange(50, 600), y + rng.randrange(50, 500))
        draw.rectangle(box, fill=tuple(rng.randrange(256) for _ in range(3)))
    noise = Image.effect_noise((1600, 1200), 28).convert("RGB")
    image = Image.blend(image.filter(ImageFilter.GaussianBlur(3)), noise, 0.18)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80, optimize=True)
    return out.getvalue()


def unique(base: bytes, k: int) -> bytes:
    """``base`` made a different picture without encoding it again: the last (highest
    frequency) coefficient of its first quantisation table changed by ``k``. reportlab embeds
    pictures of identical pixels once; a month's photos are all different."""
    at = base.index(b"\xff\xdb") + 4 + 1 + 63  # marker, length, precision/id, 64 entries
    value = (base[at] + k - 1) % 255 + 1
    return base[:at] + bytes([value]) + base[at + 1 :]


def rss_mb() -> float:
    """This process's resident memory now (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(records: int, photos: int, variant: str, out: Path) -> dict[str, float]:
    """One batch in this process; the numbers as a dict."""
    from afc_desktop.printing import (
        AssessmentDoc,
        AssessmentRecord,
        PersonHeader,
        batch,
        pictures,
        write_batch_pdf,
    )
    from afc_desktop.services.assessments import forms_registry

    form = forms_registry().get("home-modification-2020")
    pool = [photo(i) for i in range(POOL)]
    options: dict[str, object] = {}
    if variant == "old":
        if hasattr(pictures, "PRINT_DPI"):
            pictures.PRINT_DPI = None  # type: ignore[attr-defined]
        if hasattr(batch, "CHUNK_PAGES"):
            options["chunk_pages"] = 0

    def docs(n: int) -> list[AssessmentDoc]:
        result = []
        for r in range(n):
            person = PersonHeader(name=f"王秀英{r}", sex="F", id_number=f"32050819400101{r:03d}X")
            pics = tuple(
                pictures.PrintedPicture(
                    ("改造前", "改造后", "照片")[i % 3] + f" 第{r}户",
                    None,
                    1600,
                    1200,
                    load=lambda n=r * photos + i: unique(pool[n % POOL], n // POOL + 1),
                )
                for i in range(photos)
            )
            rec = AssessmentRecord(form.id, form.version, person, {}, record_id=f"{r:08d}")
            result.append(AssessmentDoc(form, replace_pictures(rec, pics)))
        return result

    def replace_pictures(rec: AssessmentRecord, pics: tuple) -> AssessmentRecord:
        from dataclasses import replace

        return replace(rec, pictures=pics)

    # warm up: fonts, form, encoder (not counted)
    write_batch_pdf(docs(1), out.with_suffix(".warm.pdf"), printed_on=date(2026, 11, 28), **options)  # type: ignore[arg-type]
    before_rss, cpu0 = rss_mb(), time.process_time()
    result = write_batch_pdf(docs(records), out, printed_on=date(2026, 11, 28), **options)  # type: ignore[arg-type]
    cpu = time.process_time() - cpu0
    return {
        "growth_mb": round(peak_mb() - before_rss, 1),
        "cpu_s": round(cpu, 2),
        "pages": result.pages,
        "file_mb": round(out.stat().st_size / 1e6, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[50, 200])
    parser.add_argument("--photos", type=int, default=3)
    parser.add_argument("--variants", nargs="+", default=["old", "new"])
    parser.add_argument("--child", nargs=3, metavar=("RECORDS", "VARIANT", "OUT"))
    args = parser.parse_args()
    if args.child:
        records, variant, out = int(args.child[0]), args.child[1], Path(args.child[2])
        print(json.dumps(child(records, args.photos, variant, out)))
        return 0
    sizes = args.sizes
    print(f"photo size about {len(photo(0)) / 1e3:.0f} KB, {args.photos} a record")
    with tempfile.TemporaryDirectory() as tmp:
        rows: dict[tuple[str, int], dict[str, float]] = {}
        for variant in args.variants:
            for n in sizes:
                out = Path(tmp) / f"{variant}-{n}.pdf"
                cmd = [sys.executable, __file__, "--photos", str(args.photos)]
                run = subprocess.run(
                    [*cmd, "--child", str(n), variant, str(out)],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                rows[variant, n] = json.loads(run.stdout.strip().splitlines()[-1])
                r = rows[variant, n]
                print(
                    f"{variant:>4} {n:4d} records: peak RSS +{r['growth_mb']:7.1f} MB, "
                    f"CPU {r['cpu_s']:6.1f} s, {r['pages']} pages, {r['file_mb']} MB file",
                    flush=True,
                )
            a, b = rows[variant, sizes[0]], rows[variant, sizes[1]]
            per = (b["growth_mb"] - a["growth_mb"]) / (sizes[1] - sizes[0])
            print(f"{variant:>4}: peak RSS grows {per:.2f} MB a record")
    return 0


if __name__ == "__main__":
    sys.exit(main())
