"""Persona emotion curves print as the canvas draws them: each in its colour and its own dash,
in the emotions lane and in the legend."""

from __future__ import annotations

import io

import pypdf

from journeymapper.formats.pdf import render_pdf
from journeymapper.formats.pdf.emotions import PERSONA_WIDTH
from journeymapper.model import Persona
from journeymapper.palette import persona_dashes

from support import build_small_map


def _map_page_stream(document) -> bytes:
    return pypdf.PdfReader(io.BytesIO(render_pdf(document).data)).pages[0].get_contents().get_data()


def _dash_operator(number: int) -> bytes:
    lengths = " ".join("%.2f" % (length * PERSONA_WIDTH) for length in persona_dashes(number))
    return f"[{lengths}] 0 d".encode()


def test_each_persona_curve_and_its_legend_line_carry_the_personas_dash():
    document = build_small_map()
    document.add_persona(Persona(id="gifter", name="Gil"))
    for card_id in ("search", "checkout"):
        document.update_touchpoint(card_id, personas=("buyer", "gifter"))
    stream = _map_page_stream(document)
    for number in (0, 1):
        assert stream.count(_dash_operator(number)) == 2  # the curve and its line in the legend
