"""Marks over the map that are not part of it: an amber warning sign on what a merge conflict is
about, and a comparison's "New", "Changed" and "Moved" chips, with a ring around the card or
header in the same colour; and, for a card the comparison found removed, a dashed outline of the
cell it was in.

A mark is a child of the card, header or connector it marks, so that it travels with a drag and
with a pinned header. ``CanvasMarks`` keeps, per scene, what each source (the conflicts, a
comparison) wants marked, and puts it on the items again after every layout: an item made anew
(a card back from an undo) gets its marks too. Marks take no mouse buttons: a press on one is a
press on the card beneath. Where they go is worked out when they change; painting only draws.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeymapper.editor.canvas_focus import Target, canvas_item, target_of
from journeymapper.editor.card_item import CardItem
from journeymapper.editor.items import CARD_Z, FAR_OUT, HeaderItem, Themed, level_of_detail
from journeymapper.editor.scene import MapScene
from journeymapper.editor.theme import Theme, canvas_font, edge_for, qt_measure, text_on
from journeymapper.layout import Style

MarkKind = Literal["conflict", "added", "changed", "moved"]
ORDER: tuple[MarkKind, ...] = ("conflict", "added", "moved", "changed")
"""Right to left along an item's top edge; the first also colours the ring."""
WORDS: dict[MarkKind, str] = {"conflict": "", "added": "New", "changed": "Changed", "moved": "Moved"}
CHIP_HEIGHT = 14.0
SIGN_WIDTH = 17.0


@dataclass(frozen=True)
class Mark:
    kind: MarkKind
    tooltip: str
    """What the mark stands for, in the map's words: a conflict's line, a change's line."""


def mark_colour(theme: Theme, kind: MarkKind | Literal["removed"]) -> QColor:
    colours = {
        "conflict": theme.conflict,
        "added": theme.added,
        "changed": theme.changed,
        "moved": theme.moved,
        "removed": theme.removed,
    }
    return colours[kind]


def paint_conflict_sign(painter: QPainter, rect: QRectF, theme: Theme) -> None:
    """The warning sign of a conflict: an amber triangle with an exclamation mark, in ``rect``."""
    fill = theme.conflict_fill
    triangle = QPolygonF(
        [
            QPointF(rect.center().x(), rect.top() + 0.5),
            QPointF(rect.right() - 0.5, rect.bottom() - 0.5),
            QPointF(rect.left() + 0.5, rect.bottom() - 0.5),
        ]
    )
    edge = QPen(edge_for(fill, theme.card_fill), 1.2)
    edge.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(edge)
    painter.setBrush(fill)
    painter.drawPolygon(triangle)
    ink, middle = text_on(fill), rect.center().x()
    painter.setPen(QPen(ink, 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    top, bottom = rect.top() + rect.height() * 0.36, rect.bottom() - rect.height() * 0.34
    painter.drawLine(QPointF(middle, top), QPointF(middle, bottom))
    painter.drawPoint(QPointF(middle, rect.bottom() - rect.height() * 0.17))


class MarkItem(Themed, QGraphicsItem):
    """The marks of one card, header or connector: a row of chips, and a ring around a card or
    header in the colour of the first."""

    def __init__(self, parent: QGraphicsItem, theme: Theme, style: Style):
        super().__init__(parent)
        self._theme, self._style = theme, style
        self.kinds: tuple[MarkKind, ...] = ()
        self._ring: QRectF | None = None
        self._chips: list[tuple[MarkKind, QRectF]] = []
        self._shape = QPainterPath()
        self._bounds = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_marks(self, marks: Sequence[Mark], frame: QRectF | None, anchor: QPointF, centred: bool) -> None:
        """Chips for ``marks`` in a row whose right end (or middle, if ``centred``) is at ``anchor``,
        its vertical middle there too; a ring around ``frame`` unless it is None."""
        kinds = tuple(sorted({mark.kind for mark in marks}, key=ORDER.index))
        self.prepareGeometryChange()
        self.kinds = kinds
        self._ring = frame.adjusted(-3, -3, 3, 3) if frame is not None and kinds else None
        widths = [SIGN_WIDTH if kind == "conflict" else _chip_width(kind, self._style) for kind in kinds]
        right = anchor.x() + (sum(widths) + 3 * (len(widths) - 1)) / 2 if centred else anchor.x()
        self._chips = []
        for kind, width in zip(kinds, widths):
            self._chips.append((kind, QRectF(right - width, anchor.y() - CHIP_HEIGHT / 2, width, CHIP_HEIGHT)))
            right -= width + 3
        self._shape = QPainterPath()
        self._bounds = QRectF(self._ring) if self._ring is not None else QRectF()
        for _, rect in self._chips:
            self._shape.addRect(rect)
            self._bounds = self._bounds.united(rect)
        self._bounds.adjust(-2, -2, 2, 2)
        self.setToolTip("\n".join(dict.fromkeys(mark.tooltip for mark in marks)))
        self.setVisible(bool(kinds))
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def shape(self) -> QPainterPath:
        """The chips alone: the tooltip shows over them, not over the whole card."""
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self.kinds:
            return
        theme = self._theme
        far = level_of_detail(painter) < FAR_OUT
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not far)
        if self._ring is not None:
            ring = QPen(mark_colour(theme, self.kinds[0]), 6 if far else 2)
            if self.kinds[0] == "moved":
                ring.setStyle(Qt.PenStyle.DashLine)  # not by colour alone: moved is dashed
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self._ring, 8, 8)
        if far:
            return
        painter.setFont(canvas_font(self._style.small_font_size, True))
        for kind, rect in self._chips:
            if kind == "conflict":
                paint_conflict_sign(painter, rect, theme)
                continue
            colour = mark_colour(theme, kind)
            painter.setPen(QPen(theme.card_fill, 1))  # a thin gap between chip and ring
            painter.setBrush(colour)
            painter.drawRoundedRect(rect, CHIP_HEIGHT / 2, CHIP_HEIGHT / 2)
            painter.setPen(text_on(colour))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, WORDS[kind])


def _chip_width(kind: MarkKind, style: Style) -> float:
    return qt_measure(WORDS[kind], style.small_font_size, True) + 12


class CanvasMarks(QObject):
    """What each source wants marked on one scene's items, put on them after every layout."""

    def __init__(self, scene: MapScene):
        super().__init__(scene)
        self._scene = scene
        self._sources: dict[str, dict[Target, tuple[Mark, ...]]] = {}
        # Each mark item with the item it was made on: a card made anew needs a mark item of its own.
        self._items: dict[Target, tuple[QGraphicsItem, MarkItem]] = {}
        scene.laid_out.connect(self.apply)
        scene.made.connect(self._made)

    def set_marks(self, source: str, marks: Mapping[Target, Sequence[Mark]]) -> None:
        """Replace what ``source`` marks (an empty mapping clears its marks)."""
        self._sources[source] = {target: tuple(found) for target, found in marks.items() if found}
        self.apply()

    def marks(self, target: Target) -> tuple[Mark, ...]:
        """Every mark ``target`` has, from all sources."""
        return tuple(mark for marks in self._sources.values() for mark in marks.get(target, ()))

    def mark_item(self, target: Target) -> MarkItem | None:
        """The item that draws ``target``'s marks, if it has any."""
        held = self._items.get(target)
        return held[1] if held is not None and held[1].isVisible() else None

    def apply(self) -> None:
        wanted = {target for marks in self._sources.values() for target in marks}
        for target, (parent, item) in list(self._items.items()):
            if canvas_item(self._scene, target, make=False) is not parent:
                del self._items[target]  # its parent left the scene, and took it along
            elif target not in wanted:
                item.set_marks((), None, QPointF(), False)
        for target in wanted:
            self._place(target, self.marks(target))

    def _made(self, part: str, item_id: str) -> None:
        """An item came to life (near the view): its marks, if it has any, go on it."""
        target = target_of(part, item_id)
        if target is not None and (marks := self.marks(target)):
            self._place(target, marks)

    def _place(self, target: Target, marks: tuple[Mark, ...]) -> None:
        # A card far from the view gets its marks when it comes to life (``_made``); a connector
        # has an item only while something needs one, and its mark is such a need.
        parent = canvas_item(self._scene, target, make=target[0] == "connection")
        if parent is None:
            return
        held = self._items.get(target)
        item = held[1] if held is not None else MarkItem(parent, self._scene.theme, self._scene.style)
        self._items[target] = (parent, item)
        if isinstance(parent, CardItem):
            frame = parent.local_rect()  # the chips sit on the card's top edge, clear of the title
            item.set_marks(marks, frame, QPointF(frame.right() - 8, frame.top()), False)
        elif isinstance(parent, HeaderItem):
            frame = parent.rect.adjusted(2, 2, -2, -2)  # inside: a pinned header sits at the view's edge
            item.set_marks(marks, frame, QPointF(frame.right() - 5, frame.top() + 5 + CHIP_HEIGHT / 2), False)
        else:
            anchor = self._scene.layout.connectors[target[1]].label_anchor
            item.set_marks(marks, None, QPointF(anchor.x, anchor.y - CHIP_HEIGHT), True)


def marks_for(scene: MapScene) -> CanvasMarks:
    """The scene's one ``CanvasMarks``, made on first use; it lives as long as the scene."""
    return scene.findChild(CanvasMarks) or CanvasMarks(scene)


class GhostItem(Themed, QGraphicsItem):
    """Where a removed card was: its old cell outlined in dashes and washed in the removed colour,
    beneath the cards that are in it now, with a label on the cell's top edge."""

    def __init__(self, theme: Theme, style: Style):
        super().__init__()
        self._theme, self._style = theme, style
        self._cell = QRectF()
        self.text = ""
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(CARD_Z - 1)  # over the connectors, under the cards that are in the cell now
        self.hide()

    def show_at(self, cell: QRectF | None, text: str = "") -> None:
        """Outline ``cell`` with ``text`` at its top, or hide for None."""
        self.prepareGeometryChange()
        self._cell, self.text = cell or QRectF(), text
        self.setVisible(cell is not None)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._cell.adjusted(-2, -(CHIP_HEIGHT + 4) / 2, 2, 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        theme, cell = self._theme, self._cell.adjusted(3, 3, -3, -3)
        colour = theme.removed
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        wash = QColor(colour)
        wash.setAlphaF(0.10)
        painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
        painter.setBrush(wash)
        painter.drawRoundedRect(cell, 8, 8)
        font = canvas_font(self._style.small_font_size + 1, True)
        painter.setFont(font)
        width = min(cell.width() - 16, qt_measure(self.text, self._style.small_font_size + 1, True) + 14)
        height = CHIP_HEIGHT + 4
        pill = QRectF(cell.left() + 8, cell.top() - height / 2, max(width, 0.0), height)
        painter.setPen(QPen(colour, 1))
        painter.setBrush(theme.header_fill)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(colour)
        text = QFontMetricsF(font).elidedText(self.text, Qt.TextElideMode.ElideRight, pill.width() - 14)
        painter.drawText(pill.adjusted(7, 0, -7, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
