"""Benchmark: importing a ledger (dry run, then commit) against a bare calamine pass.

Usage::

    .venv/bin/python bench/bench_import.py [--rows 10000,50000,199000] [--keep DIR] [--tracemalloc]
        [--baseline DIR]

Builds a 12-column ledger (title row, header, ID numbers as text, dates in mixed styles, several
categories per cell, a few damaged rows), then in one run times: a bare python-calamine pass over
the file (open + iterate every row), the dry run (``preview_import``) and the commit
(``commit_import``, one transaction, into a fresh SQLite register). Prints seconds, the ratio of
each to the bare pass (wall clock, and process CPU time, steadier on a shared machine), and peak
memory (process peak RSS; with ``--tracemalloc``, Python allocations too, at the cost of slower
timings). Each size runs in its own process. Goal: dry run + commit under 3x the bare pass.
The largest default size is 199,000 rows: with its title, header and note rows the sheet stays
under the import's limit of 200,000 rows (``sheets/limits.py``).

``--baseline DIR`` names another checkout of the project (e.g. ``git worktree add /tmp/before
main``): each size is then also run with that code, right after this code's run, on the same
ledger, so a before/after comparison is made in one run on an equally busy machine.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from afc_desktop.domain.idcard import check_digit  # noqa: E402


def _id(birth: date, seq: int) -> str:
    first = f"320508{birth:%Y%m%d}{seq:03d}"
    return first + check_digit(first)


def build_ledger(path: Path, rows: int, seed: int = 7) -> None:
    """A realistic ledger written with openpyxl's streaming writer."""
    from openpyxl import Workbook

    rnd = random.Random(seed)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("台账")
    ws.append(["姑苏区梅巷社区养老服务基础底册"])
    ws.append(["序号", "姓名", "性别", "身份证号", "出生日期", "联系电话", "现住址",
               "特殊困难类型", "居住情况", "紧急联系人", "紧急联系人电话", "备注"])  # fmt: skip
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
    given = "秀英桂兰玉珍建国志明美华淑芬国强红梅德福金宝"
    cats = ["独居", "空巢", "低保", "失能", "独居、低保", "空巢/失能", "", "", ""]
    living = ["独居", "与配偶居住", "与子女居住", ""]
    for i in range(rows):
        birth = date(1925, 1, 1) + timedelta(days=rnd.randrange(0, 365 * 40))
        seq = rnd.randrange(1, 1000)
        style = i % 4
        born: object = (
            birth
            if style == 0
            else f"{birth.year}.{birth.month}.{birth.day}"
            if style == 1
            else f"{birth.year}年{birth.month}月{birth.day}日"
            if style == 2
            else ""
        )
        idn: object = _id(birth, seq)
        if i % 997 == 0:
            idn = float(idn[:17] + "1")  # damaged: stored as a number
        name = rnd.choice(surnames) + "".join(rnd.choice(given) for _ in range(rnd.choice((1, 2))))
        ws.append([
            i + 1, name, "", idn, born, f"13{rnd.randrange(100000000, 999999999)}",
            f"香溪花园{i % 60 + 1}幢{i % 3 + 1}单元{i % 700 + 101}室",
            rnd.choice(cats), rnd.choice(living), name[0] + "某", f"139{rnd.randrange(10000000, 99999999)}", "",
        ])  # fmt: skip
    ws.append(["注：本表由社区填报"])
    wb.save(str(path))


def bare_pass(path: Path) -> tuple[float, int]:
    """Open the file with python-calamine and touch every row: the floor for any import."""
    import python_calamine as pc

    t = time.perf_counter()
    wb = pc.CalamineWorkbook.from_path(str(path))
    sheet = wb.get_sheet_by_index(0)
    n = 0
    for _row in sheet.iter_rows():
        n += 1
    wb.close()
    return time.perf_counter() - t, n


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one_size(rows: int, work: Path, use_tracemalloc: bool) -> dict[str, float | int | str]:
    """Build (or reuse) a ledger of ``rows`` rows and time it in this process."""
    from afc_desktop.domain.search_keys import search_keys
    from afc_desktop.paths import DataDir
    from afc_desktop.services.context import open_app
    from afc_desktop.services.importer import ImportSource, commit_import, preview_import
    from afc_desktop.services.setup import CommunityInput, run_setup

    ledger = work / f"ledger-{rows}.xlsx"
    if not ledger.exists():
        build_ledger(ledger, rows)
    ctx = open_app(DataDir(work / f"data-{rows}-{time.time_ns()}"))
    run_setup(ctx, CommunityInput("320508", "梅巷社区", "平江街道"), "admin", "admin-pass-1")
    t = time.perf_counter()
    search_keys("王秀英")  # pypinyin's dictionaries: once per process, timed apart
    pinyin_load = time.perf_counter() - t
    rss0 = peak_rss_mb()
    bare, nrows = bare_pass(ledger)
    bare_cpu = time.process_time()
    bare_pass(ledger)
    bare_cpu = time.process_time() - bare_cpu
    if use_tracemalloc:
        tracemalloc.start()
    t, c = time.perf_counter(), time.process_time()
    plan = preview_import(ctx, ImportSource(ledger))
    dry, dry_cpu = time.perf_counter() - t, time.process_time() - c
    t, c = time.perf_counter(), time.process_time()
    result = commit_import(ctx, ImportSource(ledger), valid_only=True, preview=plan)
    commit, commit_cpu = time.perf_counter() - t, time.process_time() - c
    py_peak = tracemalloc.get_traced_memory()[1] / 1e6 if use_tracemalloc else 0.0
    ctx.db.dispose()
    return {
        "rows": nrows,
        "summary": plan.summary(),
        "written": result.written_rows,
        "file_mb": ledger.stat().st_size / 1e6,
        "pinyin_load": pinyin_load,
        "bare": bare,
        "bare_cpu": bare_cpu,
        "dry": dry,
        "commit": commit,
        "dry_cpu": dry_cpu,
        "commit_cpu": commit_cpu,
        "rss_before": rss0,
        "rss_peak": peak_rss_mb(),
        "py_peak": py_peak,
    }


def _print_size(label: str, r: dict[str, Any], traced: bool) -> None:
    total = r["dry"] + r["commit"]
    total_cpu = r["dry_cpu"] + r["commit_cpu"]
    growth = r["rss_peak"] - r["rss_before"]
    print(
        f"{r['rows']:>7} | {label:8} | {r['bare']:5.2f} ({r['bare_cpu']:5.2f}) |"
        f" {r['dry']:6.2f} ({r['dry_cpu']:6.2f}) | {r['commit']:6.2f} ({r['commit_cpu']:6.2f}) |"
        f" {total:6.2f} ({total_cpu:6.2f}) | {total / r['bare']:5.1f} |"
        f" {total_cpu / r['bare_cpu']:5.1f} | {r['rss_peak']:.0f} (+{growth:.0f},"
        f" {growth * 1024 / r['rows']:.1f})"
    )
    print(
        f"        {r['file_mb']:.1f} MB file; {r['summary']}; pinyin dictionaries loaded"
        f" once per process in {r['pinyin_load']:.2f} s (not counted)"
        + (f"; Python peak {r['py_peak']:.0f} MB" if traced else "")
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--rows", default="10000,50000,199000", help="comma-separated sizes (default: %(default)s)"
    )
    parser.add_argument("--keep", help="keep the ledgers and data directories here")
    parser.add_argument(
        "--tracemalloc", action="store_true", help="also measure Python allocations (slower)"
    )
    parser.add_argument("--baseline", help="another checkout to run the same sizes with")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="afc-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    sizes = [int(x) for x in str(args.rows).split(",") if x]
    if args.child:  # one size, in a fresh process, so that peak RSS is this size's own
        print(json.dumps(one_size(sizes[0], work, args.tracemalloc)))
        return 0
    print(
        "rows | code | bare s (CPU) | dry run s (CPU) | commit s (CPU) | dry+commit s (CPU) |"
        " ratio wall | ratio CPU | peak RSS MB (growth, KB/row)"
    )
    codes = [("this", Path(__file__).resolve())]
    if args.baseline:
        codes.append(("baseline", Path(args.baseline).resolve() / "bench" / "bench_import.py"))
    for rows in sizes:
        for label, script in codes:
            cmd = [sys.executable, str(script), "--child", "--rows", str(rows), "--keep", str(work)]
            if args.tracemalloc:
                cmd.append("--tracemalloc")
            done = subprocess.run(cmd, capture_output=True, text=True)
            if done.returncode:
                print(f"{rows:>7} | {label:8} | failed: {done.stderr.strip().splitlines()[-1]}")
                continue
            out = done.stdout
            _print_size(label, json.loads(out.strip().splitlines()[-1]), args.tracemalloc)
    print("goal: dry run + commit under 3x the bare calamine pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
