"""docs/design.md §1: Qt only under afc_desktop/ui/; domain/ imports neither store/ nor ui/."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "afc_desktop"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            names.add(base)
    return names


def _resolve(path: Path, name: str) -> str:
    if not name.startswith("."):
        return name
    level = len(name) - len(name.lstrip("."))
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)[:-level]
    rest = name.lstrip(".")
    return ".".join(parts + ([rest] if rest else []))


def test_qt_is_imported_only_under_ui() -> None:
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if "ui" not in p.relative_to(PACKAGE).parts[:1]
        and any(n.split(".")[0] in ("PySide6", "shiboken6") for n in _imports(p))
    ]
    assert offenders == []


def test_domain_imports_neither_store_nor_ui() -> None:
    offenders = []
    for p in (PACKAGE / "domain").rglob("*.py"):
        for name in _imports(p):
            full = _resolve(p, name)
            if full.startswith(("afc_desktop.store", "afc_desktop.ui", "afc_desktop.services")):
                offenders.append(f"{p.relative_to(PACKAGE)} -> {full}")
    assert offenders == []
