"""How a recorded sync conflict (同步冲突) is shown, at the community and at the hub alike."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..store.models.sync_state import SyncConflict


@dataclass(frozen=True)
class ConflictView:
    """A concurrent edit to review: both values, which site wrote each, which one is applied."""

    id: str
    table: str
    record_id: str
    field: str
    kind: str  # field | deleted
    site_a: str
    value_a: Any
    site_b: str
    value_b: Any
    winner: str  # "a" | "b": the value applied now
    winner_event: str
    status: str
    resolution: str


def conflict_view(c: SyncConflict) -> ConflictView:
    """The view of a stored conflict row."""
    return ConflictView(
        id=c.id,
        table=c.table_name,
        record_id=c.record_id,
        field=c.field,
        kind=c.kind,
        site_a=c.site_a,
        value_a=c.value_a,
        site_b=c.site_b,
        value_b=c.value_b,
        winner="a" if c.winner_event == c.event_a else "b",
        winner_event=c.winner_event,
        status=c.status,
        resolution=c.resolution,
    )
