"""Shared helpers for the benchmarks: a cached demo database of a given size."""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from afc_desktop.paths import DataDir
from afc_desktop.services import demo, encryption, keyring
from afc_desktop.services.context import AppContext, CurrentUser, open_app
from afc_desktop.services.setup import CommunityInput, is_set_up, run_setup

CACHE = Path(__file__).resolve().parent / ".cache"


def demo_context(people: int) -> AppContext:
    """An AppContext on a demo database of ``people`` residents, generated once and cached
    in ``bench/.cache`` (through the normal store path, change log included)."""
    root = CACHE / f"demo-{people}"
    data_dir = DataDir(root)
    if keyring.load(data_dir) is not None or encryption.needs_encryption(data_dir):
        # the cached database is encrypted (or, from an older run, encrypted now)
        return open_app(data_dir, username="admin", password="bench-pass")
    ctx = open_app(data_dir)
    if not is_set_up(ctx):
        run_setup(ctx, CommunityInput("320508", "梅巷社区", "平江街道"), "admin", "bench-pass")
        started = time.perf_counter()
        print(f"generating {people:,} demo residents (cached in {root}) ...", flush=True)
        demo.populate(ctx, people)
        print(f"  generated in {time.perf_counter() - started:.0f} s", flush=True)
    else:
        from afc_desktop.store.models import User

        with ctx.db.session() as s:
            u = s.query(User).filter(User.role == "admin").first()
            assert u is not None
            ctx.user = CurrentUser(u.id, u.username, u.display_name, u.role)
    return ctx


def timings_ms(fn: Callable[[str], object], inputs: list[str]) -> list[float]:
    """Wall time of ``fn(x)`` for each input, in milliseconds."""
    out = []
    for x in inputs:
        t0 = time.perf_counter()
        fn(x)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def p50_p95(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)]


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
