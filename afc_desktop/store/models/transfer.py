"""Moves within the district (本区内迁移): a person handed from one community to another through
the district hub. Not synced itself: the hub keeps the ledger of moves it saw, a community keeps
the moves addressed to it (its inbox); what travels is the person's ``moved_to`` on the sending
side, the transfer in the hub's receipt, and ``transferred_from`` on the new record.

- At the hub: a row per move a community reported (a person removed for 迁往本区其他社区 with a
  receiving community), ``waiting`` until the receiving community's upload carries the person it
  created from it, then ``accepted``.
- At the receiving community: a row per transfer its receipt brought, ``waiting`` until a worker
  accepts it (接收), then ``accepted`` with the new record's id.
See docs/district-moves.md.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime, utcnow

WAITING, ACCEPTED = "waiting", "accepted"


class PersonTransfer(Base):
    """One move of one person from community ``from_code`` to ``to_code`` (迁移)."""

    __tablename__ = "person_transfer"
    __table_args__ = (Index("ix_person_transfer_to_code_state", "to_code", "state"),)

    # uuid5 of the person record and the removal date: the same move is one transfer wherever
    # it is computed, and a later move of the same person is another
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    person_id: Mapped[str] = mapped_column(String(36))  # the record in the sending community
    from_code: Mapped[str] = mapped_column(String(12))
    from_name: Mapped[str] = mapped_column(String(100), default="")
    to_code: Mapped[str] = mapped_column(String(12))
    removed_on: Mapped[date | None] = mapped_column(Date, default=None)
    state: Mapped[str] = mapped_column(String(10), default=WAITING)
    # at the community: the person and their history as the receipt brought them
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    accepted_person_id: Mapped[str | None] = mapped_column(String(36), default=None)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
