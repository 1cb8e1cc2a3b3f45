"""``afc person move`` names the receiving community; ``afc person incoming`` / ``accept`` list
and accept the people a district receipt brought, each with --json."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from afc_desktop.cli import main
from afc_desktop.paths import DataDir
from afc_desktop.services.context import CurrentUser, open_app
from afc_desktop.services.register import PersonInput, register_person
from afc_desktop.services.register.transfers import store_transfer
from afc_desktop.store.models import Person
from afc_desktop.store.models.sync_state import SyncPeer

from .conftest import id_number
from .test_incoming_ui import OWN, transfer


def run(capsys, root: Path, *args: str):
    capsys.readouterr()
    status = main(
        ["--data-dir", str(root), "--as", "admin", "--today", "2026-11-28", *args, "--json"]
    )
    out = capsys.readouterr()
    assert status == 0, out.err
    return json.loads(out.out)


def test_move_incoming_and_accept_from_the_command_line(capsys, set_up_dir) -> None:
    root = set_up_dir.root
    ctx = open_app(DataDir(root))
    ctx.user = CurrentUser("x", "admin", "王芳", "admin")
    idn = id_number(date(1940, 2, 2))
    pid = register_person(
        ctx, PersonInput(name="杨阿婆", id_number=idn, registered_on=date(2026, 1, 5))
    ).id
    with ctx.db.session(write=True) as s:
        s.add(SyncPeer(key_id="d" * 16, role="district", code="320508", sign_public="x",
                       enc_public="x", community_code=OWN))  # fmt: skip
        store_transfer(s, transfer("t1", OWN, "蒋阿婆", "32050819380505002"), OWN)
    ctx.db.dispose()

    moved = run(capsys, root, "person", "move", idn, "--to", "320508001009")
    assert moved == {"person_id": pid, "removed_on": "2026-11-28", "reason": "moved_within",
                     "to": "320508001009"}  # fmt: skip
    [waiting] = run(capsys, root, "person", "incoming")
    assert (waiting["id"], waiting["name"], waiting["state"]) == ("t1", "蒋阿婆", "waiting")
    accepted = run(capsys, root, "person", "accept", "t1")
    assert run(capsys, root, "person", "incoming") == []
    assert [t["state"] for t in run(capsys, root, "person", "incoming", "--all")] == ["accepted"]

    ctx = open_app(DataDir(root))
    try:
        with ctx.session() as s:
            assert s.get(Person, pid).moved_to == "320508001009"
            assert s.get(Person, accepted["person_id"]).transferred_from == "t1"
    finally:
        ctx.db.dispose()
