"""Attachments (照片/附件): a photo or a scanned sheet kept with a record.

Synced table: the row (what the picture is, whose record it belongs to, its content hash) goes
through the change log like any record; the picture itself is a file in the data directory named
by its SHA-256 (``afc_desktop/attachments/blobs.py``) and travels in the attachment section of a
sync bundle. Removing an attachment is a tombstone (``deleted``) like any record.

``owner_kind`` is ``person``, ``visit``, ``household_visit`` or ``assessment`` (an ability
assessment or a 适老化改造 checklist); ``role`` says what the picture shows (``photo`` 照片,
``before`` 改造前, ``after`` 改造后, ``signed`` 签字表, ``scan`` 扫描件).
"""

from __future__ import annotations

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, SyncMixin


class Attachment(SyncMixin, Base):
    """One stored picture attached to a person or one of their records."""

    __tablename__ = "attachment"

    sha256: Mapped[str] = mapped_column(String(64))
    owner_kind: Mapped[str] = mapped_column(String(20))
    owner_id: Mapped[str] = mapped_column(String(36))
    person_id: Mapped[str | None] = mapped_column(String(36), default=None)
    household_id: Mapped[str | None] = mapped_column(String(36), default=None)
    role: Mapped[str] = mapped_column(String(10), default="photo")
    caption: Mapped[str] = mapped_column(String(200), default="")
    media_type: Mapped[str] = mapped_column(String(30), default="image/jpeg")
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)
    size: Mapped[int] = mapped_column(Integer, default=0)
    added_by: Mapped[str] = mapped_column(String(50), default="")

    __table_args__ = (
        Index(None, "owner_kind", "owner_id"),
        Index(None, "person_id"),
        Index(None, "sha256"),
    )
