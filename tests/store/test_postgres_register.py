"""The same models, migrations, change log and register services on a real PostgreSQL server
(the district's database, docs/design.md §6)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from afc_desktop.paths import DataDir
from afc_desktop.services import register as reg
from afc_desktop.services.context import AppContext
from afc_desktop.services.setup import CommunityInput, run_setup
from afc_desktop.store import migrations
from afc_desktop.store.db import open_database
from afc_desktop.store.models import ChangeEvent


def test_register_round_trip_on_postgresql(pg_url, tmp_path) -> None:
    db = open_database(pg_url)
    try:
        assert db.engine.dialect.name == "postgresql"
        assert not migrations.pending(db)
        ctx = AppContext(db=db, data_dir=DataDir(tmp_path / "pg-site").ensure())
        run_setup(ctx, CommunityInput("320508", "梅巷社区", "平江街道"), "admin", "secret-1")
        h = reg.create_household(
            ctx, reg.HouseholdInput(estate="香溪花园", building="3", room="402")
        )
        p = reg.register_person(
            ctx,
            reg.PersonInput(
                name="张三丰",
                id_number="11010519491231002X",
                household_id=h.id,
                categories=("alone",),
            ),
        )
        assert p.birth_date == date(1949, 12, 31)
        for text in ("张三丰", "张", "zsf", "002X", "香溪花园"):
            assert reg.search_person_ids(ctx, reg.PersonQuery(text=text)) == [p.id], text
        assert reg.search_person_ids(ctx, reg.PersonQuery(categories=("alone",))) == [p.id]
        reg.update_person(
            ctx, p.id, reg.PersonInput(**{**p.as_input().__dict__, "phone": "13900001111"})
        )
        assert reg.person_history(ctx, p.id)[0].text.endswith("改了 电话")
        with db.session() as s:
            seqs = list(s.scalars(select(ChangeEvent.seq).order_by(ChangeEvent.seq)))
        assert seqs == list(range(1, len(seqs) + 1))
    finally:
        db.dispose()
