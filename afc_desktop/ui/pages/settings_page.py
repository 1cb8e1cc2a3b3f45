"""Settings (设置): idle lock, language, large text, backups, accounts, the register's rules
(底册规则, ``settings_rules.py``) and the audit log."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services import accounts, audit, backup
from ...services.context import AppContext, ServiceError
from ...services.settings import load_settings, save_settings
from ..service_messages import message_of
from ..widgets.forms import ERROR_STYLE
from .settings_rules import RulesTab

BACKUP_KINDS = {
    "manual": QT_TRANSLATE_NOOP("SettingsPage", "手动"),
    "daily": QT_TRANSLATE_NOOP("SettingsPage", "每日"),
    "exit": QT_TRANSLATE_NOOP("SettingsPage", "退出时"),
    "pre-import": QT_TRANSLATE_NOOP("SettingsPage", "导入前"),
    "pre-restore": QT_TRANSLATE_NOOP("SettingsPage", "恢复前"),
    "pre-migration": QT_TRANSLATE_NOOP("SettingsPage", "升级前"),
}
AUDIT_ACTIONS = {
    "setup": QT_TRANSLATE_NOOP("SettingsPage", "首次设置"),
    "login": QT_TRANSLATE_NOOP("SettingsPage", "登录"),
    "login_failed": QT_TRANSLATE_NOOP("SettingsPage", "登录失败"),
    "create_user": QT_TRANSLATE_NOOP("SettingsPage", "新建账号"),
    "set_user_active": QT_TRANSLATE_NOOP("SettingsPage", "启用/停用账号"),
    "change_password": QT_TRANSLATE_NOOP("SettingsPage", "修改密码"),
    "register_person": QT_TRANSLATE_NOOP("SettingsPage", "新增人员"),
    "update_person": QT_TRANSLATE_NOOP("SettingsPage", "修改人员"),
    "remove_person": QT_TRANSLATE_NOOP("SettingsPage", "移出人员"),
    "create_household": QT_TRANSLATE_NOOP("SettingsPage", "新增家庭"),
    "update_household": QT_TRANSLATE_NOOP("SettingsPage", "修改家庭"),
    "backup": QT_TRANSLATE_NOOP("SettingsPage", "备份"),
    "save_settings": QT_TRANSLATE_NOOP("SettingsPage", "修改设置"),
    "save_register_rules": QT_TRANSLATE_NOOP("SettingsPage", "修改底册规则"),
}
LANGUAGES = (("zh_CN", "简体中文"), ("en", "English"))


def _t(text: str) -> str:
    return QCoreApplication.translate("SettingsPage", text)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setMinimumSectionSize(60)
    return table


def _fit(table: QTableWidget) -> None:
    """Widen columns to their content once filled (the last one stretches)."""
    if table.rowCount():
        table.resizeColumnsToContents()
    else:
        for col in range(table.columnCount()):
            table.setColumnWidth(col, 140)


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    _fit(table)


class Page(QWidget):
    """设置 page. Restoring asks the application to close and reopen the database."""

    sig_restore_requested = Signal(str)  # backup file path
    sig_settings_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.is_admin = bool(ctx.user and ctx.user.is_admin)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_tab(), self.tr("常规"))
        self.tabs.addTab(self._backup_tab(), self.tr("备份与恢复"))
        if self.is_admin:
            self.tabs.addTab(self._accounts_tab(), self.tr("账号"))
        self.rules = RulesTab(ctx)  # everyone reads the rules; administrators change them
        self.rules.sig_saved.connect(self.reload_audit)
        self.tabs.addTab(self.rules, self.tr("底册规则"))
        self.tabs.addTab(self._audit_tab(), self.tr("操作日志"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.load()

    # --- general -----------------------------------------------------------------------------

    def _general_tab(self) -> QWidget:
        outer = QWidget()
        tab = QWidget()
        tab.setMaximumWidth(620)
        outer_layout = QVBoxLayout(outer)
        outer_layout.addWidget(tab)
        outer_layout.addStretch(1)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(0, 240)
        self.idle_minutes.setSuffix(self.tr(" 分钟"))
        self.idle_minutes.setSpecialValueText(self.tr("从不锁定"))
        self.language = QComboBox()
        for code, label in LANGUAGES:
            self.language.addItem(label, code)
        self.large_text = QCheckBox(self.tr("大字显示（重新启动后生效）"))
        self.daily_backup = QCheckBox(self.tr("每天第一次启动时自动备份"))
        self.backups_kept = QSpinBox()
        self.backups_kept.setRange(1, 100)
        self.save_button = QPushButton(self.tr("保存设置"))
        self.save_button.clicked.connect(self.save)
        self.general_message = QLabel()
        self.general_message.setWordWrap(True)
        form = QFormLayout(tab)
        form.addRow(self.tr("无操作自动锁定"), self.idle_minutes)
        form.addRow(self.tr("界面语言"), self.language)
        form.addRow("", QLabel(self.tr("（重新启动后生效）")))
        form.addRow("", self.large_text)
        form.addRow("", self.daily_backup)
        form.addRow(self.tr("每种备份保留份数"), self.backups_kept)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        form.addRow("", save_row)
        form.addRow("", self.general_message)
        self.old_password = QLineEdit()
        self.new_password1 = QLineEdit()
        self.new_password2 = QLineEdit()
        for edit in (self.old_password, self.new_password1, self.new_password2):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.change_password_button = QPushButton(self.tr("修改密码"))
        self.change_password_button.clicked.connect(self.change_password)
        self.password_message = QLabel()
        self.password_message.setWordWrap(True)
        form.addRow(QLabel(self.tr("<b>修改我的密码</b>")))
        form.addRow(self.tr("原密码"), self.old_password)
        form.addRow(self.tr("新密码"), self.new_password1)
        form.addRow(self.tr("再次输入新密码"), self.new_password2)
        pw_row = QHBoxLayout()
        pw_row.addWidget(self.change_password_button)
        pw_row.addStretch(1)
        form.addRow("", pw_row)
        form.addRow("", self.password_message)
        if not self.is_admin:
            for w in (self.idle_minutes, self.language, self.large_text, self.daily_backup):
                w.setEnabled(False)
            self.backups_kept.setEnabled(False)
            self.save_button.setEnabled(False)
            self.general_message.setText(self.tr("只有管理员可以修改设置"))
        return outer

    def load(self) -> None:
        s = load_settings(self.ctx)
        self.idle_minutes.setValue(s.idle_lock_minutes)
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        self.large_text.setChecked(s.large_text)
        self.daily_backup.setChecked(s.daily_backup)
        self.backups_kept.setValue(s.backups_kept)
        self.reload_backups()
        if self.is_admin:
            self.reload_users()
        self.reload_audit()

    def save(self) -> bool:
        new = replace(
            load_settings(self.ctx),
            idle_lock_minutes=self.idle_minutes.value(),
            language=self.language.currentData(),
            large_text=self.large_text.isChecked(),
            daily_backup=self.daily_backup.isChecked(),
            backups_kept=self.backups_kept.value(),
        )
        try:
            save_settings(self.ctx, new)
        except ServiceError as exc:
            self.general_message.setStyleSheet(ERROR_STYLE)
            self.general_message.setText(message_of(exc))
            return False
        self.general_message.setStyleSheet("")
        self.general_message.setText(self.tr("设置已保存"))
        self.sig_settings_changed.emit()
        self.reload_audit()
        return True

    def change_password(self) -> bool:
        """Change the logged-in user's own password (old one first, new one twice)."""
        if self.new_password1.text() != self.new_password2.text():
            self.password_message.setStyleSheet(ERROR_STYLE)
            self.password_message.setText(self.tr("两次输入的新密码不一致"))
            return False
        try:
            accounts.change_password(self.ctx, self.old_password.text(), self.new_password1.text())
        except ServiceError as exc:
            self.password_message.setStyleSheet(ERROR_STYLE)
            self.password_message.setText(message_of(exc))
            return False
        for edit in (self.old_password, self.new_password1, self.new_password2):
            edit.clear()
        self.password_message.setStyleSheet("")
        self.password_message.setText(self.tr("密码已修改，下次登录请用新密码"))
        return True

    # --- backups -----------------------------------------------------------------------------

    def _backup_tab(self) -> QWidget:
        tab = QWidget()
        self.backups = _table([self.tr("时间"), self.tr("类型"), self.tr("大小"), self.tr("文件")])
        self.backup_now = QPushButton(self.tr("立即备份"))
        self.restore_button = QPushButton(self.tr("恢复所选备份…"))
        self.restore_button.setEnabled(self.is_admin)
        self.backup_message = QLabel()
        self.backup_message.setWordWrap(True)
        self.backup_now.clicked.connect(self.make_backup)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_now)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(
            QLabel(
                self.tr(
                    "备份保存在：{0}\n每天第一次启动、退出程序、升级和批量导入前都会自动备份。"
                ).format(self.ctx.data_dir.backups_dir)
            )
        )
        layout.addLayout(buttons)
        layout.addWidget(self.backups, 1)
        layout.addWidget(self.backup_message)
        return tab

    def reload_backups(self) -> None:
        self._backup_list = backup.list_backups(self.ctx.data_dir)
        _fill(
            self.backups,
            [
                [
                    self.ctx.clock.local(b.made_at).strftime("%Y-%m-%d %H:%M:%S"),
                    _t(BACKUP_KINDS.get(b.kind, b.kind)),
                    f"{b.size / 1024 / 1024:.1f} MB",
                    b.path.name,
                ]
                for b in self._backup_list
            ],
        )

    def make_backup(self) -> None:
        try:
            info = backup.make_backup(self.ctx, "manual", load_settings(self.ctx).backups_kept)
        except ServiceError as exc:
            self.backup_message.setStyleSheet(ERROR_STYLE)
            self.backup_message.setText(message_of(exc))
            return
        self.backup_message.setStyleSheet("")
        self.backup_message.setText(self.tr("已备份到 {0}").format(info.path.name))
        self.reload_backups()

    def restore_selected(self) -> None:
        rows = self.backups.selectionModel().selectedRows()
        if not rows:
            self.backup_message.setText(self.tr("请先在列表中选中要恢复的备份"))
            return
        chosen = self._backup_list[rows[0].row()]
        answer = QMessageBox.question(
            self,
            self.tr("恢复备份"),
            self.tr(
                "将把数据恢复到 {0} 的备份。\n当前数据会先另存一份（恢复前备份）。\n"
                "程序会关闭数据库，恢复后请重新登录。确定恢复吗？"
            ).format(self.ctx.clock.local(chosen.made_at).strftime("%Y-%m-%d %H:%M")),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.sig_restore_requested.emit(str(chosen.path))

    # --- accounts ----------------------------------------------------------------------------

    def _accounts_tab(self) -> QWidget:
        tab = QWidget()
        self.users = _table([self.tr("用户名"), self.tr("姓名"), self.tr("角色"), self.tr("状态")])
        self.toggle_user = QPushButton(self.tr("停用/启用所选账号"))
        self.toggle_user.clicked.connect(self.toggle_selected_user)
        self.unlock_user_button = QPushButton(self.tr("解锁所选账号"))
        self.unlock_user_button.setToolTip(self.tr("连续输错密码被暂时锁定的账号，可以立即解锁"))
        self.unlock_user_button.clicked.connect(self.unlock_selected_user)
        self.reset_password = QLineEdit()
        self.reset_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.reset_password.setPlaceholderText(self.tr("所选账号的新密码（重设或重新启用时）"))
        self.reset_password_button = QPushButton(self.tr("为所选账号设新密码"))
        self.reset_password_button.clicked.connect(self.reset_selected_password)
        self.recovery_button = QPushButton(self.tr("生成新的恢复密钥…"))
        self.recovery_button.clicked.connect(self.new_recovery_key)
        self.new_username = QLineEdit()
        self.new_display = QLineEdit()
        self.new_password = QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_role = QComboBox()
        for code, label in accounts.ROLES.items():
            self.new_role.addItem(label, code)
        self.add_user_button = QPushButton(self.tr("添加账号"))
        self.add_user_button.clicked.connect(self.add_user)
        self.user_message = QLabel()
        self.user_message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.new_username)
        form.addRow(self.tr("姓名"), self.new_display)
        form.addRow(self.tr("初始密码"), self.new_password)
        form.addRow(self.tr("角色"), self.new_role)
        form.addRow("", self.add_user_button)
        layout = QHBoxLayout(tab)
        left = QVBoxLayout()
        left.addWidget(self.users, 1)
        row = QHBoxLayout()
        row.addWidget(self.toggle_user)
        row.addWidget(self.unlock_user_button)
        left.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.reset_password, 1)
        row.addWidget(self.reset_password_button)
        left.addLayout(row)
        left.addWidget(self.recovery_button)
        layout.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("添加社工或管理员账号")))
        right.addLayout(form)
        right.addWidget(self.user_message)
        right.addStretch(1)
        layout.addLayout(right, 2)
        return tab

    def reload_users(self) -> None:
        self._users = accounts.list_users(self.ctx)
        _fill(
            self.users,
            [
                [
                    u.username,
                    u.display_name,
                    accounts.ROLES.get(u.role, u.role),
                    self.tr("正常") if u.active else self.tr("已停用"),
                ]
                for u in self._users
            ],
        )

    def _user_result(self, message: str, error: bool) -> None:
        self.user_message.setStyleSheet(ERROR_STYLE if error else "")
        self.user_message.setText(message)

    def add_user(self) -> bool:
        try:
            user = accounts.create_user(
                self.ctx,
                self.new_username.text(),
                self.new_display.text(),
                self.new_password.text(),
                self.new_role.currentData(),
            )
        except ServiceError as exc:
            self._user_result(message_of(exc), True)
            return False
        self._user_result(self.tr("已添加账号 {0}").format(_who(user)), False)
        for edit in (self.new_username, self.new_display, self.new_password):
            edit.clear()
        self.reload_users()
        return True

    def _selected_user(self) -> accounts.UserView | None:
        rows = self.users.selectionModel().selectedRows()
        if not rows:
            self._user_result(self.tr("请先选中一个账号"), True)
            return None
        return self._users[rows[0].row()]

    def unlock_selected_user(self) -> None:
        user = self._selected_user()
        if user is None:
            return
        try:
            accounts.unlock_user(self.ctx, user.id)
        except ServiceError as exc:
            self._user_result(message_of(exc), True)
            return
        self._user_result(self.tr("已解锁账号 {0}").format(_who(user)), False)

    def reset_selected_password(self) -> None:
        user = self._selected_user()
        if user is None:
            return
        try:
            accounts.reset_password(self.ctx, user.id, self.reset_password.text())
        except ServiceError as exc:
            self._user_result(message_of(exc), True)
            return
        self.reset_password.clear()
        self._user_result(self.tr("已为 {0} 设置新密码").format(_who(user)), False)

    def new_recovery_key(self) -> None:
        """Make a new recovery key (the old one stops working) and show it once to print."""
        from PySide6.QtWidgets import QMessageBox

        from ...services import setup
        from ..dialogs.recovery_dialogs import RecoveryKeyDialog

        answer = QMessageBox.question(
            self,
            self.tr("生成新的恢复密钥"),
            self.tr("生成后，保险柜里原来的恢复密钥立即作废。继续吗？"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            key = accounts.issue_recovery_key(self.ctx)
        except ServiceError as exc:
            self._user_result(message_of(exc), True)
            return
        community = setup.local_community(self.ctx)
        RecoveryKeyDialog(key, community.full_name if community else "", self).exec()
        self._user_result(self.tr("已生成新的恢复密钥，旧的已作废"), False)

    def toggle_selected_user(self) -> None:
        user = self._selected_user()
        if user is None:
            return
        try:
            password = self.reset_password.text() if not user.active else ""
            accounts.set_active(self.ctx, user.id, not user.active, password or None)
            self.reset_password.clear()
        except ServiceError as exc:
            self._user_result(message_of(exc), True)
            return
        state = self.tr("启用") if not user.active else self.tr("停用")
        self._user_result(self.tr("已{0}账号 {1}").format(state, user.username), False)
        self.reload_users()

    # --- audit log ---------------------------------------------------------------------------

    def _audit_tab(self) -> QWidget:
        tab = QWidget()
        self.audit = _table([self.tr("时间"), self.tr("操作人"), self.tr("操作"), self.tr("详情")])
        refresh = QPushButton(self.tr("刷新"))
        refresh.clicked.connect(self.reload_audit)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("最近300条操作记录")))
        top.addStretch(1)
        top.addWidget(refresh)
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.audit, 1)
        return tab

    def reload_audit(self) -> None:
        rows = []
        for e in audit.recent(self.ctx, 300):
            detail = "，".join(f"{k}={v}" for k, v in (e.detail or {}).items())
            rows.append(
                [
                    self.ctx.clock.local(e.at).strftime("%Y-%m-%d %H:%M"),
                    e.user_name,
                    _t(AUDIT_ACTIONS.get(e.action, e.action)),
                    detail,
                ]
            )
        _fill(self.audit, rows)

    def on_shown(self) -> None:
        self.reload_backups()
        self.reload_audit()


def _who(user: object) -> str:
    """A person's name for a message (the display name; the login name only if there is none)."""
    return str(getattr(user, "display_name", "") or getattr(user, "username", ""))
