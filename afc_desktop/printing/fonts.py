"""Find and register an embeddable CJK TrueType font for PDFs (中文字体).

reportlab's CID font ``STSong-Light`` is never used: it is not embedded, so on a machine without a
Chinese font every character prints blank. Instead a TrueType font (``.ttf`` or ``.ttc``) is
embedded (subset) into each PDF. Search order:

1. ``$AFC_PDF_FONT`` — a path, optionally ``path#index`` for a face inside a ``.ttc``;
2. a font bundled with the app: ``resources/fonts/*.ttf|*.ttc`` (source tree or PyInstaller bundle);
3. system fonts: SimSun / Microsoft YaHei / SimHei on Windows, WenQuanYi Micro Hei / Zen Hei and
   AR PL UMing on Linux.

CFF-based OpenType (``NotoSansCJK*.ttc``/``.otf``) cannot be read by reportlab and is skipped;
DroidSansFallback is not listed because it drops every digit and Latin letter.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

FONT_ENV = "AFC_PDF_FONT"
FONT_NAME = "AFC-CJK"


class FontNotFoundError(RuntimeError):
    """No usable CJK TrueType font; the message says where we looked and what to do."""


@dataclass(frozen=True)
class FontChoice:
    """A font file and the face index inside it (0 for a ``.ttf``)."""

    path: Path
    subfont_index: int = 0

    def __str__(self) -> str:
        return f"{self.path}#{self.subfont_index}" if self.subfont_index else str(self.path)


def _windows_fonts_dir() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def _bundled_font_dirs() -> list[Path]:
    dirs = [Path(__file__).resolve().parents[2] / "resources" / "fonts"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        dirs.insert(0, Path(bundle) / "resources" / "fonts")
    return dirs


SYSTEM_FONTS: tuple[tuple[str, int], ...] = (
    # Windows
    ("simsun.ttc", 0),
    ("msyh.ttc", 0),
    ("simhei.ttf", 0),
    # Linux (Debian/Ubuntu packages fonts-wqy-microhei, fonts-wqy-zenhei, fonts-arphic-uming)
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
)


def parse_font_spec(spec: str) -> FontChoice:
    """``path`` or ``path#index`` → FontChoice."""
    path, _, index = spec.partition("#")
    return FontChoice(Path(path).expanduser(), int(index) if index.isdigit() else 0)


def candidate_fonts() -> list[FontChoice]:
    """Every place a font may be, in the order they are tried."""
    found: list[FontChoice] = []
    env = os.environ.get(FONT_ENV, "").strip()
    if env:
        found.append(parse_font_spec(env))
    for directory in _bundled_font_dirs():
        if directory.is_dir():
            for pattern in ("*.ttf", "*.ttc"):
                found.extend(FontChoice(p) for p in sorted(directory.glob(pattern)))
    for name, index in SYSTEM_FONTS:
        path = Path(name) if "/" in name else _windows_fonts_dir() / name
        found.append(FontChoice(path, index))
    return found


def _font_name(choice: FontChoice) -> str:
    """One registered name per face, so switching fonts never reuses another face's metrics."""
    stem = "".join(ch for ch in choice.path.stem if ch.isalnum())
    return f"{FONT_NAME}-{stem}-{choice.subfont_index}"


def _load(choice: FontChoice) -> TTFont | None:
    if not choice.path.is_file():
        return None
    name = _font_name(choice)
    try:
        existing = pdfmetrics.getFont(name)
    except KeyError:
        existing = None
    if isinstance(existing, TTFont):
        return existing
    try:
        font = TTFont(name, str(choice.path), subfontIndex=choice.subfont_index)
    except (TTFError, OSError, ValueError):
        return None
    # A usable face must have Chinese, digits and Latin letters (DroidSansFallback lacks digits).
    cmap = font.face.charToGlyph
    if not all(ord(c) in cmap for c in "评估0123456789Aa"):
        return None
    return font


@lru_cache(maxsize=1)
def register_cjk_font() -> str:
    """Register the first usable CJK font and return its reportlab name (``AFC-CJK-…``).

    Raises FontNotFoundError when none is usable; an explicit ``$AFC_PDF_FONT`` that does not
    work is an error rather than silently replaced.
    """
    env = os.environ.get(FONT_ENV, "").strip()
    if env:
        choice = parse_font_spec(env)
        font = _load(choice)
        if font is None:
            raise FontNotFoundError(
                f"环境变量 {FONT_ENV} 指定的字体 “{choice}” 不存在或不是可嵌入的中文 TrueType 字体"
                "（.ttf/.ttc；不支持 CFF 轮廓的 OpenType，如 Noto Sans CJK）"
            )
        pdfmetrics.registerFont(font)
        return str(font.fontName)
    tried = candidate_fonts()
    for choice in tried:
        font = _load(choice)
        if font is not None:
            pdfmetrics.registerFont(font)
            return str(font.fontName)
    raise FontNotFoundError(
        "找不到可嵌入 PDF 的中文字体。请安装文泉驿字体（Debian/Ubuntu：apt install "
        f"fonts-wqy-microhei），或把 .ttf/.ttc 字体放入 resources/fonts/，或设置环境变量 {FONT_ENV}"
        "=字体文件路径。已查找：" + "；".join(str(c.path) for c in tried)
    )


def registered_font() -> TTFont:
    """The registered TTFont object (registers it first when needed)."""
    font = pdfmetrics.getFont(register_cjk_font())
    assert isinstance(font, TTFont)
    return font


def font_file() -> str:
    """Path of the font file in use (for messages and the about box)."""
    return str(registered_font().face.filename)


def missing_glyphs(text: str) -> set[str]:
    """Characters of ``text`` the registered font cannot draw (whitespace ignored)."""
    cmap = registered_font().face.charToGlyph
    return {c for c in text if not c.isspace() and ord(c) not in cmap}
