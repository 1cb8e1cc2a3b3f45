"""Attachments (照片/附件): stored small, upright, without location; bad input loses nothing."""

from __future__ import annotations

import errno
import io
import json
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from afc_desktop.attachments import images
from afc_desktop.attachments.blobs import BlobStore, sha256_hex
from afc_desktop.cli import main
from afc_desktop.services import attachments as att
from afc_desktop.services.context import AppContext, ServiceError
from afc_desktop.store.models import ChangeEvent
from afc_desktop.store.models.attachment import Attachment

from .conftest import phone_photo


def _files(ctx: AppContext) -> list[Path]:
    root = ctx.data_dir.root / "attachments"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_a_phone_photo_is_stored_upright_small_and_without_gps(ctx, elder):
    view = att.add_attachment(ctx, "person", elder, phone_photo(), role="before", caption="卫生间")
    assert (view.width, view.height) == (1200, 1600)  # turned upright, long side 1600
    stored = att.picture(ctx, view.id)
    assert sha256_hex(stored) == view.sha256 and view.size == len(stored)
    image = Image.open(io.BytesIO(stored))
    assert image.format == "JPEG" and "exif" not in image.info
    assert not image.getexif() and b"GPS" not in stored and b"Exif" not in stored
    # the sensor's dark top edge is on the right once the EXIF turn is applied
    assert image.getpixel((1150, 800))[0] < 60 and image.getpixel((50, 800))[0] > 200
    assert len(stored) < 400_000
    assert [a.id for a in att.list_attachments(ctx, person_id=elder)] == [view.id]


def test_the_row_goes_through_the_change_log_and_removal_is_a_tombstone(ctx, elder):
    view = att.add_attachment(ctx, "person", elder, phone_photo(800, 600, 1))
    att.remove_attachment(ctx, view.id)
    with ctx.session() as s:
        ops = s.scalars(
            select(ChangeEvent.op)
            .where(ChangeEvent.table_name == "attachment")
            .order_by(ChangeEvent.seq)
        ).all()
        row = s.get(Attachment, view.id)
        assert row is not None and row.deleted
    assert ops == ["upsert", "delete"]
    assert att.list_attachments(ctx, person_id=elder) == []


def test_the_picture_file_is_sealed_when_the_database_is_encrypted(ctx, elder):
    view = att.add_attachment(ctx, "person", elder, phone_photo(800, 600, 1))
    (path,) = _files(ctx)
    assert path.name == f"{view.sha256}.jpg"
    body = path.read_bytes()
    if ctx.db.key is not None:
        assert body[:4] == b"AFA1" and b"\xff\xd8\xff" not in body[:64]
        assert BlobStore(path.parents[1]).has(view.sha256)
        with pytest.raises(Exception, match="加密"):
            BlobStore(path.parents[1]).get(view.sha256)  # without the key: not readable


def test_the_same_picture_twice_is_one_file(ctx, elder):
    data = phone_photo(900, 700, 1)
    a = att.add_attachment(ctx, "person", elder, data)
    b = att.add_attachment(ctx, "person", elder, data, role="signed")
    assert a.sha256 == b.sha256 and a.id != b.id
    assert len(_files(ctx)) == 1


@pytest.mark.parametrize(
    "data, message",
    [
        (b"%PDF-1.4 not a picture", "不是照片"),
        (b"", "空的"),
        (phone_photo(600, 400, 1)[:300], "损坏"),
    ],
)
def test_bad_input_is_one_plain_sentence_and_nothing_is_written(ctx, elder, data, message):
    with pytest.raises(ServiceError, match=message) as info:
        att.add_attachment(ctx, "person", elder, data)
    assert "\n" not in info.value.message and "张秀英" not in info.value.message
    assert att.list_attachments(ctx, person_id=elder) == [] and _files(ctx) == []


def test_a_huge_file_is_refused_before_it_is_read(ctx, elder, tmp_path, monkeypatch):
    monkeypatch.setattr(images, "MAX_INPUT_BYTES", 1024 * 1024)
    big = tmp_path / "big.jpg"
    big.write_bytes(b"\xff\xd8" + b"\0" * (2 * 1024 * 1024))
    with pytest.raises(ServiceError, match="太大"):
        att.add_attachment(ctx, "person", elder, big)
    assert _files(ctx) == []


def test_too_many_pixels_is_refused(ctx, elder, monkeypatch):
    monkeypatch.setattr(images, "MAX_PIXELS", 1000 * 1000)
    with pytest.raises(ServiceError, match="像素过多"):
        att.add_attachment(ctx, "person", elder, phone_photo(1200, 1000, 1))


def test_a_full_disk_records_nothing(ctx, elder, monkeypatch):
    def full(self, data):  # noqa: ANN001, ANN202
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(BlobStore, "put", full)
    with pytest.raises(ServiceError, match="磁盘已满") as info:
        att.add_attachment(ctx, "person", elder, phone_photo(800, 600, 1))
    assert "No space" not in info.value.message
    assert att.list_attachments(ctx, person_id=elder) == []


def test_a_missing_owner_is_refused(ctx):
    with pytest.raises(ServiceError, match="找不到"):
        att.add_attachment(ctx, "visit", "no-such-visit", phone_photo(800, 600, 1))


def test_a_picture_from_elsewhere_is_pending_until_it_arrives(ctx, elder):
    view = att.add_attachment(ctx, "person", elder, phone_photo(800, 600, 1))
    for path in _files(ctx):
        path.unlink()
    (pending,) = att.list_attachments(ctx, person_id=elder)
    assert not pending.available and att.thumbnail(ctx, view.id) is None
    with pytest.raises(ServiceError, match="等待同步"):
        att.picture(ctx, view.id)


def _cli(capsys, root: Path, *args: str):  # noqa: ANN202
    capsys.readouterr()
    status = main(["--data-dir", str(root), *args, "--json"])
    out = capsys.readouterr()
    return status, out


def test_cli_add_list_export(ctx, elder, tmp_path, capsys):
    root = ctx.data_dir.root
    ctx.db.dispose()
    photo = tmp_path / "门口.jpg"
    photo.write_bytes(phone_photo(2000, 1500, 1))
    status, out = _cli(capsys, root, "attach", "add", "--person", elder, str(photo),
                       "--role", "after", "--caption", "扶手装好")  # fmt: skip
    assert status == 0, out.err
    added = json.loads(out.out)
    assert added["role"] == "after" and added["width"] == 1600
    status, out = _cli(capsys, root, "attach", "list", "--person", elder)
    assert status == 0 and [a["id"] for a in json.loads(out.out)] == [added["id"]]
    target = tmp_path / "out.jpg"
    status, out = _cli(capsys, root, "attach", "export", added["id"], str(target))
    assert status == 0 and sha256_hex(target.read_bytes()) == added["sha256"]
    status, out = _cli(capsys, root, "attach", "add", "--person", elder, str(tmp_path))
    assert status != 0 and "文件夹" in out.err and "Traceback" not in out.err
