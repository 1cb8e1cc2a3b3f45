"""The shared job runner: work off the UI thread, progress, cancel, failures reported."""

from __future__ import annotations

import threading
import time

from afc_desktop.services.context import ServiceError
from afc_desktop.ui.jobs import Job, JobControl, run_with_progress


def test_job_reports_progress_and_result_from_a_worker_thread(qtbot):
    seen: list[tuple[int, int, str]] = []
    threads: list[int] = []

    def work(control: JobControl) -> int:
        threads.append(threading.get_ident())
        for i in range(3):
            control.progress(i + 1, 3, f"第{i + 1}步")
        return 42

    job = Job(work)
    job.sig_progress.connect(lambda d, t, s: seen.append((d, t, s)))
    with qtbot.waitSignal(job.sig_finished, timeout=5000) as blocker:
        job.start()
    assert blocker.args == [42]
    assert threads and threads[0] != threading.get_ident()
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert seen[-1] == (3, 3, "第3步")


def test_job_failure_is_reported_as_plain_message(qtbot):
    def work(control: JobControl) -> None:
        raise ServiceError("文件不是Excel表格")

    job = Job(work)
    with qtbot.waitSignal(job.sig_failed, timeout=5000) as blocker:
        job.start()
    assert blocker.args == ["文件不是Excel表格"]


def test_cancel_button_stops_the_job(qtbot):
    started = threading.Event()

    def work(control: JobControl) -> None:
        started.set()
        while True:
            control.check()
            # time.sleep, not Event().wait(timeout): under libfaketime (the suite is run with
            # a pinned wall clock) a timed condition wait may never return.
            time.sleep(0.01)

    finished: list[object] = []
    job = run_with_progress(None, work, title="测试", on_done=finished.append, delay_ms=10)
    assert started.wait(5)
    with qtbot.waitSignal(job.sig_cancelled, timeout=5000):
        job.cancel()
    assert finished == []


def test_progress_dialog_appears_only_for_long_work(qtbot):
    from PySide6.QtWidgets import QProgressDialog, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    release = threading.Event()

    def slow(control: JobControl) -> str:
        control.progress(1, 4, "第1批")
        release.wait(5)
        return "ok"

    job = run_with_progress(parent, slow, title="正在导入", delay_ms=50)
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in parent.findChildren(QProgressDialog)), timeout=3000
    )
    dialog = parent.findChildren(QProgressDialog)[0]
    assert dialog.labelText() == "第1批" and dialog.maximum() == 4
    with qtbot.waitSignal(job.sig_finished, timeout=5000):
        release.set()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)

    quick = run_with_progress(parent, lambda control: 1, title="很快", delay_ms=300)
    with qtbot.waitSignal(quick.sig_finished, timeout=5000):
        pass
    qtbot.wait(400)
    assert not any(d.isVisible() for d in parent.findChildren(QProgressDialog))
