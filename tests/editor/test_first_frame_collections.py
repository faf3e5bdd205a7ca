"""A new scene holds back the collector's full passes until a view has painted it, so that a big
map's first frame does not wait for one, and so does a big map's relayout; then they go on, and
they never stay held."""

from __future__ import annotations

import gc

from journeymapper.editor import scene as scene_module
from journeymapper.editor.commands import EditFields
from journeymapper.editor.scene import BULK_CHANGE, MapScene
from journeymapper.editor.session import MapSession
from journeymapper.editor.view import MapView
from journeymapper.model import JourneyDocument, Lane, Stage, Touchpoint

from support import build_small_map


def full_passes_held() -> bool:
    return gc.get_threshold()[2] > 1_000_000


def no_scene_holds_them(qtbot) -> None:
    """Scenes of earlier tests that no view painted let go within their wait."""
    qtbot.waitUntil(lambda: not full_passes_held(), timeout=scene_module.PAINT_WAIT_MS + 1_000)


def test_full_passes_wait_for_the_first_paint_and_go_on_after_it(qtbot):
    no_scene_holds_them(qtbot)
    scene = MapScene(MapSession(build_small_map()))
    assert full_passes_held()
    view = MapView()
    qtbot.addWidget(view)
    view.setScene(scene)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not full_passes_held(), timeout=500)  # long before the wait for no paint
    scene.detach()


def test_a_scene_no_view_paints_lets_them_go_on_after_a_while(qtbot, monkeypatch):
    no_scene_holds_them(qtbot)
    monkeypatch.setattr(scene_module, "PAINT_WAIT_MS", 10)
    scene = MapScene(MapSession(build_small_map()))
    assert full_passes_held()
    qtbot.waitUntil(lambda: not full_passes_held())
    scene.detach()


def test_a_scene_detached_before_any_paint_lets_them_go_on(qtbot):
    no_scene_holds_them(qtbot)
    scene = MapScene(MapSession(build_small_map()))
    scene.detach()
    assert not full_passes_held()


def big_map() -> JourneyDocument:
    """More cards than a relayout moves one by one: 4 stages, 2 lanes, 50 cards a cell."""
    document = JourneyDocument("big", "Big", "customer")
    for stage in range(4):
        document.add_stage(Stage(id=f"s{stage}", name=f"Stage {stage}"))
    for lane in range(2):
        document.add_lane(Lane(id=f"l{lane}", name=f"Team {lane}"))
    for number in range(BULK_CHANGE + 100):
        stage, lane = f"s{number % 4}", f"l{number // 4 % 2}"
        document.add_touchpoint(Touchpoint(id=f"t{number}", stage=stage, lane=lane, title=f"Card {number}"))
    return document


def test_after_a_big_maps_relayout_full_passes_wait_for_the_paint_that_shows_it(qtbot):
    no_scene_holds_them(qtbot)
    view = MapView()
    qtbot.addWidget(view)
    view.setScene(scene := MapScene(MapSession(big_map())))
    view.show()
    qtbot.waitUntil(lambda: not full_passes_held(), timeout=500)
    scene.push(EditFields(scene.document, "touchpoint", "t0", {"title": "A longer title that wraps"}, "Rename"))
    scene.flush()
    assert full_passes_held()
    view.viewport().repaint()
    assert not full_passes_held()
    scene.detach()
