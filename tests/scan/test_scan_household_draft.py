"""A filled household visit record (入户探访记录) from the route, scanned: a household visit
draft with each elder's presence and findings; recorded, the elders seen leave the due list and
the one not at home stays due."""

from __future__ import annotations

import contextlib
import io
import json
import random
from datetime import date
from pathlib import Path
from typing import Any

from corpus import Pen, render_pdf

from afc_desktop.cli import main
from afc_desktop.domain.idcard import check_digit
from afc_desktop.paths import DataDir
from afc_desktop.printing.household_sheet import household_page_map
from afc_desktop.services import household_visits as hv
from afc_desktop.services import register, visits
from afc_desktop.services.attachments import list_attachments
from afc_desktop.services.context import AppContext
from afc_desktop.services.route import print_route
from afc_desktop.services.scanning import scan_paths


def _elder(ctx: AppContext, name: str, born: date, household_id: str, seq: int) -> str:
    first17 = f"320508{born:%Y%m%d}{seq:03d}"
    now = ctx.clock.now()
    ctx.clock.pin(date(2025, 1, 1))  # registered long ago: due now
    try:
        return register.register_person(
            ctx,
            register.PersonInput(
                name=name, id_number=first17 + check_digit(first17), household_id=household_id
            ),
            confirm_duplicate=True,
        ).id
    finally:
        ctx.clock.pin(now)


def household_of_three(ctx: AppContext) -> tuple[str, list[str]]:
    """A household of three elders, in the household's order (oldest first)."""
    hid = register.create_household(
        ctx, register.HouseholdInput(estate="香溪花园", building="3", unit="1", room="402")
    ).id
    ids = [
        _elder(ctx, "何凤鸣", date(1940, 2, 3), hid, 11),
        _elder(ctx, "沈萍", date(1944, 5, 1), hid, 22),
        _elder(ctx, "陆阿大", date(1948, 7, 9), hid, 32),
    ]
    return hid, ids


def ticks(ids: list[str]) -> dict[str, Any]:
    """What the worker ticked: the first two elders at home, the third not."""
    first, second, third = ids
    return {
        "H.mode": "home",
        "H.safety.level": "attention",
        "H.safety.issues": ["structure"],
        f"{first}.presence": "present",
        f"{first}.health.level": "problem",
        f"{first}.health.issues": ["mobility", "hospital"],
        f"{first}.flags": ["fall"],
        f"{first}.risk": "high",
        f"{second}.presence": "present",
        f"{second}.economy.level": "ok",
        f"{second}.services.issues": ["meals"],  # a need ticked without a level: 需关注
        f"{third}.presence": "absent",
    }


def scanned_route(ctx: AppContext, tmp_path: Path) -> tuple[str, list[str], Path]:
    """The route printed, its household record filled by hand (``ticks``) and photographed;
    the route sheet itself is photographed too (it has no boxes: listed, not read)."""
    hid, ids = household_of_three(ctx)
    pdf = print_route(ctx, tmp_path / "route.pdf", within_days=0)
    assert pdf.households[0].subject == f"H{hid}"
    page_map = household_page_map(f"H{hid}", ids)
    want = ticks(ids)
    folder = tmp_path / "scans"
    folder.mkdir()
    rng = random.Random(9)
    pictures = render_pdf(tmp_path / "route.pdf", 200)
    route_pages = len(pictures) - len(page_map.pages)
    for index, image in enumerate(pictures):
        number = index - route_pages + 1
        if number >= 1:
            pen = Pen(image, 200, rng)
            for box in page_map.page(number):
                value = want.get(box.item)
                if value == box.value or (isinstance(value, list) and box.value in value):
                    pen.tick(box)
        image.save(folder / f"p{index + 1}.jpg", quality=70)
    return hid, ids, folder


def test_a_scanned_household_record_is_a_household_draft_then_a_visit_per_elder_seen(
    ctx: AppContext, set_up_dir: DataDir, tmp_path: Path
) -> None:
    hid, (first, second, third), folder = scanned_route(ctx, tmp_path)
    assert {first, second, third} <= {d.person_id for d in visits.due_list(ctx)}

    # afc scan lists it (the CLI runs on the machine's clock: read only here)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        argv = ["scan", str(folder), "--no-drafts", "--json", "--data-dir", str(set_up_dir.root)]
        assert main(argv) == 0
    listed = json.loads(buf.getvalue())
    assert len(listed["unread"]) >= 1  # the route sheet: no QR code, listed, never guessed
    assert [s["household_id"] for s in listed["sheets"]] == [hid]

    report = scan_paths(ctx, [folder])
    (sheet,) = report.sheets
    assert sheet.household_id == hid and sheet.draft_kind == "household_visit"
    assert sheet.doubtful == [] and "探访日期" in sheet.note

    draft = hv.get_household_visit(ctx, sheet.draft_id)
    assert draft.status == "draft" and draft.household_id == hid and draft.mode == "home"
    assert draft.started_from == "scan"
    assert draft.findings.areas["safety"].issues == ("structure",)
    members = {m.person_id: m.entry for m in draft.members}
    assert [m.person_id for m in draft.members] == [first, second, third]
    assert [members[p].presence for p in (first, second, third)] == [
        "present",
        "present",
        "absent",
    ]
    health = members[first].findings.areas["health"]
    assert health.level == "problem" and health.issues == ("mobility", "hospital")
    assert members[first].risk_flags == ("fall",) and members[first].risk_level == "high"
    assert members[second].findings.areas["economy"].level == "ok"
    services = members[second].findings.areas["services"]
    assert services.level == "attention" and services.issues == ("meals",)
    scans = list_attachments(ctx, owner_kind="household_visit", owner_id=draft.id)
    assert [a.role for a in scans] == ["scan"] * sheet.pages_total
    # nothing is recorded until the worker confirms the draft
    assert visits.person_visits(ctx, first) == []

    done = hv.record_household_visit(ctx, draft.as_input(), draft_id=draft.id)
    assert done.status == "done" and done.id == draft.id
    due = {d.person_id for d in visits.due_list(ctx)}
    assert first not in due and second not in due and third in due
    (own,) = visits.person_visits(ctx, first)
    assert own.findings.areas["safety"].issues == ("structure",)  # the home's part carried in


def test_an_unclear_presence_is_left_to_the_worker_not_recorded(
    ctx: AppContext, tmp_path: Path
) -> None:
    hid, ids = household_of_three(ctx)
    print_route(ctx, tmp_path / "route.pdf", within_days=0)
    page_map = household_page_map(f"H{hid}", ids)
    pictures = render_pdf(tmp_path / "route.pdf", 200)
    first_record = len(pictures) - len(page_map.pages)
    image = pictures[first_record]
    pen = Pen(image, 200, random.Random(1))
    for box in page_map.page(1):
        if box.item == f"{ids[0]}.presence" and box.value in ("present", "absent"):
            pen.tick(box)  # two ticks: at home and not at home
    image.save(tmp_path / "p.jpg", quality=70)
    report = scan_paths(ctx, [tmp_path / "p.jpg"])
    (sheet,) = report.sheets
    assert f"{ids[0]}.presence" in sheet.doubtful
    assert "何凤鸣·是否见到" in sheet.doubtful_labels
    draft = hv.get_household_visit(ctx, sheet.draft_id)
    assert draft.members[0].presence == "not_seen"  # no visit on a guess
    assert "何凤鸣·是否见到" in draft.notes
    if len(page_map.pages) > 1:
        assert "缺第" in sheet.note  # the pages not scanned are named


def test_the_scan_page_opens_the_household_draft_and_the_worker_records_it(
    qtbot, ctx: AppContext, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from afc_desktop.ui.dialogs.household_visit_dialog import HouseholdVisitDialog
    from afc_desktop.ui.pages.scan_page import Page

    hid, (first, second, third), folder = scanned_route(ctx, tmp_path)
    page = Page(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.scan_folder(folder).sig_finished, timeout=120_000):
        pass  # read off the UI thread
    assert page.report.unread  # the route sheet is listed as not read
    row = next(i for i, s in enumerate(page.report.sheets) if s.household_id == hid)
    page.sheets.setCurrentRow(row)
    assert page.confirm_button.isEnabled() and "入户探访草稿" in page.confirm_button.text()
    assert page.answers.rowCount() == 3  # each elder's presence as read
    assert page.picture.pixmap() is not None and not page.picture.pixmap().isNull()
    page.confirm()  # opens the household visit dialog on the draft
    dialog = page.findChild(HouseholdVisitDialog)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.draft_id == page.sheet.draft_id
    assert dialog.panel(first).presence.currentData() == "present"
    assert dialog.panel(third).presence.currentData() == "absent"
    assert dialog.panel(first).risk_flags["fall"].isChecked()
    assert dialog.photos.list.count() == page.sheet.pages_total  # the scans, kept with it
    view = dialog.record()
    assert view is not None and view.status == "done"
    assert [v.id for v in visits.person_visits(ctx, first)] == [view.members[0].visit_id]
    assert visits.person_visits(ctx, third) == []


def test_an_elder_without_a_household_is_read_as_a_visit_to_an_address(
    ctx: AppContext, tmp_path: Path
) -> None:
    first17 = "32050819410303045"
    now = ctx.clock.now()
    ctx.clock.pin(date(2025, 1, 1))
    try:
        alone = register.register_person(
            ctx, register.PersonInput(name="孙桂芳", id_number=first17 + check_digit(first17))
        ).id
    finally:
        ctx.clock.pin(now)
    route = print_route(ctx, tmp_path / "route.pdf", within_days=0)
    assert [h.subject for h in route.households] == [f"P{alone}"]
    page_map = household_page_map(f"P{alone}", [alone])
    pictures = render_pdf(tmp_path / "route.pdf", 200)
    image = pictures[len(pictures) - len(page_map.pages)]
    pen = Pen(image, 200, random.Random(2))
    for box in page_map.page(1):
        if (box.item, box.value) in (
            (f"{alone}.presence", "present"),
            ("H.mode", "home"),
            (f"{alone}.health.level", "ok"),
        ):
            pen.tick(box)
    image.save(tmp_path / "alone.jpg", quality=70)
    (sheet,) = scan_paths(ctx, [tmp_path / "alone.jpg"]).sheets
    assert sheet.person_id == alone and sheet.household_id == ""
    draft = hv.get_household_visit(ctx, sheet.draft_id)
    assert draft.household_id is None and [m.person_id for m in draft.members] == [alone]
    done = hv.record_household_visit(ctx, draft.as_input(), draft_id=draft.id)
    assert done.status == "done"
    assert alone not in {d.person_id for d in visits.due_list(ctx)}
