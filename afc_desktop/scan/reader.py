"""From a located page to answers (回读结果): every box read, then each item's answer.

A choice or yes/no item takes the one ticked box; two ticks, or a tick beside an uncertain box,
leave the item for the worker (listed in ``doubtful``). A multiple-choice item takes every ticked
box, and is doubtful when any of its boxes is uncertain.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

from afc_desktop.domain.formspec import FormSpec
from afc_desktop.printing.marks import KIND_BLANK, SheetCode
from afc_desktop.printing.pagemap import PageMap
from afc_desktop.scan.boxes import TICKED, UNCERTAIN, BoxReading, read_box
from afc_desktop.scan.locate import Located, NotLocated, locate


@dataclass
class PageReading:
    """One page read: its code, every box, and where the page sits in the image."""

    code: SheetCode
    located: Located
    boxes: list[BoxReading] = field(default_factory=list)


def read_page(image: Image.Image, page_map: Callable[[SheetCode], PageMap]) -> PageReading:
    """Locate ``image`` and read its boxes at the places ``page_map`` gives for its code.

    Raises :class:`NotLocated` (with the reason) when the page cannot be found, is not a blank
    sheet, or its layout cannot be recomputed as printed.
    """
    located = locate(image)
    code = located.code
    reading = PageReading(code, located)
    if code.kind != KIND_BLANK:
        raise NotLocated("这是已填写的报告或记录，没有可回读的勾选框")
    layout = page_map(code)
    if layout.fingerprint != code.fingerprint or len(layout.pages) != code.pages:
        raise NotLocated("表格版面与打印时不一致（人员信息或表单已改动），请重新打印后填写")
    for box in layout.page(code.page):
        cx, cy = box.centre
        centre = located.to_pixel(cx, cy)
        a = located.to_pixel(box.x, box.y)
        b = located.to_pixel(box.x + box.side, box.y + box.side)
        side = (abs(b[0] - a[0]) + abs(b[1] - a[1])) / 2
        reading.boxes.append(read_box(image, box, centre, side))
    return reading


@dataclass(frozen=True)
class ReadAnswers:
    """Answers read from the boxes of a sheet, and the items the worker must look at."""

    answers: dict[str, Any]
    doubtful: tuple[str, ...]


def answers_from(form: FormSpec, readings: Iterable[BoxReading]) -> ReadAnswers:
    """The form's answers given by the box readings (see the module docstring)."""
    return plain_answers(
        (r for r in readings if form.has_item(r.box.item)),
        lambda item_id: form.item(item_id).type == "multi",
    )


def plain_answers(readings: Iterable[BoxReading], is_multi: Callable[[str], bool]) -> ReadAnswers:
    """Answers by box item for any sheet; ``is_multi`` says which items take every tick."""
    by_item: dict[str, list[BoxReading]] = {}
    for reading in readings:
        by_item.setdefault(reading.box.item, []).append(reading)
    answers: dict[str, Any] = {}
    doubtful: list[str] = []
    for item_id, boxes in by_item.items():
        ticked = [r.box.value for r in boxes if r.state == TICKED]
        unsure = any(r.state == UNCERTAIN for r in boxes)
        if is_multi(item_id):
            if ticked:
                answers[item_id] = ticked
            if unsure:
                doubtful.append(item_id)
            continue
        if len(ticked) == 1:
            answers[item_id] = ticked[0]
        if unsure or len(ticked) > 1:
            doubtful.append(item_id)
    return ReadAnswers(answers, tuple(doubtful))
