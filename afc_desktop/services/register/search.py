"""The register's search box and filters (检索): name, pinyin, ID number, phone, address,
categories, age band, estate; answered from indexes at district scale."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ...domain import people
from ...domain.ages import years_before
from ...domain.idcard import normalize
from ...store.models import Household, Person
from ...store.search_sql import trigram_match
from ..context import AppContext


@dataclass(frozen=True)
class PersonQuery:
    """The register's search box and filters."""

    text: str = ""
    categories: tuple[str, ...] = ()  # codes, explicit or derived; all must match
    age_band: str | None = None
    estate: str | None = None
    elders_only: bool = True
    not_informed: bool = False  # only people not yet given the notice (告知书)
    limit: int | None = None
    extra: dict[str, str] = field(default_factory=dict)


def _text_condition(s: Session, raw: str):  # type: ignore[no-untyped-def]
    q = normalize(raw).lower() if raw.strip().isascii() else " ".join(raw.split()).lower()
    q = q.replace(" ", "")
    if not q:
        return None
    dialect = s.get_bind().dialect.name
    if len(q) >= 3 and dialect == "sqlite":
        return trigram_match(q)
    if len(q) >= 3:
        return Person.search_text.contains(q)
    # One or two characters: a prefix of the name or its pinyin, answered from the indexes.
    top = q + "\U0010ffff"
    return or_(
        and_(Person.name >= q, Person.name < top),
        and_(Person.pinyin_initials >= q, Person.pinyin_initials < top),
        and_(Person.pinyin_full >= q, Person.pinyin_full < top),
    )


def search_person_ids(ctx: AppContext, query: PersonQuery) -> list[str]:
    """Ids of the people matching ``query``, ordered by name's pinyin."""
    today = ctx.today()
    with ctx.session() as s:
        stmt = select(Person.id).where(Person.deleted.is_(False))
        if query.elders_only:
            stmt = stmt.where(Person.is_elder.is_(True))
        if query.not_informed:
            stmt = stmt.where(Person.informed_on.is_(None))
        cond = _text_condition(s, query.text)
        if cond is not None:
            stmt = stmt.where(cond)
        for code in query.categories:
            cat = people.category(code)
            if cat.derived and cat.min_age is not None:
                stmt = stmt.where(Person.birth_date <= years_before(today, cat.min_age))
            else:
                stmt = stmt.where(Person.category_flags.contains(f",{code},"))
        if query.age_band:
            earliest, latest = people.birth_range_for_band(query.age_band, today)
            if earliest:
                stmt = stmt.where(Person.birth_date >= earliest)
            if latest:
                stmt = stmt.where(Person.birth_date <= latest)
        if query.estate:
            stmt = stmt.where(
                Person.household_id.in_(
                    select(Household.id).where(Household.estate == query.estate)
                )
            )
        if cond is None:
            # The whole register (or a filter): walk the pinyin-ordered index.
            stmt = stmt.order_by(Person.pinyin_full, Person.id)
            if query.limit:
                stmt = stmt.limit(query.limit)
            return list(s.scalars(stmt))
        # A search: let the planner start from the text index, then order the (few) matches
        # here; an ORDER BY would tempt it to walk every row in pinyin order instead.
        found = s.execute(stmt.with_only_columns(Person.id, Person.pinyin_full)).all()
        ids = [pid for pid, _ in sorted(found, key=lambda m: (m[1] or "", m[0]))]
        return ids[: query.limit] if query.limit else ids


def count_people(ctx: AppContext) -> int:
    """Elders on the register (not removed)."""
    with ctx.session() as s:
        return (
            s.scalar(
                select(func.count())
                .select_from(Person)
                .where(Person.deleted.is_(False), Person.is_elder.is_(True))
            )
            or 0
        )
