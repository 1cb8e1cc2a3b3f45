"""Register search at district scale: p50/p95 latency per kind of query, against a bare SQLite
query for the same match measured in the same run.

    .venv/bin/python bench/bench_search.py [--people 100000] [--queries 200]

Goal (issue 2): p95 under 10 ms. The ratio column is service p50 ÷ baseline p50.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import demo_context, p50_p95, peak_rss_mb, timings_ms  # noqa: E402

from afc_desktop.services.register import PersonQuery, person_rows, search_person_ids  # noqa: E402
from afc_desktop.store import cipher  # noqa: E402

FTS_SQL = (
    "SELECT m.person_id FROM person_search JOIN person_search_map m "
    "ON m.rowid = person_search.rowid WHERE person_search MATCH ?"
)
PREFIX_SQL = "SELECT id FROM person WHERE name >= ? AND name < ?"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--people", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()
    ctx = demo_context(args.people)
    assert ctx.db.sqlite_path is not None
    raw = cipher.connect(ctx.db.sqlite_path, ctx.db.key)  # the same encrypted file, keyed
    rng = random.Random(7)
    sample = raw.execute(
        "SELECT p.name, p.pinyin_initials, p.id_number, h.address_text FROM person p "
        "JOIN household h ON h.id = p.household_id WHERE p.is_elder = 1 AND p.deleted = 0 "
        "AND p.id_number IS NOT NULL"
    ).fetchall()
    picks = [sample[rng.randrange(len(sample))] for _ in range(args.queries)]
    kinds = {
        "name (full)": [p[0] for p in picks if len(p[0]) >= 3] or [p[0] + p[0] for p in picks],
        "name (2-char prefix)": [p[0][:2] for p in picks],
        "pinyin initials": [p[1] for p in picks if len(p[1]) >= 3],
        "ID suffix (6)": [p[2][-6:] for p in picks],
        "address": [p[3] for p in picks],
    }

    def service(q: str) -> None:
        ids = search_person_ids(ctx, PersonQuery(text=q))
        person_rows(ctx, ids[:200])  # the first screenful, as the register page shows it

    def bare(q: str) -> None:
        if len(q) >= 3:
            raw.execute(FTS_SQL, ('"' + q.lower() + '"',)).fetchall()
        else:
            raw.execute(PREFIX_SQL, (q, q + "\U0010ffff")).fetchall()

    print(f"\nsearch over {args.people:,} people, {args.queries} queries per kind")
    print(
        f"{'query kind':<22}{'p50 ms':>9}{'p95 ms':>9}{'bare p50':>10}{'bare p95':>10}{'ratio':>8}"
    )
    for kind, queries in kinds.items():
        for q in queries[:5]:  # warm the page cache once
            service(q)
        s50, s95 = p50_p95(timings_ms(service, queries))
        b50, b95 = p50_p95(timings_ms(bare, queries))
        print(
            f"{kind:<22}{s50:>9.2f}{s95:>9.2f}{b50:>10.2f}{b95:>10.2f}{s50 / max(b50, 1e-6):>8.1f}"
        )
    print(f"peak memory: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
