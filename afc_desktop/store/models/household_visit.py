"""Household visits (入户家访): one visit to a door, seeing everyone behind it.

A ``HouseholdVisit`` records the date, mode, workers and the general findings once. Each elder
present gets an ordinary :class:`~afc_desktop.store.models.daily.Visit` (linked by
``household_visit_id``) with their own findings, risk flags and needs, so every cadence, rate and
history that counts person visits counts it too. ``members`` lists everyone the visit concerned
and whether they were present (``present`` / ``absent`` / ``not_seen``); while the visit is a
draft it also holds each member's unsaved entries.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, SyncMixin


class HouseholdVisit(SyncMixin, Base):
    """One visit to a household (or to an address, for elders registered without one)."""

    __tablename__ = "household_visit"

    household_id: Mapped[str | None] = mapped_column(String(36), default=None)
    address_text: Mapped[str] = mapped_column(String(300), default="")
    visit_date: Mapped[date] = mapped_column(Date)
    mode: Mapped[str] = mapped_column(String(10), default="home")
    status: Mapped[str] = mapped_column(String(10), default="draft")  # draft | done
    worker_id: Mapped[str | None] = mapped_column(String(36), default=None)
    worker_name: Mapped[str] = mapped_column(String(50), default="")
    companions: Mapped[str] = mapped_column(String(200), default="")
    findings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # general findings
    notes: Mapped[str] = mapped_column(Text, default="")
    members: Mapped[list[Any]] = mapped_column(JSON, default=list)
    started_from: Mapped[str] = mapped_column(String(20), default="")

    __table_args__ = (
        Index(None, "household_id", "visit_date"),
        Index(None, "status", "visit_date"),
    )
