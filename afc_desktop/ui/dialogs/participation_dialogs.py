"""Dialogs of the 参与 page: a 微自治 project, a talent-pool entry, volunteer hours."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import participation as part
from ...services import register
from ...services.context import AppContext, ServiceError
from ...services.participation import (
    PROJECT_KINDS,
    PROJECT_STATUS,
    MemberInput,
    ProjectInput,
    ProjectView,
    TalentInput,
    VolunteerInput,
)
from ..domain_labels import label as domain_label
from ..service_messages import message_of
from ..widgets.forms import ERROR_STYLE, optional_date_edit, read_date, write_date
from .person_picker import PersonPickerDialog


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit


def _read(edit: QDateEdit) -> date:
    qd = edit.date()
    return date(qd.year(), qd.month(), qd.day())


class _Form(QDialog):
    sig_saved = Signal(object)

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _run(self, call) -> object | None:  # type: ignore[no-untyped-def]
        try:
            view = call()
        except ServiceError as exc:
            self.error.setText(message_of(exc))
            return None
        self.sig_saved.emit(view)
        self.accept()
        return view

    def save(self) -> object | None:  # pragma: no cover - overridden
        raise NotImplementedError


class ProjectDialog(_Form):
    """Add or edit a 微自治 project with its members."""

    def __init__(
        self, ctx: AppContext, project: ProjectView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("自治项目"), parent)
        self.ctx = ctx
        self.project = project
        self.name = QLineEdit()
        self.kind = QComboBox()
        for code, label in PROJECT_KINDS:
            self.kind.addItem(domain_label(label), code)
        self.status = QComboBox()
        for code, label in PROJECT_STATUS.items():
            self.status.addItem(domain_label(label), code)
        self.status.setCurrentIndex(self.status.findData("active"))
        self.start = _date_edit(ctx.today())
        self.end = optional_date_edit()
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(60)
        self.outcome = QPlainTextEdit()
        self.outcome.setFixedHeight(60)
        self.members: list[MemberInput] = []
        self.member_list = QListWidget()
        self.member_list.setFixedHeight(90)
        add_person = QPushButton(self.tr("从登记册添加"))
        add_person.clicked.connect(self._add_registered)
        self.free_name = QLineEdit()
        self.free_name.setPlaceholderText(self.tr("或直接输入姓名"))
        self.role = QLineEdit()
        self.role.setPlaceholderText(self.tr("角色，如 召集人"))
        add_free = QPushButton(self.tr("添加"))
        add_free.clicked.connect(self._add_free)
        remove = QPushButton(self.tr("移除所选"))
        remove.clicked.connect(self._remove_member)
        member_bar = QHBoxLayout()
        for w in (add_person, self.free_name, self.role, add_free, remove):
            member_bar.addWidget(w)
        self.form.addRow(self.tr("项目名称"), self.name)
        self.form.addRow(self.tr("类型"), self.kind)
        self.form.addRow(self.tr("状态"), self.status)
        self.form.addRow(self.tr("开始日期"), self.start)
        self.form.addRow(self.tr("结束日期"), self.end)
        self.form.addRow(self.tr("内容"), self.description)
        self.form.addRow(self.tr("成效"), self.outcome)
        self.form.addRow(self.tr("成员"), self.member_list)
        self.form.addRow(member_bar)
        if project is not None:
            self.name.setText(project.name)
            self.kind.setCurrentIndex(max(0, self.kind.findData(project.kind)))
            self.status.setCurrentIndex(max(0, self.status.findData(project.status)))
            s = project.start_date
            self.start.setDate(QDate(s.year, s.month, s.day))
            write_date(self.end, project.end_date)
            self.description.setPlainText(project.description)
            self.outcome.setPlainText(project.outcome)
            self.members = list(project.members)
        self._show_members()

    def _show_members(self) -> None:
        self.member_list.clear()
        for m in self.members:
            self.member_list.addItem(f"{m.name}　{m.role}".strip())

    def _add_registered(self) -> None:
        picker = PersonPickerDialog(self.ctx, self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen_id():
            person = register.get_person(self.ctx, picker.chosen_id() or "")
            self.members.append(MemberInput(person.name, person.id, self.role.text().strip()))
            self._show_members()

    def _add_free(self) -> None:
        name = self.free_name.text().strip()
        if name:
            self.members.append(MemberInput(name, None, self.role.text().strip()))
            self.free_name.clear()
            self._show_members()

    def _remove_member(self) -> None:
        row = self.member_list.currentRow()
        if 0 <= row < len(self.members):
            del self.members[row]
            self._show_members()

    def data(self) -> ProjectInput:
        return ProjectInput(
            name=self.name.text(),
            kind=self.kind.currentData(),
            start_date=_read(self.start),
            end_date=read_date(self.end),
            status=self.status.currentData(),
            description=self.description.toPlainText(),
            outcome=self.outcome.toPlainText(),
            members=tuple(self.members),
        )

    def save(self) -> object | None:
        if self.project is None:
            return self._run(lambda: part.create_project(self.ctx, self.data()))
        project_id = self.project.id
        return self._run(lambda: part.update_project(self.ctx, project_id, self.data()))


class TalentDialog(_Form):
    """Add a person to the talent pool (能人库/达人库)."""

    def __init__(self, ctx: AppContext, person_id: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("能人库"), parent)
        self.ctx = ctx
        self.person_id = person_id
        person = register.get_person(ctx, person_id)
        self.skills = QLineEdit()
        self.skills.setPlaceholderText(self.tr("特长，用顿号或逗号分隔，如：书法、修理家电"))
        self.availability = QLineEdit()
        self.availability.setPlaceholderText(self.tr("如：周末上午"))
        self.description = QLineEdit()
        self.willing = QCheckBox(self.tr("愿意参与志愿服务"))
        self.willing.setChecked(True)
        self.form.addRow(QLabel(f"<b>{person.name}</b>"))
        self.form.addRow(self.tr("特长"), self.skills)
        self.form.addRow(self.tr("可参与时间"), self.availability)
        self.form.addRow(self.tr("说明"), self.description)
        self.form.addRow(self.willing)

    def save(self) -> object | None:
        text = self.skills.text().replace("，", "、").replace(",", "、")
        data = TalentInput(
            self.person_id,
            tuple(s for s in text.split("、") if s.strip()),
            self.description.text(),
            self.availability.text(),
            self.willing.isChecked(),
        )
        return self._run(lambda: part.save_talent(self.ctx, data))


class VolunteerDialog(_Form):
    """Log volunteer hours: the helper, optionally the person helped, date, hours, what."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("志愿服务时长"), parent)
        self.ctx = ctx
        self.helper_id: str | None = None
        self.helped_id: str | None = None
        self.helper_label = QLabel(self.tr("未选择"))
        self.helped_label = QLabel(self.tr("（可不选）"))
        pick_helper = QPushButton(self.tr("选择志愿者"))
        pick_helper.clicked.connect(lambda: self._pick("helper"))
        pick_helped = QPushButton(self.tr("选择受助老人"))
        pick_helped.clicked.connect(lambda: self._pick("helped"))
        self.day = _date_edit(ctx.today())
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, 24)
        self.hours.setSingleStep(0.5)
        self.hours.setValue(1)
        self.activity = QLineEdit()
        self.activity.setPlaceholderText(self.tr("如：陪同就医、读报"))
        helper_row = QHBoxLayout()
        helper_row.addWidget(self.helper_label, 1)
        helper_row.addWidget(pick_helper)
        helped_row = QHBoxLayout()
        helped_row.addWidget(self.helped_label, 1)
        helped_row.addWidget(pick_helped)
        self.form.addRow(self.tr("志愿者"), helper_row)
        self.form.addRow(self.tr("受助老人"), helped_row)
        self.form.addRow(self.tr("日期"), self.day)
        self.form.addRow(self.tr("时长（小时）"), self.hours)
        self.form.addRow(self.tr("服务内容"), self.activity)

    def _pick(self, which: str) -> None:
        picker = PersonPickerDialog(self.ctx, self)
        if picker.exec() != QDialog.DialogCode.Accepted or not picker.chosen_id():
            return
        self.set_person(which, picker.chosen_id() or "")

    def set_person(self, which: str, person_id: str) -> None:
        name = register.get_person(self.ctx, person_id).name
        if which == "helper":
            self.helper_id = person_id
            self.helper_label.setText(name)
        else:
            self.helped_id = person_id
            self.helped_label.setText(name)

    def save(self) -> object | None:
        if not self.helper_id:
            self.error.setText(self.tr("请选择志愿者"))
            return None
        data = VolunteerInput(
            self.helper_id,
            _read(self.day),
            self.hours.value(),
            self.activity.text(),
            self.helped_id,
        )
        return self._run(lambda: part.record_volunteer_hours(self.ctx, data))
