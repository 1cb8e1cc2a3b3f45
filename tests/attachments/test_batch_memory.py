"""A month's bound assessments read each record's photos when its page is drawn (issue 18).

Measured with tracemalloc at two sizes: the pictures held while the batch is prepared stay flat
as records grow (the eager path held them all), and the whole batch's peak is lower by at least
the photos (tests/printing/test_batch_parts.py checks the batch written in parts).
"""

from __future__ import annotations

import gc
import io
import random
import tracemalloc
from collections.abc import Callable

from PIL import Image

from afc_desktop.printing import AssessmentDoc, write_batch_pdf
from afc_desktop.services import assessments as svc
from afc_desktop.services import attachments as att


def noisy_picture(seed: int) -> bytes:
    """A picture that stays large once stored (noise does not compress away)."""
    rng = random.Random(seed)
    small = Image.frombytes("RGB", (160, 120), rng.randbytes(160 * 120 * 3))
    out = io.BytesIO()
    small.resize((1200, 900), Image.Resampling.BILINEAR).save(out, "JPEG", quality=90)
    return out.getvalue()


def _records(ctx, elder, n: int) -> tuple[list[str], int]:  # noqa: ANN001
    ids, total = [], 0
    for i in range(n):
        draft = svc.save_draft(ctx, svc.AssessmentInput(elder, "home-modification-2020", {}))
        view = att.add_attachment(ctx, "assessment", draft.id, noisy_picture(i), role="before")
        ids.append(draft.id)
        total += view.size
    return ids, total


def _image_count(path) -> int:  # noqa: ANN001
    from tests.attachments.test_print_pictures import _image_count as count

    return count(path.read_bytes())


def _peak(work: Callable[[], object]) -> tuple[int, int]:
    """(peak, still held with the result alive) bytes allocated by ``work``."""
    gc.collect()
    tracemalloc.start()
    try:
        kept = work()
        held, peak = tracemalloc.get_traced_memory()
        del kept
        return peak, held
    finally:
        tracemalloc.stop()


def _docs(ctx, ids: list[str], lazy: bool) -> list[AssessmentDoc]:  # noqa: ANN001
    return [AssessmentDoc(*svc.load_for_printing(ctx, i, lazy_pictures=lazy)) for i in ids]


def test_a_batch_holds_no_photo_until_its_page_is_drawn(ctx, elder, tmp_path):
    few, few_bytes = _records(ctx, elder, 2)
    more_ids, more_bytes = _records(ctx, elder, 6)
    many = few + more_ids
    many_bytes = few_bytes + more_bytes
    # the prepared documents: eager holds every picture, lazy none
    _, eager_few = _peak(lambda: _docs(ctx, few, False))
    _, eager_many = _peak(lambda: _docs(ctx, many, False))
    _, lazy_few = _peak(lambda: _docs(ctx, few, True))
    _, lazy_many = _peak(lambda: _docs(ctx, many, True))
    assert eager_many - eager_few > 0.7 * (many_bytes - few_bytes)  # the old way grows
    assert lazy_many - lazy_few < 0.1 * (many_bytes - few_bytes)  # flat
    # the whole batch: at most the PDF's own copy of the pictures on top
    full_eager, _ = _peak(lambda: write_batch_pdf(_docs(ctx, many, False), tmp_path / "e.pdf"))
    full_lazy, _ = _peak(lambda: write_batch_pdf(_docs(ctx, many, True), tmp_path / "l.pdf"))
    assert full_eager - full_lazy > 0.8 * many_bytes
    print(
        f"pictures {few_bytes / 1e6:.2f}/{many_bytes / 1e6:.2f} MB; documents hold eager "
        f"{eager_few / 1e6:.2f}->{eager_many / 1e6:.2f} MB, lazy "
        f"{lazy_few / 1e6:.2f}->{lazy_many / 1e6:.2f} MB; whole batch eager "
        f"{full_eager / 1e6:.2f} MB, lazy {full_lazy / 1e6:.2f} MB"
    )
    assert _image_count(tmp_path / "l.pdf") == len(many)  # every photo still printed
