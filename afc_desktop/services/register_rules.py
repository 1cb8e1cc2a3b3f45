"""The register's adjustable rules (底册规则), stored on this machine; see ``domain/rules.py``.

Read by every service that applies them (volunteer hours, finalising an assessment, the
re-assessment list); changed by an administrator from the settings page or ``afc rules set``.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from sqlalchemy.orm import Session

from ..domain.rules import RegisterRules, RulesError, validate
from ..store.models import Setting
from . import audit
from .context import AppContext, ServiceError

_PREFIX = "rules."


def rules_in(s: Session) -> RegisterRules:
    """The rules as stored, read inside the caller's transaction (defaults where unset)."""
    values: dict[str, Any] = {}
    for f in fields(RegisterRules):
        row = s.get(Setting, _PREFIX + f.name)
        if row is not None and row.value is not None:
            values[f.name] = tuple(row.value) if isinstance(row.value, list) else row.value
    try:
        return validate(RegisterRules(**values))
    except (RulesError, TypeError):
        return RegisterRules()  # a damaged setting never stops the register


def load_register_rules(ctx: AppContext) -> RegisterRules:
    """The rules in force."""
    with ctx.session() as s:
        return rules_in(s)


def save_register_rules(ctx: AppContext, rules: RegisterRules) -> RegisterRules:
    """Validate and store the rules (administrators only); the change is audited."""
    ctx.require_admin()
    try:
        clean = validate(rules)
    except RulesError as exc:
        raise ServiceError(exc.message, field=exc.field) from None
    with ctx.session() as s:
        for key, value in asdict(clean).items():
            stored = list(value) if isinstance(value, tuple) else value
            row = s.get(Setting, _PREFIX + key)
            if row is None:
                s.add(Setting(key=_PREFIX + key, value=stored))
            else:
                row.value = stored
        audit.record(s, ctx, "save_register_rules", detail=asdict(clean))
    return clean
