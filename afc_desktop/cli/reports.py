"""Commands: ``afc stats`` (the overview figures) and ``afc report pilot`` (试点报告 PDF/Excel).

afc stats [--from D --to D] [--json]
afc report pilot --stage 中期评估 --from 2026-01-01 --to 2026-06-30 --out 中期评估.pdf
"""

from __future__ import annotations

import argparse
import dataclasses
from datetime import date
from typing import Any

from . import CliApp, CliError, _global_options


def _day(text: str, label: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"{label}“{text}”不是有效日期，应为 YYYY-MM-DD", status=2) from None


def _period(args: argparse.Namespace, today: date) -> Any:
    from ..services.stats import Period

    start = _day(args.date_from, "--from") if args.date_from else date(today.year, 1, 1)
    end = _day(args.date_to, "--to") if args.date_to else today
    return Period(start, end)


def _stats_text(st: Any) -> str:
    from ..services.stats import percent

    p, v = st.people, st.visits
    lines = [
        f"{st.community}  统计期间：{st.period.label()}",
        f"老年人 {p.elders} 人，其中特殊困难 {p.special_hardship} 人",
        "类别：" + "，".join(f"{c.label} {c.count}" for c in p.by_category if c.count),
        "年龄：" + "，".join(f"{c.label} {c.count}" for c in p.by_age_band),
        "能力等级：" + "，".join(f"{c.label} {c.count}" for c in p.by_ability),
        f"{v.year}年{v.month}月探访率 {percent(v.rate)}（{v.visited}/{v.due}）；"
        f"特殊困难老年人 {percent(v.special_rate)}（{v.special_visited}/{v.special_due}，目标100%）",
        f"逾期未探访 {v.overdue} 人；期内探访 {v.visits_in_period} 人次",
        f"未解决需求 {st.needs.open_total} 项（紧急 {st.needs.open_urgent}）："
        + "，".join(f"{c.label} {c.count}" for c in st.needs.by_type),
        f"居家适老化改造 {st.home_modifications.done} 户",
        f"{st.projects.year}年微自治项目 {st.projects.count} 个（目标 {st.projects.target}）",
        f"养老顾问服务 {st.advisory.total} 次："
        + "，".join(f"{c.label} {c.count}" for c in st.advisory.by_kind),
    ]
    lines += [f"注：{n}" for n in st.notes]
    return "\n".join(lines)


def cmd_stats(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.stats import community_stats

    ctx = app.ctx()
    st = community_stats(ctx, _period(args, ctx.today()))
    app.out(dataclasses.asdict(st), _stats_text(st))
    return 0


def cmd_report_pilot(args: argparse.Namespace, app: CliApp) -> int:
    from ..reports import write_report
    from ..reports.pilot_report import build_pilot_report

    if not args.out.lower().endswith((".pdf", ".xlsx")):
        raise CliError(f"--out “{args.out}” 的扩展名应为 .pdf 或 .xlsx", status=2)
    ctx = app.ctx()
    report = build_pilot_report(ctx, args.stage, _period(args, ctx.today()))
    path = write_report(report, args.out)
    app.out(
        {"out": str(path), "title": report.title, "stage": report.stage},
        f"已生成：{report.title} → {path}",
    )
    return 0


def add_commands(sub: Any) -> None:
    p = sub.add_parser("stats", help="社区统计数字（人员、探访率、需求、项目、服务）")
    p.add_argument("--from", dest="date_from", help="统计开始日期 YYYY-MM-DD（默认今年1月1日）")
    p.add_argument("--to", dest="date_to", help="统计结束日期 YYYY-MM-DD（默认今天）")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("report", help="生成报告")
    kinds = p.add_subparsers(dest="report_kind", metavar="KIND", required=True)
    pilot = kinds.add_parser("pilot", help="老年友好社区建设试点报告（PDF 或 Excel）")
    pilot.add_argument("--stage", required=True, help="报告阶段：方案、中期评估 或 结项评估")
    pilot.add_argument("--from", dest="date_from", help="统计开始日期 YYYY-MM-DD（默认今年1月1日）")
    pilot.add_argument("--to", dest="date_to", help="统计结束日期 YYYY-MM-DD（默认今天）")
    pilot.add_argument("--out", required=True, help="输出文件（.pdf 或 .xlsx）")
    _global_options(pilot, suppress=True)  # --data-dir/--json/--as also after "report pilot"
    pilot.set_defaults(func=cmd_report_pilot)
