"""Printing commands (打印): ``afc print assessment|blank|assessments|due-visits``.

- ``afc print assessment ID --out F.pdf`` — the filled report of a saved assessment;
- ``afc print blank FORM_ID [--person ID] --out F.pdf`` — a blank sheet, the person's header
  filled in when ``--person`` is given;
- ``afc print person ID --out F.pdf`` — the person sheet (人员信息表) with the person's photos;
- ``afc print assessments --month YYYY-MM --out F.pdf`` — every final assessment of a month;
- ``afc print due-visits [--days 7] --out F.pdf`` — a blank visit record for each due visit;
- ``afc print route [--days N] --out F.pdf`` — the route sheet in walking order, then a
  pre-filled household visit record per door (ID numbers masked to the last four digits).
"""

from __future__ import annotations

import argparse
import calendar
from datetime import date
from pathlib import Path
from typing import Any

from . import CliApp, CliError


def _common(sub: Any) -> list[Any]:
    common = getattr(sub, "_common", None)
    return [common] if common is not None else []


def add_commands(sub: Any) -> None:
    p = sub.add_parser("print", help="打印评估报告、空白表、探访记录（生成 PDF）")
    psub = p.add_subparsers(dest="print_command", metavar="SUBCOMMAND", required=True)
    parents = _common(sub)

    q = psub.add_parser("assessment", help="已保存评估的报告", parents=parents)
    q.add_argument("assessment_id", help="评估记录 id")
    q.add_argument("--out", required=True, help="输出 PDF 文件")
    q.set_defaults(func=cmd_assessment)

    q = psub.add_parser("blank", help="空白表（可预填人员信息）", parents=parents)
    q.add_argument("form_id", help="表单 id，如 gbt42195-2022-ability、visit-record")
    q.add_argument("--person", help="预填此人员（id）的基本信息")
    q.add_argument("--version", type=int, dest="form_version", help="表单版本（默认最新）")
    q.add_argument("--out", required=True, help="输出 PDF 文件")
    q.set_defaults(func=cmd_blank)

    q = psub.add_parser("person", help="人员信息表（含此人的照片）", parents=parents)
    q.add_argument("person_id", help="人员 id")
    q.add_argument("--out", required=True, help="输出 PDF 文件")
    q.set_defaults(func=cmd_person)

    q = psub.add_parser("assessments", help="某月全部已定稿评估，合订为一个 PDF", parents=parents)
    q.add_argument("--month", required=True, help="月份，如 2026-11")
    q.add_argument("--out", required=True, help="输出 PDF 文件")
    q.set_defaults(func=cmd_month)

    q = psub.add_parser(
        "route", help="走访路线单 + 每户预填的入户探访记录（一个 PDF）", parents=parents
    )
    q.add_argument("--days", type=int, help="今后 N 天内到期（含逾期），默认到本周日")
    q.add_argument("--out", required=True, help="输出 PDF 文件")
    q.set_defaults(func=cmd_route)

    q = psub.add_parser("due-visits", help="待探访人员的空白探访记录表，合订", parents=parents)
    q.add_argument("--days", type=int, default=7, help="今后 N 天内到期（含逾期），默认 7")
    q.add_argument("--out", required=True, help="输出 PDF 文件")
    q.set_defaults(func=cmd_due_visits)


def cmd_route(args: argparse.Namespace, app: CliApp) -> int:
    from .households import cmd_print_route

    return cmd_print_route(args, app)


def _out_path(args: argparse.Namespace) -> Path:
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise CliError(f"输出文件应以 .pdf 结尾：{out}")
    return out


def _done(app: CliApp, out: Path, documents: int = 1) -> int:
    app.out({"out": str(out), "documents": documents}, f"已生成 {out}（{documents} 份）")
    return 0


def cmd_assessment(args: argparse.Namespace, app: CliApp) -> int:
    from ..printing import write_assessment_pdf
    from ..services.assessments import load_for_printing

    out = _out_path(args)
    form, record = load_for_printing(app.ctx(), args.assessment_id)
    write_assessment_pdf(form, record, out)
    return _done(app, out)


def cmd_person(args: argparse.Namespace, app: CliApp) -> int:
    from ..printing.person_sheet import write_person_sheet_pdf
    from ..services.assessments import printable_person

    out = _out_path(args)
    write_person_sheet_pdf(printable_person(app.ctx(), args.person_id), out)
    return _done(app, out)


def cmd_blank(args: argparse.Namespace, app: CliApp) -> int:
    from ..printing import write_blank_pdf
    from ..services.assessments import forms_registry, person_header

    out = _out_path(args)
    try:
        form = forms_registry().get(args.form_id, args.form_version)
    except KeyError as exc:
        raise CliError(str(exc.args[0])) from None
    person = person_header(app.ctx(), args.person) if args.person else None
    write_blank_pdf(form, out, person)
    return _done(app, out)


def _month(text: str) -> tuple[date, date]:
    try:
        year, month = (int(x) for x in text.split("-"))
        first = date(year, month, 1)
    except ValueError:
        raise CliError(f"月份应写作 YYYY-MM：{text}", status=2) from None
    return first, date(year, month, calendar.monthrange(year, month)[1])


def cmd_month(args: argparse.Namespace, app: CliApp) -> int:
    from ..printing import AssessmentDoc, write_batch_pdf
    from ..services.assessments import FINAL, list_recent_assessments, load_for_printing

    out = _out_path(args)
    first, last = _month(args.month)
    ctx = app.ctx()
    views = list_recent_assessments(ctx, since=first, until=last, status=FINAL, limit=100000)
    if not views:
        raise CliError(f"{args.month} 没有已定稿的评估")
    # photos are read as each record is drawn (not all held at once)
    docs = [
        AssessmentDoc(*load_for_printing(ctx, v.id, lazy_pictures=True)) for v in reversed(views)
    ]
    result = write_batch_pdf(docs, out, title=f"{args.month} 评估报告合订")
    return _done(app, out, result.documents)


def cmd_due_visits(args: argparse.Namespace, app: CliApp) -> int:
    from ..printing import BlankDoc, write_batch_pdf
    from ..services.assessments import forms_registry, person_header
    from ..services.visits import due_list

    out = _out_path(args)
    ctx = app.ctx()
    due = due_list(ctx, within_days=args.days)
    if not due:
        raise CliError(f"今后 {args.days} 天内没有待探访的人员")
    form = forms_registry().get("visit-record")
    docs = [BlankDoc(form, person_header(ctx, d.person_id)) for d in due]
    result = write_batch_pdf(docs, out, title="待探访人员探访记录表")
    return _done(app, out, result.documents)
