"""Reading many rows fast: straight from the DB-API cursor, with memoised conversions."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from ...clock import Clock


def as_date(value: Any) -> date | None:
    """A date from a database value (SQLite gives ISO text, PostgreSQL a date)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def local_date(value: Any, clock: Clock) -> date | None:
    """The community's local date of a stored instant (SQLite gives ISO text, PostgreSQL a
    datetime). Comparing the UTC date instead would put a person registered at 07:00 Beijing
    time on the 1st into the month before."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return clock.local_date(value)
    return clock.local_date(datetime.fromisoformat(str(value)))


class Memo(dict[Any, Any]):
    """A dict that fills itself: ``memo[raw]`` converts ``raw`` once (None stays None)."""

    def __init__(self, convert: Any) -> None:
        super().__init__()
        self._convert = convert
        self[None] = None

    def __missing__(self, raw: Any) -> Any:
        value = self[raw] = self._convert(raw)
        return value


def driver_rows(conn: Any, stmt: Any) -> list[tuple[Any, ...]]:
    """Rows of ``stmt`` straight from the DB-API cursor, as the driver returns them (SQLite
    gives dates as ISO text, PostgreSQL as dates): no per-value processing of the results by
    SQLAlchemy. Parameters do go through their types, so a date or a UTC instant compares
    with the stored text as the ORM would write it."""
    # IN lists expand to one parameter each here (SQLAlchemy would do it at execution)
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    values = dict(compiled.params)
    for key, bind in compiled.binds.items():  # dates and instants as the column stores them
        process = bind.type.bind_processor(conn.dialect)
        if process is not None and key in values:
            values[key] = process(values[key])
    if compiled.positional:
        params: Any = tuple(values[key] for key in compiled.positiontup or ())
    else:
        params = values
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(str(compiled), params)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def flag_codes(value: str | None) -> tuple[str, ...]:
    return tuple(value.strip(",").split(",")) if value else ()


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while tens of thousands of result objects are built:
    they hold no cycles, and its passes over a large heap cost the due list a third of its time
    at district scale (``bench/bench_due.py``). Reference counting still frees everything."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
