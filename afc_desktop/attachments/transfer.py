"""Pictures in sync bundles (照片同步): which go in the next bundle, and taking them in.

**Sending** (``outgoing``): the pictures of live attachment records that this computer holds
and has not yet written into a bundle for that peer, oldest first, until the next one would
pass the size budget (:data:`PICTURE_BUDGET`, 20 MB: about 60–100 photos, a bundle that still
goes by e-mail or a chat program's file transfer). The rest are listed in the manifest as
``pending`` and go in the next bundles — a large set spreads over several bundles, never one
that fails. A single picture is never over the budget (stored pictures are under about 1 MB).
To the district only pictures of this site's own records are sent (the hub takes a site's
own records only).

**Receiving**: each picture is checked against its hash by the bundle reader; here it must
also be a JPEG as this program stores them (``images.looks_stored``: no EXIF, long side within
1600 px). A picture that fails is left out and counted (the records of the bundle still
apply). A picture is kept even when its record is not applied yet (held behind a gap in the
sender's sequence): the sender will not send it again, and the record follows. A laptop keeps
pictures as files (``blobs.BlobStore``), the district hub in its database (``AttachmentBlob``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..store.models.attachment import Attachment, AttachmentBlob, AttachmentDelivery
from . import images
from .blobs import BlobError, BlobStore

PICTURE_BUDGET = 20 * 1024 * 1024


@dataclass
class Outgoing:
    """The pictures chosen for one bundle and those left for later."""

    chosen: list[tuple[str, int]] = field(default_factory=list)  # (sha256, size)
    pending: list[str] = field(default_factory=list)

    @property
    def any(self) -> bool:
        """True when the bundle gets an attachment section at all."""
        return bool(self.chosen or self.pending)

    @property
    def size(self) -> int:
        return sum(size for _, size in self.chosen)


@dataclass
class Received:
    """What became of the pictures of one bundle."""

    stored: int = 0
    duplicate: int = 0
    refused: int = 0
    pending: int = 0


def choose(candidates: list[tuple[str, int]], budget: int) -> Outgoing:
    """Oldest first until the next picture would pass ``budget``; the rest pending.

    The first picture always goes, whatever its size, so a bundle always makes progress.
    """
    out = Outgoing()
    total = 0
    for sha, size in candidates:
        if out.pending or (out.chosen and total + size > budget):
            out.pending.append(sha)
            continue
        out.chosen.append((sha, size))
        total += size
    return out


def outgoing(
    s: Session,
    store: BlobStore,
    peer_key_id: str,
    *,
    own_site: str | None = None,
    budget: int = PICTURE_BUDGET,
) -> Outgoing:
    """The pictures for the next bundle to ``peer_key_id`` (see the module's rules)."""
    delivered = select(AttachmentDelivery.sha256).where(
        AttachmentDelivery.peer_key_id == peer_key_id
    )
    stmt = (
        select(Attachment.sha256, func.max(Attachment.size), func.min(Attachment.created_at))
        .where(Attachment.deleted.is_(False), Attachment.sha256.not_in(delivered))
        .group_by(Attachment.sha256)
        .order_by(func.min(Attachment.created_at), Attachment.sha256)
    )
    if own_site is not None:
        stmt = stmt.where(Attachment.origin_site == own_site)
    candidates = [(sha, int(size)) for sha, size, _ in s.execute(stmt) if store.has(sha)]
    return choose(candidates, budget)


def stream(store: BlobStore, chosen: list[tuple[str, int]]) -> Iterator[tuple[str, bytes]]:
    """The chosen pictures' bytes, one at a time (memory stays at one picture)."""
    for sha, _size in chosen:
        yield sha, store.get(sha)


def record_sent(s: Session, peer_key_id: str, batch: Outgoing, bundle_id: str) -> None:
    """Remember what went to ``peer_key_id`` so the next bundle carries the next pictures."""
    for sha, _size in batch.chosen:
        s.merge(AttachmentDelivery(peer_key_id=peer_key_id, sha256=sha, bundle_id=bundle_id))


def forget_sent(s: Session, peer_key_id: str) -> int:
    """Send every picture to ``peer_key_id`` again (after a bundle was lost on the way)."""
    result: Any = s.execute(
        delete(AttachmentDelivery).where(AttachmentDelivery.peer_key_id == peer_key_id)
    )
    return int(result.rowcount or 0)


def _referenced(s: Session, sha: str) -> bool:
    return s.scalar(select(Attachment.id).where(Attachment.sha256 == sha).limit(1)) is not None


def receive_files(s: Session, store: BlobStore, reader: Any, key: Any) -> Received:
    """Keep the pictures of a bundle as files (a laptop); inside the import's transaction."""
    got = Received(pending=len(reader.attachments_pending))
    for sha, data in reader.attachments(key):
        if images.looks_stored(data) is None:
            got.refused += 1
        elif store.has(sha):
            got.duplicate += 1
        else:
            store.put(data)
            got.stored += 1
    return got


def receive_hub(s: Session, reader: Any, key: Any) -> Received:
    """Keep the pictures of a bundle in the hub's database, in the import's transaction."""
    got = Received(pending=len(reader.attachments_pending))
    for sha, data in reader.attachments(key):
        if images.looks_stored(data) is None:
            got.refused += 1
        elif s.get(AttachmentBlob, sha) is not None:
            got.duplicate += 1
        else:
            s.add(AttachmentBlob(sha256=sha, size=len(data), data=data, bundle_id=reader.bundle_id))
            got.stored += 1
    return got


def hub_picture(s: Session, sha: str) -> bytes:
    """A picture the hub holds (checked against its hash)."""
    row = s.get(AttachmentBlob, sha)
    if row is None:
        raise BlobError("区级尚未收到这张照片")
    from .blobs import sha256_hex

    if sha256_hex(row.data) != sha:
        raise BlobError("照片已损坏（内容与编号不符）")
    return bytes(row.data)
