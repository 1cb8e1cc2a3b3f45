"""UI: the household form asks before a second household for one door; a worker merges the
households of one door and splits members off to another door; a household visit starts from
the household list."""

from __future__ import annotations

from datetime import date

from afc_desktop.services import register
from afc_desktop.services.register import HouseholdInput, PersonInput
from afc_desktop.ui.dialogs.household_dialog import HouseholdDialog
from afc_desktop.ui.widgets.households_panel import HouseholdsPanel


def test_entry_asks_merge_and_split(qtbot, ctx, monkeypatch):
    home = register.create_household(
        ctx, HouseholdInput(estate="香溪花园", building="3", unit="1", room="501")
    )
    asked = []
    monkeypatch.setattr(HouseholdDialog, "confirm_new_door", lambda self, m: asked.append(m))
    dialog = HouseholdDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.estate.setCurrentText("香溪花园")
    dialog.building.setText("３幢")
    dialog.room.setText("501")
    dialog.save()  # unit missing: maybe the same door -> asked, refused, nothing created
    assert [h.id for h in asked[0].maybe] == [home.id] and dialog.saved is None
    monkeypatch.setattr(HouseholdDialog, "confirm_new_door", lambda self, m: True)
    dialog.save()
    assert dialog.saved is not None
    wife = register.register_person(
        ctx, PersonInput(name="沈萍", birth_date=date(1948, 5, 1), household_id=home.id)
    )
    husband = register.register_person(
        ctx, PersonInput(name="何凤鸣", birth_date=date(1946, 2, 3), household_id=dialog.saved.id)
    )

    panel = HouseholdsPanel(ctx)
    qtbot.addWidget(panel)
    panel.reload()
    review = panel.review_duplicates()
    assert len(review.groups) == 1 and review.groups[0].verdict == "maybe"
    keep = [h.id for h in review.groups[0].households].index(home.id)
    review.select(0, keep)
    merged = review.merge_selected()
    assert merged is not None and merged.member_count == 2 and review.groups == []
    review.close()

    panel.reload()
    panel.households.selectRow(0)
    assert sorted(panel._member_ids) == sorted([wife.id, husband.id])
    panel.members.selectRow(panel._member_ids.index(husband.id))
    split = panel.split_selected()
    assert split is not None and split.estate.currentText() == "香溪花园"
    split.building.setText("3")
    split.unit.setText("1")
    split.room.setText("502")
    split.save()
    assert register.get_person(ctx, husband.id).household.address_text == "香溪花园3幢1单元502室"
    assert register.get_person(ctx, wife.id).household.id == home.id

    panel.reload()
    row = [h.id for h in panel._views].index(home.id)
    panel.households.selectRow(row)
    visit = panel.visit_selected()
    assert visit is not None and [p.person_id for p in visit.panels] == [wife.id]
    visit.done(0)
