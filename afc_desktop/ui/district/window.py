"""The district window: navigation on the left (花名册, 导入, 冲突, 重复登记, 报表), as the
community app's main window."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from .import_page import ImportPage
from .issues_page import ConflictsPage, DuplicatesPage
from .report_page import ReportPage
from .roster_page import RosterPage
from .session import DistrictSession


class DistrictWindow(QMainWindow):
    def __init__(self, session: DistrictSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("区级工作台 - {0}").format(session.name or session.code))
        self.setMinimumSize(QSize(1000, 600))
        self.resize(1366, 768)
        self.roster = RosterPage(session)
        self.imports = ImportPage(session, on_imported=self.refresh_all)
        self.conflicts = ConflictsPage(session)
        self.duplicates = DuplicatesPage(session)
        self.report = ReportPage(session)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(112)
        self.stack = QStackedWidget()
        for label, page in (
            (self.tr("花名册"), self.roster),
            (self.tr("导入"), self.imports),
            (self.tr("冲突"), self.conflicts),
            (self.tr("重复登记"), self.duplicates),
            (self.tr("报表"), self.report),
        ):
            self.nav.addItem(label)
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        content = QWidget()
        layout = QHBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(content)
        self.status_label = QLabel(
            self.tr("{0}（{1}）  区级密钥 {2}").format(
                session.name, session.code, session.keys.key_id
            )
        )
        self.statusBar().addWidget(self.status_label)
        self.nav.setCurrentRow(0)

    def refresh_all(self) -> None:
        self.roster.refresh()
        self.conflicts.refresh()
        self.duplicates.refresh()
        self.report.refresh()
