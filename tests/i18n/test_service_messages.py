"""Services' messages (plain Chinese by design) are shown in English when the UI is English.

The English .qm is built from the repository's .ts and installed as the app does; the
templates file is written by ``i18n_build`` from the services' sources.
"""

from __future__ import annotations

import re
import shutil

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from afc_desktop import i18n_build
from afc_desktop.services.context import ServiceError
from afc_desktop.ui import service_messages
from afc_desktop.ui.service_messages import message_of, shown

HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture
def templates(tmp_path, monkeypatch):
    path = i18n_build.write_templates(tmp_path)
    monkeypatch.setattr(service_messages, "TEMPLATES_FILE", path)
    service_messages._templates.cache_clear()
    yield path
    service_messages._templates.cache_clear()


@pytest.fixture
def english(qapp, tmp_path, templates):
    shutil.copyfile(i18n_build.TS_DIR / "afc_en.ts", tmp_path / "afc_en.ts")
    (qm,) = i18n_build.build_qm(ts_dir=tmp_path, app_dir=None)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_the_services_messages_are_collected_with_their_values_as_placeholders():
    collected = i18n_build.service_messages()
    assert "原密码不正确" in collected  # accounts: a literal
    assert "密码至少需要{0}个字符" in collected  # accounts: an f-string
    assert "{0} {1}：必填，尚未填写" in collected  # the form answers' problems (domain)
    assert len(collected) > 200


def test_a_literal_message_is_translated(english):
    assert shown("原密码不正确") == "The old password is not correct"
    assert message_of(ServiceError("不能停用最后一个管理员账号")) == (
        "The last administrator account cannot be deactivated"
    )


def test_values_are_put_into_the_translated_template(english):
    assert shown("密码至少需要6个字符") == "The password needs at least 6 characters"
    # a value that is data stays as it is; one that is a label is translated too
    assert shown("资源“社区卫生服务站”已停用，不能转介") == (
        "Resource “社区卫生服务站” is deactivated and cannot be referred to"
    )
    assert shown("该待办已已完成") == "This task is already done"
    assert shown("请填写服务日期") == "Please fill in the service date"


def test_a_message_made_of_parts_is_shown_part_by_part(english):
    assert shown("第1位老人：发现的需求请选择需求类型") == (
        "Elder 1: Choose the type of each need found"
    )
    assert shown("请填写用户名；原密码不正确") == (
        "Please fill in the user name; The old password is not correct"
    )


def test_every_collected_message_has_english(english):
    untranslated = [
        t
        for t in i18n_build.service_messages()
        if QCoreApplication.translate(service_messages.CONTEXT, t) == t
        or HAN.search(QCoreApplication.translate(service_messages.CONTEXT, t))
    ]
    assert untranslated == [], "run python -m afc_desktop.i18n_build --update, then translate"


def test_unknown_text_and_the_chinese_ui_leave_messages_as_they_are(qapp, templates):
    assert shown("原密码不正确") == "原密码不正确"  # no translator: Chinese UI
    assert shown("密码至少需要6个字符") == "密码至少需要6个字符"
    assert shown("某个新的提示") == "某个新的提示"
    assert shown("") == ""


def test_the_login_dialog_can_speak_the_saved_language_before_the_database_opens(ctx):
    """The language is kept beside the (encrypted) database when it is saved, for the login
    dialog that comes before the database can be read; a missing or odd copy means Chinese."""
    from dataclasses import replace

    from afc_desktop.services import settings

    assert settings.remembered_language(ctx.data_dir) == "zh_CN"
    settings.save_settings(ctx, replace(settings.load_settings(ctx), language="en"))
    assert settings.remembered_language(ctx.data_dir) == "en"
    (ctx.data_dir.root / settings.LANGUAGE_FILE).write_text("klingon\n", encoding="utf-8")
    assert settings.remembered_language(ctx.data_dir) == "zh_CN"


def test_a_login_error_is_shown_in_english(english, qtbot, ctx):
    from afc_desktop.ui.dialogs.login_dialog import LoginDialog

    dialog = LoginDialog(ctx, "姑苏区平江街道梅巷社区")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() != "登录 - 老年友好社区工作台"
    dialog.username.setText("nobody")
    dialog.password.setText("wrong-password")
    dialog.login_button.click()
    assert dialog.error.text() and not HAN.search(dialog.error.text()), dialog.error.text()


def test_the_visit_cadence_column_is_english_in_the_english_ui(english, qtbot, ctx):
    """The rules table's 频次 column is built from a translated format, not the domain's
    Chinese description; the default rules' names and basis notes are shown in English while
    the office has not renamed them (a renamed rule is the office's own text)."""
    from afc_desktop.ui.pages.visits_page import Page

    page = Page(ctx)
    qtbot.addWidget(page)
    page.tabs.setCurrentIndex(4)
    model = page.rules_model
    shown_cadence = [model.data(model.index(row, 2)) for row in range(model.rowCount())]
    assert shown_cadence and all(not HAN.search(text) for text in shown_cadence)
    assert any(text.startswith("Once every 1 ") for text in shown_cadence)
    names = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    notes = [model.data(model.index(row, 4)) for row in range(model.rowCount())]
    assert "High-risk elders" in names
    assert all(not HAN.search(text) for text in names + notes), names + notes


def test_scan_notes_and_unread_reasons_are_english_in_the_english_ui(english):
    """The 扫描回读 page shows each sheet's note and why a page was not read: both come from
    below the UI (services/scanning.py, scan/) and must read in the interface language."""
    note = shown("缺第2页；探访日期暂填扫描当天，请按纸面修改")
    assert not HAN.search(note) and "2" in note, note
    for reason in (
        "找不到表格二维码（可能拍得太模糊、太小或被遮挡）",
        "与前面的第3页重复，已跳过",
        "表格版面与打印时不一致（人员信息或表单已改动），请重新打印后填写",
    ):
        assert not HAN.search(shown(reason)), shown(reason)
