"""Which key opens a data directory, and encrypting the plaintext database of an older version.

``unlock`` answers "with what key may this database be opened?" before anything is opened:

1. a plaintext ``afc.sqlite3`` (an installation from before encryption), or an encryption of
   one that was interrupted: :func:`encrypt_existing` finishes it first;
2. a user's password, or the recovery key: unwrapped from the key ring (``keyring.py``);
3. a key this process already unlocked (a restore reopening the database);
4. ``AFC_PASSWORD_FILE`` in the environment (scripts, the command line, tests);
5. before setup has finished: the pending key of the new, still empty database.

Otherwise :class:`keyring.LockedError`: nothing is opened without a password.

Encrypting an existing installation (:func:`encrypt_existing`) runs at the first start after the
upgrade. It is written so that a power cut or a killed process at any point leaves either the
old plaintext installation working (nothing committed yet) or a state the next start resumes:

1. the key is made and kept in ``keys/db-key.pending.json`` (reason ``migration``);
2. a verified plaintext safety copy ``backups/pre-encryption.sqlite3`` is made;
3. the encrypted copy is written next to the database (``afc.sqlite3.encrypting``) and checked:
   integrity, and the row count of every table against the plaintext;
4. the key ring is written (each user's copy wrapped from their stored argon2id hash, so every
   user keeps their password), then the encrypted copy replaces the plaintext file;
5. every older backup in ``backups/`` is encrypted under the same key;
6. only then are the plaintext safety copy and the pending key removed.

A check that fails in step 3 rolls back: the encrypted copy and the pending key are removed and
the plaintext installation stays as it was, with a message saying so.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from ..clock import Clock
from ..paths import DataDir
from ..store import cipher
from ..sync.fsio import fsync_dir
from . import keyring
from .context import ServiceError
from .keyring import LockedError, Unlocked

SAFETY_COPY = "pre-encryption.sqlite3"
ENCRYPTING_SUFFIX = ".encrypting"


def secure_tree(root: Path) -> None:
    """Owner-only permissions (POSIX) on the data directory and everything in it."""
    if os.name != "posix" or not root.exists():
        return
    cipher.harden(root)
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            cipher.harden(Path(dirpath) / name)


def needs_encryption(data_dir: DataDir) -> bool:
    """True for a plaintext database, or an encryption of one that did not finish."""
    pending = keyring.read_pending(data_dir)
    if pending is not None and pending.get("reason") == "migration":
        return True
    return cipher.is_plaintext(data_dir.db_path)


def unlock(
    data_dir: DataDir,
    *,
    username: str | None = None,
    password: str | None = None,
    recovery_key: str | None = None,
    clock: Clock | None = None,
) -> Unlocked:
    """The key (and the user, for a password) that opens ``data_dir``'s database."""
    if needs_encryption(data_dir):
        encrypt_existing(data_dir, clock=clock)
    pending = keyring.read_pending(data_dir)
    if username is not None:
        if pending is not None and keyring.load(data_dir) is None:
            raise ServiceError("本机还没有完成首次设置")
        return keyring.unlock_with_password(data_dir, username, password or "", clock=clock)
    if recovery_key is not None:
        return keyring.unlock_with_recovery(data_dir, recovery_key)
    if pending is not None and pending.get("reason") == "setup":
        return Unlocked(keyring.pending_key(data_dir) or b"")
    ring = keyring.load(data_dir)
    if ring is None:
        if data_dir.db_path.exists() and data_dir.db_path.stat().st_size:
            raise ServiceError(
                "数据库已加密，但找不到密钥文件 keys/db-keyring.json："
                "请从备份中找回该文件（见管理员手册“笔记本丢失或密钥文件损坏”）"
            )
        fresh = cipher.new_key()  # a new installation: its empty database waits for setup
        keyring.write_pending(data_dir, fresh, "setup")
        return Unlocked(fresh)
    known = keyring.remembered(data_dir)
    if known is not None:
        return Unlocked(known)
    from_env = keyring.unlock_from_env(data_dir)
    if from_env is not None:
        return Unlocked(from_env.key)
    raise LockedError("数据库已加密：请先用用户名和密码登录")


def _users(plain: Path) -> list[tuple[str, str, str, str, bool]]:
    with cipher.opened(plain, None, readonly=True) as conn:
        rows = conn.execute(
            "SELECT id, username, role, password_hash, active FROM user_account ORDER BY created_at"
        ).fetchall()
    return [(r[0], r[1], r[2], r[3], bool(r[4])) for r in rows]


def _label(plain: Path) -> str:
    with (
        contextlib.suppress(cipher.DatabaseError),
        cipher.opened(plain, None, readonly=True) as conn,
    ):
        row = conn.execute(
            "SELECT c.district_name, c.street_name, c.name FROM site s "
            "JOIN community c ON c.id = s.community_id WHERE s.is_local = 1"
        ).fetchone()
        if row:
            return "".join(str(part or "") for part in row)
    return ""


def _build_ring(plain: Path, key: bytes) -> keyring.Keyring:
    users = _users(plain)
    admins = [u for u in users if u[2] == "admin" and u[4]]
    ring = keyring.new(_label(plain), admins[0][1] if admins else "")
    for user_id, username, _role, password_hash, active in users:
        if active:
            keyring.wrap_from_hash(ring, key, username, user_id, password_hash)
    return ring


def _encrypt_backups(data_dir: DataDir, key: bytes) -> None:
    """Encrypt every plaintext backup under ``key`` (each checked before it replaces the old)."""
    folder = data_dir.backups_dir
    if not folder.exists():
        return
    for leftover in folder.glob("*.part"):
        leftover.unlink(missing_ok=True)
    for path in sorted(folder.glob("*.sqlite3")):
        if path.name == SAFETY_COPY or not cipher.is_plaintext(path):
            continue
        tmp = path.with_name(path.name + ENCRYPTING_SUFFIX)
        try:
            cipher.encrypt_file(path, tmp, key)
            ok = not cipher.integrity_problems(tmp, key) and not cipher.same_content(path, tmp, key)
        except (cipher.CipherError, cipher.DatabaseError):
            ok = False
        if ok:
            os.replace(tmp, path)
        else:  # an unreadable old backup is of no use and must not stay readable
            tmp.unlink(missing_ok=True)
            path.unlink(missing_ok=True)


def encrypt_existing(data_dir: DataDir, *, clock: Clock | None = None) -> bytes:
    """Encrypt a plaintext installation in place (resuming an interrupted run); its key."""
    db_path = data_dir.db_path
    data_dir.ensure()
    pending = keyring.read_pending(data_dir)
    if pending is not None and pending.get("reason") == "migration":
        key = keyring.pending_key(data_dir) or b""
    else:
        problems = cipher.integrity_problems(db_path, None)
        if problems:
            raise ServiceError(
                f"数据库检查未通过，暂不加密（数据未作改动）：{problems[0]}；请先从备份恢复"
            )
        key = cipher.new_key()
        keyring.write_pending(data_dir, key, "migration")
    safety = data_dir.backups_dir / SAFETY_COPY
    if cipher.is_plaintext(db_path):
        if not safety.exists() or cipher.integrity_problems(safety, None):
            cipher.copy_file(db_path, safety, None)
            if cipher.integrity_problems(safety, None):
                keyring.clear_pending(data_dir)
                raise ServiceError("加密前的安全备份未通过检查，数据库保持原样（未加密）")
        cipher.checkpoint_to_single_file(db_path, None)
        tmp = db_path.with_name(db_path.name + ENCRYPTING_SUFFIX)
        cipher.encrypt_file(db_path, tmp, key)
        problems = cipher.integrity_problems(tmp, key) + cipher.same_content(db_path, tmp, key)
        if problems:  # roll back: the plaintext installation stays as it was
            tmp.unlink(missing_ok=True)
            keyring.clear_pending(data_dir)
            raise ServiceError("加密后的数据库未通过核对，已放弃加密，数据保持原样")
        keyring.save(data_dir, _build_ring(db_path, key))
        cipher.remove_side_files(db_path)
        os.replace(tmp, db_path)
        fsync_dir(db_path.parent)
    if not cipher.opens_with(db_path, key):
        raise ServiceError("数据库加密未完成且无法继续：请联系技术支持（明文安全备份仍保留）")
    _encrypt_backups(data_dir, key)
    safety.unlink(missing_ok=True)
    ring = keyring.load(data_dir)
    keyring.clear_pending(data_dir)
    secure_tree(data_dir.root)
    if ring is not None:
        keyring.remember(ring, key)
    return key
