"""The page reads: text at least 4.5:1 against the paper and the lines that say something (persona
curves, the neutral line, all touchpoints' curve) at least 3:1 (WCAG 2's relative-luminance
contrast, as the editor's theme measures it)."""

from __future__ import annotations

import pytest
from reportlab.lib.colors import HexColor

from journeymapper.formats import json_format
from journeymapper.formats.pdf import ExportOptions, furniture, render_pdf
from journeymapper.formats.pdf.pen import Pen
from journeymapper.formats.pdf.theme import (
    FAINT,
    LINE_CONTRAST,
    MUTED,
    ON_DARK,
    PAPER,
    STAGE,
    TEXT_COLOURS,
    TEXT_CONTRAST,
    WASH,
    contrast,
    persona_colour,
    relative_luminance,
)
from journeymapper.model import Persona
from journeymapper.palette import PERSONA_COLOURS

from support import REPO

SAMPLES = sorted((REPO / "samples").glob("*.json"))


def test_the_contrast_formula_is_wcags():
    black, white = HexColor("#000000"), HexColor("#ffffff")
    assert relative_luminance(black) == 0 and relative_luminance(white) == pytest.approx(1)
    assert contrast(black, white) == pytest.approx(21) == contrast(white, black)
    assert contrast(HexColor("#777777"), white) == pytest.approx(4.48, abs=0.01)  # the classic near miss
    assert contrast(HexColor("#767676"), white) == pytest.approx(4.54, abs=0.01)


def test_the_footer_text_reads_on_the_paper(monkeypatch):
    drawn = []

    class Recorder:
        fonts = type("Fonts", (), {"fits": staticmethod(lambda text, *_: text), "width": staticmethod(lambda *_: 50.0)})

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


@pytest.mark.parametrize("colour", TEXT_COLOURS, ids=lambda colour: colour.hexval())
def test_every_text_colour_reads_on_the_paper_and_on_the_zebra_rows(colour):
    assert contrast(colour, PAPER) >= TEXT_CONTRAST
    assert contrast(colour, WASH) >= TEXT_CONTRAST


@pytest.mark.parametrize("colour", ON_DARK, ids=lambda colour: colour.hexval())
def test_text_on_the_dark_headers_reads(colour):
    assert contrast(colour, STAGE) >= TEXT_CONTRAST


def test_the_quiet_lines_still_stand_out_from_the_paper_and_the_emotion_lane():
    assert contrast(FAINT, PAPER) >= LINE_CONTRAST
    assert contrast(FAINT, WASH) >= LINE_CONTRAST


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.stem)
def test_every_text_of_an_export_is_drawn_in_a_text_colour(sample, monkeypatch):
    """Whatever the page (map, insights, stages, touchpoints, personas), no text is drawn in a
    colour outside ``TEXT_COLOURS`` and ``ON_DARK``: "None recorded" and "none" included."""
    drawn = set()
    text = Pen.text

    def recording(self, x, y, string, size, colour, *args, **kwargs):
        drawn.add(colour.hexval())
        return text(self, x, y, string, size, colour, *args, **kwargs)

    monkeypatch.setattr(Pen, "text", recording)
    document = json_format.load(sample)
    document.add_persona(Persona(id="blank", name="Blank"))  # "None recorded" under goals and frustrations
    render_pdf(document, ExportOptions(appendix=True, insights=True), source=sample)
    assert drawn <= {colour.hexval() for colour in (*TEXT_COLOURS, *ON_DARK)}
