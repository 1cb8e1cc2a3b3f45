"""A person's life on the register from the command line (``afc person …``).

- ``afc person remove ID --reason 去世 --date YYYY-MM-DD [--note …]``
- ``afc person reregister ID [--date D]``
- ``afc person move ID --to CODE [--date D]`` — leave for another community of the district
- ``afc person inform ID [--date D] [--consent 同意|不同意]`` — the notice (告知书) was given
- ``afc person notice ID --out F.pdf`` — print the notice for the person
- ``afc person not-informed`` / ``afc person removed`` — the lists
- ``afc person incoming [--all]`` / ``afc person accept TRANSFER_ID`` — people moving in from
  another community of the district (the district's receipt brings them), and accepting one

ID is the record id or the ID number. Every command takes ``--json``.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from . import CliApp, CliError


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD：{text}") from None


def _person(app: CliApp, key: str) -> tuple[Any, str]:
    from ..services.visits import resolve_person

    ctx = app.ctx()
    return ctx, resolve_person(ctx, key)


def cmd_remove(args: argparse.Namespace, app: CliApp) -> int:
    from ..services import register

    ctx, pid = _person(app, args.person)
    register.remove_person(ctx, pid, args.reason, args.date, args.note or "")
    code = register.removal_reason_code(args.reason)
    day = args.date or ctx.today()
    app.out(
        {"person_id": pid, "removed_on": day, "reason": code},
        f"已移出登记册：{register.removal_reason_label(code)}，{day:%Y-%m-%d}",
    )
    return 0


def cmd_reregister(args: argparse.Namespace, app: CliApp) -> int:
    from ..services import register

    ctx = app.ctx()
    pid = register.resolve_removed(ctx, args.person)
    detail = register.reregister_person(ctx, pid, args.date)
    app.out(
        {"person_id": pid, "registered_on": detail.registered_on},
        f"已重新登记：{detail.name}，登记日期 {detail.registered_on:%Y-%m-%d}",
    )
    return 0


def cmd_move(args: argparse.Namespace, app: CliApp) -> int:
    from ..services import register

    ctx, pid = _person(app, args.person)
    code = args.to.strip()
    if not (code.isdigit() and len(code) == 12):
        raise CliError("--to 应为接收社区的12位统计用区划代码", status=2)
    register.remove_person(
        ctx, pid, "moved_within", args.date, f"迁往社区 {code}", to_community=code
    )
    day = args.date or ctx.today()
    app.out(
        {"person_id": pid, "removed_on": day, "reason": "moved_within", "to": code},
        f"已登记迁往本区其他社区（{code}），{day:%Y-%m-%d}；同步后由区级转给接收社区",
    )
    return 0


def cmd_inform(args: argparse.Namespace, app: CliApp) -> int:
    from ..services import register

    ctx, pid = _person(app, args.person)
    consent = None
    if args.consent is not None:
        if args.consent not in ("同意", "不同意", "yes", "no"):
            raise CliError("--consent 只能是 同意 或 不同意", status=2)
        consent = args.consent in ("同意", "yes")
    detail = register.record_informed(ctx, pid, args.date, consent=consent)
    text = f"已记录告知：{detail.name}，{detail.informed_on:%Y-%m-%d}"
    if consent is not None:
        text += "，" + ("同意" if consent else "不同意")
    app.out(
        {"person_id": pid, "informed_on": detail.informed_on, "consent": detail.consent},
        text,
    )
    return 0


def cmd_notice(args: argparse.Namespace, app: CliApp) -> int:
    from ..services import register

    ctx, pid = _person(app, args.person)
    path = register.write_notice_pdf(ctx, pid, args.out)
    app.out({"person_id": pid, "file": str(path)}, f"已生成告知书：{path}")
    return 0


def cmd_not_informed(args: argparse.Namespace, app: CliApp) -> int:
    from ..services import register

    rows = register.not_informed(app.ctx())
    lines = [f"尚未告知的老年人：{len(rows)} 人"]
    lines += [f"{r.name}\t登记 {r.registered_on or ''}" for r in rows]
    app.out([vars(r) for r in rows], "\n".join(lines))
    return 0


def cmd_removed(args: argparse.Namespace, app: CliApp) -> int:
    from ..services import register

    rows = register.list_removed(app.ctx())
    lines = [f"{r.removed_on or ''}\t{r.name}\t{r.reason_label}\t{r.note}" for r in rows]
    app.out([vars(r) for r in rows], "\n".join(lines) or "没有移出登记册的人员")
    return 0


def cmd_incoming(args: argparse.Namespace, app: CliApp) -> int:
    from ..services import register

    rows = register.incoming_transfers(app.ctx(), include_accepted=args.all)
    lines = [
        f"{r.id}\t{r.name}\t来自 {r.from_name or r.from_code}\t迁出 {r.removed_on or ''}"
        f"\t{'已接收' if r.state == 'accepted' else '待接收'}"
        for r in rows
    ]
    app.out([vars(r) for r in rows], "\n".join(lines) or "没有待接收的迁入人员")
    return 0


def cmd_accept(args: argparse.Namespace, app: CliApp) -> int:
    from ..services import register

    person = register.accept_transfer(app.ctx(), args.transfer)
    app.out(
        {"transfer_id": args.transfer, "person_id": person.id},
        f"已接收迁入人员：{person.name}（记录编号 {person.id}）",
    )
    return 0


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS, help="数据目录")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    common.add_argument("--as", dest="as_user", default=argparse.SUPPRESS)
    return common


def add_commands(sub: Any) -> None:
    person = sub.add_parser("person", help="人员变动：移出、重新登记、迁往本区其他社区、告知书")
    actions = person.add_subparsers(dest="person_command", metavar="ACTION", required=True)
    common = [_common()]

    p = actions.add_parser("remove", parents=common, help="移出登记册（原因和日期）")
    p.add_argument("person", metavar="ID", help="人员记录编号或身份证号")
    p.add_argument("--reason", required=True, help="去世 | 迁出本区 | 迁往本区其他社区 | 其他")
    p.add_argument("--date", type=_date, help="移出日期 YYYY-MM-DD（默认今天）")
    p.add_argument("--note", help="说明（原因为“其他”时必填）")
    p.set_defaults(func=cmd_remove)

    p = actions.add_parser("reregister", parents=common, help="重新登记已移出的人员")
    p.add_argument("person", metavar="ID")
    p.add_argument("--date", type=_date, help="登记日期（默认今天）")
    p.set_defaults(func=cmd_reregister)

    p = actions.add_parser("move", parents=common, help="迁往本区其他社区")
    p.add_argument("person", metavar="ID")
    p.add_argument("--to", required=True, help="接收社区的12位统计用区划代码")
    p.add_argument("--date", type=_date, help="迁出日期（默认今天）")
    p.set_defaults(func=cmd_move)

    p = actions.add_parser("inform", parents=common, help="记录已告知（及是否同意）")
    p.add_argument("person", metavar="ID")
    p.add_argument("--date", type=_date, help="告知日期（默认今天）")
    p.add_argument("--consent", help="同意 | 不同意")
    p.set_defaults(func=cmd_inform)

    p = actions.add_parser("notice", parents=common, help="打印个人信息告知书（PDF）")
    p.add_argument("person", metavar="ID")
    p.add_argument("--out", required=True, help="输出文件 .pdf")
    p.set_defaults(func=cmd_notice)

    p = actions.add_parser("not-informed", parents=common, help="尚未告知的老年人")
    p.set_defaults(func=cmd_not_informed)

    p = actions.add_parser("removed", parents=common, help="已移出登记册的人员")
    p.set_defaults(func=cmd_removed)

    p = actions.add_parser("incoming", parents=common, help="本区其他社区迁入、待接收的人员")
    p.add_argument("--all", action="store_true", help="连同已接收的")
    p.set_defaults(func=cmd_incoming)

    p = actions.add_parser("accept", parents=common, help="接收迁入人员（建立本社区记录）")
    p.add_argument("transfer", metavar="TRANSFER_ID", help="迁入记录编号（person incoming 列出）")
    p.set_defaults(func=cmd_accept)
