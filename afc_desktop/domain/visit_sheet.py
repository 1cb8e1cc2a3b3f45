"""A paper visit record read back (探访记录表回读): the ticks of the ``visit-record`` form as
the visits service's content (探访内容).

The inverse of ``printing/visit_record.py``'s mapping: each ticked answer becomes the area issue
it stands for (表达能力“有困难” → 健康·表达困难), an area's level follows its worst answer
(严重困难 / 近期住院 → 有问题, any other concern → 需关注, all answered fine → 正常), risk flags
map one to one, and what the visits service has no code for (助浴, 法律援助, “其他” …) is
written into the notes so nothing ticked on paper is lost. Handwriting (dates, names, free
text) is not read: the worker types it when confirming the draft.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from . import visit_content as vc

# item id → {answer value: (issue code or "", severe?)}; "" is a concern with no issue code
_CHOICE_ISSUES: dict[str, tuple[str, dict[Any, tuple[str, bool]]]] = {
    "V.2.1": ("health", {2: ("expression", False), 3: ("expression", True)}),
    "V.2.2": ("health", {2: ("mobility", False), 3: ("mobility", True)}),
    "V.2.3": ("health", {2: ("reaction", False), 3: ("reaction", True)}),
    "V.2.4": ("health", {2: ("illness", False), 3: ("hospital", True)}),
    "V.2.5": ("health", {2: ("", False), 3: ("mood", False)}),
    "V.3.3": ("economy", {2: ("benefits_missing", False), 3: ("", False)}),
    "V.4.1": ("family", {2: ("", False), 3: ("support_missing", True)}),
    "V.4.2": ("family", {2: ("", False), 3: ("rare_visits", False)}),
}
_ANSWERED_OK: dict[str, str] = {
    "V.2.1": "health", "V.2.2": "health", "V.2.3": "health", "V.2.4": "health",
    "V.2.5": "health", "V.3.1": "economy", "V.3.3": "economy", "V.4.1": "family",
    "V.4.2": "family", "V.5.1": "safety", "V.5.2": "safety", "V.6.1": "services",
}  # fmt: skip
_HARDSHIP = {1: "food_clothing", 2: "food_clothing", 3: "housing_cost", 5: "medical_cost"}
_NEEDS = {
    1: "daily_care",
    2: "meals",
    4: "medical",
    5: "nursing",
    6: "companionship",
    8: "adaptation",
    11: "nursing",
}
_FLAGS = {
    1: "fall",
    2: "wandering",
    3: "alone_unattended",
    4: "safety_hazard",
    5: "acute_illness",
    6: "mental_crisis",
}


@dataclass(frozen=True)
class SheetVisit:
    """What a read-back visit record says, in the visits service's terms."""

    mode: str | None  # None: the mode box was not read
    findings: vc.Findings
    risk_flags: tuple[str, ...]
    notes: str


def _labels(item: Any, values: list[Any]) -> list[str]:
    by_value = {o.value: o.label for o in getattr(item, "options", ())}
    return [by_value.get(v, str(v)) for v in values]


def visit_from_sheet(answers: Mapping[str, Any], form: Any = None) -> SheetVisit:
    """The visit content of the ``visit-record`` answers ``answers`` (item id → value).

    ``form`` (the ``FormSpec``) only lends option labels to the notes for what has no code.
    """
    issues: dict[str, list[str]] = {a.code: [] for a in vc.AREAS}
    worst: dict[str, str] = {}
    notes: list[str] = []

    def concern(area: str, issue: str, severe: bool) -> None:
        if issue and issue not in issues[area]:
            issues[area].append(issue)
        level = "problem" if severe else "attention"
        if worst.get(area) != "problem":
            worst[area] = level

    def label_list(item_id: str, values: list[Any]) -> str:
        if form is not None and form.has_item(item_id):
            return "、".join(_labels(form.item(item_id), values))
        return "、".join(str(v) for v in values)

    for item_id, area in _ANSWERED_OK.items():
        if item_id in answers and answers[item_id] not in (None, [], ""):
            worst.setdefault(area, "ok")
    for item_id, (area, table) in _CHOICE_ISSUES.items():
        hit = table.get(answers.get(item_id))
        if hit is not None:
            concern(area, *hit)
    if answers.get("V.3.1") is True:
        kinds = list(answers.get("V.3.2") or [])
        for value in kinds:
            if value in _HARDSHIP:
                concern("economy", _HARDSHIP[value], False)
        concern("economy", "", False)
        other = [v for v in kinds if v not in _HARDSHIP]
        if other:
            notes.append(f"经济困难：{label_list('V.3.2', other)}")
    if answers.get("V.5.1") is True:
        concern("safety", "structure", True)
    if answers.get("V.5.2") is True:
        concern("safety", "", True)
        notes.append("水、电、气、暖设施设备存在安全隐患（请注明具体项目）")
    needs = [v for v in (answers.get("V.6.1") or []) if v != 0]
    for value in needs:
        if value in _NEEDS:
            concern("services", _NEEDS[value], False)
    if needs:
        concern("services", "", False)
        other = [v for v in needs if v not in _NEEDS]
        if other:
            notes.append(f"其他需求：{label_list('V.6.1', other)}")
    flags = [v for v in (answers.get("V.7.1") or []) if v != 0]
    risk_flags = vc.validate_risk_flags(_FLAGS[v] for v in flags if v in _FLAGS)
    other_flags = [v for v in flags if v not in _FLAGS]
    if other_flags:
        notes.append(f"其他风险：{label_list('V.7.1', other_flags)}")
    provided = list(answers.get("V.7.2") or [])
    if provided:
        notes.append(f"本次提供的服务：{label_list('V.7.2', provided)}")
    if answers.get("V.1.5") is False:
        notes.append("未见到或未联系到老年人本人")
    areas = {
        code: vc.AreaFinding(level=level, issues=tuple(issues[code]))
        for code, level in worst.items()
    }
    mode = {1: "home", 2: "phone"}.get(answers.get("V.1.2"))  # type: ignore[arg-type]
    return SheetVisit(mode, vc.validate_findings(vc.Findings(areas)), risk_flags, "；".join(notes))
