"""Qt's own buttons speak the interface's language (issue 11 §2): the Chinese UI loads Qt's
translations shipped inside PySide6, the English UI keeps Qt's English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from afc_desktop.ui.i18n import install_translator


def remove_translators(app) -> None:
    for translator in app.findChildren(QTranslator):
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()


@pytest.fixture(autouse=True)
def fresh_language(qapp):
    """No translator left by an earlier test (the app's start installs them on the app)."""
    before = QLocale()
    remove_translators(qapp)
    yield
    remove_translators(qapp)
    QLocale.setDefault(before)


def button_texts(box: QMessageBox | QDialogButtonBox) -> list[str]:
    return sorted(b.text().replace("&", "") for b in box.buttons())


def test_chinese_ui_translates_message_box_and_button_box_buttons(qapp):
    translator = install_translator(qapp, "zh_CN")
    assert translator is not None, "qtbase_zh_CN.qm not found in PySide6's translations"
    try:
        box = QMessageBox()
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        assert button_texts(box) == sorted(["保存", "丢弃", "取消"])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        assert button_texts(buttons) == sorted(["确定", "取消"])
    finally:
        QCoreApplication.removeTranslator(translator)


def test_english_ui_keeps_qt_english(qapp):
    translator = install_translator(qapp, "en")
    try:
        box = QMessageBox()
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        assert button_texts(box) == ["No", "Yes"]
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
