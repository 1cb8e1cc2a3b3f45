"""Site and district keys, enrolment and pairing files (密钥、入网文件与配对文件).

- Each installation (site, 站点) makes its Ed25519 signing key and X25519 encryption key on
  first run, in ``<data_dir>/keys/`` (``ensure_site_keys``). With an encrypted store the two
  PEM files are encrypted under a key derived from the database key (HKDF, info
  ``afc-site-keys/1``): whoever copies the data directory without a password cannot sign
  bundles as this community. Files written in the clear by an older version are re-written
  encrypted the first time they are opened with the database key.
- The district (区级) makes its own pair, protected by a passphrase stretched with scrypt
  (``create_district_keys``): both private keys sit in one file, ``district_keys.json``,
  sealed with AES-256-GCM under a key derived from the passphrase. Key files of the first
  version (two PKCS#8 PEM files under PBKDF2) are upgraded the next time they are opened.
  Enrolment files (入网文件) are in ``afc_desktop.sync.enrolment``.
- Two laptops of one community pair (配对) by exchanging a small signed file with their public
  keys, site id and community code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from afc_desktop.clock import process_clock
from afc_desktop.sync import crypto
from afc_desktop.sync.fsio import atomic_write_bytes, fsync_dir

SITE_SIGN_FILE = "site_sign.pem"
SITE_ENC_FILE = "site_enc.pem"
DISTRICT_SIGN_FILE = "district_sign.pem"  # version 1 (PBKDF2), upgraded on next use
DISTRICT_ENC_FILE = "district_enc.pem"  # version 1
DISTRICT_KEY_FILE = "district_keys.json"
DISTRICT_KEY_FORMAT = "afc-district-keys"
DISTRICT_KEY_VERSION = 2
# scrypt at n=2**16, r=8: 64 MiB and about 0.2 s per guess on the 2-core reference machine
# (docs/admin-guide.md); an offline attacker pays the same for every passphrase tried.
DISTRICT_KEY_COST = crypto.ScryptCost(n=1 << 16, r=8, p=1)
_KEY_AAD = b"afc-district-keys/2"
PAIRING_FORMAT = "afc-pairing"
KEYFILE_VERSION = 1


class KeyFileError(Exception):
    """A key, enrolment or pairing file is missing, damaged, forged or of the wrong kind."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class KeyPair:
    """A signing key and an encryption key held together (one party's private keys)."""

    signing: Ed25519PrivateKey
    encryption: X25519PrivateKey

    @property
    def sign_public(self) -> bytes:
        return crypto.signing_public_raw(self.signing)

    @property
    def enc_public(self) -> bytes:
        return crypto.encryption_public_raw(self.encryption)

    @property
    def key_id(self) -> str:
        """Id of this party: derived from the signing public key."""
        return crypto.key_id(self.sign_public)


class SiteKeys(KeyPair):
    """The keys of this installation (站点密钥)."""


class DistrictKeys(KeyPair):
    """The district's keys (区级密钥), loaded with the passphrase."""


@dataclass(frozen=True)
class PublicParty:
    """The public half of someone else's keys, as read from an enrolment or pairing file."""

    sign_public: bytes
    enc_public: bytes
    code: str  # district code for a district, community code for a site
    site_id: str | None = None
    name: str = ""

    @property
    def key_id(self) -> str:
        return crypto.key_id(self.sign_public)


def _load_pair(dir_: Path, sign_name: str, enc_name: str, passphrase: bytes | None):
    sign = crypto.load_private_key_pem((dir_ / sign_name).read_bytes(), passphrase)
    enc = crypto.load_private_key_pem((dir_ / enc_name).read_bytes(), passphrase)
    if not isinstance(sign, Ed25519PrivateKey) or not isinstance(enc, X25519PrivateKey):
        raise KeyFileError(f"密钥文件类型不对：{dir_} (key files hold the wrong key types)")
    return sign, enc


def _write_pair(
    dir_: Path, sign_name: str, enc_name: str, pair: KeyPair, passphrase: bytes | None
) -> None:
    dir_.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(dir_ / sign_name, crypto.private_key_pem(pair.signing, passphrase), 0o600)
    atomic_write_bytes(dir_ / enc_name, crypto.private_key_pem(pair.encryption, passphrase), 0o600)


def _site_passphrase(db_key: bytes | None) -> bytes | None:
    """The passphrase of the site's key files: derived from the database key, None without."""
    if not db_key:
        return None
    return HKDF(hashes.SHA256(), 32, salt=None, info=b"afc-site-keys/1").derive(db_key)


def ensure_site_keys(keys_dir: Path, db_key: bytes | None = None) -> SiteKeys:
    """Load this site's keys from ``keys_dir``, generating them on first run.

    ``db_key``: the database key of an encrypted store; the files are then kept encrypted
    under a key derived from it (clear files of an older version are re-written encrypted)."""
    keys_dir = Path(keys_dir)
    passphrase = _site_passphrase(db_key)
    if (keys_dir / SITE_SIGN_FILE).exists() and (keys_dir / SITE_ENC_FILE).exists():
        damaged = KeyFileError(f"本机密钥文件损坏：{keys_dir} (site key files damaged)")
        try:
            sign, enc = _load_pair(keys_dir, SITE_SIGN_FILE, SITE_ENC_FILE, passphrase)
        except crypto.CryptoError as exc:
            if passphrase is None:
                raise damaged from exc
            try:  # written in the clear by an older version: encrypt them now
                sign, enc = _load_pair(keys_dir, SITE_SIGN_FILE, SITE_ENC_FILE, None)
            except crypto.CryptoError:
                raise damaged from exc
            _write_pair(keys_dir, SITE_SIGN_FILE, SITE_ENC_FILE, SiteKeys(sign, enc), passphrase)
        return SiteKeys(sign, enc)
    keys = SiteKeys(crypto.new_signing_key(), crypto.new_encryption_key())
    _write_pair(keys_dir, SITE_SIGN_FILE, SITE_ENC_FILE, keys, passphrase)
    return keys


def _seal_district(keys_dir: Path, keys: DistrictKeys, passphrase: bytes) -> None:
    plain = canonical_json(
        {
            "sign": crypto.b64e(crypto.private_raw(keys.signing)),
            "enc": crypto.b64e(crypto.private_raw(keys.encryption)),
        }
    )
    doc = {
        "format": DISTRICT_KEY_FORMAT,
        "format_version": DISTRICT_KEY_VERSION,
        "key_id": keys.key_id,
        "sign_public": crypto.b64e(keys.sign_public),
        "enc_public": crypto.b64e(keys.enc_public),
        "sealed": crypto.seal_with_passphrase(plain, passphrase, DISTRICT_KEY_COST, _KEY_AAD),
    }
    keys_dir.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(keys_dir / DISTRICT_KEY_FILE, json.dumps(doc, indent=1).encode(), 0o600)


def district_keys_exist(keys_dir: Path) -> bool:
    keys_dir = Path(keys_dir)
    return (keys_dir / DISTRICT_KEY_FILE).exists() or (keys_dir / DISTRICT_SIGN_FILE).exists()


def create_district_keys(keys_dir: Path, passphrase: bytes) -> DistrictKeys:
    """Generate the district's key pairs, sealed under ``passphrase``; refuse to overwrite."""
    keys_dir = Path(keys_dir)
    if not passphrase:
        raise KeyFileError("区级密钥必须设置口令 (a passphrase is required for district keys)")
    if district_keys_exist(keys_dir):
        raise KeyFileError(
            f"区级密钥已存在，不会覆盖：{keys_dir} (district keys already exist; not overwritten)"
        )
    keys = DistrictKeys(crypto.new_signing_key(), crypto.new_encryption_key())
    _seal_district(keys_dir, keys, passphrase)
    return keys


def district_public(keys_dir: Path) -> PublicParty | None:
    """The district's public keys without the passphrase (for showing the fingerprint)."""
    path = Path(keys_dir) / DISTRICT_KEY_FILE
    if not path.exists():
        return None
    try:
        doc = json.loads(path.read_bytes())
        return PublicParty(
            sign_public=crypto.b64d(doc["sign_public"]),
            enc_public=crypto.b64d(doc["enc_public"]),
            code="",
        )
    except (OSError, ValueError, KeyError, TypeError, crypto.CryptoError):
        return None


def _open_sealed(keys_dir: Path, passphrase: bytes) -> tuple[DistrictKeys, bool]:
    """The keys in ``district_keys.json`` and whether they were sealed at a lower cost."""
    path = keys_dir / DISTRICT_KEY_FILE
    try:
        doc = json.loads(path.read_bytes())
        if doc.get("format") != DISTRICT_KEY_FORMAT:
            raise KeyFileError(f"区级密钥文件格式不对：{path}")
        if int(doc.get("format_version", 0)) > DISTRICT_KEY_VERSION:
            raise KeyFileError(f"区级密钥文件版本过新，请先升级软件：{path}")
        sealed = doc["sealed"]
        plain = json.loads(crypto.open_with_passphrase(sealed, passphrase, _KEY_AAD))
        keys = DistrictKeys(
            crypto.signing_key_from_raw(crypto.b64d(plain["sign"])),
            crypto.encryption_key_from_raw(crypto.b64d(plain["enc"])),
        )
        weaker = crypto.sealed_cost(sealed).n < DISTRICT_KEY_COST.n
    except KeyFileError:
        raise
    except crypto.CryptoError as exc:
        raise KeyFileError("区级密钥口令不正确 (wrong passphrase for the district keys)") from exc
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KeyFileError(f"区级密钥文件已损坏：{path} ({type(exc).__name__})") from exc
    return keys, weaker


def load_district_keys(keys_dir: Path, passphrase: bytes) -> DistrictKeys:
    """Load the district keys; KeyFileError on a wrong passphrase or missing files.

    Key files of version 1 (two PEM files, PBKDF2) and files sealed at a lower scrypt cost
    are re-sealed at today's cost on the way; the old PEM files are then removed.
    """
    keys_dir = Path(keys_dir)
    if (keys_dir / DISTRICT_KEY_FILE).exists():
        keys, weaker = _open_sealed(keys_dir, passphrase)
        if weaker:
            _seal_district(keys_dir, keys, passphrase)
        return keys
    if not (keys_dir / DISTRICT_SIGN_FILE).exists():
        raise KeyFileError(
            f"找不到区级密钥，请先运行 afc-district init：{keys_dir} (no district keys; run init)"
        )
    try:
        sign, enc = _load_pair(keys_dir, DISTRICT_SIGN_FILE, DISTRICT_ENC_FILE, passphrase)
    except crypto.CryptoError as exc:
        raise KeyFileError("区级密钥口令不正确 (wrong passphrase for the district keys)") from exc
    keys = DistrictKeys(sign, enc)
    _seal_district(keys_dir, keys, passphrase)
    for name in (DISTRICT_SIGN_FILE, DISTRICT_ENC_FILE):
        (keys_dir / name).unlink(missing_ok=True)
    fsync_dir(keys_dir)
    return keys


def write_v1_district_keys(keys_dir: Path, keys: DistrictKeys, passphrase: bytes) -> None:
    """Write keys in the version-1 layout (PEM, PBKDF2); kept only to test the upgrade."""
    _write_pair(keys_dir, DISTRICT_SIGN_FILE, DISTRICT_ENC_FILE, keys, passphrase)


# --- signed public-key files --------------------------------------------------------------


def canonical_json(obj: Any) -> bytes:
    """Deterministic JSON bytes (sorted keys, no spaces, UTF-8) for signing and hashing."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _signed_file(body: dict[str, Any], signer: KeyPair) -> bytes:
    sig = crypto.sign(signer.signing, canonical_json(body))
    doc = {"body": body, "signature": crypto.b64e(sig)}
    return json.dumps(doc, ensure_ascii=False, indent=2).encode()


def _read_signed_file(path: Path, expected_format: str, label: str) -> dict[str, Any]:
    try:
        doc = json.loads(Path(path).read_bytes())
        body = doc["body"]
        sig = crypto.b64d(doc["signature"])
        if body.get("format") != expected_format:
            raise KeyFileError(f"{label}格式不对：{path} (not an {expected_format} file)")
        if int(body.get("format_version", 0)) > KEYFILE_VERSION:
            raise KeyFileError(f"{label}版本过新：{path} (file version newer than supported)")
        crypto.verify(crypto.b64d(body["sign_public"]), sig, canonical_json(body))
    except KeyFileError:
        raise
    except OSError as exc:
        raise KeyFileError(f"无法读取{label}：{path} ({exc})") from exc
    except crypto.CryptoError as exc:
        raise KeyFileError(f"{label}签名无效，可能被改动：{path} (signature invalid)") from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise KeyFileError(f"{label}已损坏：{path} (damaged: {exc})") from exc
    return body


def _now() -> str:
    return process_clock().now().isoformat(timespec="seconds")


def write_pairing_file(
    path: Path, keys: SiteKeys, site_id: str, community_code: str, name: str = ""
) -> Path:
    """Write this laptop's pairing file (配对文件) for another laptop of the same community."""
    body = {
        "format": PAIRING_FORMAT,
        "format_version": KEYFILE_VERSION,
        "site_id": site_id,
        "community_code": community_code,
        "name": name,
        "sign_public": crypto.b64e(keys.sign_public),
        "enc_public": crypto.b64e(keys.enc_public),
        "created_at": _now(),
    }
    atomic_write_bytes(Path(path), _signed_file(body, keys))
    return Path(path)


def read_pairing_file(path: Path) -> PublicParty:
    """Read and verify a pairing file."""
    body = _read_signed_file(path, PAIRING_FORMAT, "配对文件")
    return PublicParty(
        sign_public=crypto.b64d(body["sign_public"]),
        enc_public=crypto.b64d(body["enc_public"]),
        code=str(body["community_code"]),
        site_id=str(body["site_id"]),
        name=str(body.get("name", "")),
    )
