"""Scrolling the canvas while a drag nears the edge of the view.

While a card, header or connection drag (``MapScene.gesture``) has the pointer within ``EDGE``
pixels of the viewport's edge, or past it, a timer scrolls the view towards that edge, also while
the pointer stands still; after each step the drag moves to the map point now under the pointer,
so that the dragged card, the rubber line and the target highlight stay with the pointer.

Scrolling starts only after the pointer has stayed ``DWELL_MS`` near the edge, and goes slowly at
the inner side of the band and fast at the edge and past it: a drop on a card that happens to lie
near the edge must not have the map slide away under it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGraphicsView

from journeymapper.editor.drags import Drag
from journeymapper.editor.scene import MapScene

EDGE = 30  # pixels from the viewport's edge where a drag scrolls the view
FASTEST = 24  # pixels per step at the edge and beyond it
STEP_MS = 20
DWELL_MS = 300  # near the edge this long before the first step


def speed(position: int, low: int, high: int) -> int:
    """Pixels to scroll per step along one axis for the pointer at ``position`` between the
    viewport's edges ``low`` and ``high``: negative towards ``low``, 0 away from both."""
    if position < low + EDGE:
        depth = low + EDGE - position
    elif position > high - EDGE:
        depth = high - EDGE - position
    else:
        return 0
    step = math.ceil(FASTEST * min(1.0, abs(depth) / EDGE) ** 2)
    return -step if depth > 0 else step


class EdgeScroll(QObject):
    """Watches the mouse over ``view``'s viewport and scrolls the view for drags near its edge."""

    def __init__(self, view: QGraphicsView):
        super().__init__(view)
        self._view = view
        self._pointer: QPoint | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.step)
        view.viewport().installEventFilter(self)

    @property
    def scrolling(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(event, QMouseEvent):
            if event.type() == QEvent.Type.MouseMove:
                self._pointer = event.position().toPoint()
                if self._push() == (0, 0):
                    self._timer.stop()  # back from the edge: the next time there, wait again
                elif not self._timer.isActive():
                    self._timer.start(DWELL_MS)
            elif event.type() == QEvent.Type.MouseButtonRelease:
                self._timer.stop()
                self._pointer = None
        return False

    def _drag(self) -> Drag | None:
        scene = self._view.scene()
        return scene.gesture if isinstance(scene, MapScene) else None

    def _push(self) -> tuple[int, int]:
        """How far to scroll in a step, across and down, for the drag under way and the pointer."""
        drag, pointer = self._drag(), self._pointer
        if drag is None or pointer is None:
            return 0, 0
        area = self._open_area()
        dx = speed(pointer.x(), area.left(), area.right()) if drag.scrolls[0] else 0
        dy = speed(pointer.y(), area.top(), area.bottom()) if drag.scrolls[1] else 0
        return dx, dy

    def _open_area(self) -> QRect:
        """The viewport less the pinned headers: a drag scrolls when it nears their inner edges."""
        viewport = self._view.viewport().rect()
        scene = self._view.scene()
        if not isinstance(scene, MapScene) or scene.uncovered is None:
            return viewport
        return self._view.mapFromScene(scene.uncovered).boundingRect().intersected(viewport)

    def step(self) -> None:
        """Scroll one step, if a drag is near the edge; otherwise stop until the mouse moves."""
        drag, pointer = self._drag(), self._pointer
        dx, dy = self._push()
        if drag is None or pointer is None or not drag.moved or (dx, dy) == (0, 0):
            self._timer.stop()
            return
        self._timer.setInterval(STEP_MS)
        bars = self._view.horizontalScrollBar(), self._view.verticalScrollBar()
        before = [bar.value() for bar in bars]
        for bar, delta in zip(bars, (dx, dy)):
            bar.setValue(bar.value() + delta)
        if [bar.value() for bar in bars] != before:  # not yet at the map's end
            scene = self._view.scene()
            assert isinstance(scene, MapScene)
            scene.drag_to(self._view.mapToScene(pointer))
