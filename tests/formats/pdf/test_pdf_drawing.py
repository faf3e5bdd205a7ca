"""Drawing decisions that a reader would trip over if they were wrong: blueprint lines, labels placed
once, fonts and text fitting (where labels go: test_pdf_labels.py)."""

from __future__ import annotations

import pytest

from journeymapper.formats.pdf.blueprint import blueprint_lines
from journeymapper.formats.pdf.fonts import load_fonts
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.theme import signed
from journeymapper.model import LaneKind as K

from pdfcheck import busy_map, unicode_map


@pytest.mark.parametrize(("kinds", "lines"), [
    ([K.TOUCHPOINTS, K.ACTIONS, K.FRONTSTAGE, K.BACKSTAGE, K.SUPPORT],
     {2: "Line of interaction", 3: "Line of visibility", 4: "Line of internal interaction"}),
    ([K.ACTIONS, K.TEAM, K.TEAM, K.BACKSTAGE, K.TEAM, K.SUPPORT, K.EMOTIONS],
     {1: "Line of interaction", 3: "Line of visibility", 5: "Line of internal interaction"}),
    ([K.ACTIONS, K.BACKSTAGE], {1: "Line of interaction · Line of visibility"}),
    ([K.TEAM, K.TEAM, K.EMOTIONS], {}),
    ([K.BACKSTAGE, K.ACTIONS, K.FRONTSTAGE], {2: "Line of interaction"}),
])  # fmt: skip
def test_blueprint_lines_fall_between_the_right_lanes(kinds, lines):
    assert blueprint_lines(kinds) == lines


def test_labels_are_placed_once_for_the_whole_map():
    scene = MapScene.of(busy_map(80))
    assert scene.labels == scene.labels
    assert all(p.text == "next" for p in scene.labels.values())


def test_the_pdf_measures_text_with_the_font_it_embeds():
    fonts = load_fonts(["Mmm"])
    assert fonts.width("Mmm", 10) > fonts.width("iii", 10)
    assert fonts.width("Bold", 10, bold=True) > fonts.width("Bold", 10)
    assert fonts.fits("A rather long channel name", 40, 8).endswith("…")
    assert fonts.width(fonts.fits("A rather long channel name", 40, 8), 8) <= 40
    assert fonts.missing == frozenset()


def test_latin_greek_and_cyrillic_need_no_fallback():
    document = unicode_map()
    scene = MapScene.of(document)
    assert scene.fonts.missing == frozenset() and scene.fonts.fallbacks == ()


def test_emotions_print_with_a_true_minus():
    assert [signed(value) for value in (2, 1, 0, -1, -2, 0.5, -1.25)] == ["+2", "+1", "0", "−1", "−2", "+0.5", "−1.2"]
