"""Photos on a printed record (打印照片): two a row under a 照片 heading, each with its caption.

The record's attachments (docs/attachments.md) arrive as :class:`PrintedPicture` — the stored
JPEG and what it shows (改造前 / 改造后 / 照片 …). A picture whose file has not reached this
computer yet prints as a framed box saying so, so the printed list is complete either way.
Drawn through the canvas's ``draw_picture`` (reportlab's ``drawImage`` in a PDF, an ``image``
operation in a recording for the Qt print preview), at print resolution: a stored picture
(up to 1600 px) drawn half a page wide (at most 3.3 × 2.9 inches) is first scaled down to
:data:`PRINT_DPI` at that size — about 660 px, a sixth of the pixels — so a batch embeds and
holds a sixth as much (docs/attachments.md).
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PIL import Image

from afc_desktop.printing.layout import CONTENT_W, GREY, MARGIN_X, Sheet

GAP = 12.0
MAX_H = 210.0  # points: four photos a page with their headings
CAPTION = 7.5
PRINT_DPI: int | None = 200  # None: embed pictures as stored
PRINT_QUALITY = 85  # a second JPEG generation, drawn small: keep it clean


@dataclass(frozen=True)
class PrintedPicture:
    """One photo to print: its caption, the JPEG (None while pending) and its size in pixels.

    A batch gives ``load`` instead of ``data``: the picture is read when its row is drawn and
    dropped after, so a month of records never holds every photo at once."""

    caption: str
    data: bytes | None
    width: int
    height: int
    load: Callable[[], bytes | None] | None = None

    def read(self) -> bytes | None:
        """The JPEG (read now when lazy), or None while it is pending."""
        if self.data is None and self.load is not None:
            return self.load()
        return self.data


def at_print_size(data: bytes, width: float, height: float) -> bytes:
    """The JPEG ``data`` scaled down to :data:`PRINT_DPI` at ``width`` × ``height`` points;
    ``data`` itself when it is no more than a quarter larger than that, or not a JPEG."""
    if not PRINT_DPI:
        return data
    target = (math.ceil(width / 72 * PRINT_DPI), math.ceil(height / 72 * PRINT_DPI))
    try:
        image = Image.open(io.BytesIO(data))
        if image.format != "JPEG" or image.width <= target[0] * 1.25:
            return data
        image.draft(image.mode, target)  # JPEG decodes at 1/2, 1/4, 1/8 scale: fast
        image.thumbnail(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
        out = io.BytesIO()
        image.save(out, "JPEG", quality=PRINT_QUALITY)
    except (OSError, ValueError, SyntaxError):
        return data  # drawn as it is (reportlab says so if it cannot either)
    return out.getvalue()


def _fit(picture: PrintedPicture, width: float) -> tuple[float, float]:
    if picture.width <= 0 or picture.height <= 0:
        return width, MAX_H / 2
    scale = min(width / picture.width, MAX_H / picture.height)
    return picture.width * scale, picture.height * scale


def draw_pictures(sheet: Sheet, pictures: Sequence[PrintedPicture], title: str = "照片") -> None:
    """A 照片 section: the pictures two a row, each scaled into half the content width."""
    if not pictures:
        return
    sheet.section_bar(title, f"共 {len(pictures)} 张")
    sheet.space(6)
    cell_w = (CONTENT_W - GAP) / 2
    c = sheet.c
    for start in range(0, len(pictures), 2):
        row = pictures[start : start + 2]
        sizes = [_fit(p, cell_w) for p in row]
        captions = [sheet.lines(p.caption, CAPTION, cell_w) for p in row]
        caption_h = max(len(lines) for lines in captions) * CAPTION * 1.3
        row_h = max(h for _w, h in sizes) + caption_h + 4
        sheet.ensure(row_h + GAP)
        for i, (picture, (w, h), lines) in enumerate(zip(row, sizes, captions, strict=True)):
            x = MARGIN_X + i * (cell_w + GAP) + (cell_w - w) / 2
            y = sheet.y - h
            # a canvas that only counts pages (a batch written in parts) reads no picture
            counting = not getattr(c, "draws_pictures", True)
            data = None if counting else picture.read()
            if data is not None:
                c.draw_picture(at_print_size(data, w, h), x, y, w, h)
                del data  # a lazy picture is released as soon as it is drawn
            elif not counting:
                c.setStrokeColorRGB(*GREY)
                c.setLineWidth(0.5)
                c.rect(x, y, w, h, stroke=1, fill=0)
                c.setFillColorRGB(*GREY)
                sheet._draw(x + w / 2, y + h / 2, "照片尚未同步到本机", 8, False, "center")
                c.setFillColorRGB(0, 0, 0)
            c.setFillColorRGB(*GREY)
            for n, line in enumerate(lines):
                sheet._draw(
                    MARGIN_X + i * (cell_w + GAP),
                    y - 3 - (n + 1) * CAPTION * 1.3 + 2,
                    line,
                    CAPTION,
                    False,
                )
            c.setFillColorRGB(0, 0, 0)
        sheet.space(row_h + GAP)
        sheet._page_has_content = True
