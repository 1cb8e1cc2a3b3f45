"""Issue 16: a lost laptop gives nothing away.

The data directory holds no readable personal data; the database opens with each user's password
and with the recovery key, and with nothing else; wrong passwords lock an account for a growing
while; changing a password rewraps that user's copy only.
"""

from __future__ import annotations

import json
import os
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from afc_desktop.clock import Clock
from afc_desktop.paths import DataDir
from afc_desktop.services import accounts, backup, demo, keyring
from afc_desktop.services.context import ServiceError, open_app
from afc_desktop.services.keyring import LockedError
from afc_desktop.services.setup import CommunityInput, run_setup
from afc_desktop.store import cipher
from afc_desktop.store.models import Person

ADMIN_PASSWORD = "admin-pass-1"


@pytest.fixture
def locked(monkeypatch: pytest.MonkeyPatch) -> None:
    """No password in the environment and no key remembered by this process."""
    monkeypatch.delenv("AFC_PASSWORD_FILE", raising=False)
    keyring.forget_all()
    yield
    keyring.forget_all()


def _files(root: Path) -> list[Path]:
    return [Path(d) / f for d, _, names in os.walk(root) for f in names]


def test_no_id_number_or_name_in_any_file_after_setup_demo_and_backup(data_dir: DataDir) -> None:
    ctx = open_app(data_dir)
    result = run_setup(
        ctx,
        CommunityInput("320508", "梅巷社区", "平江街道", is_pilot=True),
        "admin",
        ADMIN_PASSWORD,
        "王芳",
    )
    assert result.recovery_key
    demo.populate(ctx, 60, seed=7)
    backup.make_backup(ctx, "manual")
    backup.make_backup(ctx, "pre-import")
    with ctx.session() as s:
        people = [(p.name, p.id_number) for p in s.query(Person) if p.id_number]
    # while the database is still open: the WAL is there too
    open_files = _files(data_dir.root)
    assert any(p.name.endswith("-wal") for p in open_files)
    secrets = [idn.encode() for _, idn in people] + [n.encode() for n, _ in people if len(n) > 1]
    secrets.append("王芳".encode())
    assert len(secrets) > 100

    def leaks() -> list[str]:
        found = []
        for path in _files(data_dir.root):
            data = path.read_bytes()
            found += [f"{path.name}" for s in secrets if s in data]
        return found

    assert leaks() == []
    ctx.db.dispose()
    files = _files(data_dir.root)
    assert {p.parent.name for p in files} >= {"backups", "keys"}
    assert leaks() == []
    assert not any(cipher.is_plaintext(p) for p in files)
    if os.name == "posix":
        for path in files:
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        for folder in [data_dir.root, *[p for p in data_dir.root.rglob("*") if p.is_dir()]]:
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_opens_with_each_password_and_the_recovery_key_and_nothing_else(
    data_dir: DataDir, locked: None
) -> None:
    ctx = open_app(data_dir)
    recovery = run_setup(
        ctx, CommunityInput("320508", "梅巷社区"), "admin", ADMIN_PASSWORD, "王芳"
    ).recovery_key
    accounts.create_user(ctx, "li", "李娜", "li-pass-22")
    made = backup.make_backup(ctx, "manual").path
    key = ctx.db.key
    assert key is not None
    ctx.db.dispose()
    keyring.forget_all()

    with pytest.raises(LockedError):
        open_app(data_dir)
    for user, password in (("admin", ADMIN_PASSWORD), ("li", "li-pass-22")):
        opened = open_app(data_dir, username=user, password=password)
        assert opened.user is not None and opened.user.username == user
        assert opened.db.key == key
        opened.db.dispose()
        keyring.forget_all()
    opened = open_app(data_dir, recovery_key=recovery.lower().replace("-", " "))
    assert opened.db.key == key and opened.user is None
    opened.db.dispose()
    keyring.forget_all()
    for user, password in (("admin", "li-pass-22"), ("li", ADMIN_PASSWORD), ("nobody", "x")):
        with pytest.raises(ServiceError, match="用户名或密码错误"):
            open_app(data_dir, username=user, password=password)
    with pytest.raises(ServiceError, match="恢复密钥不正确"):
        open_app(data_dir, recovery_key="AAAA-" * 7 + "AAAA")
    # the files themselves: SQLCipher with this key only
    for path in (data_dir.db_path, made):
        assert cipher.opens_with(path, key)
        assert not cipher.opens_with(path, cipher.new_key())
        with pytest.raises(cipher.CipherError):
            cipher.connect(path, None)


def test_changing_a_password_rewraps_only_that_users_copy(data_dir: DataDir, locked: None) -> None:
    ctx = open_app(data_dir)
    run_setup(ctx, CommunityInput("320508", "梅巷社区"), "admin", ADMIN_PASSWORD)
    accounts.create_user(ctx, "li", "李娜", "li-pass-22")
    ring_file = keyring.ring_path(data_dir)
    before = json.loads(ring_file.read_text(encoding="utf-8"))
    key = ctx.db.key
    ctx.db.dispose()
    keyring.forget_all()

    li = open_app(data_dir, username="li", password="li-pass-22")
    accounts.change_password(li, "li-pass-22", "li-new-pass")
    li.db.dispose()
    after = json.loads(ring_file.read_text(encoding="utf-8"))
    assert after["users"]["admin"] == before["users"]["admin"]
    assert after["recovery"] == before["recovery"]
    assert after["users"]["li"] != before["users"]["li"]
    keyring.forget_all()
    with pytest.raises(ServiceError):
        open_app(data_dir, username="li", password="li-pass-22")
    again = open_app(data_dir, username="li", password="li-new-pass")
    assert again.db.key == key
    again.db.dispose()


def test_a_disabled_account_no_longer_opens_the_database(data_dir: DataDir, locked: None) -> None:
    ctx = open_app(data_dir)
    run_setup(ctx, CommunityInput("320508", "梅巷社区"), "admin", ADMIN_PASSWORD)
    li = accounts.create_user(ctx, "li", "李娜", "li-pass-22")
    accounts.set_active(ctx, li.id, False)
    with pytest.raises(ServiceError, match="设置新密码"):
        accounts.set_active(ctx, li.id, True)
    ctx.db.dispose()
    keyring.forget_all()
    with pytest.raises(ServiceError):
        open_app(data_dir, username="li", password="li-pass-22")
    admin = open_app(data_dir, username="admin", password=ADMIN_PASSWORD)
    accounts.set_active(admin, li.id, True, password="li-back-33")
    admin.db.dispose()
    keyring.forget_all()
    open_app(data_dir, username="li", password="li-back-33").db.dispose()


def test_five_wrong_passwords_lock_for_a_growing_while_and_an_admin_unlocks(
    set_up_dir: DataDir, locked: None
) -> None:
    clock = Clock()
    clock.pin(date(2026, 11, 28))

    def attempt(password: str) -> keyring.Unlocked:
        return keyring.unlock_with_password(set_up_dir, "admin", password, clock=clock)

    for _ in range(4):
        with pytest.raises(ServiceError, match="^用户名或密码错误$"):
            attempt("wrong")
    with pytest.raises(ServiceError) as fifth:
        attempt("wrong")
    assert "连续输错5次" in fifth.value.message and "30秒" in fifth.value.message
    # locked: even the right password waits, and the message says how long, plainly
    with pytest.raises(ServiceError) as waiting:
        attempt(ADMIN_PASSWORD)
    assert "已暂时锁定" in waiting.value.message and "管理员解锁" in waiting.value.message
    assert "Traceback" not in waiting.value.message
    clock.pin(clock.now() + timedelta(seconds=31))
    with pytest.raises(ServiceError, match="连续输错6次"):
        attempt("wrong")
    assert keyring.lock_seconds(6) == 60 and keyring.lock_seconds(7) == 120
    assert keyring.lock_seconds(30) == 3600
    with pytest.raises(ServiceError, match="已暂时锁定"):
        attempt(ADMIN_PASSWORD)
    # an administrator (here: a second one, on their own session) unlocks
    ctx = open_app(set_up_dir, unlocked=keyring.Unlocked(_template_key(set_up_dir)))
    ctx.user = accounts.complete_login(ctx, "admin")
    users = {u.username: u.id for u in accounts.list_users(ctx)}
    accounts.unlock_user(ctx, users["admin"])
    ctx.db.dispose()
    assert attempt(ADMIN_PASSWORD).username == "admin"
    assert keyring.failures(set_up_dir, "admin") == 0


def _template_key(data_dir: DataDir) -> bytes:
    ring = keyring.load(data_dir)
    assert ring is not None
    key = keyring.unwrap_password(ring, "admin", ADMIN_PASSWORD)
    assert key is not None
    return key


def test_the_throttle_also_guards_the_idle_lock(ctx) -> None:
    for _ in range(5):
        assert not accounts.verify_password(ctx, "wrong")
    with pytest.raises(ServiceError, match="已暂时锁定"):
        accounts.verify_password(ctx, ADMIN_PASSWORD)


def test_a_new_recovery_key_replaces_the_old(set_up_dir: DataDir, ctx, locked: None) -> None:
    first = accounts.issue_recovery_key(ctx)
    second = accounts.issue_recovery_key(ctx)
    ring = keyring.load(set_up_dir)
    assert ring is not None
    assert keyring.unwrap_recovery(ring, first) is None
    assert keyring.unwrap_recovery(ring, second) == ctx.db.key


def test_recovering_gives_a_user_a_new_password(data_dir: DataDir, locked: None) -> None:
    ctx = open_app(data_dir)
    recovery = run_setup(
        ctx, CommunityInput("320508", "梅巷社区"), "admin", ADMIN_PASSWORD
    ).recovery_key
    ctx.db.dispose()
    keyring.forget_all()
    opened = open_app(data_dir, recovery_key=recovery)
    user = accounts.recover(opened, "admin", "brand-new-9")
    assert opened.user == user
    opened.db.dispose()
    keyring.forget_all()
    open_app(data_dir, username="admin", password="brand-new-9").db.dispose()


def test_the_site_signing_keys_need_the_database_key(ctx) -> None:
    """Whoever copies the data directory without a password cannot sign bundles as this
    community: the site's key files are encrypted under a key derived from the database key,
    and clear files of an older version are encrypted the first time they are opened."""
    from afc_desktop.sync import keys

    keys_dir = ctx.data_dir.keys_dir
    site = keys.ensure_site_keys(keys_dir, ctx.db.key)
    for name in (keys.SITE_SIGN_FILE, keys.SITE_ENC_FILE):
        assert b"BEGIN ENCRYPTED PRIVATE KEY" in (keys_dir / name).read_bytes()
    with pytest.raises(keys.KeyFileError):
        keys.ensure_site_keys(keys_dir)  # a copied folder, no database key
    with pytest.raises(keys.KeyFileError):
        keys.ensure_site_keys(keys_dir, os.urandom(32))  # another installation's key

    # an older version wrote them in the clear: the next open with the key encrypts them
    old = keys.SiteKeys(keys.crypto.new_signing_key(), keys.crypto.new_encryption_key())
    keys._write_pair(keys_dir, keys.SITE_SIGN_FILE, keys.SITE_ENC_FILE, old, None)
    assert keys.ensure_site_keys(keys_dir, ctx.db.key).key_id == old.key_id != site.key_id
    assert b"BEGIN ENCRYPTED" in (keys_dir / keys.SITE_SIGN_FILE).read_bytes()
    assert keys.ensure_site_keys(keys_dir, ctx.db.key).key_id == old.key_id
