"""District scale on PostgreSQL (issue 14): many communities' snapshots into one hub.

For C communities of P demo residents each (register, visits, needs … generated through the
services and cached in ``bench/.cache``), every community's first bundle is imported into a
fresh PostgreSQL hub. Printed:

- import throughput (events/s) and its ratio to a bare ``COPY`` of the same ``change_event``
  rows into a table of the same shape, measured in the same run (goal: under 3);
- the roster view (``district.overview``) and the district report (``district.figures``)
  times (goal: each under 10 s);
- peak Python memory of each import (tracemalloc) and the process's peak RSS, per community
  size, so one can see whether memory stays flat as the size grows.

    PYTHONPATH=. .venv/bin/python bench/bench_district.py --communities 4 --people 2000 \\
        [--pg-url postgresql+psycopg://…]   # default: a throwaway server from PG_BIN

The issue's target size is 500 communities × 2,000 people (1,000,000 people, ~10,000,000
events); run it there on a machine of its own.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import shutil
import subprocess
import tempfile
import time
import tracemalloc
from pathlib import Path

from sqlalchemy import create_engine, text

from afc_desktop.district import figures, hub, overview, roster
from afc_desktop.paths import DataDir
from afc_desktop.services import demo
from afc_desktop.services import sync as sync_service
from afc_desktop.services.context import open_app
from afc_desktop.services.setup import CommunityInput, is_set_up, run_setup
from afc_desktop.sync import enrolment, keys

CACHE = Path(__file__).resolve().parent / ".cache"
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
PASS = b"bench district pass"


def throwaway_pg(base: Path) -> tuple[str, Path]:
    """initdb + pg_ctl start on a free port (fsync off); returns (URL, data dir)."""
    import socket

    data = base / "pg"
    user = []
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
        base.chmod(0o755)
        user = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    subprocess.run([*user, str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "-A",
                    "trust", "-E", "UTF8"], check=True, capture_output=True)  # fmt: skip
    subprocess.run([*user, str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(base / "log"),
                    "-o", f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off",
                    "-w", "start"], check=True, capture_output=True)  # fmt: skip
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres", data


def stop_pg(data: Path) -> None:
    user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run([*user, str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                   capture_output=True)  # fmt: skip


def community_bundle(
    i: int, people: int, db, dkeys: keys.DistrictKeys, out: Path, work: Path
) -> Path:
    """Community i's snapshot bundle to the district (its data generated once and cached)."""
    code = f"320508018{i + 1:03d}"
    root = CACHE / f"district-{people}-{i}"
    ctx = open_app(DataDir(root))
    if not is_set_up(ctx):
        run_setup(ctx, CommunityInput(code, f"社区{i + 1}"), "admin", "bench-pass")
        demo.populate(ctx, people, seed=2021 + i)
    from afc_desktop.services.context import CurrentUser
    from afc_desktop.store.models import User

    with ctx.db.session() as s:
        u = s.query(User).filter(User.role == "admin").first()
        assert u is not None
        ctx.user = CurrentUser(u.id, u.username, u.display_name, u.role)
    issued = roster.add_community(
        db, dkeys, district_code="320508", district_name="姑苏区", code=code,
        name=f"社区{i + 1}", out=work,
    )  # fmt: skip
    fp = enrolment.fingerprint(dkeys.sign_public, dkeys.enc_public)
    sync_service.enrol(ctx, Path(issued.path), fp)
    path = Path(sync_service.export_bundle(ctx, out, snapshot=True).path)
    ctx.db.dispose()
    return path


def bare_copy_seconds(url: str) -> tuple[float, int]:
    """Seconds for a bare COPY of the hub's change_event rows into a table of the same shape."""
    engine = create_engine(url)
    with engine.begin() as conn:
        raw = conn.connection.dbapi_connection
        buf = io.BytesIO()
        with raw.cursor() as cur, cur.copy("COPY change_event TO STDOUT") as copy:
            for chunk in copy:
                buf.write(chunk)
        conn.execute(text("CREATE TABLE ce_copy (LIKE change_event INCLUDING ALL)"))
        data = buf.getvalue()
        start = time.perf_counter()
        with raw.cursor() as cur, cur.copy("COPY ce_copy FROM STDIN") as copy:
            copy.write(data)
        seconds = time.perf_counter() - start
        rows = int(conn.execute(text("SELECT count(*) FROM ce_copy")).scalar() or 0)
        conn.execute(text("DROP TABLE ce_copy"))
    engine.dispose()
    return seconds, rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--communities", type=int, default=4)
    ap.add_argument("--people", type=int, default=2000, help="residents per community")
    ap.add_argument("--pg-url", default=os.environ.get("AFC_BENCH_PG_URL"))
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="afc-bench-district-"))
    data_dir = None
    url = args.pg_url
    if not url:
        url, data_dir = throwaway_pg(tmp)
    try:
        dkeys = keys.create_district_keys(tmp / "keys", PASS)
        db = hub.open_hub(url)
        started = time.perf_counter()
        bundles = [
            community_bundle(i, args.people, db, dkeys, tmp / "usb", tmp)
            for i in range(args.communities)
        ]
        print(f"prepared {len(bundles)} bundles in {time.perf_counter() - started:.0f} s")
        total_events = 0
        import_seconds = 0.0
        peaks = []
        for path in bundles:
            tracemalloc.start()
            t0 = time.perf_counter()
            line = hub.import_bundle(db, dkeys, path)
            import_seconds += time.perf_counter() - t0
            peaks.append(tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
            assert line.outcome == "applied", line.message
            total_events += line.applied
        copy_seconds, copied = bare_copy_seconds(url)
        assert copied == total_events, (copied, total_events)
        t0 = time.perf_counter()
        view = overview.overview(db)
        roster_seconds = time.perf_counter() - t0
        today = db.clock.today()
        t0 = time.perf_counter()
        report = figures.district_report(db, today.year, today.month)
        report_seconds = time.perf_counter() - t0
        db.dispose()
        rate = total_events / import_seconds
        people = args.communities * args.people
        print(f"communities {args.communities}, people {people:,}, events {total_events:,}")
        print(
            f"import: {import_seconds:.1f} s, {rate:,.0f} events/s; bare COPY of the same rows "
            f"{copy_seconds:.2f} s ({total_events / copy_seconds:,.0f} rows/s); "
            f"ratio {import_seconds / copy_seconds:.0f}x (goal < 3)"
        )
        print(f"roster view: {roster_seconds:.2f} s for {len(view.rows)} communities (goal < 10)")
        print(
            f"district report: {report_seconds:.2f} s, {report.total.elders:,} elders (goal < 10)"
        )
        print(
            f"peak Python memory per import: {max(peaks) / 1e6:.0f} MB "
            f"({args.people:,} people a community); peak RSS "
            f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
        )
    finally:
        if data_dir is not None:
            stop_pg(data_dir)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
