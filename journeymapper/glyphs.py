"""Small vector glyphs as plain data: the channel icons that the PDF and the editor both draw.

A glyph is a few shapes in a unit square (-0.5..0.5, y down); line widths are shares of the
glyph's size, and a shape with no line width is filled. ``formats.pdf.icons`` draws them with
reportlab, the editor with QPainter (``editor.glyphs``), so the palette shows the icons that the
PDF's cards and legend print. No drawing library here: the command line imports this without Qt.

Channels are free text in a map; common names (and their usual spellings) get an icon, anything
else a plain dot.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

XY = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Circle:
    x: float
    y: float
    radius: float
    stroke: float = 0.0  # the line width; 0: filled


@dataclass(frozen=True, slots=True)
class Line:
    """A polyline, or a polygon when ``closed``; a polygon with no line width is filled."""

    points: tuple[XY, ...]
    stroke: float = 0.0
    closed: bool = False


@dataclass(frozen=True, slots=True)
class Curve:
    """Bézier segments from ``start``, each (control 1, control 2, end); always stroked."""

    start: XY
    segments: tuple[tuple[XY, XY, XY], ...]
    stroke: float


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle by its centre and size, with rounded corners when ``radius``."""

    x: float
    y: float
    width: float
    height: float
    radius: float = 0.0
    stroke: float = 0.0


Shape = Circle | Line | Curve | Box
Glyph = tuple[Shape, ...]

_THIN = 0.09

WEB: Glyph = (
    Circle(0, 0, 0.42, _THIN),
    Line(((-0.42, 0), (0.42, 0)), _THIN),
    Curve((0, -0.42), (((-0.28, -0.3), (-0.28, 0.3), (0, 0.42)),), _THIN),
    Curve((0, -0.42), (((0.28, -0.3), (0.28, 0.3), (0, 0.42)),), _THIN),
)
EMAIL: Glyph = (
    Line(((-0.45, -0.3), (0.45, -0.3), (0.45, 0.3), (-0.45, 0.3)), _THIN, closed=True),
    Line(((-0.45, -0.3), (0, 0.05), (0.45, -0.3)), _THIN),
)
PHONE: Glyph = (  # a handset: two ear pieces joined by a bow, on a base
    Curve((-0.38, -0.22), (((-0.2, -0.5), (0.2, -0.5), (0.38, -0.22)),), 0.16),
    Line(((-0.45, -0.2), (-0.2, -0.2), (-0.2, 0.05), (-0.45, 0.05)), closed=True),
    Line(((0.45, -0.2), (0.2, -0.2), (0.2, 0.05), (0.45, 0.05)), closed=True),
    Line(((-0.3, 0.1), (0.3, 0.1), (0.42, 0.42), (-0.42, 0.42)), closed=True),
)
CHAT: Glyph = (
    Line(
        ((-0.45, -0.38), (0.45, -0.38), (0.45, 0.18), (-0.05, 0.18), (-0.3, 0.42), (-0.25, 0.18), (-0.45, 0.18)),
        _THIN,
        closed=True,
    ),
)
IN_APP: Glyph = (Box(0, 0, 0.56, 0.9, radius=0.1, stroke=_THIN), Circle(0, 0.32, 0.05))
IN_PERSON: Glyph = (
    Circle(0, -0.22, 0.2),
    Curve((-0.4, 0.45), (((-0.4, 0.0), (0.4, 0.0), (0.4, 0.45)),), 0.02),
    Line(((-0.4, 0.45), (-0.3, 0.12), (0.3, 0.12), (0.4, 0.45)), closed=True),
)
VIDEO: Glyph = (Box(-0.12, 0, 0.62, 0.5, radius=0.06), Line(((0.22, 0), (0.48, -0.2), (0.48, 0.2)), closed=True))
DOCUMENT: Glyph = (
    Line(((-0.32, -0.45), (0.14, -0.45), (0.34, -0.25), (0.34, 0.45), (-0.32, 0.45)), _THIN, closed=True),
    *(Line(((-0.18, v), (0.2, v)), _THIN) for v in (-0.08, 0.12, 0.3)),
)
SYSTEM: Glyph = (  # a cog: a ring with six teeth
    *(
        Line(((0.22 * math.cos(a), 0.22 * math.sin(a)), (0.46 * math.cos(a), 0.46 * math.sin(a))), 0.16)
        for a in (step * math.pi / 3 for step in range(6))
    ),
    Circle(0, 0, 0.27, 0.14),
)
EVENT: Glyph = (  # a calendar page
    Box(0, 0.05, 0.86, 0.76, stroke=_THIN),
    Box(0, -0.22, 0.86, 0.22),
    Line(((-0.2, -0.45), (-0.2, -0.28)), _THIN * 1.4),
    Line(((0.2, -0.45), (0.2, -0.28)), _THIN * 1.4),
)
ADVERT: Glyph = (  # a loudhailer
    Line(((-0.42, -0.14), (-0.12, -0.14), (0.36, -0.4), (0.36, 0.4), (-0.12, 0.14), (-0.42, 0.14)), _THIN, True),
    Line(((-0.3, 0.14), (-0.2, 0.42)), _THIN * 1.4),
)
OTHER: Glyph = (Circle(0, 0, 0.22),)

CHANNEL_GLYPHS: dict[str, Glyph] = {
    "web": WEB,
    "email": EMAIL,
    "phone": PHONE,
    "chat": CHAT,
    "in_app": IN_APP,
    "in_person": IN_PERSON,
    "video": VIDEO,
    "document": DOCUMENT,
    "system": SYSTEM,
    "event": EVENT,
    "advert": ADVERT,
    "other": OTHER,
}

_ALIASES: dict[str, str] = {
    "web": "web", "website": "web", "online": "web", "social": "web",
    "email": "email", "e-mail": "email", "mail": "email", "newsletter": "email",
    "phone": "phone", "call": "phone", "telephone": "phone",
    "chat": "chat", "sms": "chat", "text": "chat", "message": "chat", "slack": "chat",
    "in-app": "in_app", "app": "in_app", "mobile": "in_app", "mobile app": "in_app", "product": "in_app",
    "in-person": "in_person", "in person": "in_person", "meeting": "in_person", "store": "in_person",
    "video call": "video", "video": "video", "webinar": "video",
    "document": "document", "pdf": "document", "letter": "document", "contract": "document",
    "system": "system", "api": "system", "automated": "system", "automation": "system",
    "event": "event", "calendar": "event", "conference": "event",
    "ads": "advert", "ad": "advert", "advert": "advert", "advertising": "advert", "campaign": "advert",
}  # fmt: skip


def channel_glyph_name(channel: str) -> str:
    """The name of the glyph a channel is drawn with (a key of ``CHANNEL_GLYPHS``): "other" for
    names without an icon of their own."""
    return _ALIASES.get(" ".join(channel.lower().split()), "other")
