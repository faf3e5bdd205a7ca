"""The insights page: what ``journeymapper insights`` finds, printed after the map pages on request."""

from __future__ import annotations

import argparse

import pypdf

from journeymapper.commands.export_command import add_export_command
from journeymapper.formats import json_format
from journeymapper.formats.pdf import ExportOptions, export_pdf, plan_pages, render_pdf
from journeymapper.model import Connection, JourneyDocument, Lane, LaneKind, Stage, Touchpoint

from pdfcheck import busy_map, page_texts, qpdf_check, squeezed

MARKUP = '<b>x</b> & <img src="file:///etc/passwd"/>'
WITH_INSIGHTS = ExportOptions(insights=True)


def handoff_map() -> JourneyDocument:
    """Quote → (hand-off) Repair → Invoice, with a quote that stalls in the middle stage."""
    document = JourneyDocument("insights-map", MARKUP, "business")
    for stage_id in ("ask", "fix", "pay"):
        document.add_stage(Stage(id=stage_id, name=stage_id.title()))
    document.add_lane(Lane(id="sales", name="Field Sales", kind=LaneKind.TEAM))
    document.add_lane(Lane(id="care", name="Care Desk", kind=LaneKind.TEAM))
    cards = (("quote", "ask", "sales", "Quote sent"), ("repair", "fix", "care", "Repair booked"),
             ("stalled", "fix", "sales", "Stalled quote"), ("invoice", "pay", "sales", "Invoice paid"))  # fmt: skip
    for card_id, stage, lane, title in cards:
        document.add_touchpoint(Touchpoint(id=card_id, stage=stage, lane=lane, title=title))
    document.add_connection(Connection(id="k1", source="quote", target="repair", kind="handoff", conversion_rate=0.8))
    document.add_connection(Connection(id="k2", source="repair", target="invoice", conversion_rate=0.25))
    document.add_connection(Connection(id="k3", source="quote", target="stalled"))
    return document


def test_the_page_comes_only_with_the_option():
    document = handoff_map()
    assert [page.kind for page in plan_pages(document).pages] == ["map"]
    assert [page.kind for page in plan_pages(document, WITH_INSIGHTS).pages] == ["map", "insights"]
    both = ExportOptions(insights=True, appendix=True)
    assert [page.kind for page in plan_pages(document, both).pages][:3] == ["map", "insights", "touchpoints"]


def test_the_page_lists_dead_ends_hand_offs_and_the_weakest_step():
    text = page_texts(render_pdf(handoff_map(), WITH_INSIGHTS).data)[1]
    assert text.startswith("Insights")
    for expected in ("Dead ends", "Stalled quote", "Field Sales Care Desk", "Repair booked → Invoice paid: 25%",
                     "20% along the best fully measured path"):  # fmt: skip
        assert squeezed(expected) in text


def test_map_text_is_drawn_literally():
    text = page_texts(render_pdf(handoff_map(), WITH_INSIGHTS).data)[1]
    assert squeezed(MARKUP) in text


def test_a_long_list_runs_on_to_more_pages_named_in_the_outline(tmp_path):
    document = busy_map(300)
    document.add_connection(Connection(id="back", source="t299", target="t0"))  # one loop through every card
    for number in range(0, 300, 2):
        document.update_touchpoint(f"t{number}", pain_points=["Slow"])
    target = tmp_path / "busy.pdf"
    export_pdf(document, target, ExportOptions(insights=True, appendix=True))
    titles = [page.title for page in plan_pages(document, ExportOptions(insights=True)).pages]
    assert titles[1:3] == ["Insights", "Insights (continued)"]
    reader = pypdf.PdfReader(target)
    assert [item.title for item in reader.outline][:3] == ["Map", "Insights", "Touchpoints"]
    qpdf_check(target)


def test_two_exports_are_byte_identical(tmp_path):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for target in (first, second):
        export_pdf(handoff_map(), target, WITH_INSIGHTS)
    assert first.read_bytes() == second.read_bytes()
    qpdf_check(first)


def test_the_command_line_flag_adds_the_page(tmp_path):
    source, target = tmp_path / "map.json", tmp_path / "map.pdf"
    json_format.save(handoff_map(), source)
    parser = argparse.ArgumentParser(prog="journeymapper")
    add_export_command(parser.add_subparsers())
    parsed = parser.parse_args(["export", str(source), "-o", str(target), "--insights", "-q"])
    assert parsed.run(parsed) == 0
    assert len(pypdf.PdfReader(target).pages) == 2
    assert squeezed("Stalled quote") in page_texts(target.read_bytes())[1]


def _sixty_card_loop() -> JourneyDocument:
    """Sixty cards with long titles in one flow that loops back to the start: the loop's row names
    all sixty, longer than a column."""
    document = busy_map(60)
    document.add_connection(Connection(id="back", source="t59", target="t0"))
    for number in range(60):
        document.update_touchpoint(f"t{number}", title=_step(number))
    return document


def _step(number: int) -> str:
    return f"Step {number} of a loop with a long, descriptive title that says what happens there and why"


def test_a_loop_through_sixty_cards_loses_nothing_going_on_under_the_repeated_header():
    text = "".join(page_texts(render_pdf(_sixty_card_loop(), WITH_INSIGHTS).data)[1:])
    loop = " → ".join(_step(number) for number in (*range(60), 0))
    assert squeezed("LOOP (continued)") in text  # the row goes on in the next column, under the table's header
    assert squeezed(loop) in text.replace(squeezed("LOOP (continued)"), "")
    assert "…" not in text


def test_a_section_of_sixty_items_loses_nothing():
    document = busy_map(60)
    for number in range(59):  # sixty cards that nothing joins: sixty rows off the journey
        document.remove_connection(f"k{number}")
    text = "".join(page_texts(render_pdf(document, WITH_INSIGHTS).data)[1:])
    for touchpoint in document.touchpoints():
        assert squeezed(touchpoint.title) in text
