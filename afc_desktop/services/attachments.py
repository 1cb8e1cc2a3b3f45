"""Attachments (照片/附件): photos and scanned sheets kept with a person or one of their records.

``add_attachment`` prepares the picture (``attachments/images.py``: orientation applied,
downscaled, re-encoded, metadata and GPS dropped), stores it by content hash in the data
directory (``attachments/blobs.py``) and writes its row in one transaction through the change
log. The file is written first: when the disk is full nothing is recorded; when the row cannot
be written, the file is an unreferenced copy that costs space but loses nothing.

An attachment whose row came from another computer but whose picture has not arrived yet is
**pending** (等待同步): it is listed, with no thumbnail, until a bundle brings the picture.
Removing an attachment is a tombstone like any record; the file stays (another row may share it).
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..attachments import images
from ..attachments.blobs import BlobError, BlobStore
from ..outfiles import check_output_file
from ..store.models import Person
from ..store.models.assessment import Assessment
from ..store.models.attachment import Attachment
from ..store.models.daily import Visit
from ..store.models.household_visit import HouseholdVisit
from . import audit
from .context import AppContext, ServiceError

OWNER_KINDS: tuple[tuple[str, str], ...] = (
    ("person", "人员"),
    ("visit", "探访记录"),
    ("household_visit", "入户家访"),
    ("assessment", "评估或改造记录"),
)
ROLES: tuple[tuple[str, str], ...] = (
    ("photo", "照片"),
    ("before", "改造前"),
    ("after", "改造后"),
    ("signed", "签字表"),
    ("scan", "扫描件"),
)
ROLE_LABELS = dict(ROLES)
OWNER_LABELS = dict(OWNER_KINDS)
MAX_CAPTION = 200


@dataclass(frozen=True)
class AttachmentView:
    """One attachment as lists, the CLI and printed pages show it."""

    id: str
    sha256: str
    owner_kind: str
    owner_id: str
    person_id: str | None
    household_id: str | None
    role: str
    role_label: str
    caption: str
    width: int
    height: int
    size: int
    added_by: str
    created_at: datetime | None
    available: bool  # False: the picture has not reached this computer yet (等待同步)


def blob_store(ctx: AppContext) -> BlobStore:
    """The picture store of this data directory (sealed when the database is encrypted)."""
    return BlobStore(ctx.data_dir.root / "attachments", ctx.db.key)


def _owner(s: Session, kind: str, owner_id: str) -> tuple[str | None, str | None]:
    """(person_id, household_id) of a live owner record; a plain refusal otherwise."""
    missing = ServiceError(f"找不到要附加照片的{OWNER_LABELS.get(kind, '记录')}", field="owner")
    if kind == "person":
        person = s.get(Person, owner_id)
        if person is None or person.deleted:
            raise missing
        return person.id, person.household_id
    if kind == "visit":
        visit = s.get(Visit, owner_id)
        if visit is None or visit.deleted:
            raise missing
        return visit.person_id, visit.household_id
    if kind == "household_visit":
        hv = s.get(HouseholdVisit, owner_id)
        if hv is None or hv.deleted:
            raise missing
        return None, hv.household_id
    if kind == "assessment":
        row = s.get(Assessment, owner_id)
        if row is None or row.deleted:
            raise missing
        person = s.get(Person, row.person_id)
        return row.person_id, person.household_id if person else None
    raise ServiceError("照片只能附加到人员、探访、入户家访或评估记录", field="owner_kind")


def _view(row: Attachment, store: BlobStore) -> AttachmentView:
    return AttachmentView(
        id=row.id,
        sha256=row.sha256,
        owner_kind=row.owner_kind,
        owner_id=row.owner_id,
        person_id=row.person_id,
        household_id=row.household_id,
        role=row.role,
        role_label=ROLE_LABELS.get(row.role, row.role),
        caption=row.caption,
        width=row.width,
        height=row.height,
        size=row.size,
        added_by=row.added_by,
        created_at=row.created_at,
        available=store.has(row.sha256),
    )


def add_attachment(
    ctx: AppContext,
    owner_kind: str,
    owner_id: str,
    source: Path | str | bytes | images.Prepared,
    *,
    role: str = "photo",
    caption: str = "",
) -> AttachmentView:
    """Attach the picture ``source`` (a file path, its bytes, or a picture already prepared by
    ``attachments.images``) to a person or a record."""
    ctx.require_user()
    if role not in ROLE_LABELS:
        raise ServiceError("照片用途只能是照片、改造前、改造后、签字表或扫描件", field="role")
    caption = " ".join(caption.split())
    if len(caption) > MAX_CAPTION:
        raise ServiceError(f"照片说明太长（最多{MAX_CAPTION}个字）", field="caption")
    with ctx.session() as s:
        _owner(s, owner_kind, owner_id)  # refuse before the slow work
    if isinstance(source, images.Prepared):
        prepared = source
    else:
        try:
            prepared = images.prepare(_read_source(source))
        except images.ImageRefused as exc:
            raise ServiceError(exc.message, field="file") from None
    store = blob_store(ctx)
    try:
        sha = store.put(prepared.data)
    except OSError as exc:
        why = "磁盘已满，请腾出空间后再试" if exc.errno == errno.ENOSPC else "数据目录无法写入"
        raise ServiceError(f"照片未能保存：{why}（记录没有改动）", field="file") from None
    with ctx.session() as s:
        person_id, household_id = _owner(s, owner_kind, owner_id)
        row = Attachment(
            sha256=sha,
            owner_kind=owner_kind,
            owner_id=owner_id,
            person_id=person_id,
            household_id=household_id,
            role=role,
            caption=caption,
            media_type=images.MEDIA_TYPE,
            width=prepared.width,
            height=prepared.height,
            size=len(prepared.data),
            added_by=ctx.actor_name[:50],
        )
        s.add(row)
        s.flush()
        audit.record(s, ctx, "add_attachment", target_table="attachment", target_id=row.id)
        return _view(row, store)


def _read_source(source: Path | str | bytes) -> bytes:
    if isinstance(source, bytes):
        return source
    path = Path(source)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ServiceError(f"找不到文件：{path.name}", field="file") from None
    except OSError:
        raise ServiceError(f"无法读取文件：{path.name}", field="file") from None
    if path.is_dir():
        raise ServiceError(f"{path.name} 是文件夹，请选择一张照片", field="file")
    if size > images.MAX_INPUT_BYTES:
        mb = images.MAX_INPUT_BYTES // (1024 * 1024)
        raise ServiceError(f"文件 {path.name} 太大（最多 {mb} MB）：请换一张照片", field="file")
    try:
        return path.read_bytes()
    except OSError:
        raise ServiceError(f"无法读取文件：{path.name}", field="file") from None


def list_attachments(
    ctx: AppContext,
    *,
    person_id: str | None = None,
    owner_kind: str | None = None,
    owner_id: str | None = None,
) -> list[AttachmentView]:
    """Live attachments of a person (all their records) or of one record, oldest first."""
    store = blob_store(ctx)
    with ctx.session() as s:
        stmt = select(Attachment).where(Attachment.deleted.is_(False))
        if person_id:
            stmt = stmt.where(Attachment.person_id == person_id)
        if owner_kind:
            stmt = stmt.where(Attachment.owner_kind == owner_kind)
        if owner_id:
            stmt = stmt.where(Attachment.owner_id == owner_id)
        rows = s.scalars(stmt.order_by(Attachment.created_at, Attachment.id)).all()
        return [_view(r, store) for r in rows]


def _live(s: Session, attachment_id: str) -> Attachment:
    row = s.get(Attachment, attachment_id)
    if row is None or row.deleted:
        raise ServiceError("找不到该照片（可能已删除）", field="attachment_id")
    return row


def get_attachment(ctx: AppContext, attachment_id: str) -> AttachmentView:
    """One live attachment."""
    with ctx.session() as s:
        return _view(_live(s, attachment_id), blob_store(ctx))


def picture(ctx: AppContext, attachment_id: str) -> bytes:
    """The stored JPEG of an attachment (checked against its hash)."""
    view = get_attachment(ctx, attachment_id)
    try:
        return blob_store(ctx).get(view.sha256)
    except BlobError as exc:
        raise ServiceError(exc.message, field="attachment_id") from None


def thumbnail(ctx: AppContext, attachment_id: str) -> bytes | None:
    """A small JPEG for lists; None while the picture is pending or unreadable."""
    try:
        return images.thumbnail(picture(ctx, attachment_id))
    except ServiceError:
        return None


def export_attachment(ctx: AppContext, attachment_id: str, out: Path | str) -> Path:
    """Write an attachment's picture to ``out`` (a .jpg file)."""
    target = check_output_file(out)
    data = picture(ctx, attachment_id)
    from ..sync.fsio import atomic_write_bytes

    atomic_write_bytes(target, data)
    return target


def remove_attachment(ctx: AppContext, attachment_id: str) -> None:
    """Remove an attachment (a tombstone that syncs like any removal)."""
    ctx.require_user()
    with ctx.session() as s:
        row = _live(s, attachment_id)
        row.deleted = True
        audit.record(s, ctx, "remove_attachment", target_table="attachment", target_id=row.id)


def update_caption(ctx: AppContext, attachment_id: str, caption: str, role: str) -> None:
    """Change what an attachment is called and what it shows."""
    ctx.require_user()
    caption = " ".join(caption.split())
    if len(caption) > MAX_CAPTION:
        raise ServiceError(f"照片说明太长（最多{MAX_CAPTION}个字）", field="caption")
    if role not in ROLE_LABELS:
        raise ServiceError("照片用途只能是照片、改造前、改造后、签字表或扫描件", field="role")
    with ctx.session() as s:
        row = _live(s, attachment_id)
        row.caption, row.role = caption, role


PRINT_ORDER = ("before", "after", "signed", "photo")


def printed_pictures(
    ctx: AppContext,
    owner_kind: str | None = None,
    owner_id: str | None = None,
    *,
    person_id: str | None = None,
    lazy: bool = False,
) -> list[Any]:
    """A record's photos as printed pages show them (改造前 before 改造后; scans left out: the
    printed record is the sheet they were scanned from). Pending pictures print as a box.
    With ``person_id`` alone: every photo of the person and their records (人员信息表).
    ``lazy``: each picture is read only when drawn (batches: memory stays at one picture)."""
    from ..printing.pictures import PrintedPicture

    views = [
        v
        for v in list_attachments(
            ctx, person_id=person_id, owner_kind=owner_kind, owner_id=owner_id
        )
        if v.role in PRINT_ORDER
    ]
    views.sort(key=lambda v: PRINT_ORDER.index(v.role))
    store = blob_store(ctx)
    out = []
    for v in views:
        caption = v.role_label + (f"：{v.caption}" if v.caption else "")
        load = partial(_printed_bytes, store, v.sha256)
        data = None if lazy else load()
        out.append(PrintedPicture(caption, data, v.width, v.height, load if lazy else None))
    return out


def _printed_bytes(store: BlobStore, sha: str) -> bytes | None:
    try:
        return store.get(sha)
    except BlobError:
        return None  # pending: printed as a box saying so
