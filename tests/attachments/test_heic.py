"""HEIC/HEIF phone photos (iPhone's default): stored like a JPEG, upright, without location.

The HEIC is written in the test with pillow-heif's encoder (a test dependency), the way a phone
writes it: the sensor's landscape pixels with a rotation box and an EXIF block saying the same
(Orientation 6) plus a GPS position, and an XMP packet naming the place.
"""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image, ImageDraw

from afc_desktop.attachments import images
from afc_desktop.attachments.blobs import sha256_hex
from afc_desktop.services import attachments as att
from afc_desktop.services.context import ServiceError

from .conftest import GPS
from .test_attachments import _cli, _files

pillow_heif = pytest.importorskip("pillow_heif")  # the encoder; the app reads HEIC with pi_heif

XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
    b'syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    b'exif:GPSLatitude="31,18.125N" exif:GPSLongitude="120,37.017E"/></rdf:RDF></x:xmpmeta>'
)


def phone_heic(width: int = 4032, height: int = 3024) -> bytes:
    """A landscape sensor picture the phone says to turn 90° clockwise, with GPS and XMP."""
    image = Image.new("RGB", (width, height), (235, 235, 225))
    # a dark bar along the sensor's top edge: once turned it must be on the right side
    ImageDraw.Draw(image).rectangle((0, 0, width, height // 10), fill=(20, 20, 20))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x8825] = GPS
    out = io.BytesIO()
    pillow_heif.from_pillow(image).save(out, quality=70, exif=exif.tobytes(), xmp=XMP)
    data = out.getvalue()
    assert data[4:12] == b"ftypheic" and b"irot" in data  # a real HEIC with its rotation
    return data


def _check_stored(data: bytes, width: int, height: int) -> None:
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG" and image.size == (width, height)
    assert "exif" not in image.info and "xmp" not in image.info and not image.getexif()
    assert b"GPS" not in data and b"Exif" not in data and b"xmpmeta" not in data
    assert b"31,18" not in data  # the XMP's latitude
    w, h = image.size
    assert image.getpixel((w - 30, h // 2))[0] < 60  # the sensor's top edge, turned to the right
    assert image.getpixel((30, h // 2))[0] > 200


def test_a_heic_photo_is_stored_as_an_upright_jpeg_without_location(ctx, elder):
    data = phone_heic()
    assert images.looks_heif(data)
    view = att.add_attachment(ctx, "person", elder, data, role="before", caption="卫生间")
    assert (view.width, view.height) == (1200, 1600)  # upright (portrait), long side 1600
    stored = att.picture(ctx, view.id)
    assert sha256_hex(stored) == view.sha256 and view.size == len(stored)
    (path,) = _files(ctx)
    assert path.name == f"{view.sha256}.jpg"  # stored by content hash, like a JPEG
    _check_stored(stored, 1200, 1600)


def test_cli_adds_a_heic_file(ctx, elder, tmp_path, capsys):
    root = ctx.data_dir.root
    ctx.db.dispose()
    photo = tmp_path / "IMG_0001.HEIC"
    photo.write_bytes(phone_heic(2000, 1500))
    status, out = _cli(capsys, root, "attach", "add", "--person", elder, str(photo))
    assert status == 0, out.err
    added = json.loads(out.out)
    assert (added["width"], added["height"]) == (1200, 1600)  # turned and downscaled
    target = tmp_path / "out.jpg"
    status, out = _cli(capsys, root, "attach", "export", added["id"], str(target))
    assert status == 0 and sha256_hex(target.read_bytes()) == added["sha256"]
    _check_stored(target.read_bytes(), 1200, 1600)


@pytest.mark.parametrize("kind", ["truncated", "not a picture"])
def test_a_broken_heic_is_one_plain_sentence_and_nothing_is_written(
    ctx, elder, tmp_path, capsys, kind
):
    photo = tmp_path / "IMG_0002.heic"
    if kind == "truncated":
        whole = phone_heic(800, 600)
        photo.write_bytes(whole[: len(whole) // 2])
        expected = "导出为 JPEG"
    else:
        photo.write_bytes("探访记录：老人身体尚好。".encode() * 20)
        expected = "不是照片"
    with pytest.raises(ServiceError, match=expected) as info:
        att.add_attachment(ctx, "person", elder, photo)
    message = info.value.message
    assert "\n" not in message and "Traceback" not in message and "heif" not in message.lower()
    assert att.list_attachments(ctx, person_id=elder) == [] and _files(ctx) == []
    root = ctx.data_dir.root
    ctx.db.dispose()
    status, out = _cli(capsys, root, "attach", "add", "--person", elder, str(photo))
    assert status != 0 and expected in out.err and "Traceback" not in out.err
    assert _files(ctx) == []


def test_without_the_decoder_a_heic_is_refused_with_what_to_do(ctx, elder, monkeypatch):
    data = phone_heic(800, 600)
    # as on a machine whose HEIF plugin is missing: Pillow cannot identify the file
    monkeypatch.delitem(Image.OPEN, "HEIF")
    monkeypatch.setattr(Image, "ID", [f for f in Image.ID if f != "HEIF"])
    with pytest.raises(ServiceError, match="请在手机上把它导出为 JPEG 后再添加"):
        att.add_attachment(ctx, "person", elder, data)
    assert _files(ctx) == []
