"""The sync bundle format's definitions (同步包格式): version numbers, member names, record kinds,
reading limits, the authenticated-data labels and the field-by-field validation of records.

Shared by the writer (``sync/bundle.py``) and the streaming reader (``sync/bundle_reader.py``);
the format is documented in ``docs/sync-bundle-format.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from afc_desktop.sync.errors import SchemaInvalid

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


def _bundle_aad(bundle_id: str, version: int = FORMAT_VERSION) -> bytes:
    return f"{FORMAT}/{version}/{bundle_id}".encode()


def _attachments_aad(bundle_aad: bytes) -> bytes:
    return bundle_aad + b"/attachments"


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
