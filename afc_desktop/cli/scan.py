"""``afc scan FILE|FOLDER ... [--json]``: read filled paper sheets back (扫描回读).

Each page is found by its QR code; each sheet becomes a draft of its form for its person, a
household visit record a household visit draft (see ``services/scanning.py``). Pages that cannot be identified are listed with the reason.
"""

from __future__ import annotations

import argparse
from typing import Any

from . import CliApp, CliError


def add_commands(sub: Any) -> None:
    p = sub.add_parser("scan", help="读取扫描件或照片中的纸质表，生成草稿")
    p.add_argument("paths", nargs="+", metavar="FILE|FOLDER", help="扫描的 PDF、照片或其文件夹")
    p.add_argument("--no-drafts", action="store_true", help="只读取，不生成草稿")
    p.set_defaults(func=cmd_scan)


def cmd_scan(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.context import ServiceError
    from ..services.scanning import scan_paths

    try:
        report = scan_paths(app.ctx(), args.paths, make_drafts=not args.no_drafts)
    except ServiceError as exc:
        raise CliError(exc.message) from None
    lines = [
        f"读取 {report.pages} 页，识别 {len(report.sheets)} 份表，{len(report.unread)} 页未能识别"
    ]
    for sheet in report.sheets:
        pages = "、".join(str(p.page) for p in sheet.pages)
        unsure = sum(p.uncertain for p in sheet.pages)
        line = (
            f"  {sheet.person_name or '（未指定人员）'} {sheet.form_title} 第{pages}页/共{sheet.pages_total}页："
            f"读出 {len(sheet.answers)} 项，{unsure} 个勾选框待确认"
        )
        if sheet.doubtful:
            line += f"（{'、'.join(sheet.doubtful_labels or sheet.doubtful)}）"
        if sheet.draft_id:
            line += f" → 草稿 {sheet.draft_id}"
        if sheet.note:
            line += f"；{sheet.note}"
        lines.append(line)
    for page in report.unread:
        where = f"{page.source} 第{page.source_page}页" if page.source_page > 1 else page.source
        lines.append(f"  未识别：{where}：{page.reason}")
    app.out(report, "\n".join(lines))
    return 0 if report.sheets or not report.unread else 1
