"""Ordinary mistakes on the command line: one plain line on stderr, a non-zero exit, no
traceback, no "内部错误", and the data exactly as it was (issue: field-ready CLI)."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from afc_desktop.paths import DataDir
from afc_desktop.services import keyring
from afc_desktop.sheets import limits
from afc_desktop.store import cipher


def run(module: str, *args: str, wrap: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "AFC_DATA_DIR": "", "AFC_DISTRICT_HOME": ""}
    env.pop("AFC_DISTRICT_PASSPHRASE", None)
    return subprocess.run(
        [*(wrap or []), sys.executable, "-m", module, *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=180,
    )


def afc(
    data_dir: Path, *args: str, wrap: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    return run("afc_desktop", "--data-dir", str(data_dir), *args, wrap=wrap)


def district(*args: str) -> subprocess.CompletedProcess[str]:
    return run("afc_desktop.district.cli", *args)


def assert_one_plain_line(done: subprocess.CompletedProcess[str], prog: str = "afc") -> str:
    assert done.returncode != 0, done.stdout
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    line = lines[0]
    assert line.startswith(f"{prog}: ")
    for bad in ("Traceback", "内部错误", "Error", "SQL", "sqlalche.me"):
        assert bad not in line, line
    assert any("\u4e00" <= ch <= "\u9fff" for ch in line)
    return line


ADMIN_USER = "admin"  # the template administrator of tests/conftest.py
ADMIN_PASSWORD = "admin-pass-1"


def fingerprint(data_dir: DataDir) -> str:
    """The database's content (not its bytes: opening may checkpoint the WAL), leaving out
    what logging in changes (the ``login`` audit entry, ``last_login_at``)."""
    key = keyring.unlock_with_password(data_dir, ADMIN_USER, ADMIN_PASSWORD).key
    digest = hashlib.sha256()
    with cipher.opened(data_dir.db_path, key) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
            )
        ]
        for table in tables:
            query = f'SELECT * FROM "{table}"'
            if table == "audit_event":  # the command's own log-in is recorded; nothing else
                query = "SELECT * FROM audit_event WHERE action != 'login'"
            elif table == "user_account":
                query = "SELECT id, username, role, active FROM user_account"
            rows = sorted(repr(r) for r in conn.execute(query))
            digest.update(f"{table}:{len(rows)}:{''.join(rows)}".encode())
    return digest.hexdigest()


@pytest.fixture
def site(set_up_dir: DataDir) -> DataDir:
    return set_up_dir


def test_export_into_a_missing_folder(site: DataDir, tmp_path: Path) -> None:
    before = fingerprint(site)
    out = tmp_path / "no-such-folder" / "x.xlsx"
    line = assert_one_plain_line(afc(site.root, "export-excel", "register", "--out", str(out)))
    assert "文件夹不存在" in line
    assert not out.parent.exists()
    assert fingerprint(site) == before


def test_import_report_into_a_missing_folder(site: DataDir, tmp_path: Path) -> None:
    template = tmp_path / "t.xlsx"
    assert afc(site.root, "export-excel", "template", "--out", str(template)).returncode == 0
    before = fingerprint(site)
    report = tmp_path / "missing" / "r.xlsx"
    line = assert_one_plain_line(
        afc(site.root, "import-excel", str(template), "--report", str(report))
    )
    assert "文件夹不存在" in line
    assert fingerprint(site) == before


def _without_root_powers() -> list[str] | None:
    """A prefix that makes root obey file permissions (None: cannot, the test is skipped)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    caps = "-dac_override,-dac_read_search"
    return [setpriv, "--bounding-set", caps, "--inh-caps", caps, "--"]


def test_check_on_a_read_only_data_dir_does_not_say_damaged(site: DataDir) -> None:
    wrap = _without_root_powers()
    if wrap is None:
        pytest.skip("running as root without setpriv: permissions cannot be enforced")
    before = fingerprint(site)
    modes = {p: p.stat().st_mode for p in [site.root, *site.root.rglob("*")]}
    try:
        for p in modes:
            p.chmod(stat.S_IMODE(modes[p]) & ~0o222)
        done = afc(site.root, "check", wrap=wrap)
        line = assert_one_plain_line(done)
        assert "只读" in line
        assert "损坏" not in done.stdout
        assert "数据库：正常" in done.stdout  # it was read and checked all the same
        opened = afc(site.root, "search", "王", wrap=wrap)
        assert "只读" in assert_one_plain_line(opened)
    finally:
        for p, mode in modes.items():
            p.chmod(stat.S_IMODE(mode))
    assert fingerprint(site) == before


def test_restore_refuses_a_district_database(site: DataDir, tmp_path: Path) -> None:
    home = tmp_path / "hub"
    secret = tmp_path / "pp"
    secret.write_text("district-pass", encoding="utf-8")
    made = district(
        "init", "--data-dir", str(home), "--passphrase-file", str(secret), "--code", "320508"
    )
    assert made.returncode == 0, made.stderr
    before = fingerprint(site)
    line = assert_one_plain_line(afc(site.root, "restore", str(home / "district.sqlite3")))
    assert "不能恢复" in line and "区级汇总库" in line
    assert fingerprint(site) == before
    assert not list(site.backups_dir.glob("pre-restore-*"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a FIFO to stand for a device")
def test_export_refuses_a_device_file(site: DataDir, tmp_path: Path) -> None:
    # A FIFO stands for /dev/null: not a regular file; the old rename replaced it with one.
    device = tmp_path / "device.xlsx"
    os.mkfifo(device)
    before = fingerprint(site)
    line = assert_one_plain_line(afc(site.root, "export-excel", "register", "--out", str(device)))
    assert "不是普通文件" in line
    assert stat.S_ISFIFO(device.stat().st_mode)
    assert fingerprint(site) == before


def test_export_refuses_a_folder_as_out(site: DataDir, tmp_path: Path) -> None:
    folder = tmp_path / "exports.xlsx"
    folder.mkdir()
    before = fingerprint(site)
    line = assert_one_plain_line(afc(site.root, "export-excel", "register", "--out", str(folder)))
    assert "文件夹" in line
    assert folder.is_dir() and not any(folder.iterdir())
    assert fingerprint(site) == before


def test_data_dir_naming_a_file(tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder", encoding="utf-8")
    for args in (["search", "王"], ["check"], ["backup"]):
        line = assert_one_plain_line(afc(a_file, *args))
        assert "是一个文件" in line
    assert a_file.read_text(encoding="utf-8") == "not a folder"


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_district_postgres_url_that_does_not_connect(tmp_path: Path) -> None:
    url = f"postgresql://afc:secret-pw@127.0.0.1:{_closed_port()}/hub"
    line = assert_one_plain_line(
        district("status", "--data-dir", str(tmp_path), "--db", url), prog="afc-district"
    )
    assert "无法连接数据库服务器" in line
    assert "secret-pw" not in line


def _xlsx_with_values_at(path: Path, refs: list[str]) -> None:
    """A minimal .xlsx with the number 1 in each cell of ``refs`` (a few hundred bytes)."""
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    rows = "".join(
        f'<row r="{ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}"><c r="{ref}"><v>1</v></c></row>'
        for ref in refs
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxml'
            'formats-package.relationships+xml"/><Default Extension="xml" ContentType='
            '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application'
            '/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
            'PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/officeDocument"'
            ' Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{ns}" xmlns:r="{rel}"><sheets><sheet name="底册" sheetId="1" '
            'r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>',
        )
        z.writestr(
            "xl/worksheets/sheet1.xml",
            f'<worksheet xmlns="{ns}"><dimension ref="A1:XFD1048576"/><sheetData>{rows}'
            "</sheetData></worksheet>",
        )


def test_spreadsheet_declaring_a_huge_range_is_refused_up_front(
    site: DataDir, tmp_path: Path
) -> None:
    # Two cells at opposite corners: calamine would allocate 17 billion cells.
    huge = tmp_path / "huge.xlsx"
    _xlsx_with_values_at(huge, ["A1", "XFD1048576"])
    before = fingerprint(site)
    line = assert_one_plain_line(afc(site.root, "import-excel", str(huge), "--dry-run"))
    assert "200,000" in line
    assert fingerprint(site) == before


def test_spreadsheet_limits_rows_columns_and_stray_cells(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    _xlsx_with_values_at(path, ["A1", f"A{limits.MAX_ROWS + 1}"])
    with pytest.raises(limits.SheetTooLarge, match="行"):
        limits.scan_xlsx(path, "底册")
    _xlsx_with_values_at(path, ["A1", "IW2"])  # column 257
    with pytest.raises(limits.SheetTooLarge, match="列"):
        limits.scan_xlsx(path, "底册")
    _xlsx_with_values_at(path, ["A1", "Z100000"])  # 2.6 million cells of range for two values
    with pytest.raises(limits.SheetTooLarge, match="远大于实际填写"):
        limits.scan_xlsx(path, "底册")
    _xlsx_with_values_at(path, ["A1", "T5000"])  # an ordinary register's shape passes
    used = limits.scan_xlsx(path, "底册")
    assert used is not None and (used.rows, used.columns, used.filled) == (5000, 20, 2)


def test_district_takes_options_before_the_command(tmp_path: Path) -> None:
    home = tmp_path / "hub"
    secret = tmp_path / "pp"
    secret.write_text("district-pass", encoding="utf-8")
    made = district(
        "--data-dir", str(home), "--passphrase-file", str(secret), "init", "--code", "320508"
    )
    assert made.returncode == 0, made.stderr
    assert (home / "district.json").exists() and (home / "keys").is_dir()
    assert (home / "logs" / "afc-district.log").exists()
    status = district("--home", str(home), "--passphrase-file", str(secret), "--json", "status")
    assert status.returncode == 0, status.stderr
    assert status.stdout.strip() == "[]"
    after = district("status", "--home", str(home), "--json", "--passphrase-file", str(secret))
    assert after.stdout == status.stdout


def test_district_data_dir_naming_a_file(tmp_path: Path) -> None:
    a_file = tmp_path / "hub.txt"
    a_file.write_text("x", encoding="utf-8")
    line = assert_one_plain_line(district("--data-dir", str(a_file), "status"), prog="afc-district")
    assert "是一个文件" in line
