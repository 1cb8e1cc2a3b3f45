"""Fixtures for the statistics tests: a small community filled through the services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import update

from afc_desktop.domain.idcard import check_digit
from afc_desktop.services.context import AppContext
from afc_desktop.services.register import PersonInput, register_person
from afc_desktop.store.models import Person

_seq = iter(range(100, 990, 2))


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
    registered: date = date(2025, 1, 1),
    **extra: object,
) -> str:
    """Register an elder through the service; back-date the registration (cadence start)."""
    person = register_person(
        ctx,
        PersonInput(name=name, id_number=id_number(born), categories=categories, **extra),  # type: ignore[arg-type]
        confirm_duplicate=True,
    )
    with ctx.db.session() as s:
        s.execute(
            update(Person)
            .where(Person.id == person.id)
            .values(
                created_at=datetime(registered.year, registered.month, registered.day, tzinfo=UTC)
            )
        )
    return person.id


@pytest.fixture
def add_elder() -> Callable[..., str]:
    """``add_elder(ctx, name, born, categories=(), registered=date(2025, 1, 1), **PersonInput)``."""
    return _add_elder
