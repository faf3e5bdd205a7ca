"""Wrapped text for tables and persona pages: plain paragraphs and bulleted lists, split where a
page or a column ends, drawn line by line through the pen (``Pen.text``: plain text operators, or
shaped glyphs; never reportlab's markup parser)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color

from journeymapper.formats.pdf.fonts import Fonts
from journeymapper.formats.pdf.pen import Pen, baseline
from journeymapper.formats.pdf.theme import INK, MUTED
from journeymapper.layout import wrap_text

BULLET = "•"
LEADING = 1.3


@dataclass(frozen=True, slots=True)
class TextLine:
    text: str
    bold: bool = False
    colour: Color = INK
    indent: float = 0.0  # the continuation lines of a bulleted item line up after its bullet
    bullet: bool = False


def paragraph(fonts: Fonts, text: str, width: float, size: float, bold: bool = False, colour: Color = INK
              ) -> list[TextLine]:  # fmt: skip
    return [TextLine(line, bold, colour) for line in wrap_text(text, width, size, bold, fonts.width)]


def bulleted(fonts: Fonts, items: Iterable[str], width: float, size: float) -> list[TextLine]:
    indent = fonts.width(BULLET + " ", size)
    lines = []
    for item in items:
        for number, line in enumerate(wrap_text(item, width - indent, size, False, fonts.width)):
            lines.append(TextLine(line, indent=indent, bullet=number == 0))
    return lines


def split(lines: Sequence[TextLine], most: int) -> tuple[tuple[TextLine, ...], tuple[TextLine, ...]]:
    """At most ``most`` of ``lines``, and the rest to go on elsewhere: a list breaks before an item
    that would not fit whole, so that an item reads in one place, unless the first alone is longer."""
    most = max(0, most)
    if len(lines) <= most:
        return tuple(lines), ()
    at = next((at for at in range(most, 0, -1) if lines[at].bullet), most)
    return tuple(lines[:at]), tuple(lines[at:])


def draw_text_lines(pen: Pen, lines: Sequence[TextLine], left: float, top: float, size: float) -> None:
    leading = size * LEADING
    for number, line in enumerate(lines):
        line_baseline = baseline(top + number * leading, leading, size)
        if line.bullet:
            pen.text(left, line_baseline, BULLET, size, MUTED)
        pen.text(left + line.indent, line_baseline, line.text, size, line.colour, line.bold)
