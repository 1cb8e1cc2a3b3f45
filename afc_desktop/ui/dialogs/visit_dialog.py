"""The visit form (探访记录): date, mode, companions, the five content areas, risk flags, needs
found and a follow-up. 保存草稿 keeps a half-finished visit; 登记 records it.

- Opening the form for a person who has a draft resumes the newest draft; recording completes
  it (no draft is left behind).
- 风险等级 starts from the person's latest recorded visit, not from 一般: a routine visit must not
  lower a high-risk elder's cadence by default. Whenever the chosen level changes the person's
  cadence, a line beside the buttons says so ("下次探访：每周 → 每季度，因为风险等级改为一般"),
  and recording a visit that makes visits rarer asks first.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain import visit_content as vc
from ...domain.schedule import CadenceRule
from ...services import register, visits
from ...services.context import AppContext, ServiceError
from ...services.visits import NeedDraft, VisitInput, VisitView
from ..domain_labels import label as domain_label
from ..service_messages import message_of
from ..widgets.attachments_strip import AttachmentStrip
from ..widgets.forms import ERROR_STYLE
from ..widgets.labels import mark_data
from ..widgets.screen import fit_to_screen
from ..widgets.visit_findings import FindingsWidget
from .draft_dialog import DraftDialog, DraftTexts


class VisitDialog(DraftDialog):
    """Record a visit to ``person_id``, or resume ``draft``. Emits ``sig_saved(VisitView)``."""

    def __init__(
        self,
        ctx: AppContext,
        person_id: str,
        parent: QWidget | None = None,
        *,
        draft: VisitView | None = None,
        started_from: str = "",
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        if draft is None:  # a draft left for this person is resumed, not duplicated
            drafts = visits.list_drafts(ctx, person_id=person_id)
            draft = drafts[0] if drafts else None
        self.cadence = visits.person_cadence(ctx, person_id)
        self.draft_id = draft.id if draft else None
        self.started_from = draft.started_from if draft else started_from
        self.setWindowTitle(self.tr("探访记录"))
        fit_to_screen(self, 760, 720)
        person = register.get_person(ctx, person_id)
        address = person.household.address_text if person.household else ""
        age = self.tr("{0}岁").format(person.age) if person.age is not None else ""
        self.header = mark_data(QLabel(f"<b>{person.name}</b>　{age}　{address}"))

        self.visit_date = QDateEdit()
        self.visit_date.setDisplayFormat("yyyy-MM-dd")
        self.visit_date.setCalendarPopup(True)
        today = ctx.today()
        self.visit_date.setMaximumDate(QDate(today.year, today.month, today.day))
        self.visit_date.setDate(QDate(today.year, today.month, today.day))
        self.mode = QComboBox()
        for code, label in vc.MODES:
            self.mode.addItem(domain_label(label), code)
        self.companions = QLineEdit()
        self.companions.setPlaceholderText(self.tr("如：网格员、志愿者"))
        basics = QFormLayout()
        basics.addRow(self.tr("探访日期"), self.visit_date)
        basics.addRow(self.tr("探访方式"), self.mode)
        basics.addRow(self.tr("同行人员"), self.companions)

        # areas, risk, notes, needs and follow-up: the same block as each elder's tab of the
        # household visit form (``widgets.visit_findings``)
        self.findings = FindingsWidget()
        self.areas = self.findings.areas
        self.risk_flags = self.findings.risk_flags
        self.risk_level = self.findings.risk_level
        self.risk_level.setCurrentIndex(max(0, self.risk_level.findData(self.cadence.risk_level)))
        self.notes = self.findings.notes
        self.needs_table = self.findings.needs_table
        self.follow_date = self.findings.follow_date
        self.follow_text = self.findings.follow_text

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(basics)
        body_layout.addWidget(self.findings)
        photos_box = QGroupBox(self.tr("照片"))
        self.photos = AttachmentStrip(
            ctx, photos_box, owner_kind="visit", owner_id=self.draft_id,
            ensure_owner=self._owner_for_photos,
        )  # fmt: skip
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
        self.cadence_note = QLabel()
        self.cadence_note.setObjectName("cadenceNote")
        self.cadence_note.setWordWrap(True)
        self.cadence_note.setStyleSheet("color: #a15c00; font-weight: bold;")
        self.cadence_note.hide()
        self.risk_level.currentIndexChanged.connect(lambda _i: self._show_cadence_change())
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.record_button)
        buttons.addWidget(cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.cadence_note)
        layout.addLayout(buttons)
        if draft is not None:
            self.load(draft)
            self.setWindowTitle(self.tr("探访记录（继续填写草稿）"))
        self.mark_saved()
        self._show_cadence_change()

    def add_need_row(self, need: NeedDraft | None = None) -> None:
        self.findings.add_need_row(need)

    # --- data --------------------------------------------------------------------------------

    def data(self) -> VisitInput:
        """What the form holds."""
        qd = self.visit_date.date()
        follow_up_date, follow_up_text = self.findings.follow_up()
        return VisitInput(
            person_id=self.person_id,
            visit_date=date(qd.year(), qd.month(), qd.day()),
            mode=self.mode.currentData(),
            companions=self.companions.text(),
            findings=self.findings.findings(),
            risk_flags=self.findings.flags(),
            risk_level=self.risk_level.currentData(),
            notes=self.notes.toPlainText(),
            needs=self.findings.needs(),
            follow_up_date=follow_up_date,
            follow_up_text=follow_up_text,
            started_from=self.started_from,
        )

    def load(self, view: VisitView) -> None:
        """Fill the form from a draft."""
        d = view.visit_date
        self.visit_date.setDate(QDate(d.year, d.month, d.day))
        self.mode.setCurrentIndex(max(0, self.mode.findData(view.mode)))
        self.companions.setText(view.companions)
        self.findings.load(
            view.findings,
            view.risk_flags,
            view.risk_level,
            view.notes,
            view.pending_needs,
            view.follow_up_date,
            view.follow_up_text,
        )

    def store_draft(self, data: VisitInput, draft_id: str | None) -> VisitView:
        """Keep the visit as a draft (保存草稿)."""
        return visits.save_draft(self.ctx, data, draft_id=draft_id)

    def draft_texts(self) -> DraftTexts:
        """The visit form's wording."""
        return DraftTexts(
            self.tr("探访记录"),
            self.tr("探访记录还没有登记。保存为草稿，下次继续填写吗？"),
            self.tr("探访记录（草稿已保存）"),
        )

    # --- cadence -----------------------------------------------------------------------------

    def cadence_text(self, rule: CadenceRule | None) -> str:
        """ "每周", "每季度", "每2个月" … of a rule (不需定期探访 without one)."""
        if rule is None:
            return self.tr("不需定期探访")
        named = {
            (1, "day"): self.tr("每天"),
            (1, "week"): self.tr("每周"),
            (2, "week"): self.tr("每两周"),
            (1, "month"): self.tr("每月"),
            (3, "month"): self.tr("每季度"),
            (6, "month"): self.tr("每半年"),
            (12, "month"): self.tr("每年"),
        }
        if (rule.every, rule.unit) in named:
            return named[(rule.every, rule.unit)]
        unit = {"day": self.tr("天"), "week": self.tr("周"), "month": self.tr("个月")}
        return self.tr("每{0}{1}").format(rule.every, unit.get(rule.unit, rule.unit))

    def cadence_change(self) -> tuple[CadenceRule | None, CadenceRule | None] | None:
        """(rule now, rule after) when recording this visit changes the cadence."""
        return self.cadence.change(self.risk_level.currentData())

    def _show_cadence_change(self) -> None:
        change = self.cadence_change()
        if change is None:
            self.cadence_note.hide()
            self.cadence_note.setText("")
            return
        before, after = change
        self.cadence_note.setText(
            self.tr("下次探访：{0} → {1}，因为风险等级改为{2}").format(
                self.cadence_text(before), self.cadence_text(after), self.risk_level.currentText()
            )
        )
        self.cadence_note.show()

    def _rarer(self) -> bool:
        change = self.cadence_change()
        if change is None:
            return False
        before, after = change
        return before is not None and (after is None or after.approx_days > before.approx_days)

    def record(self) -> VisitView | None:
        """登记: validate fully and record; closes on success.

        A visit that makes the person's visits rarer (a lower risk level) asks first."""
        if self._rarer():
            answer = QMessageBox.question(
                self,
                self.tr("探访记录"),
                self.cadence_note.text() + "\n\n" + self.tr("确认按此登记吗？"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        try:
            view = visits.record_visit(self.ctx, self.data(), draft_id=self.draft_id)
        except ServiceError as exc:
            self.error.setText(message_of(exc))
            return None
        self.sig_saved.emit(view)
        self.accept()
        return view
