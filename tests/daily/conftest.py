"""Fixtures for the daily-work tests: register elders with a chosen registration date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from afc_desktop.domain.idcard import check_digit
from afc_desktop.services.context import AppContext
from afc_desktop.services.register import PersonInput, register_person

_seq = iter(range(10, 990, 2))


def id_number(born: date, sex: str = "F") -> str:
    """A valid Suzhou ID number for ``born`` (unique within a test run)."""
    seq = next(_seq) + (1 if sex == "M" else 0)
    first17 = f"320508{born:%Y%m%d}{seq:03d}"
    return first17 + check_digit(first17)


def _add_elder(
    ctx: AppContext,
    name: str,
    born: date,
    categories: tuple[str, ...] = (),
    registered: date | None = date(2025, 1, 1),
    sex: str = "F",
    household_id: str | None = None,
    registered_on: date | None = None,
) -> str:
    """Register an elder on ``registered`` (the clock is set back for the write, so the record
    and its change event both carry that day, as on a laptop that registered them then);
    ``registered_on`` is the 登记日期 field a worker types (None: the day of the write)."""
    now = ctx.clock.now()
    if registered is not None:
        ctx.clock.pin(registered)
    try:
        person = register_person(
            ctx,
            PersonInput(
                name=name,
                id_number=id_number(born, sex),
                categories=categories,
                household_id=household_id,
                registered_on=registered_on,
            ),
            confirm_duplicate=True,
        )
    finally:
        ctx.clock.pin(now)
    return person.id


@pytest.fixture
def add_elder() -> Callable[..., str]:
    """``add_elder(ctx, name, born, categories=(), registered=date(2025, 1, 1), sex="F",
    household_id=None)``."""
    return _add_elder
