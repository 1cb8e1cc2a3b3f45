"""Views learn what changed (issue 10.3): a write anywhere refreshes the pages that show it.

An import run the way the wizard runs it (a background job committing on a worker thread)
must reach the register list and the 统计 tiles with nobody pressing 刷新; a page hidden at the
time catches up when it is shown; a rolled-back write announces nothing.
"""

from __future__ import annotations

import gc
from datetime import date

import openpyxl
import pytest

from afc_desktop.domain.idcard import check_digit
from afc_desktop.services.importer import ImportSource, commit_import
from afc_desktop.services.register import PersonInput, register_person
from afc_desktop.store.op_changes import OpChanges
from afc_desktop.ui.jobs import Job
from afc_desktop.ui.main_window import MainWindow


def _id(birth: str, seq: str) -> str:
    first = "320508" + birth + seq
    return first + check_digit(first)


def _ledger(tmp_path, n: int):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号", "现住址"])
    for i in range(n):
        ws.append([f"导入{i}号", _id(f"19{40 + i:02d}0305", f"{i:03d}"), f"平江新村{i + 1}幢101室"])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    return path


@pytest.fixture
def window(qtbot, ctx):
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1366, 728)
    w.show()
    qtbot.waitExposed(w)
    return w


def _import_in_background(qtbot, ctx, path) -> None:
    job = Job(lambda _control: commit_import(ctx, ImportSource(path)))
    with qtbot.waitSignal(job.sig_finished, timeout=30_000):
        job.start()


def test_an_import_shows_in_the_register_and_overview_without_refresh(qtbot, ctx, tmp_path):
    register_person(ctx, PersonInput(name="张秀英", birth_date=date(1940, 3, 2), sex="F"))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    register = window.page("register")
    qtbot.waitUntil(lambda: register.model.rowCount() == 1, timeout=10_000)
    overview = window.show_area("overview")
    qtbot.waitUntil(lambda: overview.tile_elders.value.text() == "1", timeout=20_000)
    gc.collect()

    _import_in_background(qtbot, ctx, _ledger(tmp_path, 3))
    gc.collect()
    # the overview is on screen: it recomputes at once
    qtbot.waitUntil(lambda: overview.tile_elders.value.text() == "4", timeout=20_000)
    # the register was hidden: it catches up when shown, with no 刷新 pressed
    window.show_area("register")
    qtbot.waitUntil(lambda: register.model.rowCount() == 4, timeout=10_000)
    assert "共 4 人" in register.count_label.text()


def test_a_visible_register_follows_a_write_made_elsewhere(qtbot, window, ctx):
    register = window.show_area("register")  # 今天 is the first page; the register is shown
    qtbot.waitUntil(lambda: "共 0 人" in register.count_label.text(), timeout=10_000)
    register_person(ctx, PersonInput(name="李根娣", birth_date=date(1950, 6, 1), sex="F"))
    qtbot.waitUntil(lambda: register.model.rowCount() == 1, timeout=10_000)


def test_commits_announce_their_tables_and_rollbacks_nothing(ctx):
    heard: list[OpChanges] = []
    ctx.db.subscribe(heard.append)
    person = register_person(ctx, PersonInput(name="王小妹", birth_date=date(1960, 5, 1), sex="F"))
    assert heard and heard[-1].touches("person")
    assert person.id in heard[-1].record_ids
    count = len(heard)
    with pytest.raises(RuntimeError), ctx.session() as s:
        from afc_desktop.store.models import Person

        s.get(Person, person.id).name = "改名"
        s.flush()
        raise RuntimeError("abandon")
    assert len(heard) == count  # nothing committed, nothing announced
    with ctx.session() as s:  # a read announces nothing either
        s.get(Person, person.id)
    assert len(heard) == count
