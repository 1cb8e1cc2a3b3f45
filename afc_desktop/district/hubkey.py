"""The hub database's key (区级库加密): SQLCipher under the district passphrase.

The district hub's SQLite database holds every community's register, so it is encrypted like a
community's (``store/cipher.py``): a random 256-bit key, wrapped (argon2id + AES-256-GCM, as in
``services/keyring.py``) under the district passphrase in ``<database>.key.json`` next to the
file. Changing the passphrase would rewrap that one entry; the data is never re-encrypted.

A hub database from an older version (plaintext) is encrypted at its first open: the key file is
written first, then the encrypted copy is made, checked against the plaintext (integrity and row
counts) and renamed over it; killed midway, the next open does it again from the start.

PostgreSQL hubs are protected on the server (roles, ``pg_hba.conf``, disk encryption): see
docs/security.md.
"""

from __future__ import annotations

import os
from pathlib import Path

from afc_desktop.services import keyring
from afc_desktop.store import cipher
from afc_desktop.sync.fsio import fsync_dir

KEY_SUFFIX = ".key.json"
ENTRY = "district"


class HubKeyError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def key_file(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + KEY_SUFFIX)


def hub_key(db_path: Path, passphrase: bytes) -> bytes:
    """The key of the hub database at ``db_path`` (made on first use; old files encrypted)."""
    db_path = Path(db_path)
    secret = passphrase.decode("utf-8")
    if not secret:
        raise HubKeyError("需要区级密钥口令才能打开区级库")
    path = key_file(db_path)
    ring = keyring.load_path(path)
    exists = db_path.exists() and db_path.stat().st_size > 0
    if ring is None:
        if exists and not cipher.is_plaintext(db_path):
            raise HubKeyError(f"找不到区级库的密钥文件 {path.name}：请从备份中找回")
        key = cipher.new_key()
        ring = keyring.new("district", ENTRY)
        keyring.wrap_for_user(ring, key, ENTRY, "", secret)
        db_path.parent.mkdir(parents=True, exist_ok=True)
        keyring.save_path(path, ring)
    else:
        found = keyring.unwrap_password(ring, ENTRY, secret)
        if found is None:
            raise HubKeyError("区级密钥口令不正确，无法打开区级库")
        key = found
    if exists and cipher.is_plaintext(db_path):
        _encrypt_in_place(db_path, key)
    cipher.harden(db_path)
    return key


def _encrypt_in_place(db_path: Path, key: bytes) -> None:
    cipher.checkpoint_to_single_file(db_path, None)
    tmp = db_path.with_name(db_path.name + ".encrypting")
    cipher.encrypt_file(db_path, tmp, key)
    problems = cipher.integrity_problems(tmp, key) + cipher.same_content(db_path, tmp, key)
    if problems:
        tmp.unlink(missing_ok=True)
        raise HubKeyError("区级库加密后未通过核对，已放弃加密，数据保持原样")
    os.replace(tmp, db_path)
    fsync_dir(db_path.parent)
