"""``afc-district``: the district hub on the command line (区级汇总工具).

Commands: ``init`` (district keys; prints their fingerprint), ``community add|list|keys|revoke``
(the roster and one enrolment file per community laptop, Enrolment v2), ``import PATH…``,
``status``, ``conflicts`` (and ``--resolve ID``), ``duplicates``, ``transfers`` (moves within
the district), ``receipts --out DIR`` (they carry the transfers to the receiving community),
``reference --forms DIR --resources FILE --out DIR``, ``report``.
Every command takes ``--json`` and ``--debug``. The hub lives in ``--data-dir`` (alias
``--home``; default ``AFC_DISTRICT_HOME`` or the user data directory): keys in ``keys/``,
settings in ``district.json``, the log in ``logs/afc-district.log`` and, unless ``--db`` names
another (``postgresql://…``), the database ``district.sqlite3``. The options may stand before
or after the command's name (``afc-district --data-dir H init …`` or ``afc-district init
--data-dir H …``).

Exit status: 0 success; 1 a plain refusal; 2 usage; a refused bundle gives its own status
(10–22, see docs/sync-bundle-format.md); ``import`` returns the first refusal's status.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from afc_desktop.district import conflicts, hub, overview, roster
from afc_desktop.district.cli_common import (  # noqa: F401  (DistrictCliError: callers import it from here)
    DistrictCliError,
    _config,
    _db,
    _fingerprint,
    _home,
    _keys,
    _out,
    _passphrase,
    _read_passphrase,
)
from afc_desktop.errors import PlainError
from afc_desktop.sync import enrolment, keys

log = logging.getLogger(__name__)


def cmd_init(args: argparse.Namespace) -> int:
    home = _home(args)
    home.mkdir(parents=True, exist_ok=True)
    from afc_desktop import applog

    applog.configure(home / "logs", "afc-district", debug=args.debug)
    try:
        dkeys = keys.create_district_keys(home / "keys", _passphrase(args))
    except keys.KeyFileError as exc:
        raise DistrictCliError(exc.message) from exc
    (home / "district.json").write_text(
        json.dumps({"code": args.code, "name": args.name or ""}, ensure_ascii=False),
        encoding="utf-8",
    )
    db = _db(args)
    db.dispose()
    fp = _fingerprint(dkeys)
    _out(
        args,
        {"key_id": dkeys.key_id, "fingerprint": fp, "home": str(home)},
        f"已生成区级密钥 {dkeys.key_id}\n密钥指纹：{fp}\n"
        "请把指纹印在交接单上交给各社区（或电话念给对方）；"
        "再用 afc-district community add 为每个社区写出入网文件。",
    )
    return 0


def cmd_fingerprint(args: argparse.Namespace) -> int:
    party = keys.district_public(_home(args) / "keys")
    if party is None:
        raise DistrictCliError("找不到区级密钥：请先运行 afc-district init", 3)
    fp = enrolment.fingerprint(party.sign_public, party.enc_public)
    _out(args, {"key_id": party.key_id, "fingerprint": fp}, f"区级密钥指纹：{fp}")
    return 0


def cmd_community_add(args: argparse.Namespace) -> int:
    cfg = _config(args)
    dkeys = _keys(args)
    db = _db(args)
    try:
        issued = roster.add_community(
            db,
            dkeys,
            district_code=str(cfg["code"]),
            district_name=str(cfg.get("name", "")),
            code=args.code,
            name=args.name or "",
            out=Path(args.out),
            street=args.street,
            pilot=True if args.pilot else None,
        )
    except roster.RosterError as exc:
        raise DistrictCliError(exc.message) from exc
    finally:
        db.dispose()
    _out(
        args,
        issued,
        f"{'已加入花名册' if issued.new_community else '花名册中已有'}：{issued.code} {issued.name}"
        f"{'（试点）' if issued.pilot else ''}\n入网文件：{issued.path}"
        f"（编号 {issued.enrolment_id[:8]}，只能用一次，只给这个社区的一台电脑）\n"
        f"区级密钥指纹：{issued.fingerprint}",
    )
    return 0


def _roster_text(view: overview.RosterOverview) -> str:
    states = {"unused": "有未使用的入网文件", "bound": "已入网", "none": "未入网"}
    lines = []
    for r in view.rows:
        last = f"上次报送 {r.last_report}（{r.days_since} 天前）" if r.last_report else "从未报送"
        lines.append(
            f"{r.code} {r.display_name}{'（试点）' if r.pilot else ''} {r.street_label}："
            f"密钥 {r.active_keys} 把，{states[r.secret_state]}，{last}，"
            f"暂存 {r.held_events} 条，冲突 {r.open_conflicts} 处"
        )
    if view.silent:
        lines.append(f"未报送（超过 {view.silent_days} 天没有同步包，或从未报送）：")
        lines.extend(
            f"  {r.code} {r.display_name} {r.street_label}："
            + ("从未报送" if r.days_since is None else f"已 {r.days_since} 天")
            for r in view.silent
        )
    return "\n".join(lines)


def cmd_community_list(args: argparse.Namespace) -> int:
    db = _db(args)
    try:
        view = overview.overview(db, args.silent_days)
    finally:
        db.dispose()
    _out(
        args,
        view.as_dict(),
        _roster_text(view) if view.rows else "花名册是空的：用 afc-district community add 加入社区",
    )
    return 0


def cmd_community_pilot(args: argparse.Namespace) -> int:
    db = _db(args)
    try:
        entry = roster.set_pilot(db, args.code, args.value == "yes")
    except roster.RosterError as exc:
        raise DistrictCliError(exc.message) from exc
    finally:
        db.dispose()
    _out(
        args,
        {"code": entry.code, "name": entry.name, "pilot": entry.pilot},
        f"{entry.code} {entry.name}：{'已设为试点社区' if entry.pilot else '已取消试点'}",
    )
    return 0


def cmd_community_keys(args: argparse.Namespace) -> int:
    db = _db(args)
    try:
        entry = roster.community_entry(db, args.code)
    except roster.RosterError as exc:
        raise DistrictCliError(exc.message) from exc
    finally:
        db.dispose()
    lines = [f"{entry.code} {entry.name}"]
    for k in entry.keys:
        state = "有效" if k.status == "active" else f"已吊销 {k.revoked_at}（{k.revoked_reason}）"
        lines.append(f"  密钥 {k.key_id} 站点 {k.site_id[:8]} 绑定于 {k.bound_at}：{state}")
    names = {"issued": "未使用", "used": "已使用", "withdrawn": "已作废"}
    for e in entry.enrolments:
        lines.append(f"  入网文件 {e.id[:8]}（{e.file_name}）{e.issued_at}：{names[e.state]}")
    _out(args, {"code": entry.code, "keys": entry.keys, "enrolments": entry.enrolments},
         "\n".join(lines))  # fmt: skip
    return 0


def cmd_community_revoke(args: argparse.Namespace) -> int:
    db = _db(args)
    try:
        done = roster.revoke(db, args.code, args.id, args.reason or "")
    except roster.RosterError as exc:
        raise DistrictCliError(exc.message) from exc
    finally:
        db.dispose()
    _out(args, {"done": done}, done)
    return 0


OUTCOMES = {"applied": "已导入", "duplicate": "重复（已导入过）", "held": "暂存"}


def _import_text(path: Path, line: hub.ImportLine) -> str:
    """The one line a file gets in the import's output."""
    if line.outcome == "refused":
        return f"拒收 {path.name}: {line.message}"
    gaps = "".join(f"；缺少站点 {s[:8]} 的第 {a}–{b} 条，已暂存" for s, (a, b) in line.gaps.items())
    bound = "；这台电脑首次入网，密钥已绑定" if line.bound_key else ""
    return (
        f"{OUTCOMES[line.outcome]} {path.name}: 社区 {line.community_code} 应用 {line.applied} 条，"
        f"跳过 {line.skipped} 条，冲突 {line.conflicts} 处{gaps}{bound}"
    )


def cmd_import(args: argparse.Namespace) -> int:
    _config(args)
    dkeys = _keys(args)
    db = _db(args)
    status = 0
    results = []
    try:
        files = hub.bundle_files([Path(p) for p in args.paths])
        if not files:
            raise DistrictCliError("没有找到 .afcbundle 文件")
        for path in files:
            line = hub.import_bundle(db, dkeys, path)
            results.append(line)
            if line.exit_status and not status:
                status = line.exit_status
            if not args.json:
                print(_import_text(path, line))
    finally:
        db.dispose()
    if args.json:
        _out(args, results, "")
    return status


def cmd_status(args: argparse.Namespace) -> int:
    db = _db(args)
    try:
        rows = hub.status(db)
    finally:
        db.dispose()
    text = "\n".join(
        f"{r.community_code} {r.community_name or '（不在花名册）'} 站点 {r.site_id[:8]}："
        f"连续到第 {r.contiguous_seq} 条，"
        f"上次 {r.last_bundle_at or '-'}，暂存 {r.held_events} 条"
        + (f"（等待第 {r.waiting_for[0]}–{r.waiting_for[1]} 条）" if r.waiting_for else "")
        + f"，冲突 {r.open_conflicts} 处"
        + ("，状态校验值不一致" if r.drift else "")
        for r in rows
    )
    _out(args, rows, text or "还没有导入任何同步包")
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    db = _db(args)
    try:
        if args.resolve:
            view = hub.resolve_conflict(db, args.resolve, args.note or "")
            _out(args, view, f"已标记处理：{view.id[:12]}")
            return 0
        rows = conflicts.describe(db, include_resolved=args.all)
    except hub.HubError as exc:
        raise DistrictCliError(exc.message) from exc
    finally:
        db.dispose()
    text = "\n".join(
        f"{c.id[:12]} {c.sentence}" + ("（已处理）" if c.status != "open" else "") for c in rows
    )
    _out(args, rows, text or "没有未处理的冲突")
    return 0


def cmd_duplicates(args: argparse.Namespace) -> int:
    db = _db(args)
    try:
        rows = hub.duplicates(db)
    finally:
        db.dispose()
    text = "\n".join(
        f"{d.id_number_masked}：" + "；".join(f"{c} 登记为 {n}" for n, c in d.entries) for d in rows
    )
    payload = [
        {
            "id_number_masked": d.id_number_masked,
            "communities": d.communities,
            "codes": d.codes,
            "people": d.people,
            "entries": [{"person": n, "community": c} for n, c in d.entries],
        }
        for d in rows
    ]
    _out(args, payload, text or "没有跨社区重复登记")
    return 0


def cmd_transfers(args: argparse.Namespace) -> int:
    """Moves within the district the hub has seen (docs/district-moves.md)."""
    from afc_desktop.district import transfers

    db = _db(args)
    try:
        with db.session(replaying=True) as s:
            rows: list[dict[str, str]] = [
                {
                    "transfer_id": t.id,
                    "from_code": t.from_code,
                    "from_name": t.from_name,
                    "to_code": t.to_code,
                    "removed_on": t.removed_on.isoformat() if t.removed_on else "",
                    "state": t.state,
                    "accepted_at": t.accepted_at.isoformat() if t.accepted_at else "",
                }
                for t in transfers.list_transfers(s)
            ]
    finally:
        db.dispose()
    state = {"waiting": "待接收", "accepted": "已接收"}
    text = "\n".join(
        f"{r['transfer_id'][:8]}  {r['from_name'] or r['from_code']} → {r['to_code']}"
        f"  迁出 {r['removed_on']}  {state.get(r['state'], r['state'])}"
        for r in rows
    )
    _out(args, rows, text or "没有本区内迁移")
    return 0


def cmd_receipts(args: argparse.Namespace) -> int:
    cfg = _config(args)
    dkeys = _keys(args)
    db = _db(args)
    try:
        paths = hub.write_receipts(db, dkeys, cfg["code"], Path(args.out))
    finally:
        db.dispose()
    _out(
        args,
        [str(p) for p in paths],
        "\n".join(f"已写出回执 {p}" for p in paths) or "没有需要回执的社区",
    )
    return 0


def cmd_reference(args: argparse.Namespace) -> int:
    cfg = _config(args)
    try:
        records = hub.reference_records(
            Path(args.forms) if args.forms else None,
            Path(args.resources) if args.resources else None,
        )
    except hub.HubError as exc:
        raise DistrictCliError(exc.message) from exc
    if not records:
        raise DistrictCliError("没有可发送的参考资料：请用 --forms 目录 或 --resources 文件")
    dkeys = _keys(args)
    db = _db(args)
    try:
        paths = hub.write_reference_bundles(db, dkeys, cfg["code"], Path(args.out), records)
    finally:
        db.dispose()
    _out(
        args,
        [str(p) for p in paths],
        "\n".join(f"已写出参考资料包 {p}" for p in paths) or "还没有社区发来过同步包",
    )
    return 0


def _month(text: str, what: str) -> tuple[int, int]:
    try:
        year, month = (int(x) for x in text.strip().split("-"))
        if not 1 <= month <= 12 or not 2000 <= year <= 2100:
            raise ValueError
    except ValueError:
        raise DistrictCliError(f"{what}应写成 年-月，如 2026-11，收到「{text[:20]}」", 2) from None
    return year, month


def cmd_report(args: argparse.Namespace) -> int:
    from afc_desktop.district import figures
    from afc_desktop.services.context import ServiceError
    from afc_desktop.services.stats import Period

    db = _db(args)
    try:
        if args.month:
            year, month = _month(args.month, "--month ")
            period = None
        else:
            today = db.clock.today()
            year, month = _month(args.to, "--to ") if args.to else (today.year, today.month)
            start = _month(args.from_, "--from ") if args.from_ else (year, 1)
            period = Period(
                figures.month_period(*start).start, figures.month_period(year, month).end
            )
        try:
            report = figures.district_report(db, year, month, period)
        except ServiceError as exc:
            raise DistrictCliError(exc.message) from exc
    finally:
        db.dispose()
    written = ""
    if args.out:
        from afc_desktop.district import report_files

        try:
            path = report_files.write(report, Path(args.out), _district_name(args))
        except report_files.ReportFileError as exc:
            raise DistrictCliError(exc.message) from exc
        written = f"\n已写出 {path}"
    _out(args, report.as_dict(), report_files_text(report) + written)
    return 0


def _common_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """The options every command takes, before or after its name.

    The top-level parser gives the defaults; a subcommand's copy uses ``SUPPRESS`` so that it
    only sets what is given after the command's name and never overwrites what came before it.
    """

    def default(value: Any) -> Any:
        return argparse.SUPPRESS if suppress else value

    parser.add_argument(
        "--data-dir",
        "--home",
        dest="home",
        default=default(None),
        help="区级工作目录（默认 AFC_DISTRICT_HOME 或系统用户目录）",
    )
    parser.add_argument("--db", default=default(None), help="数据库：文件或 postgresql://… 地址")
    parser.add_argument("--json", action="store_true", default=default(False), help="以 JSON 输出")
    parser.add_argument(
        "--debug", action="store_true", default=default(False), help="出错时显示详细信息"
    )
    parser.add_argument("--passphrase-file", default=default(None), help="含区级密钥口令的文件")


def _district_name(args: argparse.Namespace) -> str:
    try:
        cfg = _config(args)
    except DistrictCliError:
        return ""
    return str(cfg.get("name") or cfg.get("code") or "")


def report_files_text(report: Any) -> str:
    from afc_desktop.services.stats import percent

    t = report.total
    lines = [
        f"{report.year}年{report.month}月 特殊困难老年人月探访率（全区）：{percent(t.special_rate)}"
        f"（{t.special_visited}/{t.special_due}）",
    ]
    for r in report.rows:
        lines.append(
            f"{r.code} {r.display_name}{'（试点）' if r.pilot else ''}：老人 {r.elders} 人，"
            f"特殊困难 {r.special_hardship} 人，月探访率 {percent(r.special_rate)}"
            f"（{r.special_visited}/{r.special_due}），逾期 {r.overdue} 人，未办结需求 {r.open_needs} 项，"
            f"微自治项目 {r.projects} 个，适老化改造 {r.home_modifications} 户，"
            f"最近报送 {r.last_report or '从未'}"
        )
    lines.append("口径：" + report.definitions["special_rate"][1])
    return "\n".join(lines)


def cmd_gui(args: argparse.Namespace) -> int:
    """The bureau's window (区级工作台); it asks for the district passphrase itself."""
    from afc_desktop.ui.district.app import run

    return run(home=_home(args), db_url=args.db)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    _common_options(common, suppress=True)
    parser = argparse.ArgumentParser(prog="afc-district", description="区级同步汇总工具")
    _common_options(parser, suppress=False)
    parser.set_defaults(func=cmd_gui)
    sub = parser.add_subparsers(dest="command")
    p = sub.add_parser("init", parents=[common], help="生成区级密钥，显示密钥指纹")
    p.add_argument("--code", required=True, help="区划代码，如 320508")
    p.add_argument("--name", help="名称，如 姑苏区民政局")
    p.set_defaults(func=cmd_init)
    p = sub.add_parser("fingerprint", parents=[common], help="显示区级密钥指纹")
    p.set_defaults(func=cmd_fingerprint)
    community = sub.add_parser("community", parents=[common], help="社区花名册与入网文件")
    csub = community.add_subparsers(dest="community_command", required=True)
    p = csub.add_parser("add", parents=[common], help="加入社区并写出它的入网文件（每台电脑一份）")
    p.add_argument("--code", required=True, help="12 位统计用区划代码，如 320508018001")
    p.add_argument("--name", help="社区（村）名称，首次加入时必填")
    p.add_argument("--street", help="街道（镇）名称；默认按代码查找")
    p.add_argument("--pilot", action="store_true", help="试点社区")
    p.add_argument("--out", required=True, help="入网文件路径或文件夹（如 U 盘）")
    p.set_defaults(func=cmd_community_add)
    p = csub.add_parser("list", parents=[common], help="花名册：每个社区的报送状态和未报送名单")
    p.add_argument(
        "--silent-days", type=int, default=30, help="超过多少天没有同步包算未报送（默认 30）"
    )
    p.set_defaults(func=cmd_community_list)
    p = csub.add_parser("pilot", parents=[common], help="设为试点社区（yes）或取消（no）")
    p.add_argument("code")
    p.add_argument("value", choices=["yes", "no"])
    p.set_defaults(func=cmd_community_pilot)
    p = csub.add_parser("keys", parents=[common], help="一个社区已绑定的密钥和入网文件")
    p.add_argument("code")
    p.set_defaults(func=cmd_community_keys)
    p = csub.add_parser("revoke", parents=[common], help="吊销一台电脑的密钥，或作废未用的入网文件")
    p.add_argument("code")
    p.add_argument("id", help="密钥编号或入网文件编号（可用前 4 位以上）")
    p.add_argument("--reason", help="原因，如 电脑丢失")
    p.set_defaults(func=cmd_community_revoke)
    p = sub.add_parser("import", parents=[common], help="导入同步包（文件或文件夹）")
    p.add_argument("paths", nargs="+")
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("status", parents=[common], help="各社区同步状态")
    p.set_defaults(func=cmd_status)
    p = sub.add_parser("conflicts", parents=[common], help="冲突列表；--resolve 编号 标记已处理")
    p.add_argument("--all", action="store_true", help="包括已处理的")
    p.add_argument("--resolve", metavar="ID", help="标记已处理的冲突编号（可用前缀）")
    p.add_argument("--note", help="处理说明")
    p.set_defaults(func=cmd_conflicts)
    p = sub.add_parser("duplicates", parents=[common], help="跨社区重复登记的身份证号")
    p.set_defaults(func=cmd_duplicates)
    p = sub.add_parser("transfers", parents=[common], help="本区内迁移：待接收、已接收")
    p.set_defaults(func=cmd_transfers)
    p = sub.add_parser("receipts", parents=[common], help="为每个社区写出回执包")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_receipts)
    p = sub.add_parser("reference", parents=[common], help="给每个社区写出参考资料包")
    p.add_argument("--forms", help="表单定义目录（*.yaml）")
    p.add_argument("--resources", help="区级资源目录（JSON 对象列表）")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_reference)
    p = sub.add_parser("report", parents=[common], help="区级报表：每个社区一行（可写出 xlsx/pdf）")
    p.add_argument("--month", help="统计月，如 2026-11")
    p.add_argument("--from", dest="from_", help="统计期开始月（与 --to 一起用），如 2026-01")
    p.add_argument("--to", help="统计期结束月（探访率取这个月），默认本月")
    p.add_argument("--out", help="写出文件：FILE.xlsx 或 FILE.pdf")
    p.set_defaults(func=cmd_report)
    p = sub.add_parser("gui", parents=[common], help="打开区级工作台窗口")
    p.set_defaults(func=cmd_gui)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from afc_desktop import applog

    try:
        home = _home(args)
        applog.configure(home / "logs" if home.is_dir() else None, "afc-district", debug=args.debug)
        log.info("afc-district %s", args.command)
        return int(args.func(args))
    except PlainError as exc:
        log.info("refused: %s", exc.message)
        print(f"afc-district: {exc.message}", file=sys.stderr)
        return exc.status if isinstance(exc, DistrictCliError) else 1
    except Exception as exc:  # noqa: BLE001 - one clear line for scripts
        log.error("afc-district %s failed", args.command, exc_info=exc)
        if args.debug:
            import traceback

            print(applog.mask("".join(traceback.format_exception(exc))), file=sys.stderr, end="")
        where = applog.current_log_file()
        detail = f"详情已记入日志 {where}" if where else "加 --debug 可显示详情"
        print(f"afc-district: 意外错误，操作没有完成；{detail}", file=sys.stderr)
        return 4


if __name__ == "__main__":
    sys.exit(main())
