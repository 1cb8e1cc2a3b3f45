"""The printable visit record (探访记录表), drawn from the ``visit-record`` form definition.

:class:`VisitRecord` is what the visits service hands over; :func:`visit_answers` maps it onto the
form's items so that the same renderer prints it (and a blank one for a visit route).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from afc_desktop.domain.formspec import FormSpec, Item, visible_answers
from afc_desktop.printing.document import open_pdf, start_document
from afc_desktop.printing.formsheet import SheetOptions, draw_form
from afc_desktop.printing.layout import SheetCanvas
from afc_desktop.printing.pictures import draw_pictures
from afc_desktop.printing.records import PersonHeader

VISIT_FORM_ID = "visit-record"
_MODES = {"home": 1, "入户走访": 1, "remote": 2, "phone": 2, "video": 2, "电话视频探访": 2}


@dataclass(frozen=True)
class VisitRecord:
    """One visit (探访) as printed; free notes per content area, flags and needs as labels."""

    person: PersonHeader
    visited_on: date
    mode: str  # "home" (入户走访) or "remote"/"phone"/"video" (电话视频探访), or the Chinese label
    visitor: str
    companions: str = ""
    met_in_person: bool | None = None
    health: str = ""  # 健康方面
    economy: str = ""  # 经济方面
    family: str = ""  # 家庭赡养扶养
    safety: str = ""  # 居住安全
    service_needs: str = ""  # 服务需求 (free text)
    risk_flags: tuple[str, ...] = ()  # labels, e.g. ("跌倒", "独居无人照应")
    needs: tuple[str, ...] = ()  # labels, e.g. ("助餐", "居家适老化改造")
    follow_up: str = ""
    answers: dict[str, Any] = field(default_factory=dict)  # structured answers by item id (win)
    pictures: tuple[Any, ...] = ()  # printing.pictures.PrintedPicture: photos of the visit


def _labels_to_values(item: Item, labels: tuple[str, ...]) -> tuple[list[Any], list[str]]:
    """Option values for known labels, and the labels that are not options."""
    values: list[Any] = []
    unknown: list[str] = []
    for label in labels:
        opt = next((o for o in item.options if o.label == label), None)
        if opt is None:
            unknown.append(label)
        elif opt.value not in values:
            values.append(opt.value)
    if unknown:
        other = next((o for o in item.options if o.label == "其他"), None)
        if other is not None and other.value not in values:
            values.append(other.value)
    return values, unknown


def visit_answers(form: FormSpec, visit: VisitRecord) -> dict[str, Any]:
    """Answers of the visit-record form for ``visit`` (``visit.answers`` take precedence)."""
    answers: dict[str, Any] = {
        "V.1.1": visit.visited_on.isoformat(),
        "V.1.3": visit.visitor,
        "V.1.4": visit.companions,
        "V.2.9": visit.health,
        "V.3.9": visit.economy,
        "V.4.9": visit.family,
        "V.6.2": visit.service_needs,
        "V.7.3": visit.follow_up,
    }
    mode = _MODES.get(visit.mode)
    if mode is not None:
        answers["V.1.2"] = mode
    if visit.met_in_person is not None:
        answers["V.1.5"] = visit.met_in_person
    if visit.safety:
        answers["V.5.9"] = visit.safety
    flags, other_flags = _labels_to_values(form.item("V.7.1"), visit.risk_flags)
    needs, other_needs = _labels_to_values(form.item("V.6.1"), visit.needs)
    if flags:
        answers["V.7.1"] = flags
    if needs:
        answers["V.6.1"] = needs
    if other_flags:
        answers["V.7.3"] = "；".join(
            filter(None, [f"其他风险：{'、'.join(other_flags)}", visit.follow_up])
        )
    if other_needs:
        answers["V.6.2"] = "；".join(
            filter(None, [f"其他需求：{'、'.join(other_needs)}", visit.service_needs])
        )
    answers.update(visit.answers)
    if visit.safety and "V.5.1" not in answers and "V.5.2" not in answers:
        # A safety note with no structured answer: keep it visible on paper.
        answers["V.5.1"] = True
    return {k: v for k, v in answers.items() if v not in (None, "", [])}


def draw_visit_record(canvas: SheetCanvas, form: FormSpec, visit: VisitRecord) -> None:
    """Draw one filled visit record as a document of ``canvas``."""
    sheet = start_document(canvas, form, visit.person)
    answers = visible_answers(form, visit_answers(form, visit))
    draw_form(
        sheet,
        form,
        answers=answers,
        person=visit.person,
        options=SheetOptions(sign_date=visit.visited_on),
    )
    draw_pictures(sheet, visit.pictures)
    sheet.finish()


def write_visit_record_pdf(
    form: FormSpec, visit: VisitRecord, out: Path | str, *, printed_on: date | None = None
) -> Path:
    """Write one filled visit record to ``out``."""
    canvas = open_pdf(out, title=f"{form.title} {visit.person.name}", printed_on=printed_on)
    draw_visit_record(canvas, form, visit)
    canvas.save()
    return Path(out)


# Structured answers implied by the visit dialog's issue codes (domain.visit_content).
_ISSUE_ANSWERS: dict[str, tuple[str, Any]] = {
    "expression": ("V.2.1", 2),
    "mobility": ("V.2.2", 2),
    "reaction": ("V.2.3", 2),
    "illness": ("V.2.4", 2),
    "hospital": ("V.2.4", 3),
    "mood": ("V.2.5", 3),
    "benefits_missing": ("V.3.3", 2),
    "support_missing": ("V.4.1", 3),
    "rare_visits": ("V.4.2", 3),
    "structure": ("V.5.1", True),
    "electric": ("V.5.2", True),
    "gas": ("V.5.2", True),
    "water": ("V.5.2", True),
}
_HARDSHIP = {"food_clothing": [1, 2], "medical_cost": [5], "housing_cost": [3]}


def visit_record_from_findings(
    person: PersonHeader,
    visited_on: date,
    mode: str,
    visitor: str,
    findings: Any,
    *,
    companions: str = "",
    risk_flags: tuple[str, ...] = (),
    follow_up: str = "",
    notes: str = "",
) -> VisitRecord:
    """A printable record from the visits service's data (``domain.visit_content.Findings``,
    risk flag codes); each area's level, ticked issues and notes become its printed text."""
    from afc_desktop.domain import visit_content as vc

    texts: dict[str, str] = {}
    answers: dict[str, Any] = {}
    needs: list[str] = []
    for area in vc.AREAS:
        finding = findings.areas.get(area.code)
        if finding is None:
            continue
        labels = dict(area.issues)
        issues = [labels.get(code, code) for code in finding.issues]
        parts = [f"情况：{vc.LEVEL_LABELS.get(finding.level, finding.level)}"]
        if issues and area.code != "services":
            parts.append("问题：" + "、".join(issues))
        if finding.notes:
            parts.append(finding.notes)
        texts[area.code] = "；".join(parts)
        if area.code == "services":
            needs.extend(issues)
        for code in finding.issues:
            if code in _ISSUE_ANSWERS:
                item_id, value = _ISSUE_ANSWERS[code]
                answers[item_id] = value
            if code in _HARDSHIP:
                answers["V.3.1"] = True
                answers["V.3.2"] = sorted({*answers.get("V.3.2", []), *_HARDSHIP[code]})
        if area.code == "economy" and finding.level == "ok":
            answers.setdefault("V.3.1", False)
    flag_labels = tuple(vc.RISK_FLAG_LABELS.get(code, code) for code in risk_flags)
    return VisitRecord(
        person=person,
        visited_on=visited_on,
        mode="home" if mode == "home" else "remote",
        visitor=visitor,
        companions=companions,
        health=texts.get("health", ""),
        economy=texts.get("economy", ""),
        family=texts.get("family", ""),
        safety=texts.get("safety", ""),
        service_needs="；".join(filter(None, [texts.get("services", ""), notes])),
        risk_flags=flag_labels,
        needs=tuple(needs),
        follow_up=follow_up,
        answers=answers,
    )
