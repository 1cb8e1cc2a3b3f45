"""The register (登记册): search, filters and the lazy table of people, with add/edit/remove."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
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
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import people
from ...services import register
from ...services.context import AppContext, ServiceError
from ..dialogs.household_dialog import HouseholdDialog
from ..dialogs.incoming_dialog import IncomingDialog
from ..dialogs.person_dialog import PersonDialog
from ..dialogs.person_view import PersonViewDialog
from ..dialogs.remove_person_dialog import RemovePersonDialog
from ..domain_labels import label as domain_label
from ..jobs import Job
from ..models.person_table_model import (
    COL_ADDRESS,
    COL_AGE,
    COL_CATEGORIES,
    COL_GRADE,
    COL_ID,
    COL_NAME,
    COL_PHONE,
    COL_SEX,
    PersonTableModel,
)
from ..query import LatestQuery
from ..service_messages import message_of
from ..widgets.households_panel import HouseholdsPanel

SEARCH_DELAY_MS = 200
# Column widths follow the font (large text) through a typical value of each column.
COLUMN_SAMPLES = {
    COL_NAME: "欧阳小明",
    COL_SEX: "性别",
    COL_AGE: "年龄",
    COL_ID: "3205**********123X",
    COL_PHONE: "0512-65123456",
    COL_ADDRESS: "梅巷新村21幢3单元401室",
    COL_CATEGORIES: "空巢、低保、高龄、长寿",
    COL_GRADE: "能力等级",
}


NOT_INFORMED = "__not_informed__"  # the category filter's entry for 尚未告知


class Page(QWidget):
    """登记册 page; ``sig_person_opened(person_id)`` when a person page opens."""

    # Tables whose committed writes this page shows (``ui/change_hub.py``).
    WATCHES = frozenset({"person", "household"})

    def refresh_for_changes(self) -> None:
        """A write elsewhere (an import, a form, a bundle) changed people or households."""
        self.reload_estates()
        self.model.refresh_rows()  # edited people show their new values at once
        self.search_in_background()  # added or removed people join or leave the list

    sig_person_opened = Signal(str)
    sig_search_done = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.search = QLineEdit()
        self.search.setObjectName("registerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("查找：姓名、拼音或首字母（如 zsf）、身份证号或后几位、电话、地址（Ctrl+F）")
        )
        self.category = QComboBox()
        self.category.addItem(self.tr("全部类别"), None)
        for cat in people.ALL_CATEGORIES:
            self.category.addItem(domain_label(cat.label), cat.code)
        self.category.addItem(self.tr("尚未告知（告知书）"), NOT_INFORMED)
        self.age_band = QComboBox()
        self.age_band.addItem(self.tr("全部年龄"), None)
        for code, label, _low, _high in people.AGE_BANDS:
            self.age_band.addItem(label, code)
        self.estate = QComboBox()
        self.estate.setMinimumWidth(140)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.category)
        filters.addWidget(self.age_band)
        filters.addWidget(self.estate)

        self.add_person_button = QPushButton(self.tr("新增人员"))
        self.add_person_button.setToolTip(self.tr("新增人员（Ctrl+N）"))
        self.add_household_button = QPushButton(self.tr("新增家庭"))
        self.edit_button = QPushButton(self.tr("编辑"))
        self.remove_button = QPushButton(self.tr("移出"))
        self.remove_button.setToolTip(self.tr("将所选人员移出登记册（迁出、去世等）"))
        actions = QHBoxLayout()
        actions.addWidget(self.add_person_button)
        actions.addWidget(self.add_household_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.remove_button)
        self.import_button = QPushButton(self.tr("导入台账…"))
        self.import_button.setToolTip(self.tr("从 Excel 台账（.xlsx/.xls/.ods）导入人员"))
        self.import_button.clicked.connect(self.open_import)
        self.export_button = QPushButton(self.tr("导出…"))
        self.export_button.setToolTip(self.tr("把当前筛选出的人员导出为 Excel"))
        self.export_button.clicked.connect(lambda: self.export_current())
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)
        # people moving in from another community of the district (shown when there are some)
        self.incoming_button = QPushButton()
        self.incoming_button.clicked.connect(lambda: self.open_incoming())
        actions.addWidget(self.incoming_button)
        self.refresh_incoming()
        actions.addStretch(1)
        actions.addWidget(self.count_label)

        self.model = PersonTableModel(ctx, self)
        self.table = QTableView()
        self.table.setObjectName("registerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        vertical.hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.table.fontMetrics()
        for col, sample in COLUMN_SAMPLES.items():
            header.resizeSection(col, metrics.horizontalAdvance(sample) + 18)
        header.setStretchLastSection(True)

        people_tab = QWidget()
        people_layout = QVBoxLayout(people_tab)
        people_layout.setContentsMargins(0, 4, 0, 0)
        people_layout.addLayout(filters)
        people_layout.addLayout(actions)
        people_layout.addWidget(self.table, 1)
        self.households = HouseholdsPanel(ctx)
        self.households.sig_changed.connect(self._after_household_change)
        self.households.sig_open_person.connect(self.open_person_id)
        self.tabs = QTabWidget()
        self.tabs.addTab(people_tab, self.tr("人员"))
        self.tabs.addTab(self.households, self.tr("家庭"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self._households_loaded = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_in_background)
        self.search.textChanged.connect(self._timer.start)
        for combo in (self.category, self.age_band, self.estate):
            combo.currentIndexChanged.connect(self.search_in_background)
        self._search = LatestQuery(self)
        self.add_person_button.clicked.connect(self.new_item)
        self.add_household_button.clicked.connect(self.new_household)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.doubleClicked.connect(lambda index: self.open_person(index.row()))
        self.table.activated.connect(lambda index: self.open_person(index.row()))
        self.open_dialogs: list[QDialog] = []
        self.reload_estates()
        self.search_in_background()  # the window shows at once; the list fills a moment later

    # --- Excel in and out ---------------------------------------------------------------------

    def open_import(self) -> QDialog:
        """The import wizard (non-blocking); the list refreshes after a commit."""
        from ..dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, self)
        dialog.sig_imported.connect(lambda _result: (self.reload_estates(), self.run_search()))
        self.open_dialogs.append(dialog)
        dialog.open()
        return dialog

    def export_current(self, path: str | None = None) -> None:
        """Export the people the current search and filters show (masked IDs unless admin)."""
        from ...services.exporter import export_register
        from ..jobs import run_with_progress

        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("导出登记册"), "登记册.xlsx", self.tr("Excel 文件 (*.xlsx)")
            )
            if not path:
                return
        user = self.ctx.user
        full = bool(user and user.is_admin)
        query, ctx = self.query(), self.ctx

        def work(control):  # type: ignore[no-untyped-def]
            return export_register(
                ctx,
                path,
                query=query,
                full_ids=full,
                progress=lambda _stage, done, total: control.progress(done, total, ""),
                cancel=control.cancelled,
            )

        run_with_progress(
            self,
            work,
            title=self.tr("正在导出"),
            on_done=lambda n: self.count_label.setText(
                self.tr("已导出 {0} 人到 {1}").format(n, path)
            ),
            on_error=lambda msg: QMessageBox.warning(self, self.tr("导出失败"), msg),
        )

    def apply_filter(self, spec: dict) -> None:
        """Open the list behind a chart bar: {"categories": [code]} or {"age_band": code}."""
        self.tabs.setCurrentIndex(0)
        self.search.clear()
        cats = spec.get("categories") or []
        self.category.setCurrentIndex(max(0, self.category.findData(cats[0])) if cats else 0)
        band = spec.get("age_band")
        self.age_band.setCurrentIndex(max(0, self.age_band.findData(band)) if band else 0)
        self.estate.setCurrentIndex(0)
        self.run_search()

    # --- search ------------------------------------------------------------------------------

    def query(self) -> register.PersonQuery:
        """The current search box and filters as a PersonQuery."""
        chosen = self.category.currentData()
        categories = (chosen,) if chosen and chosen != NOT_INFORMED else ()
        return register.PersonQuery(
            text=self.search.text(),
            categories=categories,
            age_band=self.age_band.currentData(),
            estate=self.estate.currentData(),
            not_informed=chosen == NOT_INFORMED,
        )

    def run_search(self) -> None:
        """Search now, on this thread (after a save, so the new row is there at once)."""
        self._timer.stop()
        self._search.drop_pending()
        self._show_ids(register.search_person_ids(self.ctx, self.query()))

    def search_in_background(self) -> Job:
        """Search off the UI thread (typing, filters); only the latest answer is shown."""
        self._timer.stop()
        query, ctx = self.query(), self.ctx
        self.count_label.setText(self.tr("正在查找……"))
        return self._search.run(
            lambda: register.search_person_ids(ctx, query),
            self._show_ids,
            self.count_label.setText,
        )

    def _show_ids(self, ids: list[str]) -> None:
        self.model.set_ids(ids)
        self.count_label.setText(self.tr("共 {0} 人").format(len(ids)))
        self.sig_search_done.emit(len(ids))

    def reload_estates(self) -> None:
        current = self.estate.currentData()
        self.estate.blockSignals(True)
        self.estate.clear()
        self.estate.addItem(self.tr("全部小区/自然村"), None)
        for name in register.list_estates(self.ctx):
            self.estate.addItem(name, name)
        index = self.estate.findData(current) if current else 0
        self.estate.setCurrentIndex(max(0, index))
        self.estate.blockSignals(False)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def on_shown(self) -> None:
        self.search.setFocus()
        self.refresh_incoming()  # a receipt imported on the 同步 page may have brought some

    # --- actions -----------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.person_id(rows[0].row()) if rows else None

    def _keep(self, dialog: QDialog) -> None:
        """Hold a reference to an open (non-blocking) dialog until it closes."""
        self.open_dialogs.append(dialog)
        dialog.finished.connect(lambda *_: self._forget(dialog))

    def _forget(self, dialog: QDialog) -> None:
        if dialog in self.open_dialogs:
            self.open_dialogs.remove(dialog)

    def new_item(self) -> PersonDialog:
        """Open the add-person dialog (Ctrl+N)."""
        dialog = PersonDialog(self.ctx, parent=self)
        dialog.sig_saved.connect(self._after_save)
        self._keep(dialog)
        dialog.open()
        return dialog

    def new_household(self) -> HouseholdDialog:
        dialog = HouseholdDialog(self.ctx, parent=self)
        dialog.sig_saved.connect(lambda _h: self._after_household_change())
        self._keep(dialog)
        dialog.open()
        return dialog

    def edit_selected(self) -> PersonDialog | None:
        person_id = self.selected_id()
        if person_id is None:
            QMessageBox.information(self, self.tr("编辑"), self.tr("请先在列表中选中一位人员"))
            return None
        try:
            detail = register.get_person(self.ctx, person_id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("编辑"), message_of(exc))
            return None
        dialog = PersonDialog(self.ctx, detail, parent=self)
        dialog.sig_saved.connect(self._after_save)
        self._keep(dialog)
        dialog.open()
        return dialog

    def open_person(self, row: int) -> PersonViewDialog | None:
        """Open the person page of the row (double-click or Enter)."""
        person_id = self.model.person_id(row)
        return None if person_id is None else self.open_person_id(person_id)

    def open_person_id(self, person_id: str) -> PersonViewDialog:
        """Open the person page (人员详情) of ``person_id``."""
        dialog = PersonViewDialog(self.ctx, person_id, self)
        dialog.sig_changed.connect(lambda _id: self.model.refresh_rows())
        self._keep(dialog)
        dialog.open()
        self.sig_person_opened.emit(person_id)
        return dialog

    def refresh_incoming(self) -> None:
        """Show 迁入待接收 with its count, or hide it when nobody is waiting."""
        waiting = len(register.incoming_transfers(self.ctx))
        self.incoming_button.setText(self.tr("迁入待接收（{0}）…").format(waiting))
        self.incoming_button.setVisible(waiting > 0)

    def open_incoming(self) -> IncomingDialog:
        dialog = IncomingDialog(self.ctx, self)
        dialog.sig_accepted.connect(lambda _pid: self.run_search())
        dialog.finished.connect(lambda _r: self.refresh_incoming())
        self._keep(dialog)
        dialog.open()
        return dialog

    def remove_selected(self) -> None:
        person_id = self.selected_id()
        if person_id is None:
            QMessageBox.information(self, self.tr("移出"), self.tr("请先在列表中选中一位人员"))
            return
        row = self.model.row_at(self.model.row_of(person_id))
        name = row.name if row else ""
        dialog = RemovePersonDialog(self.ctx, person_id, name, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.run_search()

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.households and not self._households_loaded:
            self._households_loaded = True
            self.households.reload()

    def _after_household_change(self) -> None:
        self.reload_estates()
        self.run_search()

    def _after_save(self, person_id: str) -> None:
        self.reload_estates()
        self.run_search()
        row = self.model.row_of(person_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(
                self.model.index(row, 0), QAbstractItemView.ScrollHint.EnsureVisible
            )
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
