"""Notice and consent in the window: the person page prints the notice and records that it
was given; the register lists who has not been told yet."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest

from afc_desktop.services import register
from afc_desktop.ui.dialogs.person_view import PersonViewDialog
from afc_desktop.ui.pages.register_page import NOT_INFORMED, Page

from .conftest import id_number


def test_person_page_prints_the_notice_and_records_consent(qtbot, ctx, add_elder, tmp_path):
    told = add_elder(ctx, "许阿婆", date(1939, 9, 9))
    untold = add_elder(ctx, "许阿公", date(1938, 8, 8), sex="M")
    page = Page(ctx)
    qtbot.addWidget(page)
    page.category.setCurrentIndex(page.category.findData(NOT_INFORMED))
    page.run_search()
    assert page.model.rowCount() == 2

    dialog = PersonViewDialog(ctx, told)
    qtbot.addWidget(dialog)
    pdf = dialog.write_notice(tmp_path / "notice.pdf")
    assert pdf is not None and pdf.exists()
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        number = register.get_person(ctx, told).id_number
        assert "个人信息收集使用告知书" in text and number not in text and number[-4:] in text
    dialog.record_informed(consent=True)
    detail = register.get_person(ctx, told)
    assert (detail.informed_on, detail.consent, detail.consent_date) == (
        ctx.today(),
        True,
        ctx.today(),
    )
    page.run_search()
    assert [page.model.row_at(0).id] == [untold]
    assert [p.id for p in register.not_informed(ctx)] == [untold]


@pytest.mark.parametrize("reason", ["其他"])
def test_other_needs_a_note(ctx, reason) -> None:
    pid = register.register_person(
        ctx, register.PersonInput(name="吕阿婆", id_number=id_number(date(1937, 7, 7)))
    ).id
    with pytest.raises(register.ServiceError, match="写明情况"):
        register.remove_person(ctx, pid, reason)
    with pytest.raises(register.ServiceError, match="晚于今天"):
        register.remove_person(ctx, pid, "去世", date(2026, 12, 1))
    register.remove_person(ctx, pid, reason, note="入住养老机构")
    [gone] = register.list_removed(ctx)
    assert (gone.reason_label, gone.note, gone.removed_on) == ("其他", "入住养老机构", ctx.today())
    back = register.reregister_person(ctx, pid)
    assert back.registered_on == ctx.today() and back.removed_on is None
