"""Smoke test of an installed or packaged app (``AFC_SMOKE_TEST=1 afc``).

Sets up a throwaway demo community in a temporary data directory, opens the main window,
prints ``main window shown`` once it is on screen and quits. Before that it prints one line per
packaged resource it relies on (forms, PDF font, migrations, translations), so a bundle missing
one of them fails here rather than on a social worker's laptop. Exit status 0 when everything
was found and the window was shown.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

SMOKE_ENV = "AFC_SMOKE_TEST"


def wanted() -> bool:
    """True when the environment asks for the smoke test."""
    return os.environ.get(SMOKE_ENV, "") == "1"


def _check_resources() -> list[str]:
    """Problems with the resources the app loads from files (empty when all are there)."""
    problems: list[str] = []
    from ..domain.formspec.registry import default_forms_dir

    forms = sorted(default_forms_dir().glob("*.yaml"))
    print(f"forms: {len(forms)} in {default_forms_dir()}", flush=True)
    if not forms:
        problems.append("no form definitions")
    from .i18n import TRANSLATIONS_DIR

    qm = sorted(TRANSLATIONS_DIR.glob("afc_*.qm"))
    print(
        f"translations: {', '.join(p.name for p in qm) or 'none'} in {TRANSLATIONS_DIR}", flush=True
    )
    if not qm:
        problems.append("no compiled translation (.qm)")
    try:
        from ..printing.fonts import font_file

        print(f"pdf font: {font_file()}", flush=True)
    except Exception as exc:  # noqa: BLE001 - reported, the smoke test fails
        problems.append(f"pdf font: {exc}")
    return problems


def run_smoke() -> int:
    """Open the main window on a temporary demo; 0 when it was shown and resources found."""
    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    from ..paths import DataDir
    from ..services import demo, setup
    from ..services.accounts import authenticate
    from ..services.context import open_app
    from .main_window import MainWindow

    root = Path(tempfile.mkdtemp(prefix="afc-smoke-"))
    try:
        problems = _check_resources()
        ctx = open_app(DataDir(root))
        print(f"database: {ctx.db.url}", flush=True)
        setup.run_setup(
            ctx,
            setup.CommunityInput("320508018001", "梅巷社区", "平江街道", is_pilot=True),
            "admin",
            "smoke-pass-1",
            "演示管理员",
        )
        authenticate(ctx, "admin", "smoke-pass-1")
        demo.populate(ctx, 30)
        app = QApplication.instance() or QApplication(sys.argv)
        window = MainWindow(ctx)
        shown: list[bool] = []

        def report() -> None:
            shown.append(window.isVisible())
            print(
                "main window shown" if window.isVisible() else "main window NOT shown", flush=True
            )
            window.close()
            app.quit()

        window.show()
        QTimer.singleShot(0, report)
        app.exec()
        QThreadPool.globalInstance().waitForDone(10_000)  # pages' jobs still reading the database
        ctx.db.dispose()
        for problem in problems:
            print(f"missing: {problem}", flush=True)
        return 0 if shown == [True] and not problems else 1
    finally:
        shutil.rmtree(root, ignore_errors=True)
