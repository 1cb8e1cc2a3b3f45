"""Build the translations (翻译): ``.ts`` sources in the repo → ``.qm`` files the app loads.

``resources/translations/afc_<lang>.ts`` is the Qt Linguist source, kept in git and edited with
Qt Linguist or by hand. The ``.qm`` is built, never committed::

    python -m afc_desktop.i18n_build            # lrelease every .ts
    python -m afc_desktop.i18n_build --update   # lupdate first: collect new strings from ui/

Each ``.qm`` is written beside its ``.ts`` and copied to ``afc_desktop/resources/i18n/``, the
directory ``afc_desktop/ui/i18n.py`` loads from. Runs ``pyside6-lrelease`` / ``pyside6-lupdate``
(from the venv, else PATH) in a subprocess; no Qt import here.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
APP_QM_DIR = ROOT / "afc_desktop" / "resources" / "i18n"
UI_DIR = ROOT / "afc_desktop" / "ui"
LANGUAGES = ("en",)


class TranslationBuildError(RuntimeError):
    """A tool is missing or failed; the message names it."""


def tool(name: str) -> str:
    """Path of a PySide6 tool (``pyside6-lrelease`` …): beside the running Python, else PATH."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if found is None:
        raise TranslationBuildError(f"找不到 {name}（随 PySide6 安装）")
    return found


def _run(args: list[str]) -> str:
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise TranslationBuildError(f"{Path(args[0]).name} 失败：{done.stderr.strip()}")
    return done.stdout


def ui_sources(ui_dir: Path = UI_DIR) -> list[Path]:
    """Every Python file of the UI package (what lupdate scans)."""
    return sorted(p for p in ui_dir.rglob("*.py") if "__pycache__" not in p.parts)


def update_ts(language: str = "en", ts_dir: Path = TS_DIR) -> Path:
    """Collect the UI's strings into ``afc_<language>.ts`` (existing translations are kept)."""
    ts_dir.mkdir(parents=True, exist_ok=True)
    ts = ts_dir / f"afc_{language}.ts"
    sources = [str(p) for p in ui_sources()]
    _run([tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(ts)])
    return ts


def build_qm(ts_dir: Path = TS_DIR, app_dir: Path | None = APP_QM_DIR) -> list[Path]:
    """Compile every ``.ts`` of ``ts_dir`` to ``.qm`` (and copy each to ``app_dir``)."""
    built = []
    for ts in sorted(ts_dir.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        _run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)])
        built.append(qm)
        if app_dir is not None:
            app_dir.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(qm, app_dir / qm.name)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="编译界面翻译（.ts → .qm）")
    parser.add_argument("--update", action="store_true", help="先用 lupdate 收集新的界面文字")
    args = parser.parse_args(argv)
    try:
        if args.update:
            for lang in LANGUAGES:
                print(f"updated {update_ts(lang)}")
        for qm in build_qm():
            print(f"built {qm}")
    except TranslationBuildError as exc:
        print(f"i18n_build: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
