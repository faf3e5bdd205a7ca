"""The pen as SVG: the same drawing calls as ``Pen``, written as SVG elements instead of PDF operators,
so that the page-drawing code draws a map page to SVG unchanged.

Coordinates are resolved here rather than left to nested ``transform`` attributes: every view is a
uniform scale and a shift, so each shape is written in the page's own coordinates (points, y down),
which every SVG renderer, Qt's included, draws alike. Symbols (faces, channel icons) are defined
once in ``<defs>`` and placed with ``<use>``, as the PDF places forms. Text stays text: one
``<text>`` element per run of one font, its family named, its characters escaped for XML, so a
title such as ``<b>Pay</b>`` is those characters and never markup. Nothing refers outside the file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from reportlab.lib.colors import Color

from journeymapper.formats.pdf.face import Face
from journeymapper.formats.pdf.fonts import Fonts, clean, composed
from journeymapper.formats.pdf.pen import CENTRE_TO_BASELINE, SYMBOL_SIZE, Pen
from journeymapper.formats.pdf.shaping import is_complex
from journeymapper.formats.pdf.theme import INK
from journeymapper.layout import XY, Rect

GENERIC = "sans-serif"  # after the named family, for a viewer that lacks it


@dataclass(frozen=True, slots=True)
class _View:
    """Page point = layout point × scale + (x, y)."""

    x: float = 0.0
    y: float = 0.0
    scale: float = 1.0

    def point(self, x: float, y: float) -> tuple[float, float]:
        return x * self.scale + self.x, y * self.scale + self.y


def _number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _colour(colour: Color | None) -> str:
    if colour is None:
        return "none"
    return "#" + "".join(f"{round(channel * 255):02x}" for channel in (colour.red, colour.green, colour.blue))


def family(*faces: Face) -> str:
    """The font-family the faces are known by (``DejaVu Sans``), in order, then the generic family."""
    names = []
    for face in faces:
        name = face.font.face.familyName
        text = name.decode("latin-1") if isinstance(name, bytes) else str(name)
        if f"'{text}'" not in names:
            names.append(f"'{text}'")
    return ", ".join([*names, GENERIC])


class SvgPen(Pen):
    """Draws in layout coordinates (points, y down) into SVG elements; ``document`` gives the file.

    It overrides every drawing method of ``Pen``, so no reportlab canvas is involved; the fonts
    are the export's, for measuring and for naming the families."""

    def __init__(self, fonts: Fonts, width: float, height: float) -> None:
        # Pen.__init__ is not called: it sets up a reportlab canvas, which this pen has none of.
        self.fonts = fonts
        self.width, self.height = width, height
        self._body: list[str] = []
        self._defs: list[str] = []
        self._symbols: set[str] = set()
        self._clips = 0
        # The page's view: a PDF page's origin is its bottom left corner, and Page.view shifts to
        # the top left by the page's height; starting a page's height lower makes the two agree.
        self._view = _View(0.0, height, 1.0)

    def document(self) -> bytes:
        """The whole SVG file: white paper, the drawing, its definitions first."""
        size = f"{_number(self.width)} {_number(self.height)}"
        head = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" '
            f'width="{_number(self.width)}pt" height="{_number(self.height)}pt" viewBox="0 0 {size}" '
            'xml:space="preserve">\n'
        )
        defs = "<defs>\n" + "".join(self._defs) + "</defs>\n" if self._defs else ""
        paper = f'<rect x="0" y="0" width="{_number(self.width)}" height="{_number(self.height)}" fill="#ffffff"/>\n'
        group = '<g stroke-linecap="round" stroke-linejoin="round">\n' + "".join(self._body) + "</g>\n"
        return (head + defs + paper + group + "</svg>\n").encode("utf-8")

    @contextmanager
    def view(self, origin: XY, scale: float = 1.0, clip: Rect | None = None) -> Iterator[None]:
        saved = self._view
        x, y = saved.point(origin[0], -origin[1])
        self._view = _View(x, y, saved.scale * scale)
        if clip is not None:
            self._clip(clip)
        try:
            yield
        finally:
            if clip is not None:
                self._body.append("</g>\n")
            self._view = saved

    def _clip(self, rect: Rect) -> None:
        self._clips += 1
        name = f"clip{self._clips}"
        self._defs.append(f'<clipPath id="{name}">{self._rect_element(rect, "")}</clipPath>\n')
        self._body.append(f'<g clip-path="url(#{name})">\n')

    # -- shapes ---------------------------------------------------------------------------------

    def rect(self, rect: Rect, fill: Color | None = None, stroke: Color | None = None, width: float = 0.5,
             radius: float = 0) -> None:  # fmt: skip
        corner = f' rx="{_number(min(radius, rect.width / 2, rect.height / 2) * self._view.scale)}"' if radius else ""
        self._body.append(self._rect_element(rect, corner + self._attributes(fill, stroke, width)))

    def _rect_element(self, rect: Rect, attributes: str) -> str:
        x, y = self._view.point(rect.x, rect.y)
        scale = self._view.scale
        return (
            f'<rect x="{_number(x)}" y="{_number(y)}" width="{_number(rect.width * scale)}" '
            f'height="{_number(rect.height * scale)}"{attributes}/>\n'
        )

    def circle(self, x: float, y: float, radius: float, fill: Color | None = None, stroke: Color | None = None,
               width: float = 0.5) -> None:  # fmt: skip
        cx, cy = self._view.point(x, y)
        self._body.append(
            f'<circle cx="{_number(cx)}" cy="{_number(cy)}" r="{_number(radius * self._view.scale)}"'
            f"{self._attributes(fill, stroke, width)}/>\n"
        )

    def paths(
        self,
        subpaths: Sequence[Sequence[XY]],
        stroke: Color | None = None,
        width: float = 0.5,
        fill: Color | None = None,
        closed: bool = False,
        dash: Sequence[float] | None = None,
    ) -> None:
        parts = []
        for points in subpaths:
            parts.append("M" + " L".join(self._xy(x, y) for x, y in points) + (" Z" if closed else ""))
        self._path(" ".join(parts), fill, stroke, width, dash)

    def curve(self, start: XY, segments: Sequence[tuple[XY, XY, XY]], stroke: Color, width: float,
              dash: Sequence[float] | None = None) -> None:  # fmt: skip
        parts = ["M" + self._xy(*start)]
        parts += ["C" + " ".join(self._xy(*point) for point in segment) for segment in segments]
        self._path(" ".join(parts), None, stroke, width, dash)

    def dots(self, points: Sequence[XY], diameter: float, colour: Color) -> None:
        for x, y in points:
            self.circle(x, y, diameter / 2, fill=colour)

    def _xy(self, x: float, y: float) -> str:
        px, py = self._view.point(x, y)
        return f"{_number(px)} {_number(py)}"

    def _path(self, outline: str, fill: Color | None, stroke: Color | None, width: float,
              dash: Sequence[float] | None) -> None:  # fmt: skip
        dashes = ""
        if dash and stroke is not None:
            dashes = ' stroke-dasharray="' + " ".join(_number(value * self._view.scale) for value in dash) + '"'
        self._body.append(f'<path d="{outline}"{self._attributes(fill, stroke, width)}{dashes}/>\n')

    def _attributes(self, fill: Color | None, stroke: Color | None, width: float) -> str:
        painted = f' fill="{_colour(fill)}"'
        if stroke is not None:
            painted += f' stroke="{_colour(stroke)}" stroke-width="{_number(width * self._view.scale)}"'
        return painted

    def symbol(self, key: str, draw: Callable[[Pen], None], x: float, y: float, size: float) -> None:
        name = f"jm-{key}"
        if name not in self._symbols:
            self._define(name, draw)
        px, py = self._view.point(x, y)
        scale = self._view.scale * size / SYMBOL_SIZE
        self._body.append(
            f'<use xlink:href="#{name}" transform="translate({_number(px)} {_number(py)}) scale({scale:.5f})"/>\n'
        )

    def _define(self, name: str, draw: Callable[[Pen], None]) -> None:
        """Draw the symbol once, centred on (0, 0), into the definitions."""
        body, view = self._body, self._view
        self._body, self._view = [], _View()
        try:
            draw(self)
            self._defs.append(f'<g id="{name}">\n' + "".join(self._body) + "</g>\n")
        finally:
            self._body, self._view = body, view
        self._symbols.add(name)

    # -- text -----------------------------------------------------------------------------------

    def text(self, x: float, baseline: float, text: str, size: float, colour: Color = INK, bold: bool = False,
             align: str = "left") -> None:  # fmt: skip
        text = clean(text)
        if align != "left":
            x -= self.fonts.width(text, size, bold) / (2 if align == "centre" else 1)
        for start, faces, run in self._pieces(text, size, bold):
            px, py = self._view.point(x + start, baseline)
            self._body.append(self._text_element(f'x="{_number(px)}" y="{_number(py)}"', faces, run, size, colour))

    def _pieces(self, text: str, size: float, bold: bool = False) -> Iterator[tuple[float, tuple[Face, ...], str]]:
        """Where each piece of a line starts, the faces that draw it, and its text. A right-to-left
        or complex line is one piece in the order typed, with the whole chain of faces: SVG viewers
        reorder and shape a line themselves, as they would not across separate elements."""
        if is_complex(text):
            yield 0.0, self.fonts.chain(bold), composed(text)
            return
        start = 0.0
        for face, run in self.fonts.runs(text, bold):
            yield start, (face,), run
            start += face.width(run, size)

    def _text_element(self, place: str, faces: tuple[Face, ...], run: str, size: float, colour: Color) -> str:
        weight = ' font-weight="bold"' if faces[0] is self.fonts.bold else ""
        return (
            f'<text {place} font-family={quoteattr(family(*faces))} font-size="{_number(size * self._view.scale)}"'
            f'{weight} fill="{_colour(colour)}">{escape(run)}</text>\n'
        )

    def rotated_text(self, x: float, y: float, text: str, size: float, colour: Color) -> None:
        """Text reading upwards, centred on (x, y)."""
        px, py = self._view.point(x, y)
        scale = self._view.scale
        text = clean(text)
        left = -self.fonts.width(text, size) / 2
        for start, faces, run in self._pieces(text, size):
            place = (
                f'transform="translate({_number(px)} {_number(py)}) rotate(-90)" '
                f'x="{_number((left + start) * scale)}" y="{_number(size * CENTRE_TO_BASELINE * scale)}"'
            )
            self._body.append(self._text_element(place, faces, run, size, colour))
