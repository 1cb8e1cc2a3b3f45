"""Cryptographic primitives for sync bundles (同步包加密与签名).

Every primitive comes from the ``cryptography`` package; this module only names the
suite and wires the pieces together:

- signatures: Ed25519 over the exact manifest bytes;
- key transport: a fresh AES-256-GCM content key per bundle, wrapped to the recipient's
  X25519 public key with an ephemeral X25519 key pair, ECDH and HKDF-SHA256;
- payload: the compressed stream is cut into chunks, each sealed with AES-256-GCM under
  the content key; the nonce is a per-bundle random prefix plus the chunk counter, and the
  associated data binds the bundle id, the chunk index and a "final chunk" flag, so chunks
  cannot be reordered, dropped or the stream truncated without detection;
- private keys at rest: PKCS#8 PEM, encrypted with ``BestAvailableEncryption`` when a
  passphrase is given.
"""

from __future__ import annotations

import base64
import hashlib
import os
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SUITE = "x25519-hkdf-sha256-aes256gcm-chunked/ed25519"
WRAP_INFO = b"afc-bundle v1 content key wrap"
CHUNK_SIZE = 64 * 1024
TAG_SIZE = 16
NONCE_PREFIX_SIZE = 4


class CryptoError(Exception):
    """A signature, key or ciphertext did not check out."""


def b64e(data: bytes) -> str:
    """Standard base64 text of ``data``."""
    return base64.b64encode(data).decode("ascii")


def b64d(text: str) -> bytes:
    """Decode standard base64 text, raising CryptoError on malformed input."""
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as exc:
        raise CryptoError(f"bad base64: {exc}") from exc


def key_id(public_raw: bytes) -> str:
    """Short stable id of a raw public key (first 16 hex digits of its SHA-256)."""
    return hashlib.sha256(public_raw).hexdigest()[:16]


# --- Ed25519 signatures -------------------------------------------------------------------


def new_signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def signing_public_raw(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def sign(key: Ed25519PrivateKey, data: bytes) -> bytes:
    """Ed25519 signature of ``data``."""
    return key.sign(data)


def verify(public_raw: bytes, signature: bytes, data: bytes) -> None:
    """Raise CryptoError unless ``signature`` is a valid Ed25519 signature of ``data``."""
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, data)
    except (InvalidSignature, ValueError) as exc:
        raise CryptoError("signature does not verify") from exc


# --- X25519 key wrapping ------------------------------------------------------------------


def new_encryption_key() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


def encryption_public_raw(key: X25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@dataclass(frozen=True)
class WrappedKey:
    """A content key wrapped to one recipient; stored in the manifest's ``crypto`` block."""

    ephemeral_public: bytes
    salt: bytes
    nonce: bytes
    wrapped: bytes

    def to_json(self) -> dict[str, str]:
        return {
            "ephemeral_public": b64e(self.ephemeral_public),
            "salt": b64e(self.salt),
            "nonce": b64e(self.nonce),
            "wrapped_key": b64e(self.wrapped),
        }

    @classmethod
    def from_json(cls, data: dict[str, str]) -> WrappedKey:
        try:
            return cls(
                ephemeral_public=b64d(data["ephemeral_public"]),
                salt=b64d(data["salt"]),
                nonce=b64d(data["nonce"]),
                wrapped=b64d(data["wrapped_key"]),
            )
        except (KeyError, TypeError) as exc:
            raise CryptoError(f"key wrap block incomplete: {exc}") from exc


def _kek(shared: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=WRAP_INFO).derive(shared)


def wrap_new_content_key(recipient_public_raw: bytes, aad: bytes) -> tuple[bytes, WrappedKey]:
    """Make a fresh AES-256 content key and wrap it to the recipient's X25519 public key."""
    content_key = AESGCM.generate_key(bit_length=256)
    ephemeral = X25519PrivateKey.generate()
    try:
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public_raw))
    except ValueError as exc:
        raise CryptoError("recipient public key is not a valid X25519 key") from exc
    salt = os.urandom(16)
    nonce = os.urandom(12)
    wrapped = AESGCM(_kek(shared, salt)).encrypt(nonce, content_key, aad)
    return content_key, WrappedKey(encryption_public_raw(ephemeral), salt, nonce, wrapped)


def unwrap_content_key(recipient: X25519PrivateKey, wrapped: WrappedKey, aad: bytes) -> bytes:
    """Recover the content key; CryptoError if this key is not the recipient or data is bad."""
    try:
        shared = recipient.exchange(X25519PublicKey.from_public_bytes(wrapped.ephemeral_public))
        return AESGCM(_kek(shared, wrapped.salt)).decrypt(wrapped.nonce, wrapped.wrapped, aad)
    except (InvalidTag, ValueError) as exc:
        raise CryptoError("content key cannot be unwrapped with this key") from exc


# --- chunked AES-GCM stream ---------------------------------------------------------------


def _chunk_nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">Q", index)


def _chunk_aad(bundle_aad: bytes, index: int, final: bool) -> bytes:
    return bundle_aad + struct.pack(">QB", index, 1 if final else 0)


class ChunkSealer:
    """Seals consecutive plaintext chunks; the caller marks the last one ``final``."""

    def __init__(self, content_key: bytes, bundle_aad: bytes) -> None:
        self._aead = AESGCM(content_key)
        self._aad = bundle_aad
        self.nonce_prefix = os.urandom(NONCE_PREFIX_SIZE)
        self._index = 0
        self._finished = False

    def seal(self, plaintext: bytes, final: bool) -> bytes:
        """Return the framed chunk: 4-byte big-endian length, then ciphertext with tag."""
        if self._finished:
            raise CryptoError("stream already finished")
        ct = self._aead.encrypt(
            _chunk_nonce(self.nonce_prefix, self._index),
            plaintext,
            _chunk_aad(self._aad, self._index, final),
        )
        self._index += 1
        self._finished = final
        return struct.pack(">I", len(ct)) + ct


class ChunkOpener:
    """Opens framed chunks in order; ``final`` must be True exactly for the last chunk."""

    def __init__(self, content_key: bytes, bundle_aad: bytes, nonce_prefix: bytes) -> None:
        if len(nonce_prefix) != NONCE_PREFIX_SIZE:
            raise CryptoError("bad nonce prefix")
        self._aead = AESGCM(content_key)
        self._aad = bundle_aad
        self._prefix = nonce_prefix
        self._index = 0

    def open(self, ciphertext: bytes, final: bool) -> bytes:
        try:
            pt = self._aead.decrypt(
                _chunk_nonce(self._prefix, self._index),
                ciphertext,
                _chunk_aad(self._aad, self._index, final),
            )
        except InvalidTag as exc:
            raise CryptoError(f"chunk {self._index} fails authentication") from exc
        self._index += 1
        return pt


# --- private keys at rest ---------------------------------------------------------------


def private_key_pem(key: Ed25519PrivateKey | X25519PrivateKey, passphrase: bytes | None) -> bytes:
    """PKCS#8 PEM of a private key, encrypted when a passphrase is given."""
    algo: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase)
        if passphrase
        else serialization.NoEncryption()
    )
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, algo)


def load_private_key_pem(
    data: bytes, passphrase: bytes | None
) -> Ed25519PrivateKey | X25519PrivateKey:
    """Load a PEM private key; CryptoError on wrong passphrase or an unexpected key type."""
    try:
        key = serialization.load_pem_private_key(data, password=passphrase or None)
    except (ValueError, TypeError) as exc:
        raise CryptoError("private key cannot be loaded (wrong passphrase?)") from exc
    if not isinstance(key, Ed25519PrivateKey | X25519PrivateKey):
        raise CryptoError(f"unexpected key type {type(key).__name__}")
    return key


# --- raw private keys and passphrase sealing (district key file) -------------------------


def private_raw(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    """The 32 raw bytes of a private key (only ever written sealed, see ``seal_with_passphrase``)."""
    return key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


def signing_key_from_raw(raw: bytes) -> Ed25519PrivateKey:
    try:
        return Ed25519PrivateKey.from_private_bytes(raw)
    except ValueError as exc:
        raise CryptoError("not a raw Ed25519 private key") from exc


def encryption_key_from_raw(raw: bytes) -> X25519PrivateKey:
    try:
        return X25519PrivateKey.from_private_bytes(raw)
    except ValueError as exc:
        raise CryptoError("not a raw X25519 private key") from exc


@dataclass(frozen=True)
class ScryptCost:
    """scrypt parameters: ``n`` (CPU/memory cost, a power of two), ``r`` and ``p``."""

    n: int
    r: int = 8
    p: int = 1

    def check(self) -> None:
        # bounds keep a damaged or hostile file from asking for gigabytes of memory
        if not (1 << 10 <= self.n <= 1 << 20) or self.n & (self.n - 1):
            raise CryptoError(f"scrypt n={self.n} out of range")
        if not (1 <= self.r <= 32 and 1 <= self.p <= 16):
            raise CryptoError("scrypt r/p out of range")


def scrypt_key(passphrase: bytes, salt: bytes, cost: ScryptCost) -> bytes:
    """A 32-byte key from ``passphrase`` (scrypt, RFC 7914)."""
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    cost.check()
    return Scrypt(salt=salt, length=32, n=cost.n, r=cost.r, p=cost.p).derive(passphrase)


def seal_with_passphrase(
    plaintext: bytes, passphrase: bytes, cost: ScryptCost, aad: bytes
) -> dict[str, str | int]:
    """Encrypt ``plaintext`` under a scrypt-stretched passphrase with AES-256-GCM."""
    salt = os.urandom(16)
    nonce = os.urandom(12)
    kek = scrypt_key(passphrase, salt, cost)
    return {
        "kdf": "scrypt",
        "n": cost.n,
        "r": cost.r,
        "p": cost.p,
        "salt": b64e(salt),
        "cipher": "aes-256-gcm",
        "nonce": b64e(nonce),
        "ciphertext": b64e(AESGCM(kek).encrypt(nonce, plaintext, aad)),
    }


def open_with_passphrase(sealed: dict[str, object], passphrase: bytes, aad: bytes) -> bytes:
    """Reverse ``seal_with_passphrase``; CryptoError on a wrong passphrase or damaged data."""
    try:
        if sealed["kdf"] != "scrypt" or sealed["cipher"] != "aes-256-gcm":
            raise CryptoError("unknown key-file cipher")
        cost = ScryptCost(int(sealed["n"]), int(sealed["r"]), int(sealed["p"]))  # type: ignore[call-overload]
        kek = scrypt_key(passphrase, b64d(str(sealed["salt"])), cost)
        return AESGCM(kek).decrypt(b64d(str(sealed["nonce"])), b64d(str(sealed["ciphertext"])), aad)
    except InvalidTag as exc:
        raise CryptoError("wrong passphrase or damaged key file") from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise CryptoError(f"key file incomplete: {exc}") from exc


def sealed_cost(sealed: dict[str, object]) -> ScryptCost:
    """The scrypt cost a sealed block was made with."""
    return ScryptCost(int(sealed["n"]), int(sealed["r"]), int(sealed["p"]))  # type: ignore[call-overload]
