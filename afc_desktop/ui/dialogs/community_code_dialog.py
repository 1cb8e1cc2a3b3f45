"""Complete the community's 12-digit code (补全社区代码), asked once of an administrator whose
installation was set up with the 6-digit county code only."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...services import setup
from ...services.context import AppContext, ServiceError
from ..service_messages import message_of
from ..widgets.forms import ERROR_STYLE


class CommunityCodeDialog(QDialog):
    """Accepts once the code is saved; 以后再说 closes it (it is asked again next start)."""

    def __init__(
        self, ctx: AppContext, view: setup.CommunityView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("补全社区代码"))
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr(
                "本社区（{0}）还没有12位统计用区划代码。区级用它区分同名社区、统计和接收同步包。"
                "请向街道或区民政部门确认后填写。"
            ).format(view.full_name)
        )
        intro.setWordWrap(True)
        self.code = QLineEdit(view.street_code or view.district_code)
        self.code.setObjectName("communityCode")
        self.code.setMaxLength(12)
        self.street = QLineEdit()
        self.street.setPlaceholderText(self.tr("只在参考数据没有这个街道时填写"))
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("社区代码"), self.code)
        form.addRow(self.tr("街道（镇）"), self.street)
        buttons = QDialogButtonBox()
        save = buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        later = buttons.addButton(self.tr("以后再说"), QDialogButtonBox.ButtonRole.RejectRole)
        save.clicked.connect(self.save)
        later.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> bool:
        try:
            setup.complete_code(self.ctx, self.code.text(), self.street.text())
        except ServiceError as exc:
            self.error.setText(message_of(exc))
            self.adjustSize()  # the message may take lines: grow rather than squeeze the text
            return False
        self.accept()
        return True


def ask_if_needed(ctx: AppContext, parent: QWidget | None = None) -> CommunityCodeDialog | None:
    """Offer an administrator the code form when the code is missing.

    The form is shown beside the window, not modal: the day's work is not held up by it, and it
    is offered again at the next start until the code is saved. The dialog is parented to the
    window so Qt keeps it alive; it is returned for tests and for the caller to keep.
    """
    if ctx.user is None or not ctx.user.is_admin:
        return None
    view = setup.local_community(ctx)
    if view is None or not view.needs_code:
        return None
    dialog = CommunityCodeDialog(ctx, view, parent)
    dialog.setModal(False)
    dialog.show()
    return dialog
