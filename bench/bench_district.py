"""District scale on PostgreSQL (issue 14): many communities' snapshots into one hub.

One demo community of P residents (register, visits, needs … generated through the services
and cached in ``bench/.cache``) is the template. For each size, C = people / P communities are
set up and enrolled with a fresh PostgreSQL hub; each sends one snapshot bundle whose events
are the template's with every record id, event id and site id made its own (streamed into the
bundle, never held in memory). The bundles are imported one after another, then printed per
size:

- import throughput (events/s) and its ratio to a bare ``COPY`` of the same ``change_event``
  rows into a table of the same shape, measured in the same run (goal: under 3); when the
  server runs on this machine, the same ratio in CPU seconds (this process plus the database's
  server processes, read from ``/proc``), which a busy machine does not blur; and the import
  time of the issue's city projected from the measured rate;
- the roster view (``district.overview``) and the district report (``district.figures``)
  times (goal: each under 10 s); the report cold (every community computed), again (all from
  the figure cache) and after one community's data changed (that one recomputed), with their
  ratios to the cold report;
- the peak Python memory (tracemalloc) of one community's import, timed apart from the
  throughput, and the process's peak RSS: both should stay flat as the size grows;
- with ``--explain``, the slowest SQL statements of the roster and the report with the outline
  of their ``EXPLAIN ANALYZE`` plans.

    PYTHONPATH=. .venv/bin/python bench/bench_district.py --sizes 50000,200000 \\
        --people-per-community 5000 [--pg-url postgresql+psycopg://…/postgres] [--explain]

Without ``--pg-url`` a throwaway server is started from ``PG_BIN`` (fsync off); with it, one new
database per size is created on that server and dropped afterwards. The issue's target, a city
of 1,000,000 people in 500 communities (the template has about 3.4 events a person, so
3,400,000 events; the issue estimates 10,000,000), is

    PYTHONPATH=. .venv/bin/python bench/bench_district.py --sizes 1000000 \\
        --people-per-community 2000

— about 20 minutes on the shared 2-core development machine (9 to prepare the bundles, 10 to
import them, then the bare COPY and the reports; 2026-12-02), and about 3 GB of RSS, most of
it the prepared communities.

``--direct`` skips the bundles: each size's hub is filled by COPY-ing generated rows straight
into its tables (``bench/district_load.py``: register, visits, summaries, needs, projects,
some change-log history), which takes minutes at 1,000,000 people; then only the roster and
the report are timed (wall and CPU seconds), cold, cached and for last month (people changed
since rebuilt from the history), with the peak Python memory of a cold report (tracemalloc)
and the process's peak RSS:

    PYTHONPATH=. .venv/bin/python bench/bench_district.py --direct --sizes 200000,1000000 \\
        --people-per-community 2000 --pg-url postgresql+psycopg://afc@127.0.0.1:54330/postgres
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
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, delete, event, select, text

from afc_desktop.district import figure_cache, figures, hub, overview, roster
from afc_desktop.paths import DataDir
from afc_desktop.services import demo
from afc_desktop.services import sync as sync_service
from afc_desktop.services.context import AppContext, CurrentUser, open_app
from afc_desktop.services.setup import CommunityInput, run_setup
from afc_desktop.store.models import User
from afc_desktop.store.models.district import DistrictFigureCache
from afc_desktop.sync import apply, bundle, crypto, enrolment, keys

CACHE = Path(__file__).resolve().parent / ".cache"
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
PASS = b"bench district pass"
SITE_PASS = "bench-pass-1"


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


def login(ctx: AppContext) -> None:
    with ctx.db.session() as s:
        u = s.scalars(select(User).where(User.role == "admin")).first()
        assert u is not None
        ctx.user = CurrentUser(u.id, u.username, u.display_name, u.role)


def template(people: int) -> AppContext:
    """The cached demo community every bench community copies."""
    root = CACHE / f"district-template-{people}"
    if root.exists() and not (root / ".done").exists():
        shutil.rmtree(root)
    if root.exists():
        return open_app(DataDir(root), username="admin", password=SITE_PASS)
    ctx = open_app(DataDir(root))
    run_setup(ctx, CommunityInput("320508018999", "模板社区"), "admin", SITE_PASS)
    login(ctx)
    demo.populate(ctx, people, seed=2021)
    (root / ".done").write_text("ok")
    return ctx


def copied_events(tpl: AppContext, site_id: str, first_seq: int, i: int) -> Iterator[dict]:
    """The template's events as community ``i``'s own: new ids, its site, seq after its own."""
    ns = uuid.uuid5(uuid.NAMESPACE_URL, f"bench-community/{i}")
    with tpl.db.session() as s:
        record_ids = {
            str(r)
            for r in s.scalars(select(apply.CE.c.record_id).distinct())  # type: ignore[arg-type]
        }
        tpl_site = tpl.site_id

        def mapped(value: Any) -> Any:
            if isinstance(value, str) and value in record_ids:
                return str(uuid.uuid5(ns, value))
            return value

        for n, ev in enumerate(apply.iter_all_events(s), start=first_seq):
            fields = {k: mapped(v) for k, v in ev["fields"].items()}
            if fields.get("origin_site") == tpl_site:
                fields["origin_site"] = site_id
            yield {
                **ev,
                "event_id": str(uuid.uuid5(ns, "e" + ev["event_id"])),
                "site_id": site_id,
                "seq": n,
                "record_id": mapped(ev["record_id"]),
                "base_rev": str(uuid.uuid5(ns, "e" + ev["base_rev"])) if ev["base_rev"] else None,
                "fields": fields,
            }


def community_bundle(
    i: int, tpl: AppContext, db, dkeys: keys.DistrictKeys, out: Path, work: Path
) -> Path:
    """Community i: set up, enrolled, and its snapshot (own events + the template's) written."""
    code = f"320508{18 + i // 999:03d}{i % 999 + 1:03d}"
    ctx = open_app(DataDir(work / f"site-{i}"))
    run_setup(ctx, CommunityInput(code, f"社区{i + 1}"), "admin", SITE_PASS)
    issued = roster.add_community(
        db, dkeys, district_code="320508", district_name="姑苏区", code=code,
        name=f"社区{i + 1}", out=work,
    )  # fmt: skip
    fp = enrolment.fingerprint(dkeys.sign_public, dkeys.enc_public)
    sync_service.enrol(ctx, Path(issued.path), fp)
    site_id = str(ctx.site_id)
    site_keys = keys.ensure_site_keys(ctx.data_dir.keys_dir, ctx.db.key)
    with ctx.session() as s:
        peer = sync_service._district(s)
        assert peer is not None and peer.enrolment_id and peer.enrolment_proof
        own = list(apply.iter_site_events(s, site_id))

        def events() -> Iterator[dict]:
            yield from own
            yield from copied_events(tpl, site_id, len(own) + 1, i)

        result = bundle.write_bundle(
            out,
            events(),
            kind="snapshot",
            signer=site_keys,
            site_id=site_id,
            community_code=code,
            community_name=f"社区{i + 1}",
            recipient=bundle.Recipient(peer.code, crypto.b64d(peer.enc_public), peer.key_id),
            enrolment={"id": peer.enrolment_id, "proof": peer.enrolment_proof},
            now=ctx.now(),
        )
    ctx.db.dispose()
    shutil.rmtree(work / f"site-{i}", ignore_errors=True)
    return Path(result.path)


def server_cpu(url: str) -> float | None:
    """CPU seconds used so far by the server processes of ``url``'s database, when the server
    runs on this machine (``/proc``); None otherwise. Backends of a pool live on between
    imports, so the difference around an import is the server's work for it."""
    name = url.rpartition("/")[2]
    total, found = 0, False
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
            if not cmd.startswith("postgres:") or f" {name} " not in cmd:
                continue
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
        found = True
    return total / os.sysconf("SC_CLK_TCK") if found else None


def bare_copy_seconds(url: str) -> tuple[float, int, float | None]:
    """Seconds for a bare COPY of the hub's change_event rows into a table of the same shape,
    the rows, and the CPU seconds of that COPY (client and server; None without /proc)."""
    engine = create_engine(url)
    with engine.begin() as conn:
        raw = conn.connection.dbapi_connection
        buf = io.BytesIO()
        with raw.cursor() as cur, cur.copy("COPY change_event TO STDOUT") as copy:
            for chunk in copy:
                buf.write(chunk)
        conn.execute(text("CREATE TABLE ce_copy (LIKE change_event INCLUDING ALL)"))
        data = buf.getvalue()
        srv0, cpu0 = server_cpu(url), time.process_time()
        start = time.perf_counter()
        with raw.cursor() as cur, cur.copy("COPY ce_copy FROM STDIN") as copy:
            copy.write(data)
        seconds = time.perf_counter() - start
        srv1 = server_cpu(url)
        cpu = None
        if srv0 is not None and srv1 is not None:
            cpu = time.process_time() - cpu0 + srv1 - srv0
        rows = int(conn.execute(text("SELECT count(*) FROM ce_copy")).scalar() or 0)
        conn.execute(text("DROP TABLE ce_copy"))
    engine.dispose()
    return seconds, rows, cpu


class Statements:
    """The SQL statements run while ``with``-ed, with their seconds (to EXPLAIN the slowest)."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self.seen: list[tuple[float, str, Any]] = []

    def _before(self, conn, cursor, statement, params, context, many) -> None:  # noqa: ANN001
        conn.info["bench_t0"] = time.perf_counter()

    def _after(self, conn, cursor, statement, params, context, many) -> None:  # noqa: ANN001
        self.seen.append((time.perf_counter() - conn.info.pop("bench_t0"), statement, params))

    def __enter__(self) -> Statements:
        event.listen(self.engine, "before_cursor_execute", self._before)
        event.listen(self.engine, "after_cursor_execute", self._after)
        return self

    def __exit__(self, *exc: object) -> None:
        event.remove(self.engine, "before_cursor_execute", self._before)
        event.remove(self.engine, "after_cursor_execute", self._after)

    def explain_slowest(self, n: int = 3) -> None:
        """EXPLAIN ANALYZE the ``n`` slowest statements; print their time and plan outline."""
        for seconds, statement, params in sorted(self.seen, key=lambda x: -x[0])[:n]:
            first = " ".join(statement.split())[:110]
            print(f"    {seconds:.2f} s  {first}…")
            with self.engine.connect() as conn:
                plan = conn.exec_driver_sql("EXPLAIN (ANALYZE, COSTS OFF) " + statement, params)
                for (line,) in plan:
                    if any(k in line for k in ("Scan", "Aggregate", "Join", "Execution Time")):
                        print(f"      {line.strip()[:110]}")


def new_database(server_url: str) -> str:
    name = "afc_bench_" + uuid.uuid4().hex[:10]
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return f"{server_url.rpartition('/')[0]}/{name}"


def drop_database(server_url: str, url: str) -> None:
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{url.rpartition("/")[2]}" WITH (FORCE)'))
    admin.dispose()


def run_size(
    server_url: str, tpl: AppContext, people: int, per: int, tmp: Path, explain: bool
) -> None:
    communities = max(2, people // per)
    url = new_database(server_url)
    work = tmp / f"size-{people}"
    try:
        dkeys = keys.create_district_keys(work / "keys", PASS)
        db = hub.open_hub(url)
        started = time.perf_counter()
        bundles = [
            community_bundle(i, tpl, db, dkeys, work / "usb", work) for i in range(communities)
        ]
        print(f"prepared {communities} bundles in {time.perf_counter() - started:.0f} s")
        timed_events, import_seconds, import_cpu, server_seconds = 0, 0.0, 0.0, 0.0
        for path in bundles[:-1]:
            t0, c0, s0 = time.perf_counter(), time.process_time(), server_cpu(url)
            line = hub.import_bundle(db, dkeys, path)
            import_seconds += time.perf_counter() - t0
            import_cpu += time.process_time() - c0
            s1 = server_cpu(url)
            server_seconds += (s1 - s0) if s0 is not None and s1 is not None else float("nan")
            assert line.outcome == "applied", line.message
            timed_events += line.applied
        tracemalloc.start()
        line = hub.import_bundle(db, dkeys, bundles[-1])
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert line.outcome == "applied", line.message
        # the best of three: the machine may be busy with other work
        copy_seconds, copied, copy_cpu = min(bare_copy_seconds(url) for _ in range(3))
        with Statements(db.engine) as roster_sql:
            t0 = time.perf_counter()
            view = overview.overview(db)
            roster_seconds = time.perf_counter() - t0
        today = db.clock.today()
        with Statements(db.engine) as report_sql:
            t0 = time.perf_counter()
            report = figures.district_report(db, today.year, today.month)
            report_seconds = time.perf_counter() - t0
        # the same report again: every community's figures from the cache
        t0 = time.perf_counter()
        warm = figures.district_report(db, today.year, today.month)
        warm_seconds = time.perf_counter() - t0
        assert warm.as_dict() == report.as_dict()
        # one community's data changed (its cached row gone, as a new bundle makes it stale)
        with db.session(replaying=True) as s:
            s.execute(
                delete(DistrictFigureCache).where(DistrictFigureCache.code == report.rows[0].code)
            )
        t0 = time.perf_counter()
        one = figures.district_report(db, today.year, today.month)
        one_seconds = time.perf_counter() - t0
        assert one.as_dict() == report.as_dict()
        rate = timed_events / import_seconds
        copy_rate = copied / copy_seconds
        print(
            f"size {communities * per:,} people in {communities} communities, "
            f"{copied:,} events ({line.applied:,} a community)"
        )
        print(
            f"  import {rate:,.0f} events/s ({import_seconds:.0f} s for {timed_events:,}); "
            f"bare COPY of the same rows {copy_rate:,.0f} rows/s ({copy_seconds:.1f} s); "
            f"ratio {copy_rate / rate:.1f}x (goal < 3)"
        )
        if copy_cpu is not None and server_seconds == server_seconds:  # not NaN
            per_event = (import_cpu + server_seconds) / timed_events
            print(
                f"  CPU time (load-independent): import {import_cpu:.1f} s Python + "
                f"{server_seconds:.1f} s server = {per_event * 1e6:.0f} µs an event; bare COPY "
                f"{copy_cpu / copied * 1e6:.1f} µs a row; CPU ratio "
                f"{per_event / (copy_cpu / copied):.1f}x"
            )
        # the city, by the per-event cost measured here (it stays flat as size grows)
        city = 1_000_000 * copied / (communities * per)
        print(
            f"  projection for 1,000,000 people (~{city / 1e6:.1f} M events): import "
            f"{city / rate / 60:.0f} min at this wall rate; a bare COPY {city / copy_rate / 60:.0f} min"
        )
        print(f"  roster view {roster_seconds:.2f} s for {len(view.rows)} communities (goal < 10)")
        print(
            f"  district report {report_seconds:.2f} s, {report.total.elders:,} elders (goal < 10)"
            " — cold: every community computed"
        )
        print(
            f"  report again {warm_seconds:.2f} s (cached, {warm_seconds / report_seconds:.2f}x); "
            f"after one community's new data {one_seconds:.2f} s "
            f"({one_seconds / report_seconds:.2f}x of cold)"
        )
        print(
            f"  peak Python memory of one import {peak / 1e6:.0f} MB; process peak RSS "
            f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
        )
        if explain:
            print("  slowest roster statements (EXPLAIN ANALYZE):")
            roster_sql.explain_slowest()
            print("  slowest report statements (EXPLAIN ANALYZE):")
            report_sql.explain_slowest()
        db.dispose()
    finally:
        drop_database(server_url, url)
        shutil.rmtree(work, ignore_errors=True)


def _timed(fn: Any) -> tuple[Any, float, float]:
    """(result, wall seconds, CPU seconds of this process)."""
    w0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w0, time.process_time() - c0


def run_direct(
    server_url: str, people: int, per: int, explain: bool, keep: bool, loaded: str | None = None
) -> None:
    """One size loaded by COPY (``district_load``); the roster and the report timed.
    ``loaded``: the URL of a hub kept from an earlier run (``--keep``), timed as it is."""
    from bench import district_load

    url = loaded or new_database(server_url)
    keep = keep or loaded is not None
    try:
        db = hub.open_hub(url)
        if loaded is None:
            started = time.perf_counter()
            written = district_load.load(url, people, per, db.clock)
            print(
                f"size {people:,} people in {people // per} communities loaded by COPY in "
                f"{time.perf_counter() - started:.0f} s: "
                + ", ".join(f"{v:,} {k}" for k, v in written.items())
            )
        else:
            with db.session() as s:
                n = s.execute(text("SELECT count(*) FROM person")).scalar_one()
            print(f"hub {url.rpartition('/')[2]} as loaded earlier: {n:,} people")
        today = db.clock.today()
        last = today.replace(day=1) - timedelta(days=1)
        with Statements(db.engine) as roster_sql:
            view, wall, cpu = _timed(lambda: overview.overview(db))
        print(f"  roster view {wall:.2f} s (CPU {cpu:.2f} s) for {len(view.rows)} communities"
              " (goal < 10)")  # fmt: skip
        figure_cache.forget(db)
        with Statements(db.engine) as report_sql:
            report, wall, cpu = _timed(lambda: figures.district_report(db, today.year, today.month))
        print(
            f"  district report cold {wall:.2f} s (CPU {cpu:.2f} s), {report.total.elders:,} "
            f"elders, 特殊困难 visited {report.total.special_visited:,}/"
            f"{report.total.special_due:,} (goal < 10)"
        )
        warm, w_wall, w_cpu = _timed(lambda: figures.district_report(db, today.year, today.month))
        assert warm.as_dict() == report.as_dict()
        print(f"  report cached {w_wall:.2f} s (CPU {w_cpu:.2f} s, {w_wall / wall:.2f}x of cold)")
        with db.session(replaying=True) as s:  # one community's data changed: its row stale
            s.execute(
                delete(DistrictFigureCache).where(DistrictFigureCache.code == report.rows[0].code)
            )
        one, o_wall, o_cpu = _timed(lambda: figures.district_report(db, today.year, today.month))
        assert one.as_dict() == report.as_dict()
        print(f"  after one community's new data {o_wall:.2f} s (CPU {o_cpu:.2f} s, only it "
              f"recomputed; {o_wall / wall:.2f}x of cold)")  # fmt: skip
        figure_cache.forget(db)
        past, p_wall, p_cpu = _timed(lambda: figures.district_report(db, last.year, last.month))
        print(
            f"  last month's report cold {p_wall:.2f} s (CPU {p_cpu:.2f} s; people changed "
            f"since rebuilt from the change log), 特殊困难 {past.total.special_visited:,}/"
            f"{past.total.special_due:,}"
        )
        figure_cache.forget(db)
        tracemalloc.start()
        figures.district_report(db, today.year, today.month)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(
            f"  peak Python memory of a cold report {peak / 1e6:.0f} MB; process peak RSS "
            f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
        )
        if explain:
            print("  slowest roster statements (EXPLAIN ANALYZE):")
            roster_sql.explain_slowest()
            print("  slowest report statements (EXPLAIN ANALYZE):")
            report_sql.explain_slowest()
        db.dispose()
    finally:
        if keep:
            print(f"  kept {url}")
        else:
            drop_database(server_url, url)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="50000,200000", help="people in the district, per run")
    ap.add_argument("--people-per-community", type=int, default=5000)
    ap.add_argument("--pg-url", default=os.environ.get("AFC_BENCH_PG_URL"))
    ap.add_argument("--explain", action="store_true", help="EXPLAIN the slowest roster/report SQL")
    ap.add_argument("--direct", action="store_true", help="load by COPY, time roster/report")
    ap.add_argument("--keep", action="store_true", help="--direct: keep the database")
    ap.add_argument("--loaded", help="--direct: time this kept hub (URL) instead of loading")
    args = ap.parse_args()
    if args.direct and args.loaded:
        run_direct("", 0, 1, args.explain, True, args.loaded)
        return
    if args.direct:
        if not args.pg_url:
            raise SystemExit("--direct needs --pg-url (a server to create databases on)")
        for size in (int(x) for x in args.sizes.split(",")):
            run_direct(args.pg_url, size, args.people_per_community, args.explain, args.keep)
        return
    tmp = Path(tempfile.mkdtemp(prefix="afc-bench-district-"))
    data_dir = None
    server_url = args.pg_url
    if not server_url:
        server_url, data_dir = throwaway_pg(tmp)
    try:
        started = time.perf_counter()
        tpl = template(args.people_per_community)
        print(f"template community ready in {time.perf_counter() - started:.0f} s")
        for size in (int(x) for x in args.sizes.split(",")):
            run_size(server_url, tpl, size, args.people_per_community, tmp, args.explain)
        tpl.db.dispose()
    finally:
        if data_dir is not None:
            stop_pg(data_dir)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
