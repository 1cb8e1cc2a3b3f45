"""Where an export may be written (导出文件): a regular file in an existing folder.

Every export (spreadsheets, PDFs, sync bundles, error reports) writes ``<name>.part`` and then
renames it over the target. Checked first, before any work is done, so that a wrong ``--out``
is one plain sentence and not a traceback half-way through: the folder must exist and be a
folder, and the target, if it exists, must be a regular file — never a folder, and never a
device such as ``/dev/null`` or ``NUL``, which the rename would otherwise replace.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import PlainError


class OutputFileError(PlainError):
    """The output path cannot take a file."""


def check_output_file(path: str | os.PathLike[str], *, suffix: str | None = None) -> Path:
    """``path`` as a Path when an export may be written there; else :class:`OutputFileError`.

    With ``suffix`` (".xlsx"), the name must end with it.
    """
    target = Path(path).expanduser()
    if not target.name or str(path).endswith(("/", os.sep)):
        raise OutputFileError(f"请给出要写入的文件名（不是文件夹）：{path}")
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputFileError(f"无法访问输出文件 {target}：{_reason(exc)}") from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise OutputFileError(f"{target} 是一个文件夹：请在后面加上要写入的文件名")
        if not stat.S_ISREG(info.st_mode):
            raise OutputFileError(f"{target} 不是普通文件（可能是设备），不能写入")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.exists():
        raise OutputFileError(f"文件夹不存在：{parent}（请先建立它，或换一个位置）")
    if not parent.is_dir():
        raise OutputFileError(f"{parent} 不是文件夹，不能在其中写入文件")
    if not os.access(parent, os.W_OK):
        raise OutputFileError(f"没有权限在文件夹 {parent} 中写入文件")
    if suffix and target.suffix.lower() != suffix:
        raise OutputFileError(f"输出文件应以 {suffix} 结尾：{target}")
    return target


def _reason(exc: OSError) -> str:
    """An OSError's reason in Chinese where we know it (the OS text otherwise)."""
    import errno

    known = {
        errno.ENOENT: "不存在",
        errno.EACCES: "没有权限",
        errno.EPERM: "没有权限",
        errno.ENOSPC: "磁盘已满",
        errno.EROFS: "磁盘只读",
        errno.ENOTDIR: "路径中有一部分不是文件夹",
        errno.EISDIR: "这是一个文件夹",
    }
    return known.get(exc.errno or 0, exc.strerror or type(exc).__name__)


def write_failure(path: str | os.PathLike[str], exc: OSError) -> OutputFileError:
    """The plain error for an OSError met while writing ``path`` (e.g. the disk filled up)."""
    return OutputFileError(f"无法写入 {Path(path)}：{_reason(exc)}")
