"""Add or edit a household (家庭): urban 小区/楼栋/单元/室 or rural 自然村/组/门牌."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...services import households, register
from ...services.context import AppContext, ServiceError
from ...services.register import HouseholdInput, HouseholdView, ValidationFailed
from ..service_messages import message_of, shown
from ..widgets.forms import ERROR_STYLE, FieldWithError
from ..widgets.labels import mark_data


class HouseholdDialog(QDialog):
    """Household form with a live preview of the composed address; emits ``sig_saved``."""

    sig_saved = Signal(object)  # HouseholdView

    def __init__(
        self, ctx: AppContext, household: HouseholdView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.household = household
        self.saved: HouseholdView | None = None
        self.setWindowTitle(self.tr("编辑家庭") if household else self.tr("新增家庭"))
        self.urban = QRadioButton(self.tr("城镇（小区/楼栋/单元/室）"))
        self.rural = QRadioButton(self.tr("农村（自然村/组/门牌）"))
        group = QButtonGroup(self)
        group.addButton(self.urban)
        group.addButton(self.rural)
        self.urban.setChecked(True)
        kinds = QHBoxLayout()
        kinds.addWidget(self.urban)
        kinds.addWidget(self.rural)
        self.estate = QComboBox()
        self.estate.setEditable(True)
        self.estate.addItems(register.list_estates(ctx))
        self.estate.setCurrentText("")
        self.building = QLineEdit()
        self.unit = QLineEdit()
        self.room = QLineEdit()
        self.phone = QLineEdit()
        self.notes = QLineEdit()
        self.fields = {
            "estate": FieldWithError(self.estate),
            "building": FieldWithError(self.building),
            "unit": FieldWithError(self.unit),
            "room": FieldWithError(self.room),
            "phone": FieldWithError(self.phone),
            "notes": FieldWithError(self.notes),
        }
        self.form = QFormLayout()
        self.form.addRow(self.tr("类型"), kinds)
        self.labels: dict[str, QLabel] = {}
        for key in ("estate", "building", "unit", "room"):
            self.labels[key] = QLabel()
            self.form.addRow(self.labels[key], self.fields[key])
        self.form.addRow(self.tr("家庭电话"), self.fields["phone"])
        self.form.addRow(self.tr("备注"), self.fields["notes"])
        self.preview = mark_data(QLabel())  # the address as it will be stored
        self.preview.setObjectName("addressPreview")
        self.preview.setStyleSheet("font-weight: bold;")
        self.form.addRow(self.tr("地址预览"), self.preview)
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        for signal in (
            self.urban.toggled,
            self.estate.currentTextChanged,
            self.building.textChanged,
            self.unit.textChanged,
            self.room.textChanged,
        ):
            signal.connect(self._update)
        if household:
            (self.rural if household.kind == "rural" else self.urban).setChecked(True)
            self.estate.setCurrentText(household.estate)
            self.building.setText(household.building)
            self.unit.setText(household.unit)
            self.room.setText(household.room)
            self.phone.setText(household.phone)
            self.notes.setText(household.notes)
        self._update()

    def value(self) -> HouseholdInput:
        rural = self.rural.isChecked()
        return HouseholdInput(
            kind="rural" if rural else "urban",
            estate=self.estate.currentText(),
            building=self.building.text(),
            unit="" if rural else self.unit.text(),
            room=self.room.text(),
            phone=self.phone.text(),
            notes=self.notes.text(),
        )

    def _update(self) -> None:
        rural = self.rural.isChecked()
        names = (
            (self.tr("自然村"), self.tr("组"), self.tr("单元"), self.tr("门牌号"))
            if rural
            else (self.tr("小区"), self.tr("楼栋（幢）"), self.tr("单元"), self.tr("室"))
        )
        for key, text in zip(("estate", "building", "unit", "room"), names, strict=True):
            self.labels[key].setText(text)
        self.form.setRowVisible(self.fields["unit"], not rural)
        self.preview.setText(register.compose_address(self.value()) or self.tr("（未填）"))

    def confirm_new_door(self, match: households.AddressMatch) -> bool:
        """Ask before a second household for a door already registered (or perhaps)."""
        known = match.same or match.maybe
        if not known:
            return True
        listed = "\n".join(f"· {h.address_text}（{h.member_count}人）" for h in known[:5])
        if match.same:
            text = self.tr("这个门牌已经登记为家庭：\n{0}\n请在该家庭中添加成员。仍要另建一户吗？")
        else:
            text = self.tr("这个地址可能与已登记的家庭是同一户（{1}）：\n{0}\n仍要新建一户吗？")
        answer = QMessageBox.question(
            self,
            self.tr("是否同一户"),
            text.format(listed, match.reason or self.tr("地址写法不同")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def save(self) -> None:
        for f in self.fields.values():
            f.set_error("")
        self.general_error.clear()
        try:
            if self.household:
                self.saved = register.update_household(self.ctx, self.household.id, self.value())
            else:
                if not self.confirm_new_door(households.match_address(self.ctx, self.value())):
                    return
                self.saved = register.create_household(self.ctx, self.value())
        except ValidationFailed as exc:
            for p in exc.problems:
                target = self.fields.get(p.field)
                if target:
                    target.set_error(shown(p.message))
                else:
                    self.general_error.setText(shown(p.message))
            return
        except ServiceError as exc:
            self.general_error.setText(message_of(exc))
            return
        self.sig_saved.emit(self.saved)
        self.accept()
