"""The households half of the register (家庭): find by address, edit, add a member."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services import register
from ...services.context import AppContext
from ...services.register import HouseholdView
from ..dialogs.household_dialog import HouseholdDialog
from ..dialogs.household_merge_dialog import DuplicatesDialog, SplitDialog
from ..dialogs.household_visit_dialog import open_household_visit
from ..dialogs.person_dialog import PersonDialog

LIMIT = 200


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class HouseholdsPanel(QWidget):
    """Households matching an address search, with the selected one's members below."""

    sig_changed = Signal()  # a household or member was saved
    sig_open_person = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("按地址查找家庭，如：梅巷新村3幢"))
        self.count_label = QLabel()
        self.add_button = QPushButton(self.tr("新增家庭"))
        self.edit_button = QPushButton(self.tr("编辑家庭"))
        self.add_member_button = QPushButton(self.tr("添加家庭成员"))
        self.visit_button = QPushButton(self.tr("入户探访"))
        self.split_button = QPushButton(self.tr("拆分…"))
        self.split_button.setToolTip(self.tr("把下方选中的成员拆分到另一个门牌"))
        self.duplicates_button = QPushButton(self.tr("同一户核对…"))
        self.duplicates_button.setToolTip(self.tr("地址写法不同但可能是同一户的家庭，可合并"))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.add_member_button)
        top.addWidget(self.visit_button)
        top.addWidget(self.split_button)
        top.addWidget(self.duplicates_button)
        top.addWidget(self.count_label)
        self.households = _table(
            [self.tr("地址"), self.tr("类型"), self.tr("人数"), self.tr("家庭电话")]
        )
        self.households.setColumnWidth(0, 320)
        self.members = _table(
            [self.tr("姓名"), self.tr("性别"), self.tr("年龄"), self.tr("电话"), self.tr("类别")]
        )
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.households)
        splitter.addWidget(self.members)
        splitter.setSizes([400, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._views: list[HouseholdView] = []
        self._member_ids: list[str] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._timer.start)
        self.households.itemSelectionChanged.connect(self._show_members)
        self.households.doubleClicked.connect(lambda _i: self.edit_selected())
        self.members.doubleClicked.connect(self._open_member)
        self.add_button.clicked.connect(self.add_household)
        self.edit_button.clicked.connect(self.edit_selected)
        self.add_member_button.clicked.connect(self.add_member)
        self.visit_button.clicked.connect(self.visit_selected)
        self.split_button.clicked.connect(self.split_selected)
        self.duplicates_button.clicked.connect(self.review_duplicates)
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.dialogs: list[QWidget] = []

    def reload(self) -> None:
        self._timer.stop()
        self._views = register.find_households(self.ctx, self.search.text(), limit=LIMIT)
        self.households.clearSelection()
        self.households.setRowCount(len(self._views))
        for r, h in enumerate(self._views):
            kind = self.tr("农村") if h.kind == "rural" else self.tr("城镇")
            for c, v in enumerate((h.address_text, kind, str(h.member_count), h.phone)):
                self.households.setItem(r, c, QTableWidgetItem(v))
        more = self.tr("（只显示前{0}户，请输入地址缩小范围）").format(LIMIT)
        self.count_label.setText(
            self.tr("{0} 户").format(len(self._views)) + (more if len(self._views) >= LIMIT else "")
        )
        self.members.setRowCount(0)

    def selected(self) -> HouseholdView | None:
        rows = self.households.selectionModel().selectedRows()
        return self._views[rows[0].row()] if rows else None

    def _show_members(self) -> None:
        h = self.selected()
        self.members.setRowCount(0)
        self._member_ids = []
        if h is None:
            return
        _view, rows = register.get_household(self.ctx, h.id)
        self.members.setRowCount(len(rows))
        self._member_ids = [m.id for m in rows]
        for r, m in enumerate(rows):
            age = "" if m.age is None else str(m.age)
            for c, v in enumerate((m.name, m.sex, age, m.phone, "、".join(m.categories))):
                self.members.setItem(r, c, QTableWidgetItem(v))

    def _open_member(self, index) -> None:  # type: ignore[no-untyped-def]
        if 0 <= index.row() < len(self._member_ids):
            self.sig_open_person.emit(self._member_ids[index.row()])

    def _open(self, dialog: HouseholdDialog | PersonDialog) -> None:
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda *_: self.dialogs.remove(dialog))
        dialog.open()

    def _saved(self, *_args: object) -> None:
        selected = self.selected()
        self.reload()
        if selected is not None:
            for r, h in enumerate(self._views):
                if h.id == selected.id:
                    self.households.selectRow(r)
        self._show_members()
        self.sig_changed.emit()

    def add_household(self) -> HouseholdDialog:
        dialog = HouseholdDialog(self.ctx, parent=self)
        dialog.sig_saved.connect(self._saved)
        self._open(dialog)
        return dialog

    def edit_selected(self) -> HouseholdDialog | None:
        h = self.selected()
        if h is None:
            self.count_label.setText(self.tr("请先选中一户"))
            return None
        dialog = HouseholdDialog(self.ctx, h, parent=self)
        dialog.sig_saved.connect(self._saved)
        self._open(dialog)
        return dialog

    def add_member(self) -> PersonDialog | None:
        h = self.selected()
        if h is None:
            self.count_label.setText(self.tr("请先选中一户"))
            return None
        dialog = PersonDialog(self.ctx, parent=self, household_id=h.id)
        dialog.sig_saved.connect(self._saved)
        self._open(dialog)
        return dialog

    def visit_selected(self) -> QWidget | None:
        """Start a household visit (入户探访) for the selected household."""
        h = self.selected()
        if h is None:
            self.count_label.setText(self.tr("请先选中一户"))
            return None
        dialog = open_household_visit(self.ctx, self, household_id=h.id, started_from="household")
        if dialog is not None:
            dialog.sig_saved.connect(lambda _v: self.sig_changed.emit())
            self.dialogs.append(dialog)
        return dialog

    def selected_member_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.members.selectionModel().selectedRows()})
        return [self._member_ids[r] for r in rows if r < len(self._member_ids)]

    def split_selected(self) -> SplitDialog | None:
        """Move the selected members to another door (拆分家庭)."""
        h = self.selected()
        moving = self.selected_member_ids()
        if h is None or not moving:
            self.count_label.setText(self.tr("请先选中一户，并在下方选中要拆分出去的成员"))
            return None
        dialog = SplitDialog(self.ctx, h, moving, self)
        dialog.sig_saved.connect(self._saved)
        self.dialogs.append(dialog)
        dialog.open()
        return dialog

    def review_duplicates(self) -> DuplicatesDialog:
        """Households that are (or may be) one door, to merge (合并家庭)."""
        dialog = DuplicatesDialog(self.ctx, self)
        dialog.sig_merged.connect(self._saved)
        self.dialogs.append(dialog)
        dialog.open()
        return dialog
