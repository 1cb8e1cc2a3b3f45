"""Thumbnails of the photos kept with a person or a record (照片), with add, export and remove.

Used on the person page (all of a person's photos, their visits' and assessments' included) and
in the visit dialog (the visit's own). Adding a photo stores it downscaled and without its
location data (``services/attachments.py``); a photo whose picture has not arrived from another
computer yet shows as 等待同步.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...services import attachments as att
from ...services.context import AppContext, ServiceError
from ..service_messages import message_of

ICON = 120
# services.attachments.ROLES, marked for translation (the service layer has no Qt)
ROLE_TEXT = {
    "photo": QT_TRANSLATE_NOOP("AttachmentStrip", "照片"),
    "before": QT_TRANSLATE_NOOP("AttachmentStrip", "改造前"),
    "after": QT_TRANSLATE_NOOP("AttachmentStrip", "改造后"),
    "signed": QT_TRANSLATE_NOOP("AttachmentStrip", "签字表"),
    "scan": QT_TRANSLATE_NOOP("AttachmentStrip", "扫描件"),
}


def role_text(code: str) -> str:
    """What a photo shows, in the interface's language."""
    label = ROLE_TEXT.get(code)
    return QCoreApplication.translate("AttachmentStrip", label) if label else code


class AttachmentStrip(QWidget):
    """The photos of one owner (``owner_kind``/``owner_id``) or of one person (``person_id``).

    ``ensure_owner`` is asked for the owner's id before a photo is added (the visit dialog saves
    its draft first, so a new visit can take photos); it returns None to refuse.
    """

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        owner_kind: str,
        owner_id: str | None,
        person_id: str | None = None,
        ensure_owner: Callable[[], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.owner_kind = owner_kind
        self.owner_id = owner_id
        self.person_id = person_id
        self.ensure_owner = ensure_owner
        self.views: list[att.AttachmentView] = []

        self.list = QListWidget()
        self.list.setObjectName("attachmentList")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(ICON, ICON))
        self.list.setGridSize(QSize(ICON + 28, ICON + 44))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(ICON + 56)
        self.list.itemDoubleClicked.connect(lambda _item: self.show_selected())
        self.role = QComboBox()
        for code, _label in att.ROLES:
            self.role.addItem(role_text(code), code)
        add = QPushButton(self.tr("添加照片…"))
        add.clicked.connect(self._pick_files)
        self.export_button = QPushButton(self.tr("导出…"))
        self.export_button.clicked.connect(self._export_selected)
        self.remove_button = QPushButton(self.tr("删除"))
        self.remove_button.clicked.connect(self._remove_selected)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("attachmentMessage")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("用途")))
        row.addWidget(self.role)
        row.addWidget(add)
        row.addStretch(1)
        row.addWidget(self.export_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.reload()

    # --- showing -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the photos again and draw their thumbnails."""
        self.list.clear()
        if self.person_id:
            self.views = att.list_attachments(self.ctx, person_id=self.person_id)
        elif self.owner_id:
            self.views = att.list_attachments(
                self.ctx, owner_kind=self.owner_kind, owner_id=self.owner_id
            )
        else:
            self.views = []
        for view in self.views:
            text = role_text(view.role)
            if view.caption:
                text += "\n" + view.caption
            item = QListWidgetItem(text)
            item.setToolTip(text)
            thumb = att.thumbnail(self.ctx, view.id) if view.available else None
            if thumb is not None:
                pixmap = QPixmap()
                pixmap.loadFromData(thumb, "JPEG")
                item.setIcon(pixmap)
            else:
                item.setText(text + "\n" + self.tr("（等待同步）"))
            self.list.addItem(item)
        has = bool(self.views)
        self.export_button.setEnabled(has)
        self.remove_button.setEnabled(has)
        if has:
            self.list.setCurrentRow(0)

    def selected(self) -> att.AttachmentView | None:
        """The photo under the cursor."""
        row = self.list.currentRow()
        return self.views[row] if 0 <= row < len(self.views) else None

    def show_selected(self) -> QDialog | None:
        """Open the selected photo at full size."""
        view = self.selected()
        if view is None:
            return None
        try:
            data = att.picture(self.ctx, view.id)
        except ServiceError as exc:
            self.message.setText(message_of(exc))
            return None
        dialog = QDialog(self)
        dialog.setWindowTitle(role_text(view.role))
        label = QLabel()
        pixmap = QPixmap()
        pixmap.loadFromData(data, "JPEG")
        label.setPixmap(pixmap)
        scroll = QScrollArea()
        scroll.setWidget(label)
        scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(dialog)
        layout.addWidget(scroll)
        dialog.resize(min(pixmap.width() + 40, 1000), min(pixmap.height() + 40, 760))
        dialog.show()
        return dialog

    # --- changing ----------------------------------------------------------------------------

    def _pick_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("选择照片"),
            "",
            self.tr("照片 (*.jpg *.jpeg *.heic *.heif *.png *.webp *.tif *.tiff *.bmp *.gif)"),
        )
        if names:
            self.add_files([Path(n) for n in names])

    def add_files(self, paths: Sequence[Path], caption: str = "") -> list[str]:
        """Attach ``paths`` with the chosen role; returns the refusals (also shown)."""
        owner_id = self.owner_id
        if self.ensure_owner is not None:
            owner_id = self.ensure_owner()
        if not owner_id:
            return []
        self.owner_id = owner_id
        refusals: list[str] = []
        for path in paths:
            try:
                att.add_attachment(
                    self.ctx,
                    self.owner_kind,
                    owner_id,
                    path,
                    role=str(self.role.currentData()),
                    caption=caption,
                )
            except ServiceError as exc:
                refusals.append(f"{path.name}：{message_of(exc)}")
        self.message.setText("\n".join(refusals))
        self.reload()
        return refusals

    def _export_selected(self) -> None:
        view = self.selected()
        if view is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出照片"), f"{view.role}-{view.id[:8]}.jpg", "JPEG (*.jpg)"
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> Path | None:
        """Write the selected photo to ``path``."""
        view = self.selected()
        if view is None:
            return None
        try:
            return att.export_attachment(self.ctx, view.id, path)
        except ServiceError as exc:
            self.message.setText(message_of(exc))
        except OSError:
            self.message.setText(self.tr("无法写入该文件"))
        return None

    def _remove_selected(self) -> None:
        view = self.selected()
        if view is None:
            return
        answer = QMessageBox.question(
            self, self.tr("删除照片"), self.tr("删除这张照片吗？（其他电脑同步后也会删除）")
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.remove_selected()

    def remove_selected(self) -> None:
        """Remove the selected photo (a synced removal)."""
        view = self.selected()
        if view is None:
            return
        try:
            att.remove_attachment(self.ctx, view.id)
        except ServiceError as exc:
            self.message.setText(message_of(exc))
        self.reload()
