"""Pictures as a phone makes them: big, turned by an EXIF tag, with a GPS position."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

import pytest
from PIL import Image, ImageDraw

from afc_desktop.services.context import AppContext
from afc_desktop.services.register import PersonInput, register_person
from tests.daily.conftest import id_number

GPS = {1: "N", 2: (31.0, 18.0, 7.5), 3: "E", 4: (120.0, 37.0, 1.0)}


def phone_photo(width: int = 4000, height: int = 3000, orientation: int = 6) -> bytes:
    """A landscape sensor picture the phone says to turn 90° (held upright), with GPS."""
    image = Image.new("RGB", (width, height), (235, 235, 225))
    draw = ImageDraw.Draw(image)
    # a dark bar along the sensor's top edge: after turning it must be on the right side
    draw.rectangle((0, 0, width, height // 10), fill=(20, 20, 20))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x8825] = GPS
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


@pytest.fixture
def photo() -> Callable[..., bytes]:
    return phone_photo


@pytest.fixture
def elder(ctx: AppContext) -> str:
    person = register_person(
        ctx,
        PersonInput(name="张秀英", id_number=id_number(date(1940, 3, 1))),
        confirm_duplicate=True,
    )
    return person.id
