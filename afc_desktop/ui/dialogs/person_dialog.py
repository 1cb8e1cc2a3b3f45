"""Add or edit a person (新增/编辑人员) with live validation in plain Chinese.

Problems appear under the field they concern: a wrong ID check digit as soon as 18 characters are
typed, a birth date after today, a malformed phone. A valid ID number fills birth date and sex.
On save the service's own checks (ValidationFailed) land next to their fields the same way, and a
possible duplicate (PossibleDuplicate) opens a panel listing the matching people, with
仍然保存 (save anyway) and 返回修改 (go back).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import people
from ...domain.idcard import IdNumberError, normalize, parse_id_number
from ...services import register
from ...services.context import AppContext, ServiceError
from ...services.register import (
    EmergencyContact,
    PersonDetail,
    PersonInput,
    PossibleDuplicate,
    ValidationFailed,
)
from ..domain_labels import label as domain_label
from ..service_messages import message_of, shown
from ..widgets.forms import ERROR_STYLE, FieldWithError, optional_date_edit, read_date, write_date
from ..widgets.labels import RELATIONS, relation_code, relation_label
from .household_dialog import HouseholdDialog

MAX_CONTACTS = 2


class PersonDialog(QDialog):
    """The person form. ``person`` given → edit; otherwise add. Emits ``sig_saved(person_id)``."""

    sig_saved = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        person: PersonDetail | None = None,
        parent: QWidget | None = None,
        household_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person = person
        self.saved: PersonDetail | None = None
        self.setWindowTitle(
            self.tr("编辑人员：{0}").format(person.name) if person else self.tr("新增人员")
        )
        self.setMinimumWidth(900)
        self._build()
        if person:
            self._load(person)
        elif household_id:
            self._select_household(household_id)
        self._update_derived()

    # --- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.name = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText(self.tr("18位，最后一位可以是X"))
        self.id_number.setMaxLength(20)
        self.sex = QComboBox()
        self.sex.addItem(self.tr("未填"), None)
        self.sex.addItem(self.tr("男"), "M")
        self.sex.addItem(self.tr("女"), "F")
        self.birth_date = optional_date_edit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("手机11位，或 0512-65123456"))
        self.household = QComboBox()
        self.household.setMinimumWidth(220)
        self.household_search = QLineEdit()
        self.household_search.setPlaceholderText(self.tr("按地址查找家庭"))
        self.new_household = QPushButton(self.tr("新建家庭…"))
        self.relation = QComboBox()
        self.relation.setEditable(True)
        self.relation.addItem("")
        for _code, label in RELATIONS:
            self.relation.addItem(self.tr(label))
        self.is_elder = QCheckBox(self.tr("列入老年人登记册"))
        self.is_elder.setChecked(True)
        self.living = QComboBox()
        self.living.addItem(self.tr("未填"), "")
        for code, label in people.LIVING_ARRANGEMENTS:
            self.living.addItem(label, code)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.consent = QCheckBox(self.tr("本人已同意登记和使用其信息"))
        self.consent_date = optional_date_edit()

        self.fields: dict[str, FieldWithError] = {
            "name": FieldWithError(self.name),
            "id_number": FieldWithError(self.id_number),
            "sex": FieldWithError(self.sex),
            "birth_date": FieldWithError(self.birth_date),
            "phone": FieldWithError(self.phone),
            "household_id": FieldWithError(self._household_row()),
            "relation_to_head": FieldWithError(self.relation),
            "living_arrangement": FieldWithError(self.living),
            "notes": FieldWithError(self.notes),
            "consent_date": FieldWithError(self.consent_date),
        }
        basic = QFormLayout()
        basic.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for key, label in (
            ("name", self.tr("姓名 *")),
            ("id_number", self.tr("身份证号")),
            ("sex", self.tr("性别")),
            ("birth_date", self.tr("出生日期")),
            ("phone", self.tr("电话")),
            ("household_id", self.tr("所属家庭")),
            ("relation_to_head", self.tr("与户主关系")),
            ("living_arrangement", self.tr("居住情况")),
        ):
            basic.addRow(label, self.fields[key])
        basic.addRow("", self.is_elder)
        basic.addRow(self.tr("备注"), self.fields["notes"])

        right = QVBoxLayout()
        right.addWidget(self._categories_box())
        right.addWidget(self._contacts_box())
        consent_box = QGroupBox(self.tr("知情同意"))
        consent_form = QFormLayout(consent_box)
        consent_form.addRow(self.consent)
        consent_form.addRow(self.tr("同意日期"), self.fields["consent_date"])
        right.addWidget(consent_box)
        right.addStretch(1)

        left = QVBoxLayout()
        left.addLayout(basic)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)

        self.duplicate_panel = self._duplicate_panel()
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save())
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.duplicate_panel)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

        self.id_number.textChanged.connect(self._check_id_live)
        self.id_number.editingFinished.connect(lambda: self._check_id_live(final=True))
        self.birth_date.dateChanged.connect(self._check_birth_live)
        self.phone.editingFinished.connect(self._check_phone_live)
        self.phone.textChanged.connect(lambda: self._check_phone_live(typing=True))
        self._household_timer = QTimer(self)
        self._household_timer.setSingleShot(True)
        self._household_timer.setInterval(200)
        self._household_timer.timeout.connect(self._reload_households)
        self.household_search.textChanged.connect(self._household_timer.start)
        self.new_household.clicked.connect(self._create_household)
        self._reload_households()

    def _household_row(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.household)
        row = QHBoxLayout()
        row.addWidget(self.household_search, 1)
        row.addWidget(self.new_household)
        column.addLayout(row)
        return box

    def _categories_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("人员类别"))
        grid = QGridLayout(box)
        self.category_boxes: dict[str, QCheckBox] = {}
        for i, cat in enumerate(people.EXPLICIT_CATEGORIES):
            check = QCheckBox(domain_label(cat.label))
            check.setToolTip(domain_label(cat.description))
            self.category_boxes[cat.code] = check
            grid.addWidget(check, i // 3, i % 3)
        self.derived_label = QLabel()
        self.derived_label.setStyleSheet("color: #555;")
        grid.addWidget(self.derived_label, (len(people.EXPLICIT_CATEGORIES) + 2) // 3, 0, 1, 3)
        self.categories_error = QLabel()
        self.categories_error.setStyleSheet(ERROR_STYLE)
        grid.addWidget(self.categories_error, (len(people.EXPLICIT_CATEGORIES) + 5) // 3, 0, 1, 3)
        return box

    def _contacts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("紧急联系人"))
        grid = QGridLayout(box)
        grid.addWidget(QLabel(self.tr("姓名")), 0, 0)
        grid.addWidget(QLabel(self.tr("关系")), 0, 1)
        grid.addWidget(QLabel(self.tr("电话")), 0, 2)
        self.contact_edits: list[tuple[QLineEdit, QLineEdit, QLineEdit]] = []
        for i in range(MAX_CONTACTS):
            edits = (QLineEdit(), QLineEdit(), QLineEdit())
            edits[1].setMaximumWidth(70)
            for col, edit in enumerate(edits):
                grid.addWidget(edit, i + 1, col)
            self.contact_edits.append(edits)
        self.contacts_error = QLabel()
        self.contacts_error.setStyleSheet(ERROR_STYLE)
        self.contacts_error.setWordWrap(True)
        grid.addWidget(self.contacts_error, MAX_CONTACTS + 1, 0, 1, 3)
        return box

    def _duplicate_panel(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("duplicatePanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setStyleSheet("#duplicatePanel { background: #fff4e5; border: 1px solid #e0a040; }")
        self.duplicate_text = QLabel()
        self.duplicate_text.setWordWrap(True)
        self.confirm_duplicate = QPushButton(self.tr("确认不是同一人，仍然保存"))
        self.back_button = QPushButton(self.tr("返回修改"))
        self.confirm_duplicate.clicked.connect(lambda: self.save(confirm_duplicate=True))
        self.back_button.clicked.connect(panel.hide)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.back_button)
        row.addWidget(self.confirm_duplicate)
        layout = QVBoxLayout(panel)
        layout.addWidget(self.duplicate_text)
        layout.addLayout(row)
        panel.hide()
        return panel

    # --- loading -----------------------------------------------------------------------------

    def _load(self, p: PersonDetail) -> None:
        self.name.setText(p.name)
        self.id_number.setText(p.id_number)
        self.sex.setCurrentIndex(max(0, self.sex.findData(p.sex)))
        write_date(self.birth_date, p.birth_date)
        self.phone.setText(p.phone)
        if p.household:
            self._select_household(p.household.id, p.household.address_text)
        self.relation.setCurrentText(relation_label(p.relation_to_head))
        self.is_elder.setChecked(p.is_elder)
        self.living.setCurrentIndex(max(0, self.living.findData(p.living_arrangement)))
        for code, box in self.category_boxes.items():
            box.setChecked(code in p.categories)
        for edits, contact in zip(self.contact_edits, p.emergency_contacts, strict=False):
            edits[0].setText(contact.name)
            edits[1].setText(contact.relation)
            edits[2].setText(contact.phone)
        self.consent.setChecked(p.consent)
        write_date(self.consent_date, p.consent_date)
        self.notes.setPlainText(p.notes)

    def _reload_households(self) -> None:
        current = self.household.currentData()
        current_text = self.household.currentText()
        self.household.blockSignals(True)
        self.household.clear()
        self.household.addItem(self.tr("（不属于任何家庭）"), None)
        for h in register.find_households(self.ctx, self.household_search.text()):
            self.household.addItem(
                self.tr("{0}（{1}人）").format(h.address_text, h.member_count), h.id
            )
        if current:
            index = self.household.findData(current)
            if index < 0:
                self.household.addItem(current_text, current)
                index = self.household.count() - 1
            self.household.setCurrentIndex(index)
        self.household.blockSignals(False)

    def _select_household(self, household_id: str, label: str = "") -> None:
        index = self.household.findData(household_id)
        if index < 0:
            if not label:
                view, _members = register.get_household(self.ctx, household_id)
                label = view.address_text
            self.household.addItem(label, household_id)
            index = self.household.count() - 1
        self.household.setCurrentIndex(index)

    def _create_household(self) -> None:
        dialog = HouseholdDialog(self.ctx, parent=self)
        dialog.sig_saved.connect(lambda h: self._select_household(h.id, h.address_text))
        dialog.open()

    # --- live checks -------------------------------------------------------------------------

    def _check_id_live(self, *_args: object, final: bool = False) -> None:
        text = normalize(self.id_number.text())
        field = self.fields["id_number"]
        if not text:
            field.set_error("")
            return
        if len(text) < 15 and not final:
            field.set_error("")
            return
        if len(text) in (16, 17) and not final:
            field.set_error("")
            return
        try:
            parsed = parse_id_number(text, today=self.ctx.today())
        except IdNumberError as exc:
            field.set_error(message_of(exc))
            return
        field.set_error("")
        write_date(self.birth_date, parsed.birth_date)
        self.sex.setCurrentIndex(self.sex.findData(parsed.sex))
        self.fields["birth_date"].set_error("")
        self.fields["sex"].set_error("")

    def _check_birth_live(self) -> None:
        born = read_date(self.birth_date)
        if born and born > self.ctx.today():
            self.fields["birth_date"].set_error(self.tr("出生日期不能晚于今天"))
        else:
            self.fields["birth_date"].set_error("")
        self._update_derived()

    def _check_phone_live(self, typing: bool = False) -> None:
        text = self.phone.text().strip()
        problem = people.phone_problem(text)
        if typing and problem:
            digits = sum(ch.isdigit() for ch in text)
            if digits < 11:  # still typing: judge when the field is left
                problem = None
        self.fields["phone"].set_error(problem or "")

    def _update_derived(self) -> None:
        codes = people.derived_categories(read_date(self.birth_date), self.ctx.today())
        labels = self.tr("、").join(domain_label(people.category_label(c)) for c in codes)
        self.derived_label.setText(self.tr("按年龄自动计算：{0}").format(labels) if labels else "")

    # --- saving ------------------------------------------------------------------------------

    def value(self) -> PersonInput:
        """The form's content as a PersonInput."""
        return PersonInput(
            name=self.name.text(),
            id_number=self.id_number.text(),
            sex=self.sex.currentData(),
            birth_date=read_date(self.birth_date),
            phone=self.phone.text(),
            household_id=self.household.currentData(),
            relation_to_head=relation_code(self.relation.currentText()),
            is_elder=self.is_elder.isChecked(),
            living_arrangement=self.living.currentData() or "",
            categories=tuple(c for c, box in self.category_boxes.items() if box.isChecked()),
            emergency_contacts=tuple(
                EmergencyContact(n.text().strip(), r.text().strip(), p.text().strip())
                for n, r, p in self.contact_edits
                if n.text().strip() or p.text().strip()
            ),
            consent=self.consent.isChecked(),
            consent_date=read_date(self.consent_date),
            notes=self.notes.toPlainText(),
        )

    def _clear_errors(self) -> None:
        for f in self.fields.values():
            f.set_error("")
        self.categories_error.clear()
        self.contacts_error.clear()
        self.general_error.clear()

    def error_texts(self) -> list[str]:
        """Every message currently shown (for tests and screen readers)."""
        texts = [f.error.text() for f in self.fields.values() if f.error.text()]
        for label in (self.categories_error, self.contacts_error, self.general_error):
            if label.text():
                texts.append(label.text())
        return texts

    def save(self, confirm_duplicate: bool = False) -> bool:
        """Validate and write; True when saved (the dialog then closes)."""
        self._clear_errors()
        self.duplicate_panel.hide()
        data = self.value()
        try:
            if self.person:
                self.saved = register.update_person(
                    self.ctx, self.person.id, data, confirm_duplicate=confirm_duplicate
                )
            else:
                self.saved = register.register_person(
                    self.ctx, data, confirm_duplicate=confirm_duplicate
                )
        except ValidationFailed as exc:
            for p in exc.problems:
                self._show_problem(p.field, shown(p.message))
            return False
        except PossibleDuplicate as exc:
            lines = [self.tr("登记册里可能已有此人：")]
            for h in exc.hints:
                born = h.birth_date.isoformat() if isinstance(h.birth_date, date) else ""
                lines.append(f"· {h.name}  {born}  {h.id_masked}（{h.reason}）")
            self.duplicate_text.setText("\n".join(lines))
            self.duplicate_panel.show()
            return False
        except ServiceError as exc:
            self.general_error.setText(message_of(exc))
            return False
        self.sig_saved.emit(self.saved.id)
        self.accept()
        return True

    def _show_problem(self, field: str, message: str) -> None:
        if field in self.fields:
            self.fields[field].set_error(message)
        elif field == "categories":
            self.categories_error.setText(message)
        elif field == "emergency_contacts":
            self.contacts_error.setText(message)
        else:
            self.general_error.setText(message)
