"""Declarative conditions (条件) of form definitions: parsed from plain mappings, never eval'ed.

Grammar (YAML):

- ``{item: ID, equals: V}`` — the answer equals V (for a multi item: V is among the chosen)
- ``{item: ID, any_of: [V, ...]}`` — the answer is one of them (multi: any of them chosen)
- ``{item: ID, answered: true|false}`` — the item has (or lacks) an answer
- ``{item: ID, at_least: N}`` / ``{item: ID, at_most: N}`` — numeric answer compared with N
- ``{sum_of: [ID, ...], at_least: N}`` — the sum of the numeric answers is at least N
- ``{all: [COND, ...]}``, ``{any: [COND, ...]}``, ``{not: COND}``
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from afc_desktop.domain.formspec.model import Answers, Condition


class ConditionError(ValueError):
    """A malformed condition; the message is plain Chinese."""


_ITEM_OPS = ("equals", "any_of", "answered", "at_least", "at_most")


def parse_condition(raw: Any) -> Condition:
    """Parse one condition mapping; raises ConditionError naming what is wrong."""
    if not isinstance(raw, Mapping):
        raise ConditionError("条件必须是一个映射（如 {item: A.5.11, equals: 2}）")
    keys = set(raw)
    if keys == {"all"} or keys == {"any"}:
        op = "all" if "all" in keys else "any"
        children = raw[op]
        if not isinstance(children, list) or not children:
            raise ConditionError(f"“{op}” 需要一个非空的条件列表")
        return Condition(op=op, children=tuple(parse_condition(c) for c in children))
    if keys == {"not"}:
        return Condition(op="not", children=(parse_condition(raw["not"]),))
    if "sum_of" in keys:
        if keys != {"sum_of", "at_least"}:
            raise ConditionError("“sum_of” 条件只能写成 {sum_of: [...], at_least: N}")
        ids = raw["sum_of"]
        if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
            raise ConditionError("“sum_of” 需要一个题目编号列表")
        return Condition(op="sum_at_least", items=tuple(ids), value=_number(raw["at_least"]))
    if "item" in keys:
        ops = keys - {"item"}
        if len(ops) != 1 or not ops <= set(_ITEM_OPS):
            raise ConditionError(
                f"题目条件需要且只能有一个比较：{'/'.join(_ITEM_OPS)}（实际：{sorted(ops)}）"
            )
        op = ops.pop()
        item = raw["item"]
        if not isinstance(item, str) or not item:
            raise ConditionError("条件中的 item 必须是题目编号")
        arg = raw[op]
        if op == "any_of":
            if not isinstance(arg, list) or not arg:
                raise ConditionError("“any_of” 需要一个非空的取值列表")
            return Condition(op=op, item=item, values=tuple(arg))
        if op == "answered":
            if not isinstance(arg, bool):
                raise ConditionError("“answered” 只能是 true 或 false")
            return Condition(op=op, item=item, value=arg)
        if op in ("at_least", "at_most"):
            return Condition(op=op, item=item, value=_number(arg))
        return Condition(op=op, item=item, value=arg)
    raise ConditionError(f"无法识别的条件：{dict(raw)}")


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConditionError(f"比较值必须是数字（实际：{value!r}）")
    return float(value)


def _is_answered(value: Any) -> bool:
    return value is not None and value != "" and value != []


def _same(a: Any, b: Any) -> bool:
    return a == b and isinstance(a, bool) == isinstance(b, bool)


def _numeric(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def evaluate(cond: Condition, answers: Answers) -> bool:
    """Whether ``cond`` holds for ``answers`` (unanswered items never satisfy a comparison)."""
    op = cond.op
    if op == "all":
        return all(evaluate(c, answers) for c in cond.children)
    if op == "any":
        return any(evaluate(c, answers) for c in cond.children)
    if op == "not":
        return not evaluate(cond.children[0], answers)
    if op == "sum_at_least":
        total = sum(_numeric(answers.get(i)) or 0.0 for i in cond.items)
        return total >= cond.value
    value = answers.get(cond.item or "")
    if op == "answered":
        return _is_answered(value) == cond.value
    if not _is_answered(value):
        return False
    if op == "equals":
        if isinstance(value, list):
            return any(_same(v, cond.value) for v in value)
        return _same(value, cond.value)
    if op == "any_of":
        chosen = value if isinstance(value, list) else [value]
        return any(_same(v, w) for v in chosen for w in cond.values)
    number = _numeric(value)
    if number is None:
        return False
    if op == "at_least":
        return number >= cond.value
    return number <= cond.value
