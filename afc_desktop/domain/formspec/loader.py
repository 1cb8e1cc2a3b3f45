"""Load and validate form definitions (表单定义加载与校验).

``parse_form_text`` is pure (text in, FormSpec out); ``load_form_file`` reads one file. Every
problem raises :class:`FormSpecError` naming the file, the item (or section / scoring entry) and
the reason in Chinese. Unknown keys are errors, so a typo never silently drops a rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from afc_desktop.domain.formspec.model import (
    ITEM_TYPES,
    Column,
    Condition,
    FormSpec,
    Item,
    Note,
    Option,
    Row,
    Section,
)
from afc_desktop.domain.formspec.parse_context import (
    FormSpecError,
    ParseContext,
    UniqueKeyLoader,
    check_refs,
)
from afc_desktop.domain.formspec.scoring_spec import parse_scoring

FORMAT_NAME = "afc-form"
FORMAT_VERSION = 2  # 2 adds kind "notice" and ``body`` (forms/README.md, change log)
KINDS = ("assessment", "checklist", "record", "notice")


def parse_form_text(text: str, file: str = "<text>") -> FormSpec:
    """Parse and validate a YAML form definition."""
    try:
        raw = yaml.load(text, Loader=UniqueKeyLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise FormSpecError(file, where, f"YAML 格式错误：{problem}") from None
    return parse_form_data(raw, file)


def load_form_file(path: Path | str) -> FormSpec:
    """Read and validate one ``forms/*.yaml`` file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FormSpecError(p.name, "", f"无法读取文件：{exc}") from None
    return parse_form_text(text, str(p))


_TOP_KEYS = {
    "format",
    "format_version",
    "id",
    "version",
    "title",
    "subtitle",
    "kind",
    "source",
    "notes",
    "sections",
    "scoring",
    "person_fields",
    "body",
}
PERSON_FIELDS = ("name", "sex", "birth_date", "id_number", "phone", "address", "community")


def parse_form_data(raw: Any, file: str = "<data>") -> FormSpec:
    """Validate an already-parsed mapping and build the FormSpec."""
    ctx = ParseContext(file)
    data = ctx.mapping(
        raw,
        "文件顶层",
        _TOP_KEYS,
        {"format", "format_version", "id", "version", "title", "sections"},
    )
    if data["format"] != FORMAT_NAME:
        raise ctx.fail("format", f"应为 “{FORMAT_NAME}”")
    format_version = data["format_version"]
    if (
        isinstance(format_version, bool)
        or not isinstance(format_version, int)
        or not 1 <= format_version <= FORMAT_VERSION
    ):
        raise ctx.fail(
            "format_version",
            f"不支持的格式版本 {format_version!r}（本程序支持 1 至 {FORMAT_VERSION}）",
        )
    form_id = ctx.text(data["id"], "id", "id")
    version = data["version"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ctx.fail("version", "版本号必须是正整数")
    kind = data.get("kind", "assessment")
    if kind not in KINDS:
        raise ctx.fail("kind", f"应为 {'/'.join(KINDS)} 之一")
    if format_version < 2 and (kind == "notice" or "body" in data):
        raise ctx.fail("format_version", "告知书（kind: notice）和 body 需要格式版本 2")
    body = _parse_body(ctx, data.get("body") or [])
    notes = tuple(_parse_note(ctx, n, i) for i, n in enumerate(data.get("notes") or []))
    raw_sections = data["sections"]
    if not isinstance(raw_sections, list) or not raw_sections:
        raise ctx.fail("sections", "需要至少一个分节")
    sections = tuple(_parse_section(ctx, s, i) for i, s in enumerate(raw_sections))
    _check_unique_ids(ctx, sections)
    items = {item.id: item for s in sections for item in s.items}
    _check_conditions(ctx, sections, items)
    scoring = parse_scoring(ctx, data["scoring"], items) if "scoring" in data else None
    person_fields = _parse_person_fields(ctx, data.get("person_fields") or {}, items)
    return FormSpec(
        id=form_id,
        version=version,
        title=ctx.text(data["title"], "title", "title"),
        subtitle=str(data.get("subtitle") or ""),
        kind=kind,
        source=str(data.get("source") or ""),
        sections=sections,
        notes=notes,
        scoring=scoring,
        person_fields=person_fields,
        path=file,
        body=body,
    )


def _parse_body(ctx: ParseContext, raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(p, str) and p.strip() for p in raw):
        raise ctx.fail("body", "应为段落列表（每段一行文字）")
    return tuple(" ".join(p.split()) for p in raw)


def _parse_person_fields(ctx: ParseContext, raw: Any, items: dict[str, Item]) -> dict[str, str]:
    if not isinstance(raw, Mapping):
        raise ctx.fail("person_fields", "应为映射（人员字段: 题目编号）")
    out: dict[str, str] = {}
    for key, item_id in raw.items():
        if key not in PERSON_FIELDS:
            raise ctx.fail(
                "person_fields", f"未知的人员字段 “{key}”（可用：{'/'.join(PERSON_FIELDS)}）"
            )
        if item_id not in items:
            raise ctx.fail("person_fields", f"{key} 引用了不存在的题目 “{item_id}”")
        out[str(key)] = str(item_id)
    return out


def _parse_note(ctx: ParseContext, raw: Any, index: int) -> Note:
    where = f"notes[{index + 1}]"
    if isinstance(raw, str):
        return Note(text=ctx.text(raw, where, "note"))
    data = ctx.mapping(raw, where, {"text", "provisional"}, {"text"})
    return Note(
        text=ctx.text(data["text"], where, "text"), provisional=bool(data.get("provisional"))
    )


_SECTION_KEYS = {"id", "title", "note", "visible_if", "items", "columns", "rows"}


def _parse_section(ctx: ParseContext, raw: Any, index: int) -> Section:
    where = f"第 {index + 1} 节"
    data = ctx.mapping(raw, where, _SECTION_KEYS, {"id", "title"})
    sid = ctx.text(data["id"], where, "id")
    where = f"分节 {sid}"
    visible_if = ctx.condition(data["visible_if"], where) if "visible_if" in data else None
    note = str(data.get("note") or "")
    title = ctx.text(data["title"], where, "title")
    if "columns" in data or "rows" in data:
        if "items" in data:
            raise ctx.fail(where, "表格分节用 columns + rows，不能同时写 items")
        return _parse_table_section(ctx, data, sid, title, note, visible_if)
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise ctx.fail(where, "需要非空的 items 列表（或 columns + rows）")
    items = tuple(_parse_item(ctx, it, sid, i) for i, it in enumerate(raw_items))
    return Section(id=sid, title=title, items=items, note=note, visible_if=visible_if)


_ITEM_KEYS = {
    "id",
    "label",
    "type",
    "options",
    "scored",
    "required",
    "visible_if",
    "min",
    "max",
    "max_length",
    "unit",
    "definition",
    "hint",
    "provisional",
}


def _parse_item(ctx: ParseContext, raw: Any, section_id: str, index: int) -> Item:
    where = f"分节 {section_id} 第 {index + 1} 题"
    data = ctx.mapping(raw, where, _ITEM_KEYS, {"id", "label", "type"})
    item_id = ctx.text(data["id"], where, "id")
    where = f"题目 {item_id}"
    item_type = data["type"]
    if item_type not in ITEM_TYPES:
        raise ctx.fail(where, f"未知的题型 “{item_type}”（可用：{'/'.join(ITEM_TYPES)}）")
    scored = bool(data.get("scored"))
    options = _parse_options(ctx, data.get("options"), where, item_type, scored)
    lo, hi = _bound(ctx, data.get("min"), where, "min"), _bound(ctx, data.get("max"), where, "max")
    if (lo is not None or hi is not None) and item_type != "number":
        raise ctx.fail(where, "min/max 只适用于 number 题型")
    if lo is not None and hi is not None and lo > hi:
        raise ctx.fail(where, f"min（{lo}）大于 max（{hi}）")
    max_length = data.get("max_length")
    if max_length is not None and (
        item_type != "text" or not isinstance(max_length, int) or max_length < 1
    ):
        raise ctx.fail(where, "max_length 只适用于 text 题型，且必须是正整数")
    return Item(
        id=item_id,
        label=ctx.text(data["label"], where, "label"),
        type=item_type,
        section_id=section_id,
        options=options,
        required=bool(data.get("required", False)),
        visible_if=ctx.condition(data["visible_if"], where) if "visible_if" in data else None,
        min=lo,
        max=hi,
        max_length=max_length,
        unit=str(data.get("unit") or ""),
        definition=str(data.get("definition") or ""),
        hint=str(data.get("hint") or ""),
        provisional=bool(data.get("provisional", False)),
    )


def _bound(ctx: ParseContext, raw: Any, where: str, key: str) -> float | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise ctx.fail(where, f"“{key}” 必须是数字")
    return float(raw)


def _parse_options(
    ctx: ParseContext, raw: Any, where: str, item_type: str, scored: bool
) -> tuple[Option, ...]:
    if item_type not in ("choice", "multi"):
        if raw is not None:
            raise ctx.fail(where, f"{item_type} 题型不能有 options")
        if scored:
            raise ctx.fail(where, "只有 choice 题型可以计分（scored）")
        return ()
    if scored and item_type != "choice":
        raise ctx.fail(where, "只有 choice 题型可以计分（scored）")
    if not isinstance(raw, list) or not raw:
        raise ctx.fail(where, f"{item_type} 题型需要非空的 options 列表")
    options: list[Option] = []
    seen: set[Any] = set()
    for i, raw_opt in enumerate(raw):
        owhere = f"{where} 选项 {i + 1}"
        data = ctx.mapping(
            raw_opt, owhere, {"value", "label", "score", "exclusive"}, {"value", "label"}
        )
        value = data["value"]
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ctx.fail(owhere, "选项的 value 必须是整数或文字")
        if value in seen:
            raise ctx.fail(owhere, f"选项值 {value!r} 重复")
        seen.add(value)
        score = data.get("score")
        if scored and score is None:
            if not isinstance(value, int):
                raise ctx.fail(owhere, "计分题的选项值即分值，必须是整数（或另写 score）")
            score = value
        if score is not None and (isinstance(score, bool) or not isinstance(score, int)):
            raise ctx.fail(owhere, "score 必须是整数")
        if score is not None and not scored:
            raise ctx.fail(owhere, "有 score 的题目必须标 scored: true")
        options.append(
            Option(
                value=value,
                label=ctx.text(data["label"], owhere, "label"),
                score=score,
                exclusive=bool(data.get("exclusive", False)),
            )
        )
    return tuple(options)


_COLUMN_TYPES = ("choice", "bool", "text", "date")


def _parse_table_section(
    ctx: ParseContext, data: dict, sid: str, title: str, note: str, visible_if: Condition | None
) -> Section:
    where = f"分节 {sid}"
    raw_cols, raw_rows = data.get("columns"), data.get("rows")
    if not isinstance(raw_cols, list) or not raw_cols:
        raise ctx.fail(where, "表格分节需要非空的 columns 列表")
    if not isinstance(raw_rows, list) or not raw_rows:
        raise ctx.fail(where, "表格分节需要非空的 rows 列表")
    columns: list[Column] = []
    for i, rc in enumerate(raw_cols):
        cwhere = f"{where} 第 {i + 1} 列"
        c = ctx.mapping(rc, cwhere, {"key", "label", "type", "options"}, {"key", "label", "type"})
        if c["type"] not in _COLUMN_TYPES:
            raise ctx.fail(cwhere, f"表格列的题型只能是 {'/'.join(_COLUMN_TYPES)}")
        opts = _parse_options(ctx, c.get("options"), cwhere, c["type"], False)
        columns.append(
            Column(
                key=ctx.text(c["key"], cwhere, "key"),
                label=ctx.text(c["label"], cwhere, "label"),
                type=c["type"],
                options=opts,
            )
        )
    if len({c.key for c in columns}) != len(columns):
        raise ctx.fail(where, "列的 key 重复")
    rows: list[Row] = []
    items: list[Item] = []
    for i, rr in enumerate(raw_rows):
        rwhere = f"{where} 第 {i + 1} 行"
        r = ctx.mapping(rr, rwhere, {"id", "label", "tags", "provisional", "note"}, {"id", "label"})
        tags = r.get("tags") or []
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise ctx.fail(rwhere, "tags 必须是文字列表")
        row = Row(
            id=ctx.text(r["id"], rwhere, "id"),
            label=ctx.text(r["label"], rwhere, "label"),
            tags=tuple(tags),
            provisional=bool(r.get("provisional", False)),
            note=str(r.get("note") or ""),
        )
        rows.append(row)
        for col in columns:
            items.append(
                Item(
                    id=f"{row.id}.{col.key}",
                    label=f"{row.label}（{col.label}）",
                    type=col.type,
                    section_id=sid,
                    options=col.options,
                    provisional=row.provisional,
                    row=row.id,
                    column=col.key,
                )
            )
    return Section(
        id=sid,
        title=title,
        items=tuple(items),
        note=note,
        visible_if=visible_if,
        columns=tuple(columns),
        rows=tuple(rows),
    )


def _check_unique_ids(ctx: ParseContext, sections: tuple[Section, ...]) -> None:
    seen_sections: set[str] = set()
    seen_items: set[str] = set()
    for section in sections:
        if section.id in seen_sections:
            raise ctx.fail(f"分节 {section.id}", "分节编号重复")
        seen_sections.add(section.id)
        for item in section.items:
            if item.id in seen_items:
                raise ctx.fail(f"题目 {item.id}", "题目编号重复")
            seen_items.add(item.id)


def _check_conditions(
    ctx: ParseContext, sections: tuple[Section, ...], items: dict[str, Item]
) -> None:
    for section in sections:
        if section.visible_if:
            check_refs(ctx, f"分节 {section.id}", section.visible_if, items, set())
        for item in section.items:
            if item.visible_if:
                check_refs(ctx, f"题目 {item.id}", item.visible_if, items, {item.id})
