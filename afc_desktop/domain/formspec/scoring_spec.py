"""The scoring part of a form definition (计分规则): subtotals, total, grade bands and the
adjustments that raise or set a grade, each checked against the form's items."""

from __future__ import annotations

from typing import Any

from afc_desktop.domain.formspec.model import Adjustment, GradeBand, Item, Scoring, Subtotal
from afc_desktop.domain.formspec.parse_context import ParseContext, check_refs

SCORING_KEYS = {"subtotals", "total", "grades", "adjustments"}


def parse_scoring(ctx: ParseContext, raw: Any, items: dict[str, Item]) -> Scoring:
    data = ctx.mapping(raw, "scoring", SCORING_KEYS, {"subtotals", "total", "grades"})
    subtotals: list[Subtotal] = []
    used: set[str] = set()
    raw_subs = data["subtotals"]
    if not isinstance(raw_subs, list) or not raw_subs:
        raise ctx.fail("scoring.subtotals", "需要非空列表")
    for i, rs in enumerate(raw_subs):
        where = f"scoring.subtotals[{i + 1}]"
        s = ctx.mapping(rs, where, {"id", "label", "items", "max"}, {"id", "label", "items", "max"})
        sid = ctx.text(s["id"], where, "id")
        where = f"小计 {sid}"
        ids = s["items"]
        if not isinstance(ids, list) or not ids:
            raise ctx.fail(where, "items 必须是非空的题目编号列表")
        for item_id in ids:
            item = items.get(str(item_id))
            if item is None:
                raise ctx.fail(where, f"引用了不存在的题目 “{item_id}”")
            if not item.scored:
                raise ctx.fail(f"题目 {item.id}", f"计入小计 {sid}，但不是计分题")
            if item.id in used:
                raise ctx.fail(f"题目 {item.id}", "被计入了两个小计")
            used.add(item.id)
        computed = sum(items[str(i)].max_score for i in ids)
        if s["max"] != computed:
            raise ctx.fail(where, f"满分写为 {s['max']}，但各题最高分之和为 {computed}")
        subtotals.append(
            Subtotal(
                id=sid,
                label=ctx.text(s["label"], where, "label"),
                items=tuple(map(str, ids)),
                max=computed,
            )
        )
    total = ctx.mapping(data["total"], "scoring.total", {"label", "max"}, {"label", "max"})
    total_max = sum(s.max for s in subtotals)
    if total["max"] != total_max:
        raise ctx.fail(
            "scoring.total", f"总分满分写为 {total['max']}，但各小计满分之和为 {total_max}"
        )
    grades = _parse_grades(ctx, data["grades"], total_max)
    adjustments = _parse_adjustments(ctx, data.get("adjustments") or [], items, grades)
    return Scoring(
        subtotals=tuple(subtotals),
        total_label=ctx.text(total["label"], "scoring.total", "label"),
        total_max=total_max,
        grades=grades,
        adjustments=adjustments,
    )


def _parse_grades(ctx: ParseContext, raw: Any, total_max: int) -> tuple[GradeBand, ...]:
    if not isinstance(raw, list) or not raw:
        raise ctx.fail("scoring.grades", "需要非空列表")
    bands: list[GradeBand] = []
    for i, rg in enumerate(raw):
        where = f"scoring.grades[{i + 1}]"
        g = ctx.mapping(
            rg, where, {"level", "label", "min", "max"}, {"level", "label", "min", "max"}
        )
        for key in ("level", "min", "max"):
            if isinstance(g[key], bool) or not isinstance(g[key], int):
                raise ctx.fail(where, f"“{key}” 必须是整数")
        if g["level"] != i:
            raise ctx.fail(where, f"等级应按 0、1、2… 顺序排列（此处应为 {i}）")
        bands.append(
            GradeBand(g["level"], ctx.text(g["label"], where, "label"), g["min"], g["max"])
        )
    # Bands must cover 0..total_max exactly once, best grade (highest scores) first.
    covered = sorted((b.min, b.max, b.label) for b in bands)
    expect = 0
    for lo, hi, label in covered:
        if lo > hi:
            raise ctx.fail(f"等级 {label}", f"分数下限 {lo} 大于上限 {hi}")
        if lo != expect:
            raise ctx.fail(f"等级 {label}", f"分数段不连续：应从 {expect} 开始，实际从 {lo}")
        expect = hi + 1
    if expect != total_max + 1:
        raise ctx.fail("scoring.grades", f"分数段应覆盖 0–{total_max}，实际到 {expect - 1}")
    for a, b in zip(bands, bands[1:], strict=False):
        if b.max >= a.min:
            raise ctx.fail(f"等级 {b.label}", "等级 0 应是最高分段，等级越大分数越低")
    return tuple(bands)


def _parse_adjustments(
    ctx: ParseContext, raw: Any, items: dict[str, Item], grades: tuple[GradeBand, ...]
) -> tuple[Adjustment, ...]:
    if not isinstance(raw, list):
        raise ctx.fail("scoring.adjustments", "必须是列表")
    rules: list[Adjustment] = []
    worst = len(grades) - 1
    for i, ra in enumerate(raw):
        where = f"scoring.adjustments[{i + 1}]"
        a = ctx.mapping(
            ra, where, {"id", "text", "when", "raise", "set_level"}, {"id", "text", "when"}
        )
        rid = ctx.text(a["id"], where, "id")
        where = f"等级变更 {rid}"
        when = ctx.condition(a["when"], where)
        check_refs(ctx, where, when, items, set())
        if ("raise" in a) == ("set_level" in a):
            raise ctx.fail(where, "需要且只能有 raise 或 set_level 之一")
        raise_by = a.get("raise", 0)
        set_level = a.get("set_level")
        if "raise" in a and (
            isinstance(raise_by, bool) or not isinstance(raise_by, int) or raise_by < 1
        ):
            raise ctx.fail(where, "raise 必须是正整数")
        if set_level is not None and (
            isinstance(set_level, bool)
            or not isinstance(set_level, int)
            or not 0 <= set_level <= worst
        ):
            raise ctx.fail(where, f"set_level 必须是 0–{worst} 之间的等级")
        rules.append(
            Adjustment(
                id=rid,
                text=ctx.text(a["text"], where, "text"),
                when=when,
                raise_by=raise_by,
                set_level=set_level,
            )
        )
    return tuple(rules)
