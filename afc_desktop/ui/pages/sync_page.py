"""Sync (同步): what waits to be sent, export to the USB stick, import receipts and bundles,
pair with a second laptop, and review conflicts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services import sync
from ...services.context import AppContext, ServiceError
from ..jobs import JobControl, run_with_progress


def _t(text: str) -> str:
    return QCoreApplication.translate("SyncPage", text)


def _short(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


class Page(QWidget):
    """The 同步 page."""

    # Tables whose committed writes this page shows (``ui/change_hub.py``).
    WATCHES = frozenset(
        {"change_event", "sync_ack", "sync_bundle_log", "sync_conflict", "sync_peer"}
    )

    def refresh_for_changes(self) -> None:
        """A write elsewhere changed what this page shows."""
        self.refresh()

    sig_synced = Signal(object)  # an ExportView or ImportView after a job finished

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._job: Any = None
        layout = QVBoxLayout(self)

        summary = QGroupBox(_t("概况"))
        form = QFormLayout(summary)
        self.district_label = QLabel()
        self.waiting_label = QLabel()
        self.last_sent_label = QLabel()
        self.last_receipt_label = QLabel()
        self.held_label = QLabel()
        self.held_label.setWordWrap(True)
        form.addRow(_t("区级："), self.district_label)
        form.addRow(_t("待发送："), self.waiting_label)
        form.addRow(_t("上次发送："), self.last_sent_label)
        form.addRow(_t("上次回执："), self.last_receipt_label)
        form.addRow(_t("区级缺少："), self.held_label)
        layout.addWidget(summary)

        actions = QGroupBox(_t("U 盘同步"))
        row = QHBoxLayout(actions)
        self.recipient = QComboBox()
        self.snapshot = QCheckBox(_t("完整快照"))
        export_btn = QPushButton(_t("导出同步包…"))
        import_btn = QPushButton(_t("导入回执或同步包…"))
        enrol_btn = QPushButton(_t("导入入网文件…"))
        export_btn.clicked.connect(self._ask_export)
        import_btn.clicked.connect(self._ask_import)
        enrol_btn.clicked.connect(self._ask_enrol)
        row.addWidget(QLabel(_t("发给：")))
        row.addWidget(self.recipient)
        row.addWidget(self.snapshot)
        row.addWidget(export_btn)
        row.addWidget(import_btn)
        row.addStretch(1)
        row.addWidget(enrol_btn)
        layout.addWidget(actions)

        pairing = QGroupBox(_t("两台电脑配对（同一社区）"))
        prow = QHBoxLayout(pairing)
        pair_out = QPushButton(_t("导出本机配对文件…"))
        pair_in = QPushButton(_t("导入另一台的配对文件…"))
        pair_out.clicked.connect(self._ask_pair_export)
        pair_in.clicked.connect(self._ask_pair_import)
        prow.addWidget(pair_out)
        prow.addWidget(pair_in)
        prow.addStretch(1)
        layout.addWidget(pairing)

        conflicts = QGroupBox(_t("待处理的冲突"))
        cl = QVBoxLayout(conflicts)
        self.conflicts = QTableWidget(0, 5)
        self.conflicts.setHorizontalHeaderLabels(
            [_t("记录"), _t("字段"), _t("值 A"), _t("值 B"), _t("当前采用")]
        )
        self.conflicts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflicts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflicts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflicts.verticalHeader().hide()
        self.conflicts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        cl.addWidget(self.conflicts)
        brow = QHBoxLayout()
        for label, keep in ((_t("保留 A"), "a"), (_t("保留 B"), "b"), (_t("保留当前"), "current")):
            btn = QPushButton(label)
            btn.clicked.connect(lambda _=False, k=keep: self.resolve_selected(k))
            brow.addWidget(btn)
        brow.addStretch(1)
        cl.addLayout(brow)
        layout.addWidget(conflicts, 1)
        self._conflict_ids: list[str] = []
        self.refresh()

    # --- display --------------------------------------------------------------------------

    def refresh(self) -> None:
        st = sync.sync_status(self.ctx)
        self.district_label.setText(
            f"{st.district.code} {st.district.name}（{_t('指纹')} {st.district.fingerprint}）"
            if st.district
            else _t("尚未导入入网文件")
        )
        self.waiting_label.setText(
            _t("%1 条变更（本机共 %2 条，区级已确认 %3 条）")
            .replace("%1", str(st.waiting_events))
            .replace("%2", str(st.last_seq))
            .replace("%3", str(st.acked_seq))
        )
        self.last_sent_label.setText(
            f"{st.last_sent['at']}  {st.last_sent['file']}（{st.last_sent['records']}）"
            if st.last_sent
            else _t("无")
        )
        self.last_receipt_label.setText(
            f"{st.last_receipt['at']}  {st.last_receipt['file']}" if st.last_receipt else _t("无")
        )
        self.held_label.setText(
            "；".join(
                _t("站点 %1 的第 %2–%3 条")
                .replace("%1", str(h.get("site_id", ""))[:8])
                .replace("%2", str(h.get("missing_from")))
                .replace("%3", str(h.get("missing_to")))
                for h in st.held_ranges
            )
            or _t("无")
        )
        self.recipient.clear()
        for peer in sync.list_peers(self.ctx):
            if peer.role == "district":
                self.recipient.insertItem(0, _t("区级 %1").replace("%1", peer.code), None)
            elif peer.role == "peer":
                self.recipient.addItem(
                    _t("配对电脑 %1").replace("%1", (peer.site_id or "")[:8]), peer.key_id
                )
        self.recipient.setCurrentIndex(0)
        rows = sync.list_conflicts(self.ctx)
        self._conflict_ids = [c.id for c in rows]
        self.conflicts.setRowCount(len(rows))
        for i, c in enumerate(rows):
            values = [
                f"{c.table} {c.record_id[:8]}",
                _t("已删除") if c.kind == "deleted" else c.field,
                _short(c.value_a),
                _short(c.value_b),
                "A" if c.winner == "a" else "B",
            ]
            for j, v in enumerate(values):
                self.conflicts.setItem(i, j, QTableWidgetItem(v))

    def _error(self, message: str) -> None:
        QMessageBox.warning(self, _t("同步"), message)

    # --- actions (the ask_* methods open dialogs; the others are callable from tests) ------

    def _ask_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _t("选择 U 盘或文件夹"))
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> Any:
        ctx, snapshot, to = self.ctx, self.snapshot.isChecked(), self.recipient.currentData()

        def work(control: JobControl) -> sync.ExportView:
            control.progress(0, 0, _t("正在写出同步包…"))
            return sync.export_bundle(ctx, folder, snapshot=snapshot, to_peer=to)

        self._job = run_with_progress(
            self, work, title=_t("导出同步包"), on_done=self._done, on_error=self._error
        )
        return self._job

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, _t("选择同步包"), "", _t("同步包 (*.afcbundle)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> Any:
        ctx = self.ctx

        def work(control: JobControl) -> sync.ImportView:
            control.progress(0, 0, _t("正在导入同步包…"))
            return sync.import_bundle(ctx, path)

        self._job = run_with_progress(
            self, work, title=_t("导入同步包"), on_done=self._done, on_error=self._error
        )
        return self._job

    def _done(self, result: object) -> None:
        self.refresh()
        self.sig_synced.emit(result)

    def _ask_enrol(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, _t("选择入网文件"), "", _t("入网文件 (*.afcenrol)")
        )
        if not path:
            return
        fingerprint, ok = QInputDialog.getText(
            self,
            _t("核对区级密钥指纹"),
            _t("请输入区级交接单上的密钥指纹（8 组、每组 4 位数字）："),
        )
        if ok:
            self.enrol(Path(path), fingerprint)

    def enrol(self, path: Path, fingerprint: str) -> None:
        """Accept an enrolment file once its district fingerprint matches (callable from tests)."""
        self._call(lambda: sync.enrol(self.ctx, path, fingerprint))

    def _ask_pair_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, _t("保存配对文件到"))
        if folder:
            self._call(lambda: sync.pairing_export(self.ctx, Path(folder)))

    def _ask_pair_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, _t("选择配对文件"), "", _t("配对文件 (*.afcpair)")
        )
        if path:
            self._call(lambda: sync.pairing_import(self.ctx, Path(path)))

    def _call(self, fn: Any) -> None:
        try:
            fn()
        except ServiceError as exc:
            self._error(exc.message)
        self.refresh()

    def resolve_selected(self, keep: str) -> None:
        row = self.conflicts.currentRow()
        if row < 0 or row >= len(self._conflict_ids):
            self._error(_t("请先在表格中选择一个冲突"))
            return
        self._call(lambda: sync.resolve_conflict(self.ctx, self._conflict_ids[row], keep))
