"""The appendix's touchpoint table never drops text: a cell too long for its page goes on at the
top of the next one."""

from __future__ import annotations

from journeymapper.formats.pdf import ExportOptions, page_size, plan_pages, render_pdf

from pdfcheck import page_texts, squeezed
from support import build_small_map

PAIN_POINTS = [f"Pain point number {number} of sixty, each worded on its own" for number in range(1, 61)]


def _map_with_a_long_cell():
    document = build_small_map()
    first = next(iter(document.touchpoints()))
    document.update_touchpoint(first.id, pain_points=PAIN_POINTS)
    return document, first


def test_a_sixty_item_cell_loses_nothing():
    document, card = _map_with_a_long_cell()
    options = ExportOptions(page=page_size("A4"), appendix=True)
    kinds = [page.kind for page in plan_pages(document, options).pages]
    assert kinds.count("touchpoints") >= 2  # sixty items do not fit one A4 page
    pages = page_texts(render_pdf(document, options).data)
    texts = "".join(text for text, kind in zip(pages, kinds) if kind == "touchpoints")
    for item in PAIN_POINTS:
        assert squeezed(item) in texts, item
    assert squeezed(f"{card.title} (continued)") in texts
    assert "…" not in texts


def test_the_other_rows_follow_the_long_one():
    document, _ = _map_with_a_long_cell()
    texts = "".join(page_texts(render_pdf(document, ExportOptions(page=page_size("A4"), appendix=True)).data))
    for touchpoint in document.touchpoints():
        assert squeezed(touchpoint.title) in texts
