"""The encrypted store (SQLCipher) against plain SQLite, measured in the same run (issue 16).

    .venv/bin/python bench/bench_encryption.py [--people 10000] [--rows 5000] [--runs 5]

Builds two data directories with the same generated residents (same seed, demo visits
included): one encrypted as every installation now is, one on plain SQLite as before. Then,
alternating the two so a busy machine slows both alike, times:

- search: the register's service search (name, 2-character prefix, ID suffix, address) plus
  the first screenful of rows, p50 over all queries;
- due list: ``visits.due_list`` (the 待探访 page), median of ``--runs``;
- import: dry run + commit of an Excel ledger of ``--rows`` rows into a freshly set-up data
  directory (the pre-import backup included), median of ``--runs``.

Prints each in milliseconds (median and best of the runs) and the ratio encrypted ÷ plain.
Goal: at most 1.3×.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_import import build_ledger  # noqa: E402

from afc_desktop.paths import DataDir  # noqa: E402
from afc_desktop.services import accounts, demo, visits  # noqa: E402
from afc_desktop.services.context import AppContext, open_app  # noqa: E402
from afc_desktop.services.importer import ImportSource, commit_import, preview_import  # noqa: E402
from afc_desktop.services.register import PersonQuery, person_rows, search_person_ids  # noqa: E402
from afc_desktop.services.setup import CommunityInput, run_setup  # noqa: E402
from afc_desktop.store.db import open_database  # noqa: E402
from afc_desktop.store.models import Household, Person  # noqa: E402

COMMUNITY = CommunityInput("320508", "梅巷社区", "平江街道")


def make_context(root: Path, encrypted: bool) -> AppContext:
    """A set-up data directory: encrypted (the normal path) or plain SQLite (as before)."""
    data_dir = DataDir(root)
    if encrypted:
        ctx = open_app(data_dir)
    else:
        data_dir.ensure()
        db = open_database(data_dir.db_path, backup_dir=data_dir.backups_dir)
        ctx = AppContext(db=db, data_dir=data_dir)
    run_setup(ctx, COMMUNITY, "admin", "bench-pass-1")
    assert (ctx.db.key is not None) == encrypted
    return ctx


def reopen(root: Path, encrypted: bool) -> AppContext:
    data_dir = DataDir(root)
    if encrypted:
        return open_app(data_dir, username="admin", password="bench-pass-1")
    ctx = AppContext(db=open_database(data_dir.db_path), data_dir=data_dir)
    ctx.user = accounts.complete_login(ctx, "admin")
    return ctx


def queries(ctx: AppContext, n: int) -> list[str]:
    rng = random.Random(7)
    with ctx.session() as s:
        rows = (
            s.query(Person.name, Person.id_number, Household.address_text)
            .join(Household, Household.id == Person.household_id)
            .filter(Person.is_elder.is_(True), Person.id_number.isnot(None))
            .all()
        )
    picks = [rows[rng.randrange(len(rows))] for _ in range(n)]
    out: list[str] = []
    for name, id_number, address in picks:
        out += [name, name[:2], id_number[-6:], address]
    return out


def time_ms(fn) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--people", type=int, default=10_000)
    ap.add_argument("--rows", type=int, default=5_000)
    ap.add_argument("--queries", type=int, default=50)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="afc-bench-crypto-"))
    contexts: dict[str, AppContext] = {}
    for label, encrypted in (("plain", False), ("encrypted", True)):
        t0 = time.perf_counter()
        ctx = make_context(work / label, encrypted)
        demo.populate(ctx, args.people, seed=11)
        ctx.db.dispose()  # measured as after a restart: WAL folded in, caches cold
        contexts[label] = reopen(work / label, encrypted)
        print(f"built {label}: {args.people:,} people in {time.perf_counter() - t0:.0f} s")
    texts = queries(contexts["plain"], args.queries)
    ledger = work / "ledger.xlsx"
    build_ledger(ledger, args.rows)

    def search(ctx: AppContext) -> float:
        times = []
        for q in texts:
            times.append(
                time_ms(
                    lambda q=q: person_rows(ctx, search_person_ids(ctx, PersonQuery(text=q))[:200])
                )
            )
        return statistics.median(times)

    def due(ctx: AppContext) -> float:
        return time_ms(lambda: visits.due_list(ctx))

    def import_ledger(label: str, run: int) -> float:
        ctx = make_context(work / f"import-{label}-{run}", label == "encrypted")
        source = ImportSource(ledger)

        def go() -> None:
            plan = preview_import(ctx, source)
            commit_import(ctx, source, valid_only=True, preview=plan)

        took = time_ms(go)
        ctx.db.dispose()
        return took

    results: dict[tuple[str, str], list[float]] = {}
    for ctx in contexts.values():  # warm both page caches once
        search(ctx)
        due(ctx)
    for run in range(args.runs):
        for label, ctx in contexts.items():
            results.setdefault(("search p50", label), []).append(search(ctx))
            results.setdefault(("due list", label), []).append(due(ctx))
            results.setdefault((f"import {args.rows:,} rows", label), []).append(
                import_ledger(label, run)
            )
    print(
        f"\n{args.people:,} people, {len(texts)} searches, {args.runs} runs "
        "(medians; encrypted = SQLCipher 4, raw 256-bit key)"
    )
    print(
        f"{'operation':<22}{'plain ms':>11}{'encrypted ms':>14}{'ratio':>8}"
        f"{'best plain':>12}{'best enc':>10}{'ratio':>8}"
    )
    worst = 0.0
    for op in dict.fromkeys(k[0] for k in results):
        plain = statistics.median(results[(op, "plain")])
        enc = statistics.median(results[(op, "encrypted")])
        ratio = enc / max(plain, 1e-6)
        best_plain, best_enc = min(results[(op, "plain")]), min(results[(op, "encrypted")])
        best_ratio = best_enc / max(best_plain, 1e-6)
        worst = max(worst, ratio)
        print(
            f"{op:<22}{plain:>11.1f}{enc:>14.1f}{ratio:>8.2f}"
            f"{best_plain:>12.1f}{best_enc:>10.1f}{best_ratio:>8.2f}"
        )
    print(f"worst median ratio {worst:.2f} (goal <= 1.3); best-of-runs is less sensitive to load")
    for ctx in contexts.values():
        ctx.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
