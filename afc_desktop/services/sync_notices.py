"""What the district and paired laptops tell this community about its records (同步后的提示与冲突):
the other communities where the district found one ID number, and the conflicts found when a
paired laptop's bundle edited the same field — listed and resolved by a person here. Re-exported
by ``services/sync.py``."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm.attributes import flag_modified

from afc_desktop.store.models.sync_state import SyncConflict, SyncDuplicateFlag
from afc_desktop.sync.conflicts import ConflictView, conflict_view

from .context import AppContext, ServiceError


def duplicate_flag(ctx: AppContext, id_number: str | None) -> list[str]:
    """Other communities where the district found this ID number (for the person page)."""
    if not id_number:
        return []
    with ctx.session() as s:
        flag = s.get(SyncDuplicateFlag, id_number)
        return list(flag.communities) if flag and not flag.cleared else []


def list_conflicts(ctx: AppContext, *, include_resolved: bool = False) -> list[ConflictView]:
    """Conflicts found when importing a paired laptop's bundles."""
    with ctx.session() as s:
        q = select(SyncConflict).order_by(SyncConflict.created_at, SyncConflict.id)
        if not include_resolved:
            q = q.where(SyncConflict.status == "open")
        return [conflict_view(c) for c in s.scalars(q)]


def resolve_conflict(ctx: AppContext, conflict_id: str, keep: str, note: str = "") -> ConflictView:
    """Resolve a conflict by keeping value ``a`` or ``b`` (or the ``current`` winner).

    The kept value is written as a new local change made after both sides, so it wins and
    closes the conflict everywhere once synced (laptop, district).
    """
    from afc_desktop.store import changes

    user = ctx.require_user()
    if keep not in ("a", "b", "current"):
        raise ServiceError("请选择保留哪一个值（a、b 或 current）")
    with ctx.session(write=True) as s:
        matches = list(
            s.scalars(select(SyncConflict).where(SyncConflict.id.startswith(conflict_id)))
        )
        if len(matches) != 1:
            raise ServiceError(f"找不到冲突 {conflict_id}")
        c = matches[0]
        if c.status != "open":
            raise ServiceError("这个冲突已经处理过了")
        winner = "a" if c.winner_event == c.event_a else "b"
        side = winner if keep == "current" else keep
        model = changes.model_for_table(c.table_name)
        obj = s.get(model, c.record_id)
        if obj is None:
            raise ServiceError("冲突涉及的记录在本机不存在，请先导入完整的同步包")
        value = c.value_a if side == "a" else c.value_b
        # made on top of the other site's version: our own earlier edit precedes it anyway
        # (same site), so the new change descends from both sides and supersedes them
        foreign = [
            e for e, site in ((c.event_a, c.site_a), (c.event_b, c.site_b)) if site != ctx.site_id
        ]
        obj.rev = foreign[0] if len(foreign) == 1 else c.winner_event
        if c.kind == "deleted":
            obj.deleted = bool(value)
            flag_modified(obj, "deleted")
        else:
            for key, v in changes.decode_fields(model, {c.field: value}).items():
                setattr(obj, key, v)
                # written as a new change even when this copy already holds the value, so
                # that it supersedes both sides wherever the conflict was seen
                flag_modified(obj, key)
        c.status = "resolved"
        c.resolution = note or f"保留 {keep}"
        c.resolved_by = user.username
        c.resolved_at = ctx.now()
        return conflict_view(c)
