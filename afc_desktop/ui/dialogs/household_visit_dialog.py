"""The household visit form (入户探访记录): date, mode and workers once, the general findings
of the home once, then one tab per elder — present or not, their own findings, risk flags,
needs and follow-up. 保存草稿 keeps it half-finished; 登记 records one visit per elder present.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import visit_content as vc
from ...services import household_visits as hv
from ...services import visits
from ...services.context import AppContext, ServiceError
from ...services.household_visits import HouseholdVisitInput, HouseholdVisitView, MemberEntry
from ..domain_labels import label as domain_label
from ..service_messages import message_of
from ..widgets.attachments_strip import AttachmentStrip
from ..widgets.forms import ERROR_STYLE
from ..widgets.visit_findings import AreaBox, FindingsWidget
from .draft_dialog import DraftDialog, DraftTexts


def _t(text: str) -> str:
    return QCoreApplication.translate("HouseholdVisitDialog", text)


# Areas of the home, written once for everyone; the others are each elder's own.
GENERAL_AREAS = ("safety", "family")
OWN_AREAS = tuple(a.code for a in vc.AREAS if a.code not in GENERAL_AREAS)


class MemberPanel(QWidget):
    """One elder of the household visit: present or not, then the findings block of the
    person visit form (``widgets.visit_findings``) for the areas that are each elder's own."""

    def __init__(self, person_id: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person_id = person_id
        self.title = title
        self.presence = QComboBox()
        self.presence.setObjectName("presence")
        for code, label in hv.PRESENCE:
            self.presence.addItem(domain_label(label), code)
        self.presence.currentIndexChanged.connect(self._presence_changed)
        self.absent_hint = QLabel(self.tr("不在家或未见到的老人不记为已探访，仍在待探访名单中。"))
        self.absent_hint.setWordWrap(True)
        self.content = FindingsWidget(OWN_AREAS, notes_hint=self.tr("这位老人的情况记录"))
        self.areas = self.content.areas
        self.risk_flags = self.content.risk_flags
        self.risk_level = self.content.risk_level
        self.notes = self.content.notes
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("是否见到：")))
        top.addWidget(self.presence)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.absent_hint)
        layout.addWidget(self.content)
        layout.addStretch(1)
        self._presence_changed()

    def _presence_changed(self) -> None:
        present = self.presence.currentData() == "present"
        self.content.setEnabled(present)
        self.absent_hint.setVisible(not present)

    def set_presence(self, presence: str) -> None:
        self.presence.setCurrentIndex(max(0, self.presence.findData(presence)))

    def entry(self) -> MemberEntry:
        follow_up_date, follow_up_text = self.content.follow_up()
        return MemberEntry(
            person_id=self.person_id,
            presence=self.presence.currentData(),
            findings=self.content.findings(),
            risk_flags=self.content.flags(),
            risk_level=self.risk_level.currentData(),
            notes=self.notes.toPlainText().strip(),
            needs=self.content.needs(),
            follow_up_date=follow_up_date,
            follow_up_text=follow_up_text,
        )

    def load(self, entry: MemberEntry) -> None:
        self.set_presence(entry.presence)
        self.content.load(
            entry.findings,
            entry.risk_flags,
            entry.risk_level,
            entry.notes,
            entry.needs,
            entry.follow_up_date,
            entry.follow_up_text,
        )


class HouseholdVisitDialog(DraftDialog):
    """Record a household visit from ``data`` (``household_visits.start_household_visit``), or
    resume the draft ``draft_id``. Emits ``sig_saved(HouseholdVisitView)``."""

    def __init__(
        self,
        ctx: AppContext,
        data: HouseholdVisitInput,
        parent: QWidget | None = None,
        *,
        draft_id: str | None = None,
        titles: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.draft_id = draft_id
        self.household_id = data.household_id
        self.started_from = data.started_from
        self.setWindowTitle(self.tr("入户探访记录"))
        self.resize(780, 720)
        titles = titles or _titles(ctx, data)
        self.address = QLineEdit(data.address_text)
        self.address.setObjectName("visitAddress")
        self.address.setPlaceholderText(self.tr("未登记家庭的老人，请填写走访地址"))
        if data.household_id:
            self.address.setReadOnly(True)
            self.address.setText(titles.get("", ""))

        self.visit_date = QDateEdit()
        self.visit_date.setDisplayFormat("yyyy-MM-dd")
        self.visit_date.setCalendarPopup(True)
        today = ctx.today()
        self.visit_date.setMaximumDate(QDate(today.year, today.month, today.day))
        day = data.visit_date or today
        self.visit_date.setDate(QDate(day.year, day.month, day.day))
        self.mode = QComboBox()
        for code, label in vc.MODES:
            self.mode.addItem(domain_label(label), code)
        self.mode.setCurrentIndex(max(0, self.mode.findData(data.mode)))
        self.companions = QLineEdit(data.companions)
        self.companions.setPlaceholderText(self.tr("如：网格员、志愿者"))
        basics = QFormLayout()
        basics.addRow(self.tr("地址"), self.address)
        basics.addRow(self.tr("探访日期"), self.visit_date)
        basics.addRow(self.tr("探访方式"), self.mode)
        basics.addRow(self.tr("同行人员"), self.companions)

        general = QGroupBox(self.tr("家庭情况（全户填写一次）"))
        general_layout = QVBoxLayout(general)
        self.general_areas = {code: AreaBox(vc.AREA_BY_CODE[code]) for code in GENERAL_AREAS}
        for code, box in self.general_areas.items():
            box.load(data.findings.areas.get(code))
            general_layout.addWidget(box)
        self.notes = QPlainTextEdit(data.notes)
        self.notes.setPlaceholderText(self.tr("全户的情况记录"))
        self.notes.setFixedHeight(60)
        general_layout.addWidget(self.notes)

        self.members = QTabWidget()
        self.members.setObjectName("members")
        self.panels: list[MemberPanel] = []
        for entry in data.members:
            panel = MemberPanel(entry.person_id, titles.get(entry.person_id, ""))
            if entry.risk_level is None:
                # as in the person visit form: the elder's level stands until a visit changes it
                current = visits.person_cadence(ctx, entry.person_id).risk_level
                panel.risk_level.setCurrentIndex(max(0, panel.risk_level.findData(current)))
            panel.load(entry)
            self.panels.append(panel)
            self.members.addTab(panel, panel.title)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(basics)
        body_layout.addWidget(general)
        body_layout.addWidget(QLabel(self.tr("每位老人的情况")))
        body_layout.addWidget(self.members)
        photos_box = QGroupBox(self.tr("照片"))
        self.photos = AttachmentStrip(
            ctx,
            photos_box,
            owner_kind="household_visit",
            owner_id=self.draft_id,
            ensure_owner=self._owner_for_photos,
        )
        QVBoxLayout(photos_box).addWidget(self.photos)
        body_layout.addWidget(photos_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        self.error = QLabel()
        self.error.setObjectName("visitError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.draft_button = QPushButton(self.tr("保存草稿"))
        self.record_button = QPushButton(self.tr("登记"))
        self.record_button.setDefault(True)
        cancel = QPushButton(self.tr("取消"))
        self.draft_button.clicked.connect(self.save_draft)
        self.record_button.clicked.connect(self.record)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.record_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.mark_saved()

    def panel(self, person_id: str) -> MemberPanel:
        return next(p for p in self.panels if p.person_id == person_id)

    def data(self) -> HouseholdVisitInput:
        """What the form holds."""
        qd = self.visit_date.date()
        general = {c: f for c, box in self.general_areas.items() if (f := box.finding())}
        return HouseholdVisitInput(
            household_id=self.household_id,
            visit_date=date(qd.year(), qd.month(), qd.day()),
            mode=self.mode.currentData(),
            companions=self.companions.text(),
            findings=vc.Findings(general),
            notes=self.notes.toPlainText(),
            members=tuple(p.entry() for p in self.panels),
            address_text="" if self.household_id else self.address.text(),
            started_from=self.started_from,
        )

    def store_draft(self, data: HouseholdVisitInput, draft_id: str | None) -> HouseholdVisitView:
        """Keep the household visit as a draft (保存草稿)."""
        return hv.save_household_draft(self.ctx, data, draft_id=draft_id)

    def draft_texts(self) -> DraftTexts:
        """The household visit form's wording."""
        return DraftTexts(
            self.tr("入户探访记录"),
            self.tr("入户探访还没有登记。保存为草稿，下次继续填写吗？"),
            self.tr("入户探访记录（草稿已保存）"),
        )

    def record(self) -> HouseholdVisitView | None:
        """登记: validate fully and record; closes on success."""
        try:
            view = hv.record_household_visit(self.ctx, self.data(), draft_id=self.draft_id)
        except ServiceError as exc:
            self.error.setText(message_of(exc))
            return None
        self.sig_saved.emit(view)
        self.accept()
        return view


def _titles(ctx: AppContext, data: HouseholdVisitInput) -> dict[str, str]:
    """Tab titles (name and age) per person id, and the household's address under ""."""
    from ...services import register

    out: dict[str, str] = {}
    if data.household_id:
        household, members = register.get_household(ctx, data.household_id)
        out[""] = household.address_text
        for m in members:
            out[m.id] = (
                QCoreApplication.translate("HouseholdVisitDialog", "{0} {1}岁").format(
                    m.name, m.age
                )
                if m.age is not None
                else m.name
            )
    for entry in data.members:
        if entry.person_id not in out:
            person = register.get_person(ctx, entry.person_id)
            out[entry.person_id] = person.name
    return out


def open_household_visit(
    ctx: AppContext,
    parent: QWidget,
    *,
    household_id: str | None = None,
    person_id: str | None = None,
    draft: HouseholdVisitView | None = None,
    started_from: str = "",
) -> HouseholdVisitDialog | None:
    """Open the form (non-blocking) for a household, a person's household or a draft; a
    refusal (a household without elders …) is shown instead."""
    try:
        if draft is not None:
            data = draft.as_input()
            if draft.household_id is None:
                data = replace(data, address_text=draft.address)
        else:
            data = hv.start_household_visit(
                ctx, household_id=household_id, person_id=person_id, started_from=started_from
            )
    except ServiceError as exc:
        QMessageBox.information(parent, _t("入户探访"), message_of(exc))
        return None
    dialog = HouseholdVisitDialog(ctx, data, parent, draft_id=draft.id if draft else None)
    dialog.open()
    return dialog
