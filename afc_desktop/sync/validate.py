"""Field validation of received change events (变更字段校验), before anything is applied.

Every field an event carries is checked against the receiver's column: its type (text,
whole number, number, yes/no, date, time, JSON), its length (the column length, which
PostgreSQL enforces), whether it may be empty, and for a few coded columns the allowed
values. A create (``base_rev`` null, ``op`` upsert) must also carry every required column.
A failure raises ``SchemaInvalid`` naming the event, record, field and reason, never the value
(it may be personal data).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    Numeric,
    String,
    Text,
    inspect,
)

from afc_desktop.domain import needs, schedule, visit_content
from afc_desktop.store import changes
from afc_desktop.sync.errors import SchemaInvalid

MAX_JSON_CHARS = 200_000
MEMO_LIMIT = 50_000  # distinct valid date/time texts remembered per column (bounded memory)
MAX_TEXT_CHARS = 100_000  # Text columns have no length; a sane bound all the same
INT_RANGE = (-(2**31), 2**31 - 1)  # PostgreSQL integer

# Coded columns and their allowed values (None = may be empty where the column allows it).
ENUMERATIONS: dict[tuple[str, str], frozenset[Any]] = {
    ("person", "sex"): frozenset({"M", "F"}),
    ("household", "kind"): frozenset({"urban", "rural"}),
    ("visit", "mode"): frozenset(code for code, _label in visit_content.MODES),
    ("need", "status"): needs.OPEN_STATUSES | needs.CLOSED_STATUSES,
    ("task", "status"): frozenset({"open", "done", "cancelled"}),
    ("project", "status"): frozenset({"planned", "active", "done"}),
    ("cadence_rule", "unit"): frozenset(schedule.UNITS),
    ("cadence_rule", "risk"): frozenset(schedule.RISK_LEVELS),
}


class _Column:
    """What one column accepts."""

    __slots__ = ("allowed", "check", "nullable", "passed", "required", "what")

    def __init__(
        self,
        check: Callable[[Any], str | None],
        nullable: bool,
        required: bool,
        what: str,
        allowed: frozenset[Any] | None = None,
    ) -> None:
        self.check = check
        self.nullable = nullable
        self.required = required
        self.what = what
        self.allowed = allowed
        # texts already found valid, for the checks that parse (dates, times): each once
        self.passed: set[str] | None = set() if what in ("日期", "时间") else None


def _text(max_len: int | None) -> Callable[[Any], str | None]:
    limit = max_len or MAX_TEXT_CHARS

    def check(v: Any) -> str | None:
        if not isinstance(v, str):
            return "应为文本"
        if len(v) > limit:
            return f"超过 {limit} 个字符（{len(v)} 个）"
        return None

    return check


def _integer(v: Any) -> str | None:
    if not isinstance(v, int) or isinstance(v, bool):
        return "应为整数"
    if not INT_RANGE[0] <= v <= INT_RANGE[1]:
        return "整数超出范围"
    return None


def _number(v: Any) -> str | None:
    if isinstance(v, bool) or not isinstance(v, int | float):
        return "应为数字"
    if v != v or v in (float("inf"), float("-inf")):
        return "应为有限数字"
    return None


def _boolean(v: Any) -> str | None:
    return None if isinstance(v, bool) else "应为是/否（true 或 false）"


def _date(v: Any) -> str | None:
    if not isinstance(v, str):
        return "应为日期文本（YYYY-MM-DD）"
    try:
        d = date.fromisoformat(v)
    except ValueError:
        return "不是有效日期（应为 YYYY-MM-DD）"
    return None if d.year >= 1800 else "日期早于 1800 年"


def _datetime(v: Any) -> str | None:
    if not isinstance(v, str):
        return "应为时间文本（ISO 8601）"
    try:
        datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        return "不是有效时间（应为 ISO 8601）"
    return None


_JSON_TEXT = json.JSONEncoder(ensure_ascii=False)  # made once: json.dumps(…) makes one a call


def _json(v: Any) -> str | None:
    try:
        size = len(_JSON_TEXT.encode(v))
    except (TypeError, ValueError):
        return "不是有效的 JSON 值"
    return None if size <= MAX_JSON_CHARS else f"超过 {MAX_JSON_CHARS} 个字符"


def _checker(col_type: Any) -> tuple[Callable[[Any], str | None], str]:
    impl = getattr(col_type, "impl", None)
    t = impl if impl is not None and not isinstance(col_type, JSON) else col_type
    if isinstance(t, JSON):
        return _json, "JSON"
    if isinstance(t, Boolean):
        return _boolean, "是/否"
    if isinstance(t, DateTime):
        return _datetime, "时间"
    if isinstance(t, Date):
        return _date, "日期"
    if isinstance(t, Integer):
        return _integer, "整数"
    if isinstance(t, Float | Numeric):
        return _number, "数字"
    if isinstance(t, String | Text):
        return _text(getattr(t, "length", None)), "文本"
    return _json, "值"


class FieldSchema:
    """The synced tables' columns as validators, built once per import."""

    def __init__(self) -> None:
        self.tables: dict[str, dict[str, _Column]] = {}
        self.required: dict[str, list[str]] = {}
        for table, model in changes.synced_models().items():
            synced = set(changes.synced_columns(model))
            cols: dict[str, _Column] = {}
            for attr in inspect(model).column_attrs:
                if attr.key not in synced:
                    continue
                col = attr.columns[0]
                check, what = _checker(col.type)
                has_default = col.default is not None or col.server_default is not None
                cols[attr.key] = _Column(
                    check,
                    nullable=bool(col.nullable) and not col.primary_key,
                    required=not col.nullable and not has_default and not col.primary_key,
                    what=what,
                    allowed=ENUMERATIONS.get((table, attr.key)),
                )
            self.tables[table] = cols
            self.required[table] = sorted(n for n, c in cols.items() if c.required)

    def check(self, ev: dict[str, Any], where: str | Callable[[], str]) -> None:
        """Raise SchemaInvalid unless every field of ``ev`` fits its column.

        ``where`` names the event in the message (a callable: built only on a refusal). Each
        refusal is one f-string with the event's name in front, so the message catalogue
        (``i18n_build``) holds it as a template the English window can translate."""
        self._check(ev, where if callable(where) else lambda: where)

    def _check(self, ev: dict[str, Any], where: Callable[[], str]) -> None:
        table = ev["table"]
        cols = self.tables.get(table)
        if cols is None:
            raise SchemaInvalid(f"{where()}：不认识的表 {table!r}")
        fields = ev["fields"]
        unknown = fields.keys() - cols.keys()
        if unknown:
            unknown = sorted(unknown)
            raise SchemaInvalid(f"{where()}：表 {table} 没有字段 {', '.join(unknown)[:200]}")
        if "id" in fields and fields["id"] != ev["record_id"]:
            raise SchemaInvalid(f"{where()}，字段 id：与记录编号不一致")
        origin = fields.get("origin_site")
        if ev["base_rev"] is None and origin is not None and origin != ev["site_id"]:
            raise SchemaInvalid(f"{where()}，字段 origin_site：新记录只能由发送站点创建")
        for name, value in fields.items():
            col = cols[name]
            if value is None:
                if not col.nullable:
                    raise SchemaInvalid(f"{where()}，字段 {name}：不能为空")
                continue
            passed = col.passed
            if passed is not None and type(value) is str and value in passed:
                continue
            why = col.check(value)
            if why is None and col.allowed is not None and value not in col.allowed:
                why = "不是允许的取值"
            if why is not None:
                raise SchemaInvalid(f"{where()}，字段 {name}：{why}")
            if passed is not None and type(value) is str and len(passed) < MEMO_LIMIT:
                passed.add(value)
        if ev["op"] == "upsert" and ev["base_rev"] is None:
            missing = [n for n in self.required[table] if n not in fields]
            if missing:
                raise SchemaInvalid(f"{where()}：新记录缺少字段 {', '.join(missing)}")
