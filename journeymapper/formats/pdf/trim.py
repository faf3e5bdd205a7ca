"""Trim marks: short hairlines in the page's margin, in line with the edges to cut along.

On a poster's sheet they mark the sheet's window of the map, so that the sheets can be trimmed
and butted together edge to edge; on a fit page, the map, to cut it out for a wall. They stay in
the margin, a little away from the content, and are left out where the margin has no room.
"""

from __future__ import annotations

from journeymapper.formats.pdf.furniture import Page
from journeymapper.formats.pdf.pen import Pen
from journeymapper.formats.pdf.theme import INK
from journeymapper.layout import Rect

GAP = 3.0  # between the content's edge and a mark, in points
LONGEST = 12.0
WIDTH = 0.25  # a hairline: it must not widen the cut
MIN_MARK = 4.0  # a margin without room for a mark this long gets none


def draw_trim_marks(pen: Pen, page: Page, cut: Rect) -> None:
    """Marks in the margins in line with the four edges of ``cut`` (page points, y down)."""
    length = min(LONGEST, page.margin - 2 * GAP)
    if length < MIN_MARK:
        return
    inner = page.inner
    top, bottom = inner.y - GAP, inner.bottom + GAP
    left, right = inner.x - GAP, inner.right + GAP
    marks = [
        *([(x, top - length), (x, top)] for x in (cut.x, cut.right)),
        *([(x, bottom), (x, bottom + length)] for x in (cut.x, cut.right)),
        *([(left - length, y), (left, y)] for y in (cut.y, cut.bottom)),
        *([(right, y), (right + length, y)] for y in (cut.y, cut.bottom)),
    ]
    pen.paths(marks, INK, WIDTH)
