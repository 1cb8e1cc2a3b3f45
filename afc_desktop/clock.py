"""The one clock (统一时钟): every "now" and every "today" in the application comes from here.

A :class:`Clock` answers three questions:

- ``now()``: the current instant, timezone-aware UTC — what is stored (``created_at``, the change
  log's ``at``, bundle manifests, receipts).
- ``local_now()``: the same instant in the community's zone (Asia/Shanghai unless the settings
  say otherwise) — what a person sees (printed dates, file names, times on screen).
- ``today()``: the local date — what every rule and every query compares ("due today", ages,
  the month of a visit rate).

The clock can be pinned for training, demos and tests: ``AFC_TODAY=YYYY-MM-DD[THH:MM]`` in the
environment (or ``afc --today …``) starts it at that local time (09:00 when only a date is
given); a pinned clock then moves forward with real elapsed time, so events still get increasing
timestamps. Nothing outside this module reads the wall clock: ``tests/test_clock_rule.py`` fails
on any ``date.today()``, ``datetime.now()``, ``datetime.utcnow()`` or ``time.time()`` elsewhere.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Asia/Shanghai"
ENV_PIN = "AFC_TODAY"
ENV_ZONE = "AFC_TIMEZONE"
PINNED_DEFAULT_TIME = (9, 0)


class ClockError(ValueError):
    """A pin or a zone that cannot be understood; the message is plain Chinese."""


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        if name == DEFAULT_ZONE:
            # Windows without the tzdata package: China has had no daylight saving since 1991.
            from datetime import timezone

            return timezone(timedelta(hours=8), DEFAULT_ZONE)
        raise ClockError(f"无法识别的时区：{name}") from None


def parse_pin(text: str, zone: tzinfo) -> datetime:
    """``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM[:SS]`` (local time in ``zone``) as an aware instant."""
    raw = text.strip()
    try:
        if len(raw) == 10:
            day = date.fromisoformat(raw)
            local = datetime(day.year, day.month, day.day, *PINNED_DEFAULT_TIME)
        else:
            local = datetime.fromisoformat(raw.replace(" ", "T"))
    except ValueError:
        raise ClockError(f"无法识别的日期：{raw}（应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM）") from None
    if local.tzinfo is None:
        local = local.replace(tzinfo=zone)
    return local.astimezone(UTC)


class Clock:
    """Today and now in the community's time zone; optionally pinned to a chosen moment."""

    def __init__(self, zone: str | tzinfo = DEFAULT_ZONE, pinned: datetime | None = None) -> None:
        self.zone: tzinfo = _zone(zone) if isinstance(zone, str) else zone
        self._pinned_at: datetime | None = None
        self._pinned_mono = 0.0
        if pinned is not None:
            self.pin(pinned)

    # --- pinning -------------------------------------------------------------------------

    @property
    def is_pinned(self) -> bool:
        return self._pinned_at is not None

    def pin(self, moment: date | datetime | str) -> None:
        """Start the clock at ``moment`` (a local date, a datetime, or a pin string)."""
        if isinstance(moment, str):
            at = parse_pin(moment, self.zone)
        elif isinstance(moment, datetime):
            at = (moment if moment.tzinfo else moment.replace(tzinfo=self.zone)).astimezone(UTC)
        else:
            local = datetime(moment.year, moment.month, moment.day, *PINNED_DEFAULT_TIME)
            at = local.replace(tzinfo=self.zone).astimezone(UTC)
        self._pinned_at = at
        self._pinned_mono = time.monotonic()

    def unpin(self) -> None:
        self._pinned_at = None

    def set_zone(self, zone: str) -> None:
        """Change the community's zone (a pin keeps its instant)."""
        self.zone = _zone(zone)

    # --- reading -------------------------------------------------------------------------

    def now(self) -> datetime:
        """The current instant, timezone-aware UTC (what is stored)."""
        if self._pinned_at is not None:
            return self._pinned_at + timedelta(seconds=time.monotonic() - self._pinned_mono)
        return datetime.now(UTC)

    def local_now(self) -> datetime:
        """The current instant in the community's zone (what a person sees)."""
        return self.now().astimezone(self.zone)

    def today(self) -> date:
        """Today's local date in the community's zone."""
        return self.local_now().date()

    def local(self, instant: datetime) -> datetime:
        """A stored instant in the community's zone (a naive value is taken as UTC)."""
        if instant.tzinfo is None:
            instant = instant.replace(tzinfo=UTC)
        return instant.astimezone(self.zone)

    def local_date(self, instant: datetime) -> date:
        """The local date of a stored instant."""
        return self.local(instant).date()

    def start_of_day(self, day: date) -> datetime:
        """The UTC instant at which local ``day`` begins (for comparing stored instants)."""
        return datetime(day.year, day.month, day.day, tzinfo=self.zone).astimezone(UTC)

    def stamp(self) -> str:
        """A local timestamp for file names: ``20261201-073000``."""
        return self.local_now().strftime("%Y%m%d-%H%M%S")

    def __repr__(self) -> str:
        pin = f" pinned {self._pinned_at.isoformat()}" if self._pinned_at else ""
        return f"<Clock {self.zone}{pin}>"


def from_env(environ: os._Environ[str] | dict[str, str] | None = None) -> Clock:
    """A new clock for this process: zone from ``AFC_TIMEZONE``, pin from ``AFC_TODAY``."""
    env = os.environ if environ is None else environ
    clock = Clock(env.get(ENV_ZONE) or DEFAULT_ZONE)
    pin = env.get(ENV_PIN)
    if pin:
        clock.pin(pin)
    return clock


_process_clock: Clock | None = None


def process_clock() -> Clock:
    """The clock of code that has no database at hand (start-up, log records, the CLI parser).

    Databases and contexts carry their own clock (``Database.clock``, ``AppContext.clock``),
    which is where services read time; this one only serves the few places outside them.
    """
    global _process_clock
    if _process_clock is None:
        _process_clock = from_env()
    return _process_clock
