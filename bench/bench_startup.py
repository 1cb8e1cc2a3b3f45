"""Start-up time to the first shown window and to the main window, against a bare PySide6
window, as ratios.

    .venv/bin/python bench/bench_startup.py [--people 100000] [--runs 5]

Each run is a fresh process timed from launch until a window is on screen (offscreen
platform). "first window" is what ``afc`` puts up first: its splash, shown before the heavy
imports. "main window" goes on: it logs in (the login dialog's unwrapping of the database key,
without a person typing), opens the cached encrypted demo database (bench/.cache) and shows the main window with the register
page. The baseline imports PySide6 and shows an empty QMainWindow. Goal (issue 2): under 2.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 720); w.show()
app.processEvents()
print("shown", flush=True)
"""

SPLASH = """
from afc_desktop.ui.splash import start_app
app, splash = start_app()
print("shown", flush=True)
"""

APP = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from afc_desktop.paths import DataDir
from afc_desktop.services.context import open_app
from afc_desktop.ui.application import apply_style
from afc_desktop.ui.main_window import MainWindow
app = QApplication([])
apply_style(app)
ctx = open_app(DataDir(Path(sys.argv[1])), username="admin", password="bench-pass")
w = MainWindow(ctx); w.show()
app.processEvents()
print("shown", flush=True)
"""


def _time(code: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env
    )
    elapsed = time.perf_counter() - t0
    if "shown" not in out.stdout:
        raise SystemExit(f"window not shown:\n{out.stderr}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--people", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    from common import CACHE, demo_context

    demo_context(args.people).db.dispose()  # make sure the cached database exists
    data = str(CACHE / f"demo-{args.people}")
    _time(BARE)  # warm the OS file cache for both
    _time(APP, data)
    bare = [_time(BARE) for _ in range(args.runs)]
    first = [_time(SPLASH) for _ in range(args.runs)]
    app = [_time(APP, data) for _ in range(args.runs)]
    b, f, a = statistics.median(bare), statistics.median(first), statistics.median(app)
    print(f"\nstart-up, median of {args.runs} runs, {args.people:,} people")
    print(f"bare PySide6 window      : {b:6.2f} s")
    print(f"AFC first window (splash): {f:6.2f} s   ratio {f / b:5.2f}   (goal < 2)")
    print(f"AFC main window, usable  : {a:6.2f} s   ratio {a / b:5.2f}")


if __name__ == "__main__":
    main()
