"""Text wrapping and font discovery of the printing layer."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from afc_desktop.printing import fonts
from afc_desktop.printing.layout import text_width, wrap

FONT = fonts.register_cjk_font()


@settings(max_examples=1000, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(list("评估老年人能力，。、（）ABCxyz0123 -/")),
        max_size=200,
    ),
    width=st.floats(min_value=30, max_value=400),
)
def test_wrapped_lines_never_exceed_the_width(text: str, width: float) -> None:
    lines = wrap(text, 9.0, width, FONT)
    for line in lines:
        assert text_width(line, 9.0, FONT) <= width + 1e-6 or len(line) == 1
    # Nothing but spaces at line breaks is lost.
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_closing_punctuation_does_not_start_a_line() -> None:
    width = text_width("联系人姓名（暂定", 9, FONT) + 1  # the "）" does not fit
    lines = wrap("联系人姓名（暂定）", 9, width, FONT)
    assert len(lines) == 2 and lines[1] == "定）"


def test_latin_words_and_numbers_stay_whole() -> None:
    lines = wrap("在步行时需要他人少量扶持协助 320508194003150029 号", 9, 120, FONT)
    assert any("320508194003150029" in line for line in lines)


def test_env_var_font_must_be_usable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bad = tmp_path / "not-a-font.ttf"
    bad.write_bytes(b"nope")
    monkeypatch.setenv(fonts.FONT_ENV, str(bad))
    fonts.register_cjk_font.cache_clear()
    try:
        with pytest.raises(fonts.FontNotFoundError, match=fonts.FONT_ENV):
            fonts.register_cjk_font()
    finally:
        monkeypatch.delenv(fonts.FONT_ENV)
        fonts.register_cjk_font.cache_clear()
        fonts.register_cjk_font()


def test_env_var_selects_a_face_in_a_collection(monkeypatch: pytest.MonkeyPatch) -> None:
    zenhei = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
    if not zenhei.exists():
        pytest.skip("fonts-wqy-zenhei not installed")
    monkeypatch.setenv(fonts.FONT_ENV, f"{zenhei}#0")
    fonts.register_cjk_font.cache_clear()
    try:
        fonts.register_cjk_font()
        assert fonts.font_file() == str(zenhei)
    finally:
        monkeypatch.delenv(fonts.FONT_ENV)
        fonts.register_cjk_font.cache_clear()
        fonts.register_cjk_font()


def test_spec_parsing() -> None:
    assert fonts.parse_font_spec("/x/simsun.ttc#1") == fonts.FontChoice(Path("/x/simsun.ttc"), 1)
    assert fonts.parse_font_spec("/x/a.ttf").subfont_index == 0
