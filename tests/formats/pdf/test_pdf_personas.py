"""The persona pages: a persona's B2B part is printed beside the page label, and only when set."""

from __future__ import annotations

from journeymapper.formats.pdf import ExportOptions, render_pdf
from journeymapper.model import Persona

from pdfcheck import page_texts, squeezed
from support import build_small_map


def _persona_page(document) -> str:
    return page_texts(render_pdf(document, ExportOptions(appendix=True)).data)[-1]


def test_the_persona_page_names_the_part_in_the_buying_group():
    document = build_small_map()
    document.update_persona("buyer", part="administrator")
    assert squeezed("PERSONA · ADMINISTRATOR") in _persona_page(document)


def test_a_persona_without_a_part_is_just_a_persona():
    document = build_small_map()
    document.add_persona(Persona(id="guest", name="Gus"))
    page = _persona_page(document)
    assert page.startswith("PERSONAGus")
