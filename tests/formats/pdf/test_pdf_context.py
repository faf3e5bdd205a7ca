"""The map's context on paper: its description in the title block, and with the appendix a Stages
page with the description in full, each stage's description and its links to the other journeys,
their titles read from the linked files; a broken link prints as broken."""

from __future__ import annotations

from journeymapper.formats import json_format
from journeymapper.formats.pdf import ExportOptions, page_size, plan_pages, render_pdf
from journeymapper.model import MapLink

from pdfcheck import page_texts, squeezed
from support import REPO, build_small_map, copy_samples

CUSTOMER = REPO / "samples" / "year-one-customer-journey.json"
USER = REPO / "samples" / "first-report-user-journey.json"
APPENDIX = ExportOptions(appendix=True)


def _stages_text(document, source) -> str:
    kinds = [page.kind for page in plan_pages(document, APPENDIX, source).pages]
    texts = page_texts(render_pdf(document, APPENDIX, source=source).data)
    return "".join(text for text, kind in zip(texts, kinds) if kind == "stages")


def test_the_title_block_opens_with_the_map_description():
    document = json_format.load(CUSTOMER)
    (first, *_) = page_texts(render_pdf(document, ExportOptions()).data)
    assert squeezed(document.info.description[:120]) in first


def test_the_stages_page_prints_the_description_every_stage_and_its_links():
    document = json_format.load(CUSTOMER)
    text = _stages_text(document, CUSTOMER)
    assert squeezed(document.info.description) in text
    for stage in document.stages.values():
        assert squeezed(stage.name) in text and squeezed(stage.description) in text
    user_title = json_format.load(USER).title
    assert squeezed(f"→ User journey: {user_title}, first-report-user-journey.json") in text


def test_a_card_link_is_printed_in_the_touchpoint_table():
    document = build_small_map()
    document.update_touchpoint("checkout", links=[MapLink(path="pay/flow.json", map_id="pay-flow")])
    texts = "".join(page_texts(render_pdf(document, APPENDIX).data))
    assert squeezed("→ pay/flow.json") in texts  # unsaved: the path, unchecked


def test_a_broken_link_prints_as_broken(tmp_path):
    folder = copy_samples(tmp_path / "maps")
    (folder / USER.name).unlink()
    source = folder / CUSTOMER.name
    text = _stages_text(json_format.load(source), source)
    assert squeezed("→ Broken link: first-report-user-journey.json (no such file)") in text
    assert squeezed("→ Business journey:") in text  # the other link still arrives


def test_a_link_to_another_map_prints_as_broken(tmp_path):
    folder = copy_samples(tmp_path / "maps")
    (folder / USER.name).write_bytes((folder / "shoe-order-business-journey.json").read_bytes())
    source = folder / CUSTOMER.name
    text = _stages_text(json_format.load(source), source)
    assert squeezed("→ Broken link: first-report-user-journey.json (the file holds another map)") in text


def test_a_map_without_context_has_no_stages_page():
    kinds = [page.kind for page in plan_pages(build_small_map(), APPENDIX).pages]
    assert "stages" not in kinds


def test_a_stage_description_longer_than_a_page_goes_on_at_the_top_of_the_next():
    document = build_small_map()
    sentences = [f"Step-{number:03d} of a description far longer than one page." for number in range(150)]
    document.update_stage("browse", description=" ".join(sentences))
    options = ExportOptions(page=page_size("A4"), appendix=True)
    kinds = [page.kind for page in plan_pages(document, options).pages]
    assert kinds.count("stages") >= 2
    texts = page_texts(render_pdf(document, options).data)
    text = "".join(text for text, kind in zip(texts, kinds) if kind == "stages")
    for number in range(150):  # each marker is one word, never parted by a line or a page break
        assert f"Step-{number:03d}" in text
    assert squeezed("STAGE 1 (CONTINUED)") in text


def _long_description() -> str:
    sentence = "Fernway's analysts set up reports, alerts and dashboards before the first review; "
    text = "".join(f"{number}. {sentence}" for number in range(1, 40))
    return text[:2000]


def test_a_two_thousand_character_description_is_printed_whole_without_the_appendix():
    document = build_small_map()
    document.update_map(description=_long_description())
    plan = plan_pages(document, ExportOptions())
    assert [(page.kind, page.note) for page in plan.pages] == [("map", "About this map in full: page 2"),
                                                               ("stages", "")]  # fmt: skip
    first, stages = page_texts(render_pdf(document, ExportOptions()).data)
    assert squeezed(_long_description()) not in first and squeezed("About this map in full: page 2") in first
    assert squeezed(_long_description()) in stages


def test_a_shortened_title_block_sends_the_reader_to_the_stages_page_in_every_mode():
    document = build_small_map()
    document.update_map(description=_long_description())
    for options in (ExportOptions(insights=True, appendix=True), ExportOptions(mode="tile", page=page_size("A4"))):
        kinds = [(page.kind, page.note) for page in plan_pages(document, options).pages]
        stages = 1 + next(number for number, (kind, _) in enumerate(kinds) if kind == "stages")
        assert {note for kind, note in kinds if kind in ("map", "cover")} == {f"About this map in full: page {stages}"}


def test_a_description_the_title_block_holds_needs_no_stages_page():
    document = build_small_map()
    document.update_map(description="Checkout on the web shop.")
    assert [(page.kind, page.note) for page in plan_pages(document, ExportOptions()).pages] == [("map", "")]
