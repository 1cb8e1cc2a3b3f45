"""Translation and fonts: the app's text goes through Qt's translator so an English .ts can follow.

``tr(text)`` is for code outside a QObject (``QCoreApplication.translate("afc", text)``);
widgets use ``self.tr()``. Chinese needs a CJK font or every character is a box, so
:func:`choose_font` asks for a known Chinese face explicitly (Qt would otherwise pick a Japanese
face from Noto CJK).

Qt's own widgets (the buttons of ``QMessageBox`` and ``QDialogButtonBox``, the print preview's
tool bar, the file dialogs) take their words from Qt's translations, shipped inside PySide6
under ``QLibraryInfo``'s TranslationsPath: the Chinese UI loads them, the English UI needs none
(Qt's own words are English). ``qtbase_zh_CN.qm`` is loaded itself: ``qt_zh_CN.qm`` is only a
catalogue naming it and ``qtmultimedia_zh_CN.qm``, which PySide6-Essentials does not ship, and
a catalogue with a missing part does not load at all.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "PingFang SC",
    "SimSun",
)
BASE_POINT_SIZE = 10
LARGE_POINT_SIZE = 13
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
_installed: list[QTranslator] = []  # by install_translator, removed when it is called again


def tr(text: str, context: str = "afc") -> str:
    """Translate ``text`` outside a QObject."""
    return QCoreApplication.translate(context, text)


def cjk_family() -> str | None:
    """The first installed Chinese font family of :data:`CJK_FAMILIES`, or ``None``."""
    installed = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    return None


def choose_font(app: QApplication, large_text: bool = False) -> QFont:
    """Set the application font: a Chinese face, normal or large (长者/大字) size."""
    font = QFont(app.font())
    family = cjk_family()
    if family:
        font.setFamilies([family, *[f for f in CJK_FAMILIES if f != family]])
    font.setPointSize(LARGE_POINT_SIZE if large_text else BASE_POINT_SIZE)
    app.setFont(font)
    return font


def qt_translations_dir() -> str:
    """Where PySide6 keeps Qt's own translations (also inside a PyInstaller bundle)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


class QtGapsTranslator(QTranslator):
    """The few of Qt's own strings ``qtbase_zh_CN.qm`` leaves in English (the labels of Qt's
    file dialog, used where the system has no native one)."""

    GAPS = {
        ("QFileDialog", "&Look in:"): "查找范围(&L)：",
        ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    }

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self.GAPS.get((context, source))  # None: not ours, the next translator answers

    def isEmpty(self) -> bool:  # noqa: N802 (Qt API)
        return False


def install_qt_translator(app: QApplication, locale: str = "zh_CN") -> QTranslator | None:
    """Load Qt's own words (buttons, print preview, file dialogs) in ``locale``."""
    translator = QTranslator(app)
    if not translator.load(f"qtbase_{locale}", qt_translations_dir()):
        return None
    app.installTranslator(translator)
    _installed.append(translator)
    if locale == "zh_CN":
        gaps = QtGapsTranslator(app)
        app.installTranslator(gaps)
        _installed.append(gaps)
    return translator


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Chinese: Qt's own translations; otherwise ``resources/i18n/afc_<language>.qm``.

    The app's own strings are written in Chinese, so Chinese needs no translation of them.
    Called again (the login dialog speaks the remembered language, the window the one in the
    database), it first removes what it installed before.
    """
    while _installed:
        app.removeTranslator(_installed.pop())
    if language.startswith("zh"):
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        return install_qt_translator(app)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    translator = QTranslator(app)
    if translator.load(str(TRANSLATIONS_DIR / f"afc_{language}.qm")):
        app.installTranslator(translator)
        _installed.append(translator)
        return translator
    return None
