"""The picture store (照片文件库): files in the data directory named by their content hash.

``<data dir>/attachments/ab/abcdef….jpg`` holds the picture whose SHA-256 (of the stored JPEG
bytes) is ``abcdef…``. The same picture attached twice is one file. Files are written to a
``.part`` name, fsynced and renamed, so a crash or a full disk never leaves a file that looks
complete; a file is checked against its hash every time it is read.

When the database is encrypted (SQLCipher), each file is sealed with AES-256-GCM under a key
derived from the database key (HKDF, info ``afc-attachments/1``): a copied data directory shows
neither the database nor the pictures. The file is then ``AFA1`` + 12-byte nonce + ciphertext,
with the hash as associated data, so a file renamed to another hash does not open.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..sync.fsio import fsync_dir

FOLDER = "attachments"
MAGIC = b"AFA1"
_HASH = re.compile(r"^[0-9a-f]{64}$")


class BlobError(Exception):
    """A stored picture is missing or does not match its hash (``message`` plain Chinese)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def sha256_hex(data: bytes) -> str:
    """The content hash that names a picture."""
    return hashlib.sha256(data).hexdigest()


def is_hash(text: str) -> bool:
    """True for 64 lower-case hex digits."""
    return bool(_HASH.match(text))


def _derive(db_key: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=None, info=b"afc-attachments/1").derive(db_key)


class BlobStore:
    """Content-addressed pictures under ``root`` (sealed when ``db_key`` is given)."""

    def __init__(self, root: Path, db_key: bytes | None = None) -> None:
        self.root = Path(root)
        self._aead = AESGCM(_derive(db_key)) if db_key else None

    def path(self, sha: str) -> Path:
        """Where the picture ``sha`` is (or would be) kept."""
        if not is_hash(sha):
            raise BlobError("照片编号不对")
        return self.root / sha[:2] / f"{sha}.jpg"

    def has(self, sha: str) -> bool:
        """True when the picture is here (its content is checked when read)."""
        return self.path(sha).is_file()

    def put(self, data: bytes) -> str:
        """Store ``data``; returns its hash. OSError (e.g. disk full) leaves nothing behind."""
        sha = sha256_hex(data)
        final = self.path(sha)
        if final.is_file():
            return sha
        final.parent.mkdir(parents=True, exist_ok=True)
        body = data
        if self._aead is not None:
            nonce = os.urandom(12)
            body = MAGIC + nonce + self._aead.encrypt(nonce, data, sha.encode())
        tmp = final.with_name(final.name + ".part")
        try:
            with open(tmp, "wb") as fh:
                if os.name == "posix":
                    os.chmod(tmp, 0o600)
                fh.write(body)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, final)
            fsync_dir(final.parent)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        return sha

    def get(self, sha: str) -> bytes:
        """The picture's bytes, checked against its hash."""
        try:
            body = self.path(sha).read_bytes()
        except FileNotFoundError:
            raise BlobError("照片文件还不在这台电脑上（等待同步）") from None
        except OSError:
            raise BlobError("照片文件无法读取") from None
        data = body
        if body.startswith(MAGIC):
            if self._aead is None:
                raise BlobError("照片文件已加密，而数据库没有加密：无法打开")
            try:
                data = self._aead.decrypt(body[4:16], body[16:], sha.encode())
            except Exception:
                raise BlobError("照片文件已损坏或不属于本数据目录") from None
        if sha256_hex(data) != sha:
            raise BlobError("照片文件已损坏（内容与编号不符）")
        return data

    def hashes(self) -> Iterator[str]:
        """Every picture hash stored here."""
        if not self.root.is_dir():
            return
        for sub in sorted(self.root.iterdir()):
            if sub.is_dir():
                for f in sorted(sub.glob("*.jpg")):
                    if is_hash(f.stem):
                        yield f.stem
