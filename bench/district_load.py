"""A city's hub loaded directly (issue 14): generated rows COPY-ed into the hub's tables.

Importing 500 communities' bundles takes hours on a small machine; the roster and the report
only read the tables a bundle ends in. This fills a freshly migrated PostgreSQL hub straight
away, community by community (chunks of ``CHUNK``, so memory stays flat): the roster
(``district_community``, one bound site key and the site's sync state each), the register
(``person``, about 10% not elders and 2% removed), the visits of the last year (特殊困难 elders
about monthly, others about quarterly; a few high-risk, drafts and deleted ones), each elder's
``person_visit_state`` summary, needs, 微自治 projects and, for 1% of people, change-log events
this month (a category changed), so a report for last month rebuilds them from the history.

The rows are random but seeded per community: the same size gives the same hub.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import create_engine

from afc_desktop.clock import Clock
from afc_desktop.domain import people
from afc_desktop.store.derive import category_flags

CHUNK = 25  # communities per COPY round
NS = uuid.UUID("5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f")

PERSON_COLS = (
    "id", "rev", "created_at", "updated_at", "deleted", "origin_site", "relation_to_head",
    "is_elder", "name", "sex", "birth_date", "phone", "living_arrangement", "categories",
    "emergency_contacts", "ability_grade", "consent", "notes", "registered_on", "removed_on",
    "removal_reason", "removal_note", "moved_to", "search_text", "pinyin_full",
    "pinyin_initials", "category_flags",
)  # fmt: skip
VISIT_COLS = (
    "id", "created_at", "updated_at", "deleted", "origin_site", "person_id", "visit_date",
    "mode", "status", "worker_name", "companions", "findings", "risk_flags", "risk_level",
    "notes", "started_from",
)  # fmt: skip
NEED_COLS = (
    "id", "created_at", "updated_at", "deleted", "origin_site", "person_id", "need_type",
    "description", "urgency", "status", "status_reason", "found_on", "closed_on",
)  # fmt: skip
PROJECT_COLS = (
    "id", "created_at", "updated_at", "deleted", "origin_site", "name", "kind", "start_date",
    "status", "description", "outcome",
)  # fmt: skip
STATE_COLS = ("person_id", "last_visit_id", "last_visit_date", "risk_level")
EVENT_COLS = ("event_id", "site_id", "seq", "table_name", "record_id", "op", "fields", "at",
              "actor_name")  # fmt: skip

# explicit category sets and their weights (about 30% 特殊困难)
CATEGORY_SETS: tuple[tuple[tuple[str, ...], int], ...] = (
    ((), 55), (("alone",), 9), (("empty_nest",), 10), (("disabled",), 3),
    (("alone", "dibao"), 2), (("dibao",), 4), (("low_income",), 4), (("severe_disability",), 2),
    (("left_behind",), 2), (("dementia", "disabled"), 1), (("family_planning_special",), 1),
    (("entitled",), 2), (("tekun",), 1), (("empty_nest", "low_income"), 4),
)  # fmt: skip


@dataclass(frozen=True)
class Community:
    index: int
    code: str
    name: str
    street: str
    site_id: str
    key_id: str


def community(i: int) -> Community:
    code = f"320508{18 + i // 999:03d}{i % 999 + 1:03d}"
    site = str(uuid.uuid5(NS, f"site/{i}"))
    return Community(
        i, code, f"社区{i + 1}", f"街道{i // 20 + 1}", site, site.replace("-", "")[:16]
    )


def _text(value: Any) -> str:
    """One value in COPY text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False)
    text = str(value)
    if "\\" in text or "\t" in text or "\n" in text:
        text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
    return text


def _copy(cur: Any, table: str, cols: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    with cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
        buf: list[str] = []
        for row in rows:
            buf.append("\t".join(_text(v) for v in row))
            if len(buf) >= 5000:
                copy.write(("\n".join(buf) + "\n").encode())
                buf = []
        if buf:
            copy.write(("\n".join(buf) + "\n").encode())


class _Rows:
    """One community's generated rows, table by table."""

    def __init__(self) -> None:
        self.person: list[tuple[Any, ...]] = []
        self.visit: list[tuple[Any, ...]] = []
        self.need: list[tuple[Any, ...]] = []
        self.project: list[tuple[Any, ...]] = []
        self.state: list[tuple[Any, ...]] = []
        self.event: list[tuple[Any, ...]] = []


def _pick_categories(rnd: random.Random) -> tuple[str, ...]:
    total = sum(w for _c, w in CATEGORY_SETS)
    x = rnd.randrange(total)
    for cats, w in CATEGORY_SETS:
        if x < w:
            return cats
        x -= w
    return ()


def generate(c: Community, per: int, today: date, clock: Clock, into: _Rows) -> None:
    """Community ``c``'s rows (``per`` people) as of ``today``."""
    rnd = random.Random(c.index * 7919 + 17)
    site = c.site_id
    ns = uuid.uuid5(NS, c.code)
    now = clock.start_of_day(today)
    for n in range(per):
        pid = str(uuid.uuid5(ns, f"p{n}"))
        elder = rnd.random() < 0.9
        born = date(1920, 1, 1) + timedelta(days=rnd.randrange(46 * 365 if elder else 30000))
        if not elder:
            born = date(1967, 1, 1) + timedelta(days=rnd.randrange(20000))
        cats = _pick_categories(rnd) if elder else ()
        created = now - timedelta(days=rnd.randrange(30, 900), minutes=rnd.randrange(1440))
        registered = clock.local_date(created) if rnd.random() < 0.5 else None
        deleted = rnd.random() < 0.02
        removed = (today - timedelta(days=rnd.randrange(1, 200))) if deleted else None
        into.person.append(
            (pid, None, created, created, deleted, site, "", elder, f"居民{n}", "F", born,
             "", "", list(cats), [], "", False, "", registered, removed,
             "去世" if deleted else "", "", "", f"居民{n}", f"jumin{n}", "jm",
             category_flags(list(cats)))
        )  # fmt: skip
        if rnd.random() < 0.01:  # a category changed this month: the history keeps the old
            into.event.append(
                (str(uuid.uuid5(ns, f"e{n}")), site, n + 1, "person", pid, "upsert",
                 {"categories": list(cats)}, created, "")
            )  # fmt: skip
            into.event.append(
                (str(uuid.uuid5(ns, f"f{n}")), site, per + n + 1, "person", pid, "upsert",
                 {"categories": list(cats)}, now - timedelta(days=min(today.day - 1, 1)), "")
            )  # fmt: skip
        if not elder or deleted:
            continue
        special = people.is_special_hardship(cats)
        every, months = (1, 12) if special else (3, 12)
        last: tuple[date, str, str] | None = None
        for back in range(months, -1, -every):
            if rnd.random() > (0.85 if special else 0.7):
                continue
            month_start = date(today.year, today.month, 1) - timedelta(days=30 * back)
            day = month_start + timedelta(days=rnd.randrange(28))
            if day > today:
                continue
            vid = str(uuid.uuid5(ns, f"v{n}-{back}"))
            status = "draft" if rnd.random() < 0.02 else "done"
            risk = "high" if rnd.random() < 0.03 else "normal"
            gone = rnd.random() < 0.01
            at = clock.start_of_day(day) + timedelta(hours=10)
            into.visit.append(
                (vid, at, at, gone, site, pid, day, "home", status, "社工", "", {}, [], risk,
                 "", "")
            )  # fmt: skip
            if status == "done" and not gone and (last is None or day >= last[0]):
                last = (day, vid, risk)
        into.state.append((pid, last[1], last[0], last[2]) if last else (pid, None, None, "normal"))
        if rnd.random() < 0.1:
            found = today - timedelta(days=rnd.randrange(200))
            status = rnd.choice(("found", "in_progress", "referred", "resolved", "resolved"))
            closed = found if status == "resolved" else None
            at = clock.start_of_day(found)
            into.need.append(
                (str(uuid.uuid5(ns, f"n{n}")), at, at, False, site, pid, "policy_advice", "",
                 "normal", status, "", found, closed)
            )  # fmt: skip
    for k in range(rnd.randrange(4)):
        start = date(today.year, 1 + rnd.randrange(today.month), 1)
        at = clock.start_of_day(start)
        into.project.append(
            (str(uuid.uuid5(ns, f"j{k}")), at, at, False, site, f"项目{k}", "building", start,
             "active", "", "")
        )  # fmt: skip


def load(
    url: str, people_total: int, per: int, clock: Clock, progress: Callable[[str], None] = print
) -> dict[str, int]:
    """Fill the (migrated, empty) hub at ``url``; returns the row counts written."""
    communities = [community(i) for i in range(max(1, people_total // per))]
    today = clock.today()
    engine = create_engine(url)
    counts = dict.fromkeys(("person", "visit", "need", "project", "change_event"), 0)
    bundle_at = clock.now() - timedelta(days=3)
    try:
        with engine.begin() as conn:
            cur = conn.connection.dbapi_connection.cursor()
            added = clock.now() - timedelta(days=400)
            _copy(cur, "district_community", ("code", "name", "street", "pilot", "active", "note",
                  "added_at"), [(c.code, c.name, c.street, c.index % 10 == 0, True, "", added)
                  for c in communities])  # fmt: skip
            _copy(cur, "district_site_key", ("key_id", "community_code", "site_id", "sign_public",
                  "enc_public", "enrolment_id", "bound_at", "revoked_reason"),
                  [(c.key_id, c.code, c.site_id, "x", "x", "", added, "") for c in communities])  # fmt: skip
            _copy(cur, "sync_site_state", ("site_id", "community_code", "key_id",
                  "contiguous_seq", "last_bundle_id", "last_bundle_at"),
                  [(c.site_id, c.code, c.key_id, per * 6,
                    str(uuid.uuid5(NS, f"b{c.index}")),
                    bundle_at - timedelta(days=40 if c.index % 25 == 0 else c.index % 7))
                   for c in communities])  # fmt: skip
        for first in range(0, len(communities), CHUNK):
            rows = _Rows()
            for c in communities[first : first + CHUNK]:
                generate(c, per, today, clock, rows)
            with engine.begin() as conn:
                cur = conn.connection.dbapi_connection.cursor()
                _copy(cur, "person", PERSON_COLS, rows.person)
                _copy(cur, "visit", VISIT_COLS, rows.visit)
                _copy(cur, "person_visit_state", STATE_COLS, rows.state)
                _copy(cur, "need", NEED_COLS, rows.need)
                _copy(cur, "project", PROJECT_COLS, rows.project)
                _copy(cur, "change_event", EVENT_COLS, rows.event)
            counts["person"] += len(rows.person)
            counts["visit"] += len(rows.visit)
            counts["need"] += len(rows.need)
            counts["project"] += len(rows.project)
            counts["change_event"] += len(rows.event)
            done = min(first + CHUNK, len(communities))
            if done % (CHUNK * 8) == 0 or done == len(communities):
                progress(f"  loaded {done}/{len(communities)} communities")
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    finally:
        engine.dispose()
    return counts
