"""``afc attach add/list/export/remove``: photos and scans kept with a record (照片/附件).

``afc attach add --person ID FILE [--role before] [--caption 文字]`` (or ``--visit``,
``--household-visit``, ``--assessment``) stores the picture downscaled and without its metadata;
``list`` shows a person's or a record's attachments (``等待同步`` when the picture has not arrived
from the other computer yet); ``export ID OUT.jpg`` writes the stored picture.
"""

from __future__ import annotations

import argparse
from typing import Any

from . import CliApp, CliError

_OWNERS = (
    ("person", "人员记录编号或身份证号"),
    ("visit", "探访记录编号"),
    ("household_visit", "入户家访记录编号"),
    ("assessment", "评估或改造记录编号"),
)


def _owner(args: argparse.Namespace, app: CliApp) -> tuple[str, str]:
    given = [(kind, getattr(args, kind)) for kind, _ in _OWNERS if getattr(args, kind, None)]
    if len(given) != 1:
        raise CliError(
            "请指定一个记录：--person、--visit、--household-visit 或 --assessment 之一", status=2
        )
    kind, key = given[0]
    if kind == "person":
        from ..services.visits import resolve_person

        key = resolve_person(app.ctx(), key)
    return kind, key


def _line(a: Any) -> str:
    state = "" if a.available else "（等待同步）"
    caption = f" {a.caption}" if a.caption else ""
    return f"{a.id}  {a.role_label}{caption}  {a.width}×{a.height}  {a.size // 1024} KB{state}"


def cmd_add(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.attachments import add_attachment

    kind, owner_id = _owner(args, app)
    views = [
        add_attachment(app.ctx(), kind, owner_id, path, role=args.role, caption=args.caption)
        for path in args.files
    ]
    app.out(views if len(views) > 1 else views[0], "\n".join("已保存 " + _line(v) for v in views))
    return 0


def cmd_list(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.attachments import list_attachments

    kind, owner_id = _owner(args, app)
    if kind == "person":
        views = list_attachments(app.ctx(), person_id=owner_id)
    else:
        views = list_attachments(app.ctx(), owner_kind=kind, owner_id=owner_id)
    lines = [_line(v) for v in views] + [f"共 {len(views)} 张"]
    app.out(views, "\n".join(lines))
    return 0


def cmd_export(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.attachments import export_attachment

    path = export_attachment(app.ctx(), args.attachment_id, args.out)
    app.out({"attachment_id": args.attachment_id, "path": str(path)}, f"已导出到 {path}")
    return 0


def cmd_remove(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.attachments import remove_attachment

    remove_attachment(app.ctx(), args.attachment_id)
    app.out({"attachment_id": args.attachment_id, "removed": True}, "已删除")
    return 0


def _owner_options(q: argparse.ArgumentParser) -> None:
    for kind, text in _OWNERS:
        q.add_argument("--" + kind.replace("_", "-"), dest=kind, metavar="ID", help=text)


def add_commands(sub: Any) -> None:
    from ..services.attachments import ROLES

    common = getattr(sub, "_common", None)
    parents = [common] if common is not None else []
    p = sub.add_parser("attach", help="照片和附件：附加到人员或记录、列出、导出")
    actions = p.add_subparsers(dest="attach_command", metavar="ACTION", required=True)
    q = actions.add_parser("add", help="附加照片（缩小、去掉位置信息后保存）", parents=parents)
    _owner_options(q)
    q.add_argument("files", nargs="+", metavar="FILE", help="照片文件（JPEG、PNG 等）")
    q.add_argument(
        "--role",
        default="photo",
        choices=[code for code, _ in ROLES],
        help="用途：" + "、".join(f"{c}={label}" for c, label in ROLES),
    )
    q.add_argument("--caption", default="", help="说明文字")
    q.set_defaults(func=cmd_add)
    q = actions.add_parser("list", help="列出人员或记录的照片", parents=parents)
    _owner_options(q)
    q.set_defaults(func=cmd_list)
    q = actions.add_parser("export", help="把照片导出为 JPEG 文件", parents=parents)
    q.add_argument("attachment_id", help="照片编号")
    q.add_argument("out", help="输出文件（.jpg）")
    q.set_defaults(func=cmd_export)
    q = actions.add_parser("remove", help="删除照片（可同步的删除标记）", parents=parents)
    q.add_argument("attachment_id", help="照片编号")
    q.set_defaults(func=cmd_remove)
