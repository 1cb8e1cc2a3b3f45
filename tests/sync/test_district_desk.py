"""The district bureau's desk (issue 14): communities by code and name, who has not reported,
and figures that are the communities' own."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from afc_desktop.district import cli, figures, hub, overview, roster
from afc_desktop.domain.idcard import check_digit
from afc_desktop.domain.visit_content import AreaFinding, Findings
from afc_desktop.paths import DataDir
from afc_desktop.services import needs as needs_service
from afc_desktop.services import participation, stats, visits
from afc_desktop.services import sync as sync_service
from afc_desktop.services.context import ServiceError, open_app
from afc_desktop.services.needs import NeedInput
from afc_desktop.services.participation import ProjectInput
from afc_desktop.services.register import PersonInput, register_person
from afc_desktop.services.setup import CommunityInput, complete_code, run_setup, set_pilot
from afc_desktop.services.visits import VisitInput

PINGJIANG = "320508018001"  # 姑苏区平江街道 …
HUQIU = "320508022001"  # 姑苏区虎丘街道 …
FINE = Findings({"health": AreaFinding("ok", (), "")})


def idn(born: date, n: int) -> str:
    first17 = f"320508{born:%Y%m%d}{n:03d}"
    return first17 + check_digit(first17)


@pytest.fixture()
def hub_db(tmp_path):
    db = hub.open_hub(str(tmp_path / "hub.sqlite3"))
    yield db
    db.dispose()


def site(tmp_path, folder: str, code: str, name: str, district, *, on: date):
    """A community laptop set up with its 12-digit code, enrolled at the district."""
    ctx = open_app(DataDir(tmp_path / folder))
    ctx.clock.pin(on)
    run_setup(ctx, CommunityInput(code, name), "admin", "admin-pass-1")
    district.enrol(ctx, name, code)
    return ctx


def export_import(ctx, district, tmp_path, folder="usb"):
    out = sync_service.export_bundle(ctx, tmp_path / folder)
    line = hub.import_bundle(district.db, district.keys, out.path)
    assert line.outcome == "applied", line.message
    return out


# --- (1) identity ------------------------------------------------------------------------


def test_setup_takes_the_12_digit_code_and_reads_county_and_street(tmp_path):
    ctx = open_app(DataDir(tmp_path / "a"))
    try:
        result = run_setup(ctx, CommunityInput(HUQIU, "梅巷社区"), "admin", "admin-pass-1")
        c = result.community
        assert (c.code, c.district_code, c.district_name) == (HUQIU, "320508", "姑苏区")
        assert c.street_name == "虎丘街道" and c.street_listed and not c.needs_code
        assert set_pilot(ctx, True).is_pilot and not set_pilot(ctx, False).is_pilot
    finally:
        ctx.db.dispose()


def test_unknown_county_and_unlisted_street_are_plain_refusals(tmp_path):
    ctx = open_app(DataDir(tmp_path / "b"))
    try:
        with pytest.raises(ServiceError, match="320599 不是苏州市"):
            run_setup(ctx, CommunityInput("320599", "某社区"), "admin", "admin-pass-1")
        with pytest.raises(ServiceError, match="请同时填写街道"):
            run_setup(ctx, CommunityInput("320508099001", "新社区"), "admin", "admin-pass-1")
        done = run_setup(
            ctx,
            CommunityInput("320508099001", "新社区", street_name="新街道"),
            "admin",
            "pw-123456",
        )
        assert done.community.street_name == "新街道" and not done.community.street_listed
    finally:
        ctx.db.dispose()


def test_a_six_digit_site_completes_its_code_once(tmp_path):
    ctx = open_app(DataDir(tmp_path / "c"))
    try:
        view = run_setup(
            ctx, CommunityInput("320508", "梅巷社区", street_name="平江街道"), "admin", "pw-123456"
        ).community
        assert view.needs_code and view.street_code == "320508018"
        with pytest.raises(ServiceError, match="虎丘街道"):
            complete_code(ctx, HUQIU)  # a code of another street: a typo, refused
        with pytest.raises(ServiceError, match="属于"):
            complete_code(ctx, "320506001001")  # another county
        done = complete_code(ctx, PINGJIANG)
        assert done.code == PINGJIANG and not done.needs_code
        with pytest.raises(ServiceError, match="不能更换"):
            complete_code(ctx, "320508018002")
    finally:
        ctx.db.dispose()


def test_roster_refuses_an_unlisted_street_without_its_name(hub_db, district_on, tmp_path):
    district = district_on(hub_db)
    with pytest.raises(roster.RosterError, match="--street"):
        district.issue("320508099001", "新社区")
    roster.add_community(
        hub_db, district.keys, district_code="320508", district_name="姑苏区",
        code="320508099001", name="新社区", street="新街道", out=tmp_path,
    )  # fmt: skip
    [row] = overview.overview(hub_db).rows
    assert row.street == "新街道" and not row.street_listed
    assert "街道未列入参考数据" in row.street_label
    assert roster.set_pilot(hub_db, "320508099001", True).pilot


# --- two 梅巷社区 in two streets ------------------------------------------------------------


def test_two_meixiang_communities_stay_distinct_everywhere(tmp_path, hub_db, district_on):
    district = district_on(hub_db)
    day = date(2026, 11, 2)
    hub_db.clock.pin(day)
    a = site(tmp_path, "a", PINGJIANG, "梅巷社区", district, on=day)
    b = site(tmp_path, "b", HUQIU, "梅巷社区", district, on=day)
    try:
        shared = idn(date(1945, 1, 1), 123)
        register_person(a, PersonInput(name="张三", id_number=shared), confirm_duplicate=True)
        register_person(b, PersonInput(name="张三", id_number=shared), confirm_duplicate=True)
        ea = export_import(a, district, tmp_path)
        eb = export_import(b, district, tmp_path)
        # file names: 12-digit code and the readable name
        names = sorted(p.name for p in (tmp_path / "usb").iterdir())
        assert names[0].startswith(f"{PINGJIANG}_梅巷社区_") and ea.path.endswith(names[0])
        assert names[1].startswith(f"{HUQIU}_梅巷社区_") and eb.path.endswith(names[1])

        shown = {r.site_id: r.community_name for r in hub.status(hub_db)}
        assert shown[a.site_id] == "梅巷社区（平江街道）"
        assert shown[b.site_id] == "梅巷社区（虎丘街道）"

        report = figures.district_report(hub_db, 2026, 11)
        assert [(r.code, r.display_name, r.elders) for r in report.rows] == [
            (PINGJIANG, "梅巷社区（平江街道）", 1),
            (HUQIU, "梅巷社区（虎丘街道）", 1),
        ]
        assert {s.street for s in report.by_street} == {"平江街道", "虎丘街道"}

        [dup] = hub.duplicates(hub_db)
        assert dup.communities == ["梅巷社区（平江街道）", "梅巷社区（虎丘街道）"]
        assert dup.codes == [PINGJIANG, HUQIU]

        receipts = hub.write_receipts(hub_db, district.keys, "320508", tmp_path / "r")
        assert sorted(p.name.split("_")[1] for p in receipts) == [PINGJIANG, HUQIU]
    finally:
        a.db.dispose()
        b.db.dispose()


# --- (2) the roster and 未报送 ----------------------------------------------------------------


def test_a_community_silent_for_31_days_is_on_the_unreported_list(tmp_path, hub_db, district_on):
    district = district_on(hub_db)
    day = date(2026, 10, 1)
    hub_db.clock.pin(day)
    a = site(tmp_path, "a", PINGJIANG, "梅巷社区", district, on=day)
    try:
        register_person(a, PersonInput(name="李四", id_number=idn(date(1950, 2, 2), 234)))
        export_import(a, district, tmp_path)
        district.issue("320508018002", "桃坞社区")  # on the roster, never reported

        hub_db.clock.pin(day + timedelta(days=30))
        view = overview.overview(hub_db, silent_days=30)
        assert [r.code for r in view.silent] == ["320508018002"]
        row = next(r for r in view.rows if r.code == PINGJIANG)
        assert row.days_since == 30 and row.active_keys == 1 and row.sites == 1

        hub_db.clock.pin(day + timedelta(days=31))
        view = overview.overview(hub_db, silent_days=30)
        assert [r.code for r in view.silent] == [PINGJIANG, "320508018002"]
        assert "已 31 天未报送" in view.rows[0].warnings()
        assert view.rows[1].warnings()[0] == "从未报送"
    finally:
        a.db.dispose()


def test_community_list_json_and_status_name_the_communities(tmp_path, capsys, monkeypatch):
    home = tmp_path / "home"
    pw = tmp_path / "pw"
    pw.write_text("district pass", encoding="utf-8")
    base = ["--home", str(home), "--passphrase-file", str(pw)]
    assert cli.main([*base, "init", "--code", "320508", "--name", "姑苏区民政局"]) == 0
    for code, name in ((PINGJIANG, "梅巷社区"), (HUQIU, "梅巷社区")):
        add = ["community", "add", "--code", code, "--name", name, "--out", str(tmp_path)]
        assert cli.main([*base, *add]) == 0
    assert cli.main([*base, "community", "pilot", HUQIU, "yes"]) == 0
    capsys.readouterr()
    assert cli.main([*base, "--json", "community", "list"]) == 0
    listed = json.loads(capsys.readouterr().out)
    rows = {r["code"]: r for r in listed["communities"]}
    assert rows[PINGJIANG]["display_name"] == "梅巷社区（平江街道）"
    assert rows[HUQIU]["pilot"] is True and rows[HUQIU]["street"] == "虎丘街道"
    assert listed["silent"] == [PINGJIANG, HUQIU]  # nobody has reported yet
    assert rows[PINGJIANG]["warnings"][0] == "从未报送"


# --- (3) one definition of every figure -----------------------------------------------------


def test_a_district_figure_equals_the_communitys_own(tmp_path, hub_db, district_on):
    district = district_on(hub_db)
    registered = date(2026, 9, 1)
    a = site(tmp_path, "a", PINGJIANG, "梅巷社区", district, on=registered)
    other = site(tmp_path, "o", HUQIU, "梅巷社区", district, on=registered)
    try:
        ids = {}
        for i, (name, cats) in enumerate(
            (("独居甲", ("alone",)), ("独居乙", ("alone",)), ("低保丙", ("dibao",)),
             ("普通丁", ())),
        ):  # fmt: skip
            p = register_person(
                a,
                PersonInput(
                    name=name, id_number=idn(date(1944, 3, 1 + i), 300 + i), categories=cats
                ),
            )
            ids[name] = p.id
        p = register_person(
            other,
            PersonInput(name="别处", id_number=idn(date(1940, 1, 1), 400), categories=("alone",)),
        )
        a.clock.pin(date(2026, 11, 10))
        visits.record_visit(
            a, VisitInput(person_id=ids["独居甲"], visit_date=date(2026, 11, 10), findings=FINE)
        )
        # a draft for 独居乙: drafts never count
        visits.save_draft(
            a, VisitInput(person_id=ids["独居乙"], visit_date=date(2026, 11, 10), findings=FINE)
        )
        needs_service.create_need(a, NeedInput(ids["低保丙"], "policy_advice", "问低保"))
        participation.create_project(a, ProjectInput("楼道微更新", "building", date(2026, 4, 1)))

        today = date(2026, 11, 28)
        a.clock.pin(today)
        other.clock.pin(today)
        hub_db.clock.pin(today)
        export_import(a, district, tmp_path)
        export_import(other, district, tmp_path, "usb2")

        own = stats.community_stats(a, stats.Period(date(2026, 11, 1), date(2026, 11, 30)))
        report = figures.district_report(hub_db, 2026, 11)
        row = next(r for r in report.rows if r.code == PINGJIANG)
        assert own.visits.special_due == 2 and own.visits.special_visited == 1  # not the draft
        assert (row.special_due, row.special_visited) == (
            own.visits.special_due,
            own.visits.special_visited,
        )
        assert row.special_rate == own.visits.special_rate
        assert (row.due, row.visited) == (own.visits.due, own.visits.visited)
        assert row.elders == own.people.elders == 4
        assert row.special_hardship == own.people.special_hardship
        assert row.overdue == own.visits.overdue
        assert row.open_needs == own.needs.open_total == 1
        assert row.projects == own.projects.count == 1
        assert row.home_modifications == own.home_modifications.done
        # the district: sums of numerators over sums of denominators
        assert report.total.special_due == row.special_due + 1
        assert report.as_dict()["headline"]["definition"].startswith("当月已完成探访")
    finally:
        a.db.dispose()
        other.db.dispose()


# --- (5) the report to hand up ---------------------------------------------------------------


def test_report_cli_writes_xlsx_and_pdf(tmp_path, capsys):
    from openpyxl import load_workbook

    home = tmp_path / "home"
    pw = tmp_path / "pw"
    pw.write_text("district pass", encoding="utf-8")
    base = ["--home", str(home), "--passphrase-file", str(pw)]
    assert cli.main([*base, "init", "--code", "320508", "--name", "姑苏区民政局"]) == 0
    for code in (PINGJIANG, HUQIU):
        add = ["community", "add", "--code", code, "--name", "梅巷社区", "--out", str(tmp_path)]
        assert cli.main([*base, *add]) == 0
    out = tmp_path / "report.xlsx"
    assert cli.main([*base, "report", "--month", "2026-11", "--out", str(out)]) == 0
    ws = load_workbook(out)["社区"]
    header = [c.value for c in ws[4]]
    assert header[:7] == [
        "社区代码",
        "社区",
        "街道",
        "试点",
        "登记老年人",
        "特殊困难",
        "特殊困难月探访率",
    ]
    assert [ws.cell(row=r, column=2).value for r in (5, 6, 7)] == [
        "梅巷社区（平江街道）",
        "梅巷社区（虎丘街道）",
        "全区合计",
    ]
    pdf = tmp_path / "report.pdf"
    assert cli.main([*base, "report", "--month", "2026-11", "--out", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert cli.main([*base, "report", "--month", "2026-13"]) == 2
    assert "年-月" in capsys.readouterr().err
    assert cli.main([*base, "report", "--month", "2026-11", "--out", str(tmp_path / "r.doc")]) == 1
