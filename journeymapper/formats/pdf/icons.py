"""Small vector symbols: channel icons, emotion faces, pain-point and opportunity markers.

Each is a few path operations centred on (x, y) in a square ``size`` wide; the public functions
place them as symbols (``Pen.symbol``), drawn once per document. The channel icons are the shared
glyphs of ``journeymapper.glyphs``, which the editor's palette draws too.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.colors import Color

from journeymapper.formats.pdf.pen import CENTRE_TO_BASELINE, SYMBOL_SIZE, Pen
from journeymapper.formats.pdf.theme import INK, OPPORTUNITY, PAIN, PAPER, emotion_colour
from journeymapper.glyphs import CHANNEL_GLYPHS, Circle, Curve, Glyph, Line, channel_glyph_name
from journeymapper.layout import Rect

Icon = Callable[[Pen, float, float, float, Color], None]


def _unit(x: float, y: float, size: float) -> Callable[[float, float], tuple[float, float]]:
    """Maps a point of the unit square (-0.5..0.5, y down) to the icon's place."""
    return lambda u, v: (x + u * size, y + v * size)


def _draw(pen: Pen, glyph: Glyph, x: float, y: float, size: float, colour: Color) -> None:
    """A glyph of ``journeymapper.glyphs`` (unit square, widths as shares of the size) at (x, y)."""
    at = _unit(x, y, size)
    for shape in glyph:
        width = shape.stroke * size
        stroke, fill = (colour, None) if width else (None, colour)
        if isinstance(shape, Circle):
            pen.circle(*at(shape.x, shape.y), shape.radius * size, fill=fill, stroke=stroke, width=width or 0.5)
        elif isinstance(shape, Line):
            pen.path([at(*point) for point in shape.points], stroke, width or 0.5, fill, shape.closed or not width)
        elif isinstance(shape, Curve):
            segments = [(at(*first), at(*second), at(*end)) for first, second, end in shape.segments]
            pen.curve(at(*shape.start), segments, colour, width)
        else:
            box = _box(*at(shape.x, shape.y), shape.width * size, shape.height * size)
            pen.rect(box, fill=fill, stroke=stroke, width=width or 0.5, radius=shape.radius * size)


def _box(x: float, y: float, width: float, height: float) -> Rect:
    return Rect(x - width / 2, y - height / 2, width, height)


def channel_icon(channel: str) -> Icon:
    """The icon of a channel (``journeymapper.glyphs``), drawn as a symbol (``Pen.symbol``)."""
    name = channel_glyph_name(channel)
    glyph = CHANNEL_GLYPHS[name]

    def draw(pen: Pen, x: float, y: float, size: float, colour: Color) -> None:
        key = f"{name}-{colour.hexval()[2:]}"
        pen.symbol(key, lambda pen: _draw(pen, glyph, 0, 0, SYMBOL_SIZE, colour), x, y, size)

    return draw


# -- markers ------------------------------------------------------------------------------------


def emotion_face(pen: Pen, x: float, y: float, size: float, value: float) -> None:
    """A face in the emotion's colour whose mouth curves up (+2) to down (-2); a mean such as +0.6
    gets its own mouth, a whole emotion a shared symbol."""
    if value == int(value):
        pen.symbol(f"face{int(value):+d}", lambda pen: _face(pen, 0, 0, SYMBOL_SIZE, value), x, y, size)
    else:
        _face(pen, x, y, size, value)


def _face(pen: Pen, x: float, y: float, size: float, value: float) -> None:
    radius, at = size / 2, _unit(x, y, size)
    colour = emotion_colour(value)
    pen.circle(x, y, radius, fill=colour, stroke=PAPER, width=size * 0.06)
    features = PAPER if _dark(colour) else INK
    pen.dots([at(-0.16, -0.1), at(0.16, -0.1)], size * 0.11, features)
    bend = max(-2.0, min(2.0, value)) * 0.09
    pen.curve(
        at(-0.2, 0.16 - bend / 2),
        [(at(-0.1, 0.16 + bend), at(0.1, 0.16 + bend), at(0.2, 0.16 - bend / 2))],
        features,
        size * 0.07,
    )


def _dark(colour: Color) -> bool:
    """Whether white reads better than ink on ``colour`` (relative luminance, roughly)."""
    return 0.2126 * colour.red + 0.7152 * colour.green + 0.0722 * colour.blue < 0.45


def pain_marker(pen: Pen, x: float, y: float, size: float) -> None:
    """A red warning triangle with an exclamation mark."""
    pen.symbol("pain", lambda pen: _pain(pen, 0, 0, SYMBOL_SIZE), x, y, size)


def _pain(pen: Pen, x: float, y: float, size: float) -> None:
    at = _unit(x, y, size)
    pen.path([at(0, -0.46), at(0.5, 0.42), at(-0.5, 0.42)], fill=PAIN, closed=True)
    # The mark is drawn, not typed, so that copying text from the PDF picks up no stray "!".
    pen.path([at(-0.06, -0.14), at(0.06, -0.14), at(0.04, 0.16), at(-0.04, 0.16)], fill=PAPER, closed=True)
    pen.circle(x, y + size * 0.28, size * 0.06, fill=PAPER)


def opportunity_marker(pen: Pen, x: float, y: float, size: float) -> None:
    """A green disc with a plus, the canvas's opportunity badge."""
    pen.symbol("opportunity", lambda pen: _plus(pen, 0, 0, SYMBOL_SIZE), x, y, size)


def _plus(pen: Pen, x: float, y: float, size: float) -> None:
    at, width = _unit(x, y, size), size * 0.14
    pen.circle(x, y, size * 0.48, fill=OPPORTUNITY)
    pen.path([at(-0.26, 0), at(0.26, 0)], PAPER, width)
    pen.path([at(0, -0.26), at(0, 0.26)], PAPER, width)


def counted(
    pen: Pen,
    marker: Callable[[Pen, float, float, float], None],
    x: float,
    y: float,
    size: float,
    count: int,
    colour: Color,
) -> float:
    """A marker at the right of ``x`` with its count before it when above one; returns its left."""
    marker(pen, x - size / 2, y, size)
    left = x - size
    if count > 1:
        text = str(count)
        text_size = size * 0.9
        left -= pen.fonts.width(text, text_size, True) + size * 0.15
        pen.text(left, y + text_size * CENTRE_TO_BASELINE, text, text_size, colour, bold=True)
    return left
