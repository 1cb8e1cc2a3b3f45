"""Importing a ledger into the register: dry run, commit all or valid rows, updates, cancel."""

from __future__ import annotations

from datetime import date, timedelta

import openpyxl
import pytest
from sqlalchemy import func, select

from afc_desktop.domain.idcard import check_digit
from afc_desktop.services.context import ServiceError
from afc_desktop.services.exporter import export_register
from afc_desktop.services.importer import (
    ImportCancelled,
    ImportSource,
    commit_import,
    list_receipts,
    preview_import,
    save_error_report,
)
from afc_desktop.services.register import (
    EmergencyContact,
    PersonInput,
    PersonQuery,
    get_person,
    register_person,
    search_person_ids,
)
from afc_desktop.store.models import ChangeEvent, Household, Person


def make_id(birth: str, seq: str, area: str = "320508") -> str:
    first = area + birth + seq
    return first + check_digit(first)


ID_A = make_id("19420305", "011")
ID_B = make_id("19380712", "022")
ID_D = make_id("19501120", "044")


def _count(ctx, model) -> int:
    with ctx.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def _ledger(tmp_path, rows, name="ledger.xlsx"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(
        [
            "姓名",
            "身份证号",
            "出生日期",
            "联系电话",
            "现住址",
            "人员类别",
            "紧急联系人",
            "紧急联系人电话",
        ]
    )
    for row in rows:
        ws.append(row)
    path = tmp_path / name
    wb.save(path)
    return path


def test_dry_run_of_the_messy_ledger_writes_nothing(ctx, messy_xlsx):
    before = _count(ctx, ChangeEvent)
    plan = preview_import(ctx, ImportSource(messy_xlsx))
    assert plan.counts() == {"new": 3, "updated": 0, "unchanged": 0, "duplicate": 0, "error": 7}
    assert [n.name for n in plan.new] == ["王小明", "李秀英", "钱五"]
    assert plan.new[0].id_masked == ID_A[:4] + "*" * 10 + ID_A[-4:]
    by_row = {e.row: e for e in plan.errors}
    assert by_row[8].column == "D列“身份证号”" and "丢失" in by_row[8].reason
    assert (plan.skipped_notes, plan.skipped_footers) == (1, 1)
    assert "表尾签名行 1 行" in plan.summary()
    assert _count(ctx, Person) == 0 and _count(ctx, ChangeEvent) == before


def test_import_all_is_refused_while_rows_have_errors(ctx, messy_xlsx):
    with pytest.raises(ServiceError, match="有 7 行错误.*只导入无误的行"):
        commit_import(ctx, ImportSource(messy_xlsx))
    assert _count(ctx, Person) == 0


def test_valid_only_imports_the_good_rows_in_one_transaction(ctx, messy_xlsx):
    plan = preview_import(ctx, ImportSource(messy_xlsx))
    before_events = _count(ctx, ChangeEvent)
    result = commit_import(
        ctx, ImportSource(messy_xlsx), valid_only=True, expected_sha256=plan.sha256
    )
    assert result.written_rows == 3
    assert _count(ctx, Person) == 3
    # each new person is in the change log, attributed to the importing user
    with ctx.session() as s:
        events = s.scalars(
            select(ChangeEvent).where(ChangeEvent.seq > 0, ChangeEvent.table_name == "person")
        ).all()
        assert len(events) == 3 and all(e.actor == ctx.user.id for e in events)
        wang = s.scalar(select(Person).where(Person.id_number == ID_A))
        assert wang.categories == ["alone", "dibao"]
        assert wang.emergency_contacts == [{"name": "王大", "relation": "", "phone": "13900000001"}]
        home = s.get(Household, wang.household_id)
        assert home.address_text == "平江新村1幢2单元301室"
        assert (home.estate, home.building, home.unit, home.room) == ("平江新村", "1", "2", "301")
    assert _count(ctx, ChangeEvent) > before_events
    # a backup of the database was made first, and the receipt names the file
    assert list(ctx.data_dir.backups_dir.glob("pre-import-*.sqlite3"))
    receipt = list_receipts(ctx)[0]
    assert receipt.file_name == "台账.xlsx" and receipt.sha256 == plan.sha256
    assert receipt.counts["new"] == 3 and receipt.counts["error"] == 7 and receipt.valid_only
    # people are searchable at once (derived search text includes the address)
    assert search_person_ids(ctx, PersonQuery(text="平江新村"))


def test_changed_file_after_preview_is_refused(ctx, tmp_path):
    path = _ledger(tmp_path, [["王小明", ID_A]])
    plan = preview_import(ctx, ImportSource(path))
    _ledger(tmp_path, [["王小明", ID_A], ["李秀英", ID_B]])
    with pytest.raises(ServiceError, match="被修改过"):
        commit_import(ctx, ImportSource(path), expected_sha256=plan.sha256)


def test_updates_match_by_id_then_name_and_birth_date_side_by_side(ctx, tmp_path):
    a = register_person(
        ctx,
        PersonInput(
            name="王小明",
            id_number=ID_A,
            phone="13800000000",
            emergency_contacts=(EmergencyContact("王大", "儿子", "13900000001"),),
        ),
    )
    b = register_person(ctx, PersonInput(name="李秀英", birth_date=date(1938, 7, 12)))
    c = register_person(ctx, PersonInput(name="钱五", id_number=ID_D, phone="13811112222"))
    path = _ledger(
        tmp_path,
        [
            ["王小明", ID_A, None, "13812345678", None, "独居", "王大", "13911112222"],
            ["李秀英", ID_B, "1938-07-12", None, None, None, None, None],
            ["钱五", ID_D, None, "13811112222", None, None, None, None],
            ["新人", make_id("19400101", "055"), None, None, None, None, None, None],
        ],
    )
    plan = preview_import(ctx, ImportSource(path))
    assert plan.counts() == {"new": 1, "updated": 2, "unchanged": 1, "duplicate": 0, "error": 0}
    wang, li = plan.updated
    assert (wang.person_id, wang.matched_by) == (a.id, "身份证号")
    changes = {ch.label: (ch.old, ch.new) for ch in wang.changes}
    assert changes["联系电话"] == ("13800000000", "13812345678")
    assert changes["特殊困难类型"] == ("", "独居")
    assert changes["紧急联系人"] == ("王大 13900000001", "王大 13911112222")
    assert (li.person_id, li.matched_by) == (b.id, "姓名和出生日期")
    assert {ch.label: ch.new for ch in li.changes}["身份证号"] == ID_B
    assert plan.unchanged == [4]

    commit_import(ctx, ImportSource(path))
    wang_after = get_person(ctx, a.id)
    assert wang_after.phone == "13812345678"
    assert wang_after.categories == ("alone",)
    # the relation typed in the app survives: only the phone came from the sheet
    assert wang_after.emergency_contacts == (EmergencyContact("王大", "儿子", "13911112222"),)
    assert get_person(ctx, b.id).id_number == ID_B
    assert get_person(ctx, c.id).phone == "13811112222"
    with ctx.session() as s:
        last = s.scalars(
            select(ChangeEvent)
            .where(ChangeEvent.record_id == a.id)
            .order_by(ChangeEvent.seq.desc())
        ).first()
        # an update records only the changed fields
        assert {"phone", "categories", "emergency_contacts"} <= set(last.fields)
        assert "name" not in last.fields


def test_duplicates_inside_the_file_are_shown_and_left_out(ctx, tmp_path):
    path = _ledger(
        tmp_path,
        [
            ["王小明", ID_A],
            ["李秀英", None, "1938-07-12"],
            ["王小明", ID_A],
            ["李秀英", None, "1938.7.12"],
        ],
    )
    plan = preview_import(ctx, ImportSource(path))
    assert [(d.row, d.first_row) for d in plan.duplicates] == [(4, 2), (5, 3)]
    with pytest.raises(ServiceError, match="2 行文件内重复"):
        commit_import(ctx, ImportSource(path))
    commit_import(ctx, ImportSource(path), valid_only=True)
    assert _count(ctx, Person) == 2


def test_cancel_half_way_leaves_the_register_unchanged(ctx, tmp_path):
    rows = [
        [f"老人{i}", make_id(f"{date(1940, 1, 1) + timedelta(days=i):%Y%m%d}", "001")]
        for i in range(1200)
    ]
    path = _ledger(tmp_path, rows)
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 4  # after reading, during writing

    with pytest.raises(ImportCancelled):
        commit_import(ctx, ImportSource(path), cancel=cancel)
    assert _count(ctx, Person) == 0
    assert _count(ctx, Household) == 0
    assert list_receipts(ctx) == []


def test_error_report_holds_original_rows_and_reasons(ctx, messy_xlsx, tmp_path):
    plan = preview_import(ctx, ImportSource(messy_xlsx))
    out = tmp_path / "错误报告.xlsx"
    n = save_error_report(plan, ImportSource(messy_xlsx), out)
    assert n == 7
    ws = openpyxl.load_workbook(out).active
    header = [c.value for c in ws[1]]
    assert header[0] == "原行号" and header[-1] == "错误原因"
    assert "紧急联系人/电话" in header
    first = [c.value for c in ws[2]]
    assert first[0] == 8 and first[2] == "张三" and "丢失" in first[-1]


def test_round_trip_export_edit_import(ctx, tmp_path):
    a = register_person(
        ctx,
        PersonInput(name="王小明", id_number=ID_A, phone="13800000000", categories=("alone",)),
    )
    register_person(ctx, PersonInput(name="李秀英", id_number=ID_B))
    out = tmp_path / "底册.xlsx"
    assert export_register(ctx, out, full_ids=True) == 2
    # nothing edited: everything is unchanged
    plan = preview_import(ctx, ImportSource(out))
    assert plan.counts() == {"new": 0, "updated": 0, "unchanged": 2, "duplicate": 0, "error": 0}
    # the worker edits a phone and adds a person in Excel
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    titles = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == "王小明":
            row[titles.index("联系电话")].value = "13812345678"
    new_row = [None] * len(titles)
    new_row[titles.index("姓名")] = "钱五"
    new_row[titles.index("身份证号")] = ID_D
    ws.append(new_row)
    wb.save(out)
    result = commit_import(ctx, ImportSource(out))
    assert result.plan.counts()["updated"] == 1 and result.plan.counts()["new"] == 1
    assert get_person(ctx, a.id).phone == "13812345678"
    assert get_person(ctx, a.id).categories == ("alone",)


def test_masked_export_cannot_be_mistaken_for_ids(ctx, tmp_path):
    register_person(ctx, PersonInput(name="王小明", id_number=ID_A))
    out = tmp_path / "masked.xlsx"
    export_register(ctx, out)
    ws = openpyxl.load_workbook(out).active
    titles = [c.value for c in ws[1]]
    assert ws.cell(2, titles.index("身份证号") + 1).value == ID_A[:4] + "*" * 10 + ID_A[-4:]
    assert ws.freeze_panes == "A2"
    # importing a masked export is refused row by row, never matched by a masked number
    plan = preview_import(ctx, ImportSource(out))
    assert plan.counts()["error"] == 1


def test_commit_reuses_the_preview_unless_the_register_changed(ctx, tmp_path):
    path = _ledger(tmp_path, [["王小明", ID_A, None, "13812345678"], ["李秀英", ID_B]])
    plan = preview_import(ctx, ImportSource(path))
    stages = []
    commit_import(
        ctx, ImportSource(path), preview=plan, progress=lambda st, d, t: stages.append(st)
    )
    assert "读取" not in stages and "写入" in stages
    assert _count(ctx, Person) == 2

    # someone edits the register between preview and commit: the sheet is read again
    path2 = _ledger(tmp_path, [["钱五", ID_D, None, "13812345678"]], name="l2.xlsx")
    plan2 = preview_import(ctx, ImportSource(path2))
    assert plan2.counts()["new"] == 1
    register_person(ctx, PersonInput(name="钱五", id_number=ID_D))
    stages.clear()
    result = commit_import(
        ctx, ImportSource(path2), preview=plan2, progress=lambda st, d, t: stages.append(st)
    )
    assert "读取" in stages
    assert result.plan.counts()["new"] == 0 and result.plan.counts()["updated"] == 1
    assert _count(ctx, Person) == 3


def test_visits_due_and_open_needs_lists_export(ctx, tmp_path):
    from afc_desktop.services.exporter import export_due_visits, export_open_needs
    from afc_desktop.services.needs import NeedInput, create_need

    p = register_person(
        ctx, PersonInput(name="王小明", id_number=ID_A, phone="13812345678", categories=("alone",))
    )
    create_need(ctx, NeedInput(person_id=p.id, need_type="meals", description="每天午餐送餐"))
    visits = tmp_path / "visits.xlsx"
    assert export_due_visits(ctx, visits) >= 1
    ws = openpyxl.load_workbook(visits).active
    assert ws["A1"].value.startswith("待走访清单") and ws["A2"].value == "姓名"
    assert ws.freeze_panes == "A3"
    assert ws["A3"].value == "王小明" and ws["C3"].value == "13812345678"
    needs = tmp_path / "needs.xlsx"
    assert export_open_needs(ctx, needs) == 1
    ws = openpyxl.load_workbook(needs).active
    assert [ws.cell(3, c).value for c in (1, 3, 4)] == ["王小明", "助餐", "每天午餐送餐"]
    assert ws.cell(3, 7).number_format == "yyyy-mm-dd"


def test_commit_right_after_the_dry_run_does_not_parse_again(ctx, tmp_path, monkeypatch):
    from afc_desktop.sheets.rows import RowParser

    path = _ledger(tmp_path, [["王小明", ID_A, None, "13812345678"], ["李秀英", ID_B]])
    parsed: list[int] = []
    real = RowParser._parse_row

    def counting(self, raw):
        parsed.append(raw.number)
        return real(self, raw)

    monkeypatch.setattr(RowParser, "_parse_row", counting)
    plan = preview_import(ctx, ImportSource(path))
    assert parsed == [2, 3]
    parsed.clear()
    # the same file and choices, no preview handed over (as the command line does)
    result = commit_import(ctx, ImportSource(path), expected_sha256=plan.sha256)
    assert parsed == []  # nothing coerced or checked a second time
    assert result.plan is plan and result.written_rows == 2
    assert _count(ctx, Person) == 2
    # another mapping of the same file is a different plan: it is read again
    path2 = _ledger(tmp_path, [["钱五", ID_D]], name="l3.xlsx")
    preview_import(ctx, ImportSource(path2))
    parsed.clear()
    commit_import(ctx, ImportSource(path2, sheet="Sheet"))
    assert parsed == [2]
