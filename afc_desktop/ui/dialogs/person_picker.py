"""Pick a person from the register by the same search as the register page (name, pinyin
initials, ID digits, phone, address)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services import register
from ...services.context import AppContext

ROLE_ID = 0x0100  # Qt.UserRole


class PersonPickerDialog(QDialog):
    """``chosen_id()`` after ``accept()``."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, elders_only: bool = False
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.elders_only = elders_only
        self.setWindowTitle(self.tr("选择人员"))
        self.resize(520, 420)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("姓名、拼音首字母、身份证号后几位、电话或地址"))
        self.search.textChanged.connect(self.refresh)
        self.results = QListWidget()
        self.results.itemDoubleClicked.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(buttons)

    def refresh(self) -> None:
        self.results.clear()
        text = self.search.text().strip()
        if not text:
            return
        ids = register.search_person_ids(
            self.ctx, register.PersonQuery(text=text, elders_only=self.elders_only, limit=50)
        )
        for row in register.person_rows(self.ctx, ids):
            age = self.tr("{0}岁").format(row.age) if row.age is not None else ""
            item = QListWidgetItem(f"{row.name}　{age}　{row.id_masked}　{row.address}")
            item.setData(ROLE_ID, row.id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def chosen_id(self) -> str | None:
        item = self.results.currentItem()
        return item.data(ROLE_ID) if item else None
