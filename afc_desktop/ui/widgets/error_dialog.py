"""When something goes wrong in the window (出错提示): log it, then tell the person plainly.

:func:`install_error_handlers` sets ``sys.excepthook`` (PySide6 hands it every exception that
escapes a slot), ``threading.excepthook`` and Qt's message handler. Each writes to the log
(``afc_desktop/applog.py``, personal data masked) and then:

- a refusal meant for the user (``errors.PlainError``: a service's refusal, "另一个程序正在修改
  数据，请稍后再试") is shown as it is, saying that this step was not saved;
- anything else opens :class:`ErrorDialog`: what happened, whether the work was kept, where
  the log is, and a button that copies the (masked) details for technical support.

The packaged Windows app has no console, so without this an error would leave no trace. Every
service call is one transaction, so a failed step saved nothing and what was saved before is
intact; a dialog being filled in stays open with its content.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    Qt,
    QThread,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ... import __version__
from ...applog import current_log_file, mask
from ...errors import PlainError
from ..service_messages import message_of

log = logging.getLogger(__name__)


def _t(text: str) -> str:
    return QCoreApplication.translate("ErrorDialog", text)


class ErrorDialog(QDialog):
    """程序出错: what happened, whether the work was kept, where the log is, copy the details."""

    def __init__(self, details: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        self.setWindowTitle(self.tr("程序出了问题"))
        layout = QVBoxLayout(self)
        self.what = QLabel(self.tr("程序遇到了一个意外的问题，刚才的操作没有完成。"))
        self.kept = QLabel(
            self.tr(
                "已经保存的资料都在，不受影响；刚才这一步没有保存。"
                "正在填写的窗口仍然开着，内容还在，可以检查后再试一次。"
            )
        )
        where = str(log_path) if log_path else self.tr("（日志无法写入）")
        self.where = QLabel(self.tr("详细记录已写入日志：{0}").format(where))
        self.advice = QLabel(
            self.tr("如果问题再次出现，请点“复制详细信息”，发给技术支持（不含身份证号和姓名）。")
        )
        for label in (self.what, self.kept, self.where, self.advice):
            label.setWordWrap(True)
            layout.addWidget(label)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.text.setVisible(False)
        self.text.setMinimumHeight(160)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("复制详细信息"))
        self.show_button = QPushButton(self.tr("显示详细信息"))
        self.close_button = QPushButton(self.tr("关闭"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button.clicked.connect(self.copy_details)
        self.show_button.clicked.connect(self._toggle_details)
        self.close_button.clicked.connect(self.accept)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def copy_details(self) -> None:
        """Put the details on the clipboard (already masked)."""
        clipboard = QApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.details)
        self.copy_button.setText(self.tr("已复制"))

    def _toggle_details(self) -> None:
        self.text.setVisible(not self.text.isVisible())
        self.adjustSize()


def error_details(exc: BaseException, log_path: Path | None) -> str:
    """What support needs: version, log file, the masked traceback."""
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return mask(f"AFC Desktop {__version__}\n{_t('日志')}：{log_path or '-'}\n\n{text}")


# --- the handlers -----------------------------------------------------------------------------

_showing = False
# The dialog shown for an unexpected error; tests replace it to answer without a person.
Presenter = Callable[[BaseException], None]


def show_error(exc: BaseException) -> None:
    """Tell the person about ``exc`` (modal); never raises, never nests."""
    global _showing
    app = QApplication.instance()
    if _showing or not isinstance(app, QApplication) or QThread.currentThread() is not app.thread():
        return
    _showing = True
    try:
        parent = app.activeWindow()
        if isinstance(exc, PlainError):
            QMessageBox.warning(
                parent,
                _t("未能完成"),
                _t("{0}\n\n这一步没有保存；已经保存的资料不受影响。").format(message_of(exc)),
            )
        else:
            log_path = current_log_file()
            ErrorDialog(error_details(exc, log_path), log_path, parent).exec()
    except Exception:  # noqa: BLE001 - the error display itself must never crash the app
        log.exception("could not show the error dialog")
    finally:
        _showing = False


_presenter: Presenter = show_error


def set_presenter(presenter: Presenter) -> Presenter:
    """Replace how errors are shown (tests); returns the previous one."""
    global _presenter
    previous, _presenter = _presenter, presenter
    return previous


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    if isinstance(exc, PlainError):
        log.info("refused: %s", exc.message)
    else:
        log.error("unexpected error", exc_info=(kind, exc, tb))
    _presenter(exc)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None or isinstance(args.exc_value, SystemExit):
        return
    log.error(
        "unexpected error in thread %s",
        args.thread.name if args.thread else "?",
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
    )


class QtMessageError(RuntimeError):
    """A critical message from Qt itself, shown like an unexpected error."""


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_qt_log = logging.getLogger("afc_desktop.qt")


def _qt_message_handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = _QT_LEVELS.get(kind, logging.WARNING)
    where = f" ({context.file}:{context.line})" if context.file else ""
    _qt_log.log(level, "%s%s", message, where)
    if level >= logging.ERROR:
        for handler in logging.getLogger().handlers:
            handler.flush()
        _presenter(QtMessageError(f"Qt: {message}"))


_previous: list[object] = []


def install_error_handlers() -> None:
    """Log every uncaught error and Qt message, and show the person a plain dialog."""
    if not _previous:
        _previous[:] = [sys.excepthook, threading.excepthook]
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
    qInstallMessageHandler(_qt_message_handler)


def uninstall_error_handlers() -> None:
    """Back to the hooks that were there before (tests)."""
    if _previous:
        sys.excepthook, threading.excepthook = _previous  # type: ignore[assignment]
        _previous.clear()
    qInstallMessageHandler(None)  # type: ignore[arg-type]
