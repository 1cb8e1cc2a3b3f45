"""Drives the real application in its own process (run by ``test_acceptance.py``).

    python tests/acceptance/driver.py CONFIG.json

The app starts the way ``afc`` starts it (``afc_desktop.cli.main(["--data-dir", D])``: splash,
database checks, login dialog, main window, ``app.exec()``); the driver only adds timers. It
logs in through the login dialog's widgets, then runs its scenario:

- ``previews``: the three print previews of issue 11 (the visit record on the person page,
  评估 › 打印空白表…, 打印预览… inside the assessment form), each repainted after
  ``gc.collect()``;
- ``crawl``: every area of the main window and every menu action; on each page and in each
  dialog it opens, every tab is shown and every push button clicked (the first row of every
  list selected first, so "open the selected …" buttons open something), to a depth of three
  windows. Blocking dialogs (``exec()``, message boxes, file dialogs) are answered by a watcher
  timer with their escape button; dialogs opened with ``open()`` are explored, then closed.

After every step: ``gc.collect()``, events processed, and every visible window checked:

- it fits the available screen, and so does every button that is not inside a scroll area;
- in the Chinese UI, no English word in its interface text (window title, labels, buttons,
  group and tab titles, placeholders, headers, message box text); in the English UI, no Chinese
  character. Widgets showing residents' data or the official forms' own text carry the dynamic
  property ``afc_data`` and are not checked; table cells and combo-box items are data too.

The report (JSON) lists the problems found and the windows seen. The process exits 0 only when
the app closed normally; a crash (segfault, abort) shows as a non-zero exit in the test.
"""

from __future__ import annotations

import gc
import json
import re
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QPoint, QRect, Qt, QThread, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QWidget,
)

HAN = re.compile(r"[\u3400-\u9fff]")
WORD = re.compile(r"[A-Za-z]{2,}")
# Latin words a Chinese interface uses as such (file types, units, key names).
ALLOWED_WORDS = {
    "PDF",
    "Excel",
    "xlsx",
    "csv",
    "A4",
    "ID",
    "USB",
    "Ctrl",
    "Alt",
    "Shift",
    "Esc",
    "Enter",
    "afcbundle",
    "afcenrol",
    "afcpair",
    "pdf",
    "xls",
    "AFC",
    "ods",
    "zsf",  # the example of a name's initials in the register's search box
}
# Buttons never clicked by the crawl: they end the session under test.
# Buttons never clicked by the crawl: they end the session under test, or close their own
# window (closing is done by the crawl afterwards, as a worker would).
SKIP_BUTTONS = ("退出", "Quit", "Exit", "关闭", "Close", "取消", "Cancel")
MAX_DEPTH = 3


def is_data(widget: QWidget) -> bool:
    """True when ``widget`` shows data, not interface text (``ui.widgets.labels.mark_data``)."""
    return bool(widget.property("afc_data"))


def texts_of(root: QWidget) -> list[tuple[QWidget, str, str]]:
    """(widget, kind, text) of the interface text visible in window ``root``."""
    out: list[tuple[QWidget, str, str]] = []
    if root.windowTitle():
        out.append((root, "title", root.windowTitle()))
    if isinstance(root, QMessageBox):
        out.append((root, "message", root.text()))
        out.append((root, "informative", root.informativeText()))
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible() or is_data(w):
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            text = w.text()
            if isinstance(w, QLabel) and not text and w.pixmap() is not None:
                continue
            out.append((w, "text", text))
            if w.toolTip() and not isinstance(w, QToolButton):
                out.append((w, "tooltip", w.toolTip()))
        elif isinstance(w, QGroupBox):
            out.append((w, "title", w.title()))
        elif isinstance(w, (QLineEdit, QPlainTextEdit)):
            out.append((w, "placeholder", w.placeholderText()))
        elif isinstance(w, QTabWidget):
            out.extend((w, "tab", w.tabText(i)) for i in range(w.count()))
        elif isinstance(w, QHeaderView) and w.model() is not None:
            model, horizontal = w.model(), w.orientation().value == 1
            count = model.columnCount() if horizontal else 0
            out.extend(
                (w, "header", str(model.headerData(i, w.orientation()) or "")) for i in range(count)
            )
    if isinstance(root, QMainWindow):
        for menu in root.menuBar().findChildren(QMenu):
            out.append((root, "menu", menu.title()))
            out.extend((root, "action", a.text()) for a in menu.actions())
    return [(w, k, t) for w, k, t in out if t and t.strip()]


# Paths and file names are shown as they are (backups/, manual-20261128….sqlite3).
PATHLIKE = re.compile(
    r"[^\s：:，,（）()「」]*[/\\][^\s，,（）()「」]*"
    r"|[\w.-]+\.(?:sqlite3|xlsx|xls|ods|pdf|afcbundle|afcenrol|afcpair|json|log|zip|qm)\b"
)


def strip_markup(text: str) -> str:
    return PATHLIKE.sub(" ", re.sub(r"<[^>]+>|&[a-z]+;", " ", text))


class Driver:
    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config
        self.language = config.get("language", "zh_CN")
        self.data_words: list[str] = config.get("data_words", [])
        self.problems: list[str] = []
        self.seen: list[str] = []
        self.steps = 0
        self.depth_windows: list[QWidget] = []
        self.closing = False
        self.window: QMainWindow | None = None
        self.logged_in = False
        self.started = time.monotonic()
        self.shots = Path(config["shots"]) if config.get("shots") else None
        self.checked: set[int] = set()
        self.crawled: set[str] = set()
        self.watcher = QTimer()
        self.watcher.setInterval(60)
        self.watcher.timeout.connect(self.watch)
        self.watcher.start()

    # --- reporting ----------------------------------------------------------------------------

    def problem(self, text: str) -> None:
        if text not in self.problems:
            self.problems.append(text)

    def name(self, w: QWidget) -> str:
        return f"{type(w).__name__}「{w.windowTitle()}」"

    def write_report(self) -> None:
        Path(self.config["report"]).write_text(
            json.dumps(
                {"problems": self.problems, "seen": self.seen, "steps": self.steps},
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )

    # --- checks -------------------------------------------------------------------------------

    def settle(self, ms: int = 120) -> None:
        """``gc.collect()``, then process events (paints included) for ``ms``."""
        gc.collect()
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.005)
        gc.collect()
        QApplication.processEvents()

    def available(self) -> QRect:
        screen = QApplication.primaryScreen()
        return screen.availableGeometry()

    def check_window(self, w: QWidget) -> None:
        self.steps += 1
        where = self.name(w)
        if id(w) not in self.checked:
            self.checked.add(id(w))
            self.seen.append(where)
        area = self.available()
        frame = w.frameGeometry()
        if frame.width() > area.width() or frame.height() > area.height():
            self.problem(
                f"{where}: {frame.width()}×{frame.height()} 超出可用屏幕 "
                f"{area.width()}×{area.height()}"
            )
        for button in w.findChildren(QAbstractButton):
            if not button.isVisible() or isinstance(button, (QCheckBox, QRadioButton)):
                continue
            if _inside_scroll(button, w):
                continue
            top_left = button.mapToGlobal(QPoint(0, 0))
            rect = QRect(top_left, button.size())
            if not area.contains(rect):
                self.problem(
                    f"{where}: 按钮「{button.text() or button.toolTip()}」在屏幕外 "
                    f"({rect.x()},{rect.y()} {rect.width()}×{rect.height()})"
                )
        for scroll in w.findChildren(QScrollArea):
            inner = scroll.widget()
            if (
                scroll.isVisible()
                and inner is not None
                and scroll.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
                and inner.width() > scroll.viewport().width() + 1
            ):
                self.problem(
                    f"{where}: 内容宽 {inner.width()} 超出可见宽度 {scroll.viewport().width()}，"
                    "左右被裁掉"
                )
        self.check_words(w, where)

    def check_words(self, w: QWidget, where: str) -> None:
        for widget, kind, text in texts_of(w):
            plain = strip_markup(text)
            if self.language.startswith("zh"):
                words = [x for x in WORD.findall(plain) if x not in ALLOWED_WORDS]
                if words:
                    self.problem(f"{where}: 中文界面出现英文 {kind}「{text[:60]}」")
            elif HAN.search(self.without_data(plain)):
                self.problem(
                    f"{where}: English UI shows Chinese {kind} "
                    f"({type(widget).__name__} {widget.objectName()}) 「{text[:60]}」"
                )

    def without_data(self, text: str) -> str:
        """``text`` less the community's data (names, addresses …, longest first)."""
        for word in self.data_words:
            if word in text:
                text = text.replace(word, " ")
        return text

    def visible_windows(self) -> list[QWidget]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w.isWindow() and not isinstance(w, QMenu) and w is not None
        ]

    def check_all(self) -> None:
        for w in self.visible_windows():
            self.check_window(w)

    def shot(self, w: QWidget, name: str) -> None:
        if self.shots is not None:
            self.shots.mkdir(parents=True, exist_ok=True)
            w.grab().save(str(self.shots / f"{name}.png"))

    # --- the watcher: login and blocking dialogs ----------------------------------------------

    def watch(self) -> None:
        modal = QApplication.activeModalWidget()
        if not self.logged_in:
            self.try_login(modal)
            return
        if self.window is None:
            for w in QApplication.topLevelWidgets():
                if isinstance(w, QMainWindow) and w.isVisible():
                    self.window = w
                    QTimer.singleShot(200, self.run)
            return
        # Inside a nested event loop (a dialog's exec(), a static QMessageBox or QFileDialog)
        # nothing else can act: answer it. Dialogs opened with open() run in the main loop
        # and are explored by the crawl instead.
        nested = QThread.currentThread().loopLevel() > 1
        if nested and modal is not None and modal not in self.depth_windows:
            self.answer(modal)

    def try_login(self, modal: QWidget | None) -> None:
        from afc_desktop.ui.dialogs.login_dialog import LoginDialog

        if isinstance(modal, LoginDialog):
            self.check_window(modal)
            modal.username.setText(self.config["username"])
            modal.password.setText(self.config["password"])
            self.logged_in = True
            modal.login_button.click()

    def answer(self, modal: QWidget) -> None:
        """A blocking dialog opened by a click: check it, then close it without doing harm."""
        self.depth_windows.append(modal)
        try:
            self.settle(30)
            self.check_window(modal)
            self.seen.append(f"  blocking {self.name(modal)}")
            if isinstance(modal, QMessageBox):
                button = self._message_answer(modal)
                if button is not None:
                    button.click()
                else:
                    modal.reject()
            elif isinstance(modal, QDialog):
                modal.reject()
            else:
                modal.close()
        finally:
            self.depth_windows.remove(modal)

    def _message_answer(self, box: QMessageBox) -> QAbstractButton | None:
        if self.closing:  # closing a form: throw the changes away rather than stay open
            for button in box.buttons():
                role = box.buttonRole(button)
                if role in (
                    QMessageBox.ButtonRole.DestructiveRole,
                    QMessageBox.ButtonRole.NoRole,
                    QMessageBox.ButtonRole.YesRole,
                ) and box.standardButton(button) in (
                    QMessageBox.StandardButton.Discard,
                    QMessageBox.StandardButton.Yes,
                ):
                    return button
        return box.escapeButton()

    # --- scenarios ----------------------------------------------------------------------------

    def run(self) -> None:
        assert self.window is not None
        try:
            self.settle(300)
            self.check_all()
            scenario = self.config["scenario"]
            if scenario == "previews":
                self.previews()
            elif scenario == "crawl":
                self.crawl_app()
            elif scenario == "shots":
                self.take_shots()
        except Exception:  # noqa: BLE001 - the report says what broke
            self.problem("driver error: " + traceback.format_exc())
        finally:
            self.finish()

    def finish(self) -> None:
        for w in self.visible_windows():
            if w is not self.window:
                self.close_window(w)
        self.settle(100)
        self.write_report()
        if self.window is not None:
            self.window.close()  # the app backs up and quits, as when a worker closes it

    def open_and_check(self, w: QWidget | None, label: str) -> QWidget | None:
        if w is None:
            self.problem(f"{label}: nothing opened")
            return None
        self.settle(250)
        self.check_window(w)
        return w

    def close_window(self, w: QWidget) -> None:
        self.closing = True
        try:
            if isinstance(w, QDialog):
                w.reject()
                if w.isVisible():
                    w.done(0)
            else:
                w.close()
        finally:
            self.closing = False
        self.settle(40)

    def previews(self) -> None:
        """The print previews of issue 11, each repainted after gc.collect()."""
        assert self.window is not None
        person_id = self.config["visited_person"]
        register = self.window.show_area("register")
        view = register.open_person_id(person_id)
        self.open_and_check(view, "person page")
        view.tabs.setCurrentIndex(2)
        panel = view.tabs.currentWidget()
        panel.visits_table.selectRow(0)
        self.settle()
        preview = self.open_and_check(panel.print_selected(), "visit record preview")
        self.repaint_and_close(preview)
        self.close_window(view)

        page = self.window.show_area("assessments")
        page.select_person(self.config["assessed_person"])
        self.settle()
        page.preview_blank()
        self.repaint_and_close(self.active_preview("blank form preview"))
        dialog = self.open_and_check(page.new_assessment(), "assessment dialog")
        if dialog is not None:
            preview = dialog.print_preview()
            self.repaint_and_close(self.open_and_check(preview, "assessment preview"))
            self.close_window(dialog)

    def active_preview(self, label: str) -> QWidget | None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        self.settle()
        for w in self.visible_windows():
            if isinstance(w, QPrintPreviewDialog):
                return w
        self.problem(f"{label}: no preview opened")
        return None

    def repaint_and_close(self, preview: QWidget | None) -> None:
        if preview is None:
            return
        self.settle(200)
        for _ in range(3):
            gc.collect()
            preview.resize(preview.width() - 10, preview.height())
            preview.update()
            for child in preview.findChildren(QWidget):
                child.update()
            self.settle(100)
        self.check_window(preview)
        self.close_window(preview)

    # --- crawl --------------------------------------------------------------------------------

    def crawl_app(self) -> None:
        from afc_desktop.ui.main_window import AREAS

        assert self.window is not None
        for area in AREAS:
            page = self.window.show_area(area.name)
            self.prepare_page(area.name, page)
            self.settle(150)
            self.check_all()
            self.crawl(self.window, page, depth=1)
        # the person page opens from a double click on the register, not from a button
        register = self.window.show_area("register")
        view = self.open_and_check(
            register.open_person_id(self.config["visited_person"]), "person page"
        )
        if view is not None:
            self.crawled.add(type(view).__name__)
            self.depth_windows.append(view)
            try:
                self.crawl(view, view, depth=2)
            finally:
                self.depth_windows.remove(view)
            self.close_window(view)
        for menu in self.window.menuBar().findChildren(QMenu):
            for action in menu.actions():
                if action.isSeparator() or not action.isEnabled() or action.menu() is not None:
                    continue
                if any(s in action.text() for s in SKIP_BUTTONS):
                    continue
                self.trigger(action)

    def prepare_page(self, name: str, page: QWidget) -> None:
        if name == "assessments":
            page.select_person(self.config["assessed_person"])

    def trigger(self, action: Any) -> None:
        before = set(map(id, self.visible_windows()))
        action.trigger()
        self.settle()
        self.unlock_if_locked()
        for w in self.visible_windows():
            if id(w) not in before:
                self.check_window(w)
                if w is not self.window:
                    self.close_window(w)

    def unlock_if_locked(self) -> None:
        from afc_desktop.ui.dialogs.lock_dialog import LockDialog

        assert self.window is not None
        lock = self.window.lock_dialog
        if isinstance(lock, LockDialog) and lock.isVisible():
            self.check_window(lock)
            lock.password.setText(self.config["password"])
            for button in lock.findChildren(QPushButton):
                if button.text() in ("解锁", "Unlock"):
                    button.click()
            self.settle()
            if lock.isVisible():
                self.problem("lock dialog: could not unlock")

    def crawl(self, window: QWidget, root: QWidget, depth: int) -> None:
        """Click every push button under ``root`` (tab by tab), exploring what opens."""
        try:
            self._crawl(window, root, depth)
        except RuntimeError as exc:  # the window was deleted meanwhile (closed by its work)
            if "already deleted" not in str(exc):
                raise

    def _crawl(self, window: QWidget, root: QWidget, depth: int) -> None:
        clicked: set[int] = set()
        self.click_visible(window, root, depth, clicked)
        for tabs in root.findChildren(QTabWidget):
            if not tabs.isVisible():
                continue
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                self.settle(60)
                self.check_window(window)
                self.click_visible(window, tabs.widget(i), depth, clicked)

    def click_visible(self, window: QWidget, root: QWidget, depth: int, clicked: set[int]) -> None:
        for view in root.findChildren(QAbstractItemView):
            model = view.model()
            selection = view.selectionModel()
            if (
                view.isVisible()
                and model is not None
                and model.rowCount() > 0
                and selection is not None
                and not selection.hasSelection()
            ):
                view.setCurrentIndex(model.index(0, 0))
        self.settle(20)
        for button in list(root.findChildren(QPushButton)):
            if id(button) in clicked:
                continue
            try:
                if not (button.isVisible() and button.isEnabled()) or button.window() is not window:
                    continue
                text = button.text()
            except RuntimeError:  # deleted meanwhile (a list rebuilt)
                continue
            if any(s in text for s in SKIP_BUTTONS) or isinstance(
                button.parent(), QDialogButtonBox
            ):
                continue  # a dialog's own OK/Cancel is pressed when it is closed
            clicked.add(id(button))
            self.click(window, button, depth)

    def click(self, window: QWidget, button: QPushButton, depth: int) -> None:
        before = set(map(id, self.visible_windows()))
        label = f"{self.name(window)} › {button.text()}"
        try:
            button.click()
        except RuntimeError:
            return
        self.settle(90)
        self.unlock_if_locked()
        opened = [w for w in self.visible_windows() if id(w) not in before]
        for w in opened:
            self.seen.append(f"{'  ' * depth}{label} → {self.name(w)}")
            self.check_window(w)
            kind = type(w).__name__
            if depth < MAX_DEPTH and not isinstance(w, QFileDialog) and kind not in self.crawled:
                self.crawled.add(kind)  # one of a kind is explored; the others are checked
                self.depth_windows.append(w)
                try:
                    self.crawl(w, w, depth + 1)
                finally:
                    self.depth_windows.remove(w)
            try:
                if w.isVisible():
                    self.close_window(w)
            except RuntimeError:
                pass  # deleted on close already
        if window.isVisible():
            self.check_window(window)

    # --- screenshots --------------------------------------------------------------------------

    def take_shots(self) -> None:
        assert self.window is not None
        size = "large" if self.config.get("large") else "normal"
        page = self.window.show_area("assessments")
        page.select_person(self.config["assessed_person"])
        self.settle()
        dialog = self.open_and_check(page.new_assessment(), "assessment dialog")
        if dialog is not None:
            self.shot(dialog, f"assessment-{size}")
            self.close_window(dialog)
        visits = self.window.show_area("register")
        view = visits.open_person_id(self.config["visited_person"])
        self.open_and_check(view, "person page")
        view.tabs.setCurrentIndex(2)
        form = self.open_and_check(view.tabs.currentWidget().record_visit(), "visit form")
        if form is not None:
            self.shot(form, f"visit-{size}")
            self.close_window(form)
        self.close_window(view)


def _inside_scroll(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def main() -> int:
    config = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    app = QApplication(["afc"])  # the app's own start reuses it
    driver = Driver(config)
    timeout = QTimer()
    timeout.setSingleShot(True)
    timeout.timeout.connect(lambda: (driver.problem("driver timeout"), driver.finish()))
    timeout.start(int(config.get("timeout_s", 300) * 1000))
    from afc_desktop.cli import main as afc_main

    status = afc_main(["--data-dir", config["data_dir"]])
    driver.write_report()
    del app
    return status


if __name__ == "__main__":
    sys.exit(main())
