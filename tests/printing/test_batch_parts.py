"""A long batch with photos is written in parts and joined: memory bounded by a part (issue 18).

The documents are 适老化改造 records with three lazily read photos each (as a month's bound
assessments are). Measured with tracemalloc: the old way (one reportlab document, pictures
as stored) grows with every record; in parts, the peak stays flat. The joined PDF must read
exactly as the one-part PDF: every page, its footer numbers and its pictures.
"""

from __future__ import annotations

import gc
import io
import random
import tracemalloc
from dataclasses import replace
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from afc_desktop.domain.formspec import load_forms
from afc_desktop.printing import AssessmentDoc, AssessmentRecord, PersonHeader, batch, pictures
from afc_desktop.printing.batch import write_batch_pdf
from afc_desktop.printing.pdfjoin import JoinError, join_pdfs

FORMS = Path(__file__).resolve().parents[2] / "forms"
DAY = date(2026, 11, 28)


def stored_photo(seed: int) -> bytes:
    """A stored-size picture (1600 × 1200) that stays large as a JPEG (noise)."""
    rng = random.Random(seed)
    small = Image.frombytes("RGB", (200, 150), rng.randbytes(200 * 150 * 3))
    out = io.BytesIO()
    small.resize((1600, 1200), Image.Resampling.BILINEAR).save(out, "JPEG", quality=80)
    return out.getvalue()


@pytest.fixture(scope="module")
def form():  # noqa: ANN201
    return load_forms(FORMS).get("home-modification-2020")


def _docs(form, n: int, photos: dict[int, bytes]) -> list[AssessmentDoc]:  # noqa: ANN001
    docs = []
    for r in range(n):
        pics = tuple(
            pictures.PrintedPicture(
                f"改造前 第{r}户 {i}", None, 1600, 1200, load=lambda k=r * 3 + i: photos[k]
            )
            for i in range(3)
        )
        person = PersonHeader(name=f"王秀英{r}", sex="F", id_number=f"32050819400101{r:03d}X")
        record = AssessmentRecord(form.id, form.version, person, {}, record_id=f"{r:08d}")
        docs.append(AssessmentDoc(form, replace(record, pictures=pics)))
    return docs


def _pages(path: Path) -> list[tuple[str, int, tuple[int, int] | None]]:
    """Each page's text, how many pictures it shows and the pixel size of its first one."""
    doc = pdfium.PdfDocument(str(path))
    try:
        result = []
        for page in doc:
            images = [o for o in page.get_objects() if o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE]
            size = tuple(images[0].get_px_size()) if images else None
            result.append((page.get_textpage().get_text_range(), len(images), size))
        return result
    finally:
        doc.close()


def test_the_joined_batch_reads_as_one_part_with_every_page_and_picture(
    form, tmp_path, monkeypatch
):
    photos = {k: stored_photo(k) for k in range(7 * 3)}
    joined: list[int] = []
    real_join = batch.join_pdfs
    monkeypatch.setattr(
        batch, "join_pdfs", lambda parts, out: joined.append(len(parts)) or real_join(parts, out)
    )
    whole = write_batch_pdf(_docs(form, 7, photos), tmp_path / "one.pdf", printed_on=DAY,
                            chunk_pages=0)  # fmt: skip
    assert joined == []  # one part: written as it is
    parts = write_batch_pdf(_docs(form, 7, photos), tmp_path / "parts.pdf", printed_on=DAY,
                            chunk_pages=6)  # fmt: skip
    assert joined == [4]  # 3 pages a record, two records a part
    assert whole.pages == parts.pages == 21
    one, many = _pages(tmp_path / "one.pdf"), _pages(tmp_path / "parts.pdf")
    assert [text for text, _n, _s in many] == [text for text, _n, _s in one]
    assert [n for _t, n, _s in many] == [n for _t, n, _s in one] == [0, 0, 3] * 7
    for index, (text, _n, _s) in enumerate(many, start=1):
        assert f"合订第 {index}/21 页" in text
        assert f"第 {(index - 1) % 3 + 1} 页 / 共 3 页" in text
    assert "王秀英6" in many[18][0] and "改造前 第6户 2" in many[20][0]
    assert not list(tmp_path.glob(".afc-batch-*"))  # the parts are gone
    # embedded at print size (200 dpi of about 3.3 inches), not the stored 1600 px
    size = many[2][2]
    assert size is not None and 600 <= size[0] <= 700


def _peak(work) -> int:  # noqa: ANN001
    gc.collect()
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_long_batch_with_photos_stays_within_a_part(form, tmp_path, monkeypatch):
    photos = {k: stored_photo(k) for k in range(16 * 3)}
    extra = sum(len(photos[k]) for k in range(4 * 3, 16 * 3))  # the photos of 12 more records

    def run(n: int, chunk_pages: int) -> int:
        out = tmp_path / f"{n}-{chunk_pages}.pdf"
        return _peak(lambda: write_batch_pdf(_docs(form, n, photos), out, printed_on=DAY,
                                             chunk_pages=chunk_pages))  # fmt: skip

    new_few, new_many = run(4, 6), run(16, 6)
    monkeypatch.setattr(pictures, "PRINT_DPI", None)  # the old way: as stored, one document
    old_few, old_many = run(4, 0), run(16, 0)
    assert old_many - old_few > 0.9 * extra  # every photo held until the file is written
    assert new_many - new_few < 0.05 * extra  # flat: a part's photos, at print size
    assert new_many < old_many / 4
    print(
        f"12 more records ({extra / 1e6:.1f} MB of photos): peak old "
        f"{old_few / 1e6:.1f} -> {old_many / 1e6:.1f} MB, in parts "
        f"{new_few / 1e6:.1f} -> {new_many / 1e6:.1f} MB"
    )


def test_a_file_not_written_by_reportlab_is_not_joined(tmp_path):
    odd = tmp_path / "odd.pdf"
    odd.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n")
    with pytest.raises(JoinError):
        join_pdfs([odd], tmp_path / "out.pdf")
