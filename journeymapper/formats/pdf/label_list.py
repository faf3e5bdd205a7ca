"""The appendix's list of connector labels the map could not show whole: each shortened label
("Hands the sign… · 25%") and each label left out for want of room, in full, with the cards it
joins, in map order. No page when every label is whole."""

from __future__ import annotations

from dataclasses import dataclass

from journeymapper.counting import counted
from journeymapper.formats.pdf.appendix import PADDING, TEXT, draw_heading, paginate
from journeymapper.formats.pdf.furniture import Page
from journeymapper.formats.pdf.pen import Pen, baseline
from journeymapper.formats.pdf.plan import PageInfo, PlannedPage
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.textblock import LEADING, TextLine, draw_text_lines, paragraph
from journeymapper.formats.pdf.theme import INK, MUTED, RULE, STAGE, WASH
from journeymapper.layout import Rect, connector_label

COLUMNS = (("From", 0.22), ("To", 0.22), ("Label", 0.38), ("On the map", 0.18))
TITLE = "Connector labels in full"


@dataclass(frozen=True, slots=True)
class _Row:
    cells: tuple[tuple[TextLine, ...], ...]
    lines: int


def label_warning(scene: MapScene, appendix: bool) -> list[str]:
    """What the export says of the labels the map could not show whole, if any."""
    labels = scene.connector_labels
    shortened, left_out = len(labels.shortened), len(labels.left_out)
    if not shortened and not left_out:
        return []
    parts = []
    if shortened:
        parts.append(f"{counted(shortened, 'connector label')} {'is' if shortened == 1 else 'are'} shortened to fit")
    if left_out:
        subject = counted(left_out, "connector label") if not shortened else str(left_out)
        verb = "is" if left_out == 1 else "are"
        parts.append(
            f"{subject} {verb} left out of the map: no room beside {'its line' if left_out == 1 else 'their lines'}"
        )
    where = "the appendix lists them in full" if appendix else "export with the appendix to list them in full"
    return [f"{' and '.join(parts)}; {where}"]


def label_pages(scene: MapScene, page: Page) -> list[PlannedPage]:
    """The pages of the list, or none when the map shows every label whole."""
    labels = scene.connector_labels
    unit = page.unit
    widths = [fraction * page.body.width for _, fraction in COLUMNS]
    rows = []
    for connection in scene.document.connections():
        placement = labels.placed.get(connection.id)
        if placement is not None and not placement.shortened:
            continue
        if placement is None and connection.id not in labels.left_out:
            continue
        shown = "left out: no room beside its line" if placement is None else f"shortened: {placement.text}"
        texts = (
            scene.document.touchpoint(connection.source).title,
            scene.document.touchpoint(connection.target).title,
            connector_label(connection),
            shown,
        )
        cells = tuple(
            tuple(paragraph(scene.fonts, text, width - 2 * PADDING * unit, TEXT * unit, colour=colour))
            for text, width, colour in zip(texts, widths, (INK, INK, INK, MUTED))
        )
        rows.append(_Row(cells, max(len(cell) for cell in cells)))
    if not rows:
        return []
    heading, header = 30 * unit, _line_height(1, unit)
    room = page.body.height - heading - header
    pages = []
    for number, chunk in enumerate(paginate(rows, lambda row: _line_height(row.lines, unit), room)):
        title = TITLE if number == 0 else f"{TITLE} (continued)"

        def draw(pen: Pen, page: Page, chunk: list[_Row] = chunk, title: str = title) -> None:
            draw_heading(pen, page, title)
            _draw_table(pen, page, widths, chunk, page.body.y + heading)

        pages.append(PlannedPage(PageInfo("labels", page.width, page.height, title), draw))
    return pages


def _line_height(lines: int, unit: float) -> float:
    return (max(1, lines) * TEXT * LEADING + 2 * PADDING) * unit


def _draw_table(pen: Pen, page: Page, widths: list[float], rows: list[_Row], top: float) -> None:
    unit, body, size = page.unit, page.body, TEXT * page.unit
    lefts = [body.x + sum(widths[:column]) for column in range(len(widths))]
    header = _line_height(1, unit)
    pen.rect(Rect(body.x, top, body.width, header), fill=STAGE)
    for (name, _), left in zip(COLUMNS, lefts):
        pen.text(left + PADDING * unit, baseline(top, header, size), name, size, WASH, bold=True)
    y = top + header
    for number, row in enumerate(rows):
        height = _line_height(row.lines, unit)
        if number % 2:
            pen.rect(Rect(body.x, y, body.width, height), fill=WASH)
        pen.path([(body.x, y), (body.right, y)], RULE, 0.4 * unit)
        for cell, left in zip(row.cells, lefts):
            draw_text_lines(pen, cell, left + PADDING * unit, y + PADDING * unit, size)
        y += height
    pen.path([(body.x, y), (body.right, y)], RULE, 0.4 * unit)
