"""Issue 16: no ``afc`` command acts without the acting user's password."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from afc_desktop.cli import main
from afc_desktop.paths import DataDir
from afc_desktop.services import keyring

ADMIN_PASSWORD = "admin-pass-1"


def afc(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``afc`` in a subprocess with no password in its environment and no terminal."""
    env = {k: v for k, v in os.environ.items() if k not in ("AFC_PASSWORD_FILE", "AFC_USER")}
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "afc_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_without_a_password_no_command_acts(set_up_dir: DataDir, tmp_path: Path) -> None:
    base = ("--data-dir", str(set_up_dir.root))
    secret = tmp_path / "mallory"
    secret.write_text("mallory-pass-1\n", encoding="utf-8")
    for command in (
        ("search", "王"),
        ("--as", "admin", "user-add", "mallory", "--role", "admin",
         "--new-password-file", str(secret)),
        ("--as", "admin", "export-excel", "register", "--out", str(tmp_path / "x.xlsx"),
         "--full-ids"),
        ("backup",),
        ("check",),
    ):  # fmt: skip
        done = afc(*base, *command)
        assert done.returncode == 2, (command, done.stderr)
        assert "需要密码" in done.stderr and "Traceback" not in done.stderr
        assert done.stderr.count("\n") == 1
    assert not list(tmp_path.glob("*.xlsx"))
    assert not list(set_up_dir.backups_dir.glob("*.sqlite3"))


def test_a_wrong_password_is_refused_and_counted(set_up_dir: DataDir, tmp_path: Path) -> None:
    wrong = tmp_path / "wrong"
    wrong.write_text("guess-1\n", encoding="utf-8")
    done = afc("--data-dir", str(set_up_dir.root), "--password-file", str(wrong), "search", "王")
    assert done.returncode == 1
    assert done.stderr.strip() == "afc: 用户名或密码错误"
    assert keyring.failures(set_up_dir, "admin") == 1


def test_the_right_password_acts_as_that_user(
    set_up_dir: DataDir, tmp_path: Path, admin_password_file: Path
) -> None:
    worker_pw = tmp_path / "li"
    worker_pw.write_text("li-pass-22\n", encoding="utf-8")
    base = ["--data-dir", str(set_up_dir.root)]
    made = afc(*base, "--as", "admin", "--password-file", str(admin_password_file), "user-add",
               "li", "--new-password-file", str(worker_pw))  # fmt: skip
    assert made.returncode == 0, made.stderr
    # the worker, through the environment, with the password file of their own
    done = afc(
        *base, "--json", "search", "王",
        env_extra={"AFC_USER": "li", "AFC_PASSWORD_FILE": str(worker_pw)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    # a worker may not export full ID numbers (admin only, and audited when an admin does)
    refused = afc(*base, "--as", "li", "--password-file", str(worker_pw), "export-excel",
                  "register", "--out", str(tmp_path / "full.xlsx"), "--full-ids")  # fmt: skip
    assert refused.returncode == 1 and "管理员" in refused.stderr


def test_the_recovery_key_sets_a_new_password(tmp_path: Path, capsys, monkeypatch) -> None:
    pw = tmp_path / "pw"
    pw.write_text("first-pass-1\n", encoding="utf-8")
    root = tmp_path / "data"
    assert main(["--data-dir", str(root), "--json", "init", "--community-code", "320508",
                 "--community-name", "梅巷社区", "--admin", "boss",
                 "--password-file", str(pw)]) == 0  # fmt: skip
    recovery = json.loads(capsys.readouterr().out)["recovery_key"]
    assert len(recovery) == 39
    keyring.forget_all()
    monkeypatch.delenv("AFC_PASSWORD_FILE")
    rk = tmp_path / "rk"
    rk.write_text(recovery + "\n", encoding="utf-8")
    new = tmp_path / "new"
    new.write_text("second-pass-2\n", encoding="utf-8")
    assert main(["--data-dir", str(root), "recover", "--recovery-key-file", str(rk),
                 "--user", "boss", "--new-password-file", str(new)]) == 0  # fmt: skip
    keyring.forget_all()
    done = afc("--data-dir", str(root), "--password-file", str(new), "--json", "search", "x")
    assert done.returncode == 0, done.stderr
    old = afc("--data-dir", str(root), "--password-file", str(pw), "search", "x")
    assert old.returncode == 1


@pytest.mark.parametrize("failures", [5])
def test_an_admin_unlocks_a_locked_user(
    set_up_dir: DataDir, tmp_path: Path, admin_password_file: Path, failures: int
) -> None:
    worker_pw = tmp_path / "li"
    worker_pw.write_text("li-pass-22\n", encoding="utf-8")
    base = ["--data-dir", str(set_up_dir.root)]
    assert main([*base, "user-add", "li", "--new-password-file", str(worker_pw)]) == 0
    wrong = tmp_path / "wrong"
    wrong.write_text("nope-nope\n", encoding="utf-8")
    for _ in range(failures):
        afc(*base, "--as", "li", "--password-file", str(wrong), "search", "x")
    locked = afc(*base, "--as", "li", "--password-file", str(worker_pw), "search", "x")
    assert locked.returncode == 1 and "已暂时锁定" in locked.stderr
    assert main([*base, "user-unlock", "li"]) == 0
    again = afc(*base, "--as", "li", "--password-file", str(worker_pw), "search", "x")
    assert again.returncode == 0, again.stderr
