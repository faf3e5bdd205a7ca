"""What frames the pages: the page's geometry, the title block and the footer with the page number.
Coordinates are page points from the top left corner, y down (``Page.view``).

Type sizes grow with the sheet (``Page.unit``), so a title on A0 reads from as far away, relative
to the sheet, as one on A4.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from reportlab.lib.colors import Color

from journeymapper.formats.pdf.fonts import Fonts
from journeymapper.formats.pdf.pen import Pen, baseline
from journeymapper.formats.pdf.theme import ACCENT, INK, MUTED, RULE
from journeymapper.layout import Rect, wrap_text
from journeymapper.model import JourneyDocument
from journeymapper.model.kinds import KIND_LABELS

A4_AREA = 595.28 * 841.89
TITLE_LINES, PERSONA_LINES, DESCRIPTION_LINES = 2, 2, 3
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Page:
    width: float
    height: float
    margin: float

    @property
    def unit(self) -> float:
        """1 on A4 and Letter, growing with the square root of the area up to 3 (A0 is 2.8)."""
        return max(1.0, min(3.0, math.sqrt(self.width * self.height / A4_AREA)))

    @property
    def legend_unit(self) -> float:
        """The legend's scale: it grows more slowly than the titles, staying near the map's text."""
        return math.sqrt(self.unit)

    @property
    def inner(self) -> Rect:
        return Rect(self.margin, self.margin, self.width - 2 * self.margin, self.height - 2 * self.margin)

    @property
    def footer_height(self) -> float:
        return 16 * self.unit

    @property
    def body(self) -> Rect:
        """The page inside the margins, above the footer."""
        inner = self.inner
        return Rect(inner.x, inner.y, inner.width, inner.height - self.footer_height)

    @contextmanager
    def view(self, pen: Pen) -> Iterator[None]:
        with pen.view((0.0, self.height)):
            yield


def long_date(date: datetime.date) -> str:
    """``3 March 2025``: the same in every locale, so a file exported anywhere is the same."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


@dataclass(frozen=True, slots=True)
class PlacedText:
    """One line of text placed on the page."""

    x: float
    baseline: float
    text: str
    size: float
    colour: Color
    bold: bool = False
    align: str = "left"


@dataclass(frozen=True, slots=True)
class TitleBlock:
    lines: tuple[PlacedText, ...]
    rule: float  # the y of the rule under the block
    height: float  # from the top of the page body to where the page's content may start
    shortened: bool = False  # the title, the personas or the description ends in "…" here


def title_block(fonts: Fonts, page: Page, document: JourneyDocument, date: datetime.date | None) -> TitleBlock:
    """Kind, title, personas and the map's description on the left; date and author on the right.

    The description is the map's context for a reader who was not in the room, but the map needs
    the page more: a longer one than three lines ends in "…" (as a title longer than two, or the
    personas), and the PDF then prints the Stages page, which has them whole."""
    unit, area, info = page.unit, page.body, document.info
    small, size = 8.5 * unit, 18 * unit
    right = [(long_date(date), INK, True)] if date else []
    right += [(info.author, MUTED, False)] if info.author else []
    right_width = max((fonts.width(text, small, bold) for text, _, bold in right), default=0.0)
    lines = [PlacedText(area.right, area.y + small + n * small * 1.4, text, small, colour, bold, "right")
             for n, (text, colour, bold) in enumerate(right)]  # fmt: skip
    width = area.width - (right_width + 24 * unit if right_width else 0)
    lines.append(PlacedText(area.x, area.y + small, KIND_LABELS[document.kind].upper(), small, ACCENT, True))
    y = area.y + small * 1.6
    shortened = False
    parts = ((info.title, size, True, TITLE_LINES, size * 1.2, INK, 0.0),
             (persona_line(document), small, False, PERSONA_LINES, small * 1.4, MUTED, 0.0),
             (info.description, small, False, DESCRIPTION_LINES, small * 1.4, INK, small * 0.5))  # fmt: skip
    for text, text_size, bold, most, leading, colour, space in parts:
        wrapped = wrap_text(text, width, text_size, bold, fonts.width)
        shortened = shortened or len(wrapped) > most
        y += space if wrapped else 0.0
        for line in wrap_text(text, width, text_size, bold, fonts.width, most) if len(wrapped) > most else wrapped:
            lines.append(PlacedText(area.x, baseline(y, leading, text_size), line, text_size, colour, bold))
            y += leading
    rule = y + 6 * unit
    return TitleBlock(tuple(lines), rule, rule - area.y + 10 * unit, shortened)


def draw_lines(pen: Pen, lines: Iterable[PlacedText]) -> None:
    for line in lines:
        pen.text(line.x, line.baseline, line.text, line.size, line.colour, line.bold, line.align)


def draw_title_block(pen: Pen, page: Page, block: TitleBlock) -> None:
    draw_lines(pen, block.lines)
    area = page.body
    pen.path([(area.x, block.rule), (area.right, block.rule)], RULE, 0.8 * page.unit)


def persona_line(document: JourneyDocument) -> str:
    people = [f"{p.name}, {p.role}" if p.role else p.name for p in document.personas.values()]
    return ("Personas: " + " · ".join(people)) if people else ""


def footer(pen: Pen, page: Page, left_text: str, number: int, total: int, note: str = "") -> None:
    """A rule, ``left_text`` (the map and the part of it) on the left, the page number on the right
    after ``note`` (where something of this page goes on), if any."""
    unit, inner = page.unit, page.inner
    size = 7.5 * unit
    y = inner.bottom - page.footer_height + 4 * unit
    pen.path([(inner.x, y), (inner.right, y)], RULE, 0.5 * unit)
    text_baseline = inner.bottom - size * 0.3
    right = f"{note} · Page {number} of {total}" if note else f"Page {number} of {total}"
    pen.text(inner.right, text_baseline, right, size, MUTED, align="right")
    room = min(inner.width * 0.7, inner.width - pen.fonts.width(right, size) - 24 * unit)
    pen.text(inner.x, text_baseline, pen.fonts.fits(left_text, room, size), size, MUTED)
