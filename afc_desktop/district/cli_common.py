"""What every ``afc-district`` command shares (区级命令行公共部分): the plain refusal with its
exit status, where the hub lives (``--data-dir``), its settings and database, the district
passphrase and keys, and printing a result as text or ``--json``."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy.exc import InterfaceError, OperationalError

from afc_desktop.district import hub
from afc_desktop.errors import PlainError
from afc_desktop.store.db import Database
from afc_desktop.sync import enrolment, keys

log = logging.getLogger(__name__)


class DistrictCliError(PlainError):
    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def _home(args: argparse.Namespace) -> Path:
    root = (
        args.home
        or os.environ.get("AFC_DISTRICT_HOME")
        or platformdirs.user_data_dir("AFCDistrict", appauthor=False)
    )
    home = Path(root).expanduser()
    if home.exists() and not home.is_dir():
        raise DistrictCliError(f"区级工作目录 {home} 是一个文件，不是文件夹", 2)
    return home


def _config(args: argparse.Namespace) -> dict[str, Any]:
    path = _home(args) / "district.json"
    if not path.exists():
        raise DistrictCliError(f"{_home(args)} 尚未初始化：请先运行 afc-district init", 3)
    return dict(json.loads(path.read_text(encoding="utf-8")))


def _db(args: argparse.Namespace) -> Database:
    """The hub database; a SQLite one is encrypted under the district passphrase."""
    target = args.db or str(_home(args) / hub.HUB_DB_NAME)
    try:
        if str(target).startswith(("postgresql://", "postgresql+")):
            return hub.open_hub(target)
        return hub.open_hub(target, _passphrase(args))
    except hub.HubError as exc:
        raise DistrictCliError(exc.message) from exc
    except (OperationalError, InterfaceError) as exc:
        log.warning("cannot open the hub database", exc_info=exc)
        if "://" in str(target):
            message = "无法连接数据库服务器：请检查 --db 的地址、用户名和密码，以及服务器是否在运行"
        else:
            message = f"无法打开数据库 {target}：请检查文件和文件夹的权限"
        raise DistrictCliError(message) from None


def _passphrase(args: argparse.Namespace) -> bytes:
    """The district passphrase, read (or asked) once per command."""
    cached = getattr(args, "_passphrase", None)
    if cached is None:
        cached = _read_passphrase(args)
        args._passphrase = cached
    return bytes(cached)


def _read_passphrase(args: argparse.Namespace) -> bytes:
    if args.passphrase_file:
        try:
            return Path(args.passphrase_file).read_text(encoding="utf-8").strip().encode()
        except OSError as exc:
            raise DistrictCliError(f"无法读取口令文件 {args.passphrase_file}：{exc}") from exc
    env = os.environ.get("AFC_DISTRICT_PASSPHRASE")
    if env:
        return env.encode()
    if not sys.stdin.isatty():
        raise DistrictCliError("需要区级密钥口令：请用 --passphrase-file 文件 提供", 2)
    return getpass.getpass("区级密钥口令：").encode()


def _keys(args: argparse.Namespace) -> keys.DistrictKeys:
    try:
        return keys.load_district_keys(_home(args) / "keys", _passphrase(args))
    except keys.KeyFileError as exc:
        raise DistrictCliError(exc.message) from exc


def _out(args: argparse.Namespace, obj: Any, text: str) -> None:
    if args.json:

        def default(o: Any) -> Any:
            if dataclasses.is_dataclass(o) and not isinstance(o, type):
                return dataclasses.asdict(o)
            return str(o)

        print(json.dumps(obj, ensure_ascii=False, indent=2, default=default))
    else:
        print(text)


def _fingerprint(dkeys: keys.KeyPair) -> str:
    return enrolment.fingerprint(dkeys.sign_public, dkeys.enc_public)
