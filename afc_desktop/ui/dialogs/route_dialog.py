"""Printing a route (打印走访路线): choose how many days ahead, see how many doors, preview the
route sheet and its household visit records, or save them as one PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...printing.recorder import record
from ...printing.route import RouteSheet, draw_route
from ...services import route as route_service
from ...services.context import AppContext
from ..jobs import Job, JobControl, run_with_progress
from ..widgets.print_preview import PrintPreview


class RouteDialog(QDialog):
    """Print this week's (or the next N days') route."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview_dialog: PrintPreview | None = None
        self.setWindowTitle(self.tr("打印走访路线"))
        self.days = QSpinBox()
        self.days.setObjectName("routeDays")
        self.days.setRange(0, 62)
        self.days.setValue(route_service.week_days_left(ctx.today()))
        self.days.setSuffix(self.tr(" 天内到期（含逾期）"))
        self.days.valueChanged.connect(lambda _v: self.refresh())
        self.count = QLabel()
        self.count.setObjectName("routeCount")
        self.count.setWordWrap(True)
        note = QLabel(
            self.tr(
                "先印走访路线单（按小区、楼栋、单元、室的走访顺序），再为每户印一份入户探访记录；"
                "身份证号只印后四位。"
            )
        )
        note.setWordWrap(True)
        self.status = QLabel()  # where the last PDF was saved
        self.status.setObjectName("routeStatus")
        self.status.setWordWrap(True)
        self.preview_button = QPushButton(self.tr("打印预览"))
        self.preview_button.clicked.connect(self.preview)
        self.save_button = QPushButton(self.tr("另存为PDF…"))
        self.save_button.clicked.connect(self._choose_pdf)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("今后")))
        row.addWidget(self.days)
        row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.count)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.refresh()

    def route(self) -> RouteSheet:
        return route_service.build_route(self.ctx, within_days=self.days.value())

    def refresh(self) -> None:
        sheet = self.route()
        has = bool(sheet.households)
        self.count.setText(
            self.tr("共 {0} 户、{1} 位老人").format(len(sheet.households), sheet.elder_count)
            if has
            else self.tr("这段时间没有到期的探访。可以把天数放宽一些。")
        )
        self.preview_button.setEnabled(has)
        self.save_button.setEnabled(has)

    def preview(self) -> PrintPreview | None:
        """The print preview (printing from there)."""
        sheet = self.route()
        if not sheet.households:
            return None
        pages = record(
            lambda c: draw_route(c, sheet), batch_numbers=True, printed_on=sheet.printed_on
        )
        # the dialog makes and owns its printer (ui/widgets/print_preview.py): no QPrinter of
        # ours to outlive
        dialog = PrintPreview(pages, self)
        dialog.setWindowTitle(self.tr("打印预览：走访路线"))
        self.preview_dialog = dialog
        dialog.open()
        return dialog

    def save_pdf(self, path: Path) -> Job:
        """Write the route PDF off the UI thread, with progress by door and 取消 (nothing is
        written when cancelled); says where it was saved. Returns the job (tests wait on it)."""
        ctx, days = self.ctx, self.days.value()
        doing = self.tr("正在生成第 %1/%2 户")

        def work(control: JobControl) -> RouteSheet:
            def step(done: int, total: int) -> None:
                control.check()
                control.progress(
                    done, total, doing.replace("%1", str(done + 1)).replace("%2", str(total))
                )

            return route_service.print_route(ctx, path, within_days=days, progress=step)

        self.save_button.setEnabled(False)
        self._job = run_with_progress(
            self,
            work,
            title=self.tr("正在生成PDF"),
            on_done=lambda _sheet: self._saved(path),
            on_error=self._failed,
            on_cancelled=lambda: self.save_button.setEnabled(True),
        )
        return self._job

    def _saved(self, path: Path) -> None:
        self.save_button.setEnabled(True)
        self.saved_path = path
        self.status.setText(self.tr("已保存：{0}").format(path))

    def _failed(self, message: str) -> None:
        self.save_button.setEnabled(True)
        QMessageBox.warning(self, self.tr("打印走访路线"), message)

    def _choose_pdf(self) -> None:
        name = f"走访路线-{self.ctx.today().isoformat()}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("另存为PDF"), str(self.ctx.data_dir.exports_dir / name), "PDF (*.pdf)"
        )
        if path:
            self.save_pdf(Path(path))
