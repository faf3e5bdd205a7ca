"""Under a linked stage's header the page says what the map behind it holds, as the canvas does:
the customer journey's Onboarding shows the user journey's numbers and Closed/Won the business
journey's; a broken link says so in a pale red; a link back to the map itself is a cycle. The
linked maps are read from the map's file: a map not saved yet has no notes. The notes are text a
reader can read, on every page that shows the headers and in the SVG too."""

from __future__ import annotations

import pytest

from journeymapper.formats import json_format
from journeymapper.formats.pdf import ExportOptions, page_size, render_pdf, render_svg
from journeymapper.formats.pdf.stage_notes import stage_notes
from journeymapper.formats.pdf.theme import BROKEN_NOTE, MIN_TEXT, NOTE, STAGE, TEXT_CONTRAST, contrast
from journeymapper.model import MapLink
from journeymapper.model.rollups import headline
from journeymapper.rollup_text import summary

from pdf_text import map_text_sizes
from pdfcheck import page_texts, squeezed
from support import REPO, copy_samples

CUSTOMER = REPO / "samples" / "year-one-customer-journey.json"
USER = REPO / "samples" / "first-report-user-journey.json"
BUSINESS = REPO / "samples" / "shoe-order-business-journey.json"


def _stage_id(document, name):
    return next(stage.id for stage in document.stages.values() if stage.name == name)


def _numbers(path) -> str:
    """What a narrow printed header keeps of a map's headline: its conversion and dead ends."""
    return summary(headline(json_format.load(path), path), kind=False, cards=False)


def _notes(source):
    return stage_notes(json_format.load(source), source, json_format.load)


def test_onboarding_shows_the_user_journey_and_closed_won_the_business_journey():
    document = json_format.load(CUSTOMER)
    notes = _notes(CUSTOMER)
    assert notes[_stage_id(document, "Onboarding")].text == summary(headline(json_format.load(USER), USER))
    assert notes[_stage_id(document, "Closed/Won")].text.startswith("Business journey · ")
    assert not any(note.broken for note in notes.values())


def test_the_printed_map_carries_both_journeys_numbers():
    page = page_texts(render_pdf(json_format.load(CUSTOMER), source=CUSTOMER).data)[0]  # the map page
    assert squeezed(_numbers(USER)) in page
    assert squeezed(_numbers(BUSINESS)) in page


def test_every_sheet_of_a_poster_repeats_the_notes_of_the_stages_it_shows():
    options = ExportOptions(page=ExportOptions().page, mode="tile", scale=1.0)
    texts = page_texts(render_pdf(json_format.load(CUSTOMER), options, source=CUSTOMER).data)
    sheets = [text for text in texts if squeezed("Onboarding") in text and "Sheet" in text]
    assert sheets and all(squeezed(_numbers(USER)) in text for text in sheets)


def test_the_svg_shows_them_too():
    svg = render_svg(json_format.load(CUSTOMER), source=CUSTOMER).data.decode()
    assert _numbers(USER).replace("≤", "&#8804;") in svg or _numbers(USER) in svg


def test_a_broken_link_says_so(tmp_path):
    folder = copy_samples(tmp_path / "maps")
    (folder / USER.name).unlink()
    source = folder / CUSTOMER.name
    document = json_format.load(source)
    note = _notes(source)[_stage_id(document, "Onboarding")]
    assert note.broken and note.text == f"Broken link (missing file): {USER.name}"
    page = page_texts(render_pdf(document, source=source).data)[0]  # the map page
    assert squeezed(f"Missing file: {USER.name}"[:24]) in page  # a narrow header: the red says broken


def test_a_link_back_to_the_map_itself_is_a_cycle(tmp_path):
    folder = copy_samples(tmp_path / "maps")
    source = folder / USER.name
    document = json_format.load(source)
    first = next(iter(document.stages))
    document.update_stage(first, links=[MapLink(path=USER.name, map_id=document.id)])
    note = stage_notes(document, source, json_format.load)[first]
    assert note.text == "Cycle: links back to this map" and not note.broken


def test_an_unsaved_map_has_no_notes():
    document = json_format.load(CUSTOMER)
    assert stage_notes(document, None, json_format.load) == {}
    with_file = page_texts(render_pdf(document, source=CUSTOMER).data)[0]  # the map pages
    unsaved = page_texts(render_pdf(document).data)[0]
    assert squeezed(_numbers(USER)) in with_file and squeezed(_numbers(USER)) not in unsaved


@pytest.mark.parametrize("ink", [NOTE, BROKEN_NOTE])
def test_the_notes_read_on_the_dark_header(ink):
    assert contrast(ink, STAGE) >= TEXT_CONTRAST


def test_the_notes_print_no_smaller_than_the_rest_of_the_map_at_the_automatic_page():
    from journeymapper.formats.pdf.automatic import choose_for

    document = json_format.load(CUSTOMER)
    options = choose_for(document, ExportOptions(), {"LC_PAPER": "en_GB.UTF-8"}, poster=False).options
    assert min(map_text_sizes(render_pdf(document, options, source=CUSTOMER).data)) >= MIN_TEXT


def test_the_export_is_the_same_bytes_run_to_run():
    document = json_format.load(CUSTOMER)
    assert render_pdf(document, source=CUSTOMER).data == render_pdf(document, source=CUSTOMER).data
    assert render_svg(document, source=CUSTOMER).data == render_svg(document, source=CUSTOMER).data


def test_a_poster_cover_prints_them_only_where_they_can_be_read():
    document = json_format.load(CUSTOMER)

    def cover(page: str) -> str:
        options = ExportOptions(page=page_size(page), mode="tile", scale=1.0)
        return page_texts(render_pdf(document, options, source=CUSTOMER).data)[0]

    assert squeezed(_numbers(USER)) in cover("A0")  # the miniature is larger than the map
    assert squeezed(_numbers(USER)) not in cover("A4")  # they would print under 6 pt
