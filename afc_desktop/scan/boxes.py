"""Reading one checkbox (勾选框): ticked, empty, or uncertain.

The inside of the printed square (its middle 56 %, clear of the border even when blurred) is
compared with the paper around it: the share of pixels much darker than the paper is the box's
ink. A pen tick or cross covers a fair part of the inside; a filled box nearly all of it. What
lies between the bands — a faint stray mark, a dense scribble over a tick that was corrected —
is *uncertain*: the worker decides, the reader never guesses.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image

from afc_desktop.printing.marks import BoxMark

TICKED, EMPTY, UNCERTAIN = "ticked", "empty", "uncertain"
STATE_LABELS = {TICKED: "已勾选", EMPTY: "未勾选", UNCERTAIN: "无法确定"}

INNER = 0.6  # the middle of the square that is read
DARK = 0.62  # a pixel is ink when darker than this share of the paper's brightness
EMPTY_MAX = 0.05  # less ink than this inside: empty
TICK_MIN = 0.12  # at least this much: a mark (between the two: a stray dot, uncertain)
SOLID = 0.75  # every quarter of the inside at least this dark: a filled box
SPILL = 0.12  # ink above AND below a filled box: scribbled over (涂改), uncertain


@dataclass(frozen=True)
class BoxReading:
    """What one box was read as."""

    box: BoxMark
    state: str
    ink: float  # share of the inside that is ink, 0..1
    pixel: tuple[float, float]  # the box's centre in the image
    size: float  # its side in pixels


def classify(ink: float, quarters: list[float], spill: tuple[float, float]) -> str:
    """The state from the inside's ink share, each quarter's, and the ink just above and below.

    A tick or a cross leaves some quarter of the inside light; a filled box darkens all four and
    stays inside its square; a scribble that cancels a tick darkens all four and spills over the
    top and the bottom.
    """
    if ink < EMPTY_MAX:
        return EMPTY
    if ink < TICK_MIN:
        return UNCERTAIN
    if min(quarters) >= SOLID and min(spill) >= SPILL:
        return UNCERTAIN
    return TICKED


def _paper_level(image: Image.Image, box: tuple[int, int, int, int]) -> int:
    """Brightness of the paper near ``box`` (the 85th percentile): copes with shadows."""
    hist = image.crop(box).histogram()
    total = sum(hist)
    acc = 0
    for level in range(255, -1, -1):
        acc += hist[level]
        if acc >= total * 0.15:
            return max(level, 40)
    return 255


def _ink(image: Image.Image, box: tuple[float, float, float, float], limit: int) -> float:
    area = (round(box[0]), round(box[1]), round(box[2]), round(box[3]))
    if area[2] <= area[0] or area[3] <= area[1]:
        return 0.0
    hist = image.crop(area).histogram()
    return sum(hist[:limit]) / (sum(hist) or 1)


def read_box(
    image: Image.Image, box: BoxMark, centre: tuple[float, float], side: float
) -> BoxReading:
    """Read ``box`` whose centre is at pixel ``centre`` and whose side is ``side`` pixels."""
    cx, cy = centre
    around = side * 1.6
    paper = _paper_level(
        image, (int(cx - around), int(cy - around), int(cx + around) + 1, int(cy + around) + 1)
    )
    limit = int(paper * DARK)
    h = side * INNER / 2
    if h < 1:
        return BoxReading(box, UNCERTAIN, 0.0, centre, side)
    ink = _ink(image, (cx - h, cy - h, cx + h, cy + h), limit)
    quarters = [
        _ink(image, (cx - h, cy - h, cx, cy), limit),
        _ink(image, (cx, cy - h, cx + h, cy), limit),
        _ink(image, (cx - h, cy, cx, cy + h), limit),
        _ink(image, (cx, cy, cx + h, cy + h), limit),
    ]
    edge, near, far = side / 2, side * 0.12, side * 0.42
    spill = (
        _ink(image, (cx - side * 0.4, cy - edge - far, cx + side * 0.4, cy - edge - near), limit),
        _ink(image, (cx - side * 0.4, cy + edge + near, cx + side * 0.4, cy + edge + far), limit),
    )
    return BoxReading(box, classify(ink, quarters, spill), ink, centre, side)
