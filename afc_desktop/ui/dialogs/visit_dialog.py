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

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import needs as need_rules
from ...domain import visit_content as vc
from ...domain.schedule import CadenceRule
from ...services import register, visits
from ...services.context import AppContext, ServiceError
from ...services.visits import NeedDraft, VisitInput, VisitView
from ..widgets.attachments_strip import AttachmentStrip
from ..widgets.forms import ERROR_STYLE, optional_date_edit, read_date, write_date
from ..widgets.labels import mark_data
from ..widgets.screen import fit_to_screen


class AreaBox(QGroupBox):
    """One content area: level, the issues to tick, notes."""

    def __init__(self, area: vc.Area, parent: QWidget | None = None) -> None:
        super().__init__(area.label, parent)
        self.area = area
        self.level = QComboBox()
        for code, label in vc.LEVELS:
            self.level.addItem(self.tr(label), code)
        self.issues: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for i, (code, label) in enumerate(area.issues):
            box = QCheckBox(self.tr(label))
            box.toggled.connect(self._issue_toggled)
            self.issues[code] = box
            grid.addWidget(box, i // 3, i % 3)
        self.notes = QLineEdit()
        self.notes.setPlaceholderText(self.tr("情况说明"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("情况：")))
        top.addWidget(self.level)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(self.notes)

    def _issue_toggled(self, checked: bool) -> None:
        if checked and self.level.currentData() == "ok":
            self.level.setCurrentIndex(self.level.findData("attention"))

    def finding(self) -> vc.AreaFinding | None:
        """The area's finding, or None when nothing was recorded."""
        issues = tuple(code for code, box in self.issues.items() if box.isChecked())
        level = self.level.currentData()
        notes = self.notes.text().strip()
        if not issues and level == "ok" and not notes:
            return None
        return vc.AreaFinding(level, issues, notes)

    def load(self, finding: vc.AreaFinding | None) -> None:
        finding = finding or vc.AreaFinding()
        for code, box in self.issues.items():
            box.setChecked(code in finding.issues)
        self.level.setCurrentIndex(max(0, self.level.findData(finding.level)))
        self.notes.setText(finding.notes)


class VisitDialog(QDialog):
    """Record a visit to ``person_id``, or resume ``draft``. Emits ``sig_saved(VisitView)``."""

    sig_saved = Signal(object)

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
            self.mode.addItem(self.tr(label), code)
        self.companions = QLineEdit()
        self.companions.setPlaceholderText(self.tr("如：网格员、志愿者"))
        basics = QFormLayout()
        basics.addRow(self.tr("探访日期"), self.visit_date)
        basics.addRow(self.tr("探访方式"), self.mode)
        basics.addRow(self.tr("同行人员"), self.companions)

        self.areas = {a.code: AreaBox(a) for a in vc.AREAS}

        risk_box = QGroupBox(self.tr("风险"))
        risk_layout = QGridLayout(risk_box)
        self.risk_flags: dict[str, QCheckBox] = {}
        for i, (code, label) in enumerate(vc.RISK_FLAGS):
            box = QCheckBox(self.tr(label))
            box.toggled.connect(self._suggest_risk)
            self.risk_flags[code] = box
            risk_layout.addWidget(box, i // 3, i % 3)
        self.risk_level = QComboBox()
        self.risk_level.addItem(self.tr("一般"), "normal")
        self.risk_level.addItem(self.tr("高风险"), "high")
        self.risk_level.setCurrentIndex(max(0, self.risk_level.findData(self.cadence.risk_level)))
        risk_layout.addWidget(QLabel(self.tr("风险等级")), 2, 0)
        risk_layout.addWidget(self.risk_level, 2, 1)

        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("情况记录"))
        self.notes.setFixedHeight(70)

        needs_box = QGroupBox(self.tr("发现的需求"))
        self.needs_table = QTableWidget(0, 3)
        self.needs_table.setHorizontalHeaderLabels(
            [self.tr("需求类型"), self.tr("描述"), self.tr("紧急程度")]
        )
        self.needs_table.horizontalHeader().setStretchLastSection(False)
        self.needs_table.setColumnWidth(1, 360)
        self.needs_table.setFixedHeight(110)
        add_need = QPushButton(self.tr("添加需求"))
        add_need.clicked.connect(lambda: self.add_need_row())
        remove_need = QPushButton(self.tr("删除所选"))
        remove_need.clicked.connect(self._remove_need_row)
        needs_layout = QVBoxLayout(needs_box)
        needs_layout.addWidget(self.needs_table)
        row = QHBoxLayout()
        row.addWidget(add_need)
        row.addWidget(remove_need)
        row.addStretch(1)
        needs_layout.addLayout(row)

        follow_box = QGroupBox(self.tr("跟进"))
        self.follow_date = optional_date_edit()
        self.follow_text = QLineEdit()
        self.follow_text.setPlaceholderText(self.tr("跟进事项（填写后生成待办）"))
        follow_layout = QHBoxLayout(follow_box)
        follow_layout.addWidget(QLabel(self.tr("日期")))
        follow_layout.addWidget(self.follow_date)
        follow_layout.addWidget(self.follow_text, 1)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(basics)
        for box in self.areas.values():
            body_layout.addWidget(box)
        body_layout.addWidget(risk_box)
        body_layout.addWidget(QLabel(self.tr("情况记录")))
        body_layout.addWidget(self.notes)
        body_layout.addWidget(needs_box)
        body_layout.addWidget(follow_box)
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
        self._saved_state = self.data()
        self._show_cadence_change()

    def has_unsaved_changes(self) -> bool:
        """True when the form differs from what was opened or last saved as a draft."""
        return self.data() != self._saved_state

    def reject(self) -> None:
        """Closing with unsaved content offers to keep it as a draft (保存草稿)."""
        if self.has_unsaved_changes():
            answer = QMessageBox.question(
                self,
                self.tr("探访记录"),
                self.tr("探访记录还没有登记。保存为草稿，下次继续填写吗？"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and self.save_draft() is None:
                return  # the error is shown; stay open
        super().reject()

    # --- needs table -------------------------------------------------------------------------

    def add_need_row(self, need: NeedDraft | None = None) -> None:
        row = self.needs_table.rowCount()
        self.needs_table.insertRow(row)
        kind = QComboBox()
        kind.addItem(self.tr("请选择"), "")
        for code, label in need_rules.SERVICE_TYPES:
            kind.addItem(self.tr(label), code)
        urgency = QComboBox()
        for code, label in need_rules.URGENCIES:
            urgency.addItem(self.tr(label), code)
        urgency.setCurrentIndex(urgency.findData("normal"))
        if need is not None:
            kind.setCurrentIndex(max(0, kind.findData(need.need_type)))
            urgency.setCurrentIndex(max(0, urgency.findData(need.urgency)))
        self.needs_table.setCellWidget(row, 0, kind)
        self.needs_table.setItem(row, 1, QTableWidgetItem(need.description if need else ""))
        self.needs_table.setCellWidget(row, 2, urgency)

    def _remove_need_row(self) -> None:
        row = self.needs_table.currentRow()
        if row >= 0:
            self.needs_table.removeRow(row)

    def _needs(self) -> tuple[NeedDraft, ...]:
        out = []
        for row in range(self.needs_table.rowCount()):
            kind = self.needs_table.cellWidget(row, 0)
            urgency = self.needs_table.cellWidget(row, 2)
            item = self.needs_table.item(row, 1)
            out.append(
                NeedDraft(
                    kind.currentData() if isinstance(kind, QComboBox) else "",
                    item.text().strip() if item else "",
                    urgency.currentData() if isinstance(urgency, QComboBox) else "normal",
                )
            )
        return tuple(out)

    # --- data --------------------------------------------------------------------------------

    def _suggest_risk(self) -> None:
        flags = [code for code, box in self.risk_flags.items() if box.isChecked()]
        self.risk_level.setCurrentIndex(self.risk_level.findData(vc.suggested_risk_level(flags)))

    def data(self) -> VisitInput:
        """What the form holds."""
        qd = self.visit_date.date()
        findings = {code: finding for code, box in self.areas.items() if (finding := box.finding())}
        return VisitInput(
            person_id=self.person_id,
            visit_date=date(qd.year(), qd.month(), qd.day()),
            mode=self.mode.currentData(),
            companions=self.companions.text(),
            findings=vc.Findings(findings),
            risk_flags=tuple(code for code, box in self.risk_flags.items() if box.isChecked()),
            risk_level=self.risk_level.currentData(),
            notes=self.notes.toPlainText(),
            needs=self._needs(),
            follow_up_date=read_date(self.follow_date),
            follow_up_text=self.follow_text.text().strip(),
            started_from=self.started_from,
        )

    def load(self, view: VisitView) -> None:
        """Fill the form from a draft."""
        d = view.visit_date
        self.visit_date.setDate(QDate(d.year, d.month, d.day))
        self.mode.setCurrentIndex(max(0, self.mode.findData(view.mode)))
        self.companions.setText(view.companions)
        for code, box in self.areas.items():
            box.load(view.findings.areas.get(code))
        for code, box in self.risk_flags.items():
            box.setChecked(code in view.risk_flags)
        self.risk_level.setCurrentIndex(max(0, self.risk_level.findData(view.risk_level)))
        self.notes.setPlainText(view.notes)
        for need in view.pending_needs:
            self.add_need_row(need)
        write_date(self.follow_date, view.follow_up_date)
        self.follow_text.setText(view.follow_up_text)

    def _owner_for_photos(self) -> str | None:
        """A new visit is kept as a draft first, so its photos have a record to belong to."""
        if self.draft_id is None and self.save_draft() is None:
            return None
        return self.draft_id

    def save_draft(self) -> VisitView | None:
        """保存草稿: keep what is there; the dialog stays open for more."""
        try:
            view = visits.save_draft(self.ctx, self.data(), draft_id=self.draft_id)
        except ServiceError as exc:
            self.error.setText(exc.message)
            return None
        self.draft_id = view.id
        self._saved_state = self.data()
        self.error.setText("")
        self.setWindowTitle(self.tr("探访记录（草稿已保存）"))
        self.sig_saved.emit(view)
        return view

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
            self.error.setText(exc.message)
            return None
        self.sig_saved.emit(view)
        self.accept()
        return view
