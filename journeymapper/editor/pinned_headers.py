"""Frozen panes: stage headers stay at the top of the view and lane headers at its left while
the map scrolls under them, as a spreadsheet's frozen rows and columns do.

The headers themselves are moved, with a translation that leaves their position to the header
drags, so a pinned header still reorders its stage or lane when dragged and still carries its link
badge and its lane colour. Three plain bands in the canvas colour hide what scrolls beneath them:
one behind the stage headers, one behind the lane headers, and the corner where the two meet.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.editor.items import HEADER_Z, Themed
from journeymapper.editor.scene import MapScene
from journeymapper.editor.theme import Theme

GAP = 4.0  # between the view's edge and a pinned header, in map units

BAND_Z, CORNER_Z = HEADER_Z - 0.5, HEADER_Z + 0.5


class Band(Themed, QGraphicsItem):
    """A rectangle in the canvas colour that covers what scrolls under the pinned headers."""

    def __init__(self, theme: Theme, z: float):
        super().__init__()
        self._theme = theme
        self._rect = QRectF()
        self.setZValue(z)
        self.setVisible(False)

    def place(self, rect: QRectF | None) -> None:
        """Cover ``rect``, or nothing."""
        self.setVisible(rect is not None and not rect.isEmpty())
        if rect is not None and rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.fillRect(self._rect, self._theme.background)


class HeaderPins:
    """Keeps a scene's headers in view; ``pin`` is called whenever the view scrolls, zooms,
    resizes or the map is laid out anew."""

    def __init__(self, scene: MapScene):
        self.scene = scene
        self.top_band, self.left_band = Band(scene.theme, BAND_Z), Band(scene.theme, BAND_Z)
        self.corner = Band(scene.theme, CORNER_Z)
        for band in (self.top_band, self.left_band, self.corner):
            scene.addItem(band)

    def offsets(self, visible: QRectF) -> tuple[float, float]:
        """How far the lane headers move right and the stage headers move down, in map units."""
        margin = self.scene.style.margin
        return max(0.0, visible.left() + GAP - margin), max(0.0, visible.top() + GAP - margin)

    def pin(self, visible: QRectF) -> None:
        """Place the headers and bands for the part of the map the view shows."""
        scene = self.scene
        dx, dy = self.offsets(visible)
        for header in scene.stage_headers.values():
            header.setTransform(QTransform.fromTranslate(0, dy))
        for item in (*scene.lane_headers.values(), scene.legend):  # the emotion legend sits in its lane header
            item.setTransform(QTransform.fromTranslate(dx, 0))
        column_right = scene.layout.stage_edges[0] + dx
        row_bottom = scene.layout.lane_edges[0] + dy
        for header in scene.lane_headers.values():
            header.keep_name_in(row_bottom)
        self.top_band.place(
            QRectF(column_right, visible.top(), visible.right() - column_right, row_bottom - visible.top())
            if dy
            else None
        )
        self.left_band.place(
            QRectF(visible.left(), row_bottom, column_right - visible.left(), visible.bottom() - row_bottom)
            if dx
            else None
        )
        self.corner.place(
            QRectF(visible.left(), visible.top(), column_right - visible.left(), row_bottom - visible.top())
        )
        scene.uncovered = QRectF(
            column_right, row_bottom, visible.right() - column_right, visible.bottom() - row_bottom
        )

    def detach(self) -> None:
        for band in (self.top_band, self.left_band, self.corner):
            self.scene.removeItem(band)
