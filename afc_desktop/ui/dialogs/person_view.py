"""The person page (人员详情): whole ID number, household and members, contacts, history.

The only place the full ID number is shown. The history tab reads the change log:
"2026-11-28 王芳 改了 电话".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import people
from ...services import register, sync
from ...services.context import AppContext, ServiceError
from ...services.register import PersonDetail
from ..domain_labels import label as domain_label
from ..service_messages import message_of
from ..widgets.attachments_strip import AttachmentStrip
from ..widgets.labels import mark_data, relation_label
from ..widgets.person_daily_panel import PersonDailyPanel
from .person_dialog import PersonDialog


class PersonViewDialog(QDialog):
    """Shows one person; 编辑 opens the person dialog and reloads. Emits ``sig_changed``."""

    sig_changed = Signal(str)

    def __init__(self, ctx: AppContext, person_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.resize(760, 560)
        self.tabs = QTabWidget()
        self.info = QWidget()
        self.info_form = QFormLayout(self.info)
        self.household_tab = QWidget()
        self.history = QListWidget()
        self.history.setObjectName("historyList")
        self.tabs.addTab(self.info, self.tr("基本信息"))
        self.tabs.addTab(self.household_tab, self.tr("家庭"))
        self.tabs.addTab(PersonDailyPanel(ctx, person_id, self), self.tr("走访与需求"))
        self.photos = AttachmentStrip(ctx, self, owner_kind="person", owner_id=person_id,
                                      person_id=person_id)  # fmt: skip
        self.tabs.addTab(self.photos, self.tr("照片"))
        self.tabs.addTab(self.history, self.tr("变更记录"))
        self.edit_button = QPushButton(self.tr("编辑"))
        self.edit_button.clicked.connect(self.edit)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        self.notice_button = QPushButton(self.tr("打印告知书…"))
        self.notice_button.clicked.connect(self._print_notice)
        self.inform_button = QPushButton(self.tr("记录已告知"))
        self.inform_button.clicked.connect(self._record_informed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.notice_button)
        buttons.addWidget(self.inform_button)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(buttons)
        self.household_layout = QVBoxLayout(self.household_tab)
        self.editor: PersonDialog | None = None
        self.reload()

    def reload(self) -> None:
        self.detail = register.get_person(self.ctx, self.person_id)
        self.setWindowTitle(self.tr("人员详情：{0}").format(self.detail.name))
        self._fill_info(self.detail)
        self._fill_household(self.detail)
        self.history.clear()
        for entry in register.person_history(self.ctx, self.person_id):
            self.history.addItem(entry.text)

    def _fill_info(self, d: PersonDetail) -> None:
        while self.info_form.rowCount():
            self.info_form.removeRow(0)
        sex = {"M": self.tr("男"), "F": self.tr("女")}.get(d.sex or "", "")
        join = self.tr("、").join
        explicit = join(domain_label(people.category_label(c)) for c in d.categories)
        derived = join(domain_label(people.category_label(c)) for c in d.derived_categories)
        contacts = "\n".join(
            f"{c.name}（{c.relation}）{c.phone}" if c.relation else f"{c.name} {c.phone}"
            for c in d.emergency_contacts
        )
        rows = (
            (self.tr("姓名"), d.name),
            (self.tr("身份证号"), d.id_number),
            (self.tr("性别"), sex),
            (self.tr("出生日期"), d.birth_date.isoformat() if d.birth_date else ""),
            (self.tr("年龄"), "" if d.age is None else self.tr("{0}岁").format(d.age)),
            (self.tr("电话"), d.phone),
            (self.tr("地址"), d.household.address_text if d.household else ""),
            (self.tr("与户主关系"), relation_label(d.relation_to_head)),
            (
                self.tr("居住情况"),
                domain_label(people.living_arrangement_label(d.living_arrangement)),
            ),
            (self.tr("人员类别"), explicit),
            (self.tr("按年龄"), derived),
            (self.tr("能力等级"), domain_label(d.ability_grade)),
            (
                self.tr("评估日期"),
                d.ability_assessed_on.isoformat() if d.ability_assessed_on else "",
            ),
            (self.tr("紧急联系人"), contacts),
            (self.tr("登记日期"), d.registered_on.isoformat() if d.registered_on else ""),
            (
                self.tr("告知日期"),
                d.informed_on.isoformat() if d.informed_on else self.tr("尚未告知"),
            ),
            (
                self.tr("知情同意"),
                self.tr("已同意") + (f" {d.consent_date}" if d.consent_date else "")
                if d.consent
                else self.tr("未记录"),
            ),
            (self.tr("备注"), d.notes),
        )
        data_rows = {self.tr(t) for t in ("姓名", "身份证号", "电话", "地址", "紧急联系人", "备注")}
        for label, value in rows:
            shown = QLabel(value or "—")
            shown.setWordWrap(True)
            if label in data_rows:
                mark_data(shown)  # the resident's own data
            self.info_form.addRow(label, shown)
        self._fill_moved_in(d.id)
        elsewhere = sync.duplicate_flag(self.ctx, d.id_number)
        if elsewhere:
            notice = QLabel(
                self.tr(
                    "区级汇总发现此身份证号也登记在：{0}。请与相关社区核实，避免重复登记。"
                ).format("、".join(elsewhere))
            )
            notice.setObjectName("duplicateNotice")
            notice.setWordWrap(True)
            notice.setStyleSheet("color: #b00020; font-weight: bold;")
            self.info_form.insertRow(0, self.tr("跨社区重复"), notice)

    def _fill_moved_in(self, person_id: str) -> None:
        """For a person accepted from another community: where from, and the history they
        brought (docs/district-moves.md)."""
        brought = register.transfer_history(self.ctx, person_id)
        if brought is None:
            return
        lines = [
            self.tr("{0} 探访：{1}").format(v.get("visit_date", ""), v.get("notes", ""))
            for v in brought.get("visits") or []
        ] + [
            self.tr("{0} 评估：{1}").format(a.get("assessed_on", ""), a.get("final_grade", ""))
            for a in brought.get("assessments") or []
        ]
        text = self.tr("迁入自{0}").format(brought.get("from_name") or brought.get("from_code"))
        shown = QLabel("\n".join([text, *lines]))
        shown.setObjectName("movedInHistory")
        shown.setWordWrap(True)
        self.info_form.addRow(self.tr("原社区记录"), shown)

    def _fill_household(self, d: PersonDetail) -> None:
        while self.household_layout.count():
            item = self.household_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        if d.household is None:
            self.household_layout.addWidget(QLabel(self.tr("未关联家庭")))
            self.household_layout.addStretch(1)
            return
        h = d.household
        self.household_layout.addWidget(
            QLabel(self.tr("地址：{0}    家庭电话：{1}").format(h.address_text, h.phone or "—"))
        )
        table = QTableWidget(len(d.household_members), 5)
        table.setObjectName("membersTable")
        table.setHorizontalHeaderLabels(
            [
                self.tr("姓名"),
                self.tr("性别"),
                self.tr("年龄"),
                self.tr("电话"),
                self.tr("类别"),
            ]
        )
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        for r, m in enumerate(d.household_members):
            values = (m.name, m.sex, "" if m.age is None else str(m.age), m.phone)
            for c, v in enumerate((*values, "、".join(m.categories))):
                table.setItem(r, c, QTableWidgetItem(v))
        table.resizeColumnsToContents()
        table.setToolTip(self.tr("双击打开该成员的详情"))
        member_ids = [m.id for m in d.household_members]
        table.doubleClicked.connect(lambda index: self.open_member(member_ids[index.row()]))
        self.household_layout.addWidget(table)

    def open_member(self, person_id: str) -> PersonViewDialog:
        """Open a household member's page on top of this one."""
        page = PersonViewDialog(self.ctx, person_id, self)
        page.sig_changed.connect(self.sig_changed)
        page.sig_changed.connect(lambda _id: self.reload())
        page.open()
        return page

    def edit(self) -> None:
        self.editor = PersonDialog(self.ctx, self.detail, self)
        self.editor.sig_saved.connect(self._after_edit)
        self.editor.open()

    def _after_edit(self, person_id: str) -> None:
        self.reload()
        self.sig_changed.emit(person_id)

    def _print_notice(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("打印告知书"), f"告知书-{self.detail.name}.pdf", "PDF (*.pdf)"
        )
        if path:
            self.write_notice(Path(path))

    def write_notice(self, path: Path) -> Path | None:
        """Write the personal-information notice for this person to ``path``."""
        try:
            return register.write_notice_pdf(self.ctx, self.person_id, path)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("打印告知书"), message_of(exc))
            return None

    def _record_informed(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("记录已告知"),
            self.tr("今天已向“{0}”告知个人信息收集使用事项。本人是否同意？").format(
                self.detail.name
            ),
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Cancel:
            return
        self.record_informed(consent=answer == QMessageBox.StandardButton.Yes)

    def record_informed(self, consent: bool | None) -> None:
        """Record today's notice (and consent when given), then show it."""
        register.record_informed(self.ctx, self.person_id, consent=consent)
        self.reload()
        self.sig_changed.emit(self.person_id)
