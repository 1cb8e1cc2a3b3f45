"""``afc import-excel`` / ``afc export-excel``, and an import killed half-way (SIGKILL)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from afc_desktop.cli import main
from afc_desktop.domain.idcard import check_digit
from afc_desktop.services.context import open_app
from afc_desktop.store.models import ChangeEvent, Person


def make_id(birth: str, seq: str, area: str = "320508") -> str:
    first = area + birth + seq
    return first + check_digit(first)


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out = capsys.readouterr()
    return status, out.out, out.err


def _people(data_dir) -> int:
    ctx = open_app(data_dir)
    try:
        with ctx.db.session() as s:
            return s.scalar(select(func.count()).select_from(Person))
    finally:
        ctx.db.dispose()


def test_import_excel_dry_run_json_lists_counts_and_every_error(set_up_dir, messy_xlsx, capsys):
    status, out, _err = _run(
        capsys,
        "import-excel",
        str(messy_xlsx),
        "--dry-run",
        "--json",
        "--data-dir",
        str(set_up_dir.root),
    )
    assert status == 0
    data = json.loads(out)
    assert data["counts"] == {"new": 3, "updated": 0, "unchanged": 0, "duplicate": 0, "error": 7}
    assert data["mapping_source"] == "suggested"
    assert data["mapping"]["紧急联系人/电话"] == "emergency_phone"
    assert {k: data["errors"][0][k] for k in ("row", "column")} == {
        "row": 8,
        "column": "D列“身份证号”",
    }
    assert all(set(e) == {"row", "column", "reason"} for e in data["errors"])
    assert not data["imported"]
    assert _people(set_up_dir) == 0


def test_import_excel_text_says_which_mapping_and_refuses_errors(
    set_up_dir, messy_xlsx, tmp_path, capsys
):
    report = tmp_path / "report.xlsx"
    status, out, err = _run(
        capsys,
        "import-excel",
        str(messy_xlsx),
        "--report",
        str(report),
        "--data-dir",
        str(set_up_dir.root),
    )
    assert status == 1
    assert "只导入无误的行" in err
    assert report.exists()  # the report is written even when the import is refused
    assert _people(set_up_dir) == 0
    status, out, err = _run(
        capsys, "import-excel", str(messy_xlsx), "--valid-only", "--data-dir", str(set_up_dir.root)
    )
    assert status == 0, err
    assert "使用自动识别的列对应" in out and "B列“姓名”→姓名" in out
    assert "已导入：新增 3 人" in out
    assert "第8行 D列“身份证号”" in out
    assert _people(set_up_dir) == 3


def test_import_excel_with_a_saved_mapping(set_up_dir, tmp_path, capsys):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["名", "证", "备注"])
    ws.append(["王小明", make_id("19420305", "011"), "x"])
    path = tmp_path / "odd.xlsx"
    wb.save(path)
    mapping = tmp_path / "m.json"
    mapping.write_text(
        json.dumps(
            {
                "format": "afc-column-mapping",
                "version": 1,
                "columns": [
                    {"header": "名", "field": "name"},
                    {"header": "证", "field": "id_number"},
                ],
            }
        ),
        encoding="utf-8",
    )
    status, out, err = _run(
        capsys,
        "import-excel",
        str(path),
        "--mapping",
        str(mapping),
        "--data-dir",
        str(set_up_dir.root),
    )
    assert status == 0, err
    assert "使用列对应文件 m.json" in out
    assert _people(set_up_dir) == 1


def test_export_excel_template_and_register(set_up_dir, tmp_path, capsys):
    tpl = tmp_path / "模板.xlsx"
    status, out, _ = _run(
        capsys, "export-excel", "template", "--out", str(tpl), "--data-dir", str(set_up_dir.root)
    )
    assert status == 0 and tpl.exists()
    reg = tmp_path / "底册.xlsx"
    status, out, _ = _run(
        capsys,
        "export-excel",
        "register",
        "--out",
        str(reg),
        "--json",
        "--data-dir",
        str(set_up_dir.root),
    )
    assert status == 0 and json.loads(out)["rows"] == 0
    assert openpyxl.load_workbook(reg).active["A1"].value == "姓名"


KILL_SCRIPT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from afc_desktop.paths import DataDir
    from afc_desktop.services.context import CurrentUser, open_app
    from afc_desktop.services.importer import ImportSource, commit_import
    from afc_desktop.store.models import User

    ctx = open_app(DataDir(Path(sys.argv[1])))
    with ctx.db.session() as s:
        u = s.query(User).filter(User.role == "admin").first()
        ctx.user = CurrentUser(u.id, u.username, u.display_name, u.role)

    def progress(stage, done, total):
        print(stage, done, total, flush=True)
        if stage == "写入":
            time.sleep(0.5)  # a window for the parent to kill us with rows flushed, uncommitted

    commit_import(ctx, ImportSource(Path(sys.argv[2])), progress=progress)
    print("DONE", flush=True)
    """
)


@pytest.mark.slow
def test_import_killed_half_way_leaves_the_register_unchanged(set_up_dir, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号", "现住址"])
    for i in range(3000):
        birth = f"{date(1935, 1, 1) + timedelta(days=i):%Y%m%d}"
        ws.append([f"老人{i}", make_id(birth, "001"), f"香溪花园{i % 40}幢{i % 3 + 1}单元{i}室"])
    ledger = tmp_path / "big.xlsx"
    wb.save(ledger)
    ctx = open_app(set_up_dir)
    with ctx.db.session() as s:
        events_before = s.scalar(select(func.count()).select_from(ChangeEvent))
    ctx.db.dispose()

    script = tmp_path / "run_import.py"
    script.write_text(KILL_SCRIPT, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    proc = subprocess.Popen(
        [sys.executable, str(script), str(set_up_dir.root), str(ledger)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    written = 0
    for line in proc.stdout:
        stage, done, total = line.split()
        if stage == "写入" and int(done) >= int(total) // 2:
            written = int(done)
            break
    else:
        proc.wait()
        pytest.fail(f"import ended before it could be killed: {proc.stderr.read()}")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert written >= 1500  # half of the rows had been written (flushed) when it died

    ctx = open_app(set_up_dir)
    try:
        assert ctx.db.integrity_check() == []
        with ctx.db.session() as s:
            assert s.scalar(select(func.count()).select_from(Person)) == 0
            assert s.scalar(select(func.count()).select_from(ChangeEvent)) == events_before
    finally:
        ctx.db.dispose()
    # the backup made before the import is there
    assert list(set_up_dir.backups_dir.glob("pre-import-*.sqlite3"))
