"""Visit-cadence rules (探访频次): stored rows an administrator edits; until one is saved, the
defaults of ``domain.schedule.DEFAULT_RULES`` apply."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import schedule
from ...domain.schedule import CadenceRule, Subject
from ...store.models.daily import CadenceRuleRow, PersonVisitState
from .. import audit
from ..context import AppContext, ServiceError
from ..daily_common import live_person
from .rows import flag_codes


def _rule(row: CadenceRuleRow) -> CadenceRule:
    return CadenceRule(
        name=row.name,
        every=row.every,
        unit=row.unit,
        categories=frozenset(row.categories or ()),
        special_hardship=row.special_hardship,
        risk=row.risk,
        min_age=row.min_age,
        active=row.active,
        local_choice=row.local_choice,
        note=row.note,
        id=row.id,
    )


# The district hub holds many communities in one database. The figures take an optional
# ``group_of``: it maps a record's ``origin_site`` to the key its community is counted under
# (the district's roster code). ``None`` (a community's own app) counts everything under the
# one key ``None``. Each community is counted under its own cadence rules.
GroupOf = Callable[[Any], Any]


def rules_by(s: Session, group_of: GroupOf | None) -> dict[Any, tuple[CadenceRule, ...]]:
    """The cadence rules in force per group (a group that saved none: the defaults)."""
    if group_of is None:
        return {None: rules_in_force(s)}
    grouped: dict[Any, list[CadenceRule]] = {}
    for row in s.scalars(
        select(CadenceRuleRow)
        .where(CadenceRuleRow.deleted.is_(False))
        .order_by(CadenceRuleRow.position, CadenceRuleRow.created_at)
    ):
        grouped.setdefault(group_of(row.origin_site), []).append(_rule(row))
    return {key: tuple(rules) for key, rules in grouped.items()}


def rules_in_force(s: Session) -> tuple[CadenceRule, ...]:
    rows = list(
        s.scalars(
            select(CadenceRuleRow)
            .where(CadenceRuleRow.deleted.is_(False))
            .order_by(CadenceRuleRow.position, CadenceRuleRow.created_at)
        )
    )
    return tuple(_rule(r) for r in rows) if rows else schedule.DEFAULT_RULES


def list_rules(ctx: AppContext) -> list[CadenceRule]:
    """The cadence rules in force (the defaults until an administrator saves some)."""
    with ctx.session() as s:
        return list(rules_in_force(s))


def save_rules(ctx: AppContext, rules: Sequence[CadenceRule]) -> list[CadenceRule]:
    """Replace the cadence rules (administrators only). Rules left out are retired."""
    ctx.require_admin()
    if not rules:
        raise ServiceError("至少需要一条探访频次规则")
    try:
        checked = [schedule.validate_rule(r) for r in rules]
    except schedule.CadenceError as exc:
        raise ServiceError(exc.message, field="rules") from exc
    with ctx.session() as s:
        existing = {
            r.id: r
            for r in s.scalars(select(CadenceRuleRow).where(CadenceRuleRow.deleted.is_(False)))
        }
        kept: set[str] = set()
        for position, rule in enumerate(checked):
            row = existing.get(rule.id) if rule.id else None
            if row is None:
                row = CadenceRuleRow()
                s.add(row)
            row.name = rule.name.strip()
            row.every = rule.every
            row.unit = rule.unit
            row.categories = sorted(rule.categories)
            row.special_hardship = rule.special_hardship
            row.risk = rule.risk
            row.min_age = rule.min_age
            row.active = rule.active
            row.local_choice = rule.local_choice
            row.note = rule.note
            row.position = position
            if rule.id:
                kept.add(rule.id)
        for rule_id, row in existing.items():
            if rule_id not in kept:
                row.deleted = True
        s.flush()
        audit.record(s, ctx, "save_cadence_rules", detail={"count": len(checked)})
        return list(rules_in_force(s))


def reset_rules(ctx: AppContext) -> list[CadenceRule]:
    """Go back to the default rules (administrators only)."""
    ctx.require_admin()
    with ctx.session() as s:
        for row in s.scalars(select(CadenceRuleRow).where(CadenceRuleRow.deleted.is_(False))):
            row.deleted = True
        audit.record(s, ctx, "reset_cadence_rules")
    return list(schedule.DEFAULT_RULES)


@dataclass(frozen=True)
class PersonCadence:
    """What a new visit's risk level does to a person's cadence (探访频次).

    ``risk_level``: the level the latest recorded visit set ("normal" before any visit);
    ``rules``: the cadence rule that applies for each risk level a visit may set (None: no
    regular visits).
    """

    risk_level: str
    rules: dict[str, CadenceRule | None]

    def change(self, new_risk: str) -> tuple[CadenceRule | None, CadenceRule | None] | None:
        """(rule now, rule after) when recording ``new_risk`` changes the cadence, else None."""
        before, after = self.rules.get(self.risk_level), self.rules.get(new_risk)
        if before == after or (
            before is not None
            and after is not None
            and (before.every, before.unit) == (after.every, after.unit)
        ):
            return None
        return before, after


def person_cadence(ctx: AppContext, person_id: str) -> PersonCadence:
    """The person's current risk level and the rule each risk level would bring."""
    with ctx.session() as s:
        person = live_person(s, person_id)
        state = s.get(PersonVisitState, person_id)
        rules = rules_in_force(s)
        flags, birth = flag_codes(person.category_flags), person.birth_date
    today = ctx.today()
    return PersonCadence(
        risk_level=(state.risk_level if state is not None else None) or "normal",
        rules={
            risk: schedule.pick_rule(rules, Subject(flags, birth, risk), today)
            for risk in schedule.RISK_LEVELS
        },
    )
