"""Photos in the window: the person page's 照片 tab and the visit dialog's photos."""

from __future__ import annotations

import os
from pathlib import Path

from afc_desktop.services import attachments as att
from afc_desktop.services import visits
from afc_desktop.ui.dialogs.person_view import PersonViewDialog
from afc_desktop.ui.dialogs.visit_dialog import VisitDialog

from .conftest import phone_photo
from .test_print_pictures import picture

SHOTS = os.environ.get("AFC_SCREENSHOTS")  # a folder: save what the tests show, for a look


def _shot(widget, name: str) -> None:  # noqa: ANN001
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_the_person_page_shows_thumbnails_and_refuses_a_non_picture(qtbot, ctx, elder, tmp_path):
    files = []
    for colour, role in [
        ((150, 30, 30), "before"),
        ((30, 120, 30), "after"),
        ((40, 40, 160), "photo"),
    ]:
        path = tmp_path / f"{role}.jpg"
        path.write_bytes(picture(colour, role))
        files.append(path)
    not_a_photo = tmp_path / "名单.xlsx"
    not_a_photo.write_bytes(b"PK\x03\x04 not a picture")
    dialog = PersonViewDialog(ctx, elder)
    qtbot.addWidget(dialog)
    dialog.resize(760, 560)
    dialog.tabs.setCurrentWidget(dialog.photos)
    strip = dialog.photos
    strip.role.setCurrentIndex(strip.role.findData("before"))
    assert strip.add_files([files[0]], caption="卫生间") == []
    strip.role.setCurrentIndex(strip.role.findData("after"))
    refusals = strip.add_files([files[1], not_a_photo])
    assert len(refusals) == 1 and "名单.xlsx" in refusals[0] and "不是照片" in refusals[0]
    strip.role.setCurrentIndex(strip.role.findData("photo"))
    strip.add_files([files[2]])
    assert strip.list.count() == 3
    assert all(not strip.list.item(i).icon().isNull() for i in range(3))
    assert [v.role for v in strip.views] == ["before", "after", "photo"]
    dialog.show()
    qtbot.waitExposed(dialog)
    _shot(dialog, "person-photos")
    viewer = strip.show_selected()
    assert viewer is not None
    qtbot.addWidget(viewer)
    strip.list.setCurrentRow(2)
    strip.remove_selected()
    assert strip.list.count() == 2 and len(att.list_attachments(ctx, person_id=elder)) == 2
    exported = strip.export_to(tmp_path / "out.jpg")
    assert exported is not None and exported.stat().st_size > 0


def test_a_photo_added_to_a_new_visit_keeps_it_as_a_draft(qtbot, ctx, elder, tmp_path):
    dialog = VisitDialog(ctx, elder)
    qtbot.addWidget(dialog)
    dialog.notes.setPlainText("门口有台阶")
    path = tmp_path / "door.jpg"
    path.write_bytes(phone_photo(2400, 1800, 6))
    assert dialog.photos.add_files([path]) == []
    assert dialog.draft_id is not None  # saved first, so the photo has a record
    (draft,) = visits.list_drafts(ctx, elder)
    (photo,) = att.list_attachments(ctx, owner_kind="visit", owner_id=draft.id)
    assert (photo.width, photo.height) == (1200, 1600)
    dialog.resize(760, 720)
    dialog.show()
    qtbot.waitExposed(dialog)
    scroll = dialog.photos.parentWidget()
    dialog.findChild(type(dialog.photos.list)).scrollToTop()
    _shot(scroll, "visit-photos")
    view = dialog.record()
    assert view is not None and view.status == "done" and view.id == draft.id
    assert att.list_attachments(ctx, owner_kind="visit", owner_id=view.id)[0].id == photo.id


def test_a_household_visit_takes_photos_too(qtbot, ctx, tmp_path):
    from datetime import date

    from PySide6.QtWidgets import QWidget

    from afc_desktop.services import register
    from afc_desktop.ui.dialogs.household_visit_dialog import open_household_visit

    home = register.create_household(
        ctx, register.HouseholdInput(estate="香溪花园", building="3", unit="1", room="501")
    ).id
    register.register_person(
        ctx, register.PersonInput(name="沈萍", birth_date=date(1948, 5, 1), household_id=home)
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = open_household_visit(ctx, parent, household_id=home)
    assert dialog is not None  # owned by ``parent``, closed with it
    path = tmp_path / "kitchen.jpg"
    path.write_bytes(picture((120, 90, 30), "kitchen"))
    assert dialog.photos.add_files([path]) == []
    (photo,) = att.list_attachments(ctx, owner_kind="household_visit", owner_id=dialog.draft_id)
    assert photo.household_id == home and photo.person_id is None
