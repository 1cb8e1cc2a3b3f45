"""Errors leave a trace: one masked log in the data directory, a plain dialog in the window,
a failed daily backup shown to the person, one line (or ``--debug`` a traceback) on the CLI."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import qCritical, qWarning
from PySide6.QtWidgets import QApplication, QMessageBox

from afc_desktop import applog
from afc_desktop.cli import core as cli_core
from afc_desktop.cli import main as afc_main
from afc_desktop.services.context import ServiceError
from afc_desktop.store.db import DatabaseBusy
from afc_desktop.ui import application
from afc_desktop.ui.jobs import Job, JobControl
from afc_desktop.ui.widgets import error_dialog

ID = "320508194501011234"
MOBILE = "13912345678"


@pytest.fixture
def log_dir(tmp_path: Path):
    logs = tmp_path / "logs"
    path = applog.configure(logs, "afc")
    yield logs
    applog.configure(None, "afc")
    assert path is not None


def _log_text(logs: Path, name: str = "afc.log") -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (logs / name).read_text(encoding="utf-8")


def test_mask_hides_ids_phones_names_and_sql_values() -> None:
    text = (
        f"身份证 {ID}，旧证 320508450101123，电话 {MOBILE}，KeyError('张三') “欧阳娜娜”\n"
        "[SQL: INSERT INTO person (name, id_number) VALUES (?, ?)]\n"
        f"[parameters: ('李四', '{ID}')]\n(Background on this error at: https://sqlalche.me)"
    )
    masked = applog.mask(text)
    for secret in (ID, "320508450101123", MOBILE, "张三", "欧阳娜娜", "李四"):
        assert secret not in masked
    assert "3205**********1234" in masked
    assert "139****5678" in masked
    assert "'张*'" in masked and "“欧***”" in masked
    assert "[parameters: 已隐去]" in masked
    assert "INSERT INTO person" in masked  # the statement helps support; its values are gone
    assert applog.mask("第3行 与第1行重复") == "第3行 与第1行重复"  # plain messages untouched


def test_the_log_file_is_masked_and_rotates(log_dir: Path) -> None:
    logging.getLogger("afc_desktop.test").error("registering %s (%s)", f"'王五' {ID}", MOBILE)
    text = _log_text(log_dir)
    assert ID not in text and MOBILE not in text and "王五" not in text
    assert "afc[" in text  # program and process id on every line
    handlers = [h for h in logging.getLogger().handlers if getattr(h, "_afc_handler", False)]
    rotating = [h for h in handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert rotating and rotating[0].maxBytes == applog.MAX_BYTES
    assert rotating[0].backupCount == applog.BACKUP_COUNT


def test_a_read_only_logs_folder_logs_nothing_and_fails_nothing(tmp_path: Path) -> None:
    a_file = tmp_path / "logs"
    a_file.write_text("", encoding="utf-8")  # logs/ cannot be made: a file is there
    assert applog.configure(a_file, "afc") is None
    logging.getLogger("afc_desktop.test").error("nothing breaks")
    applog.configure(None, "afc")


@pytest.fixture
def shown():
    seen: list[BaseException] = []
    previous = error_dialog.set_presenter(seen.append)
    error_dialog.install_error_handlers()
    yield seen
    error_dialog.uninstall_error_handlers()
    error_dialog.set_presenter(previous)


def test_excepthook_logs_the_error_then_shows_it(qapp, log_dir: Path, shown) -> None:
    try:
        raise KeyError(f"'赵六' {ID}")
    except KeyError:
        kind, exc, tb = sys.exc_info()
        assert kind is not None and exc is not None
        sys.excepthook(kind, exc, tb)
    assert len(shown) == 1 and isinstance(shown[0], KeyError)
    text = _log_text(log_dir)
    assert "Traceback" in text and "KeyError" in text
    assert ID not in text and "赵六" not in text


def test_qt_messages_are_logged_and_critical_ones_shown(qapp, log_dir: Path, shown) -> None:
    qWarning("a font is missing")
    assert shown == []
    qCritical("the printer went away")
    assert len(shown) == 1 and "the printer went away" in str(shown[0])
    text = _log_text(log_dir)
    assert "a font is missing" in text and "the printer went away" in text


def test_error_dialog_says_what_happened_what_was_kept_and_where_the_log_is(
    qtbot, log_dir: Path
) -> None:
    try:
        raise ValueError(f"bad row for '钱七' {ID}")
    except ValueError as exc:
        details = error_dialog.error_details(exc, applog.current_log_file())
    dialog = error_dialog.ErrorDialog(details, applog.current_log_file())
    qtbot.addWidget(dialog)
    assert "没有完成" in dialog.what.text()
    assert "已经保存的资料都在" in dialog.kept.text()
    assert str(log_dir / "afc.log") in dialog.where.text()
    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert "ValueError" in copied and "Traceback" in copied
    assert ID not in copied and "钱七" not in copied


def test_a_plain_refusal_is_shown_as_it_is(qtbot, monkeypatch) -> None:
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, title, text: seen.append((title, text)))
    )
    error_dialog.show_error(DatabaseBusy())
    assert seen and "另一个程序正在修改数据，请稍后再试" in seen[0][1]
    assert "没有保存" in seen[0][1]


def test_a_job_never_shows_the_exception_text(qtbot) -> None:
    def work(control: JobControl) -> None:
        raise RuntimeError(f"UNIQUE failed for '孙八' {ID}")

    job = Job(work)
    with qtbot.waitSignal(job.sig_failed, timeout=5000) as blocker:
        job.start()
    (message,) = blocker.args
    assert "没有完成" in message
    assert ID not in message and "孙八" not in message and "UNIQUE" not in message


def test_a_failed_daily_backup_is_shown(ctx, monkeypatch) -> None:
    def no_space(_dst: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ctx.db, "copy_to", no_space)
    told: list[str] = []
    assert application.daily_backup_if_due(ctx, on_failure=told.append) is None
    assert told and "备份失败" in told[0]

    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, title, text: shown.append(title + text))
    )
    application.show_backup_failure(told[0])
    assert shown and "自动备份没有完成" in shown[0] and "立即备份" in shown[0]


# --- the command line -----------------------------------------------------------------------


def _boom(_args, _app) -> int:
    raise RuntimeError(f"unexpected for '周九' {ID}")


def test_cli_unexpected_error_is_one_line_naming_the_log(set_up_dir, monkeypatch, capsys) -> None:
    monkeypatch.setattr(cli_core, "cmd_search", _boom)
    status = afc_main(["--data-dir", str(set_up_dir.root), "search", "王"])
    err = capsys.readouterr().err
    assert status == 4
    assert err.count("\n") == 1 and "Traceback" not in err and "内部错误" not in err
    assert str(set_up_dir.logs_dir / "afc-cli.log") in err
    logged = _log_text(set_up_dir.logs_dir, "afc-cli.log")
    assert "RuntimeError" in logged and ID not in logged and "周九" not in logged
    applog.configure(None, "afc-cli")


def test_cli_debug_prints_the_traceback(set_up_dir, monkeypatch, capsys) -> None:
    monkeypatch.setattr(cli_core, "cmd_search", _boom)
    status = afc_main(["--data-dir", str(set_up_dir.root), "--debug", "search", "王"])
    err = capsys.readouterr().err
    assert status == 4
    assert "Traceback" in err and "RuntimeError" in err
    assert ID not in err
    applog.configure(None, "afc-cli")


def test_cli_refusal_is_one_line_even_with_debug_off(set_up_dir, monkeypatch, capsys) -> None:
    def refuse(_args, _app) -> int:
        raise ServiceError("此操作需要管理员权限")

    monkeypatch.setattr(cli_core, "cmd_search", refuse)
    assert afc_main(["--data-dir", str(set_up_dir.root), "search", "王"]) == 1
    assert capsys.readouterr().err == "afc: 此操作需要管理员权限\n"
    applog.configure(None, "afc-cli")
