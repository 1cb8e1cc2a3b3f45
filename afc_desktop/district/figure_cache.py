"""The district's figure cache (区级统计缓存): each community's costly figures, kept per report
scope and data version, so a report recomputes only the communities whose data changed.

The per-person figures — the register on the day, the month's visit rate, overdue visits — are
the community's own code run over the community's people (``district/figures.py``), set-based
SQL (``services/visits/counts.py``, ``services/stats.people_by``); at city scale they are
still most of a report's time (seconds at a million people, against milliseconds cached). A community's data changes only when the hub applies
one of its bundles, so its figures are stored with a **version**: for each site bound to the
community, the last bundle applied and the contiguous seq reached, plus what can touch every
community (the hub's own writes, records waiting for a parent row, the code's
``FIGURES_VERSION``). The **scope** holds what the figures were computed for: the month, the
register day and the hub's local today (overdue counts and the month's rate move with the day).

A cached row is used only when both match exactly: a new bundle, a newly bound site key or a
new day makes its community's row stale and it is recomputed in that report (a revoked key
changes nothing: what its site sent still counts). The version is read before the figures, in
the same transaction, so a bundle committing meanwhile can only make the stored version older
than the data, never newer (the next report recomputes).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from afc_desktop.store.db import Database
from afc_desktop.store.models.core import SiteSequence
from afc_desktop.store.models.district import DistrictFigureCache
from afc_desktop.store.models.sync_state import SyncSiteState, SyncUnmaterialized

# Bump when a cached figure's definition or computation changes: every row is then stale.
# 2: the month rate and overdue counted in SQL (services/visits/counts.py); a person's latest
# visit before the month chosen by date, then time written, then id (ties were arbitrary).
FIGURES_VERSION = 2

# The cached figures of one community (all other report figures are cheap aggregate SQL).
CACHED = ("elders", "special_hardship", "due", "visited", "special_due", "special_visited",
          "overdue")  # fmt: skip


def scope(year: int, month: int, register_day: date, today: date) -> str:
    return f"v{FIGURES_VERSION}|{year:04d}-{month:02d}|{register_day.isoformat()}|{today}"


def versions(s: Session, site_codes: dict[str, str], codes: list[str]) -> dict[str, str]:
    """community code → the version of its data (see the module docstring)."""
    own = s.execute(select(func.coalesce(func.max(SiteSequence.last_seq), 0))).scalar_one()
    waiting = s.execute(select(func.count()).select_from(SyncUnmaterialized)).scalar_one()
    states = {
        site: (int(seq or 0), bundle or "")
        for site, seq, bundle in s.execute(
            select(
                SyncSiteState.site_id, SyncSiteState.contiguous_seq, SyncSiteState.last_bundle_id
            )
        )
    }
    sites: dict[str, list[str]] = {}
    for site, code in site_codes.items():
        sites.setdefault(code, []).append(site)
    out = {}
    for code in codes:
        mine = [[site, *states.get(site, (0, ""))] for site in sorted(sites.get(code, []))]
        out[code] = json.dumps([FIGURES_VERSION, int(own), int(waiting), mine])
    return out


def load(s: Session, at: str, wanted: dict[str, str]) -> dict[str, dict[str, int]]:
    """code → cached figures, for the communities whose stored version is ``wanted``'s."""
    out = {}
    for row in s.scalars(select(DistrictFigureCache).where(DistrictFigureCache.scope == at)):
        if wanted.get(row.code) == row.version and all(k in row.figures for k in CACHED):
            out[row.code] = {k: int(row.figures[k]) for k in CACHED}
    return out


def store(db: Database, at: str, today: date, rows: dict[str, tuple[str, dict[str, int]]]) -> None:
    """Keep freshly computed figures (and drop rows of earlier days). A failure to write only
    costs the next report a recomputation: it is never an error of the report."""
    if not rows:
        return
    try:
        with db.session(replaying=True) as s:
            s.execute(delete(DistrictFigureCache).where(DistrictFigureCache.as_of < today))
            s.execute(
                delete(DistrictFigureCache).where(
                    DistrictFigureCache.scope == at, DistrictFigureCache.code.in_(sorted(rows))
                )
            )
            for code, (version, figures) in rows.items():
                s.add(
                    DistrictFigureCache(
                        code=code,
                        scope=at,
                        version=version,
                        figures={k: int(figures[k]) for k in CACHED},
                        as_of=today,
                        computed_at=db.clock.now(),
                    )
                )
    except SQLAlchemyError:
        pass  # e.g. two reports storing the same rows at once: the other one's stand


def forget(db: Database) -> None:
    """Empty the cache (a bench or an administrator measuring a cold report)."""
    with db.session(replaying=True) as s:
        s.execute(delete(DistrictFigureCache))


def figures_of(values: dict[str, Any]) -> dict[str, int]:
    return {k: int(values.get(k, 0)) for k in CACHED}
