"""Start the district window: ``afc-district`` with no command, or ``afc-district gui``."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ..application import apply_style
from ..i18n import choose_font
from .login import DistrictLoginDialog
from .window import DistrictWindow


def run(home: Path, db_url: str | None = None) -> int:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName("AFC District")
    choose_font(app)
    apply_style(app)
    login = DistrictLoginDialog(home, db_url)
    if login.exec() != DistrictLoginDialog.DialogCode.Accepted or login.session is None:
        return 0
    window = DistrictWindow(login.session)
    window.show()
    status = app.exec()
    login.session.close()
    return int(status)
