"""The main window: navigation between the areas, lazily created pages, status bar, idle lock.

Each area is a module ``afc_desktop/ui/pages/<name>_page.py`` with ``class Page(QWidget)`` built
as ``Page(ctx, parent)``. A page may define ``on_shown()`` (called each time it is shown),
``focus_search()`` (Ctrl+F), ``new_item()`` (Ctrl+N) and ``sig_restore_requested(str)``.

Pages learn what changed from one signal: every committed write announces its tables
(``store/op_changes.py``); the window routes it through ``ui/change_hub.py`` to each page that
declares ``WATCHES`` and ``refresh_for_changes()`` — at once if the page is shown, else when it
is next shown.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from ..services import setup
from ..services.context import AppContext
from ..services.settings import load_settings
from .change_hub import ChangeHub, refresh_if_stale, route
from .dialogs.lock_dialog import LockDialog
from .pages.placeholder import PlaceholderPage
from .widgets.idle import IdleWatcher
from .widgets.labels import mark_data

log = logging.getLogger(__name__)


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


@dataclass(frozen=True)
class Area:
    name: str  # module afc_desktop.ui.pages.<name>_page
    label: str


# Labels are marked for translation here and translated when shown.
AREAS: tuple[Area, ...] = (
    Area("today", QT_TRANSLATE_NOOP("MainWindow", "今天")),
    Area("register", QT_TRANSLATE_NOOP("MainWindow", "登记册")),
    Area("visits", QT_TRANSLATE_NOOP("MainWindow", "走访")),
    Area("tasks", QT_TRANSLATE_NOOP("MainWindow", "待办")),
    Area("resources", QT_TRANSLATE_NOOP("MainWindow", "资源")),
    Area("assessments", QT_TRANSLATE_NOOP("MainWindow", "评估")),
    Area("scan", QT_TRANSLATE_NOOP("MainWindow", "扫描回读")),
    Area("participation", QT_TRANSLATE_NOOP("MainWindow", "参与")),
    Area("overview", QT_TRANSLATE_NOOP("MainWindow", "统计")),
    Area("sync", QT_TRANSLATE_NOOP("MainWindow", "同步")),
    Area("settings", QT_TRANSLATE_NOOP("MainWindow", "设置")),
)
PAGES_PACKAGE = "afc_desktop.ui.pages"


def load_page(area: Area, ctx: AppContext, parent: QWidget) -> QWidget:
    """Build the page of ``area``, or a placeholder when its module does not exist yet."""
    module_name = f"{PAGES_PACKAGE}.{area.name}_page"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise  # a real missing dependency inside a built page must not be hidden
        return PlaceholderPage(_t(area.label), parent)
    page: QWidget = module.Page(ctx, parent)
    return page


class MainWindow(QMainWindow):
    """Navigation list on the left, the current area's page on the right."""

    sig_restore_requested = Signal(str)
    sig_quit_requested = Signal()
    sig_locked = Signal()
    sig_unlocked = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("老年友好社区工作台"))
        self.setMinimumSize(QSize(1000, 600))
        self.resize(1280, 720)
        self._pages: dict[str, QWidget] = {}
        self.change_hub = ChangeHub(ctx.db, self)
        self.change_hub.sig_changed.connect(self._route_changes)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(112)
        self.stack = QStackedWidget()
        for i, area in enumerate(AREAS, start=1):
            item = QListWidgetItem(self.tr(area.label))
            if i <= 10:  # Alt+1 … Alt+9, then Alt+0; later areas have no key
                item.setToolTip(self.tr("{0}（Alt+{1}）").format(self.tr(area.label), i % 10))
            self.nav.addItem(item)
            holder = QWidget()
            holder.setLayout(QHBoxLayout())
            holder.layout().setContentsMargins(0, 0, 0, 0)
            self.stack.addWidget(holder)
        # wide enough for the longest area name in this language and text size
        self.nav.setFixedWidth(
            max(112, self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 8)
        )
        self.content = QWidget()
        layout = QHBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        # While locked, residents' data is replaced by a plain cover, not just greyed out.
        self.cover = QLabel(self.tr("已锁定。请输入密码解锁。"))
        self.cover.setObjectName("lockCover")
        self.cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.screens = QStackedWidget()
        self.screens.addWidget(self.content)
        self.screens.addWidget(self.cover)
        self.setCentralWidget(self.screens)
        self._build_menus()
        self._build_status_bar()
        self.nav.currentRowChanged.connect(self.show_area_index)
        self.idle = IdleWatcher(0, self)
        self.idle.sig_idle.connect(self.lock)
        self.lock_dialog: LockDialog | None = None
        self._hidden_while_locked: list[QWidget] = []
        self.apply_settings()
        self.nav.setCurrentRow(0)

    # --- structure ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        lock = QAction(self.tr("锁定(&L)"), self)
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.lock)
        file_menu.addAction(lock)
        quit_action = QAction(self.tr("退出(&X)"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        people = bar.addMenu(self.tr("人员(&P)"))
        self.find_action = QAction(self.tr("查找(&F)"), self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(lambda: self._register_call("focus_search"))
        self.new_action = QAction(self.tr("新增人员(&N)"), self)
        self.new_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_action.triggered.connect(lambda: self._register_call("new_item"))
        people.addActions([self.find_action, self.new_action])
        go = bar.addMenu(self.tr("转到(&G)"))
        for i, area in enumerate(AREAS, start=1):
            action = QAction(self.tr(area.label), self)
            if i <= 10:
                action.setShortcut(QKeySequence(f"Alt+{i % 10}"))  # the tenth area is Alt+0
            action.triggered.connect(lambda _=False, row=i - 1: self.nav.setCurrentRow(row))
            go.addAction(action)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        about = QAction(self.tr("关于(&A)"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        community = setup.local_community(self.ctx)
        user = self.ctx.user
        self.community_label = mark_data(QLabel(community.full_name if community else ""))
        role = self.tr("管理员") if user and user.is_admin else self.tr("社工")
        self.user_label = QLabel(
            self.tr("当前用户：{0}（{1}）").format(user.display_name, role) if user else ""
        )
        self.statusBar().addWidget(self.community_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)

    # --- areas -------------------------------------------------------------------------------

    def page(self, name: str) -> QWidget:
        """The page of area ``name``, created on first use."""
        if name not in self._pages:
            index = [a.name for a in AREAS].index(name)
            holder = self.stack.widget(index)
            page = load_page(AREAS[index], self.ctx, holder)
            holder.layout().addWidget(page)
            self._pages[name] = page
            restore = getattr(page, "sig_restore_requested", None)
            if restore is not None:
                restore.connect(self.sig_restore_requested)
            changed = getattr(page, "sig_settings_changed", None)
            if changed is not None:
                changed.connect(self.apply_settings)
            opener = getattr(page, "sig_open_register", None)
            if opener is not None:  # an overview bar opens the list behind it
                opener.connect(lambda spec: self.show_area("register").apply_filter(spec))
            area = getattr(page, "sig_open_area", None)
            if area is not None:
                area.connect(self.show_area)
        return self._pages[name]

    def created_pages(self) -> list[str]:
        return list(self._pages)

    def show_area(self, name: str) -> QWidget:
        """Switch to area ``name`` and return its page."""
        self.nav.setCurrentRow([a.name for a in AREAS].index(name))
        return self.page(name)

    def show_area_index(self, index: int) -> None:
        if index < 0:
            return
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)
            return
        page = self.page(AREAS[index].name)
        self.stack.setCurrentIndex(index)
        refresh_if_stale(page)  # writes made while it was hidden
        shown = getattr(page, "on_shown", None)
        if callable(shown):
            shown()

    def _route_changes(self, changes: object) -> None:
        """Hand a committed write's changes to the pages that show its tables."""
        current = self.stack.currentIndex()
        for name, page in self._pages.items():
            index = [a.name for a in AREAS].index(name)
            route(changes, page, visible=index == current and self.isVisible())  # type: ignore[arg-type]

    def _register_call(self, method: str) -> None:
        page = self.show_area("register")
        getattr(page, method)()

    # --- settings and lock -------------------------------------------------------------------

    def apply_settings(self) -> None:
        """Read the idle-lock time from the settings."""
        minutes = load_settings(self.ctx).idle_lock_minutes
        self.idle.set_timeout(minutes * 60_000)

    def set_idle_timeout_ms(self, ms: int) -> None:
        """Tests and the settings page: lock after ``ms`` milliseconds without input."""
        self.idle.set_timeout(ms)

    def lock(self) -> None:
        """Cover the window with the lock dialog (window-modal, non-blocking)."""
        if self.lock_dialog is not None and self.lock_dialog.isVisible():
            return
        self.idle.pause(True)
        # Open dialogs (a person's page, a form) show residents' data too: hide them meanwhile.
        self._hidden_while_locked = [
            w
            for w in QApplication.topLevelWidgets()
            if w is not self and w.isVisible() and w.isWindow()
        ]
        for w in self._hidden_while_locked:
            w.hide()
        self.lock_dialog = LockDialog(self.ctx, self)
        self.lock_dialog.sig_unlocked.connect(self._unlocked)
        self.lock_dialog.sig_quit.connect(self._quit_from_lock)
        self.screens.setCurrentWidget(self.cover)
        self.menuBar().setEnabled(False)
        self.lock_dialog.open()
        self.lock_dialog.password.setFocus()
        self.sig_locked.emit()

    def is_locked(self) -> bool:
        return self.lock_dialog is not None and self.lock_dialog.isVisible()

    def _unlocked(self) -> None:
        self.screens.setCurrentWidget(self.content)
        self.menuBar().setEnabled(True)
        for w in self._hidden_while_locked:
            w.show()
        self._hidden_while_locked = []
        self.idle.pause(False)
        self.sig_unlocked.emit()

    def _quit_from_lock(self) -> None:
        if self.lock_dialog is not None:
            self.lock_dialog.done(0)
        self._unlocked()
        self.close()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于"),
            self.tr("老年友好社区工作台\n为苏州社区社工设计的离线桌面工具。"),
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.idle.detach()
        super().closeEvent(event)
        if event.isAccepted():
            self.change_hub.detach()
        if event.isAccepted():
            self.sig_quit_requested.emit()
