"""Synthetic mouse and drag-and-drop events for the canvas (QDrag.exec would block the test)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsLineItem, QGraphicsView

from journeymapper.editor.items import CARD_Z, FAR_OUT
from journeymapper.editor.nearby import cards_within
from journeymapper.editor.theme import qt_measure
from journeymapper.layout import compute_layout

LEFT = Qt.MouseButton.LeftButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def _send_mouse(view: QGraphicsView, kind, scene_point: QPointF, button, buttons, modifiers=NO_MODIFIER) -> None:
    local = QPointF(view.mapFromScene(scene_point))
    global_point = QPointF(view.viewport().mapToGlobal(local.toPoint()))
    event = QMouseEvent(kind, local, global_point, button, buttons, modifiers)
    QApplication.sendEvent(view.viewport(), event)


def press(view, point: QPointF, modifiers=NO_MODIFIER) -> None:
    _send_mouse(view, QMouseEvent.Type.MouseButtonPress, point, LEFT, LEFT, modifiers)


def move(view, point: QPointF) -> None:
    _send_mouse(view, QMouseEvent.Type.MouseMove, point, Qt.MouseButton.NoButton, LEFT)


def release(view, point: QPointF) -> None:
    _send_mouse(view, QMouseEvent.Type.MouseButtonRelease, point, LEFT, Qt.MouseButton.NoButton)


def hover(view, point: QPointF) -> None:
    """The pointer moves with no button down."""
    _send_mouse(view, QMouseEvent.Type.MouseMove, point, Qt.MouseButton.NoButton, Qt.MouseButton.NoButton)


def double_click(view, point: QPointF) -> None:
    press(view, point)
    release(view, point)
    _send_mouse(view, QMouseEvent.Type.MouseButtonDblClick, point, LEFT, LEFT)
    release(view, point)


def drag(view, start: QPointF, end: QPointF, steps: int = 6) -> None:
    """Press at ``start``, move in steps to ``end`` and release there."""
    press(view, start)
    for step in range(1, steps + 1):
        move(view, start + (end - start) * (step / steps))
    release(view, end)


def drop(view, mime: QMimeData, point: QPointF) -> bool:
    """Drag ``mime`` in from outside, over ``point``, and drop it; returns whether it was accepted."""
    local = view.mapFromScene(point)
    actions = Qt.DropAction.CopyAction
    QApplication.sendEvent(view.viewport(), QDragEnterEvent(local, actions, mime, LEFT, NO_MODIFIER))
    QApplication.sendEvent(view.viewport(), QDragMoveEvent(local, actions, mime, LEFT, NO_MODIFIER))
    event = QDropEvent(QPointF(local), actions, mime, LEFT, NO_MODIFIER)
    QApplication.sendEvent(view.viewport(), event)
    return event.isAccepted()


def centre(rect) -> QPointF:
    """The middle of a layout rectangle, as a scene point."""
    return QPointF(rect.x + rect.width / 2, rect.y + rect.height / 2)


def point(x: float, y: float) -> QPointF:
    return QPointF(x, y)


def assert_the_canvas_shows_the_model(scene) -> None:
    """Every card item where a fresh layout of the document puts it, none raised, no header
    moved, no drag left over: what the canvas shows is what the file holds."""
    layout = compute_layout(scene.document, scene.style, qt_measure)
    assert set(scene.cards) == set(layout.cards)
    for card_id, item in scene.cards.live.items():
        rect = layout.cards[card_id].rect
        assert (card_id, item.pos()) == (card_id, QPointF(rect.x, rect.y))
        assert (card_id, item.touchpoint) == (card_id, scene.document.touchpoint(card_id))
        assert item.zValue() == CARD_Z
    for view in scene.views():
        assert_the_cards_in_view_have_items(view)
    for header in (*scene.stage_headers.values(), *scene.lane_headers.values()):
        assert header.pos() == QPointF(0, 0)
    assert scene.gesture is None
    assert not scene.indicator.isVisible()
    assert not [item for item in scene.items() if isinstance(item, QGraphicsLineItem)]


def assert_the_cards_in_view_have_items(view: QGraphicsView) -> None:
    """Close in, every card the view shows has its item (far out, the sketch draws those
    without one; connectors have items only while something needs one)."""
    scene = view.scene()
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    if view.zoom >= FAR_OUT:
        box = (shown.left(), shown.top(), shown.right(), shown.bottom())
        assert set(cards_within(scene.layout, box)) <= set(scene.cards.live)
