"""The persona pages: a persona's B2B part is printed beside the page label, and only when set; lists
too long for the page go on, marked "continued", never cut."""

from __future__ import annotations

from journeymapper.formats.pdf import ExportOptions, plan_pages, render_pdf
from journeymapper.model import Persona, Touchpoint

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


def _crowded_persona_map():
    """Bea with 60 goals and 60 frustrations, some long, and 40 touchpoints in one stage."""
    document = build_small_map()
    goals = [f"Goal {number}: " + "pay without retyping the card number " * (number % 4) for number in range(60)]
    frustrations = [f"Frustration {number}: " + "the page reloads " * (number % 5) for number in range(60)]
    document.update_persona("buyer", goals=goals, frustrations=frustrations)
    for number in range(40):
        card, title = f"extra{number}", f"Extra step {number} of the purchase"
        document.add_touchpoint(Touchpoint(id=card, stage="pay", lane="web", title=title, personas=["buyer"]))
    return document


def test_sixty_goals_and_frustrations_and_forty_touchpoints_lose_nothing():
    document = _crowded_persona_map()
    pdf = render_pdf(document, ExportOptions(appendix=True))
    texts = page_texts(pdf.data)
    persona = "".join(text for text in texts if text.startswith("PERSONA"))
    bea = document.personas["buyer"]
    for item in (*bea.goals, *bea.frustrations, *(f"Extra step {number} of the purchase" for number in range(40))):
        assert squeezed(item) in persona, item
    assert "…" not in persona


def test_what_goes_on_is_marked_continued_on_a_page_of_its_own():
    plan = plan_pages(_crowded_persona_map(), ExportOptions(appendix=True))
    titles = [page.title for page in plan.pages if page.kind == "persona"]
    assert titles[0] == "Bea" and len(titles) > 1
    assert set(titles[1:]) == {"Bea (continued)"}
    texts = page_texts(render_pdf(_crowded_persona_map(), ExportOptions(appendix=True)).data)
    continued = next(text for text in texts if text.startswith("PERSONABea(continued)"))
    assert squeezed("GOALS (CONTINUED)") in continued and squeezed("FRUSTRATIONS (CONTINUED)") in continued
