"""What every part of a form definition's loader shares (表单定义解析公共部分): the error it
raises, the YAML loader that refuses duplicate keys, the per-file error helper and the checks of
what a condition refers to."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml

from afc_desktop.domain.formspec.conditions import ConditionError, parse_condition
from afc_desktop.domain.formspec.model import Condition, Item


class FormSpecError(ValueError):
    """A malformed form definition: ``file``, ``where`` (item/section id) and ``reason``."""

    def __init__(self, file: str, where: str, reason: str) -> None:
        self.file = file
        self.where = where
        self.reason = reason
        super().__init__(f"{file}：{where}：{reason}" if where else f"{file}：{reason}")


class UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys (PyYAML silently keeps the last one)."""


def _construct_mapping(loader: UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False):
    loader.flatten_mapping(node)
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"重复的键 “{key}”", key_node.start_mark
            )
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,  # type: ignore[arg-type]
)


class ParseContext:
    """Error helper bound to one file."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, where: str, reason: str) -> FormSpecError:
        return FormSpecError(self.file, where, reason)

    def mapping(self, raw: Any, where: str, allowed: set[str], required: set[str]) -> dict:
        if not isinstance(raw, Mapping):
            raise self.fail(where, "应为一个映射（键: 值）")
        unknown = set(raw) - allowed
        if unknown:
            raise self.fail(where, f"未知的键 {sorted(map(str, unknown))}")
        missing = required - set(raw)
        if missing:
            raise self.fail(where, f"缺少必填键 {sorted(missing)}")
        return dict(raw)

    def text(self, raw: Any, where: str, key: str, *, allow_empty: bool = False) -> str:
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            raw = str(raw)
        if not isinstance(raw, str) or (not raw.strip() and not allow_empty):
            raise self.fail(where, f"“{key}” 必须是非空文字")
        return raw.strip()

    def condition(self, raw: Any, where: str) -> Condition:
        try:
            return parse_condition(raw)
        except ConditionError as exc:
            raise self.fail(where, str(exc)) from None


def check_refs(
    ctx: ParseContext, where: str, cond: Condition, items: dict[str, Item], forbidden: set[str]
) -> None:
    for ref in sorted(cond.referenced_items()):
        if ref not in items:
            raise ctx.fail(where, f"条件引用了不存在的题目 “{ref}”")
        if ref in forbidden:
            raise ctx.fail(where, "显示条件不能引用题目自身")
    check_values(ctx, where, cond, items)


def check_values(ctx: ParseContext, where: str, cond: Condition, items: dict[str, Item]) -> None:
    """Compared values must be options of the referenced choice/multi item."""
    for child in cond.children:
        check_values(ctx, where, child, items)
    if cond.op not in ("equals", "any_of") or cond.item is None:
        return
    item = items[cond.item]
    values = cond.values if cond.op == "any_of" else (cond.value,)
    for v in values:
        if item.type in ("choice", "multi") and item.option(v) is None:
            raise ctx.fail(where, f"条件中的取值 {v!r} 不是题目 {item.id} 的选项")
        if item.type == "bool" and not isinstance(v, bool):
            raise ctx.fail(where, f"题目 {item.id} 是是/否题，条件取值应为 true/false")
