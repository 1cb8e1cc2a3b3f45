"""Sync bundle writer and streaming reader (同步包读写), format version 4.

The format is documented in ``docs/sync-bundle-format.md``. A bundle is a zip with three
members: ``payload.bin`` (JSON lines, zlib-compressed, then sealed in AES-256-GCM chunks),
``manifest.json`` and ``manifest.sig`` (Ed25519 over the exact manifest bytes); a version 3
bundle may carry a fourth, ``attachments.bin``: the pictures (照片) of attachment records,
sealed under the same content key, listed with their hashes in the manifest.
Writer and reader both stream: memory stays flat however many records a bundle holds.
"""

from __future__ import annotations

import hashlib
import json
import struct
import uuid
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from afc_desktop.clock import process_clock
from afc_desktop.domain.community_code import file_safe_name
from afc_desktop.sync import crypto
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
from afc_desktop.sync.fsio import atomic_writer
from afc_desktop.sync.keys import KeyPair

FORMAT = "afc-bundle"
FORMAT_VERSION = 4  # the newest version this software reads
# 1: the first format; 2 adds ``source.enrolment`` (proof of the one-time enrolment secret)
# and ``state_seq``; 3 adds the attachment section (``attachments.bin`` and
# ``manifest["attachments"]``); 4 adds the receipt record "transfer" and the synced person
# columns ``moved_to`` / ``transferred_from`` (moves within the district). A bundle is written
# as the lowest version that holds what it carries (2 plain, 3 with pictures, 4 a receipt with
# transfers), so a party not yet updated reads it. Older versions are still read.
SUPPORTED_VERSIONS = (1, 2, 3, 4)
PLAIN_VERSION = 2  # what a bundle without an attachment section is written as
PICTURES_VERSION = 3  # a bundle with an attachment section
TRANSFER_VERSION = 4  # a receipt carrying people moving in (docs/district-moves.md)
SUFFIX = ".afcbundle"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PAYLOAD = "payload.bin"
ATTACHMENTS = "attachments.bin"
MEMBERS = frozenset({MANIFEST, SIGNATURE, PAYLOAD})
OPTIONAL_MEMBERS = frozenset({ATTACHMENTS})
KINDS = ("changes", "snapshot", "receipt", "reference")
EVENT_KINDS = ("changes", "snapshot")
EVENT_KEYS = frozenset(
    {"event_id", "site_id", "seq", "table", "record_id", "op", "base_rev", "fields", "at", "actor"}
)
OPTIONAL_EVENT_KEYS = frozenset({"actor_name"})
RECORD_TYPES = {
    "receipt": frozenset({"ack", "held", "conflict", "duplicate", "refused", "transfer"}),
    "reference": frozenset({"form", "resource"}),
}


@dataclass(frozen=True)
class Limits:
    """Sanity limits applied while reading (压缩炸弹等防护)."""

    max_manifest_bytes: int = 1 << 20
    max_payload_bytes: int = 4 << 30
    max_plain_bytes: int = 32 << 30
    max_ratio: int = 100  # plain bytes per compressed byte ...
    ratio_floor: int = 16 << 20  # ... checked once this much plain text has come out
    max_line_bytes: int = 4 << 20
    max_attachment_bytes: int = 8 << 20  # one picture (a stored one is under about 1 MB)
    max_attachments: int = 10_000  # pictures listed in one manifest (sent or pending)


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Recipient:
    """Who can open the bundle: a district, a community site or a paired laptop."""

    code: str
    enc_public: bytes
    key_id: str


@dataclass
class WriteResult:
    path: Path
    manifest: dict[str, Any]
    records: int


@dataclass
class _Ranges:
    by_site: dict[str, list[int]] = field(default_factory=dict)

    def add(self, site_id: str, seq: int) -> None:
        r = self.by_site.get(site_id)
        if r is None:
            self.by_site[site_id] = [seq, seq, 1]
        else:
            r[0] = min(r[0], seq)
            r[1] = max(r[1], seq)
            r[2] += 1

    def to_json(self) -> dict[str, dict[str, int]]:
        return {
            s: {"seq_from": a, "seq_to": b, "count": c}
            for s, (a, b, c) in sorted(self.by_site.items())
        }


def _iso_utc(now: datetime) -> str:
    return now.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _bundle_aad(bundle_id: str, version: int = FORMAT_VERSION) -> bytes:
    return f"{FORMAT}/{version}/{bundle_id}".encode()


def _attachments_aad(bundle_aad: bytes) -> bytes:
    return bundle_aad + b"/attachments"


def _line(record: dict[str, Any]) -> bytes:
    return (
        json.dumps(record, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
        + b"\n"
    )


def bundle_file_name(
    kind: str,
    source_code: str,
    site_id: str,
    bundle_id: str,
    now: datetime | None = None,
    community_name: str = "",
) -> str:
    """``<code>_<name>_<site>_<kind>_<UTC stamp>_<id>.afcbundle`` (the stamp from the given
    clock): the 12-digit 统计用区划代码 and the community's name, made FAT32-safe, so a folder of
    bundles on a USB stick reads as a list of communities (two 梅巷社区 differ by code)."""
    stamp = (now or process_clock().now()).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    name = f"_{file_safe_name(community_name)}" if community_name.strip() else ""
    return f"{source_code or 'site'}{name}_{site_id[:8]}_{kind}_{stamp}_{bundle_id[:8]}{SUFFIX}"


class _PayloadWriter:
    """Compress, seal in chunks and write to the zip member, hashing as it goes."""

    def __init__(self, out: BinaryIO, content_key: bytes, aad: bytes) -> None:
        self._out = out
        self._sealer = crypto.ChunkSealer(content_key, aad)
        self._zc = zlib.compressobj(6)
        self._buf = bytearray()
        self.sha = hashlib.sha256()
        self.size = 0
        self.plain_size = 0
        self.compressed_size = 0

    def _emit(self, data: bytes, final: bool) -> None:
        framed = self._sealer.seal(data, final)
        self._out.write(framed)
        self.sha.update(framed)
        self.size += len(framed)

    def write(self, plain: bytes) -> None:
        self.plain_size += len(plain)
        self._push(self._zc.compress(plain))

    def _push(self, compressed: bytes) -> None:
        self.compressed_size += len(compressed)
        self._buf += compressed
        while len(self._buf) > crypto.CHUNK_SIZE:
            self._emit(bytes(self._buf[: crypto.CHUNK_SIZE]), final=False)
            del self._buf[: crypto.CHUNK_SIZE]

    def close(self) -> None:
        self._push(self._zc.flush())
        self._emit(bytes(self._buf), final=True)
        self._buf.clear()

    @property
    def nonce_prefix(self) -> bytes:
        return self._sealer.nonce_prefix


class _SealedWriter(_PayloadWriter):
    """Like the payload writer but without compression (pictures are JPEG already)."""

    def write(self, plain: bytes) -> None:
        self.plain_size += len(plain)
        self._push(plain)

    def close(self) -> None:
        self._emit(bytes(self._buf), final=True)
        self._buf.clear()


def _write_attachments(
    zf: zipfile.ZipFile,
    pictures: Iterable[tuple[str, bytes]],
    pending: list[str],
    content_key: bytes,
    aad: bytes,
) -> dict[str, Any]:
    """The attachment member and its manifest section; every picture is checked by its hash."""
    items: list[dict[str, Any]] = []
    section: dict[str, Any] = {"items": items, "pending": pending}
    it = iter(pictures)
    first = next(it, None)
    if first is None:
        return section
    with zf.open(ATTACHMENTS, "w", force_zip64=True) as member:
        sw = _SealedWriter(member, content_key, _attachments_aad(aad))  # type: ignore[arg-type]
        for sha, data in (first, *it):
            if hashlib.sha256(data).hexdigest() != sha:
                raise ValueError(f"picture {sha[:12]} does not match its hash")
            sw.write(data)
            items.append({"sha256": sha, "size": len(data)})
        sw.close()
    section.update(
        name=ATTACHMENTS,
        size=sw.size,
        sha256=sw.sha.hexdigest(),
        nonce_prefix=crypto.b64e(sw.nonce_prefix),
    )
    return section


def write_bundle(
    out_dir: Path,
    records: Iterable[dict[str, Any]],
    *,
    kind: str,
    signer: KeyPair,
    site_id: str,
    community_code: str,
    recipient: Recipient,
    community_name: str = "",
    state_hash: str | None = None,
    state_seq: int | None = None,
    enrolment: dict[str, str] | None = None,
    schema_version: str = "",
    app_version: str = "",
    extra: dict[str, Any] | None = None,
    file_name: str | None = None,
    validate: bool = True,
    now: datetime | None = None,
    attachments: Iterable[tuple[str, bytes]] | None = None,
    attachments_pending: Iterable[str] = (),
    min_version: int = PLAIN_VERSION,
) -> WriteResult:
    """Stream ``records`` into a signed, encrypted bundle in ``out_dir``.

    Written to a ``.part`` name, flushed, fsynced and renamed, then read back and verified
    (structure, signature, payload hash); a failed check removes the file.
    ``validate=False`` skips the event schema check (only tests use it, to make bad bundles).
    ``now`` is the sender's clock (``ctx.now()``); the process clock when not given.
    ``state_hash`` is the sender's state when it had written ``state_seq`` events;
    ``enrolment`` (``{"id", "proof"}``) proves the one-time enrolment secret to the district.
    ``attachments`` (``(sha256, bytes)`` pairs, chosen within the caller's size budget) and
    ``attachments_pending`` (hashes left for a later bundle) make a version 3 bundle with an
    attachment section; without them the bundle is version 2, byte for byte as before.
    ``min_version`` raises it for content an older reader must refuse (``TRANSFER_VERSION``).
    """
    now = now or process_clock().now()
    if kind not in KINDS:
        raise ValueError(f"unknown bundle kind {kind!r}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    bundle_id = str(uuid.uuid4())
    path = out_dir / (
        file_name or bundle_file_name(kind, community_code, site_id, bundle_id, now, community_name)
    )
    pending = list(attachments_pending)
    with_pictures = attachments is not None or bool(pending)
    version = max(PICTURES_VERSION if with_pictures else PLAIN_VERSION, min_version)
    aad = _bundle_aad(bundle_id, version)
    content_key, wrapped = crypto.wrap_new_content_key(recipient.enc_public, aad)
    ranges = _Ranges()
    count = 0
    with (
        atomic_writer(path) as fh,
        zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf,
    ):
        with zf.open(PAYLOAD, "w", force_zip64=True) as member:
            pw = _PayloadWriter(member, content_key, aad)  # type: ignore[arg-type]
            for rec in records:
                if kind in EVENT_KINDS and validate:
                    _validate_event(rec, count + 1)
                if kind in EVENT_KINDS and isinstance(rec.get("seq"), int):
                    ranges.add(str(rec.get("site_id")), rec["seq"])
                pw.write(_line(rec))
                count += 1
            pw.close()
        section = None
        if with_pictures:
            section = _write_attachments(zf, attachments or (), pending, content_key, aad)
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "format_version": version,
            "bundle_id": bundle_id,
            "kind": kind,
            "created_at": _iso_utc(now),
            "app_version": app_version,
            "schema_version": schema_version,
            "source": {
                "site_id": site_id,
                "community_code": community_code,
                "sign_public": crypto.b64e(signer.sign_public),
                "enc_public": crypto.b64e(signer.enc_public),
                "key_id": signer.key_id,
                **({"enrolment": enrolment} if enrolment else {}),
            },
            "recipient": {"code": recipient.code, "key_id": recipient.key_id},
            "ranges": ranges.to_json(),
            "records": count,
            "state_hash": state_hash,
            "state_seq": state_seq,
            "payload": {
                "name": PAYLOAD,
                "size": pw.size,
                "sha256": pw.sha.hexdigest(),
                "compression": "zlib",
                "compressed_size": pw.compressed_size,
                "plain_size": pw.plain_size,
                "encrypted": True,
            },
            "crypto": {
                "suite": crypto.SUITE,
                "chunk_size": crypto.CHUNK_SIZE,
                "nonce_prefix": crypto.b64e(pw.nonce_prefix),
                "key_wrap": wrapped.to_json(),
            },
        }
        if extra:
            manifest["extra"] = extra
        if section is not None:
            manifest["attachments"] = section
        manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
        zf.writestr(MANIFEST, manifest_bytes)
        zf.writestr(SIGNATURE, crypto.sign(signer.signing, manifest_bytes))
    try:
        reader = BundleReader(path)
        reader.verify_payload_hash()
        reader.verify_attachments_hash()
        reader.close()
    except Exception:
        path.unlink(missing_ok=True)
        raise
    return WriteResult(path=path, manifest=manifest, records=count)


# --- validation ---------------------------------------------------------------------------


# the change_event / sync_pending_event column lengths (PostgreSQL enforces them)
ENVELOPE_LENGTHS = {
    "event_id": 36,
    "site_id": 36,
    "table": 50,
    "record_id": 36,
    "base_rev": 36,
    "actor": 36,
    "actor_name": 50,
}


def _is_sha(v: Any) -> bool:
    return isinstance(v, str) and len(v) == 64 and all(c in "0123456789abcdef" for c in v)


def _is_str(v: Any, max_len: int = 200) -> bool:
    return isinstance(v, str) and 0 < len(v) <= max_len


def event_where(ev: Any) -> str:
    """（表 person，记录 1a2b3c4d）: which record an event is about, for refusal messages."""
    if not isinstance(ev, dict):
        return ""
    table, rid = ev.get("table"), ev.get("record_id")
    if isinstance(table, str) and isinstance(rid, str):
        return f"（表 {table[:50]}，记录 {rid[:36]}）"
    return ""


def _validate_event(ev: Any, line_no: int) -> None:
    """Raise SchemaInvalid unless ``ev`` is a well-formed change event."""

    def bad(why: str) -> SchemaInvalid:
        return SchemaInvalid(f"第 {line_no} 条变更{event_where(ev)}：{why}")

    if not isinstance(ev, dict):
        raise bad("不是对象 (not an object)")
    keys = set(ev)
    if not EVENT_KEYS <= keys <= EVENT_KEYS | OPTIONAL_EVENT_KEYS:
        missing = sorted(EVENT_KEYS - keys)
        extra = sorted(keys - EVENT_KEYS - OPTIONAL_EVENT_KEYS)
        raise bad(f"字段不对 missing={missing} extra={extra}")
    for k in ("event_id", "site_id", "table", "record_id"):
        if not _is_str(ev[k], ENVELOPE_LENGTHS[k]):
            raise bad(f"{k} 必须是不超过 {ENVELOPE_LENGTHS[k]} 个字符的非空文本")
    seq = ev["seq"]
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        raise bad("seq 必须是正整数")
    if ev["op"] not in ("upsert", "delete"):
        raise bad(f"op 不认识：{ev['op']!r}")
    if ev["base_rev"] is not None and not _is_str(ev["base_rev"], ENVELOPE_LENGTHS["base_rev"]):
        raise bad("base_rev 必须是文本或空")
    if not isinstance(ev["fields"], dict) or not all(isinstance(k, str) for k in ev["fields"]):
        raise bad("fields 必须是对象")
    if ev["actor"] is not None and not _is_str(ev["actor"], ENVELOPE_LENGTHS["actor"]):
        raise bad("actor 必须是文本或空")
    actor_name = ev.get("actor_name", "")
    if not isinstance(actor_name, str) or len(actor_name) > ENVELOPE_LENGTHS["actor_name"]:
        raise bad("actor_name 必须是不超过 50 个字符的文本")
    at = ev["at"]
    if not isinstance(at, str):
        raise bad("at 必须是时间文本")
    try:
        datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError as exc:
        raise bad("at 不是有效时间") from exc


def validate_record(kind: str, rec: Any, line_no: int) -> None:
    """Validate one payload record for a bundle of ``kind``."""
    if kind in EVENT_KINDS:
        _validate_event(rec, line_no)
        return
    if not isinstance(rec, dict) or rec.get("type") not in RECORD_TYPES[kind]:
        raise SchemaInvalid(f"第 {line_no} 条记录类型不对 (bad record type)")


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
