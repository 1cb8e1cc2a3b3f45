"""The database key ring (数据库密钥环): one random key, wrapped once for each user.

The database (and every backup of it) is encrypted under one random 256-bit key
(``store/cipher.py``). That key is never written in the clear once setup is done: the file
``keys/db-keyring.json`` holds it *wrapped* (AES-256-GCM) several times over:

- once for each user, under a key derived from that user's password with argon2id
  (t=3, m=64 MiB, p=4, a fresh salt per wrap) and HKDF-SHA256;
- once for the recovery key (恢复密钥), 160 random bits shown once at setup, printed and kept in
  the office safe; it opens the database when every password is forgotten.

Adding a user, removing one or changing a password rewraps that user's copy only; the data is
never re-encrypted. The ring also names the community (shown on the login window before the
database can be read) and the setup administrator (the command line's default user).

Until setup finishes (and while a plaintext database from an older version is being encrypted)
the key waits in ``keys/db-key.pending.json``; that file is removed as soon as the ring exists.

Failed logins are counted in ``keys/logins.json`` (before the database can be opened there is
nowhere else to count them): after :data:`FREE_ATTEMPTS` wrong passwords each further attempt
waits longer (:func:`lock_seconds`). An administrator clears the count (``accounts.unlock_user``).

Unlocked keys are remembered for the life of the process (:func:`remember`), so a restore or a
second window reopens the database without asking again; nothing is remembered across runs.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..clock import Clock, process_clock
from ..paths import DataDir
from ..store import cipher
from ..sync.fsio import atomic_write_bytes
from .context import ServiceError

KEYRING_FILE = "db-keyring.json"
PENDING_FILE = "db-key.pending.json"
THROTTLE_FILE = "logins.json"
FORMAT = "afc-db-keyring"
FORMAT_VERSION = 1
ENV_PASSWORD_FILE = "AFC_PASSWORD_FILE"
ENV_USER = "AFC_USER"

# argon2id, RFC 9106's second recommended option (also argon2-cffi's default for passwords)
ARGON2_TIME = 3
ARGON2_MEMORY_KIB = 65536
ARGON2_LANES = 4
RECOVERY_BYTES = 20  # 160 bits: 32 base32 characters, 8 groups of 4

FREE_ATTEMPTS = 5
FIRST_LOCK = timedelta(seconds=30)
LONGEST_LOCK = timedelta(hours=1)

WRONG_PASSWORD = "用户名或密码错误"


class LockedError(ServiceError):
    """The database is encrypted and no password (or recovery key) was given."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def ring_path(data_dir: DataDir) -> Path:
    return data_dir.keys_dir / KEYRING_FILE


def pending_path(data_dir: DataDir) -> Path:
    return data_dir.keys_dir / PENDING_FILE


def _write_json(path: Path, obj: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    cipher.harden(path.parent)
    data = json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    atomic_write_bytes(path, data, 0o600)


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise ServiceError(
            f"密钥文件 {path.name} 无法读取，请从备份恢复密钥文件或使用恢复密钥"
        ) from exc


# --- wrapping ----------------------------------------------------------------------------------


def _kek(secret: bytes, info: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info.encode()).derive(secret)


def _password_secret(password: str, kdf: dict[str, Any]) -> bytes:
    if kdf.get("name") != "argon2id":
        raise ServiceError("密钥文件使用了本程序不认识的算法")
    return hash_secret_raw(
        password.encode("utf-8"),
        _unb64(kdf["salt"]),
        time_cost=int(kdf["t"]),
        memory_cost=int(kdf["m"]),
        parallelism=int(kdf["p"]),
        hash_len=int(kdf.get("len", 32)),
        type=Type.ID,
    )


def _seal(key: bytes, secret: bytes, aad: str) -> dict[str, str]:
    nonce = secrets.token_bytes(12)
    wrapped = AESGCM(_kek(secret, "afc-db-key-wrap-v1")).encrypt(nonce, key, aad.encode())
    return {"nonce": _b64(nonce), "wrapped": _b64(wrapped)}


def _open(entry: dict[str, Any], secret: bytes, aad: str) -> bytes | None:
    try:
        return AESGCM(_kek(secret, "afc-db-key-wrap-v1")).decrypt(
            _unb64(entry["nonce"]), _unb64(entry["wrapped"]), aad.encode()
        )
    except (InvalidTag, KeyError, ValueError):
        return None


def _new_kdf() -> dict[str, Any]:
    return {
        "name": "argon2id",
        "salt": _b64(secrets.token_bytes(16)),
        "t": ARGON2_TIME,
        "m": ARGON2_MEMORY_KIB,
        "p": ARGON2_LANES,
        "len": 32,
    }


def kdf_from_password_hash(password_hash: str) -> tuple[dict[str, Any], bytes] | None:
    """The argon2id parameters and output stored in a PHC hash string (``$argon2id$…``).

    Used once, when a plaintext database of an older version is encrypted: each user's stored
    hash *is* argon2id(password, salt), so the key can be wrapped for every user without
    knowing their passwords, and each still logs in with the password they know.
    """
    parts = password_hash.split("$")
    if len(parts) != 6 or parts[1] != "argon2id" or parts[2] != "v=19":
        return None
    try:
        params = dict(kv.split("=", 1) for kv in parts[3].split(","))

        def unpad(s: str) -> bytes:
            return base64.b64decode(s + "=" * (-len(s) % 4))

        salt, output = unpad(parts[4]), unpad(parts[5])
        kdf = {
            "name": "argon2id",
            "salt": _b64(salt),
            "t": int(params["t"]),
            "m": int(params["m"]),
            "p": int(params["p"]),
            "len": len(output),
        }
    except (KeyError, ValueError):
        return None
    return kdf, output


# --- the ring ------------------------------------------------------------------------------------


@dataclass
class Keyring:
    """The parsed ``db-keyring.json``."""

    id: str
    label: str
    default_user: str
    users: dict[str, dict[str, Any]]
    recovery: dict[str, Any] | None

    def aad(self, kind: str, name: str = "") -> str:
        return f"{FORMAT}|{self.id}|{kind}|{name}"

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "keyring_id": self.id,
            "label": self.label,
            "default_user": self.default_user,
            "users": self.users,
            "recovery": self.recovery,
        }


def load(data_dir: DataDir) -> Keyring | None:
    """The key ring of ``data_dir``; None when there is none (before setup, or an old version)."""
    return load_path(ring_path(data_dir))


def load_path(path: Path) -> Keyring | None:
    """A key ring file (the district hub keeps one next to its database)."""
    raw = _read_json(path)
    if raw is None:
        return None
    if raw.get("format") != FORMAT or int(raw.get("format_version", 0)) > FORMAT_VERSION:
        raise ServiceError("密钥文件来自更新版本的程序，请先升级本程序")
    return Keyring(
        id=str(raw["keyring_id"]),
        label=str(raw.get("label", "")),
        default_user=str(raw.get("default_user", "")),
        users=dict(raw.get("users", {})),
        recovery=raw.get("recovery"),
    )


def save(data_dir: DataDir, ring: Keyring) -> None:
    save_path(ring_path(data_dir), ring)


def save_path(path: Path, ring: Keyring) -> None:
    _write_json(path, ring.to_json())


def wrap_for_user(ring: Keyring, key: bytes, username: str, user_id: str, password: str) -> None:
    """(Re)wrap ``key`` for ``username`` under a fresh argon2id salt."""
    kdf = _new_kdf()
    entry = {"user_id": user_id, "kdf": kdf}
    entry.update(_seal(key, _password_secret(password, kdf), ring.aad("user", username)))
    ring.users[username] = entry


def wrap_from_hash(
    ring: Keyring, key: bytes, username: str, user_id: str, password_hash: str
) -> bool:
    """Wrap ``key`` for a user from their stored argon2id hash; False when it is not one."""
    found = kdf_from_password_hash(password_hash)
    if found is None:
        return False
    kdf, output = found
    entry = {"user_id": user_id, "kdf": kdf}
    entry.update(_seal(key, output, ring.aad("user", username)))
    ring.users[username] = entry
    return True


def new(label: str, default_user: str) -> Keyring:
    return Keyring(str(uuid.uuid4()), label, default_user, {}, None)


# --- the recovery key ------------------------------------------------------------------------


def format_recovery_key(raw: bytes) -> str:
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes | None:
    clean = "".join(ch for ch in text.upper() if ch.isalnum())
    clean = clean.replace("0", "O").replace("1", "I").replace("8", "B")
    if len(clean) != RECOVERY_BYTES * 8 // 5:
        return None
    try:
        return base64.b32decode(clean)
    except ValueError:
        return None


def issue_recovery_key(ring: Keyring, key: bytes, clock: Clock | None = None) -> str:
    """Wrap ``key`` for a new recovery key (replacing the old one); returns it for display."""
    raw = secrets.token_bytes(RECOVERY_BYTES)
    entry: dict[str, Any] = {"issued_at": (clock or process_clock()).now().isoformat()}
    entry.update(_seal(key, raw, ring.aad("recovery")))
    ring.recovery = entry
    return format_recovery_key(raw)


def unwrap_recovery(ring: Keyring, recovery_key: str) -> bytes | None:
    raw = parse_recovery_key(recovery_key)
    if raw is None or ring.recovery is None:
        return None
    return _open(ring.recovery, raw, ring.aad("recovery"))


def unwrap_password(ring: Keyring, username: str, password: str) -> bytes | None:
    entry = ring.users.get(username)
    if entry is None:
        # the same work as for a real user, so timing does not tell which names exist
        _password_secret(password, _new_kdf())
        return None
    return _open(entry, _password_secret(password, entry["kdf"]), ring.aad("user", username))


# --- pending key (before setup; during the encryption of an old database) ----------------------


def read_pending(data_dir: DataDir) -> dict[str, Any] | None:
    return _read_json(pending_path(data_dir))


def write_pending(data_dir: DataDir, key: bytes, reason: str, **extra: Any) -> None:
    _write_json(pending_path(data_dir), {"key": _b64(key), "reason": reason, **extra})


def pending_key(data_dir: DataDir) -> bytes | None:
    found = read_pending(data_dir)
    return _unb64(found["key"]) if found else None


def clear_pending(data_dir: DataDir) -> None:
    pending_path(data_dir).unlink(missing_ok=True)


# --- the process's unlocked keys ---------------------------------------------------------------

_UNLOCKED: dict[str, bytes] = {}


def remember(ring: Keyring, key: bytes) -> None:
    _UNLOCKED[ring.id] = key


def forget_all() -> None:
    """Forget every unlocked key (tests; logging out of every installation)."""
    _UNLOCKED.clear()


def remembered(data_dir: DataDir) -> bytes | None:
    ring = load(data_dir)
    return _UNLOCKED.get(ring.id) if ring else None


# --- login throttle --------------------------------------------------------------------------


def lock_seconds(failures: int) -> int:
    """How long an account waits after ``failures`` wrong passwords in a row."""
    if failures < FREE_ATTEMPTS:
        return 0
    wait = FIRST_LOCK * (2 ** (failures - FREE_ATTEMPTS))
    return int(min(wait, LONGEST_LOCK).total_seconds())


def _throttle(data_dir: DataDir) -> dict[str, Any]:
    return _read_json(data_dir.keys_dir / THROTTLE_FILE) or {}


def _save_throttle(data_dir: DataDir, state: dict[str, Any]) -> None:
    _write_json(data_dir.keys_dir / THROTTLE_FILE, state)


def failures(data_dir: DataDir, username: str) -> int:
    return int(_throttle(data_dir).get(username, {}).get("failures", 0))


def _wait_text(seconds: int) -> str:
    minutes, secs = divmod(seconds, 60)
    return f"{minutes}分{secs}秒" if minutes else f"{secs}秒"


def check_throttle(data_dir: DataDir, username: str, now: datetime) -> None:
    """Refuse with a plain message while ``username`` is locked after wrong passwords."""
    entry = _throttle(data_dir).get(username)
    if not entry or not entry.get("until"):
        return
    until = datetime.fromisoformat(entry["until"])
    if now < until:
        wait = int((until - now).total_seconds()) + 1
        raise ServiceError(
            f"账号“{username}”已连续输错密码{entry['failures']}次，已暂时锁定。"
            f"请在{_wait_text(wait)}后再试，或请管理员解锁。"
        )


def record_failure(data_dir: DataDir, username: str, now: datetime) -> int:
    """Count a wrong password; returns the new count."""
    state = _throttle(data_dir)
    entry = state.setdefault(username, {"failures": 0})
    entry["failures"] = int(entry.get("failures", 0)) + 1
    wait = lock_seconds(entry["failures"])
    entry["until"] = (now + timedelta(seconds=wait)).isoformat() if wait else None
    _save_throttle(data_dir, state)
    return int(entry["failures"])


def clear_failures(data_dir: DataDir, username: str) -> None:
    state = _throttle(data_dir)
    if state.pop(username, None) is not None:
        _save_throttle(data_dir, state)


# --- unlocking ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unlocked:
    """A database key, and the user whose password opened it (None: recovery key or setup)."""

    key: bytes
    username: str | None = None


def unlock_with_password(
    data_dir: DataDir, username: str, password: str, *, clock: Clock | None = None
) -> Unlocked:
    """Unwrap the key with a user's password, counting and throttling wrong ones."""
    username = username.strip()
    ring = load(data_dir)
    if ring is None:
        raise ServiceError("本机还没有密钥文件：请先完成首次设置")
    now = (clock or process_clock()).now()
    check_throttle(data_dir, username, now)
    key = unwrap_password(ring, username, password)
    if key is None:
        if username in ring.users:
            count = record_failure(data_dir, username, now)
            wait = lock_seconds(count)
            if wait:
                raise ServiceError(
                    f"密码错误。账号“{username}”已连续输错{count}次，"
                    f"请在{_wait_text(wait)}后再试，或请管理员解锁。"
                )
        raise ServiceError(WRONG_PASSWORD)
    clear_failures(data_dir, username)
    remember(ring, key)
    return Unlocked(key, username)


def unlock_with_recovery(data_dir: DataDir, recovery_key: str) -> Unlocked:
    ring = load(data_dir)
    if ring is None:
        raise ServiceError("本机还没有密钥文件：请先完成首次设置")
    key = unwrap_recovery(ring, recovery_key)
    if key is None:
        raise ServiceError("恢复密钥不正确（请核对打印件上的32个字母和数字）")
    remember(ring, key)
    return Unlocked(key)


def read_password_file(path: str | os.PathLike[str]) -> str:
    try:
        return Path(path).read_text(encoding="utf-8").strip("\r\n")
    except OSError as exc:
        raise ServiceError(f"无法读取密码文件 {path}：{exc.strerror}") from exc


def unlock_from_env(data_dir: DataDir) -> Unlocked | None:
    """Unlock with ``AFC_PASSWORD_FILE`` (user ``AFC_USER``, else the setup administrator)."""
    path = os.environ.get(ENV_PASSWORD_FILE)
    ring = load(data_dir)
    if not path or ring is None:
        return None
    username = os.environ.get(ENV_USER) or ring.default_user
    return unlock_with_password(data_dir, username, read_password_file(path))
