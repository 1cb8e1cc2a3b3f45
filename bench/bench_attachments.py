"""Preparing a phone photo for storage (docs/attachments.md): seconds per photo and stored size.

Makes its own photo-like pictures (gradients, shapes, sensor noise, an EXIF turn and a GPS
position), 12 MP by default, and times ``attachments.images.prepare`` against the baseline
measured in the same run: decoding the same JPEG at full size, the least a reader without
scaled decoding must spend before it can even begin to downscale.

    PYTHONPATH=. python bench/bench_attachments.py [--photos 3] [--megapixels 12]
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw, ImageFilter  # noqa: E402

from afc_desktop.attachments import images  # noqa: E402


def photo(seed: int, megapixels: float) -> bytes:
    """A photo-like JPEG of about ``megapixels`` (4:3), turned by EXIF, with GPS."""
    rng = random.Random(seed)
    w = int((megapixels * 1e6 * 4 / 3) ** 0.5)
    h = w * 3 // 4
    image = Image.linear_gradient("L").resize((w, h)).convert("RGB")
    draw = ImageDraw.Draw(image)
    for _ in range(300):
        x, y = rng.randrange(w), rng.randrange(h)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.rectangle((x, y, x + rng.randrange(50, 400), y + rng.randrange(50, 400)), colour)
    noise = Image.effect_noise((w, h), 18).convert("RGB")
    image = Image.blend(image, noise, 0.15).filter(ImageFilter.GaussianBlur(1))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x8825] = {1: "N", 2: (31.0, 18.0, 7.5), 3: "E", 4: (120.0, 37.0, 1.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", quality=92, exif=exif.tobytes())
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=3)
    parser.add_argument("--megapixels", type=float, default=12)
    args = parser.parse_args()
    photos = [photo(i, args.megapixels) for i in range(args.photos)]
    started = time.perf_counter()
    for data in photos:
        Image.open(io.BytesIO(data)).load()
    baseline = (time.perf_counter() - started) / len(photos)
    started = time.perf_counter()
    stored = [images.prepare(data) for data in photos]
    prepare = (time.perf_counter() - started) / len(photos)
    started = time.perf_counter()
    for p in stored:
        images.thumbnail(p.data)
    thumb = (time.perf_counter() - started) / len(stored)
    size_in = sum(map(len, photos)) / len(photos) / 1024
    size_out = sum(len(p.data) for p in stored) / len(stored) / 1024
    print(f"photos: {len(photos)} of {args.megapixels:g} MP, {size_in:.0f} KB each")
    print(f"baseline (full-size decode): {baseline:.3f} s/photo")
    print(f"prepare (decode, turn, downscale, encode): {prepare:.3f} s/photo "
          f"= {prepare / baseline:.2f}× baseline")  # fmt: skip
    print(f"stored: {size_out:.0f} KB ({stored[0].width}×{stored[0].height}), "
          f"{size_out / size_in:.0%} of the original")  # fmt: skip
    print(f"thumbnail: {thumb * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
