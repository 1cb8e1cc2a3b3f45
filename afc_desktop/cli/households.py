"""Household commands: ``afc visits due --by-household``, ``afc visits record --household``
(handlers called from ``cli/visits.py``), ``afc print route`` (from ``cli/printing.py``) and
``afc households duplicates|merge|split``."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from . import CliApp, CliError

WINDOW_TEXT = {"overdue": "逾期", "today": "今天", "week": "本周", "month": "本月", "later": "以后"}


def cmd_due_by_household(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.visits import due_by_household
    from ..services.visits.by_household import count_people

    rows = due_by_household(app.ctx(), within_days=args.days, include_later=args.all)
    people, overdue = count_people(rows)
    lines = []
    for n, h in enumerate(rows, start=1):
        lines.append(f"{n:>3}. {h.address or '（未登记家庭）'}\t{h.household_id or ''}")
        for e in h.elders:
            due = "未走访" if e.due_date == date.min else e.due_date.isoformat()
            lines.append(
                f"     {due:<10} {WINDOW_TEXT[e.window]:<2} {e.name}\t{e.rule_name}\t"
                f"上次 {e.last_visit or '无'}\t{e.phone}"
            )
    lines.append(f"共 {len(rows)} 户、{people} 人待探访（逾期 {overdue} 人）")
    app.out(
        [
            {
                "household_id": h.household_id,
                "address": h.address,
                "phone": h.phone,
                "due_date": None if h.due_date == date.min else h.due_date,
                "window": h.window,
                "elders": [
                    {
                        "person_id": e.person_id,
                        "name": e.name,
                        "age": e.age,
                        "rule": e.rule_name,
                        "last_visit": e.last_visit,
                        "due_date": None if e.due_date == date.min else e.due_date,
                        "days_overdue": e.days_overdue,
                        "window": e.window,
                        "risk_level": e.risk_level,
                        "phone": e.phone,
                    }
                    for e in h.elders
                ],
            }
            for h in rows
        ],
        "\n".join(lines),
    )
    return 0


def _member(ctx: Any, members: dict[str, str], key: str) -> str:
    """A household member by record id, ID number or name."""
    from ..services.context import ServiceError
    from ..services.visits import resolve_person

    by_name = [pid for pid, name in members.items() if name == key.strip()]
    if len(by_name) == 1:
        return by_name[0]
    try:
        pid = resolve_person(ctx, key)
    except ServiceError:
        pid = ""
    if pid not in members:
        raise CliError(f"{key} 不是这次入户探访的老人（可用记录编号、身份证号或姓名）", status=2)
    return pid


def _split_member_spec(spec: str) -> tuple[str, str]:
    who, sep, rest = spec.partition("=")
    if not sep:
        raise CliError(f"入户探访时请写 老人=内容：{spec}", status=2)
    return who.strip(), rest.strip()


def cmd_record_household(args: argparse.Namespace, app: CliApp) -> int:
    from ..domain import needs as need_rules
    from ..domain import visit_content as vc
    from ..services import household_visits as hv
    from ..services import register
    from .visits import _date, _findings

    ctx = app.ctx()
    try:
        mode = vc.mode_code(args.mode)
    except vc.VisitContentError as exc:
        raise CliError(exc.message, status=2) from exc
    data = hv.start_household_visit(ctx, household_id=args.household, started_from="cli")
    _household, people = register.get_household(ctx, args.household)
    members = {p.id: p.name for p in people if p.id in {m.person_id for m in data.members}}
    presence = {pid: "present" for pid in members}
    for key in args.absent or []:
        presence[_member(ctx, members, key)] = "absent"
    for key in args.not_seen or []:
        presence[_member(ctx, members, key)] = "not_seen"
    flag_codes = {label: code for code, label in vc.RISK_FLAGS}
    flags: dict[str, list[str]] = {}
    for spec in args.risk_flag or []:
        who, flag = _split_member_spec(spec)
        flags.setdefault(_member(ctx, members, who), []).append(flag_codes.get(flag, flag))
    needs: dict[str, list[Any]] = {}
    for spec in args.need or []:
        who, rest = _split_member_spec(spec)
        kind, _, text = rest.partition(":")
        try:
            draft = hv.NeedDraft(need_rules.service_type_code(kind), text.strip())
        except ValueError as exc:
            raise CliError(str(exc), status=2) from exc
        needs.setdefault(_member(ctx, members, who), []).append(draft)
    entries = tuple(
        replace(
            m,
            presence=presence[m.person_id],
            risk_flags=tuple(flags.get(m.person_id, ())),
            needs=tuple(needs.get(m.person_id, ())),
        )
        for m in data.members
    )
    follow_date, follow_text = None, ""
    if args.follow_up:
        day, _, follow_text = args.follow_up.partition(":")
        follow_date = _date(day)
    if follow_date is not None:  # a follow-up of the visit goes to the first elder present
        first = next((i for i, e in enumerate(entries) if e.presence == "present"), None)
        if first is not None:
            entries = tuple(
                replace(e, follow_up_date=follow_date, follow_up_text=follow_text.strip())
                if i == first
                else e
                for i, e in enumerate(entries)
            )
    data = replace(
        data,
        visit_date=args.date or ctx.today(),
        mode=mode,
        companions=args.companions or "",
        findings=_findings(args.area),
        notes=args.notes or "",
        members=entries,
    )
    if args.draft:
        view = hv.save_household_draft(ctx, data, draft_id=args.draft_id)
        app.out(view, f"已保存入户探访草稿 {view.id}：{view.address} {view.visit_date}")
        return 0
    view = hv.record_household_visit(ctx, data, draft_id=args.draft_id)
    seen = [m.name for m in view.members if m.presence == "present"]
    missed = [f"{m.name}（{m.presence_label}）" for m in view.members if m.presence != "present"]
    app.out(
        view,
        f"已登记入户探访 {view.id}：{view.address} {view.visit_date}，见到 {'、'.join(seen)}"
        + (f"；{'、'.join(missed)}，仍待探访" if missed else ""),
    )
    return 0


def cmd_print_route(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.route import print_route

    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise CliError(f"输出文件应以 .pdf 结尾：{out}")
    sheet = print_route(app.ctx(), out, within_days=args.days)
    app.out(
        {
            "out": str(out),
            "households": len(sheet.households),
            "elders": sheet.elder_count,
            "documents": 1 + len(sheet.households),
        },
        f"已生成 {out}：走访路线单 + {len(sheet.households)} 户入户探访记录（{sheet.elder_count} 位老人）",
    )
    return 0


def cmd_duplicates(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.households import possible_duplicates

    groups = possible_duplicates(app.ctx())
    lines = []
    for g in groups:
        lines.append("同一户：" if g.verdict == "same" else "可能同一户（请确认）：")
        lines.extend(f"  {h.id}\t{h.address_text}\t{h.member_count}人" for h in g.households)
    app.out(groups, "\n".join(lines) or "没有地址重复的家庭")
    return 0


def cmd_merge(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.households import merge_households

    view = merge_households(app.ctx(), args.keep, args.others)
    app.out(view, f"已合并到 {view.id}：{view.address_text}（{view.member_count}人）")
    return 0


def add_commands(sub: Any) -> None:
    common = getattr(sub, "_common", None)
    parents = [common] if common is not None else []
    p = sub.add_parser("households", help="家庭：地址重复的家庭、合并")
    actions = p.add_subparsers(dest="households_command", metavar="ACTION", required=True)
    q = actions.add_parser("duplicates", help="地址是（或可能是）同一户的家庭", parents=parents)
    q.set_defaults(func=cmd_duplicates)
    q = actions.add_parser("merge", help="把其他家庭合并到第一个家庭", parents=parents)
    q.add_argument("keep", help="保留的家庭记录编号")
    q.add_argument("others", nargs="+", help="并入的家庭记录编号")
    q.set_defaults(func=cmd_merge)
