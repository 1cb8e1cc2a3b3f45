"""Two programs writing into one data directory at once (the window and an ``afc`` command).

Each write transaction takes the write lock before it reads the change-log sequence (``BEGIN
IMMEDIATE``), so a second writer waits; if it waits too long it is refused with one plain line
and nothing it committed before is lost. The change log stays gap-free either way.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from afc_desktop.paths import DataDir
from afc_desktop.services.context import open_app
from afc_desktop.store.db import BUSY_MESSAGE, Database, DatabaseBusy
from afc_desktop.store.models import ChangeEvent, Household, Person, SiteSequence

PEOPLE = 10_000


def _key(data_dir: DataDir) -> bytes:
    """The database key, unwrapped with the template administrator's password (conftest)."""
    from afc_desktop.services import keyring

    return keyring.unlock_with_password(data_dir, "admin", "admin-pass-1").key


def _afc(data_dir: DataDir, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "afc_desktop", "--data-dir", str(data_dir.root), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "AFC_DATA_DIR": ""},
    )


def _log_state(data_dir: DataDir) -> tuple[list[int], int, int, int, int, int]:
    ctx = open_app(data_dir, migrate=False)
    try:
        with ctx.db.session() as s:
            seqs = list(
                s.scalars(
                    select(ChangeEvent.seq)
                    .where(ChangeEvent.site_id == ctx.site_id)
                    .order_by(ChangeEvent.seq)
                )
            )
            last = s.get(SiteSequence, ctx.site_id)
            people = s.scalar(select(func.count()).select_from(Person)) or 0
            households = s.scalar(select(func.count()).select_from(Household)) or 0
            person_events = (
                s.scalar(
                    select(func.count())
                    .select_from(ChangeEvent)
                    .where(ChangeEvent.table_name == "person")
                )
                or 0
            )
            household_events = (
                s.scalar(
                    select(func.count())
                    .select_from(ChangeEvent)
                    .where(ChangeEvent.table_name == "household")
                )
                or 0
            )
        return (
            seqs,
            last.last_seq if last else 0,
            people,
            households,
            person_events,
            household_events,
        )
    finally:
        ctx.db.dispose()


@pytest.mark.slow
def test_two_processes_each_writing_10000_people(set_up_dir: DataDir) -> None:
    before = _log_state(set_up_dir)
    procs = [
        _afc(set_up_dir, "demo", "--people", str(PEOPLE), "--register-only", "--seed", str(seed))
        for seed in (1, 2)
    ]
    results = [p.communicate(timeout=600) for p in procs]
    finished = 0
    for proc, (_out, err) in zip(procs, results, strict=True):
        if proc.returncode == 0:
            finished += 1
            assert err == ""
        else:
            # refused: exactly the plain line, no SQL, no traceback
            assert proc.returncode == 1
            assert err == f"afc: {BUSY_MESSAGE}\n"
    assert finished >= 1

    seqs, last_seq, people, households, person_events, household_events = _log_state(set_up_dir)
    # gap-free, no repeats, and the counter agrees with the log
    assert seqs == list(range(1, len(seqs) + 1))
    assert last_seq == len(seqs)
    # every row written has its event, and each finished program wrote all its people
    assert people - before[2] == person_events - before[4]
    assert households - before[3] == household_events - before[5]
    assert people - before[2] >= finished * PEOPLE
    if finished == 2:
        assert people - before[2] == 2 * PEOPLE


def test_second_writer_waits_then_gets_the_plain_message(set_up_dir: DataDir) -> None:
    """A writer holding the lock longer than the wait: the other is refused, nothing lost."""
    key = _key(set_up_dir)
    holder = Database(set_up_dir.db_path, key=key)
    waiter = Database(set_up_dir.db_path, key=key)
    waiter.load_site()
    try:
        with holder.session(write=True) as s:
            s.connection()  # BEGIN IMMEDIATE: the write lock is taken
            with waiter.engine.connect() as raw:
                raw.exec_driver_sql("PRAGMA busy_timeout=200")  # keep the test short
                raw.commit()
            started = time.monotonic()
            with (
                pytest.raises(DatabaseBusy) as refused,
                waiter.session(actor=None, write=True) as w,
            ):
                w.add(Person(name="等待者"))
            waited = time.monotonic() - started
            assert 0.15 < waited < 5  # it waited for the lock, then gave up
            assert refused.value.message == BUSY_MESSAGE
            assert "SQL" not in str(refused.value) and "等待者" not in str(refused.value)
    finally:
        holder.dispose()
        waiter.dispose()
    ctx = open_app(set_up_dir, migrate=False)
    try:
        with ctx.db.session() as s:
            assert s.scalar(select(func.count()).where(Person.name == "等待者")) == 0
    finally:
        ctx.db.dispose()


def test_read_then_write_against_a_newer_commit_is_refused_not_duplicated(
    set_up_dir: DataDir,
) -> None:
    """A deferred session that read the sequence before another program wrote never reuses
    its numbers: it is refused (SQLite cannot move its snapshot) and rolls back."""
    key = _key(set_up_dir)
    first = Database(set_up_dir.db_path, key=key)
    second = Database(set_up_dir.db_path, key=key)
    first.load_site()
    second.load_site()
    try:
        with pytest.raises(DatabaseBusy), first.session() as a:
            a.scalar(select(func.count()).select_from(Person))  # snapshot taken
            with second.session(write=True) as b:
                b.add(Person(name="乙"))
            a.add(Person(name="甲"))
            a.flush()
    finally:
        first.dispose()
        second.dispose()
    seqs = _log_state(set_up_dir)[0]
    assert seqs == list(range(1, len(seqs) + 1))
