"""The assessments area (评估): find a person, see their assessments, fill in, print.

Left: people found by name, pinyin, ID number or phone. Right: the person's assessments (drafts
and final sheets of every form version), with 新建 / 打开 / 打印预览 / 另存为PDF / 空白表, and
the month's final assessments printed into one PDF (in the background, with progress).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...printing import (
    AssessmentDoc,
    BatchCancelled,
    write_assessment_pdf,
    write_batch_pdf,
    write_blank_pdf,
)
from ...printing.blank import draw_blank
from ...printing.report import draw_assessment
from ...services import assessments as svc
from ...services import register
from ...services.context import AppContext, ServiceError
from ..dialogs.assessment_dialog import AssessmentDialog
from ..jobs import JobCancelled, JobControl, run_with_progress
from ..service_messages import message_of
from ..widgets.print_preview import show_print_preview

SEARCH_DELAY_MS = 250
# Marked for lupdate under this class's context; translated where the header is set.
COLUMNS = (
    QT_TRANSLATE_NOOP("Page", "评估日期"),
    QT_TRANSLATE_NOOP("Page", "表单"),
    QT_TRANSLATE_NOOP("Page", "版本"),
    QT_TRANSLATE_NOOP("Page", "状态"),
    QT_TRANSLATE_NOOP("Page", "总分"),
    QT_TRANSLATE_NOOP("Page", "最终等级"),
    QT_TRANSLATE_NOOP("Page", "评估员"),
)


class Page(QWidget):
    """评估 page. ``sig_assessment_saved(id)`` after a dialog saved a sheet."""

    # Tables whose committed writes this page shows (``ui/change_hub.py``).
    WATCHES = frozenset({"assessment", "person"})

    def refresh_for_changes(self) -> None:
        """A write elsewhere changed what this page shows."""
        if self.person_id:
            self.reload()

    sig_assessment_saved = Signal(str)
    sig_batch_done = Signal(str, int)  # (pdf path, documents)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id: str | None = None
        self.views: list[svc.AssessmentView] = []
        self.search = QLineEdit()
        self.search.setObjectName("assessmentSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("查找人员：姓名、拼音首字母、身份证号、电话"))
        self.people = QListWidget()
        self.people.setObjectName("assessmentPeople")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.people.currentItemChanged.connect(self._person_chosen)

        self.person_label = QLabel(self.tr("请先在左侧选择人员"))
        self.message = QLabel()
        self.message.setObjectName("assessmentMessage")
        self.message.setWordWrap(True)
        self.form_combo = QComboBox()
        for form in svc.forms_registry().latest():
            if form.kind == "notice":  # printed from the person page, not filled as a sheet
                continue
            self.form_combo.addItem(f"{form.title}（第{form.version}版）", form.id)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("assessmentTable")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())

        self.new_button = QPushButton(self.tr("新建评估"))
        self.open_button = QPushButton(self.tr("打开"))
        self.preview_button = QPushButton(self.tr("打印预览…"))
        self.pdf_button = QPushButton(self.tr("另存为PDF…"))
        self.blank_button = QPushButton(self.tr("打印空白表…"))
        self.discard_button = QPushButton(self.tr("删除草稿"))
        self.month_button = QPushButton(self.tr("本月评估合订PDF…"))
        self.new_button.clicked.connect(self.new_assessment)
        self.open_button.clicked.connect(self.open_selected)
        self.preview_button.clicked.connect(self.preview_selected)
        self.pdf_button.clicked.connect(lambda: self.pdf_selected())
        self.blank_button.clicked.connect(self.preview_blank)
        self.discard_button.clicked.connect(self.discard_selected)
        self.month_button.clicked.connect(lambda: self.print_month())

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.people, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.person_label)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("表单：")))
        top.addWidget(self.form_combo, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.blank_button)
        right_layout.addLayout(top)
        right_layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        for b in (self.open_button, self.preview_button, self.pdf_button, self.discard_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.month_button)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.message)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._update_buttons()
        self.run_search()  # the first names of the register, so the list is never blank

    # -- main-window hooks -----------------------------------------------------------------
    def focus_search(self) -> None:
        """Ctrl+F."""
        self.search.setFocus()
        self.search.selectAll()

    def new_item(self) -> None:
        """Ctrl+N."""
        self.new_assessment()

    def on_shown(self) -> None:
        """Refresh the selected person's list when the page comes back."""
        if self.person_id:
            self.reload()

    # -- people ----------------------------------------------------------------------------
    def run_search(self) -> None:
        """Look people up by the search text."""
        text = self.search.text().strip()
        self.people.clear()
        try:
            ids = register.search_person_ids(self.ctx, register.PersonQuery(text=text, limit=50))
            rows = register.person_rows(self.ctx, ids)
        except ServiceError as exc:
            self.person_label.setText(message_of(exc))
            return
        for row in rows:
            grade = row.ability_grade or self.tr("未评估")
            entry = QListWidgetItem(f"{row.name}　{row.id_masked}　{grade}")
            entry.setData(Qt.ItemDataRole.UserRole, row.id)
            self.people.addItem(entry)
        if rows and text:  # with no search text the list only offers a start, nobody is chosen
            self.people.setCurrentRow(0)

    def select_person(self, person_id: str) -> None:
        """Show ``person_id``'s assessments (also used by other pages)."""
        self.person_id = person_id
        self.reload()

    def _person_chosen(self, current: QListWidgetItem | None, _previous: Any) -> None:
        if current is not None:
            self.select_person(str(current.data(Qt.ItemDataRole.UserRole)))

    def reload(self) -> None:
        """Re-read the person's assessments."""
        if not self.person_id:
            return
        try:
            header = svc.person_header(self.ctx, self.person_id)
            self.views = svc.list_assessments(self.ctx, self.person_id)
        except ServiceError as exc:
            self.person_label.setText(message_of(exc))
            self.views = []
            return
        self.person_label.setText(self.tr("%1 的评估记录").replace("%1", header.name))
        self.table.setRowCount(len(self.views))
        for r, v in enumerate(self.views):
            cells = (
                v.assessed_on.isoformat() if v.assessed_on else "",
                v.form_title,
                str(v.form_version),
                v.status_label,
                "" if v.total is None else str(v.total),
                v.final_grade,
                "、".join(v.assessors),
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        if self.views:
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_person = self.person_id is not None
        has_row = bool(self.views)
        self.new_button.setEnabled(has_person)
        for b in (self.open_button, self.preview_button, self.pdf_button, self.discard_button):
            b.setEnabled(has_row)

    def selected(self) -> svc.AssessmentView | None:
        """The assessment of the selected row."""
        row = self.table.currentRow()
        return self.views[row] if 0 <= row < len(self.views) else None

    # -- actions ---------------------------------------------------------------------------
    def new_assessment(self) -> AssessmentDialog | None:
        """Open an empty sheet of the chosen form for the selected person."""
        if not self.person_id:
            return None
        form = svc.forms_registry().get(str(self.form_combo.currentData()))
        return self._open_dialog(form, None)

    def open_selected(self) -> AssessmentDialog | None:
        """Open the selected sheet (its own form version)."""
        view = self.selected()
        if view is None or self.person_id is None:
            return None
        try:
            form = svc.forms_registry().get(view.form_id, view.form_version)
        except KeyError as exc:
            QMessageBox.warning(self, self.tr("无法打开"), str(exc.args[0]))
            return None
        return self._open_dialog(form, view)

    def _open_dialog(self, form: Any, view: svc.AssessmentView | None) -> AssessmentDialog:
        assert self.person_id is not None
        dialog = AssessmentDialog(self.ctx, self.person_id, form, assessment=view, parent=self)
        dialog.sig_saved.connect(self.sig_assessment_saved)
        dialog.sig_saved.connect(lambda _id: self.reload())
        dialog.finished.connect(lambda _r: self.reload())
        dialog.open()
        return dialog

    def preview_selected(self) -> None:
        """Print preview of the selected sheet."""
        view = self.selected()
        if view is None:
            return
        try:
            form, rec = svc.load_for_printing(self.ctx, view.id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("无法打印"), message_of(exc))
            return
        show_print_preview(self, lambda c: draw_assessment(c, form, rec))

    def pdf_selected(self, path: str | None = None) -> Path | None:
        """Save the selected sheet as PDF."""
        view = self.selected()
        if view is None:
            return None
        try:
            form, rec = svc.load_for_printing(self.ctx, view.id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("无法打印"), message_of(exc))
            return None
        if path is None:
            name = f"{rec.person.name}-{form.title}-{view.assessed_on or ''}.pdf"
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("另存为PDF"), str(self.ctx.data_dir.exports_dir / name), "PDF (*.pdf)"
            )
            if not path:
                return None
        return write_assessment_pdf(form, rec, path)

    def preview_blank(self) -> None:
        """Print preview of a blank sheet of the chosen form (header filled for the person)."""
        form = svc.forms_registry().get(str(self.form_combo.currentData()))
        person = svc.person_header(self.ctx, self.person_id) if self.person_id else None
        show_print_preview(self, lambda c: draw_blank(c, form, person))

    def save_blank_pdf(self, path: str) -> Path:
        """Write a blank sheet of the chosen form (for scripts and tests)."""
        form = svc.forms_registry().get(str(self.form_combo.currentData()))
        person = svc.person_header(self.ctx, self.person_id) if self.person_id else None
        return write_blank_pdf(form, path, person)

    def discard_selected(self) -> None:
        """Delete the selected draft (final sheets stay)."""
        view = self.selected()
        if view is None:
            return
        if view.status != svc.DRAFT:
            QMessageBox.information(self, self.tr("不能删除"), self.tr("已定稿的评估不能删除"))
            return
        answer = QMessageBox.question(
            self, self.tr("删除草稿"), self.tr("确定删除这份评估草稿吗？")
        )
        if answer == QMessageBox.StandardButton.Yes:
            try:
                svc.discard_draft(self.ctx, view.id)
            except ServiceError as exc:
                QMessageBox.warning(self, self.tr("无法删除"), message_of(exc))
            self.reload()

    def print_month(self, path: str | None = None, month: date | None = None) -> Any:
        """Every final assessment of this month into one PDF, in the background."""
        first = (month or self.ctx.today()).replace(day=1)
        if path is None:
            name = f"评估报告合订-{first:%Y-%m}.pdf"
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("本月评估合订PDF"),
                str(self.ctx.data_dir.exports_dir / name),
                "PDF (*.pdf)",
            )
            if not path:
                return None
        ctx = self.ctx
        next_month = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        out = path
        doing = self.tr("正在生成第 %1/%2 份")

        def work(control: JobControl) -> int:
            last = next_month - timedelta(days=1)
            views = svc.list_recent_assessments(
                ctx, since=first, until=last, status=svc.FINAL, limit=100000
            )
            if not views:
                raise ServiceError("本月没有已定稿的评估")
            docs = [
                AssessmentDoc(*svc.load_for_printing(ctx, v.id, lazy_pictures=True))
                for v in reversed(views)
            ]
            total = len(docs)
            try:
                result = write_batch_pdf(
                    docs,
                    out,
                    title=f"{first:%Y-%m} 评估报告合订",
                    progress=lambda n: control.progress(
                        n, total, doing.replace("%1", str(n)).replace("%2", str(total))
                    ),
                    cancelled=control.cancelled,
                )
            except BatchCancelled:  # 取消: no file written; not an error to report
                raise JobCancelled() from None
            return result.documents

        def done(count: int) -> None:
            text = self.tr("已生成 %1 份评估报告：%2").replace("%1", str(count)).replace("%2", out)
            self.message.setText(text)
            self.sig_batch_done.emit(out, count)

        return run_with_progress(
            self,
            work,
            title=self.tr("正在生成PDF"),
            on_done=done,
            on_error=self.message.setText,
            on_cancelled=lambda: self.message.setText(self.tr("已取消，未生成文件")),
        )
