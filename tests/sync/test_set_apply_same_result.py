"""The set-based apply (sync/apply_rows.py) leaves exactly the state the row-by-row ORM path
leaves: the same rows (derived search columns and visit summaries included), conflicts, held
events and records waiting for a reference, on SQLite and on PostgreSQL.

A demo community's own events (households, people, visits, needs …) are mixed with a second
site's concurrent edits, a concurrent delete, a person and a visit it creates on the first
site's records; the bundles arrive out of order, some twice, in small batches so records span
batches (new in one, existing in the next).
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text

from afc_desktop.paths import DataDir
from afc_desktop.services import demo
from afc_desktop.services.context import CurrentUser, open_app
from afc_desktop.services.setup import CommunityInput, run_setup
from afc_desktop.store.db import Database, open_database
from afc_desktop.store.models import Base, User
from afc_desktop.sync import apply, apply_rows

SITE_B = "00000000-0000-4000-8000-0000000000bb"
SKIP_COLUMNS = {("sync_conflict", "created_at")}  # when the hub noticed, not what it decided


@pytest.fixture(scope="module")
def community_events(tmp_path_factory) -> list[dict[str, Any]]:
    """Every change event of a small demo community (one site), in seq order."""
    root = tmp_path_factory.mktemp("set_apply_site")
    ctx = open_app(DataDir(root))
    run_setup(ctx, CommunityInput("320508018001", "梅巷社区"), "admin", "admin-pass-1")
    with ctx.db.session() as s:
        u = s.scalars(select(User).where(User.role == "admin")).first()
        assert u is not None
        ctx.user = CurrentUser(u.id, u.username, u.display_name, u.role)
    demo.populate(ctx, 40, seed=7)
    with ctx.db.session() as s:
        events = list(apply.iter_all_events(s))
    ctx.db.dispose()
    return events


def _ev(site: str, seq: int, table: str, rid: str, fields: dict[str, Any], base: str | None,
        at: datetime, op: str = "upsert") -> dict[str, Any]:  # fmt: skip
    return {
        "event_id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{site}/{seq}")),
        "site_id": site,
        "seq": seq,
        "table": table,
        "record_id": rid,
        "op": op,
        "base_rev": base,
        "fields": fields,
        "at": at.isoformat(),
        "actor": None,
    }


def mixed_bundles(events: list[dict[str, Any]], seed: int) -> list[list[dict[str, Any]]]:
    """Site A's events plus its later edits and a second site's concurrent ones, as bundles."""
    rnd = random.Random(seed)
    site_a = events[0]["site_id"]
    latest: dict[tuple[str, str], dict[str, Any]] = {}
    creations: dict[tuple[str, str], dict[str, Any]] = {}
    for e in events:
        key = (e["table"], e["record_id"])
        creations.setdefault(key, e)
        latest[key] = e
    people = [k for k in creations if k[0] == "person"]
    households = [k for k in creations if k[0] == "household"]
    visits = [k for k in creations if k[0] == "visit"]
    assert people and households and visits
    t0 = max(datetime.fromisoformat(e["at"]) for e in events)
    a_seq = max(e["seq"] for e in events)
    a_more: list[dict[str, Any]] = []
    b_events: list[dict[str, Any]] = []
    b_seq = 0
    for i, key in enumerate(rnd.sample(people, 8)):
        a_seq += 1
        edit = _ev(site_a, a_seq, "person", key[1], {"phone": f"1380000{i:04d}"},
                   latest[key]["event_id"], t0 + timedelta(minutes=i))  # fmt: skip
        a_more.append(edit)
        b_seq += 1
        # concurrent with A's edit: based on what B had before it
        fields = {"phone": f"1390000{i:04d}"} if i % 3 else {"notes": f"B 的备注 {i}"}
        b_events.append(
            _ev(
                SITE_B,
                b_seq,
                "person",
                key[1],
                fields,
                latest[key]["event_id"],
                t0 + timedelta(minutes=i, seconds=30 * (i % 2 * 2 - 1)),
            )  # fmt: skip
        )
        latest[key] = edit
    # B deletes a visit A edits meanwhile
    vkey = visits[0]
    b_seq += 1
    b_events.append(
        _ev(
            SITE_B,
            b_seq,
            "visit",
            vkey[1],
            {"deleted": True},
            latest[vkey]["event_id"],
            t0 + timedelta(hours=1),
            op="delete",
        )  # fmt: skip
    )
    a_seq += 1
    a_more.append(
        _ev(
            site_a,
            a_seq,
            "visit",
            vkey[1],
            {"notes": "补记"},
            latest[vkey]["event_id"],
            t0 + timedelta(hours=2),
        )  # fmt: skip
    )
    # B registers a person in one of A's households and visits one of A's people
    person_fields = dict(creations[people[0]]["fields"])
    new_pid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"b-person/{seed}"))
    person_fields.update(
        id=new_pid,
        name="新登记",
        id_number=None,
        household_id=households[-1][1],
        phone="",
        origin_site=SITE_B,
    )
    b_seq += 1
    b_events.append(_ev(SITE_B, b_seq, "person", new_pid, person_fields, None, t0))
    visit_fields = dict(creations[vkey]["fields"])
    new_vid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"b-visit/{seed}"))
    visit_fields.update(id=new_vid, person_id=people[1][1], status="done", origin_site=SITE_B)
    b_seq += 1
    b_events.append(_ev(SITE_B, b_seq, "visit", new_vid, visit_fields, None, t0))
    a_all = events + a_more
    bundles: list[list[dict[str, Any]]] = []
    start = 0
    while start < len(a_all):
        size = rnd.randint(20, 160)
        bundles.append(a_all[start : start + size])
        start += size
    bundles += [b_events[:5], b_events[5:]]
    order = bundles + [rnd.choice(bundles) for _ in range(3)]
    rnd.shuffle(order)
    return order


def _dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    out: dict[str, list[tuple[Any, ...]]] = {}
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            cols = [c for c in table.columns if (table.name, c.name) not in SKIP_COLUMNS]
            keys = list(table.primary_key.columns) or cols
            rows = conn.execute(select(*cols).order_by(*keys)).all()
            out[table.name] = [tuple(r) for r in rows]
    return out


def _run(db: Database, bundles: list[list[dict[str, Any]]], set_based: bool, monkeypatch) -> Any:
    monkeypatch.setattr(apply, "SET_BASED", set_based)
    monkeypatch.setattr(apply, "BATCH", 37)
    written: list[int] = []
    insert_new = apply_rows.insert_new

    def counted(s, models, records, fold):
        insert_new(s, models, records, fold)
        written.append(len(records))

    monkeypatch.setattr(apply_rows, "insert_new", counted)
    results = []
    for i, b in enumerate(bundles):
        with db.session(replaying=True) as s:
            r = apply.apply_events(s, b, bundle_id=f"b{i}")
        results.append(
            (r.applied, r.skipped, r.held, r.released, r.conflicts, r.unmaterialized, r.gaps)
        )
    assert bool(written) == set_based  # the set-based writer did the work (or stayed off)
    return results, _dump(db)


def _assert_same(set_db: Database, row_db: Database, bundles, monkeypatch) -> None:
    set_results, set_state = _run(set_db, bundles, True, monkeypatch)
    row_results, row_state = _run(row_db, bundles, False, monkeypatch)
    assert set_results == row_results
    for table, rows in row_state.items():
        assert set_state[table] == rows, table
    # the scenario does exercise what it claims
    assert row_state["sync_conflict"], "no conflict"
    assert row_state["person_visit_state"], "no visit summary"
    assert any(res[2] for res in row_results), "nothing held"
    assert row_state["person"] and row_state["visit"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_set_based_apply_equals_row_by_row_on_sqlite(
    community_events, make_db, monkeypatch, seed
) -> None:
    bundles = mixed_bundles(community_events, seed)
    _assert_same(make_db("set"), make_db("rows"), bundles, monkeypatch)


@pytest.fixture()
def two_pg_dbs(pg_server):
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    names = ["afc_" + uuid.uuid4().hex[:12] for _ in range(2)]
    with admin.connect() as conn:
        for name in names:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    base, _, _ = pg_server.rpartition("/")
    dbs = [open_database(f"{base}/{name}", migrate=True) for name in names]
    yield dbs
    for db in dbs:
        db.dispose()
    with admin.connect() as conn:
        for name in names:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_set_based_apply_equals_row_by_row_on_postgresql(
    community_events, two_pg_dbs, monkeypatch
) -> None:
    bundles = mixed_bundles(community_events, 4)
    _assert_same(two_pg_dbs[0], two_pg_dbs[1], bundles, monkeypatch)


def same_day_bundles(events: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Recorded visits of one person on one day: B's (high risk) in one bundle, then two of A's
    in one bundle, the one with the smaller id first. At the hub "when written" is when the hub
    wrote it, so A's visits are newer than B's, and between A's two the larger id is the latest
    (``models.daily._recency``), whichever comes first in the bundle."""
    site_a = events[0]["site_id"]
    visit = next(e for e in events if e["table"] == "visit" and e["fields"].get("status") == "done")
    person_id = visit["fields"]["person_id"]
    visit_days = [e["fields"]["visit_date"] for e in events if e["fields"].get("visit_date")]
    day = (date.fromisoformat(max(visit_days)) + timedelta(days=1)).isoformat()  # after them all
    t0 = max(datetime.fromisoformat(e["at"]) for e in events)
    a_seq = max(e["seq"] for e in events)

    def same_day(site: str, seq: int, vid: str, risk: str) -> dict[str, Any]:
        fields = dict(visit["fields"])
        fields.update(id=vid, person_id=person_id, visit_date=day, risk_level=risk,
                      status="done", deleted=False, origin_site=site)  # fmt: skip
        return _ev(site, seq, "visit", vid, fields, None, t0 + timedelta(hours=seq))

    ids = sorted(str(uuid.uuid5(uuid.NAMESPACE_URL, f"same-day/{n}")) for n in range(2))
    b_high = same_day(SITE_B, 1, str(uuid.uuid5(uuid.NAMESPACE_URL, "same-day/b")), "high")
    a_first = same_day(site_a, a_seq + 1, ids[0], "high")  # smaller id, first in the bundle
    a_latest = same_day(site_a, a_seq + 2, ids[1], "normal")
    return [events, [b_high], [a_first, a_latest]]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_two_visits_on_one_day_keep_the_same_latest_both_ways(
    community_events, make_db, request, monkeypatch, backend
) -> None:
    """The set-based apply picks a person's latest visit in the summary's one order (date, then
    when written, then id), as the row-by-row apply does — not whichever comes first."""
    if backend == "sqlite":
        dbs = make_db("set"), make_db("rows")
    else:
        dbs = tuple(request.getfixturevalue("two_pg_dbs"))
    bundles = same_day_bundles(community_events)
    person_id = bundles[1][0]["fields"]["person_id"]
    latest_id = bundles[2][1]["record_id"]
    for db, set_based in zip(dbs, (True, False), strict=True):
        _results, state = _run(db, bundles, set_based, monkeypatch)
        (row,) = [r for r in state["person_visit_state"] if r[0] == person_id]
        assert latest_id in row and "normal" in row, (set_based, row)
