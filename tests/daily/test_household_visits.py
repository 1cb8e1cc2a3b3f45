"""Household visits (入户家访): one visit to a door counts for each elder seen there."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from afc_desktop.domain.visit_content import AreaFinding, Findings
from afc_desktop.services import household_visits as hv
from afc_desktop.services import register, visits
from afc_desktop.services.context import ServiceError
from afc_desktop.services.household_visits import MemberEntry
from afc_desktop.services.visits import NeedDraft
from afc_desktop.store.models import ChangeEvent
from afc_desktop.store.models.daily import Visit

TODAY = date(2026, 11, 28)
SAFETY = Findings({"safety": AreaFinding("attention", ("structure",), "厨房顶棚渗水")})
HEALTH = Findings({"health": AreaFinding("attention", ("mobility",), "走路需拄拐")})


def household(ctx, estate="香溪花园", building="3", unit="1", room="501") -> str:
    return register.create_household(
        ctx, register.HouseholdInput(estate=estate, building=building, unit=unit, room=room)
    ).id


def couple(ctx, add_elder, **kw):
    hid = household(ctx, **kw)
    wife = add_elder(ctx, "沈萍", date(1948, 5, 1), ("empty_nest",), household_id=hid)
    husband = add_elder(ctx, "何凤鸣", date(1946, 2, 3), ("empty_nest",), household_id=hid, sex="M")
    return hid, wife, husband


def due_ids(ctx, **kw) -> set[str]:
    return {d.person_id for d in visits.due_list(ctx, **kw)}


def test_one_household_visit_takes_both_elders_off_the_due_list(ctx, add_elder):
    hid, wife, husband = couple(ctx, add_elder)
    assert {wife, husband} <= due_ids(ctx)
    rows = visits.due_by_household(ctx)
    assert [(r.household_id, len(r.elders)) for r in rows] == [(hid, 2)]
    data = hv.start_household_visit(ctx, household_id=hid, started_from="due")
    assert {m.person_id for m in data.members} == {wife, husband}
    view = hv.record_household_visit(ctx, replace(data, findings=SAFETY, companions="网格员 陈军"))
    assert view.status == "done" and len(view.members) == 2
    assert all(m.visit_id for m in view.members)
    assert not {wife, husband} & due_ids(ctx)
    assert visits.due_by_household(ctx) == []
    # each elder has an ordinary visit of their own, with the general findings carried in
    for pid in (wife, husband):
        (own,) = visits.person_visits(ctx, pid)
        assert own.visit_date == TODAY and own.started_from == "household"
        assert own.findings.areas["safety"].notes == "厨房顶棚渗水"
        assert own.companions == "网格员 陈军"
    # the household visit and each elder's visit go through the change log (they sync)
    with ctx.db.session() as s:
        tables = [t for (t,) in s.execute(select(ChangeEvent.table_name))]
    assert tables.count("household_visit") == 2  # created, then completed with its members
    assert tables.count("visit") == 2


def test_an_elder_marked_absent_stays_due(ctx, add_elder):
    hid, wife, husband = couple(ctx, add_elder)
    data = hv.start_household_visit(ctx, household_id=hid)
    data = hv.with_presence(replace(data, findings=SAFETY), husband, "absent")
    view = hv.record_household_visit(ctx, data)
    by_person = {m.person_id: m for m in view.members}
    assert by_person[husband].presence_label == "不在家" and by_person[husband].visit_id is None
    assert wife not in due_ids(ctx) and husband in due_ids(ctx)
    (row,) = visits.due_by_household(ctx)
    assert [e.person_id for e in row.elders] == [husband]
    assert visits.person_visits(ctx, husband) == []


def test_cadence_applies_per_elder_a_high_risk_elder_is_still_due_weekly(ctx, add_elder):
    hid, wife, husband = couple(ctx, add_elder)
    data = hv.start_household_visit(ctx, household_id=hid)
    members = tuple(
        replace(m, findings=HEALTH, risk_flags=("fall",)) if m.person_id == husband else m
        for m in data.members
    )
    hv.record_household_visit(ctx, replace(data, findings=SAFETY, members=members))
    later = {d.person_id: d for d in visits.due_list(ctx, include_later=True)}
    assert later[husband].rule_name == "高风险老年人"
    assert later[husband].due_date == date(2026, 12, 5)  # weekly
    assert later[wife].rule_name == "特殊困难老年人"
    assert later[wife].due_date == date(2026, 12, 28)  # monthly
    assert husband in due_ids(ctx, within_days=7) and wife not in due_ids(ctx, within_days=7)


def test_needs_and_follow_up_are_each_elders_own(ctx, add_elder):
    hid, wife, husband = couple(ctx, add_elder)
    data = hv.start_household_visit(ctx, household_id=hid)
    members = tuple(
        replace(
            m,
            needs=(NeedDraft("meals", "想在社区食堂吃午饭"),),
            follow_up_date=date(2026, 12, 5),
            follow_up_text="回访助餐",
        )
        if m.person_id == wife
        else m
        for m in data.members
    )
    hv.record_household_visit(ctx, replace(data, notes="老两口精神不错", members=members))
    (wife_visit,) = visits.person_visits(ctx, wife)
    (husband_visit,) = visits.person_visits(ctx, husband)
    assert len(wife_visit.need_ids) == 1 and wife_visit.follow_up_text == "回访助餐"
    assert husband_visit.need_ids == () and husband_visit.notes == "老两口精神不错"


def test_a_draft_keeps_every_elders_entries_and_is_finished_later(ctx, add_elder):
    hid, wife, husband = couple(ctx, add_elder)
    data = hv.start_household_visit(ctx, household_id=hid)
    members = tuple(
        replace(m, findings=HEALTH, needs=(NeedDraft("meals", "助餐"),))
        if m.person_id == wife
        else replace(m, presence="not_seen")
        for m in data.members
    )
    draft = hv.save_household_draft(ctx, replace(data, members=members))
    assert draft.status == "draft"
    assert [d.id for d in hv.list_household_drafts(ctx)] == [draft.id]
    assert {wife, husband} <= due_ids(ctx)  # a draft is not a visit
    resumed = hv.get_household_visit(ctx, draft.id).as_input()
    entry = next(m for m in resumed.members if m.person_id == wife)
    assert entry.findings == HEALTH and entry.needs == (NeedDraft("meals", "助餐"),)
    hv.record_household_visit(ctx, resumed, draft_id=draft.id)
    assert hv.list_household_drafts(ctx) == []
    assert wife not in due_ids(ctx) and husband in due_ids(ctx)


def test_bad_household_visits_are_refused_and_write_nothing(ctx, add_elder):
    hid, wife, husband = couple(ctx, add_elder)
    other = add_elder(ctx, "王美华", date(1950, 5, 5), household_id=household(ctx, room="502"))
    data = replace(hv.start_household_visit(ctx, household_id=hid), findings=SAFETY)
    with ctx.db.session() as s:
        before = s.scalar(select(func.count()).select_from(ChangeEvent))
    cases = [
        (replace(data, visit_date=date(2026, 11, 29)), "晚于今天"),
        (replace(data, members=(*data.members, MemberEntry(other))), "不是这个家庭的成员"),
        (
            replace(data, members=tuple(replace(m, presence="absent") for m in data.members)),
            "至少标记一位在家",
        ),
        (replace(data, findings=Findings()), "请至少填写一项探访内容"),
        (replace(data, members=(data.members[0], data.members[0])), "重复列出"),
    ]
    for bad, words in cases:
        with pytest.raises(ServiceError) as err:
            hv.record_household_visit(ctx, bad)
        assert words in err.value.message
        assert "沈萍" not in err.value.message and "何凤鸣" not in err.value.message
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(ChangeEvent)) == before
        assert s.scalar(select(func.count()).select_from(Visit)) == 0


def test_a_visit_to_an_address_for_an_elder_without_a_household(ctx, add_elder):
    alone = add_elder(ctx, "陆阿大", date(1939, 1, 1), ("alone",))
    data = hv.start_household_visit(ctx, person_id=alone)
    assert data.household_id is None
    with pytest.raises(ServiceError, match="走访地址"):
        hv.record_household_visit(ctx, replace(data, findings=HEALTH))
    view = hv.record_household_visit(ctx, replace(data, findings=HEALTH, address_text="桐芳巷12号"))
    assert view.address == "桐芳巷12号" and alone not in due_ids(ctx)


def test_starting_from_the_person_page_takes_the_whole_household(ctx, add_elder):
    hid, wife, husband = couple(ctx, add_elder)
    data = hv.start_household_visit(ctx, person_id=husband, started_from="person")
    assert data.household_id == hid and {m.person_id for m in data.members} == {wife, husband}


def test_due_by_household_walks_the_doors_in_order_and_counts_like_the_person_list(ctx, add_elder):
    doors = [("香溪花园", "10", "1", "101"), ("香溪花园", "2", "1", "1101"),
             ("香溪花园", "2", "1", "201"), ("桐芳巷", "1", "1", "101")]  # fmt: skip
    ids = {}
    for i, (estate, building, unit, room) in enumerate(doors):
        hid = household(ctx, estate=estate, building=building, unit=unit, room=room)
        ids[hid] = (estate, building, room)
        add_elder(ctx, f"甲{i}", date(1945, 1, 1), ("alone",), household_id=hid)
        add_elder(ctx, f"乙{i}", date(1946, 1, 1), household_id=hid, registered=date(2026, 11, 1))
    rows = visits.due_by_household(ctx)
    assert [ids[r.household_id] for r in rows] == [
        ("桐芳巷", "1", "101"),
        ("香溪花园", "2", "201"),
        ("香溪花园", "2", "1101"),
        ("香溪花园", "10", "101"),
    ]
    # inside a household the most urgent elder first
    assert all(r.elders[0].due_date <= r.elders[-1].due_date for r in rows)
    people = visits.due_list(ctx)
    assert sum(len(r.elders) for r in rows) == len(people)
    urgent = visits.due_by_household(ctx, order="urgency")
    assert [r.due_date for r in urgent] == sorted(r.due_date for r in urgent)
