"""``afc community``: the community's identity — its 12-digit code and the pilot flag.

- ``afc community show``: name, county, street, 12-digit 统计用区划代码, pilot flag;
- ``afc community complete-code CODE [--street NAME]``: complete the code once (installations
  set up with the 6-digit county code only);
- ``afc community set-pilot yes|no``: mark the community a pilot (试点社区) or not.
"""

from __future__ import annotations

import argparse
from typing import Any

from . import CliApp, CliError


def _text(view: Any) -> str:
    code = view.code or "（未填写12位代码：请运行 afc community complete-code 代码）"
    street = view.street_name + ("" if view.street_listed else "（街道未列入参考数据）")
    return (
        f"{view.district_name}{street}{view.name}{'（试点）' if view.is_pilot else ''}\n"
        f"统计用区划代码：{code}"
    )


def cmd_show(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.setup import local_community

    view = local_community(app.ctx())
    if view is None:
        raise CliError("本机尚未完成首次设置", status=3)
    app.out(view, _text(view))
    return 0


def cmd_complete_code(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.setup import complete_code

    view = complete_code(app.ctx(), args.code, args.street or "")
    app.out(view, "已填写社区代码：" + _text(view))
    return 0


def cmd_set_pilot(args: argparse.Namespace, app: CliApp) -> int:
    from ..services.setup import set_pilot

    view = set_pilot(app.ctx(), args.value == "yes")
    app.out(view, ("已设为试点社区：" if view.is_pilot else "已取消试点：") + _text(view))
    return 0


def add_commands(sub: Any) -> None:
    p = sub.add_parser("community", help="本社区：12位统计用区划代码、试点")
    csub = p.add_subparsers(dest="community_command", required=True)
    q = csub.add_parser("show", help="显示本社区的代码、街道和试点标记")
    q.set_defaults(func=cmd_show)
    q = csub.add_parser("complete-code", help="补全本社区的12位统计用区划代码（只需一次）")
    q.add_argument("code", help="12位统计用区划代码，如 320508018001")
    q.add_argument("--street", help="街道（镇）名称：只在参考数据没有这个街道时需要")
    q.set_defaults(func=cmd_complete_code)
    q = csub.add_parser("set-pilot", help="设为试点社区（yes）或取消（no）")
    q.add_argument("value", choices=["yes", "no"])
    q.set_defaults(func=cmd_set_pilot)
