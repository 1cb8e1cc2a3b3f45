"""``afc visits due --by-household``, ``afc visits record --household``, ``afc print route``
and ``afc households duplicates|merge`` on a real data directory."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from afc_desktop.cli import main
from afc_desktop.paths import DataDir
from afc_desktop.services import register
from afc_desktop.services.context import CurrentUser, open_app
from afc_desktop.store.models import User


@pytest.fixture
def data_root(tmp_path: Path) -> Path:
    pw = tmp_path / "pw.txt"
    pw.write_text("admin-pass-1\n", encoding="utf-8")  # the AFC_PASSWORD_FILE of conftest
    root = tmp_path / "data"
    assert main(["--data-dir", str(root), "init", "--community-code", "320508",
                 "--community-name", "梅巷社区", "--admin", "admin",
                 "--password-file", str(pw)]) == 0  # fmt: skip
    ctx = open_app(DataDir(root))
    with ctx.db.session() as s:
        u = s.query(User).one()
        ctx.user = CurrentUser(u.id, u.username, u.display_name, u.role)
    for room, names in (("501", ("沈萍", "何凤鸣")), ("402", ("陆阿大",))):
        hid = register.create_household(
            ctx, register.HouseholdInput(estate="香溪花园", building="3", unit="1", room=room)
        ).id
        for i, name in enumerate(names):
            register.register_person(
                ctx,
                register.PersonInput(name=name, birth_date=date(1945 + i, 1, 1), household_id=hid),
            )
    register.create_household(
        ctx, register.HouseholdInput(estate="香溪花园", building="3", room="402")
    )
    ctx.db.dispose()
    return root


def run_json(capsys, root: Path, *args: str):
    capsys.readouterr()
    status = main(["--data-dir", str(root), *args, "--json"])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    return json.loads(captured.out)


def test_due_by_household_then_record_one_household_visit(capsys, data_root, tmp_path):
    rows = run_json(capsys, data_root, "visits", "due", "--by-household", "--days", "0")
    assert [r["address"] for r in rows] == ["香溪花园3幢1单元402室", "香溪花园3幢1单元501室"]
    couple = rows[1]
    assert {e["name"] for e in couple["elders"]} == {"沈萍", "何凤鸣"}
    assert couple["household_id"] and all(e["person_id"] for e in couple["elders"])

    out = tmp_path / "route.pdf"
    printed = run_json(capsys, data_root, "print", "route", "--days", "6", "--out", str(out))
    assert printed["households"] == 2 and printed["elders"] == 3
    assert out.read_bytes().startswith(b"%PDF")

    recorded = run_json(
        capsys, data_root, "visits", "record", "--household", couple["household_id"],
        "--mode", "入户", "--area", "居住安全=需关注:房屋安全隐患", "--absent", "何凤鸣",
        "--risk-flag", "沈萍=跌倒",
    )  # fmt: skip
    presence = {m["name"]: m["presence"] for m in recorded["members"]}
    assert presence == {"沈萍": "present", "何凤鸣": "absent"}
    after = run_json(capsys, data_root, "visits", "due", "--by-household", "--days", "0")
    left = {e["name"] for r in after for e in r["elders"]}
    assert left == {"何凤鸣", "陆阿大"}


def test_duplicates_and_merge(capsys, data_root):
    groups = run_json(capsys, data_root, "households", "duplicates")
    (group,) = groups
    assert group["verdict"] == "maybe"
    ids = [h["id"] for h in group["households"]]
    merged = run_json(capsys, data_root, "households", "merge", ids[0], ids[1])
    assert merged["id"] == ids[0]
    assert run_json(capsys, data_root, "households", "duplicates") == []


def test_record_household_refuses_a_stranger(capsys, data_root):
    rows = run_json(capsys, data_root, "visits", "due", "--by-household", "--days", "0")
    status = main(["--data-dir", str(data_root), "visits", "record", "--household",
                   rows[1]["household_id"], "--mode", "入户", "--absent", "陆阿大"])  # fmt: skip
    assert status == 2
    assert "不是这次入户探访的老人" in capsys.readouterr().err
