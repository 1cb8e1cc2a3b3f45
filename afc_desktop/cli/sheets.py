"""Spreadsheet commands: ``afc import-excel`` and ``afc export-excel``.

``import-excel FILE`` always runs the dry run first and prints what it found; without
``--dry-run`` it then imports (all rows, or with ``--valid-only`` only the valid ones) in one
transaction. ``--report FILE`` writes the rows with errors or duplicates and their reasons.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ..outfiles import check_output_file
from . import CliApp, CliError

MAX_TEXT_ERRORS = 30


def add_commands(sub: Any) -> None:
    p = sub.add_parser("import-excel", help="从Excel台账（.xlsx/.xls/.ods）导入登记册")
    p.add_argument("file", help="台账文件")
    p.add_argument("--sheet", help="工作表名称（默认第一个）")
    p.add_argument("--mapping", help="列对应文件（.json）；不指定时自动识别列名")
    p.add_argument("--dry-run", action="store_true", help="只预览，不写入")
    p.add_argument("--valid-only", action="store_true", help="只导入无误的行（有错误的行跳过）")
    p.add_argument("--report", help="把有错误或重复的行写入此错误报告（.xlsx）")
    p.set_defaults(func=cmd_import)

    e = sub.add_parser("export-excel", help="导出登记册或空白导入模板")
    e.add_argument(
        "what", choices=["register", "template"], help="register 登记册；template 导入模板"
    )
    e.add_argument("--out", required=True, help="输出文件（.xlsx）")
    e.add_argument("--full-ids", action="store_true", help="导出完整身份证号（仅管理员）")
    e.set_defaults(func=cmd_export)


def _mapping_text(plan: Any) -> str:
    labels = {c.index: c for c in plan.header.columns}
    from ..sheets.fields import FIELD_BY_KEY, IGNORE

    parts = [
        f"{labels[c].letter}列“{labels[c].label}”→{FIELD_BY_KEY[k].label}"
        for c, k in sorted(plan.mapping.fields.items())
        if k != IGNORE and c in labels
    ]
    return "；".join(parts)


def cmd_import(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.importer import (
        ImportSource,
        commit_import,
        inspect_sheet,
        preview_import,
        save_error_report,
    )
    from ..sheets.mapping import MappingError, load_mapping

    path = Path(args.file)
    if args.report:
        check_output_file(args.report, suffix=".xlsx")
    ctx = app.ctx()
    mapping = None
    if args.mapping:
        preview = inspect_sheet(path, args.sheet)
        try:
            mapping = load_mapping(args.mapping, preview.header)
        except MappingError as exc:
            raise CliError(exc.message) from None
    source = ImportSource(path, args.sheet, mapping)
    plan = preview_import(ctx, source)
    from ..services.import_values import describe, unknown_values

    values = unknown_values(path, args.sheet, plan.mapping)
    used = f"列对应文件 {Path(args.mapping).name}" if args.mapping else "自动识别的列对应"
    report_rows = None
    if args.report:
        report_rows = save_error_report(plan, source, args.report)
    result = None
    if not args.dry_run:
        result = commit_import(ctx, source, valid_only=args.valid_only, expected_sha256=plan.sha256)
        plan = result.plan
    payload = {
        "file": path.name,
        "sheet": plan.sheet,
        "header_rows": [plan.header.first_row, plan.header.last_row],
        "mapping_source": "file" if args.mapping else "suggested",
        "mapping": {
            c.label: plan.mapping.fields[c.index]
            for c in plan.header.columns
            if c.index in plan.mapping.fields
        },
        "dry_run": bool(args.dry_run),
        "imported": result is not None,
        "counts": plan.counts(),
        "errors": [{"row": e.row, "column": e.column, "reason": e.reason} for e in plan.errors],
        "duplicates": [
            {"row": d.row, "first_row": d.first_row, "reason": d.reason} for d in plan.duplicates
        ],
        "address_questions": [
            {
                "row": q.row,
                "address": q.address,
                "candidates": list(q.candidates),
                "reason": q.reason,
            }
            for q in plan.address_questions
        ],  # fmt: skip
        "report": args.report,
        "report_rows": report_rows,
        "imported_before": plan.imported_before,
        "skipped_footers": plan.skipped_footers,
        "values": [
            {"field": v.field, "value": v.value, "count": v.count, "target": v.target}
            for v in values
        ],
        "receipt_id": result.receipt_id if result else None,
        "backup_file": result.backup_file if result else None,
    }
    lines = [
        f"文件：{path.name}  工作表：{plan.sheet}  表头：第{plan.header.first_row}"
        + (f"-{plan.header.last_row}" if plan.header.last_row != plan.header.first_row else "")
        + "行",
        f"使用{used}：{_mapping_text(plan)}",
        ("预览（未写入）：" if result is None else "已导入：") + plan.summary(),
    ]
    if values:
        lines.append("编码列中的非标准值（在列对应文件的 values 中指定对应）：")
        lines += [f"  {line}" for line in describe(values)]
    for e in plan.errors[:MAX_TEXT_ERRORS]:
        lines.append(f"  第{e.row}行 {e.column}：{e.reason}")
    for d in plan.duplicates[: max(0, MAX_TEXT_ERRORS - len(plan.errors))]:
        lines.append(f"  第{d.row}行 与第{d.first_row}行重复：{d.reason}")
    hidden = len(plan.errors) + len(plan.duplicates) - MAX_TEXT_ERRORS
    if hidden > 0:
        lines.append(f"  ……另有 {hidden} 条，请用 --report 生成错误报告查看")
    if plan.address_questions:
        lines.append("地址待确认是否同一户（可先改台账再导入，或导入后在“家庭”中核对合并）：")
        for q in plan.address_questions[:MAX_TEXT_ERRORS]:
            maybe = f"，可能与 {'、'.join(q.candidates)} 同一户" if q.candidates else ""
            lines.append(f"  第{q.row}行 {q.address}：{q.reason}{maybe}")
        if len(plan.address_questions) > MAX_TEXT_ERRORS:
            rest = len(plan.address_questions) - MAX_TEXT_ERRORS
            lines.append(f"  ……另有 {rest} 处，请用 --json 查看全部")
    if args.report:
        lines.append(f"错误报告：{args.report}（{report_rows} 行）")
    app.out(payload, "\n".join(lines))
    return 0


def cmd_export(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.exporter import (
        export_due_visits,
        export_open_needs,
        export_register,
        export_template,
    )

    check_output_file(args.out, suffix=".xlsx")
    ctx = app.ctx()
    if args.what == "template":
        export_template(ctx, args.out)
        app.out({"what": "template", "out": args.out}, f"已导出空白导入模板：{args.out}")
        return 0
    if args.what == "visits":
        n = export_due_visits(ctx, args.out)
        label = f"已导出待走访清单 {n} 人"
    elif args.what == "needs":
        n = export_open_needs(ctx, args.out)
        label = f"已导出需求清单 {n} 条"
    else:
        n = export_register(ctx, args.out, full_ids=args.full_ids)
        label = f"已导出登记册 {n} 人"
    app.out({"what": args.what, "out": args.out, "rows": n}, f"{label}：{args.out}")
    return 0
