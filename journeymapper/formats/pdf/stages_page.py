"""The "Stages" page: the map's title, description and personas in full, then each stage in order
with its description and its links to the other journeys. The appendix has it when the map has
context; every export has it when the map page's title block had to shorten the map's own text.

Each entry is a row of two columns, as a designer sets a glossary: the stage's number and name on
the left, what it is about and where it leads on the right, a rule between entries. The rows break
across pages whole; one longer than a page goes on at the top of the next, marked "continued".
"""

from __future__ import annotations

from dataclasses import dataclass

from journeymapper.formats.pdf.appendix import draw_heading, paginate
from journeymapper.formats.pdf.context import Links, link_lines
from journeymapper.formats.pdf.furniture import Page, persona_line
from journeymapper.formats.pdf.pen import Pen
from journeymapper.formats.pdf.plan import PageInfo, PlannedPage
from journeymapper.formats.pdf.scene import MapScene
from journeymapper.formats.pdf.textblock import LEADING, TextLine, draw_text_lines, paragraph
from journeymapper.formats.pdf.theme import MUTED, RULE
from journeymapper.layout import Rect

LABEL, NAME, TEXT = 7.5, 11.0, 9.5  # points on A4, growing with the page
NAME_SHARE, GUTTER, SPACE = 0.28, 18.0, 10.0


@dataclass(frozen=True, slots=True)
class _Entry:
    label: str  # "STAGE 3", "ABOUT THIS MAP"
    name: tuple[TextLine, ...]
    text: tuple[TextLine, ...]  # description and links, each line in its size's leading

    def height(self, unit: float) -> float:
        left = (LABEL + len(self.name) * NAME) * LEADING
        return (max(left, len(self.text) * TEXT * LEADING) + 2 * SPACE) * unit


def has_context(scene: MapScene) -> bool:
    """Whether the map has anything for this page: a description, or a stage with one or a link."""
    stages = scene.document.stages.values()
    return bool(scene.document.info.description) or any(stage.description or stage.links for stage in stages)


def stages_pages(scene: MapScene, page: Page, links: Links, shortened: bool = False) -> list[PlannedPage]:
    """The pages; ``shortened`` when the map page's title block had to shorten the map's title,
    personas or description, which then open the first page in full."""
    unit, body = page.unit, page.body
    columns = _columns(body, unit)
    heading = 30 * unit
    room = body.height - heading
    entries = [part for entry in _entries(scene, links, columns, unit, shortened) for part in _parts(entry, room, unit)]
    pages = []
    for number, chunk in enumerate(paginate(entries, lambda entry: entry.height(unit), room)):
        title = "Stages" if number == 0 else "Stages (continued)"

        def draw(pen: Pen, page: Page, chunk: list[_Entry] = chunk, title: str = title) -> None:
            draw_heading(pen, page, title)
            top = page.body.y + heading
            for entry in chunk:
                top = _draw_entry(pen, entry, columns, top, page)

        pages.append(PlannedPage(PageInfo("stages", page.width, page.height, title), draw))
    return pages


def _columns(body: Rect, unit: float) -> tuple[Rect, Rect]:
    """The names' column and the texts' column."""
    name_width = body.width * NAME_SHARE
    text_left = body.x + name_width + GUTTER * unit
    return Rect(body.x, body.y, name_width, body.height), Rect(text_left, body.y, body.right - text_left, body.height)


def _entries(scene: MapScene, links: Links, columns: tuple[Rect, Rect], unit: float, shortened: bool
             ) -> list[_Entry]:  # fmt: skip
    fonts, document = scene.fonts, scene.document
    names, texts = columns
    entries = []
    if document.info.description or shortened:
        title = paragraph(fonts, document.title, names.width, NAME * unit, bold=True)
        about = paragraph(fonts, document.info.description, texts.width, TEXT * unit)
        people = paragraph(fonts, persona_line(document), texts.width, TEXT * unit, colour=MUTED)
        about += [TextLine(""), *people] if about and people else people  # a line's space between the two
        entries.append(_Entry("ABOUT THIS MAP", tuple(title), tuple(about)))
    for number, stage in enumerate(document.stages.values(), start=1):
        name = paragraph(fonts, stage.name, names.width, NAME * unit, bold=True)
        text = paragraph(fonts, stage.description, texts.width, TEXT * unit)
        if not stage.description:
            text = [TextLine("No description.", colour=MUTED)]
        for link in links.get(stage.id, ()):
            text += link_lines(fonts, link, texts.width, TEXT * unit)
        entries.append(_Entry(f"STAGE {number}", tuple(name), tuple(text)))
    return entries


def _parts(entry: _Entry, room: float, unit: float) -> list[_Entry]:
    """``entry``, or its text in parts that each fit ``room``, the later ones marked as continued."""
    most = max(1, int((room / unit - 2 * SPACE) // (TEXT * LEADING)))
    if entry.height(unit) <= room or len(entry.text) <= most:
        return [entry]
    chunks = [entry.text[start : start + most] for start in range(0, len(entry.text), most)]
    return [_Entry(entry.label if number == 0 else f"{entry.label} (CONTINUED)", entry.name, chunk)
            for number, chunk in enumerate(chunks)]  # fmt: skip


def _draw_entry(pen: Pen, entry: _Entry, columns: tuple[Rect, Rect], top: float, page: Page) -> float:
    """One entry under a rule; returns its bottom."""
    unit = page.unit
    names, texts = columns
    pen.path([(names.x, top), (texts.right, top)], RULE, 0.5 * unit)
    y = top + SPACE * unit
    draw_text_lines(pen, [TextLine(entry.label, bold=True, colour=MUTED)], names.x, y, LABEL * unit)
    draw_text_lines(pen, entry.name, names.x, y + LABEL * LEADING * unit, NAME * unit)
    draw_text_lines(pen, entry.text, texts.x, y, TEXT * unit)
    return top + entry.height(unit)
