"""Local settings (本机设置) kept in the database: idle lock, language, text size."""

from __future__ import annotations

import contextlib
from dataclasses import asdict, dataclass, fields
from typing import Any

from ..paths import DataDir
from ..store.models import Setting
from . import audit
from .context import AppContext, ServiceError


@dataclass(frozen=True)
class AppSettings:
    """Settings an administrator may change; defaults are what a new installation uses."""

    idle_lock_minutes: int = 10  # 0 = never lock
    language: str = "zh_CN"  # zh_CN | en
    large_text: bool = False
    daily_backup: bool = True
    backups_kept: int = 10
    time_zone: str = "Asia/Shanghai"  # the community's zone: every "today" is a date there


LANGUAGES = ("zh_CN", "en")
# The interface language is needed before the (encrypted) database opens: the login dialog
# speaks it. A copy sits in the data directory; it says nothing about anyone.
LANGUAGE_FILE = "language.txt"


def remembered_language(data_dir: DataDir) -> str:
    """The language last saved in the settings (zh_CN when none or unreadable)."""
    try:
        text = (data_dir.root / LANGUAGE_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return "zh_CN"
    return text if text in LANGUAGES else "zh_CN"


def remember_language(data_dir: DataDir, language: str) -> None:
    """Keep the copy of the language setting (best effort: a read-only folder keeps none)."""
    if language == remembered_language(data_dir):
        return
    with contextlib.suppress(OSError):
        (data_dir.root / LANGUAGE_FILE).write_text(language + "\n", encoding="utf-8")


def load_settings(ctx: AppContext) -> AppSettings:
    """The current settings (defaults for anything never set)."""
    with ctx.session() as s:
        values: dict[str, Any] = {}
        for f in fields(AppSettings):
            row = s.get(Setting, f"app.{f.name}")
            if row is not None:
                values[f.name] = row.value
    return AppSettings(**values)


def save_settings(ctx: AppContext, new: AppSettings) -> AppSettings:
    """Validate and store settings (admin only)."""
    ctx.require_admin()
    if not 0 <= new.idle_lock_minutes <= 240:
        raise ServiceError("自动锁定时间应在0到240分钟之间", field="idle_lock_minutes")
    if new.language not in LANGUAGES:
        raise ServiceError("不支持的界面语言", field="language")
    if not 1 <= new.backups_kept <= 100:
        raise ServiceError("保留的备份份数应在1到100之间", field="backups_kept")
    from ..clock import ClockError

    try:
        ctx.clock.set_zone(new.time_zone)
    except ClockError as exc:
        raise ServiceError(str(exc), field="time_zone") from None
    with ctx.session() as s:
        for key, value in asdict(new).items():
            row = s.get(Setting, f"app.{key}")
            if row is None:
                s.add(Setting(key=f"app.{key}", value=value))
            else:
                row.value = value
        audit.record(s, ctx, "save_settings", detail=asdict(new))
    remember_language(ctx.data_dir, new.language)
    return new


def get_value(ctx: AppContext, key: str, default: Any = None) -> Any:
    """A free-form local value (saved column mappings, window state ...)."""
    with ctx.session() as s:
        row = s.get(Setting, key)
        return default if row is None else row.value


def set_value(ctx: AppContext, key: str, value: Any) -> None:
    with ctx.session() as s:
        row = s.get(Setting, key)
        if row is None:
            s.add(Setting(key=key, value=value))
        else:
            row.value = value
