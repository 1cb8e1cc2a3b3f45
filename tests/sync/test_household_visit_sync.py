"""A household visit travels in the change log: applied at another site it brings the
household_visit row and each elder's visit, and the elders leave that site's due list too."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select

from afc_desktop.domain.visit_content import AreaFinding, Findings
from afc_desktop.services import household_visits as hv
from afc_desktop.services import register
from afc_desktop.store import changes
from afc_desktop.store.models import ChangeEvent
from afc_desktop.store.models.daily import PersonVisitState, Visit
from afc_desktop.store.models.household_visit import HouseholdVisit
from afc_desktop.sync import apply


def test_household_visit_events_apply_at_another_site(ctx, make_db):
    home = register.create_household(
        ctx, register.HouseholdInput(estate="香溪花园", building="3", unit="1", room="501")
    ).id
    people = [
        register.register_person(
            ctx, register.PersonInput(name=name, birth_date=born, household_id=home)
        ).id
        for name, born in (("沈萍", date(1948, 5, 1)), ("何凤鸣", date(1946, 2, 3)))
    ]
    data = hv.start_household_visit(ctx, household_id=home)
    data = hv.with_presence(
        replace(data, findings=Findings({"safety": AreaFinding("attention", ("gas",))})),
        people[1],
        "absent",
    )
    view = hv.record_household_visit(ctx, data)
    with ctx.db.session() as s:
        events = [
            changes.event_as_dict(e)
            for e in s.scalars(select(ChangeEvent).order_by(ChangeEvent.seq))
        ]
    assert "household_visit" in {e["table"] for e in events}

    other = make_db("other-site")
    with other.session() as s:
        result = apply.apply_events(s, events, bundle_id="b-1")
        assert result.conflicts == 0
    with other.session() as s:
        row = s.get(HouseholdVisit, view.id)
        assert row is not None and row.status == "done" and row.household_id == home
        presence = {m["person_id"]: m["presence"] for m in row.members}
        assert presence == {people[0]: "present", people[1]: "absent"}
        (visit,) = s.scalars(select(Visit).where(Visit.household_visit_id == view.id))
        assert visit.person_id == people[0]
        state = s.get(PersonVisitState, people[0])
        assert state is not None and state.last_visit_date == view.visit_date
        assert s.get(PersonVisitState, people[1]) is None
