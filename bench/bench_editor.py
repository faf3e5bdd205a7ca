"""The editor on a big map, against a bare Qt scene measured in the same run.

Run as ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_editor.py``. On a generated map of
5,000 touchpoints and 7,500 connections it prints:

- opening the file to the first painted frame, as a ratio to a bare ``QGraphicsScene`` holding
  5,000 plain rectangle+text items, built and painted the same way (target <= 2x);
- the median time to handle one mouse-move event while dragging a card, painting included
  (target <= 8 ms);
- deleting 1,000 selected cards, and undoing that delete, each until the canvas is redrawn.

Informational only: it prints and never fails.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from journeymapper.editor.app import application
from journeymapper.editor.scene import MapScene
from journeymapper.editor.session import MapSession
from journeymapper.editor.view import MapView
from journeymapper.formats import json_format

from generate import generate_map

TOUCHPOINTS, CONNECTIONS = 5_000, 7_500
VIEW_SIZE = (1400, 900)


def painted(view: QGraphicsView) -> None:
    """Show the view and paint one frame now."""
    view.resize(*VIEW_SIZE)
    view.show()
    view.viewport().repaint()
    QApplication.processEvents()


def bare_scene_first_frame() -> tuple[float, QGraphicsView]:
    start = time.perf_counter()
    scene = QGraphicsScene()
    for number in range(TOUCHPOINTS):
        x, y = (number % 50) * 220.0, (number // 50) * 80.0
        rect = QGraphicsRectItem(0, 0, 190, 60)
        rect.setPos(x, y)
        QGraphicsSimpleTextItem(f"Touchpoint {number}", rect).setPos(8, 8)
        scene.addItem(rect)
    view = QGraphicsView(scene)
    view.fitInView(scene.itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
    painted(view)
    return time.perf_counter() - start, view


def editor_first_frame(path: Path) -> tuple[float, MapView]:
    start = time.perf_counter()
    session = MapSession.open(path)
    view = MapView()
    view.setScene(MapScene(session))
    view.fit_map()
    painted(view)
    return time.perf_counter() - start, view


def send(view: QGraphicsView, kind: QMouseEvent.Type, point: QPointF, buttons: Qt.MouseButton) -> None:
    local = QPointF(view.mapFromScene(point))
    button = Qt.MouseButton.NoButton if kind == QMouseEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    QApplication.sendEvent(
        view.viewport(), QMouseEvent(kind, local, local, button, buttons, Qt.KeyboardModifier.NoModifier)
    )


def drag_move_times(view: MapView, moves: int = 200) -> list[float]:
    """Seconds per mouse move while dragging a card: the event, and the repaint of what it changed."""
    scene: MapScene = view.scene()  # type: ignore[assignment]
    view.actual_size()
    card_id = next(scene.document.touchpoints()).id
    card = scene.layout.cards[card_id].rect
    start = QPointF(card.x + card.width / 2, card.y + card.height / 2)
    view.centerOn(start)
    QApplication.processEvents()
    send(view, QMouseEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    times = []
    for step in range(1, moves + 1):
        point = start + QPointF(step * 1.5, step * 0.8)
        began = time.perf_counter()
        send(view, QMouseEvent.Type.MouseMove, point, Qt.MouseButton.LeftButton)
        QApplication.processEvents()  # paints what the move made dirty, as the event loop would
        times.append(time.perf_counter() - began)
    send(view, QMouseEvent.Type.MouseButtonRelease, start, Qt.MouseButton.NoButton)
    return times


def delete_and_undo(view: MapView, count: int = 1_000) -> tuple[float, float]:
    scene: MapScene = view.scene()  # type: ignore[assignment]
    scene.flush()
    scene.select_cards(list(scene.cards)[:count])
    began = time.perf_counter()
    scene.delete_selection()
    scene.flush()
    view.viewport().repaint()
    deleted = time.perf_counter() - began
    began = time.perf_counter()
    scene.session.undo_stack.undo()
    scene.flush()
    view.viewport().repaint()
    return deleted, time.perf_counter() - began


def main() -> None:
    application()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.json"
        json_format.save(generate_map(TOUCHPOINTS, CONNECTIONS), path)
        baselines, editors, view = [], [], None
        for _ in range(3):
            baseline, bare = bare_scene_first_frame()
            bare.close()
            baselines.append(baseline)
            spent, view = editor_first_frame(path)
            editors.append(spent)
        ratio = min(editors) / min(baselines)
        moves = drag_move_times(view)
        deleted, undone = delete_and_undo(view)
    median_move = statistics.median(moves) * 1e3
    print(f"map: {TOUCHPOINTS:,} touchpoints, {CONNECTIONS:,} connections; Python {sys.version.split()[0]}\n")
    print(f"bare scene, 5,000 rect+text items, first frame   {min(baselines) * 1e3:8.0f} ms   baseline")
    print(
        f"editor: open file to first painted frame         {min(editors) * 1e3:8.0f} ms   {ratio:.1f}x "
        f"({'within' if ratio <= 2 else 'OVER'} the 2x target)"
    )
    print(
        f"drag: one mouse move, median (p90)               {median_move:8.1f} ms   "
        f"(p90 {statistics.quantiles(moves, n=10)[-1] * 1e3:.1f} ms; "
        f"{'within' if median_move <= 8 else 'OVER'} the 8 ms target)"
    )
    print(f"delete 1,000 selected cards, until redrawn       {deleted * 1e3:8.0f} ms")
    print(f"undo that delete, until redrawn                  {undone * 1e3:8.0f} ms")


if __name__ == "__main__":
    main()
