"""Form-definition commands: ``afc forms list``, ``afc forms check`` and ``afc forms score``.

These need no database: they read ``forms/`` (or ``--forms-dir``).

``afc forms score FORM_ID ANSWERS.json`` prints the scoring result as JSON: subtotals, total,
preliminary grade, the adjustments applied and the final grade. Answers are a JSON object keyed
by item id (a scored choice's value is its score). Incomplete answers are an error naming the
missing item ids (status 1).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from . import CliApp, CliError


def _common(sub: Any) -> list[Any]:
    common = getattr(sub, "_common", None)
    return [common] if common is not None else []


def add_commands(sub: Any) -> None:
    p = sub.add_parser("forms", help="评估表定义：列出、校验、评分")
    fsub = p.add_subparsers(dest="forms_command", metavar="SUBCOMMAND", required=True)
    parents = _common(sub)

    q = fsub.add_parser("list", help="列出全部表单及版本", parents=parents)
    q.add_argument("--forms-dir", help="表单目录（默认程序自带的 forms/）")
    q.set_defaults(func=cmd_list)

    q = fsub.add_parser("check", help="校验全部表单定义文件", parents=parents)
    q.add_argument("--forms-dir", help="表单目录（默认程序自带的 forms/）")
    q.set_defaults(func=cmd_check)

    q = fsub.add_parser("score", help="按表单为答案评分，输出 JSON", parents=parents)
    q.add_argument("form_id", help="表单 id，如 gbt42195-2022-ability")
    q.add_argument("answers", help="答案文件（JSON 对象，键为题目编号）")
    q.add_argument("--version", type=int, dest="form_version", help="表单版本（默认最新）")
    q.add_argument("--forms-dir", help="表单目录（默认程序自带的 forms/）")
    q.set_defaults(func=cmd_score)


def _registry(args: argparse.Namespace) -> Any:
    from ..domain.formspec import load_forms

    return load_forms(getattr(args, "forms_dir", None))


def cmd_list(args: argparse.Namespace, app: CliApp) -> int:
    registry = _registry(args)
    rows = [
        {
            "id": f.id,
            "version": f.version,
            "title": f.title,
            "kind": f.kind,
            "items": len(f.items()),
            "scored": f.scoring is not None,
            "file": f.path,
        }
        for f in sorted(registry.forms.values(), key=lambda f: f.key)
    ]
    lines = [f"{r['id']}  第{r['version']}版  {r['title']}（{r['items']} 题）" for r in rows]
    if registry.errors:
        lines.append(f"另有 {len(registry.errors)} 个文件无法读取，请运行 afc forms check")
    app.out(rows, "\n".join(lines) or "没有表单")
    return 0


def cmd_check(args: argparse.Namespace, app: CliApp) -> int:
    registry = _registry(args)
    errors = [
        {"file": e.file, "where": e.where, "reason": e.reason, "message": str(e)}
        for e in registry.errors
    ]
    ok = [f"{f.id}@{f.version}" for f in sorted(registry.forms.values(), key=lambda f: f.key)]
    text = "\n".join([f"正确：{name}" for name in ok] + [f"错误：{e['message']}" for e in errors])
    app.out({"ok": ok, "errors": errors}, text)
    return 1 if errors else 0


def cmd_score(args: argparse.Namespace, app: CliApp) -> int:
    from ..domain.formspec import ScoringError, missing_for_scoring, score, validate_answers

    registry = _registry(args)
    try:
        form = registry.get(args.form_id, args.form_version)
    except KeyError as exc:
        raise CliError(str(exc.args[0])) from None
    if form.scoring is None:
        raise CliError(f"表单 {form.id} 没有评分规则")
    path = Path(args.answers)
    try:
        answers = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"无法读取答案文件 {path}：{exc}") from None
    except json.JSONDecodeError as exc:
        raise CliError(f"答案文件 {path} 不是有效的 JSON：第 {exc.lineno} 行 {exc.msg}") from None
    if not isinstance(answers, dict):
        raise CliError(f"答案文件 {path} 应是一个 JSON 对象（键为题目编号）")
    missing = missing_for_scoring(form, answers)
    if missing:
        raise CliError(f"答案不完整，缺少题目：{'、'.join(missing)}")
    problems = validate_answers(form, answers, require_complete=False)
    if problems:
        raise CliError("；".join(p.message for p in problems))
    try:
        result = score(form, answers)
    except ScoringError as exc:
        raise CliError(exc.message) from None
    out = {"form_id": form.id, "form_version": form.version, **result.to_dict()}
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0
