"""Every connector label on the canvas, one item for the whole map above all the connector lines.

Where the labels go is ``journeymapper.connector_labels``'s work, the PDF's as well; this draws
them, and finds those a repaint exposes by area of the map.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from journeymapper.connector_labels import Placement
from journeymapper.editor.items import FAR_OUT, MapLayer, level_of_detail, qrect
from journeymapper.editor.recent import STATES, Recent
from journeymapper.editor.theme import Theme, canvas_font
from journeymapper.layout import Style

LABEL_Z = 9.0  # above every connector line (8), below the cards (10), which labels never cover
_LABEL_CELL = 256.0


class ConnectorLabelsItem(MapLayer):
    """Every connector label, a pill with its text (reading upwards along a vertical line), all
    drawn above all the connector lines as the PDF draws them: a line drawn after another never
    strikes through that one's label. One item for the whole map. It takes no clicks and is never
    under the pointer: there the label's connector is, with the whole text in its tooltip.

    The areas of the last two sets of labels are kept (``recent.py``): an undo or redo brings back
    the labels shown just before, and bucketing a big map's thousands of labels anew costs a
    noticeable part of redrawing it."""

    def __init__(self, theme: Theme, style: Style):
        super().__init__(theme, LABEL_Z)
        self._style = style
        self._areas = _LabelAreas(())
        self._recent: Recent[Sequence[Placement], _LabelAreas] = Recent(STATES)

    def set_labels(self, labels: Sequence[Placement]) -> None:
        self.prepareGeometryChange()
        # Keyed by the placements, compared by value so never stale, and cheap to compare all the
        # same: an undo gets the very placements back (``label_memory``), equal by identity. No
        # labels at all (far out, or while a big map's labels follow its frame) take no place there.
        self._areas = self._recent.get(labels, lambda: _LabelAreas(labels)) if labels else _LabelAreas(())
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._areas.bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if level_of_detail(painter) < FAR_OUT:
            return
        exposed = option.exposedRect
        left, top, right, bottom = exposed.left(), exposed.top(), exposed.right(), exposed.bottom()
        shown: dict[int, Placement] = {}
        buckets = self._areas.buckets()
        for key in _label_keys(left, top, right, bottom):
            for label in buckets.get(key, ()):
                box = label.box
                if box.x < right and left < box.right and box.y < bottom and top < box.bottom:
                    shown[id(label)] = label
        if not shown:
            return
        theme = self._theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(canvas_font(self._style.small_font_size, False))
        outline, text = QPen(theme.grid_line, 1), QPen(theme.muted_text)
        for label in shown.values():
            pill = qrect(label.box)
            radius = min(pill.width(), pill.height()) / 2
            painter.setPen(outline)
            painter.setBrush(theme.header_fill)
            painter.drawRoundedRect(pill, radius, radius)
            painter.setPen(text)
            if label.upright:
                painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label.text)
                continue
            painter.save()
            painter.translate(pill.center())
            painter.rotate(-90)
            painter.drawText(
                QRectF(-pill.height() / 2, -pill.width() / 2, pill.height(), pill.width()),
                Qt.AlignmentFlag.AlignCenter,
                label.text,
            )
            painter.restore()


class _LabelAreas:
    """A set of labels, their bounds, and the labels by area of the map, bucketed at the first paint."""

    def __init__(self, labels: Sequence[Placement]) -> None:
        self._labels = labels
        self._buckets: dict[tuple[int, int], list[Placement]] | None = None
        self.bounds = QRectF()
        if labels:
            boxes = [label.box for label in labels]
            left, top = min(box.x for box in boxes) - 1, min(box.y for box in boxes) - 1
            right, bottom = max(box.right for box in boxes) + 1, max(box.bottom for box in boxes) + 1
            self.bounds = QRectF(left, top, right - left, bottom - top)

    def buckets(self) -> dict[tuple[int, int], list[Placement]]:
        if self._buckets is None:
            self._buckets = {}
            for label in self._labels:
                box = label.box
                for key in _label_keys(box.x, box.y, box.right, box.bottom):
                    self._buckets.setdefault(key, []).append(label)
        return self._buckets


def _label_keys(left: float, top: float, right: float, bottom: float) -> Iterator[tuple[int, int]]:
    rows = range(int(top // _LABEL_CELL), int(bottom // _LABEL_CELL) + 1)
    for column in range(int(left // _LABEL_CELL), int(right // _LABEL_CELL) + 1):
        for row in rows:
            yield column, row
