"""The page reads: text at least 4.5:1 against the paper and the persona curves at least 3:1 (WCAG 2's
relative-luminance contrast, as the editor's theme measures it)."""

from __future__ import annotations

import pytest
from reportlab.lib.colors import HexColor

from journeymapper.formats.pdf import furniture
from journeymapper.formats.pdf.theme import (
    LINE_CONTRAST,
    MUTED,
    PAPER,
    TEXT_CONTRAST,
    contrast,
    persona_colour,
    relative_luminance,
)
from journeymapper.palette import PERSONA_COLOURS


def test_the_contrast_formula_is_wcags():
    black, white = HexColor("#000000"), HexColor("#ffffff")
    assert relative_luminance(black) == 0 and relative_luminance(white) == pytest.approx(1)
    assert contrast(black, white) == pytest.approx(21) == contrast(white, black)
    assert contrast(HexColor("#777777"), white) == pytest.approx(4.48, abs=0.01)  # the classic near miss
    assert contrast(HexColor("#767676"), white) == pytest.approx(4.54, abs=0.01)


def test_the_footer_text_reads_on_the_paper(monkeypatch):
    drawn = []

    class Recorder:
        fonts = type("Fonts", (), {"fits": staticmethod(lambda text, *_: text)})

        def path(self, *_, **__):
            pass

        def text(self, x, y, text, size, colour, *_, **__):
            drawn.append((text, colour))

    furniture.footer(Recorder(), furniture.Page(595, 842, 34), "Map · Sheet A1", 1, 2)
    assert {text for text, _ in drawn} == {"Map · Sheet A1", "Page 1 of 2"}
    assert all(contrast(colour, PAPER) >= TEXT_CONTRAST for _, colour in drawn)
    assert contrast(MUTED, PAPER) >= TEXT_CONTRAST


@pytest.mark.parametrize("position", range(len(PERSONA_COLOURS) * 2))
def test_every_persona_curve_stands_out_from_the_paper(position):
    assert contrast(persona_colour(position), PAPER) >= LINE_CONTRAST


def test_a_persona_colour_that_reads_on_paper_is_kept_as_it_is():
    assert persona_colour(0).hexval() == HexColor(PERSONA_COLOURS[0]).hexval()
