"""The register's adjustable rules (底册规则): who counts as 低龄助高龄, which ability grades
count as 失能, when an assessment is due again.

Every rule has a default and an administrator may change it (``services/register_rules.py``
stores the values on this machine). Which defaults come from a source and which are a local
choice is written here and in docs/register-rules.md:

- **低龄助高龄** (younger elders helping the oldest, action plan 二(五) "倡导建立低龄健康老人为
  高龄老人提供服务的志愿机制"): the helper is 60–69 and the helped person 80 or over on the day
  of the service. 80 is the usual 高龄 threshold; 60–69 as "低龄老人" is the common demographic
  usage (低龄 60–69, 中龄 70–79, 高龄 80+). The plan fixes no ages: **local choice**.
- **Grades that count as 失能**: a finalised GB/T 42195-2022 grade at or past 中度失能 (levels
  2, 3, 4: 中度/重度/完全失能) sets the 失能 category; 能力完好 and 轻度失能 clear it. The
  standard names the grades but no policy fixes which of them the visiting-care target group
  "失能" means: **local choice**.
- **Re-assessment (复评)**: a finalised assessment is due again 12 months later, or at once after
  a trigger recorded on a later visit (a fall, a hospital stay). GB/T 42195 lists 常规评估 and
  即时评估 as reasons but the interval was not found in the sources (standards §1.6 [GAP]):
  **local choice**.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from afc_desktop.domain.schedule import add_period

DISABLED = "disabled"  # the 失能 category code (domain.people)

# Level names of GB/T 42195-2022 附录C, for messages and the settings page.
ABILITY_LEVELS: tuple[tuple[int, str], ...] = (
    (0, "能力完好"),
    (1, "轻度失能"),
    (2, "中度失能"),
    (3, "重度失能"),
    (4, "完全失能"),
)

# Visit findings that make a re-assessment due at once: risk flag "fall", health issue "hospital".
TRIGGERS: dict[str, str] = {"fall": "跌倒", "hospital": "住院"}


class RulesError(ValueError):
    """An invalid rule value; ``message`` is plain Chinese and names the rule."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class RegisterRules:
    """The adjustable rules; the defaults are what a new installation uses."""

    young_helper_min_age: int = 60
    young_helper_max_age: int = 69
    helped_min_age: int = 80
    disability_levels: tuple[int, ...] = (2, 3, 4)
    reassess_months: int = 12
    reassess_triggers: tuple[str, ...] = ("fall", "hospital")

    def describe(self) -> list[str]:
        """The rules in plain Chinese, one line each (for the settings page and ``afc rules``)."""
        names = dict(ABILITY_LEVELS)
        levels = "、".join(names.get(v, str(v)) for v in self.disability_levels) or "无"
        triggers = "、".join(TRIGGERS.get(t, t) for t in self.reassess_triggers) or "无"
        return [
            f"低龄助高龄：志愿者{self.young_helper_min_age}–{self.young_helper_max_age}周岁，"
            f"受助人{self.helped_min_age}周岁及以上（本地选择）",
            f"计入“失能”的能力等级：{levels}（本地选择）",
            f"复评：定稿后每{self.reassess_months}个月；探访记录{triggers}后立即复评（本地选择）",
        ]


def validate(rules: RegisterRules) -> RegisterRules:
    """Check values an administrator typed; raises :class:`RulesError`."""
    if not 50 <= rules.young_helper_min_age <= rules.young_helper_max_age <= 120:
        raise RulesError("低龄志愿者的年龄范围不对（应在50至120周岁之间，且下限不大于上限）",
                         "young_helper_min_age")  # fmt: skip
    if not rules.young_helper_max_age < rules.helped_min_age <= 120:
        raise RulesError("受助人最低年龄应大于低龄志愿者的最高年龄", "helped_min_age")
    levels = {level for level, _ in ABILITY_LEVELS}
    if not set(rules.disability_levels) <= levels:
        raise RulesError("计入失能的能力等级只能是0至4级", "disability_levels")
    if not 1 <= rules.reassess_months <= 60:
        raise RulesError("复评间隔应在1到60个月之间", "reassess_months")
    if not set(rules.reassess_triggers) <= set(TRIGGERS):
        raise RulesError("复评触发事件只能是跌倒或住院", "reassess_triggers")
    return RegisterRules(
        rules.young_helper_min_age,
        rules.young_helper_max_age,
        rules.helped_min_age,
        tuple(sorted(set(rules.disability_levels))),
        rules.reassess_months,
        tuple(t for t in TRIGGERS if t in rules.reassess_triggers),
    )


def is_young_helps_old(
    helper_age: int | None, helped_age: int | None, rules: RegisterRules
) -> bool:
    """低龄助高龄: the helper within the 低龄 ages and the helped person 高龄, on the day."""
    if helper_age is None or helped_age is None:
        return False
    return (
        rules.young_helper_min_age <= helper_age <= rules.young_helper_max_age
        and helped_age >= rules.helped_min_age
    )


def counts_as_disabled(level: int, rules: RegisterRules) -> bool:
    """Whether a finalised ability level makes the person 失能."""
    return level in rules.disability_levels


def categories_after_grade(
    categories: Iterable[str], level: int, rules: RegisterRules
) -> list[str]:
    """The person's explicit categories once a grade at ``level`` is finalised: 失能 set when
    the level counts, cleared when it does not; every other category untouched."""
    kept = [c for c in categories if c != DISABLED]
    if counts_as_disabled(level, rules):
        kept.append(DISABLED)
    return kept


@dataclass(frozen=True)
class ReassessmentDue:
    """When an assessment is due again and why."""

    due: date
    reason: str  # "period" | a trigger code
    reason_text: str


def reassessment_due(
    assessed_on: date,
    rules: RegisterRules,
    triggers: Iterable[tuple[date, str]] = (),
) -> ReassessmentDue:
    """The next assessment date: ``reassess_months`` after ``assessed_on``, or the day of the
    first trigger (fall, hospital stay) recorded after it, whichever comes first."""
    due = ReassessmentDue(
        add_period(assessed_on, rules.reassess_months, "month"),
        "period",
        f"距上次评估满{rules.reassess_months}个月",
    )
    for day, code in sorted(triggers):
        if day > assessed_on and code in rules.reassess_triggers and day < due.due:
            return ReassessmentDue(day, code, f"{day:%Y-%m-%d} 探访记录{TRIGGERS[code]}")
    return due
