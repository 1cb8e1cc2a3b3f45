"""``afc visits``: the due list, recording a visit, drafts and the month's visit rate, headless."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from . import CliApp, CliError

WINDOW_TEXT = {"overdue": "逾期", "today": "今天", "week": "本周", "month": "本月", "later": "以后"}


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from None


def _month(text: str) -> tuple[int, int]:
    try:
        year, month = text.split("-")
        return int(year), int(month)
    except ValueError:
        raise argparse.ArgumentTypeError(f"月份格式应为 YYYY-MM：{text}") from None


def cmd_due(args: argparse.Namespace, app: CliApp) -> int:
    from ..services import visits

    if args.by_household:
        from .households import cmd_due_by_household

        return cmd_due_by_household(args, app)
    ctx = app.ctx()
    items = visits.due_list(ctx, within_days=args.days, include_later=args.all)
    lines = [
        f"{d.due_date if d.due_date != date.min else '未走访':<10} {WINDOW_TEXT[d.window]:<2} "
        f"{d.name}\t{d.age if d.age is not None else ''}岁\t{'、'.join(d.categories)}\t"
        f"{d.rule_name}\t上次 {d.last_visit or '无'}\t{d.address}\t{d.person_id}"
        for d in items
    ]
    lines.append(f"共 {len(items)} 人待探访（逾期 {sum(d.window == 'overdue' for d in items)} 人）")
    app.out(
        [
            {
                "person_id": d.person_id,
                "name": d.name,
                "age": d.age,
                "categories": list(d.categories),
                "rule": d.rule_name,
                "last_visit": d.last_visit,
                "due_date": None if d.due_date == date.min else d.due_date,
                "days_overdue": d.days_overdue,
                "window": d.window,
                "risk_level": d.risk_level,
                "phone": d.phone,
                "address": d.address,
            }
            for d in items
        ],
        "\n".join(lines),
    )
    return 0


def _findings(specs: list[str] | None) -> Any:
    from ..domain import visit_content as vc

    areas: dict[str, vc.AreaFinding] = {}
    labels = {a.label: a.code for a in vc.AREAS}
    levels = {label: code for code, label in vc.LEVELS}
    for spec in specs or []:
        # 健康=需关注:行动不便,疾病控制不佳  or  health=attention:mobility
        name, _, rest = spec.partition("=")
        code = labels.get(name.strip(), name.strip())
        if code not in vc.AREA_BY_CODE:
            raise CliError(f"未知的探访内容：{name}（可用：{'、'.join(labels)}）", status=2)
        level_text, _, issues_text = rest.partition(":")
        level = levels.get(level_text.strip(), level_text.strip() or "ok")
        issue_labels = {label: c for c, label in vc.AREA_BY_CODE[code].issues}
        issues = tuple(
            issue_labels.get(i.strip(), i.strip()) for i in issues_text.split(",") if i.strip()
        )
        areas[code] = vc.AreaFinding(level=level, issues=issues)
    return vc.Findings(areas)


def cmd_record(args: argparse.Namespace, app: CliApp) -> int:
    from ..domain import needs as need_rules
    from ..domain import visit_content as vc
    from ..services import visits

    if args.household:
        from .households import cmd_record_household

        return cmd_record_household(args, app)
    if not args.person:
        raise CliError("请给出人员记录编号或身份证号，或用 --household 登记入户探访", status=2)
    ctx = app.ctx()
    person_id = visits.resolve_person(ctx, args.person)
    try:
        mode = vc.mode_code(args.mode)
    except vc.VisitContentError as exc:
        raise CliError(exc.message, status=2) from exc
    flag_codes = {label: code for code, label in vc.RISK_FLAGS}
    need_drafts = []
    for spec in args.need or []:
        kind, _, text = spec.partition(":")
        try:
            need_drafts.append(visits.NeedDraft(need_rules.service_type_code(kind), text.strip()))
        except ValueError as exc:
            raise CliError(str(exc), status=2) from exc
    follow_date, follow_text = None, ""
    if args.follow_up:
        day, _, follow_text = args.follow_up.partition(":")
        follow_date = _date(day)
    data = visits.VisitInput(
        person_id=person_id,
        visit_date=args.date or ctx.today(),
        mode=mode,
        companions=args.companions or "",
        findings=_findings(args.area),
        risk_flags=tuple(flag_codes.get(f, f) for f in args.risk_flag or ()),
        risk_level={"高风险": "high", "一般": "normal"}.get(args.risk_level, args.risk_level),
        notes=args.notes or "",
        needs=tuple(need_drafts),
        follow_up_date=follow_date,
        follow_up_text=follow_text.strip(),
    )
    if args.draft:
        view = visits.save_draft(ctx, data, draft_id=args.draft_id)
        app.out(view, f"已保存草稿 {view.id}：{view.person_name} {view.visit_date}")
    else:
        view = visits.record_visit(ctx, data, draft_id=args.draft_id)
        app.out(
            view,
            f"已登记探访 {view.id}：{view.person_name} {view.visit_date} {view.mode_label}"
            + (f"，发现需求 {len(view.need_ids)} 项" if view.need_ids else ""),
        )
    return 0


def cmd_drafts(args: argparse.Namespace, app: CliApp) -> int:
    from ..services import visits

    drafts = visits.list_drafts(app.ctx())
    app.out(
        drafts,
        "\n".join(f"{d.id}\t{d.person_name}\t{d.visit_date}\t{d.mode_label}" for d in drafts)
        or "没有草稿",
    )
    return 0


def cmd_rate(args: argparse.Namespace, app: CliApp) -> int:
    from ..services import visits

    ctx = app.ctx()
    year, month = args.month or (ctx.today().year, ctx.today().month)
    rate = visits.visit_rate(ctx, year, month)
    lines = [f"{year}年{month}月 探访率（已探访 ÷ 应探访）"]
    for row in rate.rows:
        pct = f"{row.rate:.0%}" if row.rate is not None else "—"
        lines.append(f"{row.label}\t{row.visited}/{row.due}\t{pct}")
    app.out(
        [
            {"key": r.key, "label": r.label, "due": r.due, "visited": r.visited, "rate": r.rate}
            for r in rate.rows
        ],
        "\n".join(lines),
    )
    return 0


def _common() -> argparse.ArgumentParser:
    # The global options, accepted after the sub-command name too (afc visits due --json).
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS, help="数据目录")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    common.add_argument("--as", dest="as_user", default=argparse.SUPPRESS)
    return common


def add_commands(sub: Any) -> None:
    visits = sub.add_parser("visits", help="探访：待探访名单、登记探访、草稿、探访率")
    actions = visits.add_subparsers(dest="visits_command", metavar="ACTION", required=True)
    common = [_common()]

    p = actions.add_parser("due", parents=common, help="待探访名单（逾期在前）")
    p.add_argument("--days", type=int, help="今后 N 天内到期的（含逾期）；默认到本月底")
    p.add_argument("--all", action="store_true", help="列出所有有探访频次的老人")
    p.add_argument(
        "--by-household", action="store_true", help="按户列出（走访路线顺序，每户列出到期老人）"
    )
    p.set_defaults(func=cmd_due)

    p = actions.add_parser(
        "record", parents=common, help="登记一次探访（或用 --household 入户探访）"
    )
    p.add_argument("person", metavar="PERSON_ID", nargs="?", help="人员记录编号或身份证号")
    p.add_argument("--household", metavar="HOUSEHOLD_ID", help="入户探访：家庭记录编号")
    p.add_argument(
        "--absent", action="append", metavar="PERSON", help="入户探访时不在家的老人（可重复）"
    )
    p.add_argument(
        "--not-seen", action="append", metavar="PERSON", help="入户探访时未见到的老人（可重复）"
    )
    p.add_argument("--date", type=_date, help="探访日期 YYYY-MM-DD（默认今天）")
    p.add_argument("--mode", required=True, help="入户 | 电话 | 视频")
    p.add_argument("--companions", help="同行人员")
    p.add_argument(
        "--area",
        action="append",
        help="探访内容，如 健康=需关注:行动不便,疾病控制不佳（可重复）",
    )
    p.add_argument(
        "--risk-flag",
        action="append",
        help="风险标记，如 跌倒（可重复）；入户探访时写 老人=跌倒（老人：记录编号、身份证号或姓名）",
    )
    p.add_argument("--risk-level", help="高风险 | 一般（默认按风险标记建议）")
    p.add_argument("--notes", help="情况记录")
    p.add_argument(
        "--need",
        action="append",
        help="发现的需求 类型:描述，如 助餐:想在食堂吃午饭；入户探访时写 老人=助餐:描述",
    )
    p.add_argument("--follow-up", help="跟进 日期:事项，如 2026-12-05:回访助餐落实情况")
    p.add_argument("--draft", action="store_true", help="只保存为草稿")
    p.add_argument("--draft-id", help="继续并完成这份草稿")
    p.set_defaults(func=cmd_record)

    p = actions.add_parser("drafts", parents=common, help="未完成的探访草稿")
    p.set_defaults(func=cmd_drafts)

    p = actions.add_parser("rate", parents=common, help="某月探访率（按类别）")
    p.add_argument("--month", type=_month, help="YYYY-MM（默认本月）")
    p.set_defaults(func=cmd_rate)
