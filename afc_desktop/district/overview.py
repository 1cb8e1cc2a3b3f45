"""The roster view (花名册总览): every community the district expects, and who has not reported.

One row per roster community: its street (marked when the reference data does not list it),
pilot flag, active keys, last bundle and the days since (on the hub's clock, local dates), held
events, open conflicts. A community is **未报送** (silent) when its last bundle is more than
``silent_days`` days old, or when it never sent one. Set-based queries only: a handful of
``GROUP BY`` over the bookkeeping tables, whatever the number of communities.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select

from afc_desktop.district import figures
from afc_desktop.district.roster import roster
from afc_desktop.domain import community_code as cc
from afc_desktop.store.db import Database
from afc_desktop.store.models.sync_state import SyncConflict, SyncPendingEvent

SILENT_DAYS = 30  # a month without a bundle puts a community on the 未报送 list


@dataclass
class RosterRow:
    code: str
    name: str
    display_name: str
    street: str
    street_listed: bool
    pilot: bool
    active: bool
    active_keys: int
    secret_state: str  # unused | bound | none
    sites: int
    last_bundle_at: str | None
    last_report: str | None  # local date
    days_since: int | None
    held_events: int
    open_conflicts: int
    silent: bool

    @property
    def street_label(self) -> str:
        return self.street if self.street_listed else f"{self.street}{cc.UNLISTED_MARK}"

    def warnings(self) -> list[str]:
        """What a bureau clerk should look at, in plain Chinese."""
        out = []
        if self.silent:
            out.append("从未报送" if self.days_since is None else f"已 {self.days_since} 天未报送")
        if self.active_keys == 0:
            out.append("尚未入网" if self.secret_state != "unused" else "入网文件未使用")
        if self.held_events:
            out.append(f"暂存 {self.held_events} 条（缺少更早的同步包）")
        if self.open_conflicts:
            out.append(f"冲突 {self.open_conflicts} 处待处理")
        if not self.street_listed:
            out.append("街道未列入参考数据")
        return out


@dataclass
class RosterOverview:
    as_of: str
    silent_days: int
    rows: list[RosterRow] = field(default_factory=list)

    @property
    def silent(self) -> list[RosterRow]:
        """未报送: active communities silent for more than ``silent_days`` days, or never heard."""
        return [r for r in self.rows if r.silent]

    def as_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of,
            "silent_days": self.silent_days,
            "communities": [
                {**asdict(r), "street_label": r.street_label, "warnings": r.warnings()}
                for r in self.rows
            ],
            "silent": [r.code for r in self.silent],
        }


def overview(db: Database, silent_days: int = SILENT_DAYS) -> RosterOverview:
    """The roster with each community's reporting state, as of the hub's today."""
    if silent_days < 0:
        raise ValueError("silent_days")
    entries = roster(db)
    today: date = db.clock.today()
    with db.session(replaying=True) as s:
        codes = figures.site_codes(s)
        sites: dict[str, int] = {}
        for code in codes.values():
            sites[code] = sites.get(code, 0) + 1
        last = figures.last_reports(s)
        held: dict[str, int] = {}
        for site, n in s.execute(
            select(SyncPendingEvent.site_id, func.count()).group_by(SyncPendingEvent.site_id)
        ):
            held_code = codes.get(site)
            if held_code:
                held[held_code] = held.get(held_code, 0) + int(n)
        conflicts: dict[str, int] = {}
        for site_a, site_b in s.execute(
            select(SyncConflict.site_a, SyncConflict.site_b).where(SyncConflict.status == "open")
        ):
            for both in {codes.get(site_a), codes.get(site_b)} - {None}:
                conflicts[str(both)] = conflicts.get(str(both), 0) + 1
    shown = figures.display_names([(e.code, e.name, e.street) for e in entries])
    out = RosterOverview(as_of=today.isoformat(), silent_days=silent_days)
    for e in entries:
        at = last.get(e.code)
        day = db.clock.local_date(at) if at is not None else None
        days = (today - day).days if day is not None else None
        out.rows.append(
            RosterRow(
                code=e.code,
                name=e.name,
                display_name=shown[e.code],
                street=e.street,
                street_listed=e.street_listed,
                pilot=e.pilot,
                active=e.active,
                active_keys=e.active_keys,
                secret_state=e.secret_state,
                sites=sites.get(e.code, 0),
                last_bundle_at=at.isoformat() if at is not None else None,
                last_report=day.isoformat() if day else None,
                days_since=days,
                held_events=held.get(e.code, 0),
                open_conflicts=conflicts.get(e.code, 0),
                silent=e.active and (days is None or days > silent_days),
            )
        )
    return out
