"""导入: bundles from a USB stick, applied one by one in a background job with progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...district import hub
from ..jobs import Job, JobCancelled, JobControl
from ..models.rows_table_model import Column, RowsTableModel
from ..service_messages import shown
from ..widgets.tables import make_table
from .session import DistrictSession

OUTCOMES = {"applied": "已导入", "duplicate": "重复（已导入过）", "held": "暂存", "refused": "拒收"}


@dataclass(frozen=True)
class ImportRow:
    file: str
    outcome: str
    community: str
    applied: int
    conflicts: int
    message: str


class ImportPage(QWidget):
    def __init__(
        self,
        session: DistrictSession,
        on_imported: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.on_imported = on_imported
        self.job: Job | None = None
        pick_files = QPushButton(self.tr("选择同步包…"))
        pick_files.clicked.connect(self.choose_files)
        pick_folder = QPushButton(self.tr("选择文件夹（如 U 盘）…"))
        pick_folder.clicked.connect(self.choose_folder)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.status = QLabel(self.tr("选择社区交来的 .afcbundle 文件或所在文件夹"))
        self.status.setObjectName("importStatus")
        top = QHBoxLayout()
        top.addWidget(pick_files)
        top.addWidget(pick_folder)
        top.addWidget(self.cancel_button)
        top.addStretch(1)
        self.model: RowsTableModel[ImportRow] = RowsTableModel(
            [
                Column(self.tr("文件"), lambda r: r.file),
                Column(self.tr("结果"), lambda r: r.outcome),
                Column(self.tr("社区"), lambda r: r.community),
                Column(self.tr("应用"), lambda r: r.applied, align_right=True),
                Column(self.tr("冲突"), lambda r: r.conflicts, align_right=True),
                Column(self.tr("说明"), lambda r: shown(r.message)),
            ]
        )
        self.table = make_table(self.model, "importTable", (330, 110, 170, 60, 60))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择同步包"), "", self.tr("同步包 (*.afcbundle)")
        )
        if files:
            self.import_paths([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择文件夹"))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> Job | None:
        """Import every bundle under ``paths`` in a background job; returns the job."""
        files = hub.bundle_files(paths)
        if not files:
            self.status.setText(self.tr("没有找到 .afcbundle 文件"))
            return None
        db, dkeys = self.session.db, self.session.keys
        names = self._names()

        def row(path: Path, line: hub.ImportLine) -> ImportRow:
            return ImportRow(
                path.name,
                OUTCOMES.get(line.outcome, line.outcome),
                names.get(line.community_code, line.community_code),
                line.applied,
                line.conflicts,
                line.message,
            )

        def work(control: JobControl) -> list[ImportRow]:
            rows: dict[Path, ImportRow] = {}
            refused: list[Path] = []
            for i, path in enumerate(files):
                if control.cancelled():
                    raise JobCancelled()
                control.progress(i, len(files), path.name)
                line = hub.import_bundle(db, dkeys, path)
                rows[path] = row(path, line)
                if line.outcome == "refused":
                    refused.append(path)
            # Two laptops of one community on one stick: a bundle editing a record another
            # laptop created is refused until that laptop's bundle is in; try those once more.
            if refused and len(refused) < len(files):
                for path in refused:
                    control.check()
                    rows[path] = row(path, hub.import_bundle(db, dkeys, path))
            control.progress(len(files), len(files), "")
            return [rows[p] for p in files]

        self.model.set_rows([])
        self.progress.setRange(0, len(files))
        self.progress.setValue(0)
        self.status.setText(self.tr("正在导入 {0} 个同步包…").format(len(files)))
        self.cancel_button.setEnabled(True)
        job = Job(work, self)
        job.sig_progress.connect(self._on_progress)
        job.sig_finished.connect(self._on_done)
        job.sig_failed.connect(self._on_failed)
        job.sig_cancelled.connect(lambda: self._end(self.tr("已取消")))
        self.job = job
        job.start()
        return job

    def _names(self) -> dict[str, str]:
        from ...district import overview

        return {r.code: r.display_name for r in overview.overview(self.session.db).rows}

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if text:
            self.status.setText(self.tr("正在导入第 {0}/{1} 个：{2}").format(done + 1, total, text))

    def _on_done(self, rows: object) -> None:
        result = list(rows) if isinstance(rows, list) else []
        self.model.set_rows(result)
        refused = sum(1 for r in result if r.outcome == OUTCOMES["refused"])
        self._end(self.tr("导入完成：{0} 个同步包，拒收 {1} 个").format(len(result), refused))

    def _on_failed(self, message: str) -> None:
        self._end(message)

    def _end(self, text: str) -> None:
        self.status.setText(text)
        self.cancel_button.setEnabled(False)
        self.job = None
        if self.on_imported is not None:
            self.on_imported()
