"""Drawing in layout coordinates (points, y down) on a reportlab canvas (y up).

This is the one place where the y axis flips: a view translates the canvas so that a layout point
lands where it should and scales it uniformly, and every y given to the pen is negated. Nothing is
mirrored, so text stays upright. No text goes through reportlab's markup parser: a title such as
``<b>Pay</b>`` is drawn as those characters. Plain text is written as text operators directly, as
reportlab's ``drawString`` writes it for an embedded font (``_string``), without the pure-Python
number formatting of its text objects, which took most of a big export's text time. Right-to-left
and complex text goes through ``drawString``, drawn as shaped glyphs in visual order, each glyph
mapped to the letters it stands for: readers take right-to-left letters laid out right to left and
give them back in the order typed. (An ActualText span with the typed line would not do: poppler
lays its letters out left to right and turns Hebrew round.)

Shapes are written as PDF path operators with ``addLiteral``. reportlab's own path and colour calls
format every number in pure Python (unless its optional C accelerator is installed), which was most
of the time of a big export; ``%.2f`` formats in C and keeps a hundredth of a point.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfgen.canvas import Canvas

from journeymapper.formats.pdf.face import Face
from journeymapper.formats.pdf.fonts import Fonts, clean
from journeymapper.formats.pdf.shaping import is_complex
from journeymapper.formats.pdf.shaping import width as shaped_width
from journeymapper.formats.pdf.theme import INK
from journeymapper.layout import XY, Rect

# The baseline that centres a line of capitals and lower case in a box: half the x-height and cap
# height above the middle, which for DejaVu is about 0.36 em.
CENTRE_TO_BASELINE = 0.36
KAPPA = 0.5523  # a quarter circle as one Bézier curve: control points this far along the tangents
SYMBOL_SIZE = 100.0  # symbols are defined this big, so that "%.2f" keeps their curves smooth


# Operators with their numbers, formatted in one go.
_MOVE, _LINE = "%.2f %.2f m", "%.2f %.2f l"
_CURVE = "%.2f %.2f %.2f %.2f %.2f %.2f c"
_RECT = "%.2f %.2f %.2f %.2f re"
_FILL, _STROKE, _WIDTH = "%.3f %.3f %.3f rg", "%.3f %.3f %.3f RG", "%.2f w"
_PAINT = {(True, True): "B", (True, False): "f", (False, True): "S", (False, False): "n"}  # by (fill, stroke)


def _dash(values: Sequence[float]) -> str:
    return "[" + " ".join([f"{value:.2f}" for value in values]) + "] 0 d"


class Pen:
    def __init__(self, canvas: Canvas, fonts: Fonts) -> None:
        self.canvas = canvas
        self.fonts = fonts
        self._symbols: set[str] = set()
        self._forget_paint()

    def _forget_paint(self) -> None:
        # The colours and line width last set: setting them again only lengthens the page.
        self._fill: Color | None = None
        self._stroke: Color | None = None
        self._width: float | None = None

    @contextmanager
    def view(self, origin: XY, scale: float = 1.0, clip: Rect | None = None) -> Iterator[None]:
        """Within the block, layout point (0, 0) is the point ``origin`` of the current view
        (PDF coordinates: y up) and one layout point is ``scale`` points; ``clip`` (layout
        coordinates) hides whatever falls outside it."""
        canvas = self.canvas
        canvas.saveState()
        self._forget_paint()
        canvas.translate(*origin)
        canvas.scale(scale, scale)
        if clip is not None:
            canvas.addLiteral(_RECT % (clip.x, -clip.bottom, clip.width, clip.height) + " W n")
        try:
            yield
        finally:
            canvas.restoreState()
            self._forget_paint()

    def at(self, x: float, y: float, scale: float = 1.0, clip: Rect | None = None) -> AbstractContextManager[None]:
        """A view whose origin is the point (x, y) of the current view (y down)."""
        return self.view((x, -y), scale, clip)

    # -- shapes ---------------------------------------------------------------------------------

    def rect(self, rect: Rect, fill: Color | None = None, stroke: Color | None = None, width: float = 0.5,
             radius: float = 0) -> None:  # fmt: skip
        if radius:
            outline = _rounded(rect, min(radius, rect.width / 2, rect.height / 2))
        else:
            outline = _RECT % (rect.x, -rect.bottom, rect.width, rect.height)
        self._finish(outline, fill, stroke, width)

    def circle(self, x: float, y: float, radius: float, fill: Color | None = None, stroke: Color | None = None,
               width: float = 0.5) -> None:  # fmt: skip
        y, k = -y, radius * KAPPA
        outline = " ".join([
            _MOVE % (x + radius, y),
            _CURVE % (x + radius, y + k, x + k, y + radius, x, y + radius),
            _CURVE % (x - k, y + radius, x - radius, y + k, x - radius, y),
            _CURVE % (x - radius, y - k, x - k, y - radius, x, y - radius),
            _CURVE % (x + k, y - radius, x + radius, y - k, x + radius, y), "h",
        ])  # fmt: skip
        self._finish(outline, fill, stroke, width)

    def path(self, points: Sequence[XY], stroke: Color | None = None, width: float = 0.5, fill: Color | None = None,
             closed: bool = False, dash: Sequence[float] | None = None) -> None:  # fmt: skip
        """A polyline through ``points``, or a polygon when ``closed``."""
        self.paths([points], stroke, width, fill, closed, dash)

    def paths(
        self,
        subpaths: Sequence[Sequence[XY]],
        stroke: Color | None = None,
        width: float = 0.5,
        fill: Color | None = None,
        closed: bool = False,
        dash: Sequence[float] | None = None,
    ) -> None:
        """Several polylines (or polygons) painted as one: many lines of one kind, one operator."""
        parts = []
        for (x, y), *rest in subpaths:
            parts.append(_MOVE % (x, -y))
            parts += [_LINE % (x, -y) for x, y in rest]
            if closed:
                parts.append("h")
        self._finish(" ".join(parts), fill, stroke, width, dash)

    def curve(self, start: XY, segments: Sequence[tuple[XY, XY, XY]], stroke: Color, width: float,
              dash: Sequence[float] | None = None) -> None:  # fmt: skip
        """A Bézier path: from ``start``, each segment is (control 1, control 2, end)."""
        parts = [_MOVE % (start[0], -start[1])]
        parts += [_CURVE % (x1, -y1, x2, -y2, x3, -y3) for (x1, y1), (x2, y2), (x3, y3) in segments]
        self._finish(" ".join(parts), None, stroke, width, dash)

    def dots(self, points: Sequence[XY], diameter: float, colour: Color) -> None:
        """Round dots: zero-length strokes with the round caps every page uses, far lighter than circles."""
        self._finish(" ".join([_MOVE % (x, -y) + " " + _LINE % (x, -y) for x, y in points]), None, colour, diameter)

    def _finish(self, outline: str, fill: Color | None, stroke: Color | None, width: float,
                dash: Sequence[float] | None = None) -> None:  # fmt: skip
        """Set colours, width and dash, then describe the path and paint it: PDF allows no state
        change between a path's construction and its painting operator."""
        self._paint(fill, stroke, width)
        operator = _PAINT[fill is not None, stroke is not None]
        if dash:
            self.canvas.addLiteral(f"{_dash(dash)} {outline} {operator} [] 0 d")
        else:
            self.canvas.addLiteral(f"{outline} {operator}")

    def _paint(self, fill: Color | None, stroke: Color | None, width: float) -> None:
        if fill is not None and fill is not self._fill:
            self.canvas.addLiteral(_FILL % (fill.red, fill.green, fill.blue))
            self._fill = fill
        if stroke is not None:
            if stroke is not self._stroke:
                self.canvas.addLiteral(_STROKE % (stroke.red, stroke.green, stroke.blue))
                self._stroke = stroke
            if width != self._width:
                self.canvas.addLiteral(_WIDTH % width)
                self._width = width

    def symbol(self, key: str, draw: Callable[[Pen], None], x: float, y: float, size: float) -> None:
        """A small drawing that a map repeats (a face, a channel icon), centred on (x, y).

        ``draw`` draws it once per document, centred on (0, 0) and ``SYMBOL_SIZE`` wide, as a PDF
        form; every use then places the form with one operator. A 10,000-card map draws its
        markers tens of thousands of times: this keeps the file small and the export quick.
        """
        name = f"jm-{key}"
        if name not in self._symbols:
            self._define(name, draw)
        scale = size / SYMBOL_SIZE
        self.canvas.addLiteral(f"q {scale:.5f} 0 0 {scale:.5f} {x:.2f} {-y:.2f} cm")
        self.canvas.doForm(name)
        self.canvas.addLiteral("Q")

    def _define(self, name: str, draw: Callable[[Pen], None]) -> None:
        half = int(SYMBOL_SIZE)
        self.canvas.beginForm(name, -half, -half, half, half)
        self._forget_paint()
        draw(self)
        self.canvas.endForm()
        self._forget_paint()
        self._symbols.add(name)

    # -- text -----------------------------------------------------------------------------------

    def text(self, x: float, baseline: float, text: str, size: float, colour: Color = INK, bold: bool = False,
             align: str = "left") -> None:  # fmt: skip
        """Draw one line of plain text, its start, centre or end at ``x`` (``align``: left, centre, right)."""
        text = clean(text)
        if is_complex(text):
            self._shaped_text(x, baseline, text, size, colour, bold, align)
            return
        runs = self.fonts.runs(text, bold)
        if align != "left":
            x -= sum(face.width(run, size) for face, run in runs) / (2 if align == "centre" else 1)
        self._paint(colour, None, 0)
        for number, (face, run) in enumerate(runs):
            if number:
                x += runs[number - 1][0].width(runs[number - 1][1], size)
            self._string(face, size, run, f"1 0 0 1 {x:.2f} {-baseline:.2f}")

    def _string(self, face: Face, size: float, text: str, matrix: str) -> None:
        """``text``, which ``face`` has every character of, placed by the text ``matrix`` (PDF
        coordinates): what ``drawString`` writes for it, in one literal. The font's subsets are
        reportlab's own."""
        font, document = face.font, self.canvas._doc  # type: ignore[attr-defined]  # the subsets' owner
        shown = " ".join(
            f"{font.getSubsetInternalName(subset, document)} {size:.2f} Tf ({escapePDF(chunk)}) Tj"
            for subset, chunk in font.splitString(text, document)
        )
        self.canvas.addLiteral(f"BT {matrix} Tm {shown} ET")

    def _shaped_text(self, x: float, baseline: float, text: str, size: float, colour: Color, bold: bool,
                     align: str) -> None:  # fmt: skip
        pieces = self.fonts.shaped(text, bold)
        if align != "left":
            x -= shaped_width(pieces, size) / (2 if align == "centre" else 1)
        self._paint(colour, None, 0)
        for piece in pieces:
            self.canvas.setFont(piece.face.name, size)
            self.canvas.drawString(x, -baseline, piece.text)
            x += piece.width(size)

    def lines(self, x: float, top: float, lines: Sequence[str], size: float, line_height: float,
              colour: Color = INK, bold: bool = False) -> None:  # fmt: skip
        """Lines of text, each centred in a box ``line_height`` tall, the first box at ``top``."""
        for number, line in enumerate(lines):
            self.text(x, baseline(top + number * line_height, line_height, size), line, size, colour, bold)

    def rotated_text(self, x: float, y: float, text: str, size: float, colour: Color) -> None:
        """Text reading upwards, centred on (x, y): for labels along vertical lines."""
        width, plain = self.fonts.width(text, size), clean(text)
        if is_complex(plain):
            with self.view((x, -y)):
                self.canvas.rotate(90)
                self.text(-width / 2, size * CENTRE_TO_BASELINE, text, size, colour)
            return
        # Plain text turns in its own text matrix: no graphics state to save, move and restore.
        across, along = x + size * CENTRE_TO_BASELINE, -y - width / 2
        self._paint(colour, None, 0)
        for face, run in self.fonts.runs(plain):
            self._string(face, size, run, f"0 1 -1 0 {across:.2f} {along:.2f}")
            along += face.width(run, size)


def baseline(top: float, height: float, size: float) -> float:
    """The baseline that centres a line of ``size`` text in a box from ``top``, ``height`` tall."""
    return top + height / 2 + size * CENTRE_TO_BASELINE


def _rounded(rect: Rect, radius: float) -> str:
    """A rounded rectangle's outline, in PDF coordinates (y up)."""
    left, right, top, bottom = rect.x, rect.right, -rect.y, -rect.bottom
    bend = radius * (1 - KAPPA)
    return " ".join([
        _MOVE % (left + radius, bottom), _LINE % (right - radius, bottom),
        _CURVE % (right - bend, bottom, right, bottom + bend, right, bottom + radius),
        _LINE % (right, top - radius),
        _CURVE % (right, top - bend, right - bend, top, right - radius, top),
        _LINE % (left + radius, top),
        _CURVE % (left + bend, top, left, top - bend, left, top - radius),
        _LINE % (left, bottom + radius),
        _CURVE % (left, bottom + bend, left + bend, bottom, left + radius, bottom), "h",
    ])  # fmt: skip
