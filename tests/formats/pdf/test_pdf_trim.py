"""Trim marks: hairlines in the margins in line with the edges to cut along, never over the content."""

from __future__ import annotations

from dataclasses import replace

from journeymapper.formats import json_format
from journeymapper.formats.pdf import ExportOptions, page_size, render_pdf
from journeymapper.formats.pdf.furniture import Page
from journeymapper.formats.pdf.trim import draw_trim_marks
from journeymapper.layout import Rect

from support import SAMPLES


class Recorder:
    """Stands in for the Pen: keeps the lines drawn."""

    def __init__(self) -> None:
        self.lines: list[list[tuple[float, float]]] = []

    def paths(self, subpaths, *_, **__) -> None:
        self.lines.extend(list(path) for path in subpaths)


def test_the_marks_line_up_with_the_cut_and_stay_in_the_margins():
    page, cut = Page(842, 595, 34), Rect(100, 80, 500, 400)
    pen = Recorder()
    draw_trim_marks(pen, page, cut)
    assert len(pen.lines) == 8
    inner = page.inner
    for (x1, y1), (x2, y2) in pen.lines:
        assert (x1 in (cut.x, cut.right) and x1 == x2) or (y1 in (cut.y, cut.bottom) and y1 == y2)
        for x, y in ((x1, y1), (x2, y2)):
            assert not (inner.x < x < inner.right and inner.y < y < inner.bottom)  # never over the content
            assert 0 <= x <= page.width and 0 <= y <= page.height


def test_a_margin_too_narrow_gets_no_marks():
    pen = Recorder()
    draw_trim_marks(pen, Page(842, 595, 6), Rect(100, 80, 500, 400))
    assert pen.lines == []


def test_marks_are_drawn_only_when_asked_for_in_fit_and_tile_mode():
    document = json_format.load(SAMPLES[-1])
    for options in (ExportOptions(), ExportOptions(page=page_size("A4"), mode="tile", scale=0.7)):
        plain = render_pdf(document, options).data
        marked = render_pdf(document, replace(options, trim_marks=True)).data
        assert plain != marked and render_pdf(document, options).data == plain
