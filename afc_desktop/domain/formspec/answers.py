"""Visibility and answer validation (显示条件与作答校验).

Answers are a dict keyed by item id. A hidden item (its own or its section's ``visible_if`` is
false) is neither required nor validated, and :func:`visible_answers` drops it before saving.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from afc_desktop.domain.formspec.conditions import evaluate
from afc_desktop.domain.formspec.model import Answers, FormSpec, Item


@dataclass(frozen=True)
class AnswerProblem:
    """One problem with one answer; ``message`` is plain Chinese naming the item."""

    item_id: str
    code: str  # missing | type | option | bounds | length | exclusive | unknown
    message: str


def is_answered(value: Any) -> bool:
    """True when ``value`` counts as an answer (None, "" and [] do not)."""
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None and value != []


def is_visible(form: FormSpec, item: Item, answers: Answers) -> bool:
    """Whether ``item`` is shown for these answers (section and item conditions)."""
    section = form.section(item.section_id)
    if section.visible_if is not None and not evaluate(section.visible_if, answers):
        return False
    return item.visible_if is None or evaluate(item.visible_if, answers)


def visible_items(form: FormSpec, answers: Answers) -> list[Item]:
    """The items shown for these answers, in form order."""
    return [item for item in form.items() if is_visible(form, item, answers)]


def visible_answers(form: FormSpec, answers: Answers) -> Answers:
    """``answers`` without hidden, unknown or empty entries (what gets stored)."""
    shown = {item.id for item in visible_items(form, answers)}
    return {k: v for k, v in answers.items() if k in shown and is_answered(v)}


def missing_required(form: FormSpec, answers: Answers) -> list[str]:
    """Ids of visible required items without an answer."""
    return [
        item.id
        for item in visible_items(form, answers)
        if item.required and not is_answered(answers.get(item.id))
    ]


def validate_answers(
    form: FormSpec, answers: Answers, *, require_complete: bool = True
) -> list[AnswerProblem]:
    """Every problem with ``answers``; an empty list means they may be saved.

    With ``require_complete=False`` (saving a draft) missing required answers are not problems.
    """
    problems: list[AnswerProblem] = []
    for key in answers:
        if not form.has_item(key):
            problems.append(AnswerProblem(key, "unknown", f"表单中没有题目 “{key}”"))
    for item in visible_items(form, answers):
        value = answers.get(item.id)
        if not is_answered(value):
            if item.required and require_complete:
                problems.append(
                    AnswerProblem(item.id, "missing", f"{item.id} {item.label}：必填，尚未填写")
                )
            continue
        problem = check_value(item, value)
        if problem is not None:
            problems.append(problem)
    return problems


def check_value(item: Item, value: Any) -> AnswerProblem | None:
    """The problem with one non-empty answer to ``item``, or None when it is acceptable."""
    name = f"{item.id} {item.label}"
    if item.type == "choice":
        if item.option(value) is None:
            return AnswerProblem(item.id, "option", f"{name}：{value!r} 不是可选的选项")
    elif item.type == "multi":
        if not isinstance(value, list):
            return AnswerProblem(item.id, "type", f"{name}：多选题的答案应为列表")
        chosen = []
        for v in value:
            opt = item.option(v)
            if opt is None:
                return AnswerProblem(item.id, "option", f"{name}：{v!r} 不是可选的选项")
            chosen.append(opt)
        if len({o.value for o in chosen}) != len(chosen):
            return AnswerProblem(item.id, "option", f"{name}：同一选项选了两次")
        exclusive = [o for o in chosen if o.exclusive]
        if exclusive and len(chosen) > 1:
            return AnswerProblem(
                item.id, "exclusive", f"{name}：“{exclusive[0].label}” 不能与其他选项同时选择"
            )
    elif item.type == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return AnswerProblem(item.id, "type", f"{name}：应填数字")
        if item.min is not None and value < item.min:
            return AnswerProblem(item.id, "bounds", f"{name}：{value} 小于下限 {_fmt(item.min)}")
        if item.max is not None and value > item.max:
            return AnswerProblem(item.id, "bounds", f"{name}：{value} 大于上限 {_fmt(item.max)}")
    elif item.type == "bool":
        if not isinstance(value, bool):
            return AnswerProblem(item.id, "type", f"{name}：应为“是”或“否”")
    elif item.type == "date":
        if not isinstance(value, str):
            return AnswerProblem(item.id, "type", f"{name}：日期应写作 YYYY-MM-DD")
        try:
            date.fromisoformat(value)
        except ValueError:
            return AnswerProblem(item.id, "type", f"{name}：日期 “{value}” 无效，应写作 YYYY-MM-DD")
    else:  # text, signature
        if not isinstance(value, str):
            return AnswerProblem(item.id, "type", f"{name}：应填文字")
        if item.max_length is not None and len(value) > item.max_length:
            return AnswerProblem(
                item.id, "length", f"{name}：最多 {item.max_length} 个字，实际 {len(value)} 个"
            )
    return None


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def answer_text(item: Item, value: Any) -> str:
    """Human-readable Chinese text of an answer (for print and lists); "" when unanswered."""
    if not is_answered(value):
        return ""
    if item.type == "choice":
        opt = item.option(value)
        return opt.label if opt else str(value)
    if item.type == "multi":
        labels = []
        for v in value if isinstance(value, list) else [value]:
            opt = item.option(v)
            labels.append(opt.label if opt else str(v))
        return "、".join(labels)
    if item.type == "bool":
        return "是" if value else "否"
    if item.type == "number":
        text = _fmt(float(value)) if isinstance(value, int | float) else str(value)
        return f"{text} {item.unit}".strip()
    return str(value)


_SEX_LABELS = {"M": "男", "F": "女", "男": "男", "女": "女"}


def person_answers(form: FormSpec, fields: dict[str, Any]) -> Answers:
    """Answers pre-filled from a person's register fields (``form.person_fields`` says where).

    ``fields`` uses the keys of ``person_fields`` (name, sex "M"/"F", birth_date as date or
    "YYYY-MM-DD", id_number, ...); empty values and fields the form does not ask are skipped.
    """
    answers: Answers = {}
    for key, item_id in form.person_fields.items():
        value = fields.get(key)
        if value is None or value == "":
            continue
        item = form.item(item_id)
        if isinstance(value, date):
            value = value.isoformat()
        if item.type == "choice":
            label = _SEX_LABELS.get(str(value), str(value)) if key == "sex" else str(value)
            match = next((o.value for o in item.options if o.label == label), None)
            if match is None:
                continue
            value = match
        elif item.type == "text":
            value = str(value)
        answers[item_id] = value
    return answers
