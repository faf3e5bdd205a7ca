"""Small vector symbols: channel icons, emotion faces, pain-point and opportunity markers.

Each is a few path operations centred on (x, y) in a square ``size`` wide; the public functions
place them as symbols (``Pen.symbol``), drawn once per document. Channels are free text in a map;
common names (and their usual spellings) get an icon, anything else a plain dot.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from reportlab.lib.colors import Color

from journeymapper.formats.pdf.pen import CENTRE_TO_BASELINE, SYMBOL_SIZE, Pen
from journeymapper.formats.pdf.theme import INK, OPPORTUNITY, PAIN, PAPER, emotion_colour
from journeymapper.layout import Rect

Icon = Callable[[Pen, float, float, float, Color], None]


def _unit(x: float, y: float, size: float) -> Callable[[float, float], tuple[float, float]]:
    """Maps a point of the unit square (-0.5..0.5, y down) to the icon's place."""
    return lambda u, v: (x + u * size, y + v * size)


def _web(pen: Pen, x: float, y: float, size: float, colour: Color) -> None:
    at, width = _unit(x, y, size), size * 0.09
    pen.circle(x, y, size * 0.42, stroke=colour, width=width)
    pen.path([at(-0.42, 0), at(0.42, 0)], colour, width)
    pen.curve(at(0, -0.42), [(at(-0.28, -0.3), at(-0.28, 0.3), at(0, 0.42))], colour, width)
    pen.curve(at(0, -0.42), [(at(0.28, -0.3), at(0.28, 0.3), at(0, 0.42))], colour, width)


def _email(pen: Pen, x: float, y: float, size: float, colour: Color) -> None:
    at, width = _unit(x, y, size), size * 0.09
    pen.path([at(-0.45, -0.3), at(0.45, -0.3), at(0.45, 0.3), at(-0.45, 0.3)], colour, width, closed=True)
    pen.path([at(-0.45, -0.3), at(0, 0.05), at(0.45, -0.3)], colour, width)


def _phone(pen: Pen, x: float, y: float, size: float, colour: Color) -> None:
    # A handset: two ear pieces joined by a bow.
    at = _unit(x, y, size)
    pen.curve(at(-0.38, -0.22), [(at(-0.2, -0.5), at(0.2, -0.5), at(0.38, -0.22))], colour, size * 0.16)
    pen.path([at(-0.45, -0.2), at(-0.2, -0.2), at(-0.2, 0.05), at(-0.45, 0.05)], fill=colour, closed=True)
    pen.path([at(0.45, -0.2), at(0.2, -0.2), at(0.2, 0.05), at(0.45, 0.05)], fill=colour, closed=True)
    pen.path([at(-0.3, 0.1), at(0.3, 0.1), at(0.42, 0.42), at(-0.42, 0.42)], fill=colour, closed=True)


def _chat(pen: Pen, x: float, y: float, size: float, colour: Color) -> None:
    at, width = _unit(x, y, size), size * 0.09
    pen.path(
        [at(-0.45, -0.38), at(0.45, -0.38), at(0.45, 0.18), at(-0.05, 0.18), at(-0.3, 0.42), at(-0.25, 0.18),
         at(-0.45, 0.18)],
        colour, width, closed=True,
    )  # fmt: skip


def _in_app(pen: Pen, x: float, y: float, size: float, colour: Color) -> None:
    width = size * 0.09
    pen.rect(_box(x, y, size * 0.56, size * 0.9), stroke=colour, width=width, radius=size * 0.1)
    pen.circle(x, y + size * 0.32, size * 0.05, fill=colour)


def _in_person(pen: Pen, x: float, y: float, size: float, colour: Color) -> None:
    at = _unit(x, y, size)
    pen.circle(x, y - size * 0.22, size * 0.2, fill=colour)
    pen.curve(at(-0.4, 0.45), [(at(-0.4, 0.0), at(0.4, 0.0), at(0.4, 0.45))], colour, size * 0.02)
    pen.path([at(-0.4, 0.45), at(-0.3, 0.12), at(0.3, 0.12), at(0.4, 0.45)], fill=colour, closed=True)


def _video(pen: Pen, x: float, y: float, size: float, colour: Color) -> None:
    at = _unit(x, y, size)
    pen.rect(_box(x - size * 0.12, y, size * 0.62, size * 0.5), fill=colour, radius=size * 0.06)
    pen.path([at(0.22, 0), at(0.48, -0.2), at(0.48, 0.2)], fill=colour, closed=True)


def _document(pen: Pen, x: float, y: float, size: float, colour: Color) -> None:
    at, width = _unit(x, y, size), size * 0.09
    pen.path(
        [at(-0.32, -0.45), at(0.14, -0.45), at(0.34, -0.25), at(0.34, 0.45), at(-0.32, 0.45)],
        colour,
        width,
        closed=True,
    )
    for v in (-0.08, 0.12, 0.3):
        pen.path([at(-0.18, v), at(0.2, v)], colour, width)


def _system(pen: Pen, x: float, y: float, size: float, colour: Color) -> None:
    # A cog: a ring with six teeth.
    at = _unit(x, y, size)
    for step in range(6):
        angle = step * math.pi / 3
        dx, dy = math.cos(angle), math.sin(angle)
        pen.path([at(0.22 * dx, 0.22 * dy), at(0.46 * dx, 0.46 * dy)], colour, size * 0.16)
    pen.circle(x, y, size * 0.27, stroke=colour, width=size * 0.14)


def _event(pen: Pen, x: float, y: float, size: float, colour: Color) -> None:
    at, width = _unit(x, y, size), size * 0.09
    pen.rect(_box(x, y + size * 0.05, size * 0.86, size * 0.76), stroke=colour, width=width)
    pen.rect(_box(x, y - size * 0.22, size * 0.86, size * 0.22), fill=colour)
    for u in (-0.2, 0.2):
        pen.path([at(u, -0.45), at(u, -0.28)], colour, width * 1.4)


def _other(pen: Pen, x: float, y: float, size: float, colour: Color) -> None:
    pen.circle(x, y, size * 0.22, fill=colour)


def _box(x: float, y: float, width: float, height: float) -> Rect:
    return Rect(x - width / 2, y - height / 2, width, height)


_ICONS: dict[str, Icon] = {
    "web": _web, "website": _web, "online": _web, "social": _web,
    "email": _email, "e-mail": _email, "mail": _email, "newsletter": _email,
    "phone": _phone, "call": _phone, "telephone": _phone,
    "chat": _chat, "sms": _chat, "text": _chat, "message": _chat, "slack": _chat,
    "in-app": _in_app, "app": _in_app, "mobile": _in_app, "mobile app": _in_app, "product": _in_app,
    "in-person": _in_person, "in person": _in_person, "meeting": _in_person, "store": _in_person,
    "video call": _video, "video": _video, "webinar": _video,
    "document": _document, "pdf": _document, "letter": _document, "contract": _document,
    "system": _system, "api": _system, "automated": _system, "automation": _system,
    "event": _event, "calendar": _event, "conference": _event,
}  # fmt: skip


def channel_icon(channel: str) -> Icon:
    """The icon of a channel, drawn as a symbol (``Pen.symbol``)."""
    icon = _ICONS.get(" ".join(channel.lower().split()), _other)

    def draw(pen: Pen, x: float, y: float, size: float, colour: Color) -> None:
        key = f"{icon.__name__.strip('_')}-{colour.hexval()[2:]}"
        pen.symbol(key, lambda pen: icon(pen, 0, 0, SYMBOL_SIZE, colour), x, y, size)

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
