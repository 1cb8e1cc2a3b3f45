"""The import wizard (导入台账): file → sheet → column mapping → value mapping → preview → import.

Value mapping (值对应) is shown only when a coded column (居住情况, 人员类别) holds values the
register does not know: each is listed once with its row count, and the user maps it to a code,
a category or "留空" (``sheets/values.py``); 空巢 in a 居住情况 column comes pre-set to the
category 空巢. The choices travel with the column mapping (saved file, remembered mapping).

Reading and importing run off the UI thread (``ui.jobs``) with progress and cancel. The preview
shows tabs for new people, updates (old and new values side by side), duplicates inside the file
and row errors; the user then imports everything, or only the valid rows by an explicit choice,
and can save an error report to fix and import again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.context import AppContext, ServiceError
from ...services.import_values import unknown_values
from ...services.importer import (
    ImportPlan,
    ImportResult,
    ImportSource,
    SheetPreview,
    commit_import,
    inspect_sheet,
    preview_import,
    remembered_mapping,
    save_error_report,
)
from ...sheets.fields import FIELDS, IGNORE
from ...sheets.mapping import ColumnMapping, MappingError, load_mapping, save_mapping
from ...sheets.reader import SheetReadError, list_sheets
from ...sheets.values import UnknownValue, targets
from ..jobs import Job, JobControl, run_with_progress
from ..service_messages import message_of

SPREADSHEET_FILTER = "表格文件 (*.xlsx *.xls *.ods *.xlsm)"
VALUES_PAGE = 4


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    return table


def _fill(table: QTableWidget, rows: list[list[Any]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))


class ImportDialog(QDialog):
    """The import wizard; emits ``sig_imported`` with the ImportResult after a commit."""

    sig_imported = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview_info: SheetPreview | None = None
        self.plan: ImportPlan | None = None
        self.result: ImportResult | None = None
        self.job: Job | None = None
        self.setWindowTitle(self.tr("导入台账"))
        self.resize(900, 600)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._done_page())
        self.pages.addWidget(self._values_page())  # VALUES_PAGE: shown only when needed
        self.value_maps: dict[str, dict[str, str]] = {}
        self.unknown: list[UnknownValue] = []
        self.back_button = QPushButton(self.tr("上一步"))
        self.next_button = QPushButton(self.tr("下一步"))
        self.close_button = QPushButton(self.tr("关闭"))
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.back_button, self.next_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # --- page 1: file and sheet ------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget()
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("请选择要导入的台账文件（.xlsx、.xls、.ods）"))
        browse = QPushButton(self.tr("选择文件…"))
        browse.clicked.connect(self._browse)
        self.sheet_combo = QComboBox()
        self.file_error = QLabel()
        self.file_error.setStyleSheet("color: #b00020;")
        self.file_error.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("第一步：选择文件和工作表")))
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("工作表")))
        layout.addWidget(self.sheet_combo)
        layout.addWidget(self.file_error)
        layout.addStretch(1)
        return page

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择台账文件"), "", self.tr(SPREADSHEET_FILTER)
        )
        if path:
            self.choose_file(Path(path))

    def choose_file(self, path: Path) -> bool:
        """Take a file: list its sheets; False (with the reason shown) when it cannot be read."""
        self.path_edit.setText(str(path))
        self.sheet_combo.clear()
        self.file_error.clear()
        try:
            names = list_sheets(path)
        except SheetReadError as exc:
            self.file_error.setText(message_of(exc))
            self._update_buttons()
            return False
        if not names:
            self.file_error.setText(self.tr("文件中没有可见的工作表"))
        self.sheet_combo.addItems(names)
        self._update_buttons()
        return bool(names)

    @property
    def path(self) -> Path:
        return Path(self.path_edit.text())

    # --- page 2: column mapping ------------------------------------------------------------

    def _mapping_page(self) -> QWidget:
        page = QWidget()
        self.header_label = QLabel()
        self.mapping_source = QLabel()
        self.mapping_table = _table(
            [self.tr("列"), self.tr("表头"), self.tr("样例"), self.tr("导入为")]
        )
        self.mapping_problems = QLabel()
        self.mapping_problems.setStyleSheet("color: #b00020;")
        self.mapping_problems.setWordWrap(True)
        load = QPushButton(self.tr("载入列对应…"))
        save = QPushButton(self.tr("保存列对应…"))
        load.clicked.connect(self._load_mapping)
        save.clicked.connect(self._save_mapping)
        row = QHBoxLayout()
        row.addWidget(load)
        row.addWidget(save)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("第二步：核对每一列导入为哪一项")))
        layout.addWidget(self.header_label)
        layout.addWidget(self.mapping_source)
        layout.addWidget(self.mapping_table, 1)
        layout.addWidget(self.mapping_problems)
        layout.addLayout(row)
        return page

    def load_sheet(self) -> bool:
        """Read the chosen sheet's header and show the suggested mapping."""
        try:
            info = inspect_sheet(self.path, self.sheet_combo.currentText() or None)
        except ServiceError as exc:
            self.file_error.setText(message_of(exc))
            return False
        self.preview_info = info
        first, last = info.header.first_row, info.header.last_row
        rows = f"{first}" if first == last else f"{first}-{last}"
        self.header_label.setText(
            self.tr("表头在第 {0} 行；数据从第 {1} 行开始").format(rows, last + 1)
        )
        table = self.mapping_table
        table.setRowCount(len(info.header.columns))
        for r, col in enumerate(info.header.columns):
            sample = "、".join(
                s[col.index] for s in info.sample if col.index < len(s) and s[col.index]
            )
            table.setItem(r, 0, QTableWidgetItem(col.letter))
            table.setItem(r, 1, QTableWidgetItem(col.label))
            table.setItem(r, 2, QTableWidgetItem(sample[:60]))
            combo = QComboBox()
            combo.addItem(self.tr("（不导入）"), IGNORE)
            for f in FIELDS:
                if f.key != IGNORE:
                    combo.addItem(f.label, f.key)
            table.setCellWidget(r, 3, combo)
            combo.currentIndexChanged.connect(self._check_mapping)
        remembered = remembered_mapping(self.ctx, info.header)
        self.apply_mapping(remembered or info.suggested)
        self.value_maps = dict(remembered.values) if remembered else {}
        self.mapping_source.setText(
            self.tr("已套用上次确认的列对应") if remembered else self.tr("已按列名自动识别")
        )
        return True

    def apply_mapping(self, mapping: ColumnMapping) -> None:
        """Show a mapping in the table's drop-downs."""
        assert self.preview_info is not None
        for r, col in enumerate(self.preview_info.header.columns):
            combo = self.mapping_table.cellWidget(r, 3)
            assert isinstance(combo, QComboBox)
            combo.setCurrentIndex(max(0, combo.findData(mapping.fields.get(col.index, IGNORE))))
        self._check_mapping()

    def current_mapping(self) -> ColumnMapping:
        """The mapping as the user left it in the table."""
        assert self.preview_info is not None
        fields: dict[int, str] = {}
        for r, col in enumerate(self.preview_info.header.columns):
            combo = self.mapping_table.cellWidget(r, 3)
            assert isinstance(combo, QComboBox)
            key = combo.currentData()
            if key and key != IGNORE:
                fields[col.index] = key
        return ColumnMapping(fields, "edited", dict(self.value_maps))

    def _check_mapping(self) -> None:
        problems = self.current_mapping().problems() if self.preview_info else []
        self.mapping_problems.setText("；".join(problems))
        self._update_buttons()

    def _load_mapping(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("载入列对应"), "", "JSON (*.json)")
        if path and self.preview_info is not None:
            try:
                loaded = load_mapping(path, self.preview_info.header)
                self.apply_mapping(loaded)
                self.value_maps = dict(loaded.values)
            except MappingError as exc:
                QMessageBox.warning(self, self.tr("载入列对应"), message_of(exc))

    def _save_mapping(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存列对应"), "列对应.json", "JSON (*.json)"
        )
        if path and self.preview_info is not None:
            save_mapping(path, self.current_mapping(), self.preview_info.header)

    # --- value mapping (between columns and preview) --------------------------------------

    def _values_page(self) -> QWidget:
        page = QWidget()
        self.values_table = _table(
            [self.tr("列"), self.tr("台账中的值"), self.tr("行数"), self.tr("对应为")]
        )
        note = QLabel(
            self.tr(
                "以下是编码列中本软件不认识的值。每个值只需指定一次，对整个文件生效，"
                "并随列对应一起保存。未指定的值所在行会在预览中报错。"
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("第二步（续）：核对非标准值")))
        layout.addWidget(note)
        layout.addWidget(self.values_table, 1)
        return page

    def check_values(self) -> Job:
        """List the unknown values of coded columns (off the UI thread); show the value page
        when there are any, else go straight to the preview."""
        path, sheet = self.path, self.sheet_combo.currentText() or None
        mapping = self.current_mapping()

        def work(control: JobControl) -> list[UnknownValue]:
            return unknown_values(path, sheet, mapping)

        self.job = run_with_progress(
            self,
            work,
            title=self.tr("正在检查非标准值"),
            on_done=self._show_values,
            on_error=self._show_error,
        )
        return self.job

    def _show_values(self, found: list[UnknownValue]) -> None:
        self.unknown = found
        if not found:
            self.run_preview()
            return
        labels = {f.key: f.label for f in FIELDS}
        kinds = {f.key: f.kind for f in FIELDS}
        table = self.values_table
        table.setRowCount(len(found))
        for r, v in enumerate(found):
            table.setItem(r, 0, QTableWidgetItem(labels.get(v.field, v.field)))
            table.setItem(r, 1, QTableWidgetItem(v.value))
            table.setItem(r, 2, QTableWidgetItem(str(v.count)))
            combo = QComboBox()
            combo.addItem(self.tr("（不指定：该行报错）"), None)
            for t in targets(kinds.get(v.field, "")):
                combo.addItem(t.label, t.value)
            combo.setCurrentIndex(max(0, combo.findData(v.target)) if v.target else 0)
            table.setCellWidget(r, 3, combo)
        self.pages.setCurrentIndex(VALUES_PAGE)
        self._update_buttons()

    def choose_value(self, field: str, value: str, target: str | None) -> None:
        """Set the mapping of one listed value (what picking in its drop-down does)."""
        for r, v in enumerate(self.unknown):
            if (v.field, v.value) == (field, value):
                combo = self.values_table.cellWidget(r, 3)
                assert isinstance(combo, QComboBox)
                combo.setCurrentIndex(max(0, combo.findData(target)) if target else 0)

    def _collect_values(self) -> None:
        maps: dict[str, dict[str, str]] = {k: dict(v) for k, v in self.value_maps.items()}
        for r, v in enumerate(self.unknown):
            combo = self.values_table.cellWidget(r, 3)
            assert isinstance(combo, QComboBox)
            target = combo.currentData()
            if target:
                maps.setdefault(v.field, {})[v.value] = target
            else:
                maps.get(v.field, {}).pop(v.value, None)
        self.value_maps = {k: v for k, v in maps.items() if v}

    # --- page 3: preview -------------------------------------------------------------------

    def _preview_page(self) -> QWidget:
        page = QWidget()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.tabs = QTabWidget()
        self.new_table = _table(
            [self.tr("行号"), self.tr("姓名"), self.tr("身份证号"), self.tr("出生日期")]
        )
        self.update_table = _table(
            [
                self.tr("行号"),
                self.tr("姓名"),
                self.tr("匹配方式"),
                self.tr("项目"),
                self.tr("原值"),
                self.tr("新值"),
            ]
        )
        self.duplicate_table = _table(
            [self.tr("行号"), self.tr("与第几行重复"), self.tr("姓名"), self.tr("原因")]
        )
        self.error_table = _table([self.tr("行号"), self.tr("列"), self.tr("原因")])
        # doors the import will not decide alone (是否同一户): listed so a worker can fix the
        # ledger, or check and merge in 家庭 after the import
        self.address_table = _table(
            [self.tr("行号"), self.tr("地址"), self.tr("可能与之同一户"), self.tr("原因")]
        )
        self.address_table.setObjectName("addressQuestions")
        self.tabs.addTab(self.new_table, self.tr("新增"))
        self.tabs.addTab(self.update_table, self.tr("更新"))
        self.tabs.addTab(self.duplicate_table, self.tr("文件内重复"))
        self.tabs.addTab(self.error_table, self.tr("错误"))
        self.tabs.addTab(self.address_table, self.tr("地址待确认"))
        self.all_rows = QRadioButton(self.tr("全部导入（有错误或重复时不能导入）"))
        self.valid_only = QRadioButton(self.tr("只导入无误的行（跳过有错误和重复的行）"))
        self.all_rows.setChecked(True)
        self.all_rows.toggled.connect(self._update_buttons)
        self.report_button = QPushButton(self.tr("保存错误报告…"))
        self.report_button.clicked.connect(self._save_report)
        row = QHBoxLayout()
        row.addWidget(self.all_rows)
        row.addWidget(self.valid_only)
        row.addStretch(1)
        row.addWidget(self.report_button)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("第三步：预览（尚未写入）")))
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(row)
        return page

    def source(self) -> ImportSource:
        return ImportSource(
            self.path, self.sheet_combo.currentText() or None, self.current_mapping()
        )

    def run_preview(self) -> Job:
        """Start the dry run off the UI thread; the preview page fills in when it is done."""
        source, ctx = self.source(), self.ctx

        def work(control: JobControl) -> ImportPlan:
            return preview_import(
                ctx,
                source,
                progress=lambda stage, done, total: control.progress(done, total, stage),
                cancel=control.cancelled,
            )

        self.job = run_with_progress(
            self,
            work,
            title=self.tr("正在读取和检查"),
            on_done=self._show_plan,
            on_error=self._show_error,
        )
        return self.job

    def _show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.summary_label.setText(plan.summary())
        _fill(self.new_table, [[n.row, n.name, n.id_masked, n.birth_date] for n in plan.new])
        updates = [
            [u.row, u.name, u.matched_by, ch.label, ch.old, ch.new]
            for u in plan.updated
            for ch in u.changes
        ]
        _fill(self.update_table, updates)
        _fill(
            self.duplicate_table, [[d.row, d.first_row, d.name, d.reason] for d in plan.duplicates]
        )
        _fill(self.error_table, [[e.row, e.column, e.reason] for e in plan.errors])
        _fill(
            self.address_table,
            [[q.row, q.address, "；".join(q.candidates), q.reason] for q in plan.address_questions],
        )
        c = plan.counts()
        shown = (c["new"], c["updated"], c["duplicate"], len(plan.errors))
        for i, n in enumerate((*shown, len(plan.address_questions))):
            base = self.tabs.tabText(i).split("（")[0]
            self.tabs.setTabText(i, f"{base}（{n}）")
        if not plan.clean:
            self.tabs.setCurrentWidget(self.error_table if plan.errors else self.duplicate_table)
        elif plan.address_questions:
            self.tabs.setCurrentWidget(self.address_table)
        self.pages.setCurrentIndex(2)
        self._update_buttons()

    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("导入台账"), message)

    def _save_report(self) -> None:
        if self.plan is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存错误报告"), f"{self.path.stem}-错误报告.xlsx", "Excel (*.xlsx)"
        )
        if path:
            self.save_report(Path(path))

    def save_report(self, path: Path) -> int:
        """Write the error report for the previewed plan; returns rows written."""
        assert self.plan is not None
        try:
            return save_error_report(self.plan, self.source(), path)
        except (ServiceError, OSError) as exc:
            QMessageBox.warning(self, self.tr("保存错误报告"), message_of(exc))
            return 0

    # --- page 4: import and result ---------------------------------------------------------

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_label)
        layout.addStretch(1)
        return page

    def run_import(self) -> Job:
        """Commit off the UI thread (all rows, or valid rows only as chosen)."""
        assert self.plan is not None
        source, ctx, plan = self.source(), self.ctx, self.plan
        valid_only = self.valid_only.isChecked()

        def work(control: JobControl) -> ImportResult:
            return commit_import(
                ctx,
                source,
                valid_only=valid_only,
                preview=plan,
                progress=lambda stage, done, total: control.progress(done, total, stage),
                cancel=control.cancelled,
            )

        self.job = run_with_progress(
            self,
            work,
            title=self.tr("正在导入"),
            on_done=self._imported,
            on_error=self._show_error,
            on_cancelled=lambda: self._show_error(self.tr("已取消导入，登记册未做任何改动")),
        )
        return self.job

    def _imported(self, result: ImportResult) -> None:
        self.result = result
        self.done_label.setText(
            self.tr("导入完成：{0}。导入前已自动备份数据库（{1}）。").format(
                result.plan.summary(), result.backup_file or self.tr("无")
            )
        )
        self.pages.setCurrentIndex(3)
        self._update_buttons()
        self.sig_imported.emit(result)

    # --- navigation ------------------------------------------------------------------------

    def go_next(self) -> None:
        page = self.pages.currentIndex()
        if page == 0:
            if self.load_sheet():
                self.pages.setCurrentIndex(1)
        elif page == 1:
            self.check_values()
        elif page == VALUES_PAGE:
            self._collect_values()
            self.run_preview()
        elif page == 2:
            self.run_import()
        self._update_buttons()

    def go_back(self) -> None:
        page = self.pages.currentIndex()
        if page == VALUES_PAGE:
            self._collect_values()
            target = 1
        elif page == 2 and self.unknown:
            target = VALUES_PAGE
        else:
            target = max(0, page - 1)
        self.pages.setCurrentIndex(target)
        self._update_buttons()

    def _update_buttons(self) -> None:
        page = self.pages.currentIndex()
        self.back_button.setEnabled(0 < page < 3 or page == VALUES_PAGE)
        self.next_button.setVisible(page < 3 or page == VALUES_PAGE)
        self.next_button.setText(self.tr("开始导入") if page == 2 else self.tr("下一步"))
        if page == 0:
            ok = self.sheet_combo.count() > 0
        elif page == 1:
            ok = self.preview_info is not None and not self.current_mapping().problems()
        elif page == 2:
            ok = self.plan is not None and (self.plan.clean or self.valid_only.isChecked())
        elif page == VALUES_PAGE:
            ok = True
        else:
            ok = False
        self.next_button.setEnabled(ok)
        self.close_button.setText(self.tr("完成") if page == 3 else self.tr("关闭"))
