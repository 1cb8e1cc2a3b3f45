"""The remove dialog asks for the receiving community when a person moves within the district;
a wrong code is refused in plain Chinese and the person stays on the register."""

from __future__ import annotations

from datetime import date

from afc_desktop.services.register import get_person
from afc_desktop.store.models import Person
from afc_desktop.ui.dialogs.remove_person_dialog import RemovePersonDialog


def test_moving_within_the_district_asks_for_the_receiving_community(qtbot, ctx, add_elder):
    pid = add_elder(ctx, "蒋阿婆", date(1938, 5, 5))
    dialog = RemovePersonDialog(ctx, pid, "蒋阿婆")
    qtbot.addWidget(dialog)
    assert not dialog.form.isRowVisible(dialog.to_community)  # 去世 needs no destination
    dialog.reason.setCurrentIndex(dialog.reason.findData("moved_within"))
    assert dialog.form.isRowVisible(dialog.to_community)

    dialog.to_community.setText("3205080010")
    dialog.accept()
    assert dialog.error.text() == "接收社区代码应为12位数字（统计用区划代码）"
    assert get_person(ctx, pid).name == "蒋阿婆"  # still on the register

    dialog.to_community.setText("320508001002")
    dialog.accept()
    with ctx.session() as s:
        row = s.get(Person, pid)
        assert row.deleted and row.removal_reason == "moved_within"
        assert row.moved_to == "320508001002"
