"""The start-up splash: a window on screen before the heavy imports and the database.

Importing SQLAlchemy, the models and the services and opening (perhaps migrating) the
database take about a second on a village laptop; a person clicking the icon should see the
app answer at once. This module imports only PySide6.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QLabel


def _t(text: str) -> str:
    return QCoreApplication.translate("Splash", text)


def start_app() -> tuple[QApplication, QLabel]:
    """Create the QApplication and show the splash; returns both."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    pixmap = QPixmap(440, 180)
    pixmap.fill(QColor("#2f6fb3"))
    painter = QPainter(pixmap)
    painter.setPen(QColor("white"))
    title = QFont()
    title.setPointSize(20)
    title.setBold(True)
    painter.setFont(title)
    painter.drawText(
        pixmap.rect().adjusted(0, 30, 0, -70),
        Qt.AlignmentFlag.AlignCenter,
        _t("老年友好社区工作台"),
    )
    painter.setFont(QFont())
    painter.drawText(
        pixmap.rect().adjusted(0, 90, 0, -30), Qt.AlignmentFlag.AlignCenter, _t("正在启动……")
    )
    painter.end()
    # A frameless label rather than QSplashScreen, whose show() blocks for up to a second
    # waiting for the window system to report the window exposed.
    splash = QLabel()
    splash.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
    splash.setPixmap(pixmap)
    splash.resize(pixmap.size())
    screen = app.primaryScreen()
    if screen is not None:
        splash.move(screen.availableGeometry().center() - splash.rect().center())
    splash.show()
    app.processEvents()
    return app, splash
