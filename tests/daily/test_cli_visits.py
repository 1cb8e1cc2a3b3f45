"""``afc visits due / record / drafts / rate`` on a real data directory."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from afc_desktop.cli import main
from afc_desktop.clock import process_clock


@pytest.fixture
def data_root(tmp_path: Path) -> Path:
    pw = tmp_path / "pw.txt"
    pw.write_text("admin-pass-1\n", encoding="utf-8")  # the AFC_PASSWORD_FILE of conftest
    root = tmp_path / "data"
    assert main(["--data-dir", str(root), "init", "--community-code", "320508",
                 "--community-name", "梅巷社区", "--admin", "admin",
                 "--password-file", str(pw)]) == 0  # fmt: skip
    assert main(["--data-dir", str(root), "demo", "--people", "40", "--register-only"]) == 0
    return root


def run_json(capsys, root: Path, *args: str):
    capsys.readouterr()
    status = main(["--data-dir", str(root), *args, "--json"])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    out = captured.out
    return json.loads(out)


def test_due_then_record_leaves_the_list(capsys, data_root):
    due = run_json(capsys, data_root, "visits", "due")
    assert due and due[0]["window"] == "today"  # never visited: due from registration (today)
    first = due[0]
    assert {"person_id", "name", "due_date", "rule", "address"} <= set(first)
    recorded = run_json(
        capsys, data_root, "visits", "record", first["person_id"], "--mode", "电话",
        "--area", "健康=需关注:行动不便", "--risk-flag", "跌倒",
        "--need", "助餐:想在食堂吃午饭", "--follow-up", f"{process_clock().today() + timedelta(days=7)}:回访",
    )  # fmt: skip
    assert recorded["status"] == "done" and recorded["mode"] == "phone"
    assert recorded["risk_level"] == "high" and len(recorded["need_ids"]) == 1
    # High risk now: weekly, so the next visit is due in 7 days, whatever day the test runs.
    after = run_json(capsys, data_root, "visits", "due", "--days", "6")
    assert first["person_id"] not in {d["person_id"] for d in after}
    week = run_json(capsys, data_root, "visits", "due", "--days", "7")
    assert first["person_id"] in {d["person_id"] for d in week}


def test_draft_then_finish_and_rate(capsys, data_root):
    person = run_json(capsys, data_root, "visits", "due")[0]["person_id"]
    draft = run_json(
        capsys,
        data_root,
        "visits",
        "record",
        person,
        "--mode",
        "入户",
        "--notes",
        "未完成",
        "--draft",
    )
    assert draft["status"] == "draft"
    assert [d["id"] for d in run_json(capsys, data_root, "visits", "drafts")] == [draft["id"]]
    done = run_json(
        capsys, data_root, "visits", "record", person, "--mode", "入户", "--notes", "已完成",
        "--draft-id", draft["id"],
    )  # fmt: skip
    assert done["id"] == draft["id"] and done["status"] == "done"
    rate = {r["key"]: r for r in run_json(capsys, data_root, "visits", "rate")}
    assert rate["all"]["visited"] == 1 and rate["all"]["due"] >= 1


def test_bad_input_gives_one_line_and_nonzero_status(capsys, data_root):
    capsys.readouterr()
    status = main(["--data-dir", str(data_root), "visits", "record", "no-such", "--mode", "入户"])
    err = capsys.readouterr().err
    assert status == 1 and err.startswith("afc: 找不到人员") and err.count("\n") == 1
    person = run_json(capsys, data_root, "visits", "due")[0]["person_id"]
    status = main(["--data-dir", str(data_root), "visits", "record", person, "--mode", "信件"])
    assert status == 2 and "探访方式" in capsys.readouterr().err
    status = main(["--data-dir", str(data_root), "visits", "record", person, "--mode", "入户",
                   "--date", "2999-01-01", "--notes", "x"])  # fmt: skip
    assert status == 1 and "晚于今天" in capsys.readouterr().err
