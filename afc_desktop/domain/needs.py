"""Needs and their status (需求—资源对接): the shared service-type list and the status machine.

Status flow::

    发现 found ──转介──▶ 已转介 referred ──▶ 服务中 in_service ──▶ 已解决 resolved
       │                    │    ▲                 │
       │                    ▼    │(转介退回)        └──────────▶ 无法解决 unresolvable
       ├──当场解决──▶ 已解决   发现 found
       └──────────────────────────────────────────────▶ 无法解决 (reason required)

- Service comes through a referral: 发现 cannot jump to 服务中.
- A need solved on the spot (a policy question answered) may go 发现 → 已解决.
- A referral the resource turned down goes back 已转介 → 发现 (reason required).
- 已解决 and 无法解决 are final; a new problem is a new need.
"""

from __future__ import annotations

from dataclasses import dataclass

# Shared service-type list (服务类型), used by needs and by resources' services offered.
SERVICE_TYPES: tuple[tuple[str, str], ...] = (
    ("daily_care", "生活照料"),
    ("meals", "助餐"),
    ("bathing", "助浴"),
    ("cleaning", "助洁"),
    ("medical_care", "医疗护理"),
    ("rehabilitation", "康复"),
    ("companionship", "精神慰藉"),
    ("emergency_rescue", "紧急救援"),
    ("home_adaptation", "适老化改造"),
    ("legal_aid", "法律援助"),
    ("policy_advice", "政策咨询"),
    ("digital_help", "智能技术帮助"),
    ("errands", "代办帮办"),
    ("other", "其他"),
)
_SERVICE_LABELS = dict(SERVICE_TYPES)

STATUSES: tuple[tuple[str, str], ...] = (
    ("found", "发现"),
    ("referred", "已转介"),
    ("in_service", "服务中"),
    ("resolved", "已解决"),
    ("unresolvable", "无法解决"),
)
STATUS_LABELS = dict(STATUSES)
OPEN_STATUSES = frozenset({"found", "referred", "in_service"})
CLOSED_STATUSES = frozenset({"resolved", "unresolvable"})

URGENCIES: tuple[tuple[str, str], ...] = (
    ("urgent", "紧急"),
    ("normal", "一般"),
    ("low", "不急"),
)
URGENCY_LABELS = dict(URGENCIES)

ALLOWED: dict[str, frozenset[str]] = {
    "found": frozenset({"referred", "resolved", "unresolvable"}),
    "referred": frozenset({"in_service", "found", "unresolvable"}),
    "in_service": frozenset({"resolved", "unresolvable"}),
    "resolved": frozenset(),
    "unresolvable": frozenset(),
}
# Transitions that must carry a reason.
NEEDS_REASON = {("referred", "found")} | {(s, "unresolvable") for s in OPEN_STATUSES}


class NeedTransitionError(ValueError):
    """A refused status change; ``message`` says why in plain Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def service_type_label(code: str) -> str:
    """Chinese label of a service type (the code itself when unknown)."""
    return _SERVICE_LABELS.get(code, code)


def service_type_code(text: str) -> str:
    """Accept a code or a Chinese label; raises ValueError for an unknown type."""
    text = text.strip()
    if text in _SERVICE_LABELS:
        return text
    for code, label in SERVICE_TYPES:
        if label == text:
            return code
    raise ValueError(f"未知的服务类型：{text}")


def status_label(code: str) -> str:
    """Chinese label of a need status."""
    return STATUS_LABELS.get(code, code)


@dataclass(frozen=True)
class Transition:
    """An accepted status change."""

    source: str
    target: str
    reason: str


def check_transition(current: str, target: str, reason: str = "") -> Transition:
    """Accept or refuse a status change; raises :class:`NeedTransitionError` with the reason."""
    if current not in ALLOWED:
        raise NeedTransitionError(f"未知的需求状态：{current}")
    if target not in ALLOWED:
        raise NeedTransitionError(f"未知的目标状态：{target}")
    here, there = status_label(current), status_label(target)
    if current == target:
        raise NeedTransitionError(f"需求已经是“{here}”")
    if current in CLOSED_STATUSES:
        raise NeedTransitionError(f"需求已“{here}”，不能再改；如有新问题请另行登记需求")
    if target not in ALLOWED[current]:
        hint = ""
        if current == "found" and target == "in_service":
            hint = "：请先转介到服务资源"
        raise NeedTransitionError(f"需求状态为“{here}”，不能直接改为“{there}”{hint}")
    reason = reason.strip()
    if (current, target) in NEEDS_REASON and not reason:
        raise NeedTransitionError(f"改为“{there}”时请填写原因")
    return Transition(current, target, reason)


def next_statuses(current: str) -> list[str]:
    """The statuses a need can move to from ``current``, in flow order."""
    allowed = ALLOWED.get(current, frozenset())
    return [code for code, _label in STATUSES if code in allowed]
