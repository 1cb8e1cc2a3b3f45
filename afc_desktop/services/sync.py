"""Sync at the community (社区同步): enrol, export bundles, import receipts/reference/peer bundles.

Each function is one transaction. Bundles carry this site's unacknowledged change events (or
every stored event for a snapshot) to the district or to a paired laptop; receipts from the
district mark events acknowledged, so what was lost on the way is simply sent again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from afc_desktop.attachments import transfer
from afc_desktop.services.attachments import blob_store
from afc_desktop.services.context import AppContext, ServiceError
from afc_desktop.services.sync_notices import (  # noqa: F401  (re-exported for callers)
    duplicate_flag,
    list_conflicts,
    resolve_conflict,
)
from afc_desktop.store.models import ChangeEvent, Community, Site
from afc_desktop.store.models.sync_state import (
    SyncAck,
    SyncBundleLog,
    SyncConflict,
    SyncDuplicateFlag,
    SyncPeer,
)
from afc_desktop.sync import apply, bundle, crypto, enrolment
from afc_desktop.sync.errors import BundleRefused, UnknownSender, WrongKind
from afc_desktop.sync.fsio import atomic_write_bytes
from afc_desktop.sync.keys import (
    KeyFileError,
    ensure_site_keys,
    read_pairing_file,
    write_pairing_file,
)

SCHEMA_VERSION = "1"


class SyncRefused(ServiceError):
    """A bundle refusal as a service error; ``exit_status`` is the refusal's own status."""

    def __init__(self, exc: BundleRefused) -> None:
        super().__init__(exc.message)
        self.code = exc.code
        self.exit_status = exc.exit_status


@dataclass
class PeerView:
    key_id: str
    role: str
    code: str
    name: str
    site_id: str | None
    community_code: str | None = None  # the district row: our 12-digit code, once enrolled
    fingerprint: str | None = None  # the district row: its key fingerprint


@dataclass
class ExportView:
    path: str
    bundle_id: str
    kind: str
    records: int
    ranges: dict[str, dict[str, int]]
    recipient: str
    pictures: int = 0  # pictures carried (attachment section)
    pictures_pending: int = 0  # left for the next bundles (over the size budget)


@dataclass
class ImportView:
    path: str
    kind: str
    bundle_id: str
    outcome: str
    applied: int = 0
    skipped: int = 0
    held: int = 0
    conflicts: int = 0
    acked_seq: int | None = None
    held_ranges: list[dict[str, Any]] = field(default_factory=list)
    duplicates: int = 0
    reference_items: int = 0
    pictures: int = 0  # pictures stored from the bundle
    pictures_refused: int = 0  # not a picture as this program stores them
    pictures_pending: int = 0  # the sender still has these to send
    transfers: int = 0  # people moving in the receipt brought


@dataclass
class SyncStatusView:
    site_id: str | None
    district: PeerView | None
    waiting_events: int
    acked_seq: int
    last_seq: int
    last_sent: dict[str, Any] | None
    last_receipt: dict[str, Any] | None
    open_conflicts: int
    held_ranges: list[dict[str, Any]]


def _peer_view(p: SyncPeer) -> PeerView:
    fp = None
    if p.role == "district":
        fp = enrolment.fingerprint(crypto.b64d(p.sign_public), crypto.b64d(p.enc_public))
    return PeerView(p.key_id, p.role, p.code, p.name, p.site_id, p.community_code, fp)


def _site_id(ctx: AppContext) -> str:
    if not ctx.site_id:
        raise ServiceError("本机尚未完成首次设置，不能同步")
    return ctx.site_id


def _community_code(s: Session, site_id: str) -> str:
    """The 12-digit code the district enrolled us as; before that, what setup knew."""
    district = _district(s)
    if district is not None and district.community_code:
        return district.community_code
    site = s.get(Site, site_id)
    comm = s.get(Community, site.community_id) if site and site.community_id else None
    if comm is None:
        return ""
    return comm.code or comm.street_code or comm.district_code


def _community_name(s: Session, site_id: str) -> str:
    site = s.get(Site, site_id)
    comm = s.get(Community, site.community_id) if site and site.community_id else None
    return comm.name if comm is not None else ""


def _district(s: Session) -> SyncPeer | None:
    return s.scalar(select(SyncPeer).where(SyncPeer.role == "district"))


_NAME_SUFFIXES = ("居民委员会", "村民委员会", "居委会", "村委会")


def _plain_name(name: str) -> str:
    plain = "".join(name.split())
    for suffix in _NAME_SUFFIXES:
        if plain.endswith(suffix) and len(plain) > len(suffix):
            plain = plain[: -len(suffix)]
    return plain


def _same_community_name(a: str, b: str) -> bool:
    """梅巷社区 = 梅巷社区居委会 = 平江街道梅巷社区; 桃坞社区 differs."""
    x, y = _plain_name(a), _plain_name(b)
    return bool(x and y) and (x == y or x.endswith(y) or y.endswith(x))


def _check_community_code(s: Session, site_id: str, code: str, name: str) -> None:
    """Refuse an enrolment for another community than this installation's: the district part
    of the code, the street part when setup knew it, the community's name, and the code of an
    earlier enrolment must all agree (setup does not ask for the 12-digit code)."""
    site = s.get(Site, site_id)
    comm = s.get(Community, site.community_id) if site and site.community_id else None
    if comm is None:
        raise ServiceError("本机尚未完成首次设置，不能入网")
    mismatch = (
        f"入网文件是发给「{name}」（{code}）的，本机是「{comm.name}」：请向区级索取本社区的入网文件"
    )
    if code[:6] != comm.district_code or not _same_community_name(name, comm.name):
        raise ServiceError(mismatch)
    if comm.code and comm.code != code:
        raise ServiceError(mismatch)
    street = (comm.street_code or "").strip()
    if len(street) >= 9 and street.isdigit() and not code.startswith(street[:9]):
        raise ServiceError(mismatch)
    current = _district(s)
    if current is not None and current.community_code and current.community_code != code:
        raise ServiceError(
            f"本机已作为社区 {current.community_code} 入网，入网文件是社区 {code} 的：不能更换社区"
        )


def enrol(ctx: AppContext, path: Path, fingerprint: str) -> PeerView:
    """Accept the district's enrolment file for this community (导入入网文件, Enrolment v2).

    Refused unless its signature verifies, the district key fingerprint typed in (``fingerprint``,
    from the district's hand-over sheet) matches, and it is for this community's code. The
    one-time secret never leaves this call: what is kept is the proof the next bundle to the
    district carries (an HMAC of this site's keys and id under the secret).
    """
    ctx.require_admin()
    site_id = _site_id(ctx)
    try:
        enrolled = enrolment.verify_enrolment_file(Path(path), fingerprint)
    except KeyFileError as exc:
        raise ServiceError(exc.message) from exc
    keys = ensure_site_keys(ctx.data_dir.keys_dir, ctx.db.key)
    party = enrolled.district
    with ctx.session(write=True) as s:
        _check_community_code(s, site_id, enrolled.community_code, enrolled.community_name)
        for old in s.scalars(select(SyncPeer).where(SyncPeer.role == "district")):
            s.delete(old)
        s.flush()
        peer = SyncPeer(
            key_id=party.key_id,
            role="district",
            code=party.code,
            name=party.name,
            sign_public=crypto.b64e(party.sign_public),
            enc_public=crypto.b64e(party.enc_public),
            enrolment_id=enrolled.enrolment_id,
            community_code=enrolled.community_code,
            enrolment_proof=enrolment.proof(
                enrolled.secret,
                enrolment_id=enrolled.enrolment_id,
                site_id=site_id,
                community_code=enrolled.community_code,
                sign_public=keys.sign_public,
                enc_public=keys.enc_public,
            ),
        )
        s.add(peer)
        return _peer_view(peer)


def pairing_export(ctx: AppContext, out_path: Path) -> Path:
    """Write this laptop's pairing file (配对文件) for another laptop of the community."""
    site_id = _site_id(ctx)
    keys = ensure_site_keys(ctx.data_dir.keys_dir, ctx.db.key)
    with ctx.session() as s:
        code = _community_code(s, site_id)
    out_path = Path(out_path)
    if out_path.is_dir():
        out_path = out_path / f"pair_{site_id[:8]}.afcpair"
    return write_pairing_file(out_path, keys, site_id, code)


def pairing_import(ctx: AppContext, path: Path) -> PeerView:
    """Register another laptop of the same community from its pairing file."""
    ctx.require_admin()
    site_id = _site_id(ctx)
    try:
        party = read_pairing_file(Path(path))
    except KeyFileError as exc:
        raise ServiceError(exc.message) from exc
    with ctx.session(write=True) as s:
        code = _community_code(s, site_id)
        if party.site_id == site_id:
            raise ServiceError("这是本机自己的配对文件，请导入另一台电脑的配对文件")
        if code and party.code and party.code != code:
            raise ServiceError(f"配对文件属于另一个社区（{party.code}），只能与本社区的电脑配对")
        peer = s.get(SyncPeer, party.key_id) or SyncPeer(key_id=party.key_id)
        peer.role = "peer"
        peer.site_id = party.site_id
        peer.code = party.code
        peer.name = party.name
        peer.sign_public = crypto.b64e(party.sign_public)
        peer.enc_public = crypto.b64e(party.enc_public)
        s.add(peer)
        return _peer_view(peer)


def list_peers(ctx: AppContext) -> list[PeerView]:
    """The district (once enrolled) and the paired laptops."""
    with ctx.session() as s:
        return [_peer_view(p) for p in s.scalars(select(SyncPeer).order_by(SyncPeer.role))]


def _acked(s: Session, peer_key_id: str, site_id: str) -> int:
    ack = s.get(SyncAck, (peer_key_id, site_id))
    return ack.acked_seq if ack else 0


def export_bundle(
    ctx: AppContext,
    out_dir: Path,
    *,
    snapshot: bool = False,
    to_peer: str | None = None,
    picture_budget: int = transfer.PICTURE_BUDGET,
    resend_pictures: bool = False,
) -> ExportView:
    """Write a bundle of unacknowledged events (or a full snapshot) for the district or a peer.

    Pictures of attachments not yet sent to that peer ride along within ``picture_budget``
    bytes (``attachments/transfer.py``); ``resend_pictures`` sends them all again.
    """
    site_id = _site_id(ctx)
    keys = ensure_site_keys(ctx.data_dir.keys_dir, ctx.db.key)
    with ctx.session() as s:
        if to_peer:
            peer = s.get(SyncPeer, to_peer) or s.scalar(
                select(SyncPeer).where(SyncPeer.role == "peer", SyncPeer.site_id == to_peer)
            )
            if peer is None:
                raise ServiceError(f"没有配对的电脑 {to_peer}：请先导入它的配对文件")
        else:
            peer = _district(s)
            if peer is None:
                raise ServiceError("尚未导入区级入网文件，不能导出同步包（afc enrol 文件）")
        recipient = bundle.Recipient(peer.code, crypto.b64d(peer.enc_public), peer.key_id)
        extra: dict[str, Any] = {}
        if peer.role == "peer" and peer.site_id:
            # piggy-backed receipt: how far we hold the peer's own events, so it stops re-sending
            extra["acks"] = {peer.site_id: apply.contiguous_seq(s, peer.site_id)}
        if snapshot:
            events = apply.iter_all_events(s)
        else:
            events = apply.iter_site_events(s, site_id, _acked(s, peer.key_id, site_id))
        code = _community_code(s, site_id)
        proof = None
        if peer.role == "district" and peer.enrolment_id and peer.enrolment_proof:
            proof = {"id": peer.enrolment_id, "proof": peer.enrolment_proof}
        state_seq = int(
            s.scalar(select(func.max(ChangeEvent.seq)).where(ChangeEvent.site_id == site_id)) or 0
        )
        store = blob_store(ctx)
        if resend_pictures:
            transfer.forget_sent(s, peer.key_id)
        pictures = transfer.outgoing(
            s,
            store,
            peer.key_id,
            own_site=site_id if peer.role == "district" else None,
            budget=picture_budget,
        )
        result = bundle.write_bundle(
            Path(out_dir),
            events,
            kind="snapshot" if snapshot else "changes",
            signer=keys,
            site_id=site_id,
            community_code=code,
            community_name=_community_name(s, site_id),
            recipient=recipient,
            state_hash=apply.state_hash(s, origin_site=site_id),
            state_seq=state_seq,
            enrolment=proof,
            schema_version=SCHEMA_VERSION,
            extra=extra or None,
            now=ctx.now(),
            attachments=transfer.stream(store, pictures.chosen) if pictures.any else None,
            attachments_pending=pictures.pending,
        )
        m = result.manifest
        transfer.record_sent(s, peer.key_id, pictures, m["bundle_id"])
        s.add(
            SyncBundleLog(
                bundle_id=m["bundle_id"],
                direction="out",
                kind=m["kind"],
                peer_key_id=peer.key_id,
                site_id=site_id,
                community_code=code,
                file_name=result.path.name,
                records=result.records,
                outcome="written",
                detail={"ranges": m["ranges"], "path": str(result.path)},
            )
        )
    return ExportView(
        str(result.path),
        m["bundle_id"],
        m["kind"],
        result.records,
        m["ranges"],
        peer.key_id,
        len(pictures.chosen),
        len(pictures.pending),
    )


def import_bundle(ctx: AppContext, path: Path) -> ImportView:
    """Import a receipt or reference bundle from the district, or a bundle from a paired laptop."""
    site_id = _site_id(ctx)
    keys = ensure_site_keys(ctx.data_dir.keys_dir, ctx.db.key)
    try:
        with (
            ctx.db.session(actor=ctx.actor_id, replaying=True, write=True) as s,
            bundle.open_bundle(Path(path)) as reader,
        ):
            peer = s.get(SyncPeer, reader.sender_key_id)
            if peer is None:
                raise UnknownSender(f"密钥 {reader.sender_key_id}", str(path))
            view = ImportView(str(path), reader.kind, reader.bundle_id, "applied")
            records = reader.records(keys.encryption)
            if peer.role == "district" and reader.kind == "receipt":
                _apply_receipt(s, peer, site_id, records, view)
            elif peer.role == "district" and reader.kind == "reference":
                _apply_reference(ctx, records, view)
            elif peer.role == "peer" and reader.kind in bundle.EVENT_KINDS:
                res = apply.apply_events(
                    s, records, bundle_id=reader.bundle_id, local_site_id=site_id
                )
                view.applied, view.skipped, view.held = res.applied, res.skipped, res.held
                view.conflicts = res.conflicts
                view.held_ranges = [
                    {"site_id": k, "missing_from": a, "missing_to": b}
                    for k, (a, b) in res.gaps.items()
                ]
                view.outcome = (
                    "held" if res.gaps else ("duplicate" if not res.applied else "applied")
                )
                got = transfer.receive_files(s, blob_store(ctx), reader, keys.encryption)
                view.pictures, view.pictures_refused = got.stored, got.refused
                view.pictures_pending = got.pending
                acks = (reader.manifest.get("extra") or {}).get("acks") or {}
                if isinstance(acks.get(site_id), int):
                    view.acked_seq = _set_ack(
                        s, peer.key_id, site_id, acks[site_id], view.bundle_id
                    )
            else:
                raise WrongKind(f"{peer.role} 发来的 {reader.kind} 包", str(path))
            s.add(
                SyncBundleLog(
                    bundle_id=reader.bundle_id,
                    direction="in",
                    kind=reader.kind,
                    peer_key_id=peer.key_id,
                    site_id=str(reader.source.get("site_id", "")),
                    community_code=str(reader.source.get("community_code", "")),
                    file_name=Path(path).name[:300],
                    records=int(reader.manifest.get("records", 0)),
                    outcome=view.outcome,
                    detail={
                        "acked_seq": view.acked_seq,
                        "held_ranges": view.held_ranges,
                        "conflicts": view.conflicts,
                        "duplicates": view.duplicates,
                        "transfers": view.transfers,
                    },
                )
            )
    except BundleRefused as exc:
        raise SyncRefused(exc) from exc
    return view


def _set_ack(s: Session, peer_key_id: str, site_id: str, seq: int, bundle_id: str) -> int:
    ack = s.get(SyncAck, (peer_key_id, site_id))
    if ack is None:
        ack = SyncAck(peer_key_id=peer_key_id, site_id=site_id, acked_seq=0)
        s.add(ack)
    ack.acked_seq = max(ack.acked_seq, int(seq))
    ack.receipt_bundle_id = bundle_id
    return ack.acked_seq


def _conflict_from_receipt(s: Session, rec: dict[str, Any]) -> None:
    """Show a conflict the district found on the 同步 page, so it is resolved where the data
    was entered. Known ids (found here too, or already resolved) are left as they are."""
    needed = ("id", "table", "record_id", "field", "event_a", "event_b", "winner_event")
    if not all(isinstance(rec.get(k), str) for k in needed):
        return
    if s.get(SyncConflict, rec["id"]) is not None:
        return
    s.add(
        SyncConflict(
            id=rec["id"],
            table_name=rec["table"],
            record_id=rec["record_id"],
            field=rec["field"],
            kind=str(rec.get("kind", "field")),
            event_a=rec["event_a"],
            event_b=rec["event_b"],
            site_a=str(rec.get("site_a", "")),
            site_b=str(rec.get("site_b", "")),
            value_a=rec.get("value_a"),
            value_b=rec.get("value_b"),
            winner_event=rec["winner_event"],
        )
    )


def _apply_receipt(
    s: Session, district: SyncPeer, site_id: str, records: Any, view: ImportView
) -> None:
    for rec in records:
        t = rec["type"]
        if t == "ack" and rec.get("site_id") == site_id:
            view.acked_seq = _set_ack(s, district.key_id, site_id, int(rec["seq"]), view.bundle_id)
        elif t == "held":
            view.held_ranges.append(
                {k: rec.get(k) for k in ("site_id", "missing_from", "missing_to")}
            )
        elif t == "conflict":
            view.conflicts += 1
            _conflict_from_receipt(s, rec)
        elif t == "duplicate":
            flag = s.get(SyncDuplicateFlag, rec["id_number"]) or SyncDuplicateFlag(
                id_number=rec["id_number"]
            )
            flag.communities = list(rec.get("communities", []))
            flag.cleared = False
            s.add(flag)
            view.duplicates += 1
        elif t == "transfer":  # a person moving in from another community (format 4)
            from .register.transfers import store_transfer

            if store_transfer(s, rec, _community_code(s, site_id)):
                view.transfers += 1


def _apply_reference(ctx: AppContext, records: Any, view: ImportView) -> None:
    """Save district reference data: form definitions and the district resource directory."""
    ref_dir = ctx.data_dir.root / "reference"
    (ref_dir / "forms").mkdir(parents=True, exist_ok=True)
    resources = []
    for rec in records:
        if rec["type"] == "form":
            form_id = str(rec.get("id", "")).replace("/", "_").replace("\\", "_").strip(".")
            if not form_id:
                continue
            text = rec.get("yaml") or json.dumps(rec.get("definition", {}), ensure_ascii=False)
            atomic_write_bytes(ref_dir / "forms" / f"{form_id}.yaml", str(text).encode())
        else:
            resources.append(rec)
        view.reference_items += 1
    atomic_write_bytes(
        ref_dir / "district_resources.json",
        json.dumps(resources, ensure_ascii=False, indent=1).encode(),
    )


def _log_entry(row: SyncBundleLog | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        "bundle_id": row.bundle_id,
        "kind": row.kind,
        "file": row.file_name,
        "records": row.records,
        "at": row.at.isoformat() if isinstance(row.at, datetime) else row.at,
        "outcome": row.outcome,
        "detail": row.detail,
    }


def sync_status(ctx: AppContext) -> SyncStatusView:
    """What waits to be sent, the last bundle sent and the last receipt (同步页概况)."""
    site_id = ctx.site_id
    with ctx.session() as s:
        district = _district(s)
        acked = _acked(s, district.key_id, site_id) if district and site_id else 0
        last_seq = int(
            s.scalar(select(func.max(ChangeEvent.seq)).where(ChangeEvent.site_id == site_id)) or 0
        )
        last_sent = s.scalar(
            select(SyncBundleLog)
            .where(SyncBundleLog.direction == "out")
            .order_by(SyncBundleLog.id.desc())
            .limit(1)
        )
        last_receipt = s.scalar(
            select(SyncBundleLog)
            .where(SyncBundleLog.direction == "in", SyncBundleLog.kind == "receipt")
            .order_by(SyncBundleLog.id.desc())
            .limit(1)
        )
        conflicts = int(
            s.scalar(
                select(func.count()).select_from(SyncConflict).where(SyncConflict.status == "open")
            )
            or 0
        )
        return SyncStatusView(
            site_id=site_id,
            district=_peer_view(district) if district else None,
            waiting_events=max(0, last_seq - acked),
            acked_seq=acked,
            last_seq=last_seq,
            last_sent=_log_entry(last_sent),
            last_receipt=_log_entry(last_receipt),
            open_conflicts=conflicts,
            held_ranges=list((last_receipt.detail or {}).get("held_ranges", []))
            if last_receipt
            else [],
        )
