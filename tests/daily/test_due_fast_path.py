"""The due list's fast path (the database keeps only the elders who may be due, joined with
their household in one statement) gives exactly what a plain reference computes from the
visits themselves: for every elder, the latest recorded visit, the cadence rule that applies
today and the due date — on a seeded register, with the default and with edited rules, on
ordinary days and across the 1st of the month, where a stored UTC instant falls on another
local (Asia/Shanghai) day than its UTC date."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert, select

from afc_desktop.domain import address as addr
from afc_desktop.domain import schedule
from afc_desktop.domain.ages import years_before
from afc_desktop.domain.demo import generate_households
from afc_desktop.domain.schedule import CadenceRule, Subject
from afc_desktop.services import visits
from afc_desktop.services.visits.rules import rules_in_force
from afc_desktop.store.bulk import insert_synced
from afc_desktop.store.derive import category_flags
from afc_desktop.store.models import Household, Person, new_id
from afc_desktop.store.models.daily import Visit

SEED_TODAY = date(2026, 11, 28)


def _person_row(hid, name, birth, categories, created, site):
    return dict(id=new_id(), household_id=hid, relation_to_head="", is_elder=True, name=name,
                id_number=None, sex="F", birth_date=birth, phone="", living_arrangement="",
                categories=categories, emergency_contacts=[], ability_grade="", consent=False,
                notes="", search_text=name, pinyin_full="", pinyin_initials="",
                category_flags=category_flags(categories), created_at=created,
                updated_at=created, deleted=False, origin_site=site)  # fmt: skip


def seed(ctx) -> dict[str, str]:
    """About 300 people in households from the demo generator, plus elders placed on the
    edges (registered around local midnight at a month's turn, born on the day they turn 80),
    and visits written through the ORM (the summary kept by the flush hook) and in bulk
    (kept by the bulk deriver): drafts, deleted ones, same-day pairs with different risk."""
    rng = random.Random(13)
    site = ctx.db.site_id
    base = datetime(2025, 6, 1, tzinfo=UTC)
    named: dict[str, str] = {}
    elders: list[str] = []
    with ctx.db.engine.begin() as conn:
        hh_rows, p_rows = [], []
        for hh in generate_households(300, today=SEED_TODAY, seed=5):
            hid = new_id()
            hh_rows.append(
                dict(id=hid, kind=hh.kind, estate=hh.estate or hh.village or "",
                     building=hh.building or hh.group or "", unit=hh.unit or "",
                     room=hh.room or hh.door_number or "", address_text=hh.address,
                     phone=hh.phone or "", notes="", created_at=base, updated_at=base,
                     deleted=False, origin_site=site)
            )  # fmt: skip
            for m in hh.members:
                created = base + timedelta(minutes=rng.randrange(60 * 24 * 560))
                row = _person_row(hid, m.name, m.birth_date, m.categories, created, site)
                row["is_elder"] = m.is_elder
                row["deleted"] = rng.random() < 0.03
                p_rows.append(row)
                if m.is_elder and not row["deleted"]:
                    elders.append(row["id"])
        # an elder alone (no household) and the edges, none of them visited
        edges = {
            # 23:59:59 on 30 Nov in Suzhou: due in November
            "late_30_nov": datetime(2026, 11, 30, 15, 59, 59, tzinfo=UTC),
            # 00:00 on 1 Dec in Suzhou, still 30 Nov by the UTC date: due in December only
            "first_dec": datetime(2026, 11, 30, 16, 0, 0, tzinfo=UTC),
            # 07:00 on 1 Dec in Suzhou
            "morning_dec": datetime(2026, 11, 30, 23, 0, 0, tzinfo=UTC),
            "first_jan": datetime(2026, 12, 31, 16, 30, tzinfo=UTC),
        }
        for label, at in edges.items():
            row = _person_row(None, label, date(1950, 5, 5), ["alone"], at, site)
            p_rows.append(row)
            named[label] = row["id"]
        # turning 80 today or tomorrow: 高龄 (a derived category) starts on the birthday
        for label, born in (
            ("eighty_today", years_before(SEED_TODAY, 80)),
            ("eighty_tomorrow", years_before(SEED_TODAY, 80) + timedelta(days=1)),
            ("no_birth_date", None),
        ):
            row = _person_row(hh_rows[0]["id"], label, born, [], base, site)
            p_rows.append(row)
            named[label] = row["id"]  # not visited, like the edges above
        conn.execute(insert(Household), hh_rows)
        conn.execute(insert(Person), p_rows)

    def visit(pid: str) -> dict[str, object]:
        day = SEED_TODAY - timedelta(days=rng.randrange(-3, 200))
        return dict(
            person_id=pid,
            visit_date=min(day, SEED_TODAY + timedelta(days=3)),
            mode="home",
            status="draft" if rng.random() < 0.1 else "done",
            worker_name="测试",
            risk_level="high" if rng.random() < 0.15 else "normal",
            deleted=rng.random() < 0.05,
            created_at=base + timedelta(minutes=rng.randrange(60 * 24 * 540)),
        )

    orm_rows = [visit(elders[rng.randrange(len(elders))]) for _ in range(500)]
    # same person, same day, different risk: the later written one counts
    pid = elders[5]
    for risk, minutes in (("high", 10), ("normal", 20)):
        orm_rows.append({**visit(pid), "visit_date": date(2026, 11, 20), "status": "done",
                         "deleted": False, "risk_level": risk,
                         "created_at": base + timedelta(minutes=minutes)})  # fmt: skip
    with ctx.session() as s:
        for i in range(0, len(orm_rows), 100):  # several flushes, as days of work would be
            s.add_all(Visit(**row) for row in orm_rows[i : i + 100])
            s.flush()
    bulk_rows = [visit(elders[rng.randrange(len(elders))]) for _ in range(300)]
    with ctx.session() as s:
        insert_synced(s, Visit, bulk_rows)
    return named


def reference(ctx, horizon: date) -> list[tuple[date, str, str, date | None, str | None]]:
    """The due list computed the plain way: (due, person id, rule, last visit, household)."""
    today = ctx.today()
    with ctx.session() as s:
        rules = rules_in_force(s)
        latest: dict[str, Visit] = {}
        for v in s.scalars(select(Visit).where(Visit.status == "done", Visit.deleted.is_(False))):
            best = latest.get(v.person_id)
            if best is None or (v.visit_date, v.created_at, v.id) > (
                best.visit_date,
                best.created_at,
                best.id,
            ):
                latest[v.person_id] = v
        households = {h.id for h in s.scalars(select(Household))}
        out = []
        for p in s.scalars(select(Person).where(Person.deleted.is_(False), Person.is_elder)):
            last = latest.get(p.id)
            risk = last.risk_level if last is not None else "normal"
            rule = schedule.pick_rule(
                rules, Subject(tuple(p.categories), p.birth_date, risk), today
            )
            if rule is None:
                continue
            registered = ctx.clock.local_date(p.created_at)
            due = schedule.next_due(last.visit_date if last else None, registered, rule)
            if due <= horizon:
                hid = p.household_id if p.household_id in households else None
                out.append((due, p.id, rule.name, last.visit_date if last else None, hid))
    return sorted(out)


def fast(ctx, **kw) -> list[tuple[date, str, str, date | None, str | None]]:
    return [
        (i.due_date, i.person_id, i.rule_name, i.last_visit, i.household_id)
        for i in visits.due_list(ctx, **kw)
    ]


def reference_by_household(ctx, horizon: date) -> list[tuple[str | None, list[str]]]:
    """Households in walking order (``domain.address.walk_key`` of the stored parts), each
    with its due elders most urgent first; an elder without a household alone, after them."""
    groups: dict[str, list[str]] = defaultdict(list)
    for _due, pid, _rule, _last, hid in reference(ctx, horizon):
        groups[hid or f"person:{pid}"].append(pid)
    with ctx.session() as s:
        parts = {
            h.id: addr.parts_from_fields(
                h.kind, h.estate, h.building, h.unit, h.room, h.address_text
            )  # fmt: skip
            for h in s.scalars(select(Household))
        }
        names = {pid: name for pid, name in s.execute(select(Person.id, Person.name))}

    def walk(key: str) -> tuple[object, ...]:
        if key.startswith("person:"):  # by name, after the doors
            pid = key.removeprefix("person:")
            return ((3, names[pid], pid), key)
        return (addr.walk_key(parts[key]), key)

    return [(None if k.startswith("person:") else k, v) for k, v in sorted(groups.items(), key=lambda kv: walk(kv[0]))]  # fmt: skip


def fast_by_household(ctx, **kw) -> list[tuple[str | None, list[str]]]:
    return [(h.household_id, [e.person_id for e in h.elders]) for h in visits.due_by_household(ctx, **kw)]  # fmt: skip


MOMENTS = [
    date(2026, 11, 28),  # an ordinary day (the tests' pinned day): horizon 30 Nov
    datetime(2026, 11, 30, 15, 30, tzinfo=UTC),  # 23:30 on 30 Nov in Suzhou
    datetime(2026, 11, 30, 16, 30, tzinfo=UTC),  # 00:30 on 1 Dec in Suzhou, 30 Nov in UTC
    datetime(2026, 12, 31, 17, 0, tzinfo=UTC),  # 01:00 on 1 Jan in Suzhou
]


@pytest.fixture
def seeded(ctx):
    return ctx, seed(ctx)


def _horizons(ctx):
    today = ctx.today()
    month_end = schedule.month_bounds(today.year, today.month)[1]
    return [({}, month_end), ({"within_days": 0}, today), ({"within_days": 9}, today + timedelta(days=9))]  # fmt: skip


@pytest.mark.parametrize("moment", MOMENTS, ids=lambda m: str(m))
def test_the_fast_due_list_equals_the_plain_reference(seeded, moment):
    ctx, _named = seeded
    ctx.clock.pin(moment)
    for kw, horizon in _horizons(ctx):
        expected = reference(ctx, horizon)
        assert expected, "the seed must leave someone due"
        assert fast(ctx, **kw) == expected, (moment, kw)
        assert fast_by_household(ctx, **kw) == reference_by_household(ctx, horizon), (moment, kw)
    everyone = fast(ctx, include_later=True)
    assert everyone == reference(ctx, date.max)


def test_registration_counts_by_the_local_day_at_the_turn_of_the_month(seeded):
    ctx, named = seeded
    ctx.clock.pin(date(2026, 11, 28))
    november = {i.person_id: i for i in visits.due_list(ctx)}  # due by 30 Nov
    assert named["late_30_nov"] in november
    assert november[named["late_30_nov"]].due_date == date(2026, 11, 30)
    # registered at 00:00 and 07:00 on 1 Dec in Suzhou (30 Nov by the UTC date): December's
    assert named["first_dec"] not in november and named["morning_dec"] not in november
    ctx.clock.pin(datetime(2026, 11, 30, 16, 30, tzinfo=UTC))  # 1 Dec, 00:30 in Suzhou
    today = {i.person_id: i for i in visits.due_list(ctx, within_days=0)}
    assert today[named["first_dec"]].due_date == date(2026, 12, 1)
    assert today[named["morning_dec"]].window == "today"
    assert named["first_jan"] not in {i.person_id for i in visits.due_list(ctx)}


def test_edited_rules_give_the_same_list_as_the_reference(seeded):
    """Rules on derived categories (高龄 from the birthday), minimum ages, risk and an
    inactive rule, tried on the fast path's SQL."""
    ctx, named = seeded
    visits.save_rules(
        ctx,
        [
            CadenceRule("高龄或低保", 2, "week", categories=frozenset({"advanced_age", "dibao"})),
            CadenceRule("八十五岁以上", 10, "day", min_age=85),
            CadenceRule("高风险", 3, "day", risk="high"),
            CadenceRule("停用", 1, "day", active=False),
            CadenceRule("特殊困难", 1, "month", special_hardship=True),
            CadenceRule("七十岁以上", 2, "month", min_age=70),
        ],
    )
    for moment in (MOMENTS[0], MOMENTS[2]):
        ctx.clock.pin(moment)
        for kw, horizon in _horizons(ctx):
            assert fast(ctx, **kw) == reference(ctx, horizon), (moment, kw)
            assert fast_by_household(ctx, **kw) == reference_by_household(ctx, horizon)
    ctx.clock.pin(SEED_TODAY)
    rules = {i.person_id: i.rule_name for i in visits.due_list(ctx, include_later=True)}
    assert rules[named["eighty_today"]] == "高龄或低保"
    assert rules[named["eighty_tomorrow"]] == "七十岁以上"
    assert rules[named["no_birth_date"]] == "八十五岁以上"  # an unknown age passes min_age


def test_same_day_visits_count_the_later_written_one_on_every_path(seeded):
    """Two visits on one day (two sites, synced): the later written one sets the risk level,
    whether the summary was kept by the flush hook or rebuilt (the hook also keeps an empty
    row for a person whose visits are all drafts or deleted: the same as no row)."""
    from afc_desktop.store.models.daily import PersonVisitState, rebuild_visit_state

    ctx, _named = seeded
    with ctx.session() as s:
        kept = {r.person_id: (r.last_visit_id, r.risk_level) for r in s.scalars(select(PersonVisitState)) if r.last_visit_id}  # fmt: skip
        rebuild_visit_state(s)
        rebuilt = {r.person_id: (r.last_visit_id, r.risk_level) for r in s.scalars(select(PersonVisitState))}  # fmt: skip
    assert kept == rebuilt


def test_threshold_is_the_last_day_that_makes_a_rule_due():
    from afc_desktop.services.visits.due_query import threshold

    for unit, every in (("day", 3), ("week", 1), ("month", 1), ("month", 3), ("month", 12)):
        rule = CadenceRule("r", every, unit)
        for horizon in (date(2026, 2, 28), date(2026, 3, 31), date(2028, 2, 29), date(2026, 11, 30)):  # fmt: skip
            t = threshold(horizon, rule)
            assert schedule.add_period(t, every, unit) <= horizon
            assert schedule.add_period(t + timedelta(days=1), every, unit) > horizon


@pytest.mark.parametrize("moment", [MOMENTS[0], MOMENTS[2]], ids=str)
def test_today_counts_match_the_due_list_of_the_visits_page(seeded, moment):
    """今天's households and counts are the 走访 page's 逾期和今天, also on the 1st."""
    from afc_desktop.services.today import today_view

    ctx, _named = seeded
    ctx.clock.pin(moment)
    view = today_view(ctx)
    due_today = visits.due_list(ctx, within_days=0)
    assert view.people_due == len(due_today) > 0
    assert view.people_overdue == sum(1 for i in due_today if i.window == "overdue")
    assert {e.person_id for h in view.households for e in h.elders} == {
        i.person_id for i in due_today
    }
    assert [h.due_date for h in view.households] == sorted(h.due_date for h in view.households)
