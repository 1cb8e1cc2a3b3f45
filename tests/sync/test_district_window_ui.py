"""The district window (区级工作台), offscreen: login with the district passphrase, the roster
with its warnings, bundle import with progress, conflicts in plain Chinese, duplicates with both
communities named, the report with its charts and its .xlsx. Screenshots at 1366×768 go to
``$AFC_SHOTS_DIR`` when set."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from afc_desktop.district import cli, hub, roster
from afc_desktop.domain.idcard import check_digit
from afc_desktop.domain.visit_content import AreaFinding, Findings
from afc_desktop.paths import DataDir
from afc_desktop.services import sync as sync_service
from afc_desktop.services import visits
from afc_desktop.services.context import open_app
from afc_desktop.services.register import PersonInput, register_person, update_person
from afc_desktop.services.setup import CommunityInput, run_setup
from afc_desktop.sync import enrolment, keys

PASS = "district pass"
PINGJIANG, HUQIU, TAOWU = "320508018001", "320508022001", "320508019003"
FINE = Findings({"health": AreaFinding("ok", (), "")})


def idn(born: date, n: int) -> str:
    first17 = f"320508{born:%Y%m%d}{n:03d}"
    return first17 + check_digit(first17)


@pytest.fixture()
def district_home(tmp_path):
    """A district home with three roster communities; bundles from two of them (three laptops)
    on a USB folder, not yet imported: a phone conflict and a cross-community duplicate."""
    home = tmp_path / "home"
    pw = tmp_path / "pw"
    pw.write_text(PASS, encoding="utf-8")
    assert cli.main(["--home", str(home), "--passphrase-file", str(pw), "init", "--code",
                     "320508", "--name", "姑苏区民政局"]) == 0  # fmt: skip
    dkeys = keys.load_district_keys(home / "keys", PASS.encode())
    fp = enrolment.fingerprint(dkeys.sign_public, dkeys.enc_public)
    db = hub.open_hub(str(home / hub.HUB_DB_NAME), PASS.encode())
    day = date(2026, 11, 3)
    db.clock.pin(day)

    def issue(code: str, name: str, pilot: bool | None = None) -> Path:
        return Path(
            roster.add_community(
                db, dkeys, district_code="320508", district_name="姑苏区民政局", code=code,
                name=name, out=tmp_path, pilot=pilot,
            ).path
        )  # fmt: skip

    def laptop(folder: str, code: str, name: str, pilot: bool = False):
        ctx = open_app(DataDir(tmp_path / folder))
        ctx.clock.pin(day)
        run_setup(ctx, CommunityInput(code, name), "admin", "admin-pass-1", "王芳")
        sync_service.enrol(ctx, issue(code, name, pilot or None), fp)
        return ctx

    a = laptop("a", PINGJIANG, "梅巷社区", pilot=True)
    b = laptop("b", PINGJIANG, "梅巷社区")
    c = laptop("c", HUQIU, "梅巷社区")
    issue(TAOWU, "桃坞社区")  # never reports
    for x, y in ((a, b), (b, a)):
        sync_service.pairing_export(x, tmp_path / "p.afcpair")
        sync_service.pairing_import(y, tmp_path / "p.afcpair")
    shared = idn(date(1945, 1, 1), 123)
    p = register_person(
        a,
        PersonInput(name="张秀英", id_number=shared, categories=("alone",)),
        confirm_duplicate=True,
    )
    register_person(
        a, PersonInput(name="李根娣", id_number=idn(date(1948, 2, 2), 234), categories=("alone",))
    )
    register_person(c, PersonInput(name="张秀英", id_number=shared), confirm_duplicate=True)
    visits.record_visit(a, visits.VisitInput(person_id=p.id, visit_date=day, findings=FINE))
    sync_service.import_bundle(
        b, sync_service.export_bundle(a, tmp_path / "x", to_peer=b.site_id).path
    )
    update_person(a, p.id, PersonInput(name="张秀英", id_number=shared, phone="13800000001",
                                       categories=("alone",)))  # fmt: skip
    update_person(b, p.id, PersonInput(name="张秀英", id_number=shared, phone="13900000002",
                                       categories=("alone",)))  # fmt: skip
    usb = tmp_path / "usb"
    for ctx in (a, b, c):
        sync_service.export_bundle(ctx, usb)
        ctx.db.dispose()
    db.dispose()
    return home, usb


def shots_dir(tmp_path: Path) -> Path:
    out = Path(os.environ.get("AFC_SHOTS_DIR") or tmp_path / "shots")
    out.mkdir(parents=True, exist_ok=True)
    return out


def test_district_window_end_to_end(qtbot, tmp_path, district_home):
    from afc_desktop.ui.district.login import DistrictLoginDialog
    from afc_desktop.ui.district.window import DistrictWindow

    home, usb = district_home
    login = DistrictLoginDialog(home)
    qtbot.addWidget(login)
    login.passphrase.setText("wrong")
    assert not login.try_login() and login.error.text()  # a plain refusal, no window
    login.passphrase.setText(PASS)
    assert login.try_login() and login.session is not None
    session = login.session
    session.db.clock.pin(date(2026, 11, 28))
    shots = shots_dir(tmp_path)
    try:
        window = DistrictWindow(session)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        # the roster before any import: every community silent
        assert window.roster.model.rowCount() == 3
        assert "未报送 3 个" in window.roster.summary.text()

        window.nav.setCurrentRow(1)
        page = window.imports
        job = page.import_paths([usb])
        assert job is not None
        with qtbot.waitSignal(job.sig_finished, timeout=60_000):
            pass
        qtbot.waitUntil(lambda: page.job is None, timeout=10_000)
        assert page.progress.value() == page.progress.maximum() == 3
        assert [r.outcome for r in page.model.rows] == ["已导入"] * 3
        assert {r.community for r in page.model.rows} == {
            "梅巷社区（平江街道）",
            "梅巷社区（虎丘街道）",
        }
        window.grab().save(str(shots / "district-import.png"))

        window.nav.setCurrentRow(0)
        roster_page = window.roster
        assert "未报送 1 个" in roster_page.summary.text()
        assert "桃坞社区" in roster_page.silent_label.text()
        rows = {r.code: r for r in roster_page.model.rows}
        assert rows[PINGJIANG].sites == 2 and rows[PINGJIANG].pilot
        assert rows[PINGJIANG].open_conflicts == 1
        assert rows[PINGJIANG].days_since == 0 and rows[TAOWU].days_since is None
        window.grab().save(str(shots / "district-roster.png"))

        window.nav.setCurrentRow(2)
        [c] = window.conflicts.model.rows
        assert (c.record_label, c.field_label) == ("张秀英", "电话")
        assert {c.value_a, c.value_b} == {"13800000001", "13900000002"}
        assert "梅巷社区（平江街道） 王芳" in c.who_a and c.when_a.startswith("2026-11-03")
        window.conflicts.table.selectRow(0)
        assert "张秀英" in window.conflicts.detail.text()
        window.grab().save(str(shots / "district-conflicts.png"))

        window.nav.setCurrentRow(3)
        [d] = window.duplicates.model.rows
        assert d.communities == ["梅巷社区（平江街道）", "梅巷社区（虎丘街道）"]
        assert "320508194501011" not in str(d.entries)  # names only, the ID stays masked
        window.grab().save(str(shots / "district-duplicates.png"))

        window.nav.setCurrentRow(4)
        report = window.report
        report.year.setValue(2026)
        report.month.setValue(11)
        report.refresh()
        assert "50.0%" in report.headline.text()  # 1 of 2 特殊困难 elders visited in November
        assert [b.label for b in report.by_community.bars()] == [
            "梅巷社区（平江街道）",
            "桃坞社区",
            "梅巷社区（虎丘街道）",
        ]  # in code order
        assert {b.label for b in report.by_street.bars()} == {"平江街道", "虎丘街道", "金阊街道"}
        out = report.export(".xlsx", tmp_path / "report.xlsx")
        assert out is not None and out.exists()
        window.grab().save(str(shots / "district-report.png"))

        conflicts_page = window.conflicts
        window.nav.setCurrentRow(2)
        conflicts_page.table.selectRow(0)
        assert conflicts_page.resolve_selected("电话核实")
        assert conflicts_page.model.rowCount() == 0
    finally:
        session.close()
