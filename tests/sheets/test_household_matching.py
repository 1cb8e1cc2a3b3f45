"""One door, one household: the import and the household form match addresses on their parts;
unsure matches are asked about, and a worker merges or splits households."""

from __future__ import annotations

import json

import openpyxl
import pytest
from sqlalchemy import func, select

from afc_desktop.domain.idcard import check_digit
from afc_desktop.services import households, register
from afc_desktop.services.context import ServiceError
from afc_desktop.services.importer import ImportSource, commit_import, preview_import
from afc_desktop.services.register import HouseholdInput, PersonInput, register_person
from afc_desktop.store.models import Household, Person

# Eight couples, each spelled two ways as ledgers do (the list of variants).
COUPLES = [
    ("香溪花园3幢1单元501室", "香溪花园3-1-501"),
    ("香溪花园3栋1单元502", "香溪花园3幢1单元502室"),
    ("香溪花园3号楼2单元501室", "香溪花园3幢2单元501室"),
    ("香溪花园４幢１单元１０１室", "香溪花园4幢1单元101室"),
    ("香溪花园 5幢 1单元 201室", "香溪花园5幢1单元201室"),
    ("苏州市姑苏区香溪花园6幢1单元301室", "香溪花园6幢1单元301室"),
    ("陈家浜五组18号", "陈家浜5组18号"),
    ("陈家浜5组19", "陈家浜5组19号"),
]


def _id(n: int, sex: int) -> str:
    first = f"320508194501{n + 1:02d}{10 + sex}{n % 10}"[:17]
    return first + check_digit(first)


def _ledger(tmp_path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号", "现住址"])
    for row in rows:
        ws.append(row)
    path = tmp_path / "couples.xlsx"
    wb.save(path)
    return path


def _count(ctx, model) -> int:
    with ctx.session() as s:
        return s.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False)))


def test_eight_couples_however_spelled_make_eight_households(ctx, tmp_path):
    rows = []
    for n, (one, other) in enumerate(COUPLES):
        rows.append([f"夫{n}", _id(n, 1), one])
        rows.append([f"妻{n}", _id(n, 2), other])
    path = _ledger(tmp_path, rows)
    plan = preview_import(ctx, ImportSource(path))
    assert plan.clean and plan.address_questions == []
    commit_import(ctx, ImportSource(path))
    assert _count(ctx, Household) == 8
    with ctx.session() as s:
        sizes = s.execute(
            select(func.count()).select_from(Person).group_by(Person.household_id)
        ).all()
    assert sorted(n for (n,) in sizes) == [2] * 8
    # and a later ledger with another spelling joins the same households
    path2 = tmp_path / "more.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "身份证号", "现住址"])
    wb.active.append(["子0", _id(20, 1), "香溪花园3栋1单元501"])
    wb.save(path2)
    commit_import(ctx, ImportSource(path2))
    assert _count(ctx, Household) == 8


def test_an_unsure_address_is_asked_about_not_merged(ctx, tmp_path):
    path = _ledger(
        tmp_path,
        [
            ["夫0", _id(0, 1), "香溪花园3幢1单元501室"],
            ["妻0", _id(0, 2), "香溪花园3幢501室"],  # unit missing: maybe the same door
            ["夫1", _id(1, 1), "香溪花园3幢2单元501室"],  # another door
        ],
    )
    plan = preview_import(ctx, ImportSource(path))
    first, second = plan.address_questions
    assert (first.row, first.address) == (3, "香溪花园3幢501室") and "单元" in first.reason
    assert first.candidates == ("香溪花园3幢1单元501室",)
    assert second.address == "香溪花园3幢2单元501室" and second.candidates == ("香溪花园3幢501室",)
    assert "待确认" in plan.summary()
    commit_import(ctx, ImportSource(path))
    assert _count(ctx, Household) == 3
    groups = households.possible_duplicates(ctx)
    assert [g.verdict for g in groups] == ["maybe"]
    assert {h.address_text for h in groups[0].households} == {
        "香溪花园3幢1单元501室",
        "香溪花园3幢501室",
        "香溪花园3幢2单元501室",
    }


def test_entry_finds_the_household_of_a_door_typed_another_way(ctx):
    home = register.create_household(
        ctx, HouseholdInput(estate="香溪花园", building="3", unit="1", room="501")
    )
    match = households.match_address(
        ctx, HouseholdInput(estate="香溪花园", building="３幢", unit="一单元", room="0501室")
    )
    assert [h.id for h in match.same] == [home.id] and match.maybe == ()
    unsure = households.match_address(
        ctx, HouseholdInput(estate="香溪花园", building="3", room="501")
    )
    assert unsure.same == () and [h.id for h in unsure.maybe] == [home.id]
    assert "单元" in unsure.reason
    other = households.match_address(ctx, "香溪花园3幢1单元502室")
    assert other.same == () and other.maybe == ()


def test_merge_moves_members_and_split_makes_another_door(ctx):
    a = register.create_household(
        ctx, HouseholdInput(estate="香溪花园", building="3", unit="1", room="501")
    )
    b = register.create_household(ctx, HouseholdInput(estate="香溪花园", building="3", room="501"))
    wife = register_person(ctx, PersonInput(name="沈萍", id_number=_id(1, 2), household_id=a.id))
    husband = register_person(
        ctx, PersonInput(name="何凤鸣", id_number=_id(1, 1), household_id=b.id)
    )
    kept = households.merge_households(ctx, a.id, [b.id])
    assert kept.member_count == 2
    assert register.get_person(ctx, husband.id).household.id == a.id
    with pytest.raises(ServiceError, match="找不到该家庭"):
        register.get_household(ctx, b.id)
    assert households.possible_duplicates(ctx) == []
    with pytest.raises(ServiceError, match="同一户"):
        households.split_household(
            ctx,
            a.id,
            [husband.id],
            HouseholdInput(estate="香溪花园", building="3幢", unit="1", room="501"),
        )
    new = households.split_household(
        ctx,
        a.id,
        [husband.id],
        HouseholdInput(estate="香溪花园", building="3", unit="1", room="502"),
    )
    assert new.address_text == "香溪花园3幢1单元502室" and new.member_count == 1
    assert register.get_person(ctx, wife.id).household.id == a.id
    with pytest.raises(ServiceError, match="至少留一位"):
        households.split_household(
            ctx,
            a.id,
            [wife.id],
            HouseholdInput(estate="香溪花园", building="9", unit="1", room="1"),
        )


UNSURE_ROWS = [
    ["夫0", _id(0, 1), "香溪花园3幢1单元501室"],
    ["妻0", _id(0, 2), "香溪花园3幢501室"],  # unit missing: maybe the same door
    ["夫1", _id(1, 1), "香溪花园3幢2单元501室"],
]


def test_the_cli_preview_lists_each_unclear_door_with_its_row_and_reason(
    set_up_dir, tmp_path, capsys
):
    from afc_desktop.cli import main

    path = _ledger(tmp_path, UNSURE_ROWS)
    args = ["import-excel", str(path), "--dry-run", "--data-dir", str(set_up_dir.root)]
    assert main([*args, "--json"]) == 0
    questions = json.loads(capsys.readouterr().out)["address_questions"]
    assert [(q["row"], q["address"], q["candidates"]) for q in questions] == [
        (3, "香溪花园3幢501室", ["香溪花园3幢1单元501室"]),
        (4, "香溪花园3幢2单元501室", ["香溪花园3幢501室"]),
    ]
    assert "单元" in questions[0]["reason"]
    assert main(args) == 0
    text = capsys.readouterr().out
    assert "第3行 香溪花园3幢501室：" in text and "可能与 香溪花园3幢1单元501室 同一户" in text


def test_the_import_wizard_lists_unclear_doors_in_their_own_tab(qtbot, ctx, tmp_path):
    from afc_desktop.ui.dialogs.import_dialog import ImportDialog

    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.choose_file(_ledger(tmp_path, UNSURE_ROWS))
    dialog.go_next()
    with qtbot.waitSignal(dialog.run_preview().sig_finished, timeout=20000):
        pass
    table = dialog.address_table
    assert dialog.tabs.currentWidget() is table  # nothing else to fix: the questions show
    assert dialog.tabs.tabText(dialog.tabs.indexOf(table)) == "地址待确认（2）"
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert rows[0][:3] == ["3", "香溪花园3幢501室", "香溪花园3幢1单元501室"]
    assert "单元" in rows[0][3]
    assert rows[1][:2] == ["4", "香溪花园3幢2单元501室"]
