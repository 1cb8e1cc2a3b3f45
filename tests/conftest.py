"""Shared fixtures: a fresh database per test, copied from one migrated template.

Migrating and setting up once per session, then copying the file, keeps each test isolated
without paying for Alembic and argon2 every time.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

# Qt must not look for a display (ENVIRONMENT.md: pytest aborts without one).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from afc_desktop.paths import DataDir  # noqa: E402
from afc_desktop.services.context import AppContext, CurrentUser, open_app  # noqa: E402
from afc_desktop.services.setup import CommunityInput, run_setup  # noqa: E402

ADMIN_USER = "admin"
ADMIN_PASSWORD = "admin-pass-1"
TEST_TODAY = date(2026, 11, 28)


@pytest.fixture(scope="session")
def template_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory migrated and set up once: community 320508 梅巷社区, admin user."""
    root = tmp_path_factory.mktemp("template")
    ctx = open_app(DataDir(root))
    run_setup(
        ctx,
        CommunityInput("320508", "梅巷社区", street_name="平江街道", is_pilot=True),
        admin_username=ADMIN_USER,
        admin_password=ADMIN_PASSWORD,
        admin_display_name="王芳",
    )
    ctx.db.dispose()
    return root


def _copy_data_dir(src: Path, dst: Path) -> None:
    dst.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(str(DataDir(src).db_path))
    target = sqlite3.connect(str(DataDir(dst).db_path))
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    shutil.copytree(DataDir(src).keys_dir, DataDir(dst).keys_dir)


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    """An empty data directory (first run)."""
    return DataDir(tmp_path / "data")


@pytest.fixture
def set_up_dir(template_dir: Path, tmp_path: Path) -> DataDir:
    """A data directory already set up (copied from the template), not yet opened."""
    target = tmp_path / "site"
    _copy_data_dir(template_dir, target)
    return DataDir(target)


@pytest.fixture
def ctx(set_up_dir: DataDir) -> Iterator[AppContext]:
    """An opened AppContext on a fresh copy of the template, logged in as the admin 王芳.

    ``ctx.today()`` is pinned to 2026-11-28 so age-derived rules are reproducible.
    """
    context = open_app(set_up_dir)
    from afc_desktop.store.models import User

    with context.db.session() as s:
        user = s.query(User).filter(User.username == ADMIN_USER).one()
        context.user = CurrentUser(user.id, user.username, user.display_name, user.role)
    context.today_override = TEST_TODAY
    yield context
    context.db.dispose()


@pytest.fixture
def db(ctx: AppContext):  # type: ignore[no-untyped-def]
    """The Database of ``ctx``."""
    return ctx.db
