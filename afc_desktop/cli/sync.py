"""``afc enrol``, ``afc bundle export|import``, ``afc pair export|import``, ``afc sync status``.

A refused bundle exits with the refusal's own status (see docs/sync-bundle-format.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import CliApp, CliError


def _refusal(exc: Any) -> CliError:
    return CliError(exc.message, status=getattr(exc, "exit_status", 1))


def cmd_enrol(args: Any, app: CliApp) -> int:
    from ..services import sync

    peer = sync.enrol(app.ctx(), Path(args.file), args.fingerprint)
    app.out(
        peer,
        f"已入网：社区 {peer.community_code}，区级 {peer.code} {peer.name}，"
        f"密钥指纹 {peer.fingerprint}。下一次导出的同步包会向区级证明入网。",
    )
    return 0


def cmd_export(args: Any, app: CliApp) -> int:
    from ..services import sync

    ctx = app.ctx()
    out = Path(args.out) if args.out else ctx.data_dir.exports_dir
    view = sync.export_bundle(
        ctx,
        out,
        snapshot=args.snapshot,
        to_peer=args.to,
        picture_budget=int(args.picture_budget * 1024 * 1024),
        resend_pictures=args.resend_pictures,
    )
    ranges = ", ".join(f"{s[:8]} {r['seq_from']}-{r['seq_to']}" for s, r in view.ranges.items())
    text = f"已写出同步包 {view.path}（{view.records} 条变更；{ranges or '无新变更'}）"
    if view.pictures or view.pictures_pending:
        text += f"；照片 {view.pictures} 张"
        if view.pictures_pending:
            text += f"，另有 {view.pictures_pending} 张超出大小上限，留给下一个同步包"
    app.out(view, text)
    return 0


def cmd_import(args: Any, app: CliApp) -> int:
    from ..services import sync

    try:
        view = sync.import_bundle(app.ctx(), Path(args.file))
    except sync.SyncRefused as exc:
        raise _refusal(exc) from exc
    text = f"已导入 {view.kind} 包：{view.outcome}"
    if view.kind == "receipt":
        text += f"，区级已确认到第 {view.acked_seq} 条"
        for h in view.held_ranges:
            text += f"；区级缺少站点 {str(h['site_id'])[:8]} 的第 {h['missing_from']}–{h['missing_to']} 条"
        if view.duplicates:
            text += f"；{view.duplicates} 个身份证号在其他社区也有登记"
        if view.conflicts:
            text += f"；{view.conflicts} 处冲突待处理"
    elif view.kind == "reference":
        text += f"，{view.reference_items} 项参考资料"
    else:
        text += f"，应用 {view.applied} 条，跳过 {view.skipped} 条，暂存 {view.held} 条，冲突 {view.conflicts} 处"
    app.out(view, text)
    return 0


def cmd_pair_export(args: Any, app: CliApp) -> int:
    from ..services import sync

    path = sync.pairing_export(app.ctx(), Path(args.out))
    app.out({"path": str(path)}, f"已写出配对文件 {path}")
    return 0


def cmd_pair_import(args: Any, app: CliApp) -> int:
    from ..services import sync

    peer = sync.pairing_import(app.ctx(), Path(args.file))
    app.out(peer, f"已配对：站点 {peer.site_id}（{peer.code}），密钥 {peer.key_id}")
    return 0


def cmd_status(args: Any, app: CliApp) -> int:
    from ..services import sync

    st = sync.sync_status(app.ctx())
    lines = [
        f"区级：{st.district.code + ' ' + st.district.key_id if st.district else '未导入入网文件'}",
        f"待发送变更：{st.waiting_events} 条（本机共 {st.last_seq} 条，已确认 {st.acked_seq} 条）",
        f"上次发送：{st.last_sent['file'] + ' ' + st.last_sent['at'] if st.last_sent else '无'}",
        f"上次回执：{st.last_receipt['file'] + ' ' + st.last_receipt['at'] if st.last_receipt else '无'}",
        f"未处理冲突：{st.open_conflicts} 处",
    ]
    app.out(st, "\n".join(lines))
    return 0


def cmd_conflicts(args: Any, app: CliApp) -> int:
    from ..services import sync

    ctx = app.ctx()
    if args.resolve:
        view = sync.resolve_conflict(ctx, args.resolve, args.keep, args.note or "")
        app.out(view, f"已处理冲突 {view.id[:12]}：保留 {args.keep}")
        return 0
    rows = sync.list_conflicts(ctx, include_resolved=args.all)
    text = "\n".join(
        f"{c.id[:12]} {c.table}.{c.field} {c.record_id[:8]}：A={c.value_a!r} B={c.value_b!r}"
        f"，当前采用 {c.winner.upper()}（{c.status}）"
        for c in rows
    )
    app.out(rows, text or "没有待处理的冲突")
    return 0


def add_commands(sub: Any) -> None:
    p = sub.add_parser("enrol", help="导入区级发给本社区的入网文件（每台电脑一份）")
    p.add_argument("file")
    p.add_argument(
        "--fingerprint",
        required=True,
        help="区级密钥指纹（区级交接单上的 8 组 4 位数字）",
    )
    p.set_defaults(func=cmd_enrol)

    bundle = sub.add_parser("bundle", help="同步包：导出给区级/配对电脑，或导入回执、参考资料")
    bsub = bundle.add_subparsers(dest="bundle_command", required=True)
    p = bsub.add_parser(
        "export", help="导出未确认的变更（或 --snapshot 全部）", parents=[app_common(sub)]
    )
    p.add_argument("--out", help="输出目录（如 U 盘）；默认数据目录下 exports")
    p.add_argument("--snapshot", action="store_true", help="导出全部变更（完整快照）")
    p.add_argument("--to", help="发给配对电脑（站点编号或密钥编号）；默认发给区级")
    p.add_argument(
        "--picture-budget",
        type=float,
        default=20,
        metavar="MB",
        help="每个同步包携带照片的上限（MB，默认 20）；其余照片留给下一个包",
    )
    p.add_argument(
        "--resend-pictures",
        action="store_true",
        help="重新发送所有照片（前一个同步包丢失时使用）",
    )
    p.set_defaults(func=cmd_export)
    p = bsub.add_parser(
        "import", help="导入回执、参考资料或配对电脑的同步包", parents=[app_common(sub)]
    )
    p.add_argument("file")
    p.set_defaults(func=cmd_import)

    pair = sub.add_parser("pair", help="同一社区两台电脑配对")
    psub = pair.add_subparsers(dest="pair_command", required=True)
    p = psub.add_parser("export", help="写出本机配对文件", parents=[app_common(sub)])
    p.add_argument("--out", required=True, help="文件或目录")
    p.set_defaults(func=cmd_pair_export)
    p = psub.add_parser("import", help="导入另一台电脑的配对文件", parents=[app_common(sub)])
    p.add_argument("file")
    p.set_defaults(func=cmd_pair_import)

    p = sub.add_parser("sync-status", help="同步概况：待发送、上次发送、上次回执")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser(
        "sync-conflicts", help="同步冲突：列出，或 --resolve 编号 --keep a|b|current"
    )
    p.add_argument("--all", action="store_true", help="包括已处理的")
    p.add_argument("--resolve", metavar="ID")
    p.add_argument("--keep", choices=["a", "b", "current"], default="current")
    p.add_argument("--note")
    p.set_defaults(func=cmd_conflicts)


def app_common(sub: Any) -> Any:
    """The global options parser (--data-dir, --json, --as) for nested subcommands."""
    return getattr(sub, "_common", None) or __import__("argparse").ArgumentParser(add_help=False)
