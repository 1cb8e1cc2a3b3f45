"""A corpus of filled sheets the tests make themselves (回读测试样本).

The project's own blank PDFs are rendered to pictures; pen marks are drawn into their boxes as a
person would (a tick, a cross, a filled box, and now and then a tick scribbled out and another
box ticked instead); the page is turned up to 5°, lit unevenly, blurred and saved as JPEG at
quality 60. Every box's truth is kept, so a reading can be scored box by box.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from afc_desktop.domain import household_sheet as hs
from afc_desktop.domain.formspec import FormSpec
from afc_desktop.printing.document import open_pdf
from afc_desktop.printing.household_sheet import (
    HouseholdRecord,
    SheetElder,
    draw_household_sheet,
    household_page_map,
)
from afc_desktop.printing.marks import BoxMark
from afc_desktop.printing.pagemap import PageMap

TRUE_TICKED, TRUE_EMPTY = "ticked", "empty"


@dataclass
class FilledPage:
    """One made-up filled page: the picture and the truth of each of its boxes."""

    image: Image.Image
    page: int
    dpi: int
    angle: float
    truth: dict[tuple[str, Any], str] = field(default_factory=dict)
    answers: dict[str, Any] = field(default_factory=dict)  # what a careful reader would take
    corrected: set[tuple[str, Any]] = field(default_factory=set)  # ticks scribbled out (涂改)


def render_pdf(pdf: Path, dpi: int) -> list[Image.Image]:
    """The pages of ``pdf`` at ``dpi`` as greyscale pictures."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [
            doc[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            for i in range(len(doc))
        ]
    finally:
        doc.close()


class Pen:
    """Draws marks the way a hand does: strokes of some width, a little shaky, a little off."""

    def __init__(self, image: Image.Image, dpi: int, rng: random.Random) -> None:
        self.draw = ImageDraw.Draw(image)
        self.dpi = dpi
        self.rng = rng
        self.ink = rng.randint(20, 70)
        self.width = max(2, round(0.45 / 25.4 * dpi * rng.uniform(0.8, 1.3)))
        self.height = image.height

    def at(self, box: BoxMark, u: float, v: float) -> tuple[float, float]:
        """The pixel at (u, v) in box units (0..1 across, 0..1 up) with the hand's wobble."""
        s = self.dpi / 72
        jitter = box.side * 0.04
        x = (box.x + u * box.side + self.rng.uniform(-jitter, jitter)) * s
        y = self.height - (box.y + v * box.side + self.rng.uniform(-jitter, jitter)) * s
        return (x, y)

    def stroke(self, box: BoxMark, points: list[tuple[float, float]]) -> None:
        self.draw.line(
            [self.at(box, u, v) for u, v in points], fill=self.ink, width=self.width, joint="curve"
        )

    def tick(self, box: BoxMark) -> None:
        r = self.rng.uniform
        self.stroke(
            box,
            [
                (r(0.05, 0.2), r(0.4, 0.6)),
                (r(0.35, 0.5), r(0.05, 0.2)),
                (r(0.95, 1.35), r(1.0, 1.4)),
            ],
        )

    def cross(self, box: BoxMark) -> None:
        r = self.rng.uniform
        self.stroke(box, [(r(0.0, 0.15), r(0.85, 1.05)), (r(0.85, 1.05), r(0.0, 0.15))])
        self.stroke(box, [(r(0.0, 0.15), r(0.0, 0.15)), (r(0.85, 1.05), r(0.85, 1.05))])

    def fill(self, box: BoxMark) -> None:
        for i in range(9):
            v = 0.08 + i * 0.105
            self.stroke(box, [(0.05, v), (0.95, v + 0.02)])

    def scribble(self, box: BoxMark) -> None:
        """A tick, then scribbled over to cancel it (涂改): a zigzag running past the box."""
        self.tick(box)
        r = self.rng.uniform
        points = []
        for i in range(9):
            u = -0.05 + i * 0.14
            points.append((u, r(1.25, 1.45) if i % 2 else r(-0.45, -0.25)))
        self.stroke(box, points)
        self.fill(box)


Multi = Callable[[str], bool]


def multi_of(form: FormSpec | Multi) -> Multi:
    """Which items take several ticks: from a form definition, or given (household sheets)."""
    if isinstance(form, FormSpec):
        return lambda item_id: form.has_item(item_id) and form.item(item_id).type == "multi"
    return form


def _choose(
    form: FormSpec | Multi, boxes: list[BoxMark], rng: random.Random, skip: float
) -> dict[int, str]:
    """Which boxes of the page the hand marks, and how: index -> tick|cross|fill|scribble."""
    groups: dict[str, list[int]] = {}
    for i, box in enumerate(boxes):
        groups.setdefault(box.item, []).append(i)
    marks: dict[int, str] = {}
    styles = ["tick"] * 6 + ["cross"] * 3 + ["fill"]
    corrected = rng.random() > 0.3  # about one page in three carries a correction
    for item_id, idx in groups.items():
        multi = multi_of(form)(item_id)
        if rng.random() < skip:
            continue  # left unanswered
        count = rng.randint(1, 2) if multi else 1
        picks = rng.sample(idx, k=min(len(idx), count))
        if not corrected and len(idx) > 1 and not multi and rng.random() < 0.3:
            wrong = rng.choice([i for i in idx if i not in picks])
            marks[wrong] = "scribble"
            corrected = True
        for i in picks:
            marks[i] = rng.choice(styles)
    return marks


def fill_page(
    form: FormSpec | Multi,
    blank: Image.Image,
    page_map: PageMap,
    page: int,
    dpi: int,
    rng: random.Random,
    skip: float = 0.12,
) -> FilledPage:
    """Mark ``blank`` (page ``page`` rendered at ``dpi``) by hand and spoil it like a photo."""
    image = blank.copy()
    pen = Pen(image, dpi, rng)
    boxes = list(page_map.page(page))
    marks = _choose(form, boxes, rng, skip)
    truth: dict[tuple[str, Any], str] = {}
    answers: dict[str, Any] = {}
    corrected: set[tuple[str, Any]] = set()
    for i, box in enumerate(boxes):
        style = marks.get(i)
        if style is not None:
            getattr(pen, style)(box)
        if style == "scribble":
            corrected.add((box.item, box.value))
        ticked = style is not None and style != "scribble"
        truth[(box.item, box.value)] = TRUE_TICKED if ticked else TRUE_EMPTY
        if ticked:
            if multi_of(form)(box.item):
                answers.setdefault(box.item, []).append(box.value)
            else:
                answers[box.item] = box.value
    angle = rng.uniform(-5.0, 5.0)
    spoiled = spoil(image, angle, rng)
    return FilledPage(spoiled, page, dpi, angle, truth, answers, corrected)


def spoil(image: Image.Image, angle: float, rng: random.Random) -> Image.Image:
    """Turn, shade, blur and JPEG-compress (quality 60) a page picture, as a phone would."""
    turned = image.rotate(angle, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=235)
    w, h = turned.size
    # Uneven light: a gradient from one side (down to 55 % brightness) and a darker corner.
    gradient = Image.linear_gradient("L").rotate(rng.choice([0, 90, 180, 270])).resize((w, h))
    low = rng.randint(140, 190)
    shade = gradient.point(lambda v: 255 - (255 - low) * v // 255)
    turned = ImageChops.multiply(turned, shade)
    blurred = turned.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.1)))
    buf = io.BytesIO()
    blurred.save(buf, "JPEG", quality=60)
    buf.seek(0)
    return Image.open(buf).convert("L")


NAMES = ("王秀英", "沈萍", "何凤鸣", "陆阿大", "钱玉兰", "孙桂芳")


def household_record(household_id: str, person_ids: list[str]) -> HouseholdRecord:
    """A household visit record as the route prints it, for made-up elders."""
    elders = tuple(
        SheetElder(
            pid,
            f"{NAMES[i % len(NAMES)]} 女 {80 + i}岁",
            "身份证号 **************123X　电话 13912345678",
            "独居、高龄",
            "上次 2026-10-01　逾期 2026-11-01",
            "助餐：每天中午送餐到家" * (i % 3),
        )
        for i, pid in enumerate(person_ids)
    )
    return HouseholdRecord(
        f"H{household_id}",
        "香溪花园3幢1单元402室" * (1 + len(person_ids) % 2),
        "0512-66668888",
        elders,
        community="香溪社区",
        worker="李社工",
    )


def write_household_pdf(
    record: HouseholdRecord, out: Path, batch_id: str | None = None
) -> tuple[Path, PageMap]:
    """Print ``record`` alone to ``out``; its page map as a reader recomputes it."""
    canvas = open_pdf(out, batch_id=batch_id)
    draw_household_sheet(canvas, record)
    canvas.save()
    ids = [e.person_id for e in record.elders]
    return out, household_page_map(record.subject, ids)


def household_multi(item_id: str) -> bool:
    return hs.is_multi(item_id)


@dataclass
class Score:
    """How a reading compares with the truth."""

    right: int = 0
    uncertain: int = 0
    wrong: int = 0
    pages: int = 0
    misidentified: int = 0
    unidentified: int = 0
    wrong_boxes: list[str] = field(default_factory=list)
    corrections: int = 0  # scribbled-out ticks (涂改): uncertain or empty, never ticked
    corrections_uncertain: int = 0
    plain_right: int = 0  # boxes that are not corrections, read right

    @property
    def boxes(self) -> int:
        return self.right + self.uncertain + self.wrong

    @property
    def right_share(self) -> float:
        return self.right / self.boxes if self.boxes else 0.0

    @property
    def right_share_plain(self) -> float:
        """Share read right among boxes that were not scribbled-out corrections."""
        plain = self.boxes - self.corrections
        return self.plain_right / plain if plain else 0.0

    def add(
        self,
        truth: dict[tuple[str, Any], str],
        read: dict[tuple[str, Any], str],
        corrected: Collection[tuple[str, Any]] = (),
    ) -> None:
        for key, expected in truth.items():
            got = read.get(key, "missing")
            if key in corrected:
                self.corrections += 1
                self.corrections_uncertain += got == "uncertain"
            elif got == expected:
                self.plain_right += 1
            if got == "uncertain":
                self.uncertain += 1
            elif got == expected:
                self.right += 1
            else:
                self.wrong += 1
                self.wrong_boxes.append(f"{key}: {expected} read as {got}")


def angle_text(angle: float) -> str:
    return f"{angle:+.1f}°"
