"""Demo residents (domain/demo.py)."""

import itertools
from datetime import date

from afc_desktop.domain import people as pp
from afc_desktop.domain.demo import generate_households, generate_people
from afc_desktop.domain.idcard import age_on, parse_id_number
from afc_desktop.domain.reference import is_suzhou_code

TODAY = date(2026, 1, 1)


def test_same_seed_same_people_and_exact_count():
    a = [(p.id_number, p.name, p.phone) for p in generate_people(300, today=TODAY)]
    b = [(p.id_number, p.name, p.phone) for p in generate_people(300, today=TODAY)]
    c = [(p.id_number, p.name) for p in generate_people(300, today=TODAY, seed=7)]
    assert a == b and len(a) == 300
    assert [x[:2] for x in a] != c


def test_people_are_valid_and_realistic():
    people = list(generate_people(5000, today=TODAY))
    ids = [p.id_number for p in people]
    assert len(set(ids)) == len(ids)
    elders = [p for p in people if p.is_elder]
    assert len(elders) > 0.8 * len(people)
    for p in people:
        parsed = parse_id_number(p.id_number, today=TODAY)
        assert parsed.birth_date == p.birth_date and parsed.sex == p.sex
        assert is_suzhou_code(parsed.area_code)
        assert p.phone is None or pp.phone_problem(p.phone) is None
        assert set(p.categories) <= pp.EXPLICIT_CODES  # derived ones are never stored
        assert p.living_arrangement in dict(pp.LIVING_ARRANGEMENTS)
    ages = [age_on(p.birth_date, TODAY) for p in elders]
    share_80 = sum(a >= 80 for a in ages) / len(ages)
    assert 0.08 < share_80 < 0.3
    assert max(ages) <= 105
    alone = sum("alone" in p.categories for p in elders) / len(elders)
    assert 0.04 < alone < 0.2
    assert any(pp.is_special_hardship(p.categories) for p in elders)
    assert any(p.id_number[:6] in ("320502", "320503", "320504") for p in people)


def test_households_have_unique_addresses_and_consistent_living():
    households = list(generate_households(4000, today=TODAY, rural_share=0.5))
    addresses = [h.address for h in households]
    assert len(set(addresses)) == len(addresses)
    kinds = {h.kind for h in households}
    assert kinds == {"urban", "rural"}
    for h in households:
        if h.kind == "urban":
            assert h.estate and h.building and h.unit and h.room
        else:
            assert h.village and h.group and h.door_number
        if len(h.members) == 1:
            assert h.members[0].living_arrangement == "alone"
            assert "alone" in h.members[0].categories
        assert all(m.household_key == h.key for m in h.members)


def test_rural_community_gets_rural_addresses():
    hs = list(generate_households(200, community_name="汪桥村", district_code="320581"))
    assert sum(h.kind == "rural" for h in hs) > 0.7 * len(hs)
    assert hs[0].address.startswith("汪桥村") or hs[0].kind == "urban"


def test_streams_without_building_everything():
    first = list(itertools.islice(generate_people(500_000), 10))
    assert len(first) == 10


def test_demo_people_made_on_29_february_are_born_on_real_days():
    """On 29 February the day a year earlier does not exist: the generator (and so `afc demo`)
    must still make every person, all elders 60 or over on that day."""
    leap_day = date(2028, 2, 29)
    people = list(generate_people(800, today=leap_day))
    assert len(people) == 800
    for p in people:
        assert parse_id_number(p.id_number, today=leap_day).birth_date == p.birth_date
        assert p.birth_date <= leap_day
    assert all(age_on(p.birth_date, leap_day) >= 60 for p in people if p.is_elder)
