"""Issue 16: an installation of an older version (plaintext database) is encrypted at first start.

The process is killed at each step of the encryption; the next start finds a working, encrypted
installation with every record, every user's password still valid, and no plaintext left.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from afc_desktop.paths import DataDir
from afc_desktop.services import accounts, backup, demo, encryption, keyring, register
from afc_desktop.services.context import AppContext, ServiceError, open_app
from afc_desktop.services.setup import CommunityInput, run_setup
from afc_desktop.store import cipher
from afc_desktop.store.db import open_database
from afc_desktop.store.models import Person

ADMIN_PASSWORD = "admin-pass-1"


@pytest.fixture(scope="module")
def legacy(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[str, str]]]:
    """An installation as an older version left it: plaintext database and backup, two users."""
    root = tmp_path_factory.mktemp("legacy") / "data"
    data_dir = DataDir(root).ensure()
    db = open_database(data_dir.db_path, backup_dir=data_dir.backups_dir)  # no key: plaintext
    ctx = AppContext(db=db, data_dir=data_dir)
    run_setup(
        ctx, CommunityInput("320508", "梅巷社区", "平江街道"), "admin", ADMIN_PASSWORD, "王芳"
    )
    accounts.create_user(ctx, "li", "李娜", "li-pass-22")
    demo.populate(ctx, 40, seed=3, daily=False)
    backup.make_backup(ctx, "manual")
    with ctx.session() as s:
        people = [(p.name, p.id_number) for p in s.query(Person) if p.id_number]
    db.dispose()
    assert cipher.is_plaintext(data_dir.db_path)
    assert keyring.load(data_dir) is None
    return root, people


@pytest.fixture
def old_install(legacy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataDir:
    monkeypatch.delenv("AFC_PASSWORD_FILE", raising=False)
    keyring.forget_all()
    target = tmp_path / "old"
    shutil.copytree(legacy[0], target)
    return DataDir(target)


def _assert_encrypted_and_whole(data_dir: DataDir, people: list[tuple[str, str]]) -> None:
    keyring.forget_all()
    for user, password in (("admin", ADMIN_PASSWORD), ("li", "li-pass-22")):
        ctx = open_app(data_dir, username=user, password=password)
        found = register.search_person_ids(
            ctx, register.PersonQuery(text=people[0][1], elders_only=False)
        )
        assert len(found) == 1
        with ctx.session() as s:
            assert s.query(Person).filter(Person.id_number.isnot(None)).count() == len(people)
        ctx.db.dispose()
        keyring.forget_all()
    secrets = [idn.encode() for _, idn in people] + [n.encode() for n, _ in people if len(n) > 1]
    for folder, _, names in os.walk(data_dir.root):
        for name in names:
            path = Path(folder) / name
            assert not cipher.is_plaintext(path), path
            data = path.read_bytes()
            assert not any(s in data for s in secrets), path
    assert keyring.read_pending(data_dir) is None
    assert not (data_dir.backups_dir / encryption.SAFETY_COPY).exists()
    kinds = [b.kind for b in backup.list_backups(data_dir)]
    assert "manual" in kinds  # the old backup is kept, now encrypted
    with pytest.raises(ServiceError):
        open_app(data_dir, username="admin", password="wrong-password")


def test_first_start_encrypts_a_plaintext_installation(old_install: DataDir, legacy) -> None:
    ctx = open_app(old_install, username="li", password="li-pass-22")  # users keep passwords
    assert ctx.user is not None and ctx.user.username == "li"
    assert accounts.needs_recovery_key(ctx)  # the first administrator is asked to print one
    ctx.db.dispose()
    _assert_encrypted_and_whole(old_install, legacy[1])


def test_a_failed_check_rolls_back_to_the_working_plaintext(
    old_install: DataDir, legacy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cipher, "same_content", lambda *a: ["person: 40 != 39"])
    with pytest.raises(ServiceError, match="已放弃加密，数据保持原样"):
        open_app(old_install, username="admin", password=ADMIN_PASSWORD)
    assert cipher.is_plaintext(old_install.db_path)
    assert keyring.read_pending(old_install) is None
    assert not list(old_install.root.glob("*.encrypting*"))
    assert cipher.integrity_problems(old_install.db_path, None) == []
    monkeypatch.undo()
    ctx = open_app(old_install, username="admin", password=ADMIN_PASSWORD)
    ctx.db.dispose()
    _assert_encrypted_and_whole(old_install, legacy[1])


CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from afc_desktop.paths import DataDir
    from afc_desktop.services import encryption, keyring
    from afc_desktop.services.context import open_app
    from afc_desktop.store import cipher

    def die(*_a, **_k):
        os.kill(os.getpid(), signal.SIGKILL)

    def after(module, name):
        original = getattr(module, name)
        def wrapped(*a, **k):
            original(*a, **k)
            die()
        setattr(module, name, wrapped)

    stage = sys.argv[2]
    if stage == "after-safety-copy":
        cipher.checkpoint_to_single_file = die
    elif stage == "mid-export":
        cipher._finish = die  # the encrypted copy is written but never renamed
    elif stage == "ring-written":
        after(keyring, "save")  # key ring on disk, database still plaintext
    elif stage == "after-swap":
        encryption._encrypt_backups = die  # database encrypted, old backups still plaintext
    elif stage == "mid-backups":
        calls = []
        original = cipher.encrypt_file
        def second_call_dies(*a, **k):
            calls.append(1)
            if len(calls) == 2:
                die()
            return original(*a, **k)
        cipher.encrypt_file = second_call_dies
    elif stage == "before-cleanup":
        keyring.clear_pending = die
    open_app(DataDir(Path(sys.argv[1])), username="admin", password=sys.argv[3])
    print("not killed")
    """
)


@pytest.mark.slow
@pytest.mark.parametrize(
    "stage",
    [
        "after-safety-copy",
        "mid-export",
        "ring-written",
        "after-swap",
        "mid-backups",
        "before-cleanup",
    ],
)
def test_a_migration_killed_midway_resumes_to_a_working_installation(
    old_install: DataDir, legacy, stage: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(old_install.root), stage, ADMIN_PASSWORD],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert done.returncode == -signal.SIGKILL, done.stderr + done.stdout
    # the next start (here: the command line's way, the worker's password) finishes the job
    ctx = open_app(old_install, username="li", password="li-pass-22")
    assert ctx.user is not None
    ctx.db.dispose()
    _assert_encrypted_and_whole(old_install, legacy[1])
