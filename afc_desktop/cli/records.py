"""The rest of the record from the command line: needs, resources, the service log (养老顾问)
and 微自治 projects, each with ``list`` and ``add`` and ``--json``.

- ``afc needs list [--person ID]`` / ``afc needs add ID --type 助餐 [--urgency 紧急] [--text …]``
- ``afc resources list [--kind 社会组织]`` / ``afc resources add --kind 社会组织 --name … [--phone …]``
- ``afc service-log list [--person ID]`` / ``afc service-log add ID --kind 政策咨询办理 --summary …``
- ``afc projects list [--year Y]`` / ``afc projects add --name … --kind 互助养老 --start D``

Kinds and types are given by their Chinese label or their code.
"""

from __future__ import annotations

import argparse
import dataclasses
from datetime import date
from typing import Any

from . import CliApp, CliError


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD：{text}") from None


def _code(text: str, choices: tuple[tuple[str, str], ...], what: str) -> str:
    for code, label in choices:
        if text.strip() in (code, label):
            return code
    raise CliError(f"未知的{what}：{text}（可用：{'、'.join(label for _c, label in choices)}）", 2)


def _rows(views: list[Any]) -> list[dict[str, Any]]:
    return [dataclasses.asdict(v) for v in views]


def cmd_needs(args: argparse.Namespace, app: CliApp) -> int:
    from ..domain import needs as rules
    from ..services import needs
    from ..services.visits import resolve_person

    ctx = app.ctx()
    if args.action == "add":
        pid = resolve_person(ctx, args.person)
        try:
            need_type = rules.service_type_code(args.type)
        except ValueError as exc:
            raise CliError(str(exc), status=2) from None
        urgency = _code(args.urgency, rules.URGENCIES, "紧急程度")
        view = needs.create_need(
            ctx, needs.NeedInput(pid, need_type, args.text or "", urgency, args.date)
        )
        app.out(dataclasses.asdict(view), f"已登记需求：{view.person_name} {view.type_label}")
        return 0
    who: str | None = resolve_person(ctx, args.person) if args.person else None
    rows = needs.open_needs(ctx, who)
    lines = [
        f"{n.found_on}\t{n.person_name}\t{n.type_label}\t{n.urgency_label}\t{n.status_label}"
        for n in rows
    ]
    app.out(_rows(rows), "\n".join(lines) or "没有未解决的需求")
    return 0


def cmd_resources(args: argparse.Namespace, app: CliApp) -> int:
    from ..domain import needs as rules
    from ..services import resources

    ctx = app.ctx()
    if args.action == "add":
        kind = _code(args.kind, resources.RESOURCE_KINDS, "资源类别")
        services = tuple(rules.service_type_code(s) for s in (args.service or []))
        view = resources.create_resource(
            ctx,
            resources.ResourceInput(
                kind, args.name, args.contact or "", args.phone or "", args.address or "",
                services,
            ),
        )  # fmt: skip
        app.out(dataclasses.asdict(view), f"已登记资源：{view.kind_label} {view.name}")
        return 0
    wanted = _code(args.kind, resources.RESOURCE_KINDS, "资源类别") if args.kind else None
    rows = resources.list_resources(ctx, kind=wanted)
    lines = [f"{r.kind_label}\t{r.name}\t{r.phone}\t{'、'.join(r.service_labels)}" for r in rows]
    app.out(_rows(rows), "\n".join(lines) or "没有登记的资源")
    return 0


def cmd_service_log(args: argparse.Namespace, app: CliApp) -> int:
    from ..services import service_log
    from ..services.visits import resolve_person

    ctx = app.ctx()
    if args.action == "add":
        pid = resolve_person(ctx, args.person)
        kind = _code(args.kind, service_log.SERVICE_KINDS, "服务类型")
        view = service_log.record_service(
            ctx,
            service_log.ServiceInput(
                pid, args.date or ctx.today(), kind, args.summary, args.minutes, args.outcome or ""
            ),
        )
        app.out(dataclasses.asdict(view), f"已登记服务：{view.person_name} {view.kind_label}")
        return 0
    who: str | None = resolve_person(ctx, args.person) if args.person else None
    rows = service_log.list_services(ctx, person_id=who)
    lines = [f"{v.service_date}\t{v.person_name}\t{v.kind_label}\t{v.summary}" for v in rows]
    app.out(_rows(rows), "\n".join(lines) or "没有服务记录")
    return 0


def cmd_projects(args: argparse.Namespace, app: CliApp) -> int:
    from ..services import participation

    ctx = app.ctx()
    if args.action == "add":
        kind = _code(args.kind, participation.PROJECT_KINDS, "项目类型")
        view = participation.create_project(
            ctx,
            participation.ProjectInput(
                args.name, kind, args.start, args.end, description=args.description or ""
            ),
        )
        app.out(dataclasses.asdict(view), f"已登记微自治项目：{view.name}（{view.kind_label}）")
        return 0
    rows = participation.list_projects(ctx, args.year)
    lines = [f"{p.start_date}\t{p.name}\t{p.kind_label}\t{p.status_label}" for p in rows]
    app.out(_rows(rows), "\n".join(lines) or "没有微自治项目")
    return 0


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS, help="数据目录")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    common.add_argument("--as", dest="as_user", default=argparse.SUPPRESS)
    return common


def add_commands(sub: Any) -> None:
    common = [_common()]

    needs = sub.add_parser("needs", help="需求：列出未解决的、登记新需求")
    actions = needs.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = actions.add_parser("list", parents=common, help="未解决的需求")
    p.add_argument("--person", help="只看某人（记录编号或身份证号）")
    p = actions.add_parser("add", parents=common, help="登记需求")
    p.add_argument("person", metavar="ID")
    p.add_argument("--type", required=True, help="需求类型，如 助餐")
    p.add_argument("--urgency", default="一般", help="紧急 | 一般 | 不急")
    p.add_argument("--text", help="描述")
    p.add_argument("--date", type=_date, help="发现日期（默认今天）")
    needs.set_defaults(func=cmd_needs)

    res = sub.add_parser("resources", help="社区资源：列出、登记")
    actions = res.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = actions.add_parser("list", parents=common, help="资源清单")
    p.add_argument("--kind", help="资源类别，如 社会组织")
    p = actions.add_parser("add", parents=common, help="登记资源")
    p.add_argument("--kind", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--contact", help="联系人")
    p.add_argument("--phone", help="联系电话")
    p.add_argument("--address", help="地址")
    p.add_argument("--service", action="append", help="提供的服务类型（可重复）")
    res.set_defaults(func=cmd_resources)

    log = sub.add_parser("service-log", help="养老顾问服务记录：列出、登记")
    actions = log.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = actions.add_parser("list", parents=common, help="服务记录")
    p.add_argument("--person", help="只看某人")
    p = actions.add_parser("add", parents=common, help="登记一次服务")
    p.add_argument("person", metavar="ID")
    p.add_argument("--kind", required=True, help="如 政策咨询办理、业务帮办")
    p.add_argument("--summary", required=True, help="服务内容")
    p.add_argument("--minutes", type=int, default=0, help="用时（分钟）")
    p.add_argument("--outcome", help="结果")
    p.add_argument("--date", type=_date, help="服务日期（默认今天）")
    log.set_defaults(func=cmd_service_log)

    projects = sub.add_parser("projects", help="微自治项目：列出、登记")
    actions = projects.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = actions.add_parser("list", parents=common, help="项目清单")
    p.add_argument("--year", type=int, help="年份")
    p = actions.add_parser("add", parents=common, help="登记项目")
    p.add_argument("--name", required=True)
    p.add_argument("--kind", required=True, help="如 互助养老、协商议事")
    p.add_argument("--start", type=_date, required=True, help="开始日期")
    p.add_argument("--end", type=_date, help="结束日期")
    p.add_argument("--description", help="说明")
    projects.set_defaults(func=cmd_projects)
