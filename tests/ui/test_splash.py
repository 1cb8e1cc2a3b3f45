"""The start-up splash shows before the heavy imports and goes before any dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from afc_desktop.ui.application import AppController
from afc_desktop.ui.splash import start_app


def test_splash_is_shown_then_closed_by_the_controller(qtbot, data_dir) -> None:
    app, splash = start_app()
    assert app is QApplication.instance()
    assert splash.isVisible()
    controller = AppController(app, data_dir)
    controller.splash = splash
    controller.close_splash()
    assert not splash.isVisible() and controller.splash is None
