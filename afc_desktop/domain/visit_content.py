"""What a visit records (探访内容): modes, the five content areas, findings and risk flags.

The five areas follow the visiting-care content as implemented locally (standards §5: 健康、
经济、家庭赡养扶养、居住安全、服务需求). Each area records a level (正常 / 需关注 / 有问题),
the issues seen (from a fixed list, so they can be counted) and free notes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

MODES: tuple[tuple[str, str], ...] = (("home", "入户"), ("phone", "电话"), ("video", "视频"))
MODE_LABELS = dict(MODES)

LEVELS: tuple[tuple[str, str], ...] = (
    ("ok", "正常"),
    ("attention", "需关注"),
    ("problem", "有问题"),
)
LEVEL_LABELS = dict(LEVELS)


@dataclass(frozen=True)
class Area:
    """A content area and the issues a worker can tick."""

    code: str
    label: str
    issues: tuple[tuple[str, str], ...]


AREAS: tuple[Area, ...] = (
    Area(
        "health",
        "健康",
        (
            ("expression", "表达困难"),
            ("mobility", "行动不便"),
            ("reaction", "反应迟缓"),
            ("illness", "疾病控制不佳"),
            ("mood", "精神状况差"),
            ("hospital", "近期住院"),
        ),
    ),
    Area(
        "economy",
        "经济",
        (
            ("food_clothing", "衣食困难"),
            ("medical_cost", "就医困难"),
            ("housing_cost", "住房困难"),
            ("benefits_missing", "未享受应享政策"),
        ),
    ),
    Area(
        "family",
        "家庭赡养扶养",
        (
            ("support_missing", "赡养扶养义务未履行"),
            ("rare_visits", "家人很少看望"),
            ("conflict", "家庭矛盾"),
        ),
    ),
    Area(
        "safety",
        "居住安全",
        (
            ("electric", "用电隐患"),
            ("gas", "燃气隐患"),
            ("water", "用水隐患"),
            ("structure", "房屋安全隐患"),
            ("slippery", "地面湿滑或缺扶手"),
            ("no_alarm", "无紧急呼叫设备"),
        ),
    ),
    Area(
        "services",
        "服务需求",
        (
            ("daily_care", "生活照料"),
            ("nursing", "康复护理"),
            ("companionship", "精神慰藉"),
            ("adaptation", "居家适老化改造"),
            ("meals", "助餐"),
            ("medical", "助医"),
        ),
    ),
)
AREA_BY_CODE = {a.code: a for a in AREAS}

RISK_FLAGS: tuple[tuple[str, str], ...] = (
    ("fall", "跌倒"),
    ("wandering", "走失"),
    ("alone_unattended", "独居无人照应"),
    ("safety_hazard", "安全隐患"),
    ("acute_illness", "突发疾病"),
    ("mental_crisis", "情绪危机"),
)
RISK_FLAG_LABELS = dict(RISK_FLAGS)


class VisitContentError(ValueError):
    """Malformed visit content; ``message`` is plain Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class AreaFinding:
    """What was found in one area."""

    level: str = "ok"
    issues: tuple[str, ...] = ()
    notes: str = ""

    def as_json(self) -> dict[str, Any]:
        """JSON form stored on the visit."""
        return {"level": self.level, "issues": list(self.issues), "notes": self.notes}


@dataclass(frozen=True)
class Findings:
    """Findings of all five areas (missing areas are simply not recorded)."""

    areas: Mapping[str, AreaFinding] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """JSON form, in area order."""
        return {a.code: self.areas[a.code].as_json() for a in AREAS if a.code in self.areas}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Findings:
        """Read the stored form back (unknown areas are kept out)."""
        areas: dict[str, AreaFinding] = {}
        for code, value in (data or {}).items():
            if code in AREA_BY_CODE and isinstance(value, Mapping):
                areas[code] = AreaFinding(
                    level=str(value.get("level", "ok")),
                    issues=tuple(value.get("issues", ())),
                    notes=str(value.get("notes", "")),
                )
        return cls(areas)


def validate_findings(findings: Findings) -> Findings:
    """Check levels and issue codes; raises :class:`VisitContentError` naming the area."""
    for code, finding in findings.areas.items():
        area = AREA_BY_CODE.get(code)
        if area is None:
            raise VisitContentError(f"未知的探访内容：{code}")
        if finding.level not in LEVEL_LABELS:
            raise VisitContentError(f"“{area.label}”的情况只能是正常、需关注或有问题")
        known = dict(area.issues)
        for issue in finding.issues:
            if issue not in known:
                raise VisitContentError(f"“{area.label}”中没有“{issue}”这一项")
        if finding.issues and finding.level == "ok":
            raise VisitContentError(f"“{area.label}”勾选了问题，情况不能是“正常”")
    return findings


def validate_risk_flags(flags: Iterable[str]) -> tuple[str, ...]:
    """Known risk flags in canonical order; raises for an unknown one."""
    wanted = set(flags)
    unknown = wanted - set(RISK_FLAG_LABELS)
    if unknown:
        raise VisitContentError(f"未知的风险标记：{'、'.join(sorted(unknown))}")
    return tuple(code for code, _ in RISK_FLAGS if code in wanted)


def suggested_risk_level(flags: Iterable[str]) -> str:
    """ "high" when any risk flag is set, else "normal" (the worker may override)."""
    return "high" if any(True for _ in flags) else "normal"


def mode_label(code: str) -> str:
    """Chinese label of a visit mode."""
    return MODE_LABELS.get(code, code)


def mode_code(text: str) -> str:
    """Accept a code or a Chinese label (入户/电话/视频)."""
    text = text.strip()
    if text in MODE_LABELS:
        return text
    for code, label in MODES:
        if label == text:
            return code
    raise VisitContentError(f"探访方式只能是入户、电话或视频，不能是“{text}”")
