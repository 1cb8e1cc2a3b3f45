"""扫描回读 page: read a folder of scanned sheets, check each draft beside its picture, finalise.

The list on the left holds the sheets read (person, form, pages, boxes to check) and the pages
that could not be identified, with the reason. Choosing a sheet shows its scanned page with every
box outlined (green ticked, red uncertain) and the answers read, doubtful ones highlighted; the
worker corrects them, types the assessment date and the assessor, and confirms: only then is the
draft finalised (定稿).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.formspec import FormSpec
from ...scan.boxes import TICKED, UNCERTAIN
from ...scan.images import open_pages
from ...services.assessments import date_item_id, forms_registry
from ...services.context import AppContext, ServiceError
from ...services.scanning import ScannedSheet, ScanReport, finalize_scanned, scan_paths
from ..domain_labels import label as domain_label
from ..jobs import Job, JobControl, run_with_progress
from ..service_messages import message_of, shown

DOUBT_COLOR = QColor(255, 236, 160)
UNSET = object()


VISIT_KINDS = ("visit", "household_visit")


class Page(QWidget):
    """扫描回读."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report = ScanReport()
        self.sheet: ScannedSheet | None = None
        self.form: FormSpec | None = None
        self._combos: dict[str, QComboBox] = {}

        self.pick_button = QPushButton(self.tr("选择扫描件文件夹…"))
        self.pick_button.clicked.connect(self._pick_folder)
        self.summary = QLabel(self.tr("把扫描的 PDF 或照片放在一个文件夹里，然后选择该文件夹。"))
        top = QHBoxLayout()
        top.addWidget(self.pick_button)
        top.addWidget(self.summary, 1)

        self.sheets = QListWidget()
        self.sheets.currentRowChanged.connect(self._show_sheet)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(True)
        self.page_choice = QComboBox()
        self.page_choice.currentIndexChanged.connect(lambda _i: self._show_picture())
        left_pic = QWidget()
        pic_layout = QVBoxLayout(left_pic)
        pic_layout.addWidget(self.page_choice)
        pic_layout.addWidget(scroll, 1)

        self.answers = QTableWidget(0, 3)
        self.answers.setHorizontalHeaderLabels(
            [self.tr("编号"), self.tr("项目"), self.tr("读出的回答")]
        )
        self.answers.horizontalHeader().setStretchLastSection(True)
        self.assessed_on = QDateEdit()
        self.assessed_on.setCalendarPopup(True)
        self.assessed_on.setDisplayFormat("yyyy-MM-dd")
        today = ctx.today()
        self.assessed_on.setDate(QDate(today.year, today.month, today.day))
        self.assessor = QComboBox()
        self.assessor.setEditable(True)
        self.assessor.setEditText(ctx.user.display_name if ctx.user else "")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("确认并定稿"))
        self.confirm_button.clicked.connect(self.confirm)
        self.confirm_button.setEnabled(False)
        form_box = QFormLayout()
        form_box.addRow(self.tr("评估日期"), self.assessed_on)
        form_box.addRow(self.tr("评估员"), self.assessor)
        self._assessment_fields = form_box  # shown for assessment sheets only
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.note)
        right_layout.addWidget(self.answers, 1)
        right_layout.addLayout(form_box)
        right_layout.addWidget(self.confirm_button)

        split = QSplitter()
        split.addWidget(self.sheets)
        split.addWidget(left_pic)
        split.addWidget(right)
        split.setSizes([220, 520, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    # --- scanning ----------------------------------------------------------------------------

    def _pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择扫描件文件夹"))
        if folder:
            self.scan_folder(Path(folder))

    def scan_folder(self, folder: Path) -> Job:
        """Read every sheet in ``folder`` and make its draft, off the UI thread: a progress
        dialog counts the pages and 取消 stops before any draft is saved (drafts are made only
        after every page has been read). Returns the job (tests wait on ``sig_finished``)."""
        ctx = self.ctx
        pages_read = self.tr("已读取 %1 页")

        def work(control: JobControl) -> ScanReport:
            def step(pages: int) -> None:
                control.check()
                control.progress(pages, 0, pages_read.replace("%1", str(pages)))

            return scan_paths(ctx, [folder], progress=step)

        self.pick_button.setEnabled(False)
        self._job = run_with_progress(
            self,
            work,
            title=self.tr("正在读取扫描件"),
            on_done=self._show_report,
            on_error=self._scan_failed,
            on_cancelled=lambda: self.pick_button.setEnabled(True),
        )
        return self._job

    def _scan_failed(self, message: str) -> None:
        self.pick_button.setEnabled(True)
        QMessageBox.information(self, self.tr("扫描回读"), message)

    def _show_report(self, report: ScanReport) -> None:
        self.pick_button.setEnabled(True)
        self.report = report
        self.summary.setText(
            self.tr("读取 %1 页：%2 份表，%3 页未能识别")
            .replace("%1", str(self.report.pages))
            .replace("%2", str(len(self.report.sheets)))
            .replace("%3", str(len(self.report.unread)))
        )
        self.sheets.clear()
        for sheet in self.report.sheets:
            unsure = sum(p.uncertain for p in sheet.pages)
            text = f"{sheet.person_name or self.tr('（未指定人员）')} · {sheet.form_title}"
            if unsure:
                text += " · " + self.tr("%1 处待确认").replace("%1", str(unsure))
            item = QListWidgetItem(text)
            item.setToolTip(text)  # a long address is cut in the narrow list
            self.sheets.addItem(item)
        for page in self.report.unread:
            item = QListWidgetItem(
                self.tr("未识别：%1（%2）")
                .replace("%1", Path(page.source).name)
                .replace("%2", shown(page.reason))
            )
            item.setForeground(QBrush(QColor(160, 0, 0)))
            self.sheets.addItem(item)
        if self.report.sheets:
            self.sheets.setCurrentRow(0)

    # --- one sheet ---------------------------------------------------------------------------

    def _show_sheet(self, row: int) -> None:
        self.sheet = self.report.sheets[row] if 0 <= row < len(self.report.sheets) else None
        self.answers.setRowCount(0)
        self._combos = {}
        self.page_choice.clear()
        if self.sheet is None:
            self.form = None
            self.picture.clear()
            self.confirm_button.setEnabled(False)
            return
        sheet = self.sheet
        for page in sheet.pages:
            self.page_choice.addItem(self.tr("第 %1 页").replace("%1", str(page.page)))
        self.note.setText(shown(sheet.note))
        if sheet.is_household:
            self.form = None
            self._fill_household()
        else:
            self.form = forms_registry().get(sheet.form_id, sheet.form_version)
            self._fill_answers()
        self.confirm_button.setEnabled(bool(sheet.draft_id))
        for field in (self.assessed_on, self.assessor):  # a visit's date is set in its dialog
            self._assessment_fields.setRowVisible(field, sheet.draft_kind not in VISIT_KINDS)
        if sheet.draft_kind == "visit":
            self.confirm_button.setText(self.tr("打开探访草稿核对并登记…"))
        elif sheet.draft_kind == "household_visit":
            self.confirm_button.setText(self.tr("打开入户探访草稿核对并登记…"))
        else:
            self.confirm_button.setText(self.tr("确认并定稿"))

    def _fill_household(self) -> None:
        """A household sheet: each elder's presence as read, then the parts left to check
        (highlighted); the worker corrects them in the household visit dialog."""
        from ...services.household_visits import get_household_visit

        assert self.sheet is not None
        rows: list[tuple[str, str, str, bool]] = []
        if self.sheet.draft_id:
            try:
                draft = get_household_visit(self.ctx, self.sheet.draft_id)
            except ServiceError:
                draft = None
            for m in draft.members if draft else ():
                unsure = f"{m.person_id}.presence" in self.sheet.doubtful
                rows.append((m.name, self.tr("是否见到"), domain_label(m.presence_label), unsure))
        for label in self.sheet.doubtful_labels:
            rows.append((self.tr("待确认"), label, self.tr("请按纸面核对"), True))
        self.answers.setRowCount(len(rows))
        for row, (who, what, value, unsure) in enumerate(rows):
            for col, text in enumerate((who, what, value)):
                cell = QLabel(text)
                if unsure:
                    cell.setStyleSheet(f"background: {DOUBT_COLOR.name()}")
                self.answers.setCellWidget(row, col, cell)

    def _fill_answers(self) -> None:
        assert self.sheet is not None and self.form is not None
        read_items = {b.item for p in self.sheet.pages for b in p.boxes}
        items = [i for i in self.form.items() if i.id in read_items and i.type != "multi"]
        self.answers.setRowCount(len(items))
        for row, item in enumerate(items):
            doubtful = item.id in self.sheet.doubtful
            for col, text in enumerate((item.id, item.label)):
                cell = QLabel(text)
                if doubtful:
                    cell.setStyleSheet(f"background: {DOUBT_COLOR.name()}")
                self.answers.setCellWidget(row, col, cell)
            combo = QComboBox()
            combo.addItem(self.tr("（未答）"), UNSET)
            choices: list[tuple[str, Any]] = (
                [(o.label, o.value) for o in item.options]
                if item.type == "choice"
                else [(self.tr("是"), True), (self.tr("否"), False)]
            )
            for label, value in choices:
                combo.addItem(label, value)
            value = self.sheet.answers.get(item.id, UNSET)
            index = next((i for i in range(combo.count()) if combo.itemData(i) == value), 0)
            if value is not UNSET:
                combo.setCurrentIndex(index)
            if doubtful:
                combo.setStyleSheet(f"background: {DOUBT_COLOR.name()}")
            self.answers.setCellWidget(row, 2, combo)
            self._combos[item.id] = combo

    def _show_picture(self) -> None:
        sheet = self.sheet
        index = self.page_choice.currentIndex()
        if sheet is None or not 0 <= index < len(sheet.pages):
            self.picture.clear()
            return
        page = sheet.pages[index]
        scan = next(
            (p for p in open_pages(Path(page.source)) if p.number == page.source_page), None
        )
        if scan is None:
            self.picture.setText(self.tr("扫描件已移动或删除"))
            return
        image = scan.image.convert("RGB")
        qimage = QImage(
            image.tobytes(), image.width, image.height, image.width * 3, QImage.Format.Format_RGB888
        ).copy()
        painter = QPainter(qimage)
        for box in page.boxes:
            if box.state == UNCERTAIN:
                pen = QPen(QColor(220, 0, 0), max(2.0, box.size / 5))
            elif box.state == TICKED:
                pen = QPen(QColor(0, 150, 0), max(1.0, box.size / 8))
            else:
                continue
            painter.setPen(pen)
            half = box.size * 0.9
            painter.drawRect(int(box.x - half), int(box.y - half), int(2 * half), int(2 * half))
        painter.end()
        pixmap = QPixmap.fromImage(qimage)
        self.picture.setPixmap(
            pixmap.scaledToWidth(900, Qt.TransformationMode.SmoothTransformation)
        )

    # --- confirming --------------------------------------------------------------------------

    def open_visit_draft(self) -> QDialog | None:
        """The visit dialog on the shown sheet's visit draft (its scan is among its photos)."""
        from ...services.visits import get_visit
        from ..dialogs.visit_dialog import VisitDialog

        assert self.sheet is not None
        try:
            draft = get_visit(self.ctx, self.sheet.draft_id)
        except ServiceError as exc:
            QMessageBox.information(self, self.tr("扫描回读"), message_of(exc))
            return None
        if draft.status != "draft":
            self.note.setText(self.tr("该探访已经登记"))
            self.confirm_button.setEnabled(False)
            return None
        dialog = VisitDialog(self.ctx, draft.person_id, self, draft=draft)
        dialog.accepted.connect(lambda: self.confirm_button.setEnabled(False))
        dialog.open()
        return dialog

    def open_household_draft(self) -> QDialog | None:
        """The household visit dialog on the shown sheet's draft (its scans among its photos)."""
        from ...services.household_visits import get_household_visit
        from ..dialogs.household_visit_dialog import open_household_visit

        assert self.sheet is not None
        try:
            draft = get_household_visit(self.ctx, self.sheet.draft_id)
        except ServiceError as exc:
            QMessageBox.information(self, self.tr("扫描回读"), message_of(exc))
            return None
        if draft.status != "draft":
            self.note.setText(self.tr("该入户探访已经登记"))
            self.confirm_button.setEnabled(False)
            return None
        dialog = open_household_visit(self.ctx, self, draft=draft)
        if dialog is not None:
            dialog.accepted.connect(lambda: self.confirm_button.setEnabled(False))
        return dialog

    def confirmed_answers(self) -> dict[str, Any]:
        """The draft's answers as the worker has them now (read, then corrected)."""
        assert self.sheet is not None and self.form is not None
        answers = dict(self.sheet.answers)
        for item_id, combo in self._combos.items():
            value = combo.currentData()
            if value is UNSET:
                answers.pop(item_id, None)
            else:
                answers[item_id] = value
        date_id = date_item_id(self.form)
        if date_id:
            answers[date_id] = self.assessed_on.date().toString("yyyy-MM-dd")
        assessor = self.assessor.currentText().strip()
        for item in self.form.items():
            if item.type == "signature" and "评估" in item.label and assessor:
                answers.setdefault(item.id, assessor)
                break
        return answers

    def confirm(self) -> None:
        """Finalise the shown sheet's draft with the confirmed answers (a visit draft opens in
        the visit dialog: the worker records it there)."""
        if self.sheet is None:
            return
        if self.sheet.draft_kind == "visit":
            self.open_visit_draft()
            return
        if self.sheet.draft_kind == "household_visit":
            self.open_household_draft()
            return
        from ...services.assessments import get_assessment

        draft = get_assessment(self.ctx, self.sheet.draft_id)
        answers = {**draft.answers, **self.confirmed_answers()}
        try:
            view = finalize_scanned(self.ctx, self.sheet, answers)
        except ServiceError as exc:
            QMessageBox.information(self, self.tr("扫描回读"), message_of(exc))
            return
        self.note.setText(
            self.tr("已定稿：%1").replace("%1", view.final_grade or view.status_label)
        )
        self.confirm_button.setEnabled(False)
