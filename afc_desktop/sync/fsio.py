"""Durable file writes: temporary name, flush + fsync, rename (原子写入)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..outfiles import check_output_file, write_failure


def fsync_dir(directory: Path) -> None:
    """fsync a directory so a rename inside it is durable (no-op where unsupported)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writer(final_path: Path) -> Iterator[BinaryIO]:
    """Open ``<final>.part`` for writing; on success flush, fsync and rename to ``final``.

    On an exception the partial file is removed, so no file that looks complete is left.
    """
    final_path = check_output_file(final_path)
    tmp = final_path.with_name(final_path.name + ".part")
    try:
        fh = open(tmp, "wb")  # noqa: SIM115 - closed below in every path
    except OSError as exc:
        raise write_failure(final_path, exc) from None
    try:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())
        fh.close()
        os.replace(tmp, final_path)
        fsync_dir(final_path.parent)
    except BaseException:
        fh.close()
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def atomic_write_bytes(final_path: Path, data: bytes, mode: int | None = None) -> None:
    """Write ``data`` durably to ``final_path``; optionally chmod (e.g. 0o600 for keys)."""
    with atomic_writer(final_path) as fh:
        if mode is not None:
            os.chmod(fh.name, mode)
        fh.write(data)
