"""One door, one household (一户一门): merge households that are one door, split one that holds
two. The software never merges an unsure match alone; these dialogs let a worker decide."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services import households
from ...services.context import AppContext, ServiceError
from ...services.households import DuplicateGroup
from ...services.register import HouseholdView, ValidationFailed
from ..service_messages import message_of, shown
from .household_dialog import HouseholdDialog


class DuplicatesDialog(QDialog):
    """Groups of households that are (or may be) the same door; merge one group at a time
    into the household chosen to keep. Emits ``sig_merged(HouseholdView)``."""

    sig_merged = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("同一户核对"))
        self.resize(640, 420)
        self.groups: list[DuplicateGroup] = []
        self.tree = QTreeWidget()
        self.tree.setObjectName("duplicateGroups")
        self.tree.setHeaderLabels([self.tr("地址"), self.tr("人数")])
        self.tree.setColumnWidth(0, 420)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.hint = QLabel(
            self.tr(
                "选中要保留的那一户，点“合并到这一户”：同组其他家庭的成员和探访记录并入，"
                "原家庭删除。不是同一户的，不用处理。"
            )
        )
        self.hint.setWordWrap(True)
        self.merge_button = QPushButton(self.tr("合并到这一户"))
        self.merge_button.clicked.connect(self.merge_selected)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.groups = households.possible_duplicates(self.ctx)
        self.tree.clear()
        for g in self.groups:
            title = self.tr("同一户") if g.verdict == "same" else self.tr("可能同一户，请核对")
            top = QTreeWidgetItem([title, ""])
            for h in g.households:
                top.addChild(QTreeWidgetItem([h.address_text, str(h.member_count)]))
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        if not self.groups:
            self.tree.addTopLevelItem(QTreeWidgetItem([self.tr("没有地址重复的家庭"), ""]))
        self.merge_button.setEnabled(bool(self.groups))

    def select(self, group: int, household: int) -> None:
        self.tree.setCurrentItem(self.tree.topLevelItem(group).child(household))

    def merge_selected(self) -> HouseholdView | None:
        item = self.tree.currentItem()
        parent = item.parent() if item is not None else None
        if item is None or parent is None:
            QMessageBox.information(self, self.windowTitle(), self.tr("请选中要保留的那一户"))
            return None
        group = self.groups[self.tree.indexOfTopLevelItem(parent)]
        keep = group.households[parent.indexOfChild(item)]
        others = [h.id for h in group.households if h.id != keep.id]
        try:
            view = households.merge_households(self.ctx, keep.id, others)
        except ServiceError as exc:
            QMessageBox.warning(self, self.windowTitle(), message_of(exc))
            return None
        self.sig_merged.emit(view)
        self.reload()
        return view


class SplitDialog(HouseholdDialog):
    """The new door for members moved out of a household (拆分家庭)."""

    def __init__(
        self,
        ctx: AppContext,
        source: HouseholdView,
        person_ids: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent=parent)
        self.source = source
        self.person_ids = person_ids
        self.setWindowTitle(self.tr("拆分家庭：新门牌"))
        self.estate.setCurrentText(source.estate)

    def save(self) -> None:
        for f in self.fields.values():
            f.set_error("")
        self.general_error.clear()
        try:
            self.saved = households.split_household(
                self.ctx, self.source.id, self.person_ids, self.value()
            )
        except ValidationFailed as exc:
            for p in exc.problems:
                target = self.fields.get(p.field)
                (target.set_error if target else self.general_error.setText)(shown(p.message))
            return
        except ServiceError as exc:
            self.general_error.setText(message_of(exc))
            return
        self.sig_saved.emit(self.saved)
        self.accept()
