"""Where an installation keeps its files: one data directory holds everything.

Database, keys, configuration, logs, backups and exports all live under a single folder, so a copy
of that folder on another machine (or a USB stick) is a working installation. The folder is chosen
by ``--data-dir``, else the ``AFC_DATA_DIR`` environment variable, else platformdirs' user data
directory.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from .errors import PlainError

APP_NAME = "AFCDesktop"
DB_FILENAME = "afc.sqlite3"


class DataDirError(PlainError):
    """The data directory cannot be used (a file stands there, or it cannot be created)."""


@dataclass(frozen=True)
class DataDir:
    """The layout of one data directory; every path is relative to ``root``."""

    root: Path

    @property
    def db_path(self) -> Path:
        return self.root / DB_FILENAME

    @property
    def db_url(self) -> str:
        return f"sqlite:///{self.db_path}"

    @property
    def keys_dir(self) -> Path:
        return self.root / "keys"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    @property
    def exports_dir(self) -> Path:
        return self.root / "exports"

    @property
    def logs_dir(self) -> Path:
        return self.root / "logs"

    def problem(self) -> str | None:
        """Why this cannot be a data directory, in plain words; None when it can (or may)."""
        if self.root.exists() and not self.root.is_dir():
            return f"数据目录 {self.root} 是一个文件，不是文件夹：请用 --data-dir 指定一个文件夹"
        for path in self.root.parents:
            if path.exists():
                if not path.is_dir():
                    return f"数据目录 {self.root} 无法建立：{path} 是一个文件"
                break
        return None

    def is_writable(self) -> bool:
        """True when the folder (and its database file, if any) can be written."""
        if not os.access(self.root, os.W_OK):
            return False
        return not self.db_path.exists() or os.access(self.db_path, os.W_OK)

    def ensure(self) -> DataDir:
        """Create the directory tree (idempotent), owner-only on POSIX (0700), and return self.

        DataDirError (plain words) when it cannot: a file in the way, no permission.
        """
        problem = self.problem()
        if problem:
            raise DataDirError(problem)
        for path in (self.root, self.keys_dir, self.backups_dir, self.exports_dir, self.logs_dir):
            try:
                path.mkdir(parents=True, exist_ok=True)
            except PermissionError:
                raise DataDirError(f"没有权限建立或写入数据目录 {path}") from None
            except FileExistsError:
                raise DataDirError(f"{path} 是一个文件，不是文件夹") from None
            except OSError as exc:
                raise DataDirError(f"无法建立数据目录 {path}：{exc.strerror}") from None
            if os.name == "posix":
                with contextlib.suppress(OSError):  # a folder owned by someone else stays
                    path.chmod(0o700)
        return self

    def is_initialised(self) -> bool:
        """True once a database file exists here."""
        return self.db_path.exists()


def default_root() -> Path:
    """platformdirs' per-user data directory for the app."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def demo_root() -> Path:
    """The data directory used by ``afc --demo`` (kept apart from real data)."""
    return Path(platformdirs.user_data_dir(APP_NAME + "-demo", appauthor=False, roaming=True))


def resolve_data_dir(cli_arg: str | os.PathLike[str] | None = None) -> DataDir:
    """Pick the data directory: ``--data-dir``, then ``AFC_DATA_DIR``, then platformdirs."""
    if cli_arg:
        return DataDir(Path(cli_arg).expanduser().resolve())
    env = os.environ.get("AFC_DATA_DIR")
    if env:
        return DataDir(Path(env).expanduser().resolve())
    return DataDir(default_root())
