"""What every service call is given: the open database, the data directory and who is acting."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from ..clock import ENV_ZONE, Clock
from ..errors import PlainError
from ..paths import DataDir, DataDirError
from ..store.db import Database, DatabaseError, open_database

if TYPE_CHECKING:
    from .keyring import Unlocked


class ServiceError(PlainError):
    """A refusal to show the user as it is: plain Chinese, naming what is wrong and where."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class CurrentUser:
    """The logged-in account."""

    id: str
    username: str
    display_name: str
    role: str  # "worker" (社工) | "admin" (管理员)

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


@dataclass
class AppContext:
    """Database, data directory and current user, handed to every service function."""

    db: Database
    data_dir: DataDir
    user: CurrentUser | None = None

    @property
    def site_id(self) -> str | None:
        return self.db.site_id

    @property
    def actor_id(self) -> str | None:
        return self.user.id if self.user else None

    @property
    def actor_name(self) -> str:
        return self.user.display_name if self.user else "系统"

    @property
    def clock(self) -> Clock:
        """The one clock (``afc_desktop.clock``): the database's, pinned by ``AFC_TODAY``."""
        return self.db.clock

    def today(self) -> date:
        """Today's local date in the community's zone."""
        return self.db.clock.today()

    def now(self) -> datetime:
        """The current instant (UTC, aware), for what is stored."""
        return self.db.clock.now()

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """One transaction attributed to the current user.

        ``write=True`` for a service that writes: it takes the write lock before reading, so
        it waits for another program's write instead of being refused (``store/db.py``).
        """
        with self.db.session(actor=self.actor_id, actor_name=self.actor_name, write=write) as s:
            yield s

    def require_user(self) -> CurrentUser:
        if self.user is None:
            raise ServiceError("请先登录")
        return self.user

    def require_admin(self) -> CurrentUser:
        user = self.require_user()
        if not user.is_admin:
            raise ServiceError("此操作需要管理员权限")
        return user


def open_app(
    data_dir: DataDir,
    *,
    migrate: bool = True,
    clock: Clock | None = None,
    username: str | None = None,
    password: str | None = None,
    recovery_key: str | None = None,
    unlocked: Unlocked | None = None,
) -> AppContext:
    """Open the data directory's encrypted database (migrating it after a backup).

    The key comes from ``username``/``password`` (then that user is logged in), the recovery
    key, ``unlocked`` (a key already unwrapped, e.g. by the login window), or what
    ``services/encryption.unlock`` finds (a key this process already unlocked,
    ``AFC_PASSWORD_FILE``, a new installation). An old plaintext database is encrypted first.
    """
    from . import accounts, encryption

    if data_dir.root.is_dir() and not data_dir.is_writable():
        raise DataDirError(
            f"数据目录 {data_dir.root} 只读：程序需要能写入它（请检查文件夹权限，"
            "或把它复制到可以写入的位置）"
        )
    data_dir.ensure()
    if unlocked is None:
        unlocked = encryption.unlock(
            data_dir,
            username=username,
            password=password,
            recovery_key=recovery_key,
            clock=clock,
        )
    try:
        db = open_database(
            data_dir.db_path,
            migrate=migrate,
            backup_dir=data_dir.backups_dir,
            clock=clock,
            key=unlocked.key,
        )
    except DatabaseError as exc:
        raise ServiceError(str(exc)) from exc
    encryption.secure_tree(data_dir.root)
    if clock is None and not os.environ.get(ENV_ZONE):
        _apply_zone_setting(db)
    ctx = AppContext(db=db, data_dir=data_dir)
    if unlocked.username is not None:
        try:
            accounts.complete_login(ctx, unlocked.username)
        except ServiceError:
            db.dispose()
            raise
    return ctx


def _apply_zone_setting(db: Database) -> None:
    """The community's zone from the settings (``app.time_zone``), if an administrator set one."""
    from sqlalchemy.exc import SQLAlchemyError

    from ..clock import ClockError
    from ..store.models import Setting

    try:
        with db.session() as s:
            row = s.get(Setting, "app.time_zone")
            zone = row.value if row is not None else None
    except SQLAlchemyError:  # not migrated yet (``migrate=False``)
        return
    if isinstance(zone, str) and zone:
        # a bad value stays in the settings page's hands; the default zone holds
        with contextlib.suppress(ClockError):
            db.clock.set_zone(zone)
