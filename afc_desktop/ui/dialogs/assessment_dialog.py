"""Filling in an assessment (填写评估表): a Qt form generated from a form definition.

Sections become group boxes; scored choices show each option with its score; live subtotals,
total and grade sit at the bottom. 保存草稿 keeps whatever is filled in (values must be valid);
定稿 checks required items and bounds first and names each problem under its field. Closing the
window with unsaved changes keeps them as a draft. 打印预览 shows the same pages the PDF has
(``widgets.print_preview``), 另存为PDF writes the PDF.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.formspec import (
    FormSpec,
    ScoringError,
    Section,
    is_answered,
    is_visible,
    missing_for_scoring,
    score,
    validate_answers,
)
from ...printing import AssessmentRecord, PersonHeader, write_assessment_pdf
from ...printing.report import draw_assessment
from ...services import assessments as svc
from ...services.context import AppContext, ServiceError
from ..service_messages import message_of, shown
from ..widgets.item_editors import ItemEditor, make_editor
from ..widgets.labels import mark_data
from ..widgets.print_preview import PrintPreview, show_print_preview
from ..widgets.screen import fit_to_screen

log = logging.getLogger(__name__)
NO_CHOICE = "—"


# --- the dialog ------------------------------------------------------------------------------


class AssessmentDialog(QDialog):
    """Fill in one assessment of one person. ``sig_saved(assessment_id)`` after each save."""

    sig_saved = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        person_id: str,
        form: FormSpec,
        *,
        assessment: svc.AssessmentView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.form = form
        self.assessment_id = assessment.id if assessment else None
        self.final = bool(assessment and assessment.status == svc.FINAL)
        self.person: PersonHeader = svc.person_header(ctx, person_id)
        self.editors: dict[str, ItemEditor] = {}
        self.rows: dict[str, QWidget] = {}
        self.groups: dict[str, QGroupBox] = {}
        self.dirty = False
        self._loading = True
        self.setWindowTitle(
            self.tr("评估：%1 — %2").replace("%1", self.person.name).replace("%2", form.title)
        )
        fit_to_screen(self, 980, 760)
        self._build()
        if assessment is not None:
            self.set_answers(assessment.answers)
        else:
            self.set_answers(svc.prefilled_answers(ctx, person_id, form.id))
        self._loading = False
        self.dirty = False
        self._refresh()
        if self.final:
            self._make_read_only()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        header = mark_data(QLabel(f"<b>{self.person.name}</b>　{self.form.title}"))
        version = QLabel(self.tr("第%1版").replace("%1", str(self.form.version)))
        self.status_label = QLabel()
        self.nav = mark_data(QListWidget())  # the form's section titles
        body = QWidget()
        body_layout = QVBoxLayout(body)
        for section in self.form.sections:
            self.nav.addItem(
                f"{section.id} {section.title}" if "." in section.id else section.title
            )
            body_layout.addWidget(self._section_box(section))
        notes = [f"{'（暂定）' if n.provisional else ''}{n.text}" for n in self.form.notes]
        if notes:
            note_label = mark_data(QLabel(self.tr("说明：") + "\n" + "\n".join(notes)))
            note_label.setWordWrap(True)
            note_label.setStyleSheet("color: #555;")
            body_layout.addWidget(note_label)
        body_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(body)
        # wide enough for the longest section title (cut titles were unreadable in large text)
        self.nav.setFixedWidth(
            min(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 8, 360)
        )
        self.nav.currentRowChanged.connect(self._jump)
        split = QSplitter()
        split.addWidget(self.nav)
        split.addWidget(self.scroll)
        split.setStretchFactor(1, 1)

        self.score_label = mark_data(QLabel())  # the form's subtotal names
        self.score_label.setObjectName("scoreLabel")
        self.score_label.setWordWrap(True)
        self.grade_label = mark_data(QLabel())  # the form's grade names
        self.grade_label.setObjectName("gradeLabel")
        score_bar = QFrame()
        score_bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar = QVBoxLayout(score_bar)
        bar.addWidget(self.score_label)
        bar.addWidget(self.grade_label)
        score_bar.setVisible(self.form.scoring is not None)

        self.draft_button = QPushButton(self.tr("保存草稿"))
        self.final_button = QPushButton(self.tr("定稿保存"))
        self.preview_button = QPushButton(self.tr("打印预览…"))
        self.pdf_button = QPushButton(self.tr("另存为PDF…"))
        self.close_button = QPushButton(self.tr("关闭"))
        self.draft_button.clicked.connect(self.save_draft)
        self.final_button.clicked.connect(self.finalize)
        self.preview_button.clicked.connect(self.print_preview)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        for b in (
            self.preview_button,
            self.pdf_button,
            self.draft_button,
            self.final_button,
            self.close_button,
        ):
            buttons.addWidget(b)

        top = QHBoxLayout()
        top.addWidget(header)
        top.addWidget(version)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(score_bar)
        layout.addLayout(buttons)

    def _section_box(self, section: Section) -> QGroupBox:
        title = f"{section.id} {section.title}" if "." in section.id else section.title
        box = mark_data(QGroupBox(title))
        self.groups[section.id] = box
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        row = 0
        if section.note:
            note = mark_data(QLabel(section.note))
            note.setStyleSheet("color: #555;")
            note.setWordWrap(True)
            grid.addWidget(note, row, 0, 1, 2)
            row += 1
        if section.is_table:
            self._table_rows(section, grid, row)
            return box
        for item in section.items:
            editor = make_editor(item)
            editor.sig_changed.connect(self._changed)
            self.editors[item.id] = editor
            text = f"{item.id} {item.label}" if item.row is None else item.label
            if item.required:
                text += " *"
            if item.provisional:
                text += self.tr("（暂定）")
            label = mark_data(QLabel(text))
            label.setWordWrap(True)
            label.setMinimumWidth(150)
            label.setMaximumWidth(260)
            tip = "\n".join(filter(None, [item.definition, item.hint]))
            if tip:
                label.setToolTip(tip)
                editor.setToolTip(tip)
            holder = QWidget()
            line = QHBoxLayout(holder)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
            line.addWidget(editor, 1)
            self.rows[item.id] = holder
            grid.addWidget(holder, row, 0, 1, 2)
            row += 1
        return box

    def _table_rows(self, section: Section, grid: QGridLayout, first_row: int) -> None:
        """A checklist section: one line per row, one editor per column."""
        grid.addWidget(QLabel(self.tr("项目")), first_row, 0)
        for c, column in enumerate(section.columns, start=1):
            grid.addWidget(mark_data(QLabel(f"<b>{column.label}</b>")), first_row, c)
        grid.setColumnStretch(1, 0)
        grid.setColumnStretch(len(section.columns), 1)
        for r, table_row in enumerate(section.rows, start=first_row + 1):
            text = (
                f"{table_row.label}（{'、'.join(table_row.tags)}）"
                if table_row.tags
                else table_row.label
            )
            if table_row.provisional:
                text += self.tr("（暂定）")
            label = mark_data(QLabel(text))
            label.setWordWrap(True)
            label.setMinimumWidth(150)
            grid.addWidget(label, r, 0)
            for c, column in enumerate(section.columns, start=1):
                item = self.form.item(f"{table_row.id}.{column.key}")
                editor = make_editor(item)
                editor.sig_changed.connect(self._changed)
                self.editors[item.id] = editor
                self.rows[item.id] = editor
                grid.addWidget(editor, r, c)

    def _jump(self, index: int) -> None:
        if 0 <= index < len(self.form.sections):
            self.scroll.ensureWidgetVisible(self.groups[self.form.sections[index].id], 0, 0)

    # -- answers ---------------------------------------------------------------------------
    def answers(self) -> dict[str, Any]:
        """The answers as entered (hidden items included; the service drops them)."""
        out: dict[str, Any] = {}
        for item_id, editor in self.editors.items():
            value = editor.value()
            if is_answered(value):
                out[item_id] = value
        return out

    def set_answers(self, answers: dict[str, Any]) -> None:
        """Fill the editors from ``answers``."""
        loading, self._loading = self._loading, True
        for item_id, editor in self.editors.items():
            editor.set_value(answers.get(item_id))
        self._loading = loading
        self._refresh()

    def _changed(self) -> None:
        if self._loading:
            return
        self.dirty = True
        self._refresh()

    def _refresh(self) -> None:
        answers = self.answers()
        for item in self.form.items():
            self.rows[item.id].setVisible(is_visible(self.form, item, answers))
        for section in self.form.sections:
            box = self.groups[section.id]
            box.setVisible(any(self.rows[i.id].isVisibleTo(box) for i in section.items))
        self._update_scores(answers)
        state = (
            self.tr("已定稿")
            if self.final
            else (self.tr("草稿（未保存的修改）") if self.dirty else self.tr("草稿"))
        )
        self.status_label.setText(state if self.assessment_id or self.dirty else self.tr("新评估"))

    def _update_scores(self, answers: dict[str, Any]) -> None:
        scoring = self.form.scoring
        if scoring is None:
            return
        parts = []
        for sub in scoring.subtotals:
            got = 0
            for item_id in sub.items:
                opt = self.form.item(item_id).option(answers.get(item_id))
                got += opt.score or 0 if opt else 0
            parts.append(f"{sub.label} {got}/{sub.max}")
        missing = missing_for_scoring(self.form, answers)
        if missing:
            total = self.tr("总分：尚缺 %1 题").replace("%1", str(len(missing)))
            self.score_label.setText("　".join(parts) + "　" + total)
            self.grade_label.setText(self.tr("等级：待全部作答后评定"))
            return
        try:
            result = score(self.form, answers)
        except ScoringError as exc:
            self.grade_label.setText(message_of(exc))
            return
        self.score_label.setText(
            "　".join(parts)
            + "　"
            + self.tr("总分 %1/%2")
            .replace("%1", str(result.total))
            .replace("%2", str(result.total_max))
        )
        text = (
            self.tr("初步等级：%1　最终等级：%2")
            .replace("%1", result.preliminary_grade)
            .replace("%2", result.final_grade)
        )
        if result.adjustments:
            text += "　" + self.tr("（变更依据：%1）").replace(
                "%1", "、".join(a.id for a in result.adjustments)
            )
        self.grade_label.setText(text)

    def _problem_text(self, item_id: str, message: str) -> str:
        """A problem under its item, in the interface language. Translated, it loses the item's
        wording ("A.1.2 评估基准日期：…" → "A.1.2: …"): that is the official form's, shown above
        (and a wording with "：" of its own must not be taken for the message's parts)."""
        try:
            wording = self.form.item(item_id).label
        except KeyError:
            return shown(message)
        marker = "\u2063"  # stands for the wording while the message is translated
        masked = message.replace(f" {wording}", f" {marker}", 1)
        text = shown(masked)
        return message if text == masked else text.replace(f" {marker}", "", 1)

    def show_problems(self, complete: bool) -> bool:
        """Mark every problem under its field; True when there is none."""
        answers = self.answers()
        problems = validate_answers(self.form, answers, require_complete=complete)
        by_item = {p.item_id: self._problem_text(p.item_id, p.message) for p in problems}
        for item_id, editor in self.editors.items():
            editor.set_error(by_item.get(item_id, ""))
        if problems:
            first = self.rows.get(problems[0].item_id)
            if first is not None:
                self.scroll.ensureWidgetVisible(first)
            self.status_label.setText(self.tr("有 %1 处需要修改").replace("%1", str(len(problems))))
        return not problems

    # -- actions ---------------------------------------------------------------------------
    def _input(self) -> svc.AssessmentInput:
        return svc.AssessmentInput(
            person_id=self.person_id,
            form_id=self.form.id,
            form_version=self.form.version,
            answers=self.answers(),
        )

    def save_draft(self) -> bool:
        """Save as a draft; False (and the problems shown) when a value is invalid."""
        if not self.show_problems(complete=False):
            return False
        try:
            view = svc.save_draft(self.ctx, self._input(), self.assessment_id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("无法保存"), message_of(exc))
            return False
        self.assessment_id = view.id
        self.dirty = False
        self._refresh()
        self.sig_saved.emit(view.id)
        return True

    def finalize(self) -> bool:
        """Check everything, score and save as final (updates the person's ability grade)."""
        if not self.show_problems(complete=True):
            return False
        try:
            view = svc.finalize_assessment(self.ctx, self._input(), self.assessment_id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("无法定稿"), message_of(exc))
            return False
        self.assessment_id = view.id
        self.final = True
        self.dirty = False
        self._make_read_only()
        self._refresh()
        self.sig_saved.emit(view.id)
        return True

    def _make_read_only(self) -> None:
        for editor in self.editors.values():
            editor.setEnabled(False)
        self.draft_button.setEnabled(False)
        self.final_button.setEnabled(False)

    def record(self) -> AssessmentRecord:
        """The sheet as it stands, for printing."""
        answers = self.answers()
        return AssessmentRecord(
            form_id=self.form.id,
            form_version=self.form.version,
            person=self.person,
            answers=answers,
            assessed_on=_date_or_none(answers.get(svc.date_item_id(self.form) or "")),
            status=svc.FINAL if self.final else svc.DRAFT,
            record_id=self.assessment_id or "",
        )

    def print_preview(self) -> PrintPreview:
        """Preview (and print from there) the pages the PDF would have."""
        rec = self.record()
        return show_print_preview(self, lambda c: draw_assessment(c, self.form, rec))

    def save_pdf(self, path: str | None = None) -> Path | None:
        """Write the sheet as a PDF (asks where unless ``path`` is given)."""
        if path is None:
            suggested = f"{self.person.name}-{self.form.title}.pdf"
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("另存为PDF"),
                str(self.ctx.data_dir.exports_dir / suggested),
                "PDF (*.pdf)",
            )
            if not path:
                return None
        try:
            return write_assessment_pdf(self.form, self.record(), path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("无法保存PDF"), str(exc))
            return None

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Unsaved changes are kept as a draft; invalid values ask first."""
        if self.dirty and not self.final and self.answers() and not self.save_draft():
            answer = QMessageBox.question(
                self,
                self.tr("无法保存草稿"),
                self.tr("有填写不正确的内容，草稿未能保存。仍要关闭并放弃这些修改吗？"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        event.accept()
        self.done(
            QDialog.DialogCode.Accepted if self.assessment_id else QDialog.DialogCode.Rejected
        )

    def reject(self) -> None:
        """Esc behaves like closing the window (draft kept)."""
        self.close()


def _date_or_none(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
