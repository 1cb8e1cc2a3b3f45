"""The CLI for the rest of the record: remove / reregister / move / inform / notice, assess,
rules, and list/add for needs, resources, the service log and projects — each with --json."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from afc_desktop.cli import main
from afc_desktop.domain.formspec import load_forms

from .conftest import id_number


@pytest.fixture
def root(set_up_dir) -> Path:
    return set_up_dir.root


def run(capsys, root: Path, *args: str):
    capsys.readouterr()
    status = main(
        ["--data-dir", str(root), "--as", "admin", "--today", "2026-11-28", *args, "--json"]
    )
    out = capsys.readouterr()
    assert status == 0, out.err
    return json.loads(out.out)


def fail(capsys, root: Path, *args: str) -> str:
    capsys.readouterr()
    status = main(["--data-dir", str(root), "--as", "admin", "--today", "2026-11-28", *args])
    assert status != 0
    return capsys.readouterr().err


def test_person_life_from_the_command_line(capsys, root, tmp_path) -> None:
    idn = id_number(date(1940, 2, 2))
    run(capsys, root, "needs", "list")  # empty register is fine
    from afc_desktop.paths import DataDir
    from afc_desktop.services.context import open_app
    from afc_desktop.services.register import PersonInput, register_person

    ctx = open_app(DataDir(root))
    from afc_desktop.services.context import CurrentUser

    ctx.user = CurrentUser("x", "admin", "王芳", "admin")
    other = id_number(date(1941, 3, 3))
    register_person(ctx, PersonInput(name="杨阿婆", id_number=idn, registered_on=date(2026, 1, 5)))
    register_person(
        ctx, PersonInput(name="杨阿公", id_number=other, registered_on=date(2026, 1, 5))
    )
    ctx.db.dispose()

    assert [p["name"] for p in run(capsys, root, "person", "not-informed")] == ["杨阿公", "杨阿婆"]
    informed = run(capsys, root, "person", "inform", idn, "--consent", "同意")
    assert informed["informed_on"] == "2026-11-28" and informed["consent"] is True
    assert [p["name"] for p in run(capsys, root, "person", "not-informed")] == ["杨阿公"]
    pdf = tmp_path / "告知书.pdf"
    assert run(capsys, root, "person", "notice", idn, "--out", str(pdf))["file"] == str(pdf)
    assert pdf.stat().st_size > 1000

    assert "移出原因只能是" in fail(capsys, root, "person", "remove", idn, "--reason", "走了")
    removed = run(capsys, root, "person", "remove", idn, "--reason", "去世", "--date", "2026-11-03")
    assert removed == {"person_id": removed["person_id"], "removed_on": "2026-11-03",
                       "reason": "died"}  # fmt: skip
    listed = run(capsys, root, "person", "removed")
    assert [(r["name"], r["reason_label"]) for r in listed] == [("杨阿婆", "去世")]
    moved = run(capsys, root, "person", "move", other, "--to", "320508017001")
    assert moved["reason"] == "moved_within" and moved["to"] == "320508017001"
    back = run(capsys, root, "person", "reregister", other)
    assert back["registered_on"] == "2026-11-28"


def test_assess_rules_and_records_from_the_command_line(capsys, root, tmp_path) -> None:
    from afc_desktop.paths import DataDir
    from afc_desktop.services.context import CurrentUser, open_app
    from afc_desktop.services.register import PersonInput, register_person

    idn = id_number(date(1939, 4, 4))
    ctx = open_app(DataDir(root))
    ctx.user = CurrentUser("x", "admin", "王芳", "admin")
    register_person(ctx, PersonInput(name="秦阿婆", id_number=idn, registered_on=date(2025, 1, 5)))
    ctx.db.dispose()

    form = load_forms().get("gbt42195-2022-ability")
    answers = {i.id: 0 for i in form.items() if i.scored}
    answers.update({f"A.2.14.{i}": 0 for i in range(1, 6)})
    answers.update({"A.1.2": "2025-11-01", "A.1.3": 1, "A.4.1": [0], "A.5.11": 1, "S.1": "李娜"})
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), "utf-8")
    draft = run(capsys, root, "assess", form.id, "--person", idn, str(path))
    assert draft["status"] == "draft"
    final = run(capsys, root, "assess", form.id, "--person", idn, str(path), "--finalize")
    assert final["status"] == "final" and final["final_grade"] == "能力完全丧失（完全失能）"
    due = run(capsys, root, "assess-due")
    assert [d["name"] for d in due] == ["秦阿婆"]  # assessed 2025-11-01: 12 months ago

    rules = run(capsys, root, "rules", "set", "young_helper_max_age=74", "reassess_months=24")
    assert rules["young_helper_max_age"] == 74 and rules["reassess_months"] == 24
    assert run(capsys, root, "assess-due") == []

    need = run(capsys, root, "needs", "add", idn, "--type", "助餐", "--text", "想在食堂吃午饭")
    assert need["type_label"] == "助餐"
    assert [n["person_name"] for n in run(capsys, root, "needs", "list")] == ["秦阿婆"]
    res = run(capsys, root, "resources", "add", "--kind", "社会组织", "--name", "乐龄社工服务社")
    assert res["kind"] == "social_org"
    assert [r["name"] for r in run(capsys, root, "resources", "list")] == ["乐龄社工服务社"]
    svc = run(capsys, root, "service-log", "add", idn, "--kind", "政策咨询办理",
              "--summary", "咨询高龄津贴")  # fmt: skip
    assert svc["kind"] == "policy_consult"
    assert len(run(capsys, root, "service-log", "list", "--person", idn)) == 1
    project = run(capsys, root, "projects", "add", "--name", "楼道议事会", "--kind", "协商议事",
                  "--start", "2026-03-01")  # fmt: skip
    assert project["kind"] == "consultation"
    assert [p["name"] for p in run(capsys, root, "projects", "list", "--year", "2026")] == [
        "楼道议事会"
    ]
