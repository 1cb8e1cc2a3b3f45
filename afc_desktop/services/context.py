"""What every service call is given: the open database, the data directory and who is acting."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from ..paths import DataDir
from ..store.db import Database, open_database


class ServiceError(Exception):
    """A refusal to show the user as it is: plain Chinese, naming what is wrong and where."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
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
    today_override: date | None = field(default=None, repr=False)

    @property
    def site_id(self) -> str | None:
        return self.db.site_id

    @property
    def actor_id(self) -> str | None:
        return self.user.id if self.user else None

    @property
    def actor_name(self) -> str:
        return self.user.display_name if self.user else "系统"

    def today(self) -> date:
        """Today's date (tests may pin it)."""
        return self.today_override or date.today()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction attributed to the current user."""
        with self.db.session(actor=self.actor_id, actor_name=self.actor_name) as s:
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


def open_app(data_dir: DataDir, *, migrate: bool = True) -> AppContext:
    """Open the data directory's database (migrating it after a backup) as an AppContext."""
    data_dir.ensure()
    db = open_database(data_dir.db_path, migrate=migrate, backup_dir=data_dir.backups_dir)
    return AppContext(db=db, data_dir=data_dir)
