"""The portfolio overview as a PDF: a folder's maps on one page, or as many as they need.

A title block names the folder and counts what needs a look (broken links, customer-journey
stages with nothing behind them); then each map has an entry (``portfolio_entries``) under a rule.
An entry goes whole onto the next page rather than be split, unless it is taller than a page: then
it fills the page and goes on at the top of the next under its title marked "continued". Nothing
is cut. The same folder gives the same bytes: nothing here reads the clock, and the PDF is written
compressed as the map exports are.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from journeymapper import __version__
from journeymapper.counting import counted
from journeymapper.formats.pdf.export import binary_streams
from journeymapper.formats.pdf.fonts import Fonts, load_fonts
from journeymapper.formats.pdf.furniture import Page, PlacedText, draw_lines, footer
from journeymapper.formats.pdf.options import DEFAULT_MARGIN, NAMED_SIZES
from journeymapper.formats.pdf.pen import Pen, baseline
from journeymapper.formats.pdf.portfolio_entries import Columns, Entry, Line, entries
from journeymapper.formats.pdf.scene import map_texts
from journeymapper.formats.pdf.theme import ACCENT, INK, MUTED, RULE
from journeymapper.layout import wrap_text
from journeymapper.model import JourneyDocument
from journeymapper.model.links import Loader
from journeymapper.portfolio import Portfolio, unloadable

TEXT = 8.0  # points at unit 1: the entries' body text
PADDING = 7.0  # points at unit 1, above and below an entry's text
A4_PORTRAIT = NAMED_SIZES["A4"].oriented("portrait")


def render_portfolio_pdf(
    portfolio: Portfolio, load: Loader, page_size: tuple[float, float] = A4_PORTRAIT, margin: float = DEFAULT_MARGIN
) -> bytes:
    """The overview of ``portfolio``; ``load`` reads its maps again (pass the scan's cache)."""
    folder = Path(portfolio.folder)
    documents = [load(folder / summary.path) for summary in portfolio.maps]
    fonts = load_fonts(_texts(portfolio, documents))
    page = Page(*page_size, margin)
    unit = page.unit
    columns = Columns.of(page.body.width, unit, TEXT * unit)
    head, head_height = _title_block(fonts, page, portfolio)
    pages = _pages(entries(portfolio, folder, load, fonts, columns), page, head_height)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=page_size, invariant=1, pageCompression=1,
                    initialFontName=fonts.regular.name)  # type: ignore[arg-type]  # a name, whatever types-reportlab says  # fmt: skip
    canvas.setTitle(f"Portfolio: {portfolio.folder}")
    canvas.setCreator(f"journeymapper {__version__}")
    pen = Pen(canvas, fonts)
    for number, chunk in enumerate(pages, start=1):
        with page.view(pen):
            if number == 1:
                draw_lines(pen, head)
            else:
                pen.text(page.body.x, page.body.y + 14 * unit, "Portfolio (continued)", 14 * unit, INK, bold=True)
            _draw_entries(pen, page, columns, chunk, page.body.y + (head_height if number == 1 else 24 * unit))
            footer(pen, page, f"Portfolio · {portfolio.folder}", number, len(pages))
        canvas.showPage()
    with binary_streams():
        canvas.save()
    return buffer.getvalue()


def _texts(portfolio: Portfolio, documents: Iterable[JourneyDocument]) -> Iterator[str]:
    """Every text the overview may print, to choose fonts for."""
    yield portfolio.folder
    for document in documents:
        yield from map_texts(document)
    yield from (summary.path for summary in portfolio.maps)
    yield from (link.target for link in portfolio.links)
    yield from (f"{failure.path}: {failure.error}" for failure in portfolio.unreadable)


def _title_block(fonts: Fonts, page: Page, portfolio: Portfolio) -> tuple[list[PlacedText], float]:
    """ "PORTFOLIO", the folder, and what needs a look, as a map's title block has its kind, title
    and personas; and how tall it is with the space under it."""
    unit, area = page.unit, page.body
    small, size = 8.5 * unit, 18 * unit
    lines = [PlacedText(area.x, area.y + small, "PORTFOLIO", small, ACCENT, True)]
    y = area.y + small * 1.6
    for text in wrap_text(portfolio.folder, area.width, size, True, fonts.width):
        lines.append(PlacedText(area.x, baseline(y, size * 1.2, size), text, size, INK, True))
        y += size * 1.2
    for text in wrap_text(_counts(portfolio), area.width, small, False, fonts.width):
        lines.append(PlacedText(area.x, baseline(y, small * 1.4, small), text, small, MUTED))
        y += small * 1.4
    return lines, y - area.y + 8 * unit


def _counts(portfolio: Portfolio) -> str:
    maps, links, broken = len(portfolio.maps), len(portfolio.links), len(portfolio.broken_links)
    parts = [counted(maps, "map"), f"{counted(links, 'link')}, {broken} broken"]
    if portfolio.coverage:
        parts.append(f"{len(portfolio.gaps)} of {len(portfolio.coverage)} customer-journey stages with nothing behind")
    if portfolio.duplicates:
        parts.append(f"{counted(len(portfolio.duplicates), 'map id')} held by more than one file")
    if portfolio.unreadable:
        parts.append(unloadable(len(portfolio.unreadable)))
    return " · ".join(parts)


def _pages(found: list[Entry], page: Page, head_height: float) -> list[list[Entry]]:
    """The entries in pages: each whole on one page if a page can hold it, else split."""
    padding = 2 * PADDING * page.unit
    pages: list[list[Entry]] = [[]]
    room = page.body.height - head_height
    for entry in found:
        while entry.height + padding > room:
            if pages[-1]:
                pages.append([])
                room = page.body.height - 24 * page.unit
                continue
            head, entry = _split(entry, room - padding, page.unit)
            pages[-1].append(head)
            pages.append([])
            room = page.body.height - 24 * page.unit
        pages[-1].append(entry)
        room -= entry.height + padding
    return pages


def _split(entry: Entry, height: float, unit: float) -> tuple[Entry, Entry]:
    """As much of ``entry`` as ``height`` holds, and the rest under its title marked "continued"."""
    left, left_rest = _cut(entry.left, height)
    right, right_rest = _cut(entry.right, height)
    marker = Line(f"{entry.title} (continued)", TEXT * unit, MUTED, bold=True)
    return Entry(entry.title, left, right), Entry(entry.title, (marker, *left_rest), right_rest)


def _cut(lines: tuple[Line, ...], height: float) -> tuple[tuple[Line, ...], tuple[Line, ...]]:
    used, at = 0.0, 0
    while at < len(lines) and used + lines[at].height <= height:
        used += lines[at].height
        at += 1
    return lines[:at], lines[at:]


def _draw_entries(pen: Pen, page: Page, columns: Columns, chunk: list[Entry], top: float) -> None:
    unit, body = page.unit, page.body
    right_x = body.x + body.width - columns.right
    for entry in chunk:
        pen.path([(body.x, top), (body.right, top)], RULE, 0.8 * unit)
        _draw_column(pen, entry.left, body.x, top + PADDING * unit)
        _draw_column(pen, entry.right, right_x, top + PADDING * unit)
        top += entry.height + 2 * PADDING * unit


def _draw_column(pen: Pen, lines: tuple[Line, ...], left: float, top: float) -> None:
    for line in lines:
        if line.text:
            text_baseline = baseline(top, line.height, line.size)
            pen.text(left + line.indent, text_baseline, line.text, line.size, line.colour, line.bold)
        top += line.height
