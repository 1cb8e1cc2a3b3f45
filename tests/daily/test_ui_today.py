"""UI: 今天 lists the households due today; a household visit started there takes the door off
the list; empty sections say what to do; the route prints with a preview."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from afc_desktop.services import household_visits, register, tasks, visits
from afc_desktop.ui.pages.today_page import Page


def loaded(qtbot, page: Page) -> Page:
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)
    return page


def household(ctx, building: str, room: str) -> str:
    return register.create_household(
        ctx, register.HouseholdInput(estate="香溪花园", building=building, unit="1", room=room)
    ).id


def test_a_household_visit_from_today_takes_the_household_off_the_list(qtbot, ctx, add_elder):
    home = household(ctx, "3", "501")
    wife = add_elder(ctx, "沈萍", date(1948, 5, 1), ("empty_nest",), household_id=home)
    husband = add_elder(
        ctx, "何凤鸣", date(1946, 2, 3), ("empty_nest",), household_id=home, sex="M"
    )
    other = household(ctx, "4", "101")
    add_elder(ctx, "陆阿大", date(1939, 1, 1), ("alone",), household_id=other)
    page = loaded(qtbot, Page(ctx))
    qtbot.addWidget(page)
    assert set(page.household_keys()) == {home, other}
    # counts match the 走访 page's 逾期和今天
    assert page.view is not None and page.view.people_due == len(
        visits.due_list(ctx, within_days=0)
    )
    assert "2 户，3 位老人" in page.households.title()

    page.households_table.selectRow(page.household_keys().index(home))
    dialog = page.visit_selected()
    assert dialog is not None and [p.person_id for p in dialog.panels] == [husband, wife]
    assert dialog.address.text() == "香溪花园3幢1单元501室"
    dialog.general_areas["safety"].issues["structure"].setChecked(True)
    dialog.panel(wife).areas["health"].issues["mobility"].setChecked(True)
    dialog.panel(husband).risk_flags["fall"].setChecked(True)
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert page.household_keys() == [other]
    husband_visit = visits.person_visits(ctx, husband)[0]
    assert husband_visit.risk_level == "high" and husband_visit.started_from == "household"
    assert visits.person_visits(ctx, wife)[0].findings.areas["safety"].level == "attention"


def test_an_absent_elder_keeps_the_household_on_today(qtbot, ctx, add_elder):
    home = household(ctx, "3", "501")
    wife = add_elder(ctx, "沈萍", date(1948, 5, 1), ("empty_nest",), household_id=home)
    husband = add_elder(
        ctx, "何凤鸣", date(1946, 2, 3), ("empty_nest",), household_id=home, sex="M"
    )
    page = loaded(qtbot, Page(ctx))
    qtbot.addWidget(page)
    page.households_table.selectRow(0)
    dialog = page.visit_selected()
    dialog.panel(husband).set_presence("absent")
    assert not dialog.panel(husband).content.isEnabled()
    dialog.panel(wife).notes.setPlainText("精神好")
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        dialog.record()
    (row,) = page.households_model.rows
    assert [e.person_id for e in row.elders] == [husband]


def test_empty_today_says_what_to_do_and_drafts_resume(qtbot, ctx, add_elder):
    page = loaded(qtbot, Page(ctx))
    qtbot.addWidget(page)
    assert page.households.stack.currentWidget() is page.households.empty
    assert "今天没有到期的探访" in page.households.empty.text()
    assert "今天没有到期的待办" in page.tasks.empty.text()
    assert not page.visit_button.isEnabled()
    # a draft and a task due today show up, one double click from their action
    home = household(ctx, "3", "501")
    pid = add_elder(ctx, "沈萍", date(1948, 5, 1), household_id=home, registered=None)
    draft = household_visits.save_household_draft(
        ctx, household_visits.start_household_visit(ctx, household_id=home)
    )
    tasks.create_task(ctx, tasks.TaskInput(title="送助餐卡", due_date=ctx.today(), person_id=pid))
    page.refresh()
    loaded(qtbot, page)
    assert [t.title for t in page.tasks_model.rows] == ["送助餐卡"]
    assert page.drafts_model.rows[0].household.id == draft.id
    page.drafts_table.selectRow(0)
    dialog = page.resume_selected()
    assert dialog is not None and dialog.draft_id == draft.id
    dialog.done(0)
    page.tasks_table.selectRow(0)
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.complete_task(page.tasks_table)
    assert page.tasks_model.rows == [] and page.tasks.stack.currentWidget() is page.tasks.empty


def test_the_route_previews_and_saves_one_pdf(qtbot, ctx, add_elder, tmp_path):
    home = household(ctx, "3", "501")
    add_elder(ctx, "沈萍", date(1948, 5, 1), ("empty_nest",), household_id=home)
    page = loaded(qtbot, Page(ctx))
    qtbot.addWidget(page)
    dialog = page.print_route()
    assert "共 1 户、1 位老人" in dialog.count.text()
    preview = dialog.preview()
    assert preview is not None and preview.isVisible()
    preview.close()
    out = tmp_path / "route.pdf"
    with qtbot.waitSignal(dialog.save_pdf(out).sig_finished, timeout=60_000) as done:
        pass  # written off the UI thread
    assert done.args[0].households and out.read_bytes().startswith(b"%PDF")
    assert str(out) in dialog.status.text()
    dialog.days.setValue(0)
    dialog.close()


def test_a_cancelled_route_writes_no_file(qtbot, ctx, add_elder, tmp_path):
    """The route PDF is made off the UI thread; 取消 stops it and leaves no file behind."""
    for room in ("501", "502", "601"):
        add_elder(
            ctx, f"住户{room}", date(1948, 5, 1), ("alone",), household_id=household(ctx, "3", room)
        )
    page = loaded(qtbot, Page(ctx))
    qtbot.addWidget(page)
    dialog = page.print_route()
    out = tmp_path / "route.pdf"
    job = dialog.save_pdf(out)
    assert not dialog.save_button.isEnabled()
    job.cancel()  # before the first door is drawn
    qtbot.waitSignal(job.sig_cancelled, timeout=60_000).wait()
    assert not out.exists() and dialog.save_button.isEnabled()
    dialog.close()
