"""Sync (同步): what waits to be sent, export to the USB stick, import receipts and bundles,
pair with a second laptop, and review conflicts.

Written for a social worker, not an engineer: every line of the summary says what it means in
plain words with a one-line explanation under it; times are local; a finished export says which
file was written, where, and whom to take it to; without the district's enrolment file the
export explains that first, before any folder is asked for.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
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
from ...services.register import FIELD_LABELS
from ..jobs import JobControl, run_with_progress
from ..service_messages import message_of


def _t(text: str) -> str:
    return QCoreApplication.translate("SyncPage", text)


NOT_ENROLLED = QT_TRANSLATE_NOOP(
    "SyncPage",
    "还没有导入区级入网文件，所以暂时不能给区里导出同步包。\n\n"
    "入网文件由区民政局提供（文件名以 .afcenrol 结尾）。拿到后，点本页的“导入入网文件…”导入，"
    "再导出同步包。",
)
# what a conflict's record is, in words (the stored table names are English)
TABLE_LABELS = {
    "person": QT_TRANSLATE_NOOP("SyncPage", "人员"),
    "household": QT_TRANSLATE_NOOP("SyncPage", "家庭"),
    "visit": QT_TRANSLATE_NOOP("SyncPage", "探访"),
    "need": QT_TRANSLATE_NOOP("SyncPage", "需求"),
    "task": QT_TRANSLATE_NOOP("SyncPage", "待办"),
    "assessment": QT_TRANSLATE_NOOP("SyncPage", "评估"),
    "resource": QT_TRANSLATE_NOOP("SyncPage", "资源"),
}


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
        rows = (
            (
                _t("区里："),
                self.district_label,
                _t("入网文件由区民政局提供，导入后才能给区里发同步包。"),
            ),
            (
                _t("还没送到区里："),
                self.waiting_label,
                _t("每新增或修改一项信息算一处；区里收到后会给一个回执，导入回执后这里归零。"),
            ),
            (
                _t("上次导出："),
                self.last_sent_label,
                _t("同步包是加密文件，只有区里能打开，可以放心用 U 盘拷贝。"),
            ),
            (
                _t("上次回执："),
                self.last_receipt_label,
                _t("回执是区里导入同步包后给的文件，拿回来导入，表示区里已经收到。"),
            ),
            (
                _t("区里还缺："),
                self.held_label,
                _t("区里发现中间少了一些修改时列在这里，补齐前后面的修改先不生效。"),
            ),
        )
        for caption, value, explanation in rows:
            value.setWordWrap(True)
            hint = QLabel(explanation)
            hint.setObjectName("syncHint")
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #666;")
            cell = QWidget()
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 4)
            box.setSpacing(0)
            box.addWidget(value)
            box.addWidget(hint)
            form.addRow(caption, cell)
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
        explain = QLabel(
            _t("两台电脑（或本机和区里）同时改了同一项信息时会列在这里：选中一行，决定用哪一个值。")
        )
        explain.setWordWrap(True)
        cl.addWidget(explain)
        self.conflicts = QTableWidget(0, 5)
        self.conflicts.setHorizontalHeaderLabels(
            [_t("哪条信息"), _t("哪一项"), _t("本机的值"), _t("对方的值"), _t("现在用的")]
        )
        self.conflicts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflicts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflicts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflicts.verticalHeader().hide()
        self.conflicts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        cl.addWidget(self.conflicts)
        brow = QHBoxLayout()
        for label, keep in (
            (_t("用本机的值"), "local"),
            (_t("用对方的值"), "other"),
            (_t("保持现在的"), "current"),
        ):
            btn = QPushButton(label)
            btn.clicked.connect(lambda _=False, k=keep: self.resolve_selected(k))
            brow.addWidget(btn)
        brow.addStretch(1)
        cl.addLayout(brow)
        layout.addWidget(conflicts, 1)
        self._conflict_ids: list[str] = []
        self._local_side: list[str] = []  # "a" or "b": which side of each conflict is this laptop
        self.done_box: QMessageBox | None = None
        self.refresh()

    # --- display --------------------------------------------------------------------------

    def _when(self, value: Any) -> str:
        """A logged instant as local date and time ("2026-11-28 14:05")."""
        try:
            instant = datetime.fromisoformat(str(value))
        except ValueError:
            return str(value)
        return self.ctx.clock.local(instant).strftime("%Y-%m-%d %H:%M")

    def _held_text(self, held: list[dict[str, Any]]) -> str:
        parts = []
        for h in held:
            try:
                count = int(h.get("missing_to", 0)) - int(h.get("missing_from", 0)) + 1
            except (TypeError, ValueError):
                count = 0
            if h.get("site_id") == self.ctx.site_id:
                parts.append(_t("本机的 %1 处修改（下次导出会自动补上）").replace("%1", str(count)))
            else:
                parts.append(
                    _t("另一台电脑的 %1 处修改（请在那台电脑上导出同步包）").replace(
                        "%1", str(count)
                    )
                )
        return "；".join(parts) or _t("不缺")

    def refresh(self) -> None:
        st = sync.sync_status(self.ctx)
        self.enrolled = st.district is not None
        self.district_label.setText(
            _t("已入网：%1（%2），密钥指纹 %3")
            .replace("%1", st.district.name)
            .replace("%2", st.district.code)
            .replace("%3", st.district.fingerprint)
            if st.district
            else _t("还没有导入入网文件")
        )
        self.waiting_label.setText(
            _t("%1 处修改").replace("%1", str(st.waiting_events))
            if st.waiting_events
            else _t("全部已送到")
        )
        self.last_sent_label.setText(
            _t("%1，文件 %2")
            .replace("%1", self._when(st.last_sent["at"]))
            .replace("%2", str(st.last_sent["file"]))
            if st.last_sent
            else _t("还没有导出过")
        )
        self.last_receipt_label.setText(
            _t("%1，文件 %2")
            .replace("%1", self._when(st.last_receipt["at"]))
            .replace("%2", str(st.last_receipt["file"]))
            if st.last_receipt
            else _t("还没有收到过")
        )
        self.held_label.setText(self._held_text(st.held_ranges))
        self.recipient.clear()
        for peer in sync.list_peers(self.ctx):
            if peer.role == "district":
                self.recipient.insertItem(0, _t("区里（%1）").replace("%1", peer.name), None)
            elif peer.role == "peer":
                self.recipient.addItem(
                    _t("配对的电脑 %1").replace("%1", (peer.site_id or "")[:4]), peer.key_id
                )
        if self.recipient.count() == 0:
            self.recipient.addItem(_t("区里（尚未入网）"), None)
        self.recipient.setCurrentIndex(0)
        rows = sync.list_conflicts(self.ctx)
        self._conflict_ids = [c.id for c in rows]
        self._local_side = ["b" if c.site_b == self.ctx.site_id else "a" for c in rows]
        self.conflicts.setRowCount(len(rows))
        for i, c in enumerate(rows):
            local_a = self._local_side[i] == "a"
            values = [
                _t("%1（编号 %2）")
                .replace("%1", _t(TABLE_LABELS[c.table]) if c.table in TABLE_LABELS else c.table)
                .replace("%2", c.record_id[:6]),
                _t("整条被删除") if c.kind == "deleted" else FIELD_LABELS.get(c.field, c.field),
                _short(c.value_a if local_a else c.value_b),
                _short(c.value_b if local_a else c.value_a),
                _t("本机的值") if c.winner == self._local_side[i] else _t("对方的值"),
            ]
            for j, v in enumerate(values):
                self.conflicts.setItem(i, j, QTableWidgetItem(v))

    def _error(self, message: str) -> None:
        QMessageBox.warning(self, _t("同步"), message)

    # --- actions (the ask_* methods open dialogs; the others are callable from tests) ------

    def _ask_export(self) -> None:
        if self.recipient.currentData() is None and not self.enrolled:
            self._error(_t(NOT_ENROLLED))  # said before any folder is asked for
            return
        folder = QFileDialog.getExistingDirectory(self, _t("选择 U 盘或文件夹"))
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> Any:
        ctx, snapshot, to = self.ctx, self.snapshot.isChecked(), self.recipient.currentData()

        def work(control: JobControl) -> sync.ExportView:
            control.progress(0, 0, _t("正在写出同步包…"))
            return sync.export_bundle(ctx, folder, snapshot=snapshot, to_peer=to)

        self._job = run_with_progress(
            self, work, title=_t("导出同步包"), on_done=self._exported, on_error=self._error
        )
        return self._job

    def _exported(self, result: object) -> None:
        self._done(result)
        if isinstance(result, sync.ExportView):
            self.done_box = QMessageBox(
                QMessageBox.Icon.Information,
                _t("同步包已导出"),
                self.exported_text(result),
                QMessageBox.StandardButton.Ok,
                self,
            )
            self.done_box.open()

    def exported_text(self, view: sync.ExportView) -> str:
        """What a finished export says: the file, where it is, whom to take it to."""
        path = Path(view.path)
        where = (
            _t(
                "请用 U 盘把这个文件交给区民政局；区里导入后会给一个回执文件，拿回来点"
                "“导入回执或同步包…”导入。"
            )
            if self.recipient.currentData() is None
            else _t("请把这个文件拿到配对的另一台电脑上，点“导入回执或同步包…”导入。")
        )
        return (
            _t("已写出同步包：%1\n保存位置：%2\n共 %3 处修改。")
            .replace("%1", path.name)
            .replace("%2", str(path.parent))
            .replace("%3", str(view.records))
            + "\n\n"
            + where
        )

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
            self._error(message_of(exc))
        self.refresh()

    def resolve_selected(self, keep: str) -> None:
        """``keep``: "local" (this laptop's value), "other" or "current"."""
        row = self.conflicts.currentRow()
        if row < 0 or row >= len(self._conflict_ids):
            self._error(_t("请先在表格中选中一行"))
            return
        side = self._local_side[row]
        choice = {"local": side, "other": "b" if side == "a" else "a"}.get(keep, keep)
        self._call(lambda: sync.resolve_conflict(self.ctx, self._conflict_ids[row], choice))
