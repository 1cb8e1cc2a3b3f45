"""Sync bookkeeping (同步状态): keys of other parties, held events, conflicts, acknowledgements.

Received events that are applied go into the shared ``change_event`` table beside local ones;
the tables here hold what is *about* sync: who may send to us, what waits for a gap to fill,
which concurrent edits a person must look at, what the district has acknowledged, and a log of
every bundle in and out. None of them is synced itself.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime, utcnow


class SyncPeer(Base):
    """A party whose public keys we hold: the district (区级), a site (站点) or a paired laptop."""

    __tablename__ = "sync_peer"

    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    role: Mapped[str] = mapped_column(String(10))  # district | site | peer
    site_id: Mapped[str | None] = mapped_column(String(36), default=None)
    code: Mapped[str] = mapped_column(String(20), default="")  # district or community code
    name: Mapped[str] = mapped_column(String(100), default="")
    sign_public: Mapped[str] = mapped_column(String(100))  # base64 raw Ed25519
    enc_public: Mapped[str] = mapped_column(String(100))  # base64 raw X25519
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # at a community, on the district row (Enrolment v2): the enrolment this site accepted,
    # its proof for the district, and the 12-digit community code the district enrolled
    enrolment_id: Mapped[str | None] = mapped_column(String(36), default=None)
    enrolment_proof: Mapped[str | None] = mapped_column(String(64), default=None)
    community_code: Mapped[str | None] = mapped_column(String(12), default=None)


class SyncSiteState(Base):
    """What we have received from one sending site: contiguous seq, last bundle, its hash."""

    __tablename__ = "sync_site_state"

    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    community_code: Mapped[str] = mapped_column(String(20), default="")
    key_id: Mapped[str] = mapped_column(String(16), default="")
    contiguous_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_bundle_id: Mapped[str | None] = mapped_column(String(36), default=None)
    last_bundle_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    reported_state_hash: Mapped[str | None] = mapped_column(String(64), default=None)
    # the sender's own last seq when it computed ``reported_state_hash``: only a newer report
    # replaces it, so a replayed or out-of-order bundle never brings back an older state
    reported_state_seq: Mapped[int | None] = mapped_column(Integer, default=None)


class SyncPendingEvent(Base):
    """An event held because earlier seqs of its site are missing (待补齐的变更)."""

    __tablename__ = "sync_pending_event"

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    site_id: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(Integer)
    table_name: Mapped[str] = mapped_column(String(50))
    record_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(10))
    base_rev: Mapped[str | None] = mapped_column(String(36), default=None)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str | None] = mapped_column(String(36), default=None)
    actor_name: Mapped[str] = mapped_column(String(50), default="")
    bundle_id: Mapped[str] = mapped_column(String(36), default="")

    __table_args__ = (UniqueConstraint("site_id", "seq"),)


class SyncUnmaterialized(Base):
    """A record whose events are stored but whose row could not be written yet (e.g. its
    household has not arrived); retried after every bundle."""

    __tablename__ = "sync_unmaterialized"

    table_name: Mapped[str] = mapped_column(String(50), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    reason: Mapped[str] = mapped_column(Text, default="")


class SyncConflict(Base):
    """Two concurrent edits of the same field (or an edit of a deleted record): 同步冲突.

    The deterministic winner is already applied; a person reviews and resolves it.
    """

    __tablename__ = "sync_conflict"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(50))
    record_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(50))
    kind: Mapped[str] = mapped_column(String(20))  # field | deleted
    event_a: Mapped[str] = mapped_column(String(36))
    event_b: Mapped[str] = mapped_column(String(36))
    site_a: Mapped[str] = mapped_column(String(36))
    site_b: Mapped[str] = mapped_column(String(36))
    value_a: Mapped[Any] = mapped_column(JSON, nullable=True)
    value_b: Mapped[Any] = mapped_column(JSON, nullable=True)
    winner_event: Mapped[str] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | resolved
    resolution: Mapped[str] = mapped_column(Text, default="")
    resolved_by: Mapped[str | None] = mapped_column(String(50), default=None)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (Index(None, "table_name", "record_id"), Index(None, "status"))


class SyncAck(Base):
    """Highest seq of ``site_id`` that the party ``peer_key_id`` has acknowledged (已确认)."""

    __tablename__ = "sync_ack"

    peer_key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)
    receipt_bundle_id: Mapped[str | None] = mapped_column(String(36), default=None)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SyncBundleLog(Base):
    """Every bundle written or imported, with its outcome (同步记录)."""

    __tablename__ = "sync_bundle_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    bundle_id: Mapped[str] = mapped_column(String(36))
    direction: Mapped[str] = mapped_column(String(3))  # in | out
    kind: Mapped[str] = mapped_column(String(10))
    peer_key_id: Mapped[str] = mapped_column(String(16), default="")
    site_id: Mapped[str] = mapped_column(String(36), default="")
    community_code: Mapped[str] = mapped_column(String(20), default="")
    file_name: Mapped[str] = mapped_column(String(300), default="")
    records: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str] = mapped_column(String(20), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (Index(None, "bundle_id"), Index(None, "direction", "at"))


class SyncDuplicateFlag(Base):
    """An ID number the district found registered in more than one community (跨社区重复)."""

    __tablename__ = "sync_duplicate_flag"

    id_number: Mapped[str] = mapped_column(String(18), primary_key=True)
    communities: Mapped[list[Any]] = mapped_column(JSON, default=list)
    flagged_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    cleared: Mapped[bool] = mapped_column(Boolean, default=False)
