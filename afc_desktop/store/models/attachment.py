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

from datetime import datetime

from sqlalchemy import Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, SyncMixin, UTCDateTime, utcnow


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


class AttachmentDelivery(Base):
    """A picture written into a bundle for a peer (local bookkeeping, not synced).

    The export leaves out pictures already delivered to that peer, so a large set spreads over
    several bundles within the size budget; ``afc sync export --resend-pictures`` forgets the
    deliveries to a peer (after a bundle was lost on the way).
    """

    __tablename__ = "attachment_delivery"

    peer_key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    bundle_id: Mapped[str] = mapped_column(String(36))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AttachmentBlob(Base):
    """A picture kept in the database (the district hub's store; laptops keep files)."""

    __tablename__ = "attachment_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    bundle_id: Mapped[str] = mapped_column(String(36), default="")
