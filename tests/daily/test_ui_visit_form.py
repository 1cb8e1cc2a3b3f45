"""The visit form keeps what the worker knows (issue 11 §4–5): the risk level starts from the
latest visit, a change of cadence is said before saving, and a draft is resumed, then removed
when the visit is recorded."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox

from afc_desktop.services import visits
from afc_desktop.ui.dialogs.visit_dialog import VisitDialog


def high_risk_elder(ctx, add_elder) -> str:
    pid = add_elder(ctx, "周桂英", date(1950, 5, 5))  # no category: quarterly at normal risk
    visits.record_visit(
        ctx,
        visits.VisitInput(
            pid, date(2026, 11, 20), notes="昨天摔过", risk_flags=("fall",), risk_level="high"
        ),
    )
    return pid


def test_risk_level_starts_from_the_latest_visit(qtbot, ctx, add_elder):
    pid = high_risk_elder(ctx, add_elder)
    dialog = VisitDialog(ctx, pid)
    qtbot.addWidget(dialog)
    assert dialog.risk_level.currentData() == "high"
    assert dialog.cadence_note.isHidden()  # nothing changes unless the worker changes it


def test_lowering_the_risk_says_the_new_cadence_and_asks(qtbot, ctx, add_elder, monkeypatch):
    pid = high_risk_elder(ctx, add_elder)
    dialog = VisitDialog(ctx, pid)
    qtbot.addWidget(dialog)
    dialog.notes.setPlainText("恢复良好")
    dialog.risk_level.setCurrentIndex(dialog.risk_level.findData("normal"))
    assert not dialog.cadence_note.isHidden()
    assert dialog.cadence_note.text() == "下次探访：每周 → 每季度，因为风险等级改为一般"

    asked: list[str] = []

    def answer_no(_parent, _title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer_no)
    assert dialog.record() is None
    assert asked and "每周 → 每季度" in asked[0]
    assert len(visits.person_visits(ctx, pid)) == 1  # nothing recorded

    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    assert dialog.record() is not None
    assert visits.person_cadence(ctx, pid).risk_level == "normal"


def test_a_first_visit_that_sets_high_risk_says_weekly(qtbot, ctx, add_elder):
    pid = add_elder(ctx, "吴阿大", date(1948, 2, 2))
    dialog = VisitDialog(ctx, pid)
    qtbot.addWidget(dialog)
    assert dialog.risk_level.currentData() == "normal" and dialog.cadence_note.isHidden()
    dialog.notes.setPlainText("卫生间地滑")
    dialog.risk_flags["fall"].setChecked(True)  # suggests high
    assert dialog.cadence_note.text() == "下次探访：每季度 → 每周，因为风险等级改为高风险"
    assert dialog.record() is not None  # more visits: recorded without asking


def test_opening_a_visit_resumes_the_draft_and_recording_removes_it(qtbot, ctx, add_elder):
    pid = add_elder(ctx, "郑小妹", date(1945, 9, 9), ("alone",))
    draft = visits.save_draft(
        ctx, visits.VisitInput(pid, date(2026, 11, 27), notes="老人说腿疼，下次再问")
    )
    dialog = VisitDialog(ctx, pid)  # 登记探访, not 继续填写: the draft is offered anyway
    qtbot.addWidget(dialog)
    assert dialog.draft_id == draft.id
    assert dialog.notes.toPlainText() == "老人说腿疼，下次再问"
    assert "草稿" in dialog.windowTitle()
    assert dialog.record() is not None
    assert visits.list_drafts(ctx, person_id=pid) == []
    assert [v.notes for v in visits.person_visits(ctx, pid)] == ["老人说腿疼，下次再问"]
