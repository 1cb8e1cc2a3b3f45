"""A process killed (SIGKILL) in the middle of a large write leaves the database intact,
holding all of the batch or none of it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import func, select

from afc_desktop.services.context import open_app
from afc_desktop.store.models import ChangeEvent, Person

BATCH = 6000

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from afc_desktop.paths import DataDir
    from afc_desktop.services.context import open_app
    from afc_desktop.store.models import Person

    ctx = open_app(DataDir(Path(sys.argv[1])))
    with ctx.db.session(actor="crash-test") as s:
        for i in range(1, int(sys.argv[2]) + 1):
            s.add(Person(name=f"批量{i}"))
            if i % 500 == 0:
                s.flush()
                print("flushed", i, flush=True)
                sys.stdin.readline()  # the parent says go on, or kills us here
    print("committed", flush=True)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("kill_after", [500, 3000, BATCH, None])
def test_sigkill_mid_batch_leaves_all_or_nothing(set_up_dir, kill_after: int | None) -> None:
    """Killed after ``kill_after`` rows were flushed (None: let it commit, then look)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(set_up_dir.root), str(BATCH)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("committed"):
            break
        flushed = int(line.split()[1])
        if flushed == kill_after:
            os.kill(proc.pid, signal.SIGKILL)  # rows written to the file, not committed
            break
        proc.stdin.write("go\n")
        proc.stdin.flush()
    proc.wait(timeout=60)
    assert proc.returncode == (-signal.SIGKILL if kill_after else 0)

    ctx = open_app(set_up_dir)
    try:
        assert ctx.db.integrity_check() == []
        with ctx.db.session() as s:
            people = s.scalar(select(func.count()).select_from(Person))
            events = s.scalar(
                select(func.count())
                .select_from(ChangeEvent)
                .where(ChangeEvent.actor == "crash-test")
            )
        assert people == (BATCH if kill_after is None else 0)
        assert events == people  # the change log never disagrees with the data
    finally:
        ctx.db.dispose()
