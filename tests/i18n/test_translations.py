"""The English translation (resources/translations/afc_en.ts) is complete and current.

- every message is translated (no ``type="unfinished"``, no empty translation, nothing vanished);
- placeholders ({0}, %1) and keyboard accelerators (&F) survive translation;
- running lupdate over ``afc_desktop/ui`` finds no string the .ts does not already translate
  (so a new ``self.tr("…")`` without its English fails here);
- lrelease builds the .qm.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from afc_desktop import i18n_build

TS = i18n_build.TS_DIR / "afc_en.ts"
PLACEHOLDER = re.compile(r"\{\d*(?::[^}]*)?\}|%\d")
HAN = re.compile(r"[\u3400-\u9fff]")


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) for every message of a .ts file."""
    out = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            out.append((name, m.findtext("source") or "", m.find("translation")))
    return out


def untranslated(path: Path) -> list[str]:
    bad = []
    for ctx, source, tr in messages(path):
        kind = tr.get("type", "") if tr is not None else "missing"
        if (
            tr is None
            or kind in ("unfinished", "vanished", "obsolete")
            or not (tr.text or "").strip()
        ):
            bad.append(f"{ctx}: {source!r} ({kind or 'empty'})")
    return bad


def test_every_message_is_translated():
    assert TS.is_file()
    assert len(messages(TS)) > 100
    assert untranslated(TS) == []


def test_translations_keep_placeholders_and_accelerators():
    problems = []
    for ctx, source, tr in messages(TS):
        english = tr.text or ""
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(english)):
            problems.append(f"{ctx}: placeholders differ in {source!r} -> {english!r}")
        if re.search(r"&[A-Za-z]", source) and not re.search(r"&[A-Za-z]", english):
            problems.append(f"{ctx}: accelerator lost in {source!r} -> {english!r}")
        if HAN.search(english):
            problems.append(f"{ctx}: Chinese left in {english!r}")
    assert problems == []


def test_ts_is_current_with_the_ui_sources(tmp_path):
    """lupdate over today's UI adds nothing that lacks an English translation."""
    fresh = tmp_path / "afc_en.ts"
    shutil.copyfile(TS, fresh)
    i18n_build.update_ts("en", ts_dir=tmp_path)
    assert untranslated(fresh) == [], (
        "run: python -m afc_desktop.i18n_build --update, then translate"
    )


def test_lrelease_builds_the_qm(tmp_path):
    shutil.copyfile(TS, tmp_path / "afc_en.ts")
    built = i18n_build.build_qm(ts_dir=tmp_path, app_dir=None)
    assert [p.name for p in built] == ["afc_en.qm"] and built[0].stat().st_size > 1000


def test_a_missing_tool_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(i18n_build.sys, "executable", "/nonexistent/python")
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(i18n_build.TranslationBuildError, match="找不到 pyside6-lrelease"):
        i18n_build.tool("pyside6-lrelease")


def test_strings_given_to_a_translate_wrapper_are_collected(tmp_path):
    """A module's ``_t("…")`` helper (lupdate cannot see through it) still gets its strings in."""
    page = tmp_path / "some_page.py"
    page.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "def _t(text):\n"
        '    return QCoreApplication.translate("SomePage", text)\n'
        'TITLE = _t("概况")\n'
        'OTHER = _t(f"{1}")  # not a literal: left out\n'
        'NOT_MINE = print("导出")\n',
        encoding="utf-8",
    )
    assert i18n_build.wrapped_messages([page]) == [("SomePage", "概况")]
    out = i18n_build.write_wrapped_strings([page], tmp_path / "wrapped.py")
    assert "QT_TRANSLATE_NOOP('SomePage', '概况')" in out.read_text(encoding="utf-8")
