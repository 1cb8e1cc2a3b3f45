"""Due-list benchmark at district scale: 100,000 people and 1,000,000 visits.

Builds a throw-away SQLite database (rows bulk-loaded with Core inserts, the visit summary
rebuilt once), then times ``services.visits.due_list`` — the due list a worker opens — and
``services.visits.due_by_household`` — the same list grouped by household in walking order (按户,
走访路线) — and prints their ratios to the equivalent single SQL query run in the same process on
the same file:

- **raw SQL over visits**: one SELECT that finds each elder's latest visit with GROUP BY over the
  million visits and applies the default cadence (weekly / monthly / quarterly) with SQLite date
  arithmetic — what one would write without the summary table;
- **raw SQL over the summary**: the same query reading ``person_visit_state`` instead;
- **the due list without the SQL filter** (baseline for the fast path): the same service with
  ``due_query`` asked for every elder with a cadence, so every elder is read and decided in
  Python, as the due list did before the filter moved into the query.

Usage: ``python bench/bench_due.py [--people N] [--visits M] [--runs R] [--keep PATH]``.
Goal: the due list, and the due list by household, well under a second.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from afc_desktop.domain.demo import generate_households  # noqa: E402
from afc_desktop.paths import DataDir  # noqa: E402
from afc_desktop.services import visits  # noqa: E402
from afc_desktop.services.context import open_app  # noqa: E402
from afc_desktop.services.setup import CommunityInput, run_setup  # noqa: E402
from afc_desktop.services.visits import due_query  # noqa: E402
from afc_desktop.store.derive import category_flags  # noqa: E402
from afc_desktop.store.models import Household, Person, new_id  # noqa: E402
from afc_desktop.store.models.daily import Visit, rebuild_visit_state  # noqa: E402

TODAY = date(2026, 11, 28)
SPECIAL = ("alone", "empty_nest", "left_behind", "disabled", "dementia", "severe_disability",
           "family_planning_special")  # fmt: skip

RAW_SQL_VISITS = """
WITH last AS (
  SELECT person_id, MAX(visit_date) AS last_date
  FROM visit WHERE status = 'done' AND deleted = 0 GROUP BY person_id
), risk AS (
  SELECT v.person_id, MAX(v.risk_level = 'high') AS high
  FROM visit v JOIN last l ON l.person_id = v.person_id AND v.visit_date = l.last_date
  WHERE v.status = 'done' AND v.deleted = 0 GROUP BY v.person_id
), due AS (
  SELECT p.id, p.name,
    CASE
      WHEN l.last_date IS NULL THEN date(p.created_at)
      WHEN r.high = 1 THEN date(l.last_date, '+7 days')
      WHEN {special} THEN date(l.last_date, '+1 month')
      ELSE date(l.last_date, '+3 months')
    END AS due_date
  FROM person p LEFT JOIN last l ON l.person_id = p.id LEFT JOIN risk r ON r.person_id = p.id
  WHERE p.deleted = 0 AND p.is_elder = 1
)
SELECT id, name, due_date FROM due WHERE due_date <= :horizon ORDER BY due_date, id
"""

RAW_SQL_STATE = """
SELECT p.id, p.name,
  CASE
    WHEN s.last_visit_date IS NULL THEN date(p.created_at)
    WHEN s.risk_level = 'high' THEN date(s.last_visit_date, '+7 days')
    WHEN {special} THEN date(s.last_visit_date, '+1 month')
    ELSE date(s.last_visit_date, '+3 months')
  END AS due_date
FROM person p LEFT JOIN person_visit_state s ON s.person_id = p.id
WHERE p.deleted = 0 AND p.is_elder = 1 AND due_date <= :horizon
ORDER BY due_date, p.id
"""


def _special_sql() -> str:
    return "(" + " OR ".join(f"p.category_flags LIKE '%,{c},%'" for c in SPECIAL) + ")"


def build(root: Path, n_people: int, n_visits: int) -> None:
    """Set up a site and bulk-load people, households and visits."""
    ctx = open_app(DataDir(root))
    run_setup(ctx, CommunityInput("320508", "梅巷社区", "平江街道"), "bench", "bench-pass-1")
    rng = random.Random(42)
    now = datetime(2025, 1, 1, tzinfo=UTC)
    site = ctx.db.site_id
    elders: list[str] = []
    t0 = time.perf_counter()
    with ctx.db.engine.begin() as conn:
        hh_rows: list[dict[str, object]] = []
        p_rows: list[dict[str, object]] = []
        for hh in generate_households(n_people, today=TODAY):
            hid = new_id()
            hh_rows.append(
                dict(id=hid, kind=hh.kind, estate=hh.estate or hh.village or "",
                     building=hh.building or hh.group or "", unit=hh.unit or "",
                     room=hh.room or hh.door_number or "", address_text=hh.address,
                     phone=hh.phone or "", notes="", created_at=now, updated_at=now,
                     deleted=False, origin_site=site)
            )  # fmt: skip
            for m in hh.members:
                pid = new_id()
                if m.is_elder:
                    elders.append(pid)
                p_rows.append(
                    dict(id=pid, household_id=hid, relation_to_head=m.relation,
                         is_elder=m.is_elder, name=m.name, id_number=m.id_number, sex=m.sex,
                         birth_date=m.birth_date, phone=m.phone or "",
                         living_arrangement=m.living_arrangement or "",
                         categories=m.categories, emergency_contacts=[], ability_grade="",
                         consent=False, notes="", search_text=m.name, pinyin_full="",
                         pinyin_initials="", category_flags=category_flags(m.categories),
                         created_at=now, updated_at=now, deleted=False, origin_site=site)
                )  # fmt: skip
        conn.execute(insert(Household), hh_rows)
        conn.execute(insert(Person), p_rows)
        print(f"loaded {len(p_rows):,} people in {time.perf_counter() - t0:.1f} s", flush=True)
        t0 = time.perf_counter()
        start = TODAY - timedelta(days=730)
        batch: list[dict[str, object]] = []
        for i in range(n_visits):
            pid = elders[rng.randrange(len(elders))]
            day = start + timedelta(days=rng.randrange(730))
            high = rng.random() < 0.03
            batch.append(
                dict(id=new_id(), person_id=pid, visit_date=day, mode="home", status="done",
                     worker_name="bench", companions="", findings={}, risk_flags=[],
                     risk_level="high" if high else "normal", notes="", started_from="",
                     created_at=now, updated_at=now, deleted=False, origin_site=site)
            )  # fmt: skip
            if len(batch) == 50_000 or i == n_visits - 1:
                conn.execute(insert(Visit), batch)
                batch = []
        print(f"loaded {n_visits:,} visits in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    with ctx.db.session() as s:
        rebuild_visit_state(s)
    with ctx.db.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    print(f"visit summary rebuilt in {time.perf_counter() - t0:.1f} s")
    ctx.db.dispose()


def unfiltered(fn, ctx):  # type: ignore[no-untyped-def]
    """``fn(ctx)`` with the due list's SQL filter off: every elder with a cadence is read."""
    fast = due_query.candidates_stmt

    def every_elder(rules, today, _horizon, clock, columns=()):  # type: ignore[no-untyped-def]
        return fast(rules, today, date.max, clock, columns)

    due_query.candidates_stmt = every_elder
    try:
        return fn(ctx)
    finally:
        due_query.candidates_stmt = fast


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", help="build (or reuse) the database in this directory")
    parser.add_argument("--no-rate", action="store_true", help="skip timing the month's rate")
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="time in CPU seconds of this process (SQLite's work included): steadier than wall "
        "time on a machine other jobs keep busy",
    )
    args = parser.parse_args()
    tick = time.process_time if args.cpu else time.perf_counter
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="afc-bench-due-"))
    if not DataDir(root).db_path.exists():
        build(root, args.people, args.visits)
    ctx = open_app(DataDir(root), username="bench", password="bench-pass-1")
    ctx.clock.pin(TODAY)
    horizon = visits.schedule.month_bounds(TODAY.year, TODAY.month)[1]
    special = _special_sql()

    sql_v = text(RAW_SQL_VISITS.format(special=special))
    sql_s = text(RAW_SQL_STATE.format(special=special))
    params = {"horizon": horizon.isoformat()}
    service_times: list[float] = []
    household_times: list[float] = []
    state_times: list[float] = []
    visit_times: list[float] = []
    base_times: list[float] = []
    base_household_times: list[float] = []
    with ctx.db.engine.connect() as conn:
        visits.due_list(ctx)  # warm the page cache once for both
        conn.execute(sql_s, params).all()
        # Alternate the runs so a busy machine slows both sides alike.
        for run in range(args.runs):
            t0 = tick()
            items = visits.due_list(ctx)
            service_times.append(tick() - t0)
            t0 = tick()
            doors = visits.due_by_household(ctx)
            household_times.append(tick() - t0)
            t0 = tick()
            raw_s = conn.execute(sql_s, params).all()
            state_times.append(tick() - t0)
            t0 = tick()
            base_items = unfiltered(visits.due_list, ctx)
            base_times.append(tick() - t0)
            t0 = tick()
            base_doors = unfiltered(visits.due_by_household, ctx)
            base_household_times.append(tick() - t0)
            assert base_items == items and base_doors == doors, "the filter changed the list"
            if run < 2:
                t0 = tick()
                raw_v = conn.execute(sql_v, params).all()
                visit_times.append(tick() - t0)
        service_t = statistics.median(service_times)
        household_t = statistics.median(household_times)
        raw_s_t = statistics.median(state_times)
        raw_v_t = statistics.median(visit_times)
        base_t = statistics.median(base_times)
        base_household_t = statistics.median(base_household_times)
        people = conn.execute(text("SELECT count(*) FROM person WHERE is_elder = 1")).scalar()
        n_visits = conn.execute(text("SELECT count(*) FROM visit")).scalar()
    rate_times = []
    for _ in range(0 if args.no_rate else 2):
        t0 = tick()
        rate = visits.visit_rate(ctx, TODAY.year, TODAY.month)
        rate_times.append(tick() - t0)
    ctx.db.dispose()
    n = len(items)
    print(f"elders {people:,}, visits {n_visits:,}, due by {horizon}: {n:,}")
    print(f"due_list (service, dataclasses)        median {service_t * 1000:8.1f} ms")
    print(f"due_by_household (walking order)       median {household_t * 1000:8.1f} ms"
          f"  ({len(doors):,} households, {sum(len(d.elders) for d in doors):,} elders)")  # fmt: skip
    print(f"single SQL query over visits            median {raw_v_t * 1000:8.1f} ms"
          f"  ({len(raw_v):,} rows)  ratio service/SQL = {service_t / raw_v_t:.2f}")  # fmt: skip
    print(f"single SQL query over visit summary     median {raw_s_t * 1000:8.1f} ms"
          f"  ({len(raw_s):,} rows)  ratio service/SQL = {service_t / raw_s_t:.2f}")  # fmt: skip
    print(f"due_list without the SQL filter        median {base_t * 1000:8.1f} ms"
          f"  ratio filtered/unfiltered = {service_t / base_t:.2f}")  # fmt: skip
    print(f"due_by_household without the filter    median {base_household_t * 1000:8.1f} ms"
          f"  ratio filtered/unfiltered = {household_t / base_household_t:.2f}")  # fmt: skip
    print(f"by household: ratio to SQL over visits = {household_t / raw_v_t:.2f}, "
          f"to SQL over summary = {household_t / raw_s_t:.2f}, "
          f"to due_list = {household_t / service_t:.2f}")  # fmt: skip
    print(
        "(SQLite's '+1 month' does not clamp to the month end, so row counts may differ by a few)"
    )
    if rate_times:
        print(f"visit_rate for the month (all {rate.row('all').due:,} due elders)  best "
              f"{min(rate_times) * 1000:8.1f} ms")  # fmt: skip
    print("times are", "CPU time of this process" if args.cpu else "wall time")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("goal: due_list well under 1 s —", "met" if service_t < 1.0 else "NOT met")
    print("goal: due_by_household under 1 s —", "met" if household_t < 1.0 else "NOT met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
