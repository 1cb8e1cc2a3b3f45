"""The person page shows a duplicate the district found across communities (issue 6 §4)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from afc_desktop.services import register as reg
from afc_desktop.store.models.sync_state import SyncDuplicateFlag
from afc_desktop.ui.dialogs.person_view import PersonViewDialog

ID = "11010519491231002X"


def test_cross_community_duplicate_is_flagged_on_the_person_page(ctx, qtbot) -> None:
    person = reg.register_person(ctx, reg.PersonInput(name="张三丰", id_number=ID))
    page = PersonViewDialog(ctx, person.id)
    qtbot.addWidget(page)
    assert page.findChild(QLabel, "duplicateNotice") is None

    with ctx.db.session() as s:  # as importing a receipt from the district records it
        s.add(SyncDuplicateFlag(id_number=ID, communities=["吴中区木渎镇香溪社区"]))
    page.reload()
    notice = page.findChild(QLabel, "duplicateNotice")
    assert notice is not None and "香溪社区" in notice.text()
