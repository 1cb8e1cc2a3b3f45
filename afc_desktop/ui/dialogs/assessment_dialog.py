"""Filling in an assessment (填写评估表): a Qt form generated from a form definition.

Sections become group boxes; scored choices show each option with its score; live subtotals,
total and grade sit at the bottom. 保存草稿 keeps whatever is filled in (values must be valid);
定稿 checks required items and bounds first and names each problem under its field. Closing the
window with unsaved changes keeps them as a draft. 打印预览 shows the same pages the PDF has
(replayed from the printing layer with QPainter on a QPrinter), 另存为PDF writes the PDF.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QFont, QFontDatabase, QPainter, QPen
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.formspec import (
    FormSpec,
    Item,
    ScoringError,
    Section,
    is_answered,
    is_visible,
    missing_for_scoring,
    score,
    validate_answers,
)
from ...printing import AssessmentRecord, PersonHeader, write_assessment_pdf
from ...printing.layout import PAGE_H, PAGE_W
from ...printing.recorder import Op, record
from ...printing.report import draw_assessment
from ...services import assessments as svc
from ...services.context import AppContext, ServiceError
from ..widgets.forms import ERROR_STYLE, optional_date_edit, read_date, write_date

log = logging.getLogger(__name__)
NO_CHOICE = "—"


# --- item editors ----------------------------------------------------------------------------


class ItemEditor(QWidget):
    """The input of one item; ``sig_changed`` whenever its value changes."""

    sig_changed = Signal()

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()

    def value(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def set_value(self, value: Any) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))


class ScoredChoiceEditor(ItemEditor):
    """Radio buttons, one option per line with its score ("4分 独立完成…"), text wrapped."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # allows clearing; exclusivity is kept by hand
        self.buttons: list[QRadioButton] = []
        for row, opt in enumerate(item.options):
            button = QRadioButton(self.tr("%1分").replace("%1", str(opt.score)))
            label = QLabel(opt.label)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            label.mousePressEvent = lambda _e, b=button: b.click()  # type: ignore[method-assign]
            self.group.addButton(button, row)
            self.buttons.append(button)
            layout.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(label, row, 1)
        layout.setColumnStretch(1, 1)
        layout.addWidget(self.error, len(item.options), 0, 1, 2)
        self.group.idClicked.connect(self._clicked)

    def _clicked(self, index: int) -> None:
        for i, button in enumerate(self.buttons):
            if i != index:
                button.setChecked(False)
        self.sig_changed.emit()

    def value(self) -> Any:
        for button, opt in zip(self.buttons, self.item.options, strict=True):
            if button.isChecked():
                return opt.value
        return None

    def set_value(self, value: Any) -> None:
        for button, opt in zip(self.buttons, self.item.options, strict=True):
            button.setChecked(is_answered(value) and opt.value == value)


class ChoiceEditor(ItemEditor):
    """A drop-down with an empty first entry."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        self.combo = QComboBox()
        self.combo.addItem(NO_CHOICE, None)
        for opt in item.options:
            self.combo.addItem(opt.label, opt.value)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.error)
        self.combo.currentIndexChanged.connect(lambda _i: self.sig_changed.emit())

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = 0
        for i, opt in enumerate(self.item.options, start=1):
            if is_answered(value) and opt.value == value:
                index = i
        self.combo.setCurrentIndex(index)


class BoolEditor(ChoiceEditor):
    """是 / 否 / not answered."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        ItemEditor.__init__(self, item, parent)
        self.combo = QComboBox()
        self.combo.addItem(NO_CHOICE, None)
        self.combo.addItem(self.tr("是"), True)
        self.combo.addItem(self.tr("否"), False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.error)
        self.combo.currentIndexChanged.connect(lambda _i: self.sig_changed.emit())

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentIndex(
            {True: 1, False: 2}.get(value, 0) if isinstance(value, bool) else 0
        )


class MultiEditor(ItemEditor):
    """Check boxes: three per line for short options, one per line for long ones."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: list[QCheckBox] = []
        per_line = 1 if max(len(o.label) for o in item.options) > 12 else 3
        for i, opt in enumerate(item.options):
            box = QCheckBox(opt.label)
            box.toggled.connect(lambda _on: self.sig_changed.emit())
            self.boxes.append(box)
            layout.addWidget(box, i // per_line, i % per_line)
        layout.addWidget(self.error, len(item.options) // per_line + 1, 0, 1, per_line)

    def value(self) -> Any:
        chosen = [
            o.value for b, o in zip(self.boxes, self.item.options, strict=True) if b.isChecked()
        ]
        return chosen or None

    def set_value(self, value: Any) -> None:
        chosen = value if isinstance(value, list) else []
        for box, opt in zip(self.boxes, self.item.options, strict=True):
            box.setChecked(opt.value in chosen)


class TextEditor(ItemEditor):
    """One line (short texts, signatures, numbers) or a small text area (long texts)."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        self.multiline = item.type == "text" and (item.max_length or 0) > 100
        self.edit: QLineEdit | QPlainTextEdit
        if self.multiline:
            self.edit = QPlainTextEdit()
            self.edit.setFixedHeight(60)
            self.edit.textChanged.connect(self.sig_changed.emit)
        else:
            self.edit = QLineEdit()
            self.edit.textChanged.connect(lambda _t: self.sig_changed.emit())
            if item.hint:
                self.edit.setPlaceholderText(item.hint)
            if item.type == "signature":
                self.edit.setPlaceholderText(self.tr("签名人姓名"))
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        if item.unit:
            row.addWidget(QLabel(item.unit))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.error)

    def _text(self) -> str:
        edit = self.edit
        return edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()

    def value(self) -> Any:
        text = self._text().strip()
        if not text:
            return None
        if self.item.type == "number":
            try:
                number = float(text)
            except ValueError:
                return text  # validation names it ("应填数字")
            return int(number) if number.is_integer() else number
        return text

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if isinstance(self.edit, QPlainTextEdit):
            self.edit.setPlainText(text)
        else:
            self.edit.setText(text)


class DateEditor(ItemEditor):
    """A date with an explicit "未填" state."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        self.edit = optional_date_edit()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self.edit.dateChanged.connect(lambda _d: self.sig_changed.emit())

    def value(self) -> Any:
        day = read_date(self.edit)
        return day.isoformat() if day else None

    def set_value(self, value: Any) -> None:
        try:
            write_date(self.edit, date.fromisoformat(value) if isinstance(value, str) else None)
        except ValueError:
            write_date(self.edit, None)


def make_editor(item: Item) -> ItemEditor:
    """The editor for ``item``'s type."""
    if item.type == "choice":
        return ScoredChoiceEditor(item) if item.scored else ChoiceEditor(item)
    if item.type == "multi":
        return MultiEditor(item)
    if item.type == "bool":
        return BoolEditor(item)
    if item.type == "date":
        return DateEditor(item)
    return TextEditor(item)


# --- print preview (QPainter replay of the recorded pages) ----------------------------------


@lru_cache(maxsize=1)
def _font_family() -> str:
    from ...printing.fonts import font_file

    font_id = QFontDatabase.addApplicationFont(font_file())
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else ""


def paint_pages(printer: QPrinter, pages: list[list[Op]]) -> None:
    """Draw recorded pages onto ``printer`` (A4, full page), one printer page each."""
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("无法开始打印")
    try:
        rect = printer.pageLayout().fullRectPixels(printer.resolution())
        sx, sy = rect.width() / PAGE_W, rect.height() / PAGE_H
        family = _font_family()
        for index, page in enumerate(pages):
            if index:
                printer.newPage()
            _paint_page(painter, page, sx, sy, family)
    finally:
        painter.end()


def _paint_page(painter: QPainter, page: list[Op], sx: float, sy: float, family: str) -> None:
    font = QFont(family)
    fill = QColor(0, 0, 0)
    pen = QPen(QColor(0, 0, 0))
    pen.setWidthF(0.5 * sx)
    for op in page:
        kind = op[0]
        if kind == "font":
            font.setPointSizeF(op[1])
        elif kind == "bold":
            font.setBold(bool(op[1]))
        elif kind == "fill":
            fill = QColor.fromRgbF(op[1], op[2], op[3])
        elif kind == "stroke":
            pen.setColor(QColor.fromRgbF(op[1], op[2], op[3]))
        elif kind == "width":
            pen.setWidthF(max(op[1] * sx, 1.0))
        elif kind == "text":
            _, align, x, y, text = op
            painter.setFont(font)
            painter.setPen(fill)
            width = painter.fontMetrics().horizontalAdvance(text)
            px = x * sx - (width if align == "right" else width / 2 if align == "center" else 0)
            painter.drawText(QPointF(px, (PAGE_H - y) * sy), text)
        elif kind == "rect":
            _, x, y, w, h, stroke, filled = op
            area = QRectF(x * sx, (PAGE_H - y - h) * sy, w * sx, h * sy)
            if filled:
                painter.fillRect(area, fill)
            if stroke:
                painter.setPen(pen)
                painter.drawRect(area)
        elif kind == "line":
            _, x1, y1, x2, y2 = op
            painter.setPen(pen)
            painter.drawLine(
                QPointF(x1 * sx, (PAGE_H - y1) * sy), QPointF(x2 * sx, (PAGE_H - y2) * sy)
            )


def a4_printer() -> QPrinter:
    """A high-resolution printer set to A4 portrait."""
    from PySide6.QtGui import QPageLayout, QPageSize

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


def show_print_preview(parent: QWidget, draw: Callable[[Any], None]) -> QPrintPreviewDialog:
    """Open the print preview of the pages ``draw`` lays out (printing from there)."""
    pages = record(draw)
    printer = a4_printer()
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(parent.tr("打印预览"))
    dialog.paintRequested.connect(lambda p: paint_pages(p, pages))
    dialog.resize(900, 1000)
    dialog.open()
    return dialog


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
        self.resize(980, 760)
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
        header = QLabel(
            f"<b>{self.person.name}</b>　{self.form.title}（{self.form.id} 第{self.form.version}版）"
        )
        self.status_label = QLabel()
        self.nav = QListWidget()
        self.nav.setMaximumWidth(200)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        for section in self.form.sections:
            self.nav.addItem(
                f"{section.id} {section.title}" if "." in section.id else section.title
            )
            body_layout.addWidget(self._section_box(section))
        notes = [f"{'（暂定）' if n.provisional else ''}{n.text}" for n in self.form.notes]
        if notes:
            note_label = QLabel(self.tr("说明：") + "\n" + "\n".join(notes))
            note_label.setWordWrap(True)
            note_label.setStyleSheet("color: #555;")
            body_layout.addWidget(note_label)
        body_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(body)
        self.nav.currentRowChanged.connect(self._jump)
        split = QSplitter()
        split.addWidget(self.nav)
        split.addWidget(self.scroll)
        split.setStretchFactor(1, 1)

        self.score_label = QLabel()
        self.score_label.setObjectName("scoreLabel")
        self.score_label.setWordWrap(True)
        self.grade_label = QLabel()
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
        self.pdf_button.clicked.connect(self.save_pdf)
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

        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(split, 1)
        layout.addWidget(score_bar)
        layout.addLayout(buttons)

    def _section_box(self, section: Section) -> QGroupBox:
        title = f"{section.id} {section.title}" if "." in section.id else section.title
        box = QGroupBox(title)
        self.groups[section.id] = box
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        row = 0
        if section.note:
            note = QLabel(section.note)
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
            label = QLabel(text)
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
            grid.addWidget(QLabel(f"<b>{column.label}</b>"), first_row, c)
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
            label = QLabel(text)
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
            self.grade_label.setText(exc.message)
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

    def show_problems(self, complete: bool) -> bool:
        """Mark every problem under its field; True when there is none."""
        answers = self.answers()
        problems = validate_answers(self.form, answers, require_complete=complete)
        by_item = {p.item_id: p.message for p in problems}
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
            QMessageBox.warning(self, self.tr("无法保存"), exc.message)
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
            QMessageBox.warning(self, self.tr("无法定稿"), exc.message)
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

    def print_preview(self) -> QPrintPreviewDialog:
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
