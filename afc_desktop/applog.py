"""The application log (运行日志): one rotating file per program in the data directory's ``logs/``.

``configure(logs_dir, program)`` is called once at start by the window (``afc``), the command
line (``afc COMMAND``) and the district hub (``afc-district``); they write ``afc.log``,
``afc-cli.log`` and ``afc-district.log``, 1 MB each with five older files kept. The log is what a
worker sends to support, so everything written to it goes through :func:`mask`:

- ID numbers (身份证号, 18 or 15 digits) keep their first and last four characters;
- mobile numbers keep their first three and last four digits;
- short quoted Chinese strings (how a name appears in an exception, ``'张三'`` or ``“张三”``)
  keep their first character (``'张*'``);
- SQLAlchemy's ``[parameters: …]`` (the values of a failed statement) are dropped whole.

SQLAlchemy's own loggers stay at WARNING even under ``--debug``: at INFO they would write every
statement with its values.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
from pathlib import Path
from typing import Any

from .domain.idcard import mask_id_number

MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(program)s[%(process)d] %(name)s: %(message)s"

_ID_RE = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[0-9Xx]|\d{15})(?![0-9A-Za-z])")
_MOBILE_RE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")
_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_QUOTED_NAME_RE = re.compile(rf"(['\"“‘「])([{_CJK}])([{_CJK}·•]{{1,5}})(['\"”’」])")
_SQL_PARAMS_RE = re.compile(r"\[parameters: .*?\](?=\n|$)", re.S)


def mask(text: str) -> str:
    """``text`` with ID numbers, mobile numbers, quoted names and SQL values masked."""
    text = _SQL_PARAMS_RE.sub("[parameters: 已隐去]", text)
    text = _ID_RE.sub(lambda m: mask_id_number(m.group(0)), text)
    text = _MOBILE_RE.sub(r"\1****\2", text)
    return _QUOTED_NAME_RE.sub(
        lambda m: m.group(1) + m.group(2) + "*" * len(m.group(3)) + m.group(4), text
    )


class MaskingFormatter(logging.Formatter):
    """Formats a record as usual, then masks personal data in the whole text (traceback too)."""

    def format(self, record: logging.LogRecord) -> str:
        return mask(super().format(record))


class _ProgramFilter(logging.Filter):
    def __init__(self, program: str) -> None:
        super().__init__()
        self.program = program

    def filter(self, record: logging.LogRecord) -> bool:
        record.program = self.program
        return True


class _QuietRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A log that cannot be written (disk full, another program rotating it on Windows) must
    not print "--- Logging error ---" at the user; the work goes on without it."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        return


_OURS = "_afc_handler"
_current: Path | None = None


def log_file(logs_dir: Path, program: str) -> Path:
    """The file ``program`` writes in ``logs_dir``."""
    return logs_dir / f"{program}.log"


def current_log_file() -> Path | None:
    """The file this process logs to (None when no log could be opened)."""
    return _current


def configure(
    logs_dir: Path | None, program: str, *, debug: bool = False, stream: Any = None
) -> Path | None:
    """Send this process's log records to ``logs_dir/<program>.log`` (idempotent).

    ``debug`` lowers the program's own loggers to DEBUG and also writes to ``stream`` (standard
    error by default). Returns the log file, or None when ``logs_dir`` cannot be written (a
    read-only data directory): then nothing is logged to a file, and nothing fails.
    """
    global _current
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, _OURS, False)]:
        root.removeHandler(old)
        old.close()
    root.setLevel(logging.INFO)
    logging.getLogger("afc_desktop").setLevel(logging.DEBUG if debug else logging.INFO)
    for noisy in ("sqlalchemy", "alembic", "fontTools", "PIL"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    formatter = MaskingFormatter(FORMAT)
    tag = _ProgramFilter(program)
    _current = None
    if logs_dir is not None:
        try:
            logs_dir.mkdir(parents=True, exist_ok=True)
            path = log_file(logs_dir, program)
            handler: logging.Handler = _QuietRotatingFileHandler(
                path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
            )
        except OSError:
            handler = logging.NullHandler()
        else:
            _current = path
        _add(root, handler, formatter, tag)
    if debug:
        console = logging.StreamHandler(stream or sys.stderr)
        _add(root, console, formatter, tag)
    return _current


def _add(
    root: logging.Logger,
    handler: logging.Handler,
    formatter: logging.Formatter,
    tag: logging.Filter,
) -> None:
    setattr(handler, _OURS, True)
    handler.setFormatter(formatter)
    handler.addFilter(tag)
    root.addHandler(handler)
