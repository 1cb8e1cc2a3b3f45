"""参与 page: 微自治 projects (progress against two a year), the talent pool and volunteer hours."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services import participation as part
from ...services.context import AppContext
from ...services.participation import ProjectView, TalentView, VolunteerView
from ..dialogs.participation_dialogs import ProjectDialog, TalentDialog, VolunteerDialog
from ..dialogs.person_picker import PersonPickerDialog
from ..models.rows_table_model import Column, RowsTableModel
from ..widgets.tables import make_table, selected_row


class Page(QWidget):
    """参与."""

    # Tables whose committed writes this page shows (``ui/change_hub.py``).
    WATCHES = frozenset({"project", "project_member", "talent", "volunteer_hour"})

    def refresh_for_changes(self) -> None:
        """A write elsewhere changed what this page shows."""
        self.refresh()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(ctx.today().year)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_projects(), self.tr("微自治项目"))
        self.tabs.addTab(self._build_talents(), self.tr("能人库"))
        self.tabs.addTab(self._build_hours(), self.tr("志愿时长"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度")))
        top.addWidget(self.year)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        self.refresh()

    # --- projects ----------------------------------------------------------------------------

    def _build_projects(self) -> QWidget:
        self.project_model: RowsTableModel[ProjectView] = RowsTableModel(
            [
                Column(self.tr("项目名称"), lambda p: p.name),
                Column(self.tr("类型"), lambda p: p.kind_label),
                Column(self.tr("开始"), lambda p: p.start_date),
                Column(self.tr("结束"), lambda p: p.end_date or ""),
                Column(self.tr("状态"), lambda p: p.status_label),
                Column(self.tr("成员"), lambda p: "、".join(m.name for m in p.members)),
                Column(self.tr("成效"), lambda p: p.outcome),
            ],
            parent=self,
        )
        self.project_table = make_table(
            self.project_model, "projectTable", (180, 140, 90, 90, 60, 200)
        )
        self.project_table.doubleClicked.connect(lambda _i: self.edit_project())
        self.progress = QLabel()
        self.progress.setObjectName("projectProgress")
        add = QPushButton(self.tr("新增项目"))
        add.clicked.connect(self.add_project)
        edit = QPushButton(self.tr("编辑"))
        edit.clicked.connect(self.edit_project)
        bar = QHBoxLayout()
        bar.addWidget(add)
        bar.addWidget(edit)
        bar.addStretch(1)
        bar.addWidget(self.progress)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.project_table)
        return page

    def refresh_projects(self) -> None:
        year = self.year.value()
        self.project_model.set_rows(part.list_projects(self.ctx, year))
        progress = part.project_progress(self.ctx, year)
        text = self.tr("{0}年已开展自治项目 {1} 个，行动计划要求不少于 {2} 个").format(
            year, progress.count, progress.target
        )
        self.progress.setText(text + ("" if progress.met else self.tr("（未达到）")))
        self.progress.setStyleSheet("" if progress.met else "color: #b00020;")

    def add_project(self) -> ProjectDialog:
        dialog = ProjectDialog(self.ctx, None, self)
        dialog.sig_saved.connect(lambda _v: self.refresh_projects())
        dialog.open()
        return dialog

    def edit_project(self) -> ProjectDialog | None:
        project = self.project_model.row_at(selected_row(self.project_table))
        if project is None:
            return None
        dialog = ProjectDialog(self.ctx, project, self)
        dialog.sig_saved.connect(lambda _v: self.refresh_projects())
        dialog.open()
        return dialog

    # --- talents -----------------------------------------------------------------------------

    def _build_talents(self) -> QWidget:
        self.skill_filter = QLineEdit()
        self.skill_filter.setPlaceholderText(self.tr("按特长查找，如 书法"))
        self.skill_filter.textChanged.connect(lambda _t: self.refresh_talents())
        self.talent_model: RowsTableModel[TalentView] = RowsTableModel(
            [
                Column(self.tr("姓名"), lambda t: t.person_name),
                Column(self.tr("年龄"), lambda t: t.age, align_right=True),
                Column(self.tr("特长"), lambda t: "、".join(t.skills)),
                Column(self.tr("可参与时间"), lambda t: t.availability),
                Column(
                    self.tr("愿意服务"), lambda t: self.tr("是") if t.willing else self.tr("否")
                ),
                Column(self.tr("电话"), lambda t: t.phone),
                Column(self.tr("说明"), lambda t: t.description),
            ],
            parent=self,
        )
        self.talent_table = make_table(
            self.talent_model, "talentTable", (80, 50, 200, 120, 70, 110)
        )
        add = QPushButton(self.tr("加入能人库"))
        add.clicked.connect(self.add_talent)
        bar = QHBoxLayout()
        bar.addWidget(self.skill_filter, 1)
        bar.addWidget(add)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.talent_table)
        return page

    def refresh_talents(self) -> None:
        self.talent_model.set_rows(part.list_talents(self.ctx, self.skill_filter.text()))

    def add_talent(self) -> None:
        picker = PersonPickerDialog(self.ctx, self)
        if picker.exec() != QDialog.DialogCode.Accepted or not picker.chosen_id():
            return
        dialog = TalentDialog(self.ctx, picker.chosen_id() or "", self)
        dialog.sig_saved.connect(lambda _v: self.refresh_talents())
        dialog.open()

    # --- volunteer hours ---------------------------------------------------------------------

    def _build_hours(self) -> QWidget:
        self.hours_model: RowsTableModel[VolunteerView] = RowsTableModel(
            [
                Column(self.tr("日期"), lambda v: v.service_date),
                Column(self.tr("志愿者"), lambda v: v.helper_name),
                Column(self.tr("受助老人"), lambda v: v.helped_name),
                Column(self.tr("时长（小时）"), lambda v: v.hours, align_right=True),
                Column(self.tr("服务内容"), lambda v: v.activity),
                Column(self.tr("低龄助高龄"), lambda v: self.tr("是") if v.young_helps_old else ""),
            ],
            parent=self,
        )
        self.hours_table = make_table(self.hours_model, "hoursTable", (90, 80, 80, 90, 200))
        self.hours_total = QLabel()
        add = QPushButton(self.tr("登记时长"))
        add.clicked.connect(self.add_hours)
        bar = QHBoxLayout()
        bar.addWidget(add)
        bar.addStretch(1)
        bar.addWidget(self.hours_total)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.hours_table)
        return page

    def refresh_hours(self) -> None:
        year = self.year.value()
        rows = part.list_volunteer_hours(self.ctx, year=year)
        self.hours_model.set_rows(rows)
        totals = part.volunteer_totals(self.ctx, year)
        total = sum(t.hours for t in totals)
        self.hours_total.setText(
            self.tr("{0}年共 {1} 名志愿者，{2:g} 小时").format(year, len(totals), total)
        )

    def add_hours(self) -> VolunteerDialog:
        dialog = VolunteerDialog(self.ctx, self)
        dialog.sig_saved.connect(lambda _v: self.refresh_hours())
        dialog.open()
        return dialog

    # --- page contract -----------------------------------------------------------------------

    def refresh(self) -> None:
        index = self.tabs.currentIndex()
        if index == 0:
            self.refresh_projects()
        elif index == 1:
            self.refresh_talents()
        else:
            self.refresh_hours()

    def on_shown(self) -> None:
        self.refresh()
