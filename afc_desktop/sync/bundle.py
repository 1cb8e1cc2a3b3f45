"""Sync bundle writer (同步包写出), format version 4; the reader is ``sync/bundle_reader.py`` and
the format's definitions ``sync/bundle_format.py`` (both re-exported here: ``bundle.open_bundle``,
``bundle.PLAIN_VERSION`` …).

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
import uuid
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from afc_desktop.clock import process_clock
from afc_desktop.domain.community_code import file_safe_name
from afc_desktop.sync import crypto
from afc_desktop.sync.bundle_format import (  # the format's names, read by callers as bundle.X
    ATTACHMENTS,
    DEFAULT_LIMITS,
    ENVELOPE_LENGTHS,
    EVENT_KEYS,
    EVENT_KINDS,
    FORMAT,
    FORMAT_VERSION,
    KINDS,
    MANIFEST,
    MEMBERS,
    OPTIONAL_EVENT_KEYS,
    OPTIONAL_MEMBERS,
    PAYLOAD,
    PICTURES_VERSION,
    PLAIN_VERSION,
    RECORD_TYPES,
    SIGNATURE,
    SUFFIX,
    SUPPORTED_VERSIONS,
    TRANSFER_VERSION,
    Limits,
    Recipient,
    _attachments_aad,
    _bundle_aad,
    _Ranges,
    _validate_event,
    event_where,
    validate_record,
)
from afc_desktop.sync.bundle_reader import BundleReader, open_bundle
from afc_desktop.sync.fsio import atomic_writer
from afc_desktop.sync.keys import KeyPair

__all__ = [
    "ATTACHMENTS",
    "DEFAULT_LIMITS",
    "ENVELOPE_LENGTHS",
    "EVENT_KEYS",
    "EVENT_KINDS",
    "FORMAT",
    "FORMAT_VERSION",
    "KINDS",
    "MANIFEST",
    "MEMBERS",
    "OPTIONAL_EVENT_KEYS",
    "OPTIONAL_MEMBERS",
    "PAYLOAD",
    "PICTURES_VERSION",
    "PLAIN_VERSION",
    "RECORD_TYPES",
    "SIGNATURE",
    "SUFFIX",
    "SUPPORTED_VERSIONS",
    "TRANSFER_VERSION",
    "BundleReader",
    "Limits",
    "Recipient",
    "WriteResult",
    "bundle_file_name",
    "event_where",
    "open_bundle",
    "validate_record",
    "write_bundle",
]


@dataclass
class WriteResult:
    path: Path
    manifest: dict[str, Any]
    records: int


def _iso_utc(now: datetime) -> str:
    return now.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


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
