"""The ``afc`` command line: init, demo, search, backup, check; exit status and one-line errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from afc_desktop.cli import main


def afc(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``afc`` in a real subprocess, as a script would."""
    env = {**os.environ, "AFC_DATA_DIR": ""}
    return subprocess.run(
        [sys.executable, "-m", "afc_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def initialised(tmp_path: Path) -> Path:
    pw = tmp_path / "pw.txt"
    pw.write_text("admin-pass-1\n", encoding="utf-8")  # the AFC_PASSWORD_FILE of conftest
    root = tmp_path / "data"
    assert (
        main(
            [
                "--data-dir",
                str(root),
                "init",
                "--community-code",
                "320508",
                "--community-name",
                "梅巷社区",
                "--admin",
                "admin",
                "--password-file",
                str(pw),
            ]
        )
        == 0
    )
    return root


def test_init_demo_search_as_json(initialised: Path) -> None:
    done = afc("--data-dir", str(initialised), "demo", "--people", "120", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["people"] == 120
    found = afc("--data-dir", str(initialised), "--json", "search", "王")
    assert found.returncode == 0
    result = json.loads(found.stdout)
    assert result["total"] >= 1
    assert all(row["name"].startswith("王") for row in result["rows"])
    assert all("*" in row["id_masked"] for row in result["rows"])


def test_commands_before_setup_fail_with_one_line(tmp_path: Path) -> None:
    done = afc("--data-dir", str(tmp_path / "empty"), "search", "王")
    assert done.returncode == 3
    assert done.stderr.count("\n") == 1 and "afc init" in done.stderr
    assert "Traceback" not in done.stderr


def test_bad_password_file_is_a_clear_refusal(tmp_path: Path) -> None:
    done = afc(
        "--data-dir",
        str(tmp_path / "d"),
        "init",
        "--community-code",
        "320508",
        "--community-name",
        "梅巷社区",
        "--admin",
        "a",
        "--password-file",
        str(tmp_path / "nope"),
    )
    assert done.returncode == 1
    assert "无法读取密码文件" in done.stderr


def test_backup_check_and_restore(initialised: Path, capsys) -> None:
    assert main(["--data-dir", str(initialised), "--json", "backup"]) == 0
    made = json.loads(capsys.readouterr().out)["path"]
    assert main(["--data-dir", str(initialised), "check"]) == 0
    assert "正常" in capsys.readouterr().out
    assert main(["--data-dir", str(initialised), "restore", made]) == 0


def test_check_reports_a_damaged_database(initialised: Path, capsys) -> None:
    db = initialised / "afc.sqlite3"
    raw = bytearray(db.read_bytes())
    for page in range(1, len(raw) // 4096):  # scribble over every page but the header
        raw[page * 4096 + 8 : page * 4096 + 300] = b"\xff" * 292
    db.write_bytes(bytes(raw))
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    assert main(["--data-dir", str(initialised), "check"]) == 1


def test_a_copied_data_directory_is_a_working_installation(
    initialised: Path, tmp_path: Path
) -> None:
    assert main(["--data-dir", str(initialised), "demo", "--people", "30"]) == 0
    moved = tmp_path / "usb-stick" / "AFC"
    shutil.copytree(initialised, moved)
    shutil.rmtree(initialised)
    env_run = afc("--data-dir", str(moved), "--json", "search", "梅巷新村")
    assert env_run.returncode == 0, env_run.stderr
    assert json.loads(env_run.stdout)["total"] > 0  # demo addresses are in 梅巷新村
