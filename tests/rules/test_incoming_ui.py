"""迁入待接收 in the window: the register shows how many people are moving in, the dialog
accepts one (a new record of this community) and the person page shows the history they
brought; a transfer for another community is refused in plain Chinese."""

from __future__ import annotations

from datetime import date

from afc_desktop.domain.idcard import check_digit
from afc_desktop.services import register
from afc_desktop.services.register.transfers import store_transfer
from afc_desktop.store.models.sync_state import SyncPeer
from afc_desktop.ui.dialogs.incoming_dialog import IncomingDialog
from afc_desktop.ui.dialogs.person_view import PersonViewDialog
from afc_desktop.ui.pages.register_page import Page

OWN, OTHER = "320508001002", "320508001003"


def transfer(tid: str, to_code: str, name: str, first17: str) -> dict:
    return {
        "type": "transfer", "transfer_id": tid, "person_id": "p-" + tid, "from_code": "320508001001",
        "from_name": "梅巷社区", "to_code": to_code, "removed_on": "2026-11-20",
        "person": {"name": name, "id_number": first17 + check_digit(first17), "sex": "F",
                   "birth_date": first17[6:10] + "-05-05", "categories": ["alone"],
                   "ability_grade": "能力完好", "ability_assessed_on": "2026-03-01"},
        "visits": [{"visit_date": "2026-11-02", "notes": "精神好"}],
        "assessments": [{"assessed_on": "2026-03-01", "final_grade": "能力完好"}],
    }  # fmt: skip


def test_people_moving_in_are_accepted_from_the_register(qtbot, ctx) -> None:
    with ctx.db.session(write=True) as s:
        s.add(SyncPeer(key_id="d" * 16, role="district", code="320508", sign_public="x",
                       enc_public="x", community_code=OWN))  # fmt: skip
        assert store_transfer(s, transfer("t1", OWN, "蒋阿婆", "32050819380505002"), OWN)
        assert not store_transfer(s, transfer("t2", OTHER, "陆阿公", "32050819400101003"), OWN)
    page = Page(ctx)
    qtbot.addWidget(page)
    assert page.incoming_button.text() == "迁入待接收（1）…"
    assert not page.incoming_button.isHidden()

    dialog = page.open_incoming()
    assert isinstance(dialog, IncomingDialog)
    assert [r.name for r in dialog.model.rows] == ["蒋阿婆"]
    dialog.table.selectRow(0)
    pid = dialog.accept_selected()
    assert pid is not None and "已接收：蒋阿婆" in dialog.message.text()
    assert dialog.model.rows == [] and not dialog.accept_button.isEnabled()
    dialog.close()
    assert page.incoming_button.isHidden()
    person = register.get_person(ctx, pid)
    assert person.registered_on == date(2026, 11, 28) and person.ability_grade == "能力完好"

    view = PersonViewDialog(ctx, pid)
    qtbot.addWidget(view)
    from PySide6.QtWidgets import QLabel

    brought = view.findChild(QLabel, "movedInHistory")
    assert brought is not None
    assert "迁入自梅巷社区" in brought.text() and "2026-11-02 探访：精神好" in brought.text()


def test_accepting_a_transfer_for_someone_already_registered_is_refused(qtbot, ctx) -> None:
    first17 = "32050819380505002"
    register.register_person(
        ctx, register.PersonInput(name="蒋阿婆", id_number=first17 + check_digit(first17))
    )
    with ctx.db.session(write=True) as s:
        s.add(SyncPeer(key_id="d" * 16, role="district", code="320508", sign_public="x",
                       enc_public="x", community_code=OWN))  # fmt: skip
        store_transfer(s, transfer("t1", OWN, "蒋阿婆", first17), OWN)
    dialog = IncomingDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    assert dialog.accept_selected() is None
    assert dialog.message.text() == "本社区登记册中已有身份证号相同的人员，请先核对，不能重复接收"
    assert len(dialog.model.rows) == 1


def test_a_transfer_accepted_on_another_laptop_is_not_accepted_twice(ctx) -> None:
    """Two laptops of one community both get the receipt; once the first laptop's record
    arrives (a paired-laptop bundle), the second neither lists nor accepts the transfer."""
    from afc_desktop.store.models import Person

    with ctx.db.session(write=True) as s:
        s.add(SyncPeer(key_id="d" * 16, role="district", code="320508", sign_public="x",
                       enc_public="x", community_code=OWN))  # fmt: skip
        store_transfer(s, transfer("t1", OWN, "蒋阿婆", "32050819380505002"), OWN)
    assert [t.id for t in register.incoming_transfers(ctx)] == ["t1"]
    with ctx.db.session(write=True) as s:  # what the other laptop's bundle brings
        s.add(Person(name="蒋阿婆", transferred_from="t1"))
    assert register.incoming_transfers(ctx) == []
    import pytest

    from afc_desktop.services.context import ServiceError

    with pytest.raises(ServiceError, match="另一台电脑接收"):
        register.accept_transfer(ctx, "t1")
