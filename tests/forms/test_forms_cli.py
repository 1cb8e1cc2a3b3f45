"""``afc forms list|check|score`` as a script would run them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from afc_desktop.cli import main
from afc_desktop.domain.formspec import load_forms

FORMS = Path(__file__).resolve().parents[2] / "forms"
FORM_ID = "gbt42195-2022-ability"


def full_answers() -> dict:
    form = load_forms(FORMS).get(FORM_ID)
    answers: dict = {i.id: i.max_score for i in form.items() if i.scored}
    answers.update({f"A.2.14.{i}": 0 for i in range(1, 6)})
    answers.update({"A.4.1": [0], "A.5.11": 1})
    return answers


def test_score_prints_the_result_as_json(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    answers = full_answers()
    answers.update({"B.1.1": 2, "A.4.1": [21], "A.2.14.1": 2})  # 88 → 轻度 → +2 → 重度
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    assert main(["forms", "score", FORM_ID, str(path), "--forms-dir", str(FORMS)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [s["score"] for s in out["subtotals"]] == [30, 15, 28, 15]
    assert out["total"] == 88
    assert out["preliminary_grade"] == "能力轻度受损（轻度失能）"
    assert [a["id"] for a in out["adjustments"]] == ["C.4.2", "C.4.3"]
    assert out["final_grade"] == "能力重度受损（重度失能）"
    assert (out["form_id"], out["form_version"]) == (FORM_ID, 2)  # the latest version


def test_incomplete_answers_name_the_missing_items(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    answers = full_answers()
    del answers["B.2.3"], answers["A.5.11"]
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    assert main(["forms", "score", FORM_ID, str(path)]) == 1
    err = capsys.readouterr().err
    assert "缺少题目" in err and "A.5.11" in err and "B.2.3" in err


def test_bad_answers_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "answers.json"
    path.write_text("{not json", encoding="utf-8")
    assert main(["forms", "score", FORM_ID, str(path)]) == 1
    assert "不是有效的 JSON" in capsys.readouterr().err
    answers = full_answers()
    answers["B.2.4"] = 4
    path.write_text(json.dumps(answers), encoding="utf-8")
    assert main(["forms", "score", FORM_ID, str(path)]) == 1
    assert "B.2.4" in capsys.readouterr().err


def test_list_and_check(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["forms", "list", "--json"]) == 0
    ids = {row["id"] for row in json.loads(capsys.readouterr().out)}
    assert {FORM_ID, "home-modification-2020", "visit-record"} <= ids
    assert main(["forms", "check"]) == 0
    capsys.readouterr()
    bad = tmp_path / "forms"
    bad.mkdir()
    (bad / "bad.yaml").write_text(
        (FORMS / "visit-record.v1.yaml")
        .read_text("utf-8")
        .replace("type: bool", "type: boolean", 1),
        encoding="utf-8",
    )
    assert main(["forms", "check", "--forms-dir", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "bad.yaml" in out and "题目 V.1.5" in out and "未知的题型" in out
