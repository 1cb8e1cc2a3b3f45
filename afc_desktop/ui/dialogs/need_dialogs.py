"""Small dialogs for needs: record a need, refer it to a resource, change its status."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain import needs as rules
from ...services import needs, resources
from ...services.context import AppContext, ServiceError
from ...services.needs import NeedInput, NeedView
from ..domain_labels import label as domain_label
from ..service_messages import message_of
from ..widgets.forms import ERROR_STYLE
from ..widgets.labels import mark_data


class _Base(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.result_view: NeedView | None = None

    def _run(self, call) -> None:  # type: ignore[no-untyped-def]
        try:
            self.result_view = call()
        except ServiceError as exc:
            self.error.setText(message_of(exc))
            return
        self.accept()

    def save(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class NeedDialog(_Base):
    """Record a need for ``person_id``."""

    def __init__(self, ctx: AppContext, person_id: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("登记需求"), parent)
        self.ctx = ctx
        self.person_id = person_id
        self.kind = QComboBox()
        self.kind.addItem(self.tr("请选择"), "")
        for code, label in rules.SERVICE_TYPES:
            self.kind.addItem(domain_label(label), code)
        self.urgency = QComboBox()
        for code, label in rules.URGENCIES:
            self.urgency.addItem(domain_label(label), code)
        self.urgency.setCurrentIndex(self.urgency.findData("normal"))
        self.description = QLineEdit()
        self.form.addRow(self.tr("需求类型"), self.kind)
        self.form.addRow(self.tr("紧急程度"), self.urgency)
        self.form.addRow(self.tr("描述"), self.description)

    def save(self) -> None:
        data = NeedInput(
            self.person_id,
            self.kind.currentData(),
            self.description.text(),
            self.urgency.currentData(),
        )
        self._run(lambda: needs.create_need(self.ctx, data))


class ReferDialog(_Base):
    """Refer ``need`` to a resource offering that service (others listed after)."""

    def __init__(self, ctx: AppContext, need: NeedView, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("转介"), parent)
        self.ctx = ctx
        self.need = need
        self.resource = QComboBox()
        self.resource.addItem(self.tr("请选择资源"), "")
        offering = resources.list_resources(ctx, service=need.need_type, active_only=True)
        others = [
            r
            for r in resources.list_resources(ctx, active_only=True)
            if r.id not in {o.id for o in offering}
        ]
        for r in offering + others:
            mark = "★ " if r in offering else ""
            self.resource.addItem(f"{mark}{r.name}（{r.kind_label}）", r.id)
        self.note = QLineEdit()
        self.form.addRow(
            mark_data(
                QLabel(f"{need.person_name}：{domain_label(need.type_label)} {need.description}")
            )
        )
        self.form.addRow(self.tr("转介给"), self.resource)
        self.form.addRow(self.tr("说明"), self.note)

    def save(self) -> None:
        resource_id = self.resource.currentData()
        self._run(lambda: needs.refer_need(self.ctx, self.need.id, resource_id, self.note.text()))


class StatusDialog(_Base):
    """Move ``need`` to one of its allowed next statuses (转介 has its own dialog)."""

    def __init__(self, ctx: AppContext, need: NeedView, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("更改需求状态"), parent)
        self.ctx = ctx
        self.need = need
        self.status = QComboBox()
        for code in need.next_statuses:
            if code != "referred":
                self.status.addItem(domain_label(rules.status_label(code)), code)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("无法解决或退回时必填"))
        self.form.addRow(
            QLabel(self.tr("当前状态：{0}").format(domain_label(rules.status_label(need.status))))
        )
        self.form.addRow(self.tr("改为"), self.status)
        self.form.addRow(self.tr("原因"), self.reason)

    def save(self) -> None:
        target = self.status.currentData()
        if not target:
            self.error.setText(self.tr("当前状态不能再更改"))
            return
        self._run(
            lambda: needs.change_need_status(self.ctx, self.need.id, target, self.reason.text())
        )
