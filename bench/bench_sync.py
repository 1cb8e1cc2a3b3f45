"""Sync bundle benchmark: export and import of N change events (default 100,000).

Prints events per second each way, the ratio to a bare ``executemany`` insert of the same rows
into the same table in the same run, and peak Python memory (tracemalloc) of export and import
at several sizes, so one can see memory stay flat as the bundle grows.

    .venv/bin/python bench/bench_sync.py [--events 100000] [--memory-sizes 10000,40000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from afc_desktop.store.db import open_database
from afc_desktop.store.models import ChangeEvent
from afc_desktop.sync import apply, bundle, keys

SITE = "00000000-0000-4000-8000-00000000be00"
EDITS_PER_RECORD = 4


def events(n: int) -> Iterator[dict[str, Any]]:
    """n events: person records created, then each edited EDITS_PER_RECORD times."""
    t0 = datetime(2026, 1, 1, tzinfo=UTC)
    per = EDITS_PER_RECORD + 1
    rev: str | None = None
    rid = ""
    for i in range(n):
        k = i % per
        if k == 0:
            rid = str(uuid.UUID(int=i // per + 1))
            fields = {
                "id": rid,
                "name": f"居民{i // per}",
                "phone": "",
                "notes": "",
                "deleted": False,
            }
            rev = None
        else:
            fields = {("name", "phone", "notes", "phone")[k - 1]: f"v{i}"}
        eid = str(uuid.UUID(int=(1 << 64) + i))
        yield {
            "event_id": eid,
            "site_id": SITE,
            "seq": i + 1,
            "table": "person",
            "record_id": rid,
            "op": "upsert",
            "base_rev": rev,
            "fields": fields,
            "at": (t0 + timedelta(seconds=i)).isoformat(),
            "actor": None,
        }
        rev = eid


def rows(n: int) -> Iterator[dict[str, Any]]:
    for ev in events(n):
        yield apply._row(ev)


def baseline_insert(tmp: Path, n: int) -> float:
    """Seconds for a bare executemany of the same rows into change_event (batches of 1000)."""
    db = open_database(tmp / "baseline.sqlite3")
    start = time.perf_counter()
    with db.session(replaying=True) as s:
        batch: list[dict[str, Any]] = []
        for r in rows(n):
            batch.append(r)
            if len(batch) == 1000:
                s.execute(insert(ChangeEvent), batch)
                batch.clear()
        if batch:
            s.execute(insert(ChangeEvent), batch)
    elapsed = time.perf_counter() - start
    db.dispose()
    return elapsed


def run(tmp: Path, n: int, trace: bool) -> dict[str, float]:
    site_keys = keys.ensure_site_keys(tmp / "site_keys")
    dkeys = keys.create_district_keys(tmp / "dkeys", b"bench")
    rcpt = bundle.Recipient("320508", dkeys.enc_public, dkeys.key_id)
    # the site's change log, filled without timing
    site_db = open_database(tmp / "site.sqlite3")
    with site_db.session(replaying=True) as s:
        batch: list[dict[str, Any]] = []
        for r in rows(n):
            batch.append(r)
            if len(batch) == 1000:
                s.execute(insert(ChangeEvent), batch)
                batch.clear()
        if batch:
            s.execute(insert(ChangeEvent), batch)
    out: dict[str, float] = {}

    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    with site_db.session(replaying=True) as s:
        result = bundle.write_bundle(
            tmp / "usb",
            apply.iter_site_events(s, SITE),
            kind="changes",
            signer=site_keys,
            site_id=SITE,
            community_code="320508",
            recipient=rcpt,
        )
    out["export_s"] = time.perf_counter() - start
    if trace:
        out["export_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    out["bundle_mb"] = result.path.stat().st_size / 2**20
    site_db.dispose()

    hub_db = open_database(tmp / "hub.sqlite3")
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    with hub_db.session(replaying=True) as s, bundle.open_bundle(result.path) as reader:
        res = apply.apply_events(s, reader.records(dkeys.encryption), bundle_id=reader.bundle_id)
    out["import_s"] = time.perf_counter() - start
    if trace:
        out["import_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    assert res.applied == n, res
    hub_db.dispose()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--memory-sizes", default="10000,40000")
    args = ap.parse_args()
    n = args.events
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        (tmp / "a").mkdir()
        (tmp / "b").mkdir()
        base = baseline_insert(tmp / "a", n)
        r = run(tmp / "b", n, trace=False)
    print(f"events: {n:,}  bundle: {r['bundle_mb']:.1f} MB")
    print(f"bare executemany insert: {n / base:,.0f} events/s ({base:.1f} s)")
    print(
        f"export: {n / r['export_s']:,.0f} events/s ({r['export_s']:.1f} s), "
        f"ratio to bare insert {base / r['export_s']:.2f}"
    )
    print(
        f"import: {n / r['import_s']:,.0f} events/s ({r['import_s']:.1f} s), "
        f"ratio to bare insert {base / r['import_s']:.2f}"
    )
    print("peak Python memory (tracemalloc) by size:")
    for size in [int(x) for x in args.memory_sizes.split(",") if x]:
        with tempfile.TemporaryDirectory() as d:
            m = run(Path(d), size, trace=True)
        print(
            f"  {size:>8,} events: export {m['export_peak_mb']:.1f} MB, "
            f"import {m['import_peak_mb']:.1f} MB"
        )


if __name__ == "__main__":
    main()
