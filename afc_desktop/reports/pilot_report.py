"""The pilot progress report (老年友好社区建设试点报告) for one period and stage.

The action plan (苏政民发〔2021〕3号, 三(二)) runs each pilot through three stages: a 建设方案
(plan) reviewed by the city bureau, a 中期评估 (mid-term review) and a 结项评估 (final review).
:func:`build_pilot_report` gathers the community's figures for the chosen period into a
:class:`PilotReport`: an information block, the key indicators against the plan's targets, tables
of figures, and a narrative skeleton — the headings the bureau expects for the stage, each with
the facts already known and prompts for what the community writes itself.

The report is plain data: ``reports.pdf`` and ``reports.xlsx`` render the same object.

Layout version 1 (``LAYOUT_VERSION``), what leaves the machine:

- PDF, A4: title and stage; information block (试点社区、报告阶段、统计期间、填报人、填报日期、
  填报单位（盖章）、联系电话); 主要指标完成情况 (indicator, value, target, 已达到/未达到/不适用);
  表1 老年人口与类别, 表2 年龄结构与能力等级, 表3 逐月探访情况, 表4 需求发现与对接,
  表5 养老顾问与帮办代办服务, 表6 “微自治”项目; then, from a new page, 情况报告: the stage's
  sections, each with facts, 【请填写】 prompts and ruled lines; signature lines. Every page:
  the title at the top, "第 N 页 / 共 M 页" at the foot.
- Excel: sheets 报告 (title, information, indicators), 统计表 (tables 1–6, numbers as numbers),
  文字部分 (章节 | 已知情况（系统生成） | 填写提示 | 填写内容).

Change log: 1 — first version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..services import setup
from ..services.context import AppContext, ServiceError
from ..services.stats import (
    PROJECTS_PER_YEAR_TARGET,
    CommunityStats,
    Count,
    MonthRateRow,
    Period,
    community_stats,
    month_rates,
    percent,
)

LAYOUT_VERSION = 1

STAGES: tuple[tuple[str, str], ...] = (
    ("plan", "方案"),
    ("midterm", "中期评估"),
    ("final", "结项评估"),
)
STAGE_TITLES = {"plan": "建设方案", "midterm": "中期评估报告", "final": "结项评估报告"}

Cell = str | int | float | None


@dataclass(frozen=True)
class ReportTable:
    """A table of figures: column headings, rows of cells, an optional note below."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""


@dataclass(frozen=True)
class Indicator:
    """One key indicator: its value in the period, the target and whether it is met."""

    name: str
    value: str
    target: str
    status: str  # 已达到 / 未达到 / 不适用


@dataclass(frozen=True)
class ReportSection:
    """A narrative section: heading, facts filled in from the figures, prompts to complete."""

    heading: str
    facts: tuple[str, ...]
    prompts: tuple[str, ...]
    lines: int = 6  # blank lines to leave for handwriting on paper


@dataclass(frozen=True)
class PilotReport:
    """Everything a pilot report shows, ready to render."""

    stage: str  # plan | midterm | final
    stage_label: str  # 方案 / 中期评估 / 结项评估
    title: str
    community: str
    district: str
    period: Period
    prepared_on: date
    prepared_by: str
    info: tuple[tuple[str, str], ...]
    indicators: tuple[Indicator, ...]
    tables: tuple[ReportTable, ...]
    sections: tuple[ReportSection, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)
    signature_lines: tuple[str, ...] = ("社区（村）负责人", "街道（镇）审核意见", "填报日期")


def stage_code(text: str) -> str:
    """Accept a stage code (plan/midterm/final) or its Chinese name; refuse anything else."""
    text = text.strip()
    for code, label in STAGES:
        if text in (code, label):
            return code
    if text in ("建设方案", "中期", "结项"):
        return {"建设方案": "plan", "中期": "midterm", "结项": "final"}[text]
    names = "、".join(label for _c, label in STAGES)
    raise ServiceError(f"未知的报告阶段“{text}”：应为{names}之一", field="stage")


def stage_label(code: str) -> str:
    return dict(STAGES)[code]


# --- building --------------------------------------------------------------------------------


def _met(ok: bool | None) -> str:
    if ok is None:
        return "不适用"
    return "已达到" if ok else "未达到"


def _indicators(st: CommunityStats, monthly: tuple[MonthRateRow, ...]) -> tuple[Indicator, ...]:
    v = st.visits
    months_due = [m for m in monthly if m.special_due]
    months_full = [m for m in months_due if m.special_visited >= m.special_due]
    return (
        Indicator(
            f"特殊困难老年人月探访率（{v.year}年{v.month}月）",
            percent(v.special_rate),
            "100%",
            _met(None if v.special_due == 0 else v.special_target_met),
        ),
        Indicator(
            "统计期内探访率达到100%的月份",
            f"{len(months_full)}/{len(months_due)}个月",
            "每月",
            _met(None if not months_due else len(months_full) == len(months_due)),
        ),
        Indicator(
            f"{st.projects.year}年开展“微自治”项目",
            f"{st.projects.count}个",
            f"不少于{PROJECTS_PER_YEAR_TARGET}个",
            _met(st.projects.met),
        ),
        Indicator(
            "居家适老化改造（完成改造户数）",
            f"{st.home_modifications.done}户（评估{st.home_modifications.assessed}户）",
            "每年对有需要的家庭开展",
            _met(None if st.home_modifications.assessed == 0 else st.home_modifications.done > 0),
        ),
        Indicator(
            "养老顾问“一对一”服务",
            f"{st.advisory.total}次 / {st.advisory.people}人",
            "—",
            "不适用",
        ),
        Indicator(
            "逾期未探访的老年人（截至报告日）", f"{v.overdue}人", "0人", _met(v.overdue == 0)
        ),
    )


def _count_rows(
    counts: tuple[Count, ...], total: int | None = None
) -> tuple[tuple[Cell, ...], ...]:
    rows: list[tuple[Cell, ...]] = []
    for c in counts:
        share = percent(c.count / total) if total else "—"
        rows.append((c.label, c.count, share) if total is not None else (c.label, c.count))
    return tuple(rows)


def _tables(st: CommunityStats, monthly: tuple[MonthRateRow, ...]) -> tuple[ReportTable, ...]:
    p = st.people
    base = (
        ReportTable(
            "表1  老年人口与类别",
            ("类别", "人数", "占老年人口"),
            (("老年人口（60岁及以上登记在册）", p.elders, "100%" if p.elders else "—"),)
            + (
                (
                    "其中：特殊困难老年人",
                    p.special_hardship,
                    percent(p.special_hardship / p.elders) if p.elders else "—",
                ),
            )  # noqa: E501
            + _count_rows(tuple(c for c in p.by_category if c.count), p.elders),
            "高龄（80岁及以上）、长寿（90岁及以上）、百岁按出生日期计算；一人可属多个类别。",
        ),
        ReportTable(
            "表2  年龄结构与能力等级",
            ("分组", "人数", "占老年人口"),
            _count_rows(p.by_age_band, p.elders) + _count_rows(p.by_ability, p.elders),
            "能力等级依据 GB/T 42195-2022《老年人能力评估规范》评估结果。",
        ),
        ReportTable(
            "表3  逐月探访情况",
            (
                "月份",
                "应探访",
                "已探访",
                "探访率",
                "特殊困难应探访",
                "特殊困难已探访",
                "特殊困难探访率",
            ),
            tuple(
                (
                    f"{m.year}年{m.month}月",
                    m.due,
                    m.visited,
                    percent(m.rate),
                    m.special_due,
                    m.special_visited,
                    percent(m.special_rate),
                )
                for m in monthly
            ),
            "应探访：按探访频次规则当月到期的老年人；目标：特殊困难老年人月探访率100%。",
        ),
        ReportTable(
            "表4  需求发现与对接",
            ("需求类型", "未解决需求数"),
            _count_rows(st.needs.by_type)
            + (
                ("合计（其中紧急）", f"{st.needs.open_total}（{st.needs.open_urgent}）"),
                ("统计期内新发现需求", st.needs.found_in_period),
                ("统计期内已解决需求", st.needs.resolved_in_period),
            ),
        ),
        ReportTable(
            "表5  养老顾问与帮办代办服务",
            ("服务类别", "次数"),
            _count_rows(st.advisory.by_kind)
            + (("合计", st.advisory.total), ("服务时长（分钟）", st.advisory.minutes)),
        ),
        ReportTable(
            f"表6  {st.projects.year}年“微自治”项目",
            ("序号", "项目名称"),
            tuple((i, name) for i, name in enumerate(st.projects.names, start=1))
            or (("—", "（本年度尚未登记项目）"),),
            f"目标：每年开展自治项目不少于{PROJECTS_PER_YEAR_TARGET}个（行动计划二(四)）。",
        ),
    )
    return base


def _facts(st: CommunityStats) -> dict[str, tuple[str, ...]]:
    p, v, n, a = st.people, st.visits, st.needs, st.advisory
    alone = next((c.count for c in p.by_category if c.key == "alone"), 0)
    advanced = next((c.count for c in p.by_category if c.key == "advanced_age"), 0)
    disabled = next((c.count for c in p.by_category if c.key == "disabled"), 0)
    return {
        "survey": (
            f"登记在册老年人{p.elders}人，其中特殊困难老年人{p.special_hardship}人、"
            f"独居{alone}人、高龄（80岁及以上）{advanced}人、失能{disabled}人。",
        ),
        "visits": (
            f"统计期内入户及电话视频探访{v.visits_in_period}人次，覆盖{v.people_visited_in_period}人；"
            f"{v.year}年{v.month}月特殊困难老年人探访率{percent(v.special_rate)}（目标100%），"
            f"截至报告日逾期未探访{v.overdue}人。",
        ),
        "needs": (
            f"统计期内新发现需求{n.found_in_period}项、已解决{n.resolved_in_period}项，"
            f"目前尚有{n.open_total}项需求在对接中（其中紧急{n.open_urgent}项）。",
        ),
        "home": (
            f"统计期内定稿居家适老化改造评估表{st.home_modifications.assessed}户，"
            f"其中已完成改造{st.home_modifications.done}户、共{st.home_modifications.items_done}项。"
            + (f"（{st.home_modifications.note}）" if st.home_modifications.note else ""),
        ),
        "projects": (
            f"{st.projects.year}年登记“微自治”项目{st.projects.count}个"
            f"（目标不少于{st.projects.target}个，{_met(st.projects.met)}）"
            + (f"：{'、'.join(st.projects.names)}。" if st.projects.names else "。"),
        ),
        "advisory": (
            f"统计期内提供养老顾问及帮办代办服务{a.total}次，服务{a.people}人，"
            f"累计{a.minutes}分钟。",
        ),
    }


def _sections(stage: str, st: CommunityStats) -> tuple[ReportSection, ...]:
    f = _facts(st)
    if stage == "plan":
        return (
            ReportSection(
                "一、社区基本情况与需求分析",
                f["survey"] + f["needs"],
                (
                    "概述社区区位、人口规模与老龄化程度。",
                    "基础调查的方式（入户访谈、问卷、线上征询）与主要发现。",
                    "梳理社区及周边服务设施、服务项目、社会组织、驻区单位等资源。",
                ),
            ),
            ReportSection(
                "二、建设目标与主题",
                (),
                ("明确试点期内的建设目标（可量化）与特色主题。", "说明与本地优势特色的结合点。"),
            ),
            ReportSection(
                "三、主要举措",
                f["visits"] + f["advisory"],
                (
                    "实施基础工程：日间照料、适老化改造、居家上门服务等。",
                    "健全参与机制：议事协商、“微自治”项目（每年不少于2个）。",
                    "优化服务网络：全科社工、养老顾问、帮办代办、互助养老。",
                    "凝聚精神内核：能人库、达人库，代际融合活动。",
                ),
                8,
            ),
            ReportSection(
                "四、实施路径与时序",
                (),
                ("按月或季度列出工作安排、责任人与完成标志。",),
            ),
            ReportSection(
                "五、保障措施",
                (),
                ("组织领导、资金筹措（慈善捐赠、社区基金等）、队伍建设与宣传引导。",),
            ),
        )
    common = (
        ReportSection(
            "三、基础调查与养老服务基础底册",
            f["survey"],
            ("底册的建立与动态更新情况；重点群体（独居、空巢、高龄、失能失智）的需求掌握情况。",),
        ),
        ReportSection(
            "四、探访关爱与需求对接",
            f["visits"] + f["needs"],
            (
                "探访关爱制度的落实情况，未达到100%探访率的原因与改进措施。",
                "需求与资源对接的典型做法，未解决需求的跟进安排。",
            ),
        ),
        ReportSection(
            "五、基础工程与居家适老化改造",
            f["home"],
            ("日间照料、喘息床位、家庭夜间照护、适老化改造等基础工程的推进情况。",),
        ),
        ReportSection(
            "六、老年人参与社区治理（“微自治”）",
            f["projects"],
            ("老年人参与议事协商、担任居民代表和参与“微自治”项目的情况与成效。",),
        ),
        ReportSection(
            "七、为老服务网络与养老顾问",
            f["advisory"],
            ("全科社工、养老顾问“一对一”服务、业务帮办与生活代办、互助养老的开展情况。",),
        ),
    )
    if stage == "midterm":
        return (
            ReportSection(
                "一、试点工作进展概述",
                (),
                ("对照建设方案，概述已完成的工作与阶段性成效。",),
            ),
            ReportSection(
                "二、主要指标完成情况",
                ("见“主要指标完成情况”表及表1至表6。",),
                ("对未达到的指标说明原因。",),
                3,
            ),
            *common,
            ReportSection(
                "八、存在的问题与下一步计划",
                (),
                ("列出试点中遇到的主要问题、需要上级支持的事项，以及至结项评估的工作计划。",),
                8,
            ),
        )
    return (
        ReportSection(
            "一、试点建设总体情况",
            (),
            ("对照建设方案与中期评估意见，总结试点建设的整体完成情况。",),
        ),
        ReportSection(
            "二、目标完成情况",
            ("见“主要指标完成情况”表及表1至表6。",),
            ("逐项说明建设目标的完成情况，未完成的说明原因。",),
            3,
        ),
        *common,
        ReportSection(
            "八、特色做法与典型案例",
            (),
            ("提炼1至3个特色做法或典型案例（可附照片、居民评价）。",),
            8,
        ),
        ReportSection(
            "九、经验总结与推广建议",
            (),
            ("可复制推广的经验，以及对后续老年友好社区建设的建议。",),
            6,
        ),
    )


def build_pilot_report(
    ctx: AppContext,
    stage: str,
    period: Period,
    *,
    prepared_by: str | None = None,
) -> PilotReport:
    """The pilot report of ``stage`` (code or Chinese name) for ``period``.

    The period may not end after today (figures of the future do not exist yet).
    """
    code = stage_code(stage)
    today = ctx.today()
    if period.end > today:
        raise ServiceError(
            f"统计期间的结束日期（{period.end.isoformat()}）不能晚于今天", field="period"
        )
    st = community_stats(ctx, period)
    monthly = tuple(month_rates(ctx, period))
    community = setup.local_community(ctx)
    name = community.name if community else st.community
    district = f"{community.district_name}{community.street_name}" if community else ""
    title = f"{name}老年友好社区建设试点{STAGE_TITLES[code]}"
    by = prepared_by if prepared_by is not None else ctx.actor_name
    info = (
        ("试点社区（村）", community.full_name if community else st.community),
        ("报告阶段", stage_label(code)),
        ("统计期间", period.label()),
        ("填报人", by),
        ("填报日期", f"{today:%Y年%m月%d日}"),
        ("填报单位（盖章）", ""),
        ("联系电话", ""),
    )
    return PilotReport(
        stage=code,
        stage_label=stage_label(code),
        title=title,
        community=name,
        district=district,
        period=period,
        prepared_on=today,
        prepared_by=by,
        info=info,
        indicators=_indicators(st, monthly),
        tables=_tables(st, monthly),
        sections=_sections(code, st),
        notes=st.notes,
    )
