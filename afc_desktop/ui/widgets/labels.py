"""Display labels for stored codes the domain keeps in English (relation to the household head),
and the mark of widgets that show data rather than interface text."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

DATA_PROPERTY = "afc_data"
W = TypeVar("W", bound=QWidget)


def mark_data(widget: W) -> W:
    """Mark ``widget`` (and what it holds) as showing data — residents' names and addresses,
    the official forms' own wording — not interface text, which the language switch leaves as
    it is; the acceptance suite's language check skips it. Returns ``widget``."""
    widget.setProperty(DATA_PROPERTY, True)
    return widget


# 与户主关系: codes written by the demo generator and imports; free text is kept as typed.
RELATIONS: tuple[tuple[str, str], ...] = (
    ("self", QT_TRANSLATE_NOOP("Labels", "户主")),
    ("spouse", QT_TRANSLATE_NOOP("Labels", "配偶")),
    ("child", QT_TRANSLATE_NOOP("Labels", "子女")),
    ("parent", QT_TRANSLATE_NOOP("Labels", "父母")),
    ("sibling", QT_TRANSLATE_NOOP("Labels", "兄弟姐妹")),
    ("grandchild", QT_TRANSLATE_NOOP("Labels", "孙子女")),
    ("other", QT_TRANSLATE_NOOP("Labels", "其他")),
)


def relation_label(code: str) -> str:
    """Chinese label of a relation code; other text unchanged."""
    for known, label in RELATIONS:
        if code == known:
            return QCoreApplication.translate("Labels", label)
    return code


def relation_code(text: str) -> str:
    """The code for a shown label (户主 → self); other text unchanged."""
    text = text.strip()
    for code, label in RELATIONS:
        if text in (label, QCoreApplication.translate("Labels", label)):
            return code
    return text
