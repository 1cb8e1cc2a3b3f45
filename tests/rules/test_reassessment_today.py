"""Re-assessments due (到期复评) on 今天: who is due today or earlier appears with the reason and
the date, and leaves once re-assessed; the day is the clock's local day."""

from __future__ import annotations

from datetime import date

from afc_desktop.services import visits
from afc_desktop.services.today import today_view
from afc_desktop.services.visits import VisitInput
from afc_desktop.ui.pages.today_page import Page
from afc_desktop.ui.widgets.item_editors import ScoredChoiceEditor

from .test_grades_that_count import finalize


def loaded(qtbot, page: Page) -> Page:
    qtbot.waitUntil(lambda: not page.loading, timeout=10000)
    return page


def test_due_reassessments_are_on_today_with_reason_and_date(ctx, add_elder) -> None:
    year_old = add_elder(ctx, "沈阿公", date(1940, 1, 1), sex="M")
    fell = add_elder(ctx, "周阿婆", date(1939, 2, 2))
    recent = add_elder(ctx, "陆阿婆", date(1941, 3, 3))
    next_week = add_elder(ctx, "顾阿婆", date(1942, 4, 4))
    finalize(ctx, year_old, "max", on="2025-11-20")  # due 2026-11-20: overdue
    finalize(ctx, fell, "max", on="2026-06-01")
    finalize(ctx, recent, "max", on="2026-06-01")
    finalize(ctx, next_week, "max", on="2025-12-03")  # due 2026-12-03: not today yet
    visits.record_visit(
        ctx, VisitInput(fell, date(2026, 11, 28), notes="卫生间摔倒", risk_flags=("fall",))
    )

    view = today_view(ctx)
    assert [(d.person_id, d.due_date, d.reason) for d in view.reassessments] == [
        (year_old, date(2026, 11, 20), "period"),
        (fell, date(2026, 11, 28), "fall"),
    ]
    assert "满12个月" in view.reassessments[0].reason_text
    assert view.reassessments[1].reason_text == "2026-11-28 探访记录跌倒"
    assert not view.nothing_to_do

    # five days on (the clock's local day), the 12-month one of 2025-12-03 is due as well
    ctx.clock.pin(date(2026, 12, 3))
    assert [d.person_id for d in today_view(ctx).reassessments] == [year_old, fell, next_week]


def test_a_reassessment_started_from_today_takes_the_person_off(qtbot, ctx, add_elder) -> None:
    pid = add_elder(ctx, "沈阿公", date(1940, 1, 1), sex="M")
    finalize(ctx, pid, "zero", on="2025-11-20")
    page = loaded(qtbot, Page(ctx))
    qtbot.addWidget(page)
    assert [d.person_id for d in page.reassess_model.rows] == [pid]
    assert "到期复评：1 人" in page.reassessments.title()
    assert page.reassess_model.data(page.reassess_model.index(0, 0)) == "2026-11-20"
    assert "满12个月" in page.reassess_model.data(page.reassess_model.index(0, 2))

    page.reassess_table.selectRow(0)
    dialog = page.reassess_selected()
    assert dialog is not None and dialog.person_id == pid
    assert dialog.form.id == "gbt42195-2022-ability"
    for editor in dialog.editors.values():
        if isinstance(editor, ScoredChoiceEditor):
            editor.buttons[0].click()
    for i in range(1, 6):
        dialog.editors[f"A.2.14.{i}"].set_value(0)
    dialog.editors["A.4.1"].set_value([0])
    dialog.editors["A.5.11"].set_value(1)
    dialog.editors["A.1.2"].set_value("2026-11-28")
    dialog.editors["A.1.3"].set_value(2)
    dialog.editors["S.1"].set_value("李娜")
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        assert dialog.finalize() is True
    assert page.reassess_model.rows == []
    assert page.reassessments.stack.currentWidget() is page.reassessments.empty
    dialog.close()


def test_empty_reassessments_say_what_brings_someone_there(qtbot, ctx) -> None:
    page = loaded(qtbot, Page(ctx))
    qtbot.addWidget(page)
    assert page.reassessments.stack.currentWidget() is page.reassessments.empty
    assert "今天没有到期的复评" in page.reassessments.empty.text()
    assert not page.reassessments.action.isEnabled()
