"""Site and district keys, enrolment and pairing files (密钥、入网文件与配对文件).

- Each installation (site, 站点) makes its Ed25519 signing key and X25519 encryption key on
  first run, in ``<data_dir>/keys/`` (``ensure_site_keys``).
- The district (区级) makes its own pair, protected by a passphrase (``create_district_keys``),
  and writes an enrolment file (入网文件) with its public keys and district code, signed by its
  signing key. A community imports that file once.
- Two laptops of one community pair (配对) by exchanging a small signed file with their public
  keys, site id and community code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from afc_desktop.clock import process_clock
from afc_desktop.sync import crypto
from afc_desktop.sync.fsio import atomic_write_bytes

SITE_SIGN_FILE = "site_sign.pem"
SITE_ENC_FILE = "site_enc.pem"
DISTRICT_SIGN_FILE = "district_sign.pem"
DISTRICT_ENC_FILE = "district_enc.pem"
ENROLMENT_FORMAT = "afc-enrolment"
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


def ensure_site_keys(keys_dir: Path) -> SiteKeys:
    """Load this site's keys from ``keys_dir``, generating them on first run."""
    keys_dir = Path(keys_dir)
    if (keys_dir / SITE_SIGN_FILE).exists() and (keys_dir / SITE_ENC_FILE).exists():
        try:
            sign, enc = _load_pair(keys_dir, SITE_SIGN_FILE, SITE_ENC_FILE, None)
        except crypto.CryptoError as exc:
            raise KeyFileError(f"本机密钥文件损坏：{keys_dir} (site key files damaged)") from exc
        return SiteKeys(sign, enc)
    keys = SiteKeys(crypto.new_signing_key(), crypto.new_encryption_key())
    _write_pair(keys_dir, SITE_SIGN_FILE, SITE_ENC_FILE, keys, None)
    return keys


def create_district_keys(keys_dir: Path, passphrase: bytes) -> DistrictKeys:
    """Generate the district's key pairs, encrypted under ``passphrase``; refuse to overwrite."""
    keys_dir = Path(keys_dir)
    if not passphrase:
        raise KeyFileError("区级密钥必须设置口令 (a passphrase is required for district keys)")
    if (keys_dir / DISTRICT_SIGN_FILE).exists():
        raise KeyFileError(
            f"区级密钥已存在，不会覆盖：{keys_dir} (district keys already exist; not overwritten)"
        )
    keys = DistrictKeys(crypto.new_signing_key(), crypto.new_encryption_key())
    _write_pair(keys_dir, DISTRICT_SIGN_FILE, DISTRICT_ENC_FILE, keys, passphrase)
    return keys


def load_district_keys(keys_dir: Path, passphrase: bytes) -> DistrictKeys:
    """Load the district keys; KeyFileError on a wrong passphrase or missing files."""
    keys_dir = Path(keys_dir)
    if not (keys_dir / DISTRICT_SIGN_FILE).exists():
        raise KeyFileError(
            f"找不到区级密钥，请先运行 afc-district init：{keys_dir} (no district keys; run init)"
        )
    try:
        sign, enc = _load_pair(keys_dir, DISTRICT_SIGN_FILE, DISTRICT_ENC_FILE, passphrase)
    except crypto.CryptoError as exc:
        raise KeyFileError("区级密钥口令不正确 (wrong passphrase for the district keys)") from exc
    return DistrictKeys(sign, enc)


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


def write_enrolment_file(
    path: Path, keys: DistrictKeys, district_code: str, name: str = ""
) -> Path:
    """Write the enrolment file (入网文件) a community imports once."""
    body = {
        "format": ENROLMENT_FORMAT,
        "format_version": KEYFILE_VERSION,
        "district_code": district_code,
        "name": name,
        "sign_public": crypto.b64e(keys.sign_public),
        "enc_public": crypto.b64e(keys.enc_public),
        "key_id": keys.key_id,
        "created_at": _now(),
    }
    atomic_write_bytes(Path(path), _signed_file(body, keys))
    return Path(path)


def read_enrolment_file(path: Path) -> PublicParty:
    """Read and verify an enrolment file; KeyFileError with a Chinese message when bad."""
    body = _read_signed_file(path, ENROLMENT_FORMAT, "入网文件")
    return PublicParty(
        sign_public=crypto.b64d(body["sign_public"]),
        enc_public=crypto.b64d(body["enc_public"]),
        code=str(body["district_code"]),
        name=str(body.get("name", "")),
    )


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
