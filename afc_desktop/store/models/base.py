"""Declarative base and the sync columns every synced table carries (docs/design.md §2)."""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, MetaData, String, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ...clock import process_clock

# Where a connection (and a session) carries its database's clock.
CLOCK_KEY = "afc_clock"

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A fresh record id (UUID4 text), made where the record is born."""
    return str(uuid.uuid4())


def new_ids(count: int) -> list[str]:
    """``count`` fresh record ids, each exactly what :func:`new_id` makes (random UUID4 text),
    from one read of the system's random source instead of one per id (bulk loads)."""
    raw = bytearray(os.urandom(16 * count))
    raw[6::16] = bytes(b & 0x0F | 0x40 for b in raw[6::16])  # version 4
    raw[8::16] = bytes(b & 0x3F | 0x80 for b in raw[8::16])  # RFC 4122 variant
    text = raw.hex()
    return [
        f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
        for h in (text[i : i + 32] for i in range(0, len(text), 32))
    ]


def utcnow(context: Any = None) -> datetime:
    """Now, in UTC, timezone-aware, from the database's clock (``afc_desktop.clock``).

    Used as a column default: SQLAlchemy passes its execution context, whose connection carries
    the clock of the ``Database`` that opened it. Without one, the process clock answers.
    """
    clock = None
    if context is not None:
        try:
            clock = context.connection.info.get(CLOCK_KEY)
        except AttributeError:
            clock = None
    return (clock or process_clock()).now()


class UTCDateTime(TypeDecorator[datetime]):
    """A datetime stored as UTC and always read back timezone-aware.

    SQLite keeps no timezone; without this, values written aware come back naive.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON, datetime: UTCDateTime}


class SyncMixin:
    """Columns of a synced table. A model inheriting this is recorded in the change log.

    ``rev`` is the event id of the change that produced the current version; the store sets it.
    Rows are never deleted physically: ``deleted`` is the tombstone.
    """

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    rev: Mapped[str | None] = mapped_column(String(36), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    origin_site: Mapped[str | None] = mapped_column(String(36), default=None)

    # Columns kept locally (derived or bookkeeping) and never sent in change events.
    __local_columns__: tuple[str, ...] = ()


SYNC_BOOKKEEPING = ("rev", "created_at", "updated_at")
