"""A recorded visit prints from the person page as the 探访记录表 (issue 4: the visit record)."""

from __future__ import annotations

import subprocess
from datetime import date

from PySide6.QtPrintSupport import QPrintPreviewDialog

from afc_desktop.printing.visit_record import write_visit_record_pdf
from afc_desktop.services import visits
from afc_desktop.services.assessments import printable_visit
from afc_desktop.ui.widgets.person_daily_panel import PersonDailyPanel


def test_recorded_visit_prints_with_its_findings(qtbot, ctx, add_elder, tmp_path):
    pid = add_elder(ctx, "顾凤英", date(1938, 8, 8), ("alone",))
    view = visits.record_visit(
        ctx, visits.VisitInput(pid, date(2026, 11, 20), notes="走路需拄拐，已提醒防滑")
    )
    form, record = printable_visit(ctx, view.id)
    pdf = write_visit_record_pdf(form, record, tmp_path / "visit.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "探访记录" in text and "顾凤英" in text and "走路需拄拐" in text

    panel = PersonDailyPanel(ctx, pid)
    qtbot.addWidget(panel)
    panel.visits_table.selectRow(0)
    preview = panel.print_selected()
    assert isinstance(preview, QPrintPreviewDialog)
    preview.close()
