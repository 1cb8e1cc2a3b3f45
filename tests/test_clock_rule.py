"""docs/design.md §3a: one clock. Only ``afc_desktop/clock.py`` reads the wall clock.

Everything else asks the clock on the context (``ctx.clock``, ``Database.clock``) or, where no
database is at hand, ``clock.process_clock()``; otherwise a pinned clock (``AFC_TODAY``, tests)
and the community's time zone are silently bypassed.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "afc_desktop"
CLOCK_MODULE = PACKAGE / "clock.py"

# (object name, attribute) pairs that read the wall clock.
FORBIDDEN = {
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("time", "time"),
    ("time", "localtime"),
    ("time", "gmtime"),
}


def wall_clock_calls(source: str) -> list[tuple[int, str]]:
    """(line, call) of every wall-clock read in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        owner = node.func.value
        # datetime.now(), datetime.datetime.now(), date.today() ...
        name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", None)
        if (name, node.func.attr) in FORBIDDEN:
            found.append((node.lineno, f"{name}.{node.func.attr}()"))
    return found


def test_the_rule_catches_each_form() -> None:
    source = (
        "import datetime, time\n"
        "a = date.today()\nb = datetime.now(UTC)\nc = datetime.datetime.utcnow()\n"
        "d = time.time()\ne = clock.today()\nf = ctx.today()\n"
    )
    assert [call for _line, call in wall_clock_calls(source)] == [
        "date.today()",
        "datetime.now()",
        "datetime.utcnow()",
        "time.time()",
    ]


def test_nothing_outside_the_clock_module_reads_the_wall_clock() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}:{line} {call}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != CLOCK_MODULE
        for line, call in wall_clock_calls(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
