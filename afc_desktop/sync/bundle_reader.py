"""The sync bundle's streaming reader (同步包读取): every check that needs no key at open time
(members, sizes, manifest schema, signature, payload hash), then decryption and record-by-record
validation while streaming, so memory stays flat however many records a bundle holds.
"""

from __future__ import annotations

import hashlib
import json
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from afc_desktop.sync import crypto
from afc_desktop.sync.bundle_format import (
    ATTACHMENTS,
    DEFAULT_LIMITS,
    EVENT_KINDS,
    FORMAT,
    FORMAT_VERSION,
    KINDS,
    MANIFEST,
    MEMBERS,
    OPTIONAL_MEMBERS,
    PAYLOAD,
    SIGNATURE,
    SUPPORTED_VERSIONS,
    Limits,
    _attachments_aad,
    _bundle_aad,
    _is_sha,
    _Ranges,
    validate_record,
)
from afc_desktop.sync.errors import (
    BadSignature,
    DamagedBundle,
    DecryptionFailed,
    HashMismatch,
    LimitExceeded,
    ManifestInvalid,
    SchemaInvalid,
    UnexpectedMember,
    UnsupportedVersion,
)

# --- reader -------------------------------------------------------------------------------


class BundleReader:
    """Opens a bundle and checks it in stages; ``records`` streams the payload.

    Construction checks the zip structure, member names, manifest and signature with the
    key named in the manifest (whether that key is *trusted* is the caller's decision,
    see ``sender_key_id``). ``verify_payload_hash`` checks the payload against the signed
    hash; ``records`` decrypts, decompresses and validates as it streams.
    """

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        self.path = Path(path)
        self.limits = limits
        label = str(self.path)
        self._label = label
        try:
            self._zf = zipfile.ZipFile(self.path, "r")
        except FileNotFoundError:
            raise DamagedBundle("文件不存在 (file not found)", label) from None
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise DamagedBundle(str(exc), label) from exc
        try:
            self._check_members()
            self.manifest_bytes = self._read_small(MANIFEST, limits.max_manifest_bytes)
            self.signature = self._read_small(SIGNATURE, 1024)
            self.manifest = self._parse_manifest()
            self._check_signature()
        except BaseException:
            self._zf.close()
            raise

    # context manager sugar
    def __enter__(self) -> BundleReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._zf.close()

    def _check_members(self) -> None:
        infos = self._zf.infolist()
        names = [i.filename for i in infos]
        odd = [n for n in names if n not in MEMBERS | OPTIONAL_MEMBERS]
        if odd or len(names) != len(set(names)):
            raise UnexpectedMember(", ".join(odd) or "重复的文件名 (duplicate names)", self._label)
        if MEMBERS - set(names):
            missing = ", ".join(sorted(MEMBERS - set(names)))
            raise DamagedBundle(f"缺少 {missing} (missing members)", self._label)
        for info in infos:
            if info.compress_type != zipfile.ZIP_STORED or info.flag_bits & 0x1:
                raise UnexpectedMember(f"{info.filename} 的存储方式不对", self._label)
        payload = self._zf.getinfo(PAYLOAD)
        if payload.file_size > self.limits.max_payload_bytes:
            raise LimitExceeded(f"数据部分 {payload.file_size} 字节", self._label)
        if ATTACHMENTS in names:
            pictures = self._zf.getinfo(ATTACHMENTS)
            if pictures.file_size > self.limits.max_payload_bytes:
                raise LimitExceeded(f"照片部分 {pictures.file_size} 字节", self._label)

    def _read_small(self, name: str, limit: int) -> bytes:
        info = self._zf.getinfo(name)
        if info.file_size > limit:
            raise LimitExceeded(f"{name} 有 {info.file_size} 字节", self._label)
        try:
            with self._zf.open(info) as fh:
                data = fh.read(limit + 1)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            if "CRC" in str(exc):
                raise HashMismatch(f"{name}: {exc}", self._label) from exc
            raise DamagedBundle(f"{name}: {exc}", self._label) from exc
        if len(data) > limit:
            raise LimitExceeded(f"{name} 过大", self._label)
        return data

    def _parse_manifest(self) -> dict[str, Any]:
        try:
            m = json.loads(self.manifest_bytes.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise ManifestInvalid(f"JSON: {exc}", self._label) from exc
        if not isinstance(m, dict) or m.get("format") != FORMAT:
            raise ManifestInvalid("不是 afc-bundle 格式 (format is not afc-bundle)", self._label)
        version = m.get("format_version")
        if (
            not isinstance(version, int)
            or isinstance(version, bool)
            or version not in SUPPORTED_VERSIONS
        ):
            raise UnsupportedVersion(
                f"文件版本 {version!r}，本软件支持 {FORMAT_VERSION}", self._label
            )
        self.format_version = version
        try:
            if m["kind"] not in KINDS:
                raise ManifestInvalid(f"kind {m['kind']!r}", self._label)
            src = m["source"]
            self.sender_sign_public = crypto.b64d(src["sign_public"])
            self.sender_enc_public = crypto.b64d(src["enc_public"])
            self.payload_info = m["payload"]
            int(self.payload_info["size"])
            str(self.payload_info["sha256"])
            cryp = m["crypto"]
            if cryp["suite"] != crypto.SUITE:
                raise UnsupportedVersion(f"加密方式 {cryp['suite']!r}", self._label)
            self._wrapped = crypto.WrappedKey.from_json(cryp["key_wrap"])
            self._nonce_prefix = crypto.b64d(cryp["nonce_prefix"])
            if not isinstance(m["ranges"], dict):
                raise ManifestInvalid("ranges", self._label)
            self.attachment_info = self._attachment_section(m, version)
        except (KeyError, TypeError, ValueError, crypto.CryptoError) as exc:
            raise ManifestInvalid(f"缺少或错误的字段 {exc}", self._label) from exc
        return m

    def _attachment_section(self, m: dict[str, Any], version: int) -> dict[str, Any] | None:
        """The manifest's attachment section, checked; the member must match it."""
        has_member = ATTACHMENTS in self._zf.namelist()
        section = m.get("attachments")
        if section is None:
            if has_member:
                raise UnexpectedMember(f"{ATTACHMENTS}（清单中没有照片部分）", self._label)
            return None
        if version < 3:
            raise ManifestInvalid("版本 3 之前的包不能带照片部分", self._label)
        items, pending = section["items"], section["pending"]
        if not isinstance(items, list) or not isinstance(pending, list):
            raise ManifestInvalid("attachments", self._label)
        if len(items) + len(pending) > self.limits.max_attachments:
            raise LimitExceeded(f"清单列出 {len(items) + len(pending)} 张照片", self._label)
        for item in items:
            size = item["size"]
            if not isinstance(size, int) or isinstance(size, bool) or size < 1:
                raise ManifestInvalid("attachments.items.size", self._label)
            if size > self.limits.max_attachment_bytes:
                raise LimitExceeded(f"一张照片 {size} 字节", self._label)
            if not _is_sha(item["sha256"]):
                raise ManifestInvalid("attachments.items.sha256", self._label)
        if not all(_is_sha(p) for p in pending):
            raise ManifestInvalid("attachments.pending", self._label)
        if bool(items) != has_member:
            raise DamagedBundle(f"照片部分与清单不符（{ATTACHMENTS}）", self._label)
        if items:
            int(section["size"])
            str(section["sha256"])
            self._attachments_prefix = crypto.b64d(section["nonce_prefix"])
        return dict(section)

    def _check_signature(self) -> None:
        try:
            crypto.verify(self.sender_sign_public, self.signature, self.manifest_bytes)
        except crypto.CryptoError as exc:
            raise BadSignature("", self._label) from exc

    # --- accessors ----------------------------------------------------------------------

    @property
    def kind(self) -> str:
        return str(self.manifest["kind"])

    @property
    def bundle_id(self) -> str:
        return str(self.manifest["bundle_id"])

    @property
    def sender_key_id(self) -> str:
        return crypto.key_id(self.sender_sign_public)

    @property
    def source(self) -> dict[str, Any]:
        return dict(self.manifest["source"])

    @property
    def ranges(self) -> dict[str, dict[str, int]]:
        return dict(self.manifest["ranges"])

    @property
    def attachments_pending(self) -> list[str]:
        """Hashes of pictures the sender left for a later bundle (over its size budget)."""
        return list((self.attachment_info or {}).get("pending", ()))

    @property
    def attachment_items(self) -> list[dict[str, Any]]:
        """``{"sha256", "size"}`` of each picture this bundle carries."""
        return [dict(i) for i in (self.attachment_info or {}).get("items", ())]

    # --- payload ------------------------------------------------------------------------

    def _payload_stream(self) -> BinaryIO:
        return self._zf.open(PAYLOAD)  # type: ignore[return-value]

    def verify_payload_hash(self) -> None:
        """Stream the payload once and compare its size and SHA-256 with the manifest."""
        sha = hashlib.sha256()
        size = 0
        try:
            with self._payload_stream() as fh:
                while chunk := fh.read(1 << 20):
                    sha.update(chunk)
                    size += len(chunk)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            # a CRC error means the stored bytes changed: same as a hash mismatch
            if "CRC" in str(exc):
                raise HashMismatch(str(exc), self._label) from exc
            raise DamagedBundle(str(exc), self._label) from exc
        if size != int(self.payload_info["size"]) or sha.hexdigest() != self.payload_info["sha256"]:
            raise HashMismatch(f"大小 {size}", self._label)

    def verify_attachments_hash(self) -> None:
        """Compare the attachment member's size and SHA-256 with the manifest (if it has one)."""
        info = self.attachment_info
        if not info or not info.get("items"):
            return
        sha = hashlib.sha256()
        size = 0
        try:
            with self._zf.open(ATTACHMENTS) as fh:
                while chunk := fh.read(1 << 20):
                    sha.update(chunk)
                    size += len(chunk)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            if "CRC" in str(exc):
                raise HashMismatch(str(exc), self._label) from exc
            raise DamagedBundle(str(exc), self._label) from exc
        if size != int(info["size"]) or sha.hexdigest() != info["sha256"]:
            raise HashMismatch(f"照片部分大小 {size}", self._label)

    def attachments(self, key: X25519PrivateKey) -> Iterator[tuple[str, bytes]]:
        """Yield ``(sha256, picture)`` for each picture carried, each checked against its hash.

        Raises a BundleRefused subclass when the section is damaged, a picture does not match
        its hash, or the member holds more or less than the manifest lists.
        """
        items = self.attachment_items
        if not items:
            return
        stream = self._chunks(key, ATTACHMENTS, self._attachments_prefix, attachments=True)
        buf = bytearray()
        for item in items:
            size = int(item["size"])
            while len(buf) < size:
                chunk = next(stream, None)
                if chunk is None:
                    raise DamagedBundle("照片部分不完整 (attachments truncated)", self._label)
                buf += chunk
            data = bytes(buf[:size])
            del buf[:size]
            if hashlib.sha256(data).hexdigest() != item["sha256"]:
                raise HashMismatch(f"照片 {str(item['sha256'])[:12]} 与编号不符", self._label)
            yield str(item["sha256"]), data
        if buf or next(stream, None):
            raise DamagedBundle("照片部分比清单多出数据 (extra attachment data)", self._label)

    def _plain_chunks(self, key: X25519PrivateKey) -> Iterator[bytes]:
        return self._chunks(key, PAYLOAD, self._nonce_prefix)

    def _chunks(
        self, key: X25519PrivateKey, member: str, prefix: bytes, *, attachments: bool = False
    ) -> Iterator[bytes]:
        try:
            aad = _bundle_aad(self.bundle_id, self.format_version)
            content_key = crypto.unwrap_content_key(key, self._wrapped, aad)
            opener = crypto.ChunkOpener(
                content_key, _attachments_aad(aad) if attachments else aad, prefix
            )
        except crypto.CryptoError as exc:
            raise DecryptionFailed(str(exc), self._label) from exc
        max_frame = crypto.CHUNK_SIZE + crypto.TAG_SIZE
        try:
            with self._zf.open(member) as fh:
                header = fh.read(4)
                while True:
                    if len(header) != 4:
                        raise DecryptionFailed("数据块不完整 (truncated chunk header)", self._label)
                    (n,) = struct.unpack(">I", header)
                    if n > max_frame or n < crypto.TAG_SIZE:
                        raise DecryptionFailed(f"数据块长度 {n}", self._label)
                    ct = fh.read(n)
                    if len(ct) != n:
                        raise DecryptionFailed("数据块被截断 (truncated chunk)", self._label)
                    header = fh.read(4)
                    final = header == b""
                    try:
                        yield opener.open(ct, final)
                    except crypto.CryptoError as exc:
                        raise DecryptionFailed(str(exc), self._label) from exc
                    if final:
                        return
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            if "CRC" in str(exc):
                raise HashMismatch(str(exc), self._label) from exc
            raise DamagedBundle(str(exc), self._label) from exc

    def _plain_lines(self, key: X25519PrivateKey) -> Iterator[bytes]:
        lim = self.limits
        zd = zlib.decompressobj()
        consumed = 0
        produced = 0
        pending = b""
        step = 1 << 20
        for chunk in self._plain_chunks(key):
            consumed += len(chunk)
            data = chunk
            while data:
                try:
                    out = zd.decompress(data, step)
                except zlib.error as exc:
                    raise DecryptionFailed(f"解压失败 {exc}", self._label) from exc
                data = zd.unconsumed_tail
                produced += len(out)
                if produced > lim.max_plain_bytes or (
                    produced > lim.ratio_floor and produced > lim.max_ratio * consumed
                ):
                    raise LimitExceeded(
                        f"解压后 {produced} 字节，压缩数据 {consumed} 字节", self._label
                    )
                pending += out
                if b"\n" in pending:
                    *lines, pending = pending.split(b"\n")
                    yield from lines
                if len(pending) > lim.max_line_bytes:
                    raise LimitExceeded("单条记录过长 (record too long)", self._label)
        if not zd.eof:
            raise DecryptionFailed("压缩数据不完整 (compressed stream incomplete)", self._label)
        if pending:
            raise SchemaInvalid("最后一行没有结束符 (last line unterminated)", self._label)

    def records(self, key: X25519PrivateKey) -> Iterator[dict[str, Any]]:
        """Yield validated records; at the end check count and ranges against the manifest.

        Raises a BundleRefused subclass at the first problem; consumers apply inside one
        transaction and roll back on it, so a refused bundle writes nothing.
        """
        kind = self.kind
        ranges = _Ranges()
        n = 0
        for raw in self._plain_lines(key):
            n += 1
            try:
                rec = json.loads(raw)
            except ValueError as exc:
                raise SchemaInvalid(f"第 {n} 行不是 JSON", self._label) from exc
            try:
                validate_record(kind, rec, n)
            except SchemaInvalid as exc:
                raise SchemaInvalid(exc.detail, self._label) from exc
            if kind in EVENT_KINDS:
                ranges.add(rec["site_id"], rec["seq"])
            yield rec
        if n != self.manifest.get("records"):
            raise SchemaInvalid(f"记录数 {n} 与清单不符", self._label)
        if kind in EVENT_KINDS and ranges.to_json() != self.manifest["ranges"]:
            raise SchemaInvalid("序号范围与清单不符 (ranges differ from manifest)", self._label)


def open_bundle(
    path: Path,
    *,
    is_trusted: Callable[[BundleReader], bool] | None = None,
    allow_unknown_sender: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> BundleReader:
    """Open ``path`` and run every check that needs no decryption key.

    ``is_trusted(reader)`` says whether the sender key is registered; unknown senders are
    refused unless ``allow_unknown_sender`` (the enrolling case).
    """
    from afc_desktop.sync.errors import UnknownSender

    reader = BundleReader(path, limits)
    try:
        if is_trusted is not None and not allow_unknown_sender and not is_trusted(reader):
            raise UnknownSender(f"密钥 {reader.sender_key_id}", str(path))
        reader.verify_payload_hash()
        reader.verify_attachments_hash()
    except BaseException:
        reader.close()
        raise
    return reader
