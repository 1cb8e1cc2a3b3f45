"""Core tables: the installation, the community, households, people, accounts and the logs.

Register (养老服务基础底册) rows are synced (``SyncMixin``); accounts, settings and the audit log
stay on this machine.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, SyncMixin, UTCDateTime, new_id, utcnow


class Site(Base):
    """One installation (a laptop, or the district hub). Local: never synced as a record."""

    __tablename__ = "site"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    community_id: Mapped[str | None] = mapped_column(String(36), default=None)
    is_local: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SiteSequence(Base):
    """The last change-event seq used per site; incremented in the writing transaction."""

    __tablename__ = "site_sequence"

    site_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0, nullable=False)


class Setting(Base):
    """Local key/value configuration (idle lock minutes, saved mappings, language ...)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)


class Community(SyncMixin, Base):
    """A community (社区/村): GB/T 2260 district code, town or street, and its name.

    ``code`` is its 12-digit 统计用区划代码 (county 6 + street 3 + community 3,
    ``domain.community_code``); sites set up before it existed have ``None`` until an
    administrator completes it once (``afc community complete-code``). ``street_code`` holds the
    9-digit street code when the reference data lists the street, else ``None`` (a typed,
    unlisted street).
    """

    __tablename__ = "community"

    district_code: Mapped[str] = mapped_column(String(6))
    district_name: Mapped[str] = mapped_column(String(50), default="")
    street_code: Mapped[str | None] = mapped_column(String(12), default=None)
    street_name: Mapped[str] = mapped_column(String(100), default="")
    name: Mapped[str] = mapped_column(String(100))
    is_pilot: Mapped[bool] = mapped_column(Boolean, default=False)
    code: Mapped[str | None] = mapped_column(String(12), default=None)  # 统计用区划代码


class Household(SyncMixin, Base):
    """A household (户) and its address: 小区/楼栋/单元/室 in towns, 自然村/组/门牌 in villages."""

    __tablename__ = "household"

    community_id: Mapped[str | None] = mapped_column(ForeignKey("community.id"), default=None)
    kind: Mapped[str] = mapped_column(String(10), default="urban")  # urban | rural
    estate: Mapped[str] = mapped_column(String(100), default="")  # 小区 or 自然村
    building: Mapped[str] = mapped_column(String(50), default="")  # 楼栋 or 组
    unit: Mapped[str] = mapped_column(String(50), default="")  # 单元
    room: Mapped[str] = mapped_column(String(50), default="")  # 室 or 门牌
    address_text: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index(None, "community_id", "estate"),)


class Person(SyncMixin, Base):
    """A resident in the register: an elder or a family member (``is_elder``).

    ``categories`` holds the explicit category codes (独居, 空巢 …, see ``domain.people``);
    age-derived ones (高龄) are computed, never stored. ``search_text`` and the pinyin columns are
    local, derived by the store on every write.
    """

    __tablename__ = "person"
    __local_columns__ = ("search_text", "pinyin_full", "pinyin_initials", "category_flags")

    community_id: Mapped[str | None] = mapped_column(ForeignKey("community.id"), default=None)
    household_id: Mapped[str | None] = mapped_column(ForeignKey("household.id"), default=None)
    relation_to_head: Mapped[str] = mapped_column(String(30), default="")
    is_elder: Mapped[bool] = mapped_column(Boolean, default=True)
    name: Mapped[str] = mapped_column(String(50))
    id_number: Mapped[str | None] = mapped_column(String(18), default=None)
    sex: Mapped[str | None] = mapped_column(String(1), default=None)  # M | F
    birth_date: Mapped[date | None] = mapped_column(Date, default=None)
    phone: Mapped[str] = mapped_column(String(30), default="")
    living_arrangement: Mapped[str] = mapped_column(String(30), default="")
    categories: Mapped[list[Any]] = mapped_column(JSON, default=list)
    emergency_contacts: Mapped[list[Any]] = mapped_column(JSON, default=list)
    ability_grade: Mapped[str] = mapped_column(String(30), default="")
    ability_assessed_on: Mapped[date | None] = mapped_column(Date, default=None)
    consent: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_date: Mapped[date | None] = mapped_column(Date, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Life on the register (0009): when the person entered it (the ledger's date, else the day
    # of import or entry), when and why they left it (a removal also sets ``deleted``), and
    # when they were told how their information is used (告知书).
    registered_on: Mapped[date | None] = mapped_column(Date, default=None)
    removed_on: Mapped[date | None] = mapped_column(Date, default=None)
    removal_reason: Mapped[str] = mapped_column(String(20), default="")
    removal_note: Mapped[str] = mapped_column(String(200), default="")
    informed_on: Mapped[date | None] = mapped_column(Date, default=None)
    # Moves within the district (0014, docs/district-moves.md): the receiving community's
    # 12-digit code when removed for 迁往本区其他社区, and the transfer a record was accepted by.
    moved_to: Mapped[str] = mapped_column(String(12), default="")
    transferred_from: Mapped[str | None] = mapped_column(String(36), default=None)
    # Local, derived columns (not synced).
    search_text: Mapped[str] = mapped_column(Text, default="")
    pinyin_full: Mapped[str] = mapped_column(String(200), default="")
    pinyin_initials: Mapped[str] = mapped_column(String(50), default="")
    category_flags: Mapped[str] = mapped_column(String(300), default="")

    __table_args__ = (
        Index(None, "id_number"),
        Index(None, "name"),
        Index(None, "pinyin_initials"),
        Index(None, "pinyin_full"),
        Index(None, "birth_date"),
        Index(None, "household_id"),
        Index(None, "phone"),
        Index(None, "registered_on"),
        Index(None, "moved_to"),  # the hub finds the moves of a bundle by range (> '')
        Index(None, "transferred_from"),
        Index("ix_person_register_order", "pinyin_full", "id", "deleted", "is_elder"),
        # covers what the due list reads of every elder (services/visits/due_query.py), so it
        # scans this narrow index instead of the wide person rows
        Index(
            "ix_person_due",
            "is_elder",
            "deleted",
            "id",
            "name",
            "phone",
            "household_id",
            "category_flags",
            "birth_date",
            "created_at",
        ),  # fmt: skip
        # the district counts one community's people (district/figures.py)
        Index(None, "origin_site"),
    )


class User(Base):
    """A local account. Roles: ``worker`` (社工) and ``admin`` (管理员). Passwords: argon2 hashes."""

    __tablename__ = "user_account"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(10), default="worker")
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)


class AuditEvent(Base):
    """One user action (login, import, export, backup, a register edit …) with who and when."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    user_id: Mapped[str | None] = mapped_column(String(36), default=None)
    user_name: Mapped[str] = mapped_column(String(50), default="")
    action: Mapped[str] = mapped_column(String(50))
    target_table: Mapped[str] = mapped_column(String(50), default="")
    target_id: Mapped[str] = mapped_column(String(36), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ChangeEvent(Base):
    """An immutable change-log entry (docs/design.md §3). Exported events are never edited.

    Holds both this site's events and events received from other sites (``site_id`` tells which).
    """

    __tablename__ = "change_event"

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    site_id: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(Integer)
    table_name: Mapped[str] = mapped_column(String(50))
    record_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(10))  # upsert | delete
    base_rev: Mapped[str | None] = mapped_column(String(36), default=None)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str | None] = mapped_column(String(36), default=None)
    actor_name: Mapped[str] = mapped_column(String(50), default="")

    __table_args__ = (
        UniqueConstraint("site_id", "seq"),
        Index(None, "table_name", "record_id"),
        # "who changed since" (store/history.py): a range on ``at`` within one table
        Index(None, "table_name", "at"),
    )
