"""First-run setup (首次设置): choose the community, create the administrator.

Page 1 picks one of the 22 pilot communities or types district/street/community; page 2 creates
the administrator (password typed twice); 完成设置 there calls ``setup.run_setup``, which generates
the site id, the site's keys and the database key ring, and logs the administrator in. Page 3
shows the recovery key (恢复密钥) once, with a print button; 完成 waits until the administrator
confirms it is printed or copied.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ...domain import reference
from ...services import setup
from ...services.context import AppContext, ServiceError
from ...services.setup import CommunityInput, SetupResult
from ..service_messages import message_of
from ..widgets.forms import ERROR_STYLE
from .recovery_dialogs import RecoveryKeyView


class CommunityPage(QWizardPage):
    """Pick a pilot community or type one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("本机服务的社区"))
        self.setSubTitle(self.tr("选择试点社区，或手工填写所在区县、街道（镇）和社区（村）。"))
        self.pick = QRadioButton(self.tr("从22个试点社区中选择"))
        self.manual = QRadioButton(self.tr("手工填写"))
        group = QButtonGroup(self)
        group.addButton(self.pick)
        group.addButton(self.manual)
        self.pilot = QComboBox()
        for p in reference.pilot_communities():
            self.pilot.addItem(p.full_name, p)
        self.district = QComboBox()
        for d in reference.districts():
            self.district.addItem(d.name, d.code)
        self.street = QComboBox()
        self.street.setEditable(True)
        self.community = QLineEdit()
        self.community.setPlaceholderText(self.tr("如：梅巷社区"))
        self.code = QLineEdit()
        self.code.setMaxLength(12)
        self.code.setPlaceholderText(self.tr("12位统计用区划代码，如 320508018001"))
        self.manual_form = QWidget()
        form = QFormLayout(self.manual_form)
        form.addRow(self.tr("区/县级市"), self.district)
        form.addRow(self.tr("街道/镇"), self.street)
        form.addRow(self.tr("社区/村"), self.community)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pick)
        layout.addWidget(self.pilot)
        layout.addWidget(self.manual)
        layout.addWidget(self.manual_form)
        code_form = QFormLayout()
        code_form.addRow(self.tr("社区代码"), self.code)
        layout.addLayout(code_form)
        hint = QLabel(self.tr("社区代码见民政或统计部门的区划代码表；选好街道后只需补上最后3位。"))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.error)
        self.pick.toggled.connect(self._mode)
        self.district.currentIndexChanged.connect(self._fill_streets)
        self.community.textChanged.connect(self.completeChanged)
        self.code.textChanged.connect(self.completeChanged)
        self.pilot.currentIndexChanged.connect(self._prefill_code)
        self.street.currentIndexChanged.connect(self._prefill_code)
        self.district.currentIndexChanged.connect(self._prefill_code)
        self.pick.setChecked(True)
        self._fill_streets()
        self._mode()

    def _mode(self) -> None:
        self.pilot.setEnabled(self.pick.isChecked())
        self.manual_form.setEnabled(self.manual.isChecked())
        self._prefill_code()
        self.completeChanged.emit()

    def _prefill_code(self) -> None:
        """Start the code with the chosen street's 9 digits (or the county's 6)."""
        if self.pick.isChecked():
            p = self.pilot.currentData()
            prefix = (p.town_code or p.district_code) if p else ""
        else:
            index = self.street.currentIndex()
            prefix = (self.street.itemData(index) if index >= 0 else None) or (
                self.district.currentData() or ""
            )
        current = self.code.text().strip()
        if not current.startswith(prefix) or len(current) < len(prefix):
            self.code.setText(prefix)

    def _fill_streets(self) -> None:
        self.street.clear()
        for s in reference.streets(self.district.currentData(), include_other=False):
            self.street.addItem(s.name, s.code)
        self.street.setCurrentIndex(-1)
        self.street.setCurrentText("")

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        code = self.code.text().strip()
        code_ok = len(code) in (6, 9, 12) and code.isdigit() or not code
        return code_ok and (self.pick.isChecked() or bool(self.community.text().strip()))

    def _full_code(self, fallback: str) -> str:
        """The typed 12-digit code, or the county code (completed later) when it is short."""
        code = self.code.text().strip()
        return code if len(code) == 12 and code.isdigit() else fallback

    def value(self) -> CommunityInput:
        if self.pick.isChecked():
            p: reference.PilotCommunity = self.pilot.currentData()
            return CommunityInput(
                district_code=self._full_code(p.district_code),
                name=p.community,
                street_name=p.town,
                street_code=p.town_code,
                is_pilot=True,
            )
        street_text = self.street.currentText().strip()
        index = self.street.findText(street_text) if street_text else -1
        code = self.street.itemData(index) if index >= 0 else None
        return CommunityInput(
            district_code=self._full_code(self.district.currentData()),
            name=self.community.text().strip(),
            street_name=street_text,
            street_code=code,
        )


class AdminPage(QWizardPage):
    """The first administrator account."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("管理员账号"))
        self.setSubTitle(self.tr("管理员可以添加社工账号、修改设置、备份和恢复数据。请牢记密码。"))
        self.username = QLineEdit("admin")
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("如：王芳"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("姓名"), self.display_name)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.tr("再次输入密码"), self.password2)
        form.addRow(self.error)
        self.setCommitPage(True)  # setup is done here: no going back afterwards
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("完成设置"))

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        if not self.username.text().strip():
            self.error.setText(self.tr("请填写用户名"))
            return False
        if self.password.text() != self.password2.text():
            self.error.setText(self.tr("两次输入的密码不一致"))
            return False
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        return wizard.finish_setup()


class RecoveryPage(QWizardPage):
    """The recovery key, once, to print and lock away."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("恢复密钥"))
        self.setSubTitle(self.tr("本机数据已加密。请打印或抄写下面的恢复密钥。"))
        self.view = RecoveryKeyView()
        self.view.sig_confirmed.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        wizard = self.wizard()
        assert isinstance(wizard, SetupWizard)
        result = wizard.result_
        self.view.set_key(
            result.recovery_key if result else "", result.community.full_name if result else ""
        )
        wizard.button(QWizard.WizardButton.CancelButton).setEnabled(False)

    def isComplete(self) -> bool:  # noqa: N802 (Qt API)
        return self.view.confirm.isChecked() or not self.view.key_label.text()


class SetupWizard(QWizard):
    """Runs first-run setup; ``result`` holds the SetupResult once finished."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_: SetupResult | None = None
        self.setWindowTitle(self.tr("首次设置 - 老年友好社区工作台"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.community_page = CommunityPage()
        self.admin_page = AdminPage()
        self.recovery_page = RecoveryPage()
        self.addPage(self.community_page)
        self.addPage(self.admin_page)
        self.addPage(self.recovery_page)
        self.resize(620, 440)

    def finish_setup(self) -> bool:
        """Call run_setup with the wizard's answers; show the refusal on the page if any."""
        if self.result_ is not None:
            return True
        try:
            self.result_ = setup.run_setup(
                self.ctx,
                self.community_page.value(),
                self.admin_page.username.text(),
                self.admin_page.password.text(),
                self.admin_page.display_name.text(),
            )
        except ServiceError as exc:
            target = (
                self.community_page.error
                if exc.field in ("district_code", "name")
                else self.admin_page.error
            )
            target.setText(message_of(exc))
            return False
        return True
