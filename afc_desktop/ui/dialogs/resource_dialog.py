"""Add or edit a community resource (社区资源)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.needs import SERVICE_TYPES
from ...services import resources
from ...services.context import AppContext, ServiceError
from ...services.resources import RESOURCE_KINDS, ResourceInput, ResourceView
from ..domain_labels import label as domain_label
from ..service_messages import message_of
from ..widgets.forms import ERROR_STYLE


class ResourceDialog(QDialog):
    """``sig_saved(ResourceView)`` after a successful save."""

    sig_saved = Signal(object)

    def __init__(
        self, ctx: AppContext, resource: ResourceView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.resource = resource
        self.setWindowTitle(self.tr("编辑资源") if resource else self.tr("新增资源"))
        self.kind = QComboBox()
        for code, label in RESOURCE_KINDS:
            self.kind.addItem(domain_label(label), code)
        self.name = QLineEdit()
        self.contact = QLineEdit()
        self.phone = QLineEdit()
        self.address = QLineEdit()
        self.capacity = QLineEdit()
        self.capacity.setPlaceholderText(self.tr("如：床位20张、每天供餐60份"))
        self.hours = QLineEdit()
        self.hours.setPlaceholderText(self.tr("如：周一至周五 8:30-17:00"))
        self.services: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for i, (code, label) in enumerate(SERVICE_TYPES):
            box = QCheckBox(domain_label(label))
            self.services[code] = box
            grid.addWidget(box, i // 4, i % 4)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.active = QCheckBox(self.tr("可以转介（在用）"))
        self.active.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("类别"), self.kind)
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("联系人"), self.contact)
        form.addRow(self.tr("联系电话"), self.phone)
        form.addRow(self.tr("地址"), self.address)
        form.addRow(self.tr("服务能力"), self.capacity)
        form.addRow(self.tr("服务时间"), self.hours)
        form.addRow(QLabel(self.tr("提供的服务")))
        form.addRow(grid)
        form.addRow(self.tr("备注"), self.notes)
        form.addRow(self.active)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if resource is not None:
            self._load(resource)

    def _load(self, r: ResourceView) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(r.kind)))
        self.name.setText(r.name)
        self.contact.setText(r.contact_name)
        self.phone.setText(r.phone)
        self.address.setText(r.address)
        self.capacity.setText(r.capacity)
        self.hours.setText(r.hours)
        for code, box in self.services.items():
            box.setChecked(code in r.services)
        self.notes.setPlainText(r.notes)
        self.active.setChecked(r.active)

    def data(self) -> ResourceInput:
        return ResourceInput(
            kind=self.kind.currentData(),
            name=self.name.text(),
            contact_name=self.contact.text(),
            phone=self.phone.text(),
            address=self.address.text(),
            services=tuple(c for c, box in self.services.items() if box.isChecked()),
            capacity=self.capacity.text(),
            hours=self.hours.text(),
            notes=self.notes.toPlainText(),
            active=self.active.isChecked(),
        )

    def save(self) -> ResourceView | None:
        try:
            if self.resource is None:
                view = resources.create_resource(self.ctx, self.data())
            else:
                view = resources.update_resource(self.ctx, self.resource.id, self.data())
        except ServiceError as exc:
            self.error.setText(message_of(exc))
            return None
        self.sig_saved.emit(view)
        self.accept()
        return view
