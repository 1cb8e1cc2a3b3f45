"""The rest of the record from the command line: needs, resources, the service log (养老顾问)
and 微自治 projects, each with ``list`` and ``add`` and ``--json``.

- ``afc needs list [--person ID]`` / ``afc needs add ID --type 助餐 [--urgency 紧急] [--text …]``
- ``afc resources list [--kind 社会组织]`` / ``afc resources add --kind 社会组织 --name … [--phone …]``
- ``afc service-log list [--person ID]`` / ``afc service-log add ID --kind 政策咨询办理 --summary …``
- ``afc projects list [--year Y]`` / ``afc projects add --name … --kind 互助养老 --start D``

Kinds and types are given by their Chinese label or their code. The four commands share one
shape, so their parsers are made from a table (``_GROUPS``); each keeps its own runner.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
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


Args = tuple[tuple[tuple[str, ...], dict[str, Any]], ...]


@dataclass(frozen=True)
class _Group:
    """One ``afc NAME list|add`` command: its help texts, each action's arguments, its runner."""

    name: str
    help: str
    func: Callable[[argparse.Namespace, CliApp], int]
    list_help: str
    list_args: Args
    add_help: str
    add_args: Args


def _a(*flags: str, **options: Any) -> tuple[tuple[str, ...], dict[str, Any]]:
    return flags, options


_GROUPS = (
    _Group(
        "needs", "需求：列出未解决的、登记新需求", cmd_needs,
        "未解决的需求", (_a("--person", help="只看某人（记录编号或身份证号）"),),
        "登记需求",
        (
            _a("person", metavar="ID"),
            _a("--type", required=True, help="需求类型，如 助餐"),
            _a("--urgency", default="一般", help="紧急 | 一般 | 不急"),
            _a("--text", help="描述"),
            _a("--date", type=_date, help="发现日期（默认今天）"),
        ),
    ),
    _Group(
        "resources", "社区资源：列出、登记", cmd_resources,
        "资源清单", (_a("--kind", help="资源类别，如 社会组织"),),
        "登记资源",
        (
            _a("--kind", required=True),
            _a("--name", required=True),
            _a("--contact", help="联系人"),
            _a("--phone", help="联系电话"),
            _a("--address", help="地址"),
            _a("--service", action="append", help="提供的服务类型（可重复）"),
        ),
    ),
    _Group(
        "service-log", "养老顾问服务记录：列出、登记", cmd_service_log,
        "服务记录", (_a("--person", help="只看某人"),),
        "登记一次服务",
        (
            _a("person", metavar="ID"),
            _a("--kind", required=True, help="如 政策咨询办理、业务帮办"),
            _a("--summary", required=True, help="服务内容"),
            _a("--minutes", type=int, default=0, help="用时（分钟）"),
            _a("--outcome", help="结果"),
            _a("--date", type=_date, help="服务日期（默认今天）"),
        ),
    ),
    _Group(
        "projects", "微自治项目：列出、登记", cmd_projects,
        "项目清单", (_a("--year", type=int, help="年份"),),
        "登记项目",
        (
            _a("--name", required=True),
            _a("--kind", required=True, help="如 互助养老、协商议事"),
            _a("--start", type=_date, required=True, help="开始日期"),
            _a("--end", type=_date, help="结束日期"),
            _a("--description", help="说明"),
        ),
    ),
)  # fmt: skip


def add_commands(sub: Any) -> None:
    common = [_common()]
    for group in _GROUPS:
        parser = sub.add_parser(group.name, help=group.help)
        actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
        for action, help_text, args in (
            ("list", group.list_help, group.list_args),
            ("add", group.add_help, group.add_args),
        ):
            p = actions.add_parser(action, parents=common, help=help_text)
            for flags, options in args:
                p.add_argument(*flags, **options)
        parser.set_defaults(func=group.func)
