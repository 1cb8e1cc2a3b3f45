"""Fixtures for sync tests: fresh migrated SQLite databases, copied from one template."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from afc_desktop.store.db import Database, open_database


@pytest.fixture(scope="session")
def sync_template_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sync_template") / "template.sqlite3"
    db = open_database(path)
    db.dispose()
    return path


@pytest.fixture()
def make_db(sync_template_db, tmp_path) -> Callable[[str], Database]:
    """``make_db(name)`` → a new migrated SQLite database (a copy of the template)."""
    opened: list[Database] = []
    counter = iter(range(1_000_000))

    def make(name: str = "db") -> Database:
        target = tmp_path / f"{name}-{next(counter)}.sqlite3"
        src = sqlite3.connect(sync_template_db)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        db = open_database(target, migrate=False)
        opened.append(db)
        return db

    yield make
    for db in opened:
        db.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def hub_url(request, tmp_path):
    """The hub database URL: a SQLite file, and a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "district.sqlite3")
    return request.getfixturevalue("pg_url")


# --- a district with its roster, and communities enrolled through it (Enrolment v2) ---------

COMMUNITY_CODES = {
    "梅巷社区": "320508018001",
    "梅巷社区b": "320508018001",  # a second laptop of 梅巷社区
    "桃坞社区": "320508018002",
}


class District:
    """District keys plus a hub database; issues enrolment files and enrols sites with them."""

    def __init__(self, tmp_path: Path, db: Database, code: str = "320508") -> None:
        from afc_desktop.sync import enrolment, keys

        self.tmp_path = tmp_path
        self.db = db
        self.code = code
        self.keys = keys.create_district_keys(tmp_path / "district_keys", b"district pass")
        self.fingerprint = enrolment.fingerprint(self.keys.sign_public, self.keys.enc_public)

    @property
    def recipient(self):
        from afc_desktop.sync import bundle

        return bundle.Recipient(self.code, self.keys.enc_public, self.keys.key_id)

    def issue(self, code: str, name: str) -> Path:
        from afc_desktop.district import roster

        out = self.tmp_path / "enrolments"
        out.mkdir(exist_ok=True)
        issued = roster.add_community(
            self.db,
            self.keys,
            district_code=self.code,
            district_name="姑苏区",
            code=code,
            name=name.rstrip("b"),
            out=out,
        )
        return Path(issued.path)

    def enrol(self, ctx, name: str, code: str | None = None) -> Path:
        from afc_desktop.services import sync as sync_service

        path = self.issue(code or COMMUNITY_CODES[name], name)
        sync_service.enrol(ctx, path, self.fingerprint)
        return path


@pytest.fixture()
def district_on(tmp_path):
    """``district_on(db)`` → a District whose roster lives in ``db``."""
    made: list[District] = []

    def make(db: Database) -> District:
        d = District(tmp_path / f"district{len(made)}", db)
        made.append(d)
        return d

    return make


def _enrolment_block(ctx) -> dict[str, str]:
    """The enrolment proof a site's bundles to the district carry (for hand-made bundles)."""
    from sqlalchemy import select

    from afc_desktop.store.models.sync_state import SyncPeer

    with ctx.db.session() as s:
        peer = s.scalar(select(SyncPeer).where(SyncPeer.role == "district"))
        return {"id": peer.enrolment_id, "proof": peer.enrolment_proof}


@pytest.fixture()
def enrolment_block():
    """``enrolment_block(ctx)`` → the proof block for a hand-made bundle from that site."""
    return _enrolment_block
