"""The editor on a big map, against a bare Qt scene measured in the same run.

Run as ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_editor.py``. On a generated map of
5,000 touchpoints and 7,500 connections it prints:

- opening the file to the first painted frame, as a ratio to a bare ``QGraphicsScene`` holding
  5,000 plain rectangle+text items, built and painted the same way (target <= 2x); and, for
  information, opening it as the editor does, at a zoom where the titles read, to its first frame
  and to the frame after it that brings the connector labels of the whole map;
- the median time to handle one mouse-move event while dragging a card, painting included
  (target <= 4 ms);
- deleting 1,000 selected cards, and undoing that delete, each until the canvas is redrawn, as a
  ratio to the bare scene's first frame (target <= 1x each), and until the connector labels are
  back: on a map this big, labels that have to be placed anew follow the frame that shows the edit
  (``editor.scene.LABELS_AFTER_THE_FRAME``), while the labels of a state the map was in just before
  come back with it, as after an undo. The cards are the first 1,000 in
  layout order, not cards scattered over the map: every card of the first two stages and of the
  third stage's first three lanes (19 cells, the last of them not quite whole);
- the peak memory of the map open in the editor's window, beside the bare scene's: each measured in
  a process of its own (this script, run with ``--peak editor MAP`` or ``--peak bare``), so that the
  peaks do not mix, as ``resource.getrusage``'s ``ru_maxrss``, the most the process ever held in
  memory. That counts what Qt allocates in C++ (the graphics items live there) and the interpreter
  itself, where ``tracemalloc`` would see only Python's own allocations, and slow them down.

Every time is the quickest of three rounds, as the bare scene's is. The edits come after the bare
scene's rounds, each round on the map opened afresh: a card dragged, the cards deleted, the delete
undone.

Informational only: it prints and never fails.
"""

from __future__ import annotations

import gc
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from journeymapper.editor.app import application
from journeymapper.editor.autosave import AutosaveStore
from journeymapper.editor.main_window import MainWindow
from journeymapper.editor.scene import MapScene
from journeymapper.editor.session import MapSession
from journeymapper.editor.view import MapView
from journeymapper.formats import json_format

from generate import generate_map
from rows import Row, hand_over, verdict

TOUCHPOINTS, CONNECTIONS = 5_000, 7_500
VIEW_SIZE = (1400, 900)
OPEN_TARGET, MOVE_TARGET_MS, EDIT_TARGET = 2.0, 4.0, 1.0
ROUNDS = 3
"""Each time is taken this many times and the quickest counts, as the bare scene's does."""


def painted(view: QGraphicsView) -> None:
    """Show the view and paint one frame now."""
    view.resize(*VIEW_SIZE)
    view.show()
    view.viewport().repaint()
    QApplication.processEvents()


def settled() -> None:
    """Let the previous measurement's posted work go before the next starts: the editor's full
    collection after its first frame must fall into neither the bare scene's time nor the next
    edit's."""
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


def editor_first_frame(path: Path, whole: bool = True) -> tuple[Redrawn, MapView]:
    """Open ``path`` to its first painted frame: the whole map, as the bare scene shows its
    items, or (``whole`` False) as the editor opens a map, at a zoom where its titles read, where
    the connector labels follow the first frame (``Redrawn.labels``)."""
    start = time.perf_counter()
    session = MapSession.open(path)
    view = MapView()
    scene = MapScene(session)
    view.setScene(scene)
    view.resize(*VIEW_SIZE)
    view.fit_map() if whole else view.first_view()
    painted(view)
    frame = time.perf_counter() - start
    return Redrawn(frame, labels_back(scene, start) if scene.labels_waiting else frame), view


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


class Redrawn(NamedTuple):
    frame: float
    """Seconds until the canvas is redrawn: the cards and lines, and the labels if they came with them."""
    labels: float
    """Seconds until the connector labels are on it too (on a big map they follow the frame)."""


def best(rounds: list[Redrawn]) -> Redrawn:
    """The quickest frame and the quickest labels of the rounds, as the baseline is its quickest."""
    return Redrawn(min(each.frame for each in rounds), min(each.labels for each in rounds))


def closed(view: MapView) -> None:
    """Close the view and let its map go, as the window does when it shows another: what is left
    of one round must not weigh on the next."""
    scene: MapScene = view.scene()  # type: ignore[assignment]
    scene.detach()
    view.setScene(None)
    view.close()
    gc.collect()


def labels_back(scene: MapScene, began: float) -> float:
    """Seconds since ``began`` once the labels that wait for a frame are placed and drawn."""
    while scene.labels_waiting:
        QApplication.processEvents()
    for view in scene.views():
        view.viewport().repaint()
    return time.perf_counter() - began


def redrawn(view: MapView, edit: Callable[[], object]) -> Redrawn:
    scene: MapScene = view.scene()  # type: ignore[assignment]
    began = time.perf_counter()
    edit()
    scene.flush()
    view.viewport().repaint()
    frame = time.perf_counter() - began
    return Redrawn(frame, labels_back(scene, began) if scene.labels_waiting else frame)


def delete_and_undo(view: MapView, count: int = 1_000) -> tuple[Redrawn, Redrawn]:
    """Deleting the first ``count`` cards in layout order (not scattered: whole cells, stage by
    stage) until the canvas is redrawn, and undoing that delete until it is redrawn again."""
    scene: MapScene = view.scene()  # type: ignore[assignment]
    scene.flush()
    scene.select_cards(list(scene.cards)[:count])
    settled()
    deleted = redrawn(view, scene.delete_selection)
    settled()
    return deleted, redrawn(view, scene.session.undo_stack.undo)


def peak_memory(folder: Path) -> int:
    """The peak resident memory of this process, in bytes, once ``folder``'s map (or, without one,
    the bare scene) has been opened and painted in it."""
    application()
    if (path := folder / "big.json").exists():
        window = MainWindow(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat), AutosaveStore(folder))
        window.resize(*VIEW_SIZE)
        window.show()
        window.open_file(path)
        window.view.viewport().repaint()
        QApplication.processEvents()
    else:
        bare_scene_first_frame()
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux counts it in KiB


def peak_in_own_process(folder: Path) -> int:
    command = [sys.executable, __file__, "--peak", str(folder)]
    return int(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def main() -> list[Row]:
    application()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.json"
        with tempfile.TemporaryDirectory() as bare_folder:
            bare_peak = peak_in_own_process(Path(bare_folder))
        json_format.save(generate_map(TOUCHPOINTS, CONNECTIONS), path)
        editor_peak = peak_in_own_process(Path(folder))
        baselines, editors = [], []
        for _ in range(ROUNDS):
            settled()
            baseline, bare = bare_scene_first_frame()
            bare.close()
            baselines.append(baseline)
            settled()
            spent, _ = editor_first_frame(path)
            editors.append(spent.frame)
        ratio = min(editors) / min(baselines)
        first_views = []
        for _ in range(ROUNDS):
            settled()
            opened, readable = editor_first_frame(path, whole=False)
            readable.close()
            first_views.append(opened)
        first_view = best(first_views)
        moves, deletes, undos = [], [], []
        for _ in range(ROUNDS):
            settled()
            _, view = editor_first_frame(path)
            moves += drag_move_times(view)
            deleted, undone = delete_and_undo(view)
            deletes.append(deleted)
            undos.append(undone)
            closed(view)
    baseline = min(baselines)
    median_move = statistics.median(moves) * 1e3
    print(f"map: {TOUCHPOINTS:,} touchpoints, {CONNECTIONS:,} connections; Python {sys.version.split()[0]}\n")
    print(f"bare scene, 5,000 rect+text items, first frame   {baseline * 1e3:8.0f} ms   baseline")
    print(
        f"editor: open file to first painted frame         {min(editors) * 1e3:8.0f} ms   {ratio:.1f}x "
        f"({verdict(ratio <= OPEN_TARGET)} the {OPEN_TARGET:.0f}x target)"
    )
    print(
        f"editor: open file to its first view (readable)   {first_view.frame * 1e3:8.0f} ms   "
        f"{first_view.frame / baseline:.1f}x (informational; its labels {first_view.labels * 1e3:.0f} ms, "
        f"{first_view.labels / baseline:.1f}x)"
    )
    print(
        f"drag: one mouse move, median (p90)               {median_move:8.1f} ms   "
        f"(p90 {statistics.quantiles(moves, n=10)[-1] * 1e3:.1f} ms; "
        f"{verdict(median_move <= MOVE_TARGET_MS)} the {MOVE_TARGET_MS:.0f} ms target)"
    )
    edits = {"delete 1,000 cards in 19 cells": best(deletes), "undo that delete": best(undos)}
    for name, spent in edits.items():
        print(
            f"{name + ', until redrawn':<48} {spent.frame * 1e3:8.0f} ms   {spent.frame / baseline:.1f}x the bare "
            f"scene's first frame ({verdict(spent.frame <= EDIT_TARGET * baseline)} the {EDIT_TARGET:.0f}x target); "
            f"its labels {spent.labels * 1e3:.0f} ms, {spent.labels / baseline:.1f}x"
        )
    print(
        f"peak memory: the map open in the editor          {editor_peak / 1e6:8.0f} MB   "
        f"{editor_peak / bare_peak:.1f}x the bare scene's {bare_peak / 1e6:.0f} MB (ru_maxrss, a process each)"
    )
    return [
        Row(
            "open a 5,000-card / 7,500-connection map to the first painted frame, against a bare scene "
            "of 5,000 rectangle+text items",
            f"{ratio:.1f}x",
            f"≤ {OPEN_TARGET:.0f}x",
        ),
        Row(
            "open that map as the editor opens it, at a zoom where its titles read, against the same bare "
            "scene; its connector labels follow that frame",
            f"{first_view.frame / baseline:.1f}x; labels {first_view.labels / baseline:.1f}x",
            "—",
        ),
        *(
            Row(
                f"{name}, until redrawn; its connector labels follow that frame",
                f"{spent.frame:.2f} s ({spent.frame / baseline:.1f}x that bare scene's first frame); labels "
                f"{spent.labels:.2f} s ({spent.labels / baseline:.1f}x)",
                f"≤ {EDIT_TARGET:.0f}x",
            )
            for name, spent in edits.items()
        ),
        Row("mouse move while dragging, 5,000-card map", f"{median_move:.1f} ms median", f"≤ {MOVE_TARGET_MS:.0f} ms"),
        Row(
            "peak memory, the 5,000-card map open in the editor (ru_maxrss)",
            f"{editor_peak / 1e6:.0f} MB ({editor_peak / bare_peak:.1f}x the bare scene's {bare_peak / 1e6:.0f} MB)",
            "—",
        ),
    ]


if __name__ == "__main__":
    if sys.argv[1:2] == ["--peak"]:
        print(peak_memory(Path(sys.argv[2])))
    else:
        hand_over(main())
