"""The page shown for an area that is not built yet (尚未建成)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    """A plain notice that this area of the app is still to come."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placeholderPage")
        self.message = QLabel(
            self.tr("“{0}”功能尚未建成，将在后续版本中提供。").format(title), self
        )
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #666; font-size: 14pt;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
