"""A process killed (SIGKILL) in the middle of a large write leaves the database intact,
holding all of the batch or none of it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

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
        print("started", flush=True)
        for i in range(int(sys.argv[2])):
            s.add(Person(name=f"批量{i}"))
            if i % 500 == 0:
                s.flush()
    print("committed", flush=True)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("delay", [0.2, 0.8, 1.5])
def test_sigkill_mid_batch_leaves_all_or_nothing(set_up_dir, delay: float) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(set_up_dir.root), str(BATCH)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "started"
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)

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
        assert people in (0, BATCH)
        assert events == people  # the change log never disagrees with the data
    finally:
        ctx.db.dispose()
