"""Assessments and the register's rules from the command line.

- ``afc assess FORM_ID --person ID ANSWERS.json [--finalize] [--assessor 名字]`` — save a draft
  (or finalise) an assessment; answers keyed by item id, as ``afc forms score`` takes them.
  Prefilled from the register (name, sex, birth date, ID number) where the file leaves them out.
- ``afc assess-due [--days N]`` — re-assessments due (复评).
- ``afc rules show`` / ``afc rules set KEY=VALUE …`` — the register's adjustable rules (admin).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import CliApp, CliError


def cmd_assess(args: argparse.Namespace, app: CliApp) -> int:
    from ..services import assessments as svc
    from ..services.visits import resolve_person

    try:
        answers = json.loads(Path(args.answers).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CliError(f"无法读取答案文件 {args.answers}：{exc}", status=2) from None
    if not isinstance(answers, dict):
        raise CliError("答案文件应为 JSON 对象（题目编号: 答案）", status=2)
    ctx = app.ctx()
    pid = resolve_person(ctx, args.person)
    filled = {**svc.prefilled_answers(ctx, pid, args.form_id), **answers}
    data = svc.AssessmentInput(pid, args.form_id, filled, assessors=tuple(args.assessor or ()))
    view = (svc.finalize_assessment if args.finalize else svc.save_draft)(ctx, data)
    payload = {
        "id": view.id,
        "person_id": pid,
        "form_id": view.form_id,
        "form_version": view.form_version,
        "status": view.status,
        "assessed_on": view.assessed_on,
        "total": view.total,
        "final_grade": view.final_grade,
    }
    text = f"{view.status_label}：{view.form_title}（第{view.form_version}版）"
    if view.final_grade:
        text += f"，总分 {view.total}，最终等级 {view.final_grade}"
    app.out(payload, text)
    return 0


def cmd_due(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.reassessments import due_reassessments

    rows = due_reassessments(app.ctx(), within_days=args.days)
    lines = [f"{r.due_date}\t{r.name}\t{r.grade}\t{r.reason_text}" for r in rows]
    app.out([dataclasses.asdict(r) for r in rows], "\n".join(lines) or "没有到期的复评")
    return 0


_RULE_TYPES: dict[str, Callable[[str], Any]] = {
    "young_helper_min_age": int,
    "young_helper_max_age": int,
    "helped_min_age": int,
    "reassess_months": int,
    "disability_levels": lambda v: tuple(int(x) for x in v.split(",") if x.strip()),
    "reassess_triggers": lambda v: tuple(x.strip() for x in v.split(",") if x.strip()),
}


def cmd_rules(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.register_rules import load_register_rules, save_register_rules

    ctx = app.ctx()
    rules = load_register_rules(ctx)
    if args.rules_command == "set":
        changes: dict[str, Any] = {}
        for spec in args.values:
            key, _, value = spec.partition("=")
            convert = _RULE_TYPES.get(key.strip())
            if convert is None or not value:
                raise CliError(f"未知的规则或缺少取值：{spec}（可用：{'、'.join(_RULE_TYPES)}）", 2)
            try:
                changes[key.strip()] = convert(value)
            except ValueError:
                raise CliError(f"规则 {key} 的取值不对：{value}", status=2) from None
        rules = save_register_rules(ctx, dataclasses.replace(rules, **changes))
    app.out(dataclasses.asdict(rules), "\n".join(rules.describe()))
    return 0


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS, help="数据目录")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    common.add_argument("--as", dest="as_user", default=argparse.SUPPRESS)
    return common


def add_commands(sub: Any) -> None:
    p = sub.add_parser("assess", help="为人员填写评估表（草稿或定稿）")
    p.add_argument("form_id", metavar="FORM_ID", help="表单编号，如 gbt42195-2022-ability")
    p.add_argument("--person", required=True, help="人员记录编号或身份证号")
    p.add_argument("answers", metavar="ANSWERS.json", help="答案文件（题目编号: 答案）")
    p.add_argument("--finalize", action="store_true", help="定稿（检查必填项并评分）")
    p.add_argument("--assessor", action="append", help="评估员（默认取签名题）")
    p.set_defaults(func=cmd_assess)

    p = sub.add_parser("assess-due", help="到期复评名单")
    p.add_argument("--days", type=int, default=30, help="今后 N 天内到期的（含逾期），默认30")
    p.set_defaults(func=cmd_due)

    rules = sub.add_parser("rules", help="底册规则：低龄助高龄年龄、计入失能的等级、复评间隔")
    actions = rules.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    q = actions.add_parser("show", parents=[_common()], help="显示当前规则")
    q.set_defaults(func=cmd_rules)
    q = actions.add_parser("set", parents=[_common()], help="修改规则（需管理员）")
    q.add_argument("values", nargs="+", metavar="KEY=VALUE", help="如 young_helper_max_age=74")
    q.set_defaults(func=cmd_rules)
