"""Starting the desktop application. Qt is imported only inside ``afc_desktop.ui``."""

from __future__ import annotations

from .paths import DataDir


def run_gui(data_dir: DataDir, *, demo: bool = False, debug: bool = False) -> int:
    """Open the main window on ``data_dir`` (with ``demo``: create and fill it on first use).

    A splash is on screen before the heavy imports (services, SQLAlchemy) start.
    """
    from .ui.splash import start_app

    _app, splash = start_app()
    from .ui.application import run

    return run(data_dir, demo=demo, splash=splash, debug=debug)
