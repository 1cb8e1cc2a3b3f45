"""ORM models. Every module in this package is imported here, so a feature adds its tables by
adding a module (and an Alembic migration) without editing a shared list."""

from __future__ import annotations

import importlib
import pkgutil

from .base import Base, SyncMixin, new_id, utcnow
from .core import (
    AuditEvent,
    ChangeEvent,
    Community,
    Household,
    Person,
    Setting,
    Site,
    SiteSequence,
    User,
)

for _info in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_info.name}")

__all__ = [
    "AuditEvent",
    "Base",
    "ChangeEvent",
    "Community",
    "Household",
    "Person",
    "Setting",
    "Site",
    "SiteSequence",
    "SyncMixin",
    "User",
    "new_id",
    "utcnow",
]
