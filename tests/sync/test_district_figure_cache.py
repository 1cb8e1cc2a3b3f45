"""The district's figure cache (issue 14, district scale): a report reuses a community's
figures only while its data is unchanged; a new bundle or a new day recomputes them, and only
the communities concerned."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from afc_desktop.district import figure_cache, figures, hub
from afc_desktop.services import stats, visits
from afc_desktop.services import sync as sync_service
from afc_desktop.services.register import PersonInput, register_person
from afc_desktop.services.visits import VisitInput
from afc_desktop.store.models.district import DistrictFigureCache

from .test_district_desk import FINE, HUQIU, PINGJIANG, export_import, hub_db, idn, site

__all__ = ["hub_db"]  # the fixture, imported for its use here


@pytest.fixture()
def recomputed(monkeypatch):
    """The ``sites`` each costly recomputation was asked for (None: everyone)."""
    calls: list[list[str] | None] = []
    real = stats.people_by

    def spy(s, on, group_of, sites=None):
        if group_of is not None:  # the district's call, not a community's own overview
            calls.append(None if sites is None else sorted(sites))
        return real(s, on, group_of, sites)

    monkeypatch.setattr(figures.stats, "people_by", spy)
    return calls


def _row(report, code):
    return next(r for r in report.rows if r.code == code)


def test_a_new_bundle_changes_the_cached_figure(tmp_path, hub_db, district_on, recomputed):
    district = district_on(hub_db)
    a = site(tmp_path, "a", PINGJIANG, "梅巷社区", district, on=date(2026, 9, 1))
    other = site(tmp_path, "o", HUQIU, "梅巷社区", district, on=date(2026, 9, 1))
    try:
        alone = [
            register_person(
                a,
                PersonInput(
                    name=f"独居{i}", id_number=idn(date(1944, 3, 1 + i), 300 + i),
                    categories=("alone",),
                ),
            ).id
            for i in range(2)
        ]  # fmt: skip
        register_person(
            other,
            PersonInput(name="别处", id_number=idn(date(1940, 1, 1), 400), categories=("alone",)),
        )
        today = date(2026, 11, 20)
        for clock in (a.clock, other.clock, hub_db.clock):
            clock.pin(today)
        visits.record_visit(
            a, VisitInput(person_id=alone[0], visit_date=date(2026, 11, 10), findings=FINE)
        )
        export_import(a, district, tmp_path)
        export_import(other, district, tmp_path, "usb2")

        first = figures.district_report(hub_db, 2026, 11)
        assert recomputed == [None]  # nothing cached yet: everyone in one pass
        assert (_row(first, PINGJIANG).special_due, _row(first, PINGJIANG).special_visited) == (
            2,
            1,
        )
        with hub_db.session() as s:
            assert {r.code for r in s.scalars(select(DistrictFigureCache))} == {PINGJIANG, HUQIU}

        again = figures.district_report(hub_db, 2026, 11)
        assert recomputed == [None]  # served from the cache
        assert again.as_dict() == first.as_dict()

        # a draft travels in no bundle figure; a recorded visit in a new bundle does
        visits.save_draft(
            a, VisitInput(person_id=alone[1], visit_date=date(2026, 11, 12), findings=FINE)
        )
        out = sync_service.export_bundle(a, tmp_path / "usb3")  # drafts may not even travel
        assert hub.import_bundle(district.db, district.keys, out.path).outcome != "refused"
        after_draft = figures.district_report(hub_db, 2026, 11)
        assert _row(after_draft, PINGJIANG).special_visited == 1

        visits.record_visit(
            a, VisitInput(person_id=alone[1], visit_date=date(2026, 11, 15), findings=FINE)
        )
        export_import(a, district, tmp_path, "usb4")
        recomputed.clear()
        after = figures.district_report(hub_db, 2026, 11)
        row = _row(after, PINGJIANG)
        assert (row.special_due, row.special_visited) == (2, 2)
        own = stats.community_stats(a, stats.Period(date(2026, 11, 1), date(2026, 11, 30)))
        assert (row.special_due, row.special_visited, row.overdue, row.elders) == (
            own.visits.special_due,
            own.visits.special_visited,
            own.visits.overdue,
            own.people.elders,
        )
        # only the community that sent the bundle was recomputed
        assert len(recomputed) == 1 and recomputed[0] is not None
        with hub_db.session() as s:
            a_sites = {
                site_id for site_id, code in figures.site_codes(s).items() if code == PINGJIANG
            }
        assert set(recomputed[0]) == a_sites
        assert _row(after, HUQIU).as_dict() == _row(first, HUQIU).as_dict()

        # a new day: overdue visits move with it, every community is recomputed
        recomputed.clear()
        hub_db.clock.pin(date(2026, 11, 21))
        figures.district_report(hub_db, 2026, 11)
        assert recomputed == [None]
    finally:
        a.db.dispose()
        other.db.dispose()


def test_figures_version_and_forget_empty_the_cache(tmp_path, hub_db, district_on, recomputed):
    district = district_on(hub_db)
    a = site(tmp_path, "a", PINGJIANG, "梅巷社区", district, on=date(2026, 9, 1))
    try:
        hub_db.clock.pin(date(2026, 11, 20))
        a.clock.pin(date(2026, 11, 20))
        export_import(a, district, tmp_path)
        figures.district_report(hub_db, 2026, 11)
        figure_cache.forget(hub_db)
        figures.district_report(hub_db, 2026, 11)
        assert recomputed == [None, None]
    finally:
        a.db.dispose()
