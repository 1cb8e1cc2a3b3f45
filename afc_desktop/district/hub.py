"""The district hub (区级汇总库): imports community bundles, writes receipts back.

The hub is the same models on SQLite (default) or PostgreSQL (``postgresql://…``). Every
bundle is applied in one transaction (docs/design.md §3); a refusal writes nothing but a line in
the bundle log, written in its own transaction afterwards.

Trust (Enrolment v2, ``roster``): a bundle is accepted only from a site key bound to a roster
community, or from a new key proving an unused enrolment secret of the community it names
(which binds it). What it may write is checked event by event (``authority``), after every
field was validated (``sync.validate``).

Imports are serialised per hub: each takes the hub's write lock as the first statement of its
transaction (``pg_advisory_xact_lock`` on PostgreSQL, ``BEGIN IMMEDIATE`` on SQLite), so the
per-site progress it reads is the one it writes back. A second import waits up to
``LOCK_WAIT_SECONDS`` and is then refused as busy (``HubBusy``), never applied half.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.exc import DataError, OperationalError
from sqlalchemy.orm import Session

from afc_desktop.attachments import transfer
from afc_desktop.district import figures, roster, transfers
from afc_desktop.district.authority import Authority
from afc_desktop.domain.community_code import file_safe_name
from afc_desktop.store.db import Database, open_database, write_lock_options
from afc_desktop.store.models.district import DistrictCommunity, DistrictSiteKey
from afc_desktop.store.models.sync_state import (
    SyncBundleLog,
    SyncConflict,
    SyncPendingEvent,
    SyncSiteState,
)
from afc_desktop.sync import apply, bundle, crypto
from afc_desktop.sync.conflicts import ConflictView, conflict_view
from afc_desktop.sync.errors import (
    BundleRefused,
    DecryptionFailed,
    HubBusy,
    SchemaInvalid,
    WrongKind,
)
from afc_desktop.sync.keys import DistrictKeys

HUB_DB_NAME = "district.sqlite3"
LOCK_WAIT_SECONDS = 600.0
HUB_LOCK_KEY = 0x41464344  # "AFCD": the one advisory lock of a hub database


def open_hub(url: str | Path, passphrase: bytes | None = None) -> Database:
    """Open (and migrate) the hub database: a file path / SQLite URL or a PostgreSQL URL.

    With the district ``passphrase`` a SQLite hub is encrypted (``hubkey.py``; ``afc-district``
    always gives it); PostgreSQL is protected on the server instead (docs/security.md).
    """
    from afc_desktop.store.db import make_url

    resolved = make_url(url)
    if passphrase is None or not resolved.startswith("sqlite:///"):
        return open_database(url, migrate=True)
    from .hubkey import HubKeyError, hub_key

    path = Path(resolved[len("sqlite:///") :])
    try:
        key = hub_key(path, passphrase)
    except HubKeyError as exc:
        raise HubError(exc.message) from exc
    return open_database(path, migrate=True, key=key)


def take_write_lock(db: Database, s: Session, wait_seconds: float = LOCK_WAIT_SECONDS) -> None:
    """Make ``s`` the hub's only writer until it ends; HubBusy after ``wait_seconds``.

    Must be the session's first statement, so that everything it reads is read under the lock.
    """
    wait_ms = max(1, int(wait_seconds * 1000))
    try:
        if db.is_sqlite:
            # store/db.py begins every transaction itself: asked here, it begins this one
            # BEGIN IMMEDIATE, waiting up to wait_ms for another writer
            s.connection(execution_options=write_lock_options(wait_ms))
        else:
            conn = s.connection()
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = {wait_ms}")
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": HUB_LOCK_KEY})
            conn.exec_driver_sql("SET LOCAL lock_timeout = 0")
    except OperationalError as exc:
        raise HubBusy(f"已等待 {wait_seconds:.0f} 秒") from exc


@dataclass
class ImportLine:
    """One result line per bundle file."""

    path: str
    outcome: str  # applied | duplicate | held | refused
    exit_status: int = 0
    bundle_id: str = ""
    site_id: str = ""
    community_code: str = ""
    applied: int = 0
    skipped: int = 0
    held: int = 0
    released: int = 0
    conflicts: int = 0
    foreign: int = 0  # events of other sites in the bundle, not applied (each site sends its own)
    gaps: dict[str, list[int]] = field(default_factory=dict)
    message: str = ""
    refusal: str = ""  # the refusal code (errors.py) when refused
    bound_key: bool = False  # this bundle enrolled its site key (first bundle of a laptop)
    pictures: int = 0  # pictures kept from the bundle (attachment section)
    pictures_refused: int = 0  # not a picture as this program stores them
    pictures_pending: int = 0  # the site still has these to send


def bundle_files(paths: list[Path]) -> list[Path]:
    """Files named, plus every ``*.afcbundle`` inside named folders (sorted)."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(sorted(p.rglob(f"*{bundle.SUFFIX}")))
        else:
            out.append(p)
    return out


def _reported_seq(reader: bundle.BundleReader, site_id: str) -> int | None:
    """The sender's last seq when it computed the bundle's state hash."""
    seq = reader.manifest.get("state_seq")
    if isinstance(seq, int) and not isinstance(seq, bool) and seq >= 0:
        return seq
    own = reader.ranges.get(site_id)
    return int(own["seq_to"]) if isinstance(own, dict) and "seq_to" in own else None


def _record_report(state: SyncSiteState, reader: bundle.BundleReader, site_id: str) -> None:
    """Keep the newest state a site reported: an older report never replaces a newer one."""
    reported = reader.manifest.get("state_hash")
    seq = _reported_seq(reader, site_id)
    if not isinstance(reported, str) or seq is None:
        return
    if state.reported_state_seq is None or seq >= state.reported_state_seq:
        state.reported_state_hash = reported[:64]
        state.reported_state_seq = seq


def import_bundle(
    db: Database, keys: DistrictKeys, path: Path, *, wait_seconds: float = LOCK_WAIT_SECONDS
) -> ImportLine:
    """Verify, authorise and apply one community bundle in one transaction.

    Never raises BundleRefused: a refusal is the line's outcome, with its message naming the
    file and, for a bad event, the record, field and reason.
    """
    line = ImportLine(path=str(path), outcome="refused")
    try:
        with bundle.open_bundle(path, allow_unknown_sender=True) as reader:
            line.bundle_id = reader.bundle_id
            src = reader.source
            line.site_id = str(src.get("site_id", ""))[:36]
            line.community_code = str(src.get("community_code", ""))[:20]
            if reader.kind not in bundle.EVENT_KINDS:
                raise WrongKind(f"区级只接收变更包，收到 {reader.kind}", str(path))
            if reader.manifest["recipient"].get("key_id") != keys.key_id:
                raise DecryptionFailed(
                    "此包不是发给本区的 (not addressed to this district)", str(path)
                )
            with db.session(replaying=True) as s:
                take_write_lock(db, s, wait_seconds)
                now = db.clock.now()
                bound_before = s.get(DistrictSiteKey, reader.sender_key_id) is not None
                key = roster.bind_sender(s, reader, now)
                line.bound_key = not bound_before
                try:
                    res = apply.apply_events(
                        s,
                        reader.records(keys.encryption),
                        bundle_id=reader.bundle_id,
                        only_site=line.site_id,
                        authorise=Authority(key.community_code, line.site_id, str(path)),
                    )
                except (DataError, ValueError, TypeError) as exc:
                    # validation should have caught it; the database had the last word
                    raise SchemaInvalid(
                        f"记录不符合数据库要求（{type(exc).__name__}）", str(path)
                    ) from exc
                state = s.get(SyncSiteState, line.site_id)
                if state is None:
                    state = SyncSiteState(
                        site_id=line.site_id,
                        contiguous_seq=apply.contiguous_seq(s, line.site_id),
                    )
                    s.add(state)
                state.community_code = key.community_code
                state.key_id = reader.sender_key_id
                state.last_bundle_id = reader.bundle_id
                state.last_bundle_at = now
                _record_report(state, reader, line.site_id)
                got = transfer.receive_hub(s, reader, keys.encryption)
                line.pictures, line.pictures_refused = got.stored, got.refused
                line.pictures_pending = got.pending
                # moves within the district it reported or accepted (district/transfers.py)
                transfers.note_transfers(s, key.community_code, now)
                line.applied, line.skipped, line.held = res.applied, res.skipped, res.held
                line.released, line.conflicts = res.released, res.conflicts
                line.foreign = res.foreign
                line.gaps = {k: list(v) for k, v in res.gaps.items()}
                if res.applied == 0 and res.held == 0:
                    line.outcome = "duplicate"
                elif res.gaps:
                    line.outcome = "held"
                else:
                    line.outcome = "applied"
                s.add(
                    _log(
                        line,
                        reader.kind,
                        reader.sender_key_id,
                        int(reader.manifest.get("records", 0)),
                        now,
                    )
                )
    except BundleRefused as exc:
        if exc.path is None:  # raised where the file is not known: name it
            exc = type(exc)(exc.detail, str(path))
        line.outcome = "refused"
        line.exit_status = exc.exit_status
        line.message = exc.message
        line.refusal = exc.code
        line.applied = line.skipped = line.held = line.released = line.conflicts = 0
        line.pictures = line.pictures_refused = line.pictures_pending = 0
        line.bound_key = False
        if not isinstance(exc, HubBusy):  # a busy hub is told nothing: try again later
            try:
                with db.session(replaying=True) as s:
                    take_write_lock(db, s, wait_seconds)
                    s.add(_log(line, "?", "", 0, db.clock.now(), code=exc.code))
            except HubBusy:
                pass  # the refusal stands; only its log line is lost
    return line


def _log(
    line: ImportLine, kind: str, key_id: str, records: int, at: Any, code: str = ""
) -> SyncBundleLog:
    return SyncBundleLog(
        bundle_id=(line.bundle_id or "-")[:36],
        direction="in",
        kind=kind[:10],
        peer_key_id=key_id,
        site_id=line.site_id,
        community_code=line.community_code,
        file_name=Path(line.path).name[:300],
        records=records,
        outcome=line.outcome,
        detail={
            "applied": line.applied,
            "skipped": line.skipped,
            "held": line.held,
            "conflicts": line.conflicts,
            "gaps": line.gaps,
            "refusal": code,
            "message": line.message,
        },
        at=at,
    )


# --- status, conflicts, duplicates ------------------------------------------------------


@dataclass
class SiteStatus:
    site_id: str
    community_code: str
    key_id: str
    contiguous_seq: int
    last_bundle_id: str | None
    last_bundle_at: str | None
    held_events: int
    waiting_for: list[int] | None  # missing seq from..to
    open_conflicts: int
    state_hash_reported: str | None
    state_hash_reported_seq: int | None  # the site's seq when it reported that hash
    state_hash_here: str
    drift: bool  # the newest report, once everything up to it is here, differs from the hub
    community_name: str = ""  # the roster name, with its street when another shares it
    street: str = ""


def status(db: Database) -> list[SiteStatus]:
    """Per sending site: last bundle, highest contiguous seq, held events, conflicts, drift."""
    out = []
    with db.session(replaying=True) as s:
        entries = {c.code: c for c in s.scalars(select(DistrictCommunity))}
        shown = figures.display_names([(c.code, c.name, c.street) for c in entries.values()])
        for st in s.scalars(select(SyncSiteState).order_by(SyncSiteState.community_code)):
            held = int(
                s.scalar(
                    select(func.count())
                    .select_from(SyncPendingEvent)
                    .where(SyncPendingEvent.site_id == st.site_id)
                )
                or 0
            )
            first = s.scalar(
                select(func.min(SyncPendingEvent.seq)).where(SyncPendingEvent.site_id == st.site_id)
            )
            conflicts = int(
                s.scalar(
                    select(func.count())
                    .select_from(SyncConflict)
                    .where(
                        SyncConflict.status == "open",
                        (SyncConflict.site_a == st.site_id) | (SyncConflict.site_b == st.site_id),
                    )
                )
                or 0
            )
            here = apply.state_hash(s, origin_site=st.site_id)
            # compare only once every event up to the newest report has been applied
            comparable = (
                bool(st.reported_state_hash)
                and st.reported_state_seq is not None
                and st.contiguous_seq >= st.reported_state_seq
            )
            out.append(
                SiteStatus(
                    site_id=st.site_id,
                    community_code=st.community_code,
                    key_id=st.key_id,
                    contiguous_seq=st.contiguous_seq,
                    last_bundle_id=st.last_bundle_id,
                    last_bundle_at=st.last_bundle_at.isoformat() if st.last_bundle_at else None,
                    held_events=held,
                    waiting_for=[st.contiguous_seq + 1, int(first) - 1] if first else None,
                    open_conflicts=conflicts,
                    state_hash_reported=st.reported_state_hash,
                    state_hash_reported_seq=st.reported_state_seq,
                    state_hash_here=here,
                    drift=comparable and st.reported_state_hash != here,
                    community_name=shown.get(st.community_code, ""),
                    street=entries[st.community_code].street
                    if st.community_code in entries
                    else "",
                )
            )
    return out


def list_conflicts(db: Database, include_resolved: bool = False) -> list[ConflictView]:
    with db.session(replaying=True) as s:
        q = select(SyncConflict).order_by(SyncConflict.created_at, SyncConflict.id)
        if not include_resolved:
            q = q.where(SyncConflict.status == "open")
        return [conflict_view(c) for c in s.scalars(q)]


class HubError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def resolve_conflict(
    db: Database, conflict_id: str, note: str, by: str = "district"
) -> ConflictView:
    """Mark a conflict reviewed (已处理). The applied winner stays; a correction, if any, is
    made at the community and arrives as a new change."""
    with db.session(replaying=True) as s:
        matches = list(
            s.scalars(select(SyncConflict).where(SyncConflict.id.startswith(conflict_id)))
        )
        if len(matches) != 1:
            raise HubError(f"找不到唯一的冲突编号 {conflict_id}（匹配 {len(matches)} 条）")
        c = matches[0]
        c.status = "resolved"
        c.resolution = note
        c.resolved_by = by
        c.resolved_at = db.clock.now()
        return conflict_view(c)


@dataclass
class DuplicateView:
    id_number_masked: str
    id_number: str
    communities: list[str]  # roster names (with the street when two share a name)
    people: list[str]
    codes: list[str] = field(default_factory=list)  # their 12-digit codes
    entries: list[tuple[str, str]] = field(default_factory=list)  # (person, community) pairs


def duplicates(db: Database) -> list[DuplicateView]:
    """ID numbers registered (not deleted) in more than one community (跨社区重复登记)."""
    from afc_desktop.domain.idcard import mask_id_number
    from afc_desktop.store.models import Community, Person

    with db.session(replaying=True) as s:
        dup_ids = list(
            s.scalars(
                select(Person.id_number)
                .where(Person.deleted.is_(False), Person.id_number.is_not(None))
                .group_by(Person.id_number)
                .having(func.count(func.distinct(Person.community_id)) > 1)
                .order_by(Person.id_number)
            )
        )
        codes = figures.site_codes(s)
        roster_rows = list(s.scalars(select(DistrictCommunity)))
        shown = figures.display_names([(c.code, c.name, c.street) for c in roster_rows])
        out = []
        for idn in dup_ids:
            rows = s.execute(
                select(Person.name, Person.origin_site, Community.name)
                .join(Community, Community.id == Person.community_id, isouter=True)
                .where(Person.id_number == idn, Person.deleted.is_(False))
            ).all()
            pairs = []
            for person_name, site, community_name in rows:
                code = codes.get(site or "")
                label = shown.get(code, "") if code else ""
                pairs.append((person_name, label or community_name or "?", code or ""))
            out.append(
                DuplicateView(
                    id_number_masked=mask_id_number(str(idn)),
                    id_number=str(idn),
                    communities=sorted({c for _, c, _ in pairs}),
                    people=sorted({n for n, _, _ in pairs}),
                    codes=sorted({code for _, _, code in pairs if code}),
                    entries=sorted((n, c) for n, c, _ in pairs),
                )
            )
        return out


# --- receipts -----------------------------------------------------------------------------


def receipt_records(s: Session, site_id: str, dup: list[DuplicateView]) -> list[dict[str, Any]]:
    st = s.get(SyncSiteState, site_id)
    recs: list[dict[str, Any]] = [
        {"type": "ack", "site_id": site_id, "seq": st.contiguous_seq if st else 0}
    ]
    first = s.scalar(
        select(func.min(SyncPendingEvent.seq)).where(SyncPendingEvent.site_id == site_id)
    )
    if first is not None and st is not None:
        recs.append(
            {
                "type": "held",
                "site_id": site_id,
                "missing_from": st.contiguous_seq + 1,
                "missing_to": int(first) - 1,
            }
        )
    for c in s.scalars(
        select(SyncConflict).where(
            SyncConflict.status == "open",
            (SyncConflict.site_a == site_id) | (SyncConflict.site_b == site_id),
        )
    ):
        recs.append(
            {
                "type": "conflict",
                "id": c.id,
                "table": c.table_name,
                "record_id": c.record_id,
                "field": c.field,
                "kind": c.kind,
                "value_a": c.value_a,
                "value_b": c.value_b,
                "event_a": c.event_a,
                "event_b": c.event_b,
                "site_a": c.site_a,
                "site_b": c.site_b,
                "winner_event": c.winner_event,
            }
        )
    for d in dup:
        recs.append({"type": "duplicate", "id_number": d.id_number, "communities": d.communities})
    if st is not None and st.community_code:  # people moving in, waiting to be accepted
        recs.extend(transfers.transfer_records(s, st.community_code))
    return recs


def _code_and_name(s: Session, code: str) -> str:
    """``<12-digit code>_<FAT32-safe name>`` of a roster community, for file names."""
    entry = s.get(DistrictCommunity, code) if code else None
    if entry is None:
        return code or "site"
    return f"{code}_{file_safe_name(entry.name)}"


def write_receipts(
    db: Database, keys: DistrictKeys, district_code: str, out_dir: Path
) -> list[Path]:
    """One signed, encrypted receipt bundle per sending site (回执)."""
    dups = duplicates(db)
    paths = []
    with db.session(replaying=True) as s:
        sites = list(s.scalars(select(SyncSiteState)))
        for st in sites:
            peer = s.get(DistrictSiteKey, st.key_id)
            if peer is None or peer.revoked_at is not None:
                continue
            recipient = bundle.Recipient(
                st.community_code, crypto.b64d(peer.enc_public), peer.key_id
            )
            records = receipt_records(s, st.site_id, dups)
            moves_in = any(r["type"] == "transfer" for r in records)
            result = bundle.write_bundle(
                out_dir,
                records,
                kind="receipt",
                # people moving in: a community that cannot accept them refuses the receipt
                min_version=bundle.TRANSFER_VERSION if moves_in else bundle.PLAIN_VERSION,
                signer=keys,
                site_id=keys.key_id,
                community_code=district_code,
                recipient=recipient,
                file_name=f"receipt_{_code_and_name(s, st.community_code)}_{st.site_id[:8]}"
                f"_{db.clock.now():%Y%m%dT%H%M%SZ}{bundle.SUFFIX}",
                extra={"for_site": st.site_id},
                now=db.clock.now(),
            )
            s.add(
                SyncBundleLog(
                    bundle_id=result.manifest["bundle_id"],
                    direction="out",
                    kind="receipt",
                    peer_key_id=peer.key_id,
                    site_id=st.site_id,
                    community_code=st.community_code,
                    file_name=result.path.name,
                    records=result.records,
                    outcome="written",
                    detail={},
                )
            )
            paths.append(result.path)
    return paths


# --- reference data -----------------------------------------------------------------------


def reference_records(forms_dir: Path | None, resources_file: Path | None) -> list[dict[str, Any]]:
    """Form definitions (``*.yaml`` in ``forms_dir``) and the district resource directory
    (a JSON list of objects) as reference-bundle records."""
    import json

    recs: list[dict[str, Any]] = []
    if forms_dir is not None:
        for path in sorted(Path(forms_dir).glob("*.yaml")):
            recs.append({"type": "form", "id": path.stem, "yaml": path.read_text(encoding="utf-8")})
    if resources_file is not None:
        try:
            items = json.loads(Path(resources_file).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise HubError(f"资源目录文件无法读取：{resources_file}（{exc}）") from exc
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise HubError(f"资源目录文件应是对象列表：{resources_file}")
        recs.extend({**item, "type": "resource"} for item in items)
    return recs


def write_reference_bundles(
    db: Database,
    keys: DistrictKeys,
    district_code: str,
    out_dir: Path,
    records: list[dict[str, Any]],
) -> list[Path]:
    """One reference bundle (参考资料包) per known site, encrypted to that site."""
    paths = []
    with db.session(replaying=True) as s:
        for st in s.scalars(select(SyncSiteState)):
            peer = s.get(DistrictSiteKey, st.key_id)
            if peer is None or peer.revoked_at is not None:
                continue
            result = bundle.write_bundle(
                out_dir,
                records,
                kind="reference",
                signer=keys,
                site_id=keys.key_id,
                community_code=district_code,
                recipient=bundle.Recipient(
                    st.community_code, crypto.b64d(peer.enc_public), peer.key_id
                ),
                file_name=f"reference_{_code_and_name(s, st.community_code)}_{st.site_id[:8]}"
                f"_{db.clock.now():%Y%m%dT%H%M%SZ}{bundle.SUFFIX}",
                now=db.clock.now(),
            )
            paths.append(result.path)
    return paths
