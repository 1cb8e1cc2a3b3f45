"""``afc``: the GUI with no command, or the same services headless.

Commands are plugged in by modules of this package: every module ``afc_desktop/cli/<name>.py``
that defines ``add_commands(subparsers)`` is discovered. A command sets ``func=handler`` with
``handler(args, app: CliApp) -> int``; ``app.ctx()`` opens the data directory as an AppContext
acting as a user, and ``app.out(obj, text)`` prints JSON with ``--json`` or the text otherwise.

Every command takes the global ``--data-dir``, ``--json`` and ``--debug``, and acts as
``--as USER`` with that user's password (``--password-file``, ``AFC_PASSWORD_FILE``, or asked on
the terminal): the database is encrypted and no command opens it without a password. Exit status
0 on success; on a refusal (any ``errors.PlainError``) a one-line reason goes to standard error
with status 1 (2 for usage errors, 3 when the installation is not set up). Anything unexpected
is logged in full to ``logs/afc-cli.log`` (``applog``) and reported in one line naming that
file, status 4; ``--debug`` prints the (masked) traceback as well.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import logging
import os
import pkgutil
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..errors import PlainError
from ..paths import DataDir, DataDirError, demo_root, resolve_data_dir

log = logging.getLogger(__name__)


class CliError(PlainError):
    """A refusal: printed as one line on standard error."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def _json_default(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.asdict(obj)
    if isinstance(obj, (date, datetime)):
        return obj.isoformat()
    if isinstance(obj, Path):
        return str(obj)
    if isinstance(obj, (set, frozenset, tuple)):
        return list(obj)
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


NEED_PASSWORD = (
    "需要密码：请用 --as 用户名 和 --password-file 密码文件（或环境变量 AFC_PASSWORD_FILE），"
    "或在终端中运行以输入密码"
)


def _is_locked(exc: Exception) -> bool:
    from ..services.keyring import LockedError

    return isinstance(exc, LockedError)


class CliApp:
    """What a command handler is given: parsed options, the data directory, output helpers."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._ctx: Any = None

    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    def data_dir(self) -> DataDir:
        """The data directory named by ``--data-dir`` (DataDirError when it cannot be one)."""
        data_dir = resolve_data_dir(getattr(self.args, "data_dir", None))
        problem = data_dir.problem()
        if problem:
            raise DataDirError(problem)
        return data_dir

    def ctx(self, *, require_setup: bool = True, as_user: str | None = None) -> Any:
        """The opened AppContext, logged in as ``--as USER`` with that user's password.

        The database is encrypted: nothing is opened without a password (``--password-file``,
        else ``AFC_PASSWORD_FILE``, else asked on the terminal). The user defaults to
        ``AFC_USER``, else the administrator who ran setup. Only a data directory that is not
        set up yet opens without one (``afc init``, ``afc demo``).
        """
        from ..services.context import ServiceError
        from ..services.setup import is_set_up

        if self._ctx is None:
            try:
                self._ctx = self._open(as_user)
            except ServiceError as exc:
                raise CliError(exc.message, status=2 if _is_locked(exc) else 1) from exc
        ctx = self._ctx
        if require_setup and (ctx.user is None or not is_set_up(ctx)):
            if not is_set_up(ctx):
                raise CliError(f"{ctx.data_dir.root} 尚未初始化：请先运行 afc init", status=3)
            raise CliError(NEED_PASSWORD, status=2)
        return ctx

    def _open(self, as_user: str | None) -> Any:
        from ..services.context import open_app

        data_dir = self.data_dir()
        unlocked = self.unlock(as_user)
        if unlocked is None:
            return open_app(data_dir)  # not set up yet: nothing to protect
        return open_app(data_dir, unlocked=unlocked)

    def unlock(self, as_user: str | None = None) -> Any:
        """The database key unwrapped with the acting user's password (``keyring.Unlocked``).

        None for a data directory that is not set up yet. An older, plaintext installation is
        encrypted first.
        """
        from ..services import encryption, keyring

        data_dir = self.data_dir()
        if encryption.needs_encryption(data_dir):
            encryption.encrypt_existing(data_dir)
        ring = keyring.load(data_dir)
        if ring is None or keyring.read_pending(data_dir) is not None:
            return None
        username = (
            as_user
            or getattr(self.args, "as_user", None)
            or os.environ.get(keyring.ENV_USER)
            or ring.default_user
        )
        return keyring.unlock_with_password(data_dir, username, self.password(username))

    def password(self, username: str) -> str:
        """The acting user's password: ``--password-file``, ``AFC_PASSWORD_FILE``, or asked."""
        from ..services import keyring
        from ..services.context import ServiceError

        path = getattr(self.args, "password_file", None) or os.environ.get(
            keyring.ENV_PASSWORD_FILE
        )
        if path:
            try:
                return keyring.read_password_file(path)
            except ServiceError as exc:
                raise CliError(exc.message) from exc
        if not sys.stdin.isatty():
            raise CliError(NEED_PASSWORD, status=2)
        import getpass

        return getpass.getpass(f"{username} 的密码：")

    def recovery_ctx(self, recovery_key: str) -> Any:
        """The AppContext opened with the recovery key (no user logged in)."""
        from ..services.context import ServiceError, open_app

        try:
            self._ctx = open_app(self.data_dir(), recovery_key=recovery_key)
        except ServiceError as exc:
            raise CliError(exc.message) from exc
        return self._ctx

    def out(self, obj: Any, text: str | None = None) -> None:
        """Print ``obj`` as JSON under ``--json``, else ``text`` (or ``obj`` as it is)."""
        if self.json:
            print(json.dumps(obj, ensure_ascii=False, indent=2, default=_json_default))
        else:
            print(text if text is not None else obj)

    def close(self) -> None:
        if self._ctx is not None:
            self._ctx.db.dispose()


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--data-dir", default=default, help="数据目录（默认 AFC_DATA_DIR 或系统用户目录）"
    )
    parser.add_argument("--json", action="store_true", default=default, help="以 JSON 输出")
    parser.add_argument(
        "--debug", action="store_true", default=default, help="出错时显示详细信息（供技术支持）"
    )
    parser.add_argument(
        "--as", dest="as_user", default=default, help="以哪个用户的身份操作（默认设置时的管理员）"
    )
    parser.add_argument(
        "--password-file",
        default=default,
        metavar="FILE",
        help="含该用户密码的文件（或环境变量 AFC_PASSWORD_FILE；都没有时在终端询问）",
    )
    parser.add_argument(
        "--today",
        default=default,
        metavar="YYYY-MM-DD[THH:MM]",
        help="把时钟定在这一天（培训、演示、测试用；同环境变量 AFC_TODAY）",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="afc", description="老年友好社区工作台 AFC Desktop")
    _global_options(parser, suppress=False)
    parser.add_argument(
        "--demo", action="store_true", help="打开演示数据目录（首次会自动生成演示数据）"
    )
    parser.add_argument("--version", action="store_true", help="显示版本")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, suppress=True)
    parser.set_defaults(_common=common)
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        add = getattr(module, "add_commands", None)
        if add is not None:
            add(_SubparserAdapter(sub, common))
    return parser


class _SubparserAdapter:
    """Wraps ``add_parser`` so every command also accepts the global options after its name."""

    def __init__(self, sub: Any, common: argparse.ArgumentParser) -> None:
        self._sub = sub
        self._common = common

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        parents = list(kwargs.pop("parents", [])) + [self._common]
        return self._sub.add_parser(name, parents=parents, **kwargs)


def main(argv: Sequence[str] | None = None) -> int:
    if os.name == "posix":
        os.umask(0o077)  # every file this process writes (exports, backups, logs) is owner-only
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "today", None):
        from ..clock import ENV_PIN, ClockError, from_env

        os.environ[ENV_PIN] = args.today  # every clock of this process starts there
        try:
            from_env()
        except ClockError as exc:
            print(f"afc: {exc}", file=sys.stderr)
            return 2
    if args.version:
        from .. import __version__

        print(__version__)
        return 0
    if args.command is None:
        from ..app import run_gui

        if args.demo:
            args.data_dir = args.data_dir or str(demo_root())
        return run_gui(resolve_data_dir(args.data_dir), demo=args.demo, debug=bool(args.debug))
    debug = bool(getattr(args, "debug", False))
    app = CliApp(args)
    try:
        data_dir = app.data_dir()
        _start_log(data_dir, debug)
        log.info("afc %s", args.command)
        status = int(args.func(args, app) or 0)
    except PlainError as exc:
        log.info("refused: %s", exc.message)
        if debug:
            _print_traceback(exc)
        print(f"afc: {exc.message}", file=sys.stderr)
        status = exc.status if isinstance(exc, CliError) else 1
    except Exception as exc:  # noqa: BLE001 - one clear line, never a traceback, for scripts
        log.error("afc %s failed", args.command, exc_info=exc)
        if debug:
            _print_traceback(exc)
        print(f"afc: {unexpected_line()}", file=sys.stderr)
        status = 4
    finally:
        app.close()
    return status


def _start_log(data_dir: DataDir, debug: bool) -> None:
    """The command's log in the data directory (only when that folder already exists)."""
    from .. import applog

    logs = data_dir.logs_dir if data_dir.root.is_dir() else None
    applog.configure(logs, "afc-cli", debug=debug)


def unexpected_line() -> str:
    """The one line for an error nobody foresaw: what happened and where the details are."""
    from ..applog import current_log_file

    where = current_log_file()
    detail = f"详情已记入日志 {where}" if where else "加 --debug 可显示详情"
    return f"意外错误，操作没有完成（已完成的保存不受影响）；{detail}"


def _print_traceback(exc: BaseException) -> None:
    import traceback

    from ..applog import mask

    text = "".join(traceback.format_exception(exc))
    print(mask(text), file=sys.stderr, end="")


if __name__ == "__main__":
    sys.exit(main())
