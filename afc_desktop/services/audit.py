"""The audit log (操作日志): one entry per user action, with who and when.

Per-record attribution lives in the change log (each ChangeEvent names its actor); the audit log
records the action a person took — a login, an import of 500 rows, an export, a restore.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.models import AuditEvent
from .context import AppContext


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    user_name: str
    action: str
    target_table: str
    target_id: str
    detail: dict[str, Any]


def record(
    s: Session,
    ctx: AppContext,
    action: str,
    *,
    target_table: str = "",
    target_id: str = "",
    detail: dict[str, Any] | None = None,
) -> None:
    """Append an audit entry inside the caller's transaction."""
    s.add(
        AuditEvent(
            user_id=ctx.actor_id,
            user_name=ctx.actor_name,
            action=action,
            target_table=target_table,
            target_id=target_id,
            detail=detail or {},
        )
    )


def recent(ctx: AppContext, limit: int = 200) -> list[AuditEntry]:
    """The newest audit entries first."""
    with ctx.session() as s:
        rows = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit))
        return [
            AuditEntry(r.at, r.user_name, r.action, r.target_table, r.target_id, r.detail)
            for r in rows
        ]
