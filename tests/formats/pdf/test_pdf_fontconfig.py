"""Fonts for what DejaVu lacks, found through fontconfig: TrueType collections, no CFF or colour
fonts, and a warning that names the missing characters and the Debian package that draws them."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymapper.formats.pdf import fontconfig, missing
from journeymapper.formats.pdf import fonts as pdf_fonts
from journeymapper.formats.pdf.fontconfig import SystemFont

from pdfcheck import needs

CJK, KOREAN, EMOJI = "検索", "한국어", "🎉"


def listed(family: str, text: str, embeddable: bool) -> SystemFont:
    codes = sorted(map(ord, text))
    return SystemFont(Path(f"/fonts/{family}.ttc"), 0, family, embeddable, 80, tuple(codes), tuple(codes))


@pytest.fixture
def installed(monkeypatch):
    """Pretend these fonts are all the system has."""

    def install(*fonts: SystemFont) -> None:
        monkeypatch.setattr(pdf_fonts, "system_fonts", lambda: fonts)
        monkeypatch.setattr(missing, "system_fonts", lambda: fonts)

    return install


def warning_for(text: str) -> str:
    return missing.missing_warning(pdf_fonts.load_fonts([text]).missing)


def test_with_no_font_installed_the_warning_names_the_characters_and_packages(installed):
    installed()
    warning = warning_for(f"{CJK} {KOREAN} {EMOJI}")
    for char in CJK + KOREAN + EMOJI:
        assert f"{char} (U+{ord(char):04X})" in warning
    assert "fonts-droid-fallback (Chinese and Japanese)" in warning
    assert "fonts-nanum (Korean)" in warning
    assert "fonts-symbola (emoji and symbols)" in warning


def test_emoji_alone_get_emoji_advice_not_cjk(installed):
    installed()
    warning = warning_for(EMOJI)
    assert "fonts-symbola" in warning and "fonts-droid-fallback" not in warning and "nanum" not in warning


def test_cff_fonts_are_named_as_installed_but_not_embeddable(installed):
    installed(listed("Noto Sans CJK JP", CJK + KOREAN, embeddable=False))
    fonts = pdf_fonts.load_fonts([CJK])
    assert fonts.fallbacks == () and fonts.missing == frozenset(CJK)
    assert "installed but not embeddable, CFF or colour: Noto Sans CJK JP" in missing.missing_warning(fonts.missing)


def test_the_font_with_most_of_the_characters_comes_first():
    few, most = listed("Few", CJK[0], True), listed("Most", CJK + KOREAN, True)
    assert fontconfig.best_cover((few, most, listed("Cff", CJK + KOREAN, False)), set(CJK + KOREAN)) is most


def test_fontconfig_lists_the_installed_fonts_with_their_charsets():
    needs("fc-list")
    fonts = fontconfig.system_fonts()
    assert fonts
    dejavu = [font for font in fonts if font.path.name == "DejaVuSans.ttf"]
    assert not dejavu or (dejavu[0].embeddable and dejavu[0].has("A") and not dejavu[0].has(CJK[0]))


@pytest.mark.parametrize("text", [CJK, KOREAN, EMOJI], ids=["cjk", "korean", "emoji"])
def test_the_fonts_that_ci_setup_installs_draw_every_script(text):
    """.ci/setup installs fonts-droid-fallback, fonts-nanum and fonts-symbola."""
    needs("fc-list")
    fonts = pdf_fonts.load_fonts([text])
    assert fonts.missing == frozenset() and fonts.fallbacks


def test_a_truetype_collection_is_read_at_each_index():
    collections = [font for font in fontconfig.system_fonts() or () if font.index > 0 and font.embeddable]
    if not collections:
        pytest.skip("no TrueType collection installed (Debian: fonts-wqy-zenhei)")
    font = collections[0]
    face = pdf_fonts._face(str(font.path), font.index)
    assert face is not None and face.index == font.index and face.name.endswith(f"-{font.index}")


def test_without_fontconfig_known_font_files_are_looked_for(monkeypatch):
    monkeypatch.setattr(pdf_fonts, "system_fonts", lambda: None)
    found = pdf_fonts._system_fallbacks()
    if not found:
        pytest.skip("none of the known CJK font files is installed (Debian: fonts-droid-fallback)")
    fonts = pdf_fonts.load_fonts([CJK])
    assert fonts.missing == frozenset() and len(fonts.fallbacks) == 1


def test_other_scripts_get_noto_core_advice(installed):
    installed()
    assert "fonts-noto-core" in warning_for("नमस्ते")
