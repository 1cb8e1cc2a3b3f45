"""资源 page: the community resource register and the advisory/errand service log."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.needs import SERVICE_TYPES
from ...services import resources, service_log
from ...services.context import AppContext
from ...services.resources import RESOURCE_KINDS, ResourceView
from ...services.service_log import KIND_LABELS, ServiceView
from ..dialogs.person_picker import PersonPickerDialog
from ..dialogs.resource_dialog import ResourceDialog
from ..dialogs.service_dialog import ServiceDialog
from ..domain_labels import label as domain_label
from ..models.rows_table_model import Column, RowsTableModel
from ..widgets.tables import make_table, selected_row


class Page(QWidget):
    """资源."""

    # Tables whose committed writes this page shows (``ui/change_hub.py``).
    WATCHES = frozenset({"resource", "service_log"})

    def refresh_for_changes(self) -> None:
        """A write elsewhere changed what this page shows."""
        self.refresh()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_resources(), self.tr("社区资源"))
        self.tabs.addTab(self._build_services(), self.tr("养老顾问与帮办代办"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.refresh()

    # --- resources ---------------------------------------------------------------------------

    def _build_resources(self) -> QWidget:
        self.kind = QComboBox()
        self.kind.addItem(self.tr("全部类别"), None)
        for code, label in RESOURCE_KINDS:
            self.kind.addItem(domain_label(label), code)
        self.service = QComboBox()
        self.service.addItem(self.tr("全部服务"), None)
        for code, label in SERVICE_TYPES:
            self.service.addItem(domain_label(label), code)
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("名称、地址或联系人"))
        for w in (self.kind, self.service):
            w.currentIndexChanged.connect(lambda _i: self.refresh_resources())
        self.query.textChanged.connect(lambda _t: self.refresh_resources())
        self.resource_model: RowsTableModel[ResourceView] = RowsTableModel(
            [
                Column(self.tr("类别"), lambda r: r.kind_label),
                Column(self.tr("名称"), lambda r: r.name),
                Column(self.tr("提供的服务"), lambda r: "、".join(r.service_labels)),
                Column(self.tr("联系人"), lambda r: r.contact_name),
                Column(self.tr("电话"), lambda r: r.phone),
                Column(self.tr("服务时间"), lambda r: r.hours),
                Column(self.tr("服务能力"), lambda r: r.capacity),
                Column(self.tr("状态"), lambda r: "" if r.active else self.tr("停用")),
                Column(self.tr("地址"), lambda r: r.address),
            ],
            parent=self,
        )
        self.resource_table = make_table(
            self.resource_model, "resourceTable", (80, 180, 200, 70, 110, 140, 90, 50)
        )
        self.resource_table.doubleClicked.connect(lambda _i: self.edit_selected())
        add = QPushButton(self.tr("新增资源"))
        add.clicked.connect(self.add_resource)
        edit = QPushButton(self.tr("编辑"))
        edit.clicked.connect(self.edit_selected)
        remove = QPushButton(self.tr("删除"))
        remove.clicked.connect(self._remove_selected)
        bar = QHBoxLayout()
        for w in (self.query, self.kind, self.service, add, edit, remove):
            bar.addWidget(w)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.resource_table)
        return page

    def refresh_resources(self) -> None:
        self.resource_model.set_rows(
            resources.list_resources(
                self.ctx,
                kind=self.kind.currentData(),
                service=self.service.currentData(),
                query=self.query.text(),
            )
        )

    def add_resource(self) -> ResourceDialog:
        dialog = ResourceDialog(self.ctx, None, self)
        dialog.sig_saved.connect(lambda _v: self.refresh_resources())
        dialog.open()
        return dialog

    def edit_selected(self) -> ResourceDialog | None:
        resource = self.resource_model.row_at(selected_row(self.resource_table))
        if resource is None:
            return None
        dialog = ResourceDialog(self.ctx, resource, self)
        dialog.sig_saved.connect(lambda _v: self.refresh_resources())
        dialog.open()
        return dialog

    def _remove_selected(self) -> None:
        resource = self.resource_model.row_at(selected_row(self.resource_table))
        if resource is None:
            return
        answer = QMessageBox.question(
            self, self.tr("删除资源"), self.tr("删除资源“{0}”？").format(resource.name)
        )
        if answer == QMessageBox.StandardButton.Yes:
            resources.remove_resource(self.ctx, resource.id)
            self.refresh_resources()

    # --- service log -------------------------------------------------------------------------

    def _build_services(self) -> QWidget:
        self.service_model: RowsTableModel[ServiceView] = RowsTableModel(
            [
                Column(self.tr("日期"), lambda s: s.service_date),
                Column(self.tr("人员"), lambda s: s.person_name),
                Column(self.tr("类别"), lambda s: s.kind_label),
                Column(self.tr("服务内容"), lambda s: s.summary),
                Column(self.tr("用时（分钟）"), lambda s: s.minutes, align_right=True),
                Column(self.tr("结果"), lambda s: s.outcome),
                Column(self.tr("社工"), lambda s: s.worker_name),
            ],
            parent=self,
        )
        self.service_table = make_table(
            self.service_model, "serviceTable", (90, 80, 120, 300, 90, 120)
        )
        add = QPushButton(self.tr("登记服务"))
        add.clicked.connect(self.add_service)
        self.service_totals = QLabel()
        self.service_totals.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(add)
        bar.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.service_table)
        layout.addWidget(self.service_totals)
        return page

    def refresh_services(self) -> None:
        self.service_model.set_rows(service_log.list_services(self.ctx, limit=2000))
        today = self.ctx.today()
        totals = service_log.service_totals(self.ctx, today.year, today.month)
        parts = [
            self.tr("{0} {1} 次").format(domain_label(KIND_LABELS[k]), n)
            for k, n in sorted(totals.counts.items())
        ]
        self.service_totals.setText(
            self.tr("本月：{0}；服务 {1} 人").format(
                self.tr("，").join(parts) or self.tr("无"), totals.people
            )
        )

    def add_service(self) -> None:
        picker = PersonPickerDialog(self.ctx, self)
        if picker.exec() != QDialog.DialogCode.Accepted or not picker.chosen_id():
            return
        dialog = ServiceDialog(self.ctx, picker.chosen_id() or "", self)
        dialog.sig_saved.connect(lambda _v: self.refresh_services())
        dialog.open()

    # --- page contract -----------------------------------------------------------------------

    def refresh(self) -> None:
        if self.tabs.currentIndex() == 0:
            self.refresh_resources()
        else:
            self.refresh_services()

    def on_shown(self) -> None:
        self.refresh()
