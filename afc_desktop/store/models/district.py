"""The district's roster (区级社区花名册): communities, enrolment files and bound site keys.

Only the district hub fills these tables (Enrolment v2, docs/sync-bundle-format.md); they are
not synced. The roster is meant to grow: the district desk adds its own columns and tables
keyed by ``district_community.code``.

- ``district_community``: one row per community the district accepts bundles from, by its
  12-digit 统计用区划代码, with name, street and the pilot flag (试点).
- ``district_enrolment``: one row per enrolment file handed out; holds the one-time secret
  until a site proves it (``used``) or the district withdraws the file (``withdrawn``), after
  which the secret is gone (burnt).
- ``district_site_key``: the site keys bound to a community; only these write for it. A
  revoked key stays listed with the time and reason.
- ``district_figure_cache``: one community's per-person figures (register, month visit rate,
  overdue) for one report scope, with the data version they were computed from
  (``district/figure_cache.py``); a derived table, safe to empty at any time.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime, utcnow

ENROLMENT_STATES = ("issued", "used", "withdrawn")


class DistrictCommunity(Base):
    """A community on the district's roster (花名册)."""

    __tablename__ = "district_community"

    code: Mapped[str] = mapped_column(String(12), primary_key=True)  # 统计用区划代码
    name: Mapped[str] = mapped_column(String(100))
    street: Mapped[str] = mapped_column(String(100), default="")
    pilot: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class DistrictEnrolment(Base):
    """One enrolment file (入网文件) and the state of its one-time secret."""

    __tablename__ = "district_enrolment"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("district_community.code"))
    secret: Mapped[str | None] = mapped_column(String(64), default=None)  # base64; None = burnt
    state: Mapped[str] = mapped_column(String(10), default="issued")  # ENROLMENT_STATES
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    key_id: Mapped[str | None] = mapped_column(String(16), default=None)  # the key it bound
    file_name: Mapped[str] = mapped_column(String(300), default="")

    __table_args__ = (Index(None, "community_code"),)


class DistrictSiteKey(Base):
    """A site key bound to a community of the roster (已绑定的站点密钥)."""

    __tablename__ = "district_site_key"

    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("district_community.code"))
    site_id: Mapped[str] = mapped_column(String(36))
    sign_public: Mapped[str] = mapped_column(String(100))
    enc_public: Mapped[str] = mapped_column(String(100))
    enrolment_id: Mapped[str] = mapped_column(String(36), default="")
    bound_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    revoked_reason: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index(None, "community_code"), Index(None, "site_id"))


class DistrictFigureCache(Base):
    """One community's costly figures for one report scope (统计缓存), valid while ``version``
    (its sites' applied bundles, the hub's own writes) is unchanged."""

    __tablename__ = "district_figure_cache"

    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    scope: Mapped[str] = mapped_column(String(80), primary_key=True)  # month, day, as of
    version: Mapped[str] = mapped_column(Text)
    figures: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    as_of: Mapped[date] = mapped_column(Date)  # the hub's local day it was computed on
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
