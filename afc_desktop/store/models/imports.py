"""Import receipts (导入记录): one row per committed spreadsheet import.

Local bookkeeping, not synced: the people it wrote are in the change log already. The receipt
says which file (name and SHA-256, so the same ledger imported twice is recognisable), how many
rows did what, who imported it and when, and which backup was made just before.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime, new_id, utcnow


class ImportReceipt(Base):
    """A committed import of a ledger file into the register."""

    __tablename__ = "import_receipt"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    file_name: Mapped[str] = mapped_column(String(260))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    sheet: Mapped[str] = mapped_column(String(100), default="")
    mapping: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    valid_only: Mapped[bool] = mapped_column(Boolean, default=False)
    rows_new: Mapped[int] = mapped_column(Integer, default=0)
    rows_updated: Mapped[int] = mapped_column(Integer, default=0)
    rows_unchanged: Mapped[int] = mapped_column(Integer, default=0)
    rows_duplicate: Mapped[int] = mapped_column(Integer, default=0)
    rows_error: Mapped[int] = mapped_column(Integer, default=0)
    user_id: Mapped[str | None] = mapped_column(String(36), default=None)
    user_name: Mapped[str] = mapped_column(String(50), default="")
    backup_file: Mapped[str] = mapped_column(String(260), default="")
