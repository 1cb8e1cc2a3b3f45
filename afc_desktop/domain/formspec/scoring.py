"""Scoring (评分): subtotals, total, preliminary grade, adjustments, final grade.

For GB/T 42195-2022 this is Appendix C: C.1 一级指标分级 (subtotals), C.2 总得分, C.3 初步等级,
C.4 能力等级变更依据 (adjustments), C.5 最终等级.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from afc_desktop.domain.formspec.answers import is_answered
from afc_desktop.domain.formspec.conditions import evaluate
from afc_desktop.domain.formspec.model import Answers, FormSpec, GradeBand, Scoring


class ScoringError(ValueError):
    """Answers that cannot be scored; ``missing`` lists the unanswered item ids."""

    def __init__(self, message: str, missing: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.missing = missing or []


@dataclass(frozen=True)
class SubtotalScore:
    """One subtotal's score against its maximum."""

    id: str
    label: str
    score: int
    max: int


@dataclass(frozen=True)
class AppliedAdjustment:
    """An adjustment rule that applied, with the level before and after it."""

    id: str
    text: str
    level_before: int
    level_after: int


@dataclass(frozen=True)
class ScoreResult:
    """The outcome of scoring one set of answers."""

    item_scores: dict[str, int]
    subtotals: tuple[SubtotalScore, ...]
    total: int
    total_max: int
    preliminary_level: int
    preliminary_grade: str
    adjustments: tuple[AppliedAdjustment, ...] = field(default=())
    final_level: int = 0
    final_grade: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (stored with an assessment and printed by ``afc forms score``)."""
        return {
            "item_scores": dict(self.item_scores),
            "subtotals": [
                {"id": s.id, "label": s.label, "score": s.score, "max": s.max}
                for s in self.subtotals
            ],
            "total": self.total,
            "total_max": self.total_max,
            "preliminary_level": self.preliminary_level,
            "preliminary_grade": self.preliminary_grade,
            "adjustments": [
                {
                    "id": a.id,
                    "text": a.text,
                    "level_before": a.level_before,
                    "level_after": a.level_after,
                }
                for a in self.adjustments
            ],
            "final_level": self.final_level,
            "final_grade": self.final_grade,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScoreResult:
        """Rebuild from :meth:`to_dict` output (an assessment stored by an older version)."""
        return cls(
            item_scores={str(k): int(v) for k, v in data.get("item_scores", {}).items()},
            subtotals=tuple(
                SubtotalScore(s["id"], s["label"], int(s["score"]), int(s["max"]))
                for s in data.get("subtotals", [])
            ),
            total=int(data["total"]),
            total_max=int(data.get("total_max", 0)),
            preliminary_level=int(data["preliminary_level"]),
            preliminary_grade=str(data["preliminary_grade"]),
            adjustments=tuple(
                AppliedAdjustment(a["id"], a["text"], int(a["level_before"]), int(a["level_after"]))
                for a in data.get("adjustments", [])
            ),
            final_level=int(data["final_level"]),
            final_grade=str(data["final_grade"]),
        )


def grade_for_total(scoring: Scoring, total: int) -> GradeBand:
    """The grade band containing ``total``."""
    for band in scoring.grades:
        if band.min <= total <= band.max:
            return band
    raise ScoringError(f"总分 {total} 超出 0–{scoring.total_max} 的范围")


def scoring_inputs(form: FormSpec) -> list[str]:
    """Item ids that must be answered to score: every scored item and every item an
    adjustment rule reads (so a rule is never skipped silently)."""
    scoring = _scoring(form)
    ids = [i for s in scoring.subtotals for i in s.items]
    for rule in scoring.adjustments:
        for ref in sorted(rule.when.referenced_items()):
            if ref not in ids:
                ids.append(ref)
    return ids


def missing_for_scoring(form: FormSpec, answers: Answers) -> list[str]:
    """Ids of :func:`scoring_inputs` without an answer, in form order."""
    needed = set(scoring_inputs(form))
    return [i.id for i in form.items() if i.id in needed and not is_answered(answers.get(i.id))]


def score(form: FormSpec, answers: Answers) -> ScoreResult:
    """Score ``answers``; raises ScoringError naming missing items or invalid choices."""
    scoring = _scoring(form)
    missing = missing_for_scoring(form, answers)
    if missing:
        raise ScoringError(f"以下题目尚未作答，无法评分：{'、'.join(missing)}", missing)
    item_scores: dict[str, int] = {}
    subtotals: list[SubtotalScore] = []
    for sub in scoring.subtotals:
        points = 0
        for item_id in sub.items:
            item = form.item(item_id)
            opt = item.option(answers[item_id])
            if opt is None or opt.score is None:
                raise ScoringError(
                    f"{item.id} {item.label}：{answers[item_id]!r} 不是可选的分值", [item.id]
                )
            item_scores[item_id] = opt.score
            points += opt.score
        subtotals.append(SubtotalScore(sub.id, sub.label, points, sub.max))
    total = sum(s.score for s in subtotals)
    band = grade_for_total(scoring, total)
    level, applied = adjust_level(scoring, band.level, answers)
    return ScoreResult(
        item_scores=item_scores,
        subtotals=tuple(subtotals),
        total=total,
        total_max=scoring.total_max,
        preliminary_level=band.level,
        preliminary_grade=band.label,
        adjustments=tuple(applied),
        final_level=level,
        final_grade=scoring.grades[level].label,
    )


def adjust_level(
    scoring: Scoring, level: int, answers: Answers
) -> tuple[int, list[AppliedAdjustment]]:
    """Apply the adjustment rules in file order: ``raise`` adds levels, ``set_level`` moves the
    level to at least that one; the result never passes the worst grade."""
    worst = len(scoring.grades) - 1
    applied: list[AppliedAdjustment] = []
    for rule in scoring.adjustments:
        if not evaluate(rule.when, answers):
            continue
        before = level
        if rule.set_level is not None:
            level = max(level, rule.set_level)
        else:
            level = min(level + rule.raise_by, worst)
        applied.append(AppliedAdjustment(rule.id, rule.text, before, level))
    return level, applied


def _scoring(form: FormSpec) -> Scoring:
    if form.scoring is None:
        raise ScoringError(f"表单 {form.id} 没有评分规则")
    return form.scoring
