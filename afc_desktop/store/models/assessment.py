"""Assessments (评估记录): one filled form of ``forms/*.yaml`` for one person.

Synced table. ``form_id`` + ``form_version`` name the definition the answers belong to, so an
old sheet stays readable after the form gets a new version. ``scores`` is the full scoring
result (``ScoreResult.to_dict``); ``total``, the grades and ``adjustments`` are copied out of it
for lists and statistics.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, SyncMixin


class Assessment(SyncMixin, Base):
    """A saved assessment sheet; ``status`` is "draft" until finalized ("final")."""

    __tablename__ = "assessment"

    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"))
    form_id: Mapped[str] = mapped_column(String(80))
    form_version: Mapped[int] = mapped_column(Integer)
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    scores: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    total: Mapped[int | None] = mapped_column(Integer, default=None)
    preliminary_grade: Mapped[str] = mapped_column(String(30), default="")
    final_grade: Mapped[str] = mapped_column(String(30), default="")
    adjustments: Mapped[list[Any]] = mapped_column(JSON, default=list)
    assessors: Mapped[list[Any]] = mapped_column(JSON, default=list)
    assessed_on: Mapped[date | None] = mapped_column(Date, default=None)
    status: Mapped[str] = mapped_column(String(10), default="draft")

    __table_args__ = (
        Index(None, "person_id"),
        Index(None, "assessed_on"),
        Index(None, "form_id", "status"),
    )
