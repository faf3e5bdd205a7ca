"""Connector labels on the canvas sit where the PDF puts them, placed once the view is near enough;
none overlaps another or a card, and the whole text of a shortened or left-out label shows on hover."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF

from journeymapper.connector_labels import place_labels
from journeymapper.editor import scene as scene_module
from journeymapper.editor.commands import EditFields
from journeymapper.editor.items import FAR_OUT
from journeymapper.editor.scene import MapScene
from journeymapper.editor.session import MapSession
from journeymapper.editor.theme import qt_measure
from journeymapper.editor.view import MapView
from journeymapper.formats import json_format
from journeymapper.layout import connector_label

from crowded_labels import CROWDED, assert_labels_sound
from support import SAMPLES

YEAR_ONE = next(path for path in SAMPLES if path.name.startswith("year-one"))


def labels_on(view) -> dict:
    return {key: item.label for key, item in view.scene().connectors.items() if item.label is not None}


def test_the_canvas_places_labels_by_the_pdfs_rule_on_its_own_layout(canvas, session):
    session.document.update_connection("c1", label="Adds to cart")
    scene = canvas.scene()
    scene.flush()
    assert labels_on(canvas) == place_labels(session.document, scene.layout, scene.style, qt_measure).placed
    assert {placement.text for placement in labels_on(canvas).values()} == {"Adds to cart", "40%"}


def test_far_out_labels_wait_until_the_view_comes_near_enough_to_read_them(canvas, session):
    canvas.set_zoom(FAR_OUT / 2)
    session.document.update_connection("c1", label="Adds to cart")
    canvas.scene().flush()
    assert labels_on(canvas) == {}
    assert canvas.scene().connectors["c1"].toolTip() == ""  # nor their tooltips
    canvas.set_zoom(FAR_OUT)
    assert labels_on(canvas)["c1"].text == "Adds to cart"
    assert canvas.scene().connectors["c1"].toolTip() == "Adds to cart"


def test_a_labels_box_is_part_of_its_connector_so_the_pointer_on_it_finds_the_connector(canvas, session):
    for item in canvas.scene().connectors.values():
        if item.label is not None:
            box = item.label.box
            assert item.boundingRect().contains(box.x, box.y) and item.boundingRect().contains(box.right, box.bottom)
            assert item.shape().contains(QPointF(box.center.x, box.center.y))


def test_labels_are_drawn_above_every_connector_line_and_below_the_cards(canvas, session):
    scene = canvas.scene()
    layer = scene.label_layer
    assert all(layer.zValue() > item.zValue() for item in scene.connectors.values())
    assert all(layer.zValue() < item.zValue() for item in scene.cards.values())
    for placement in labels_on(canvas).values():
        box = placement.box
        assert layer.boundingRect().contains(box.x, box.y) and layer.boundingRect().contains(box.right, box.bottom)


@pytest.fixture
def scene_of(qapp):
    """A scene near enough to show its labels, for a map; detached afterwards."""
    scenes = []

    def make(document) -> MapScene:
        scene = MapScene(MapSession(document))
        scene.show_labels(True)
        scenes.append(scene)
        return scene

    yield make
    for scene in scenes:
        scene.detach()


@pytest.mark.parametrize("name", sorted(CROWDED))
def test_on_a_crowded_canvas_no_label_overlaps_another_or_a_card(scene_of, name):
    scene = scene_of(CROWDED[name]())
    labels = place_labels(scene.document, scene.layout, scene.style, qt_measure)
    assert_labels_sound(scene.document, scene.layout, labels, scene.style, qt_measure)
    assert {key: item.label for key, item in scene.connectors.items() if item.label} == labels.placed


def test_the_tooltip_holds_the_whole_label_and_says_when_it_is_left_out(scene_of):
    scene = scene_of(CROWDED["fan"]())
    labels = place_labels(scene.document, scene.layout, scene.style, qt_measure)
    assert labels.shortened and labels.left_out
    for connection_id, item in scene.connectors.items():
        whole = connector_label(scene.document.connection(connection_id))
        assert item.toolTip().startswith(whole)
        assert ("left out" in item.toolTip()) == (connection_id in labels.left_out)
    for connection_id, placement in labels.shortened.items():
        assert scene.connectors[connection_id].label.text == placement.text != placement.full_text


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.stem)
def test_the_samples_show_every_label_whole_on_the_canvas(scene_of, path):
    document = json_format.load(path)
    scene = scene_of(document)
    labels = place_labels(document, scene.layout, scene.style, qt_measure)
    assert_labels_sound(document, scene.layout, labels, scene.style, qt_measure)
    assert not labels.shortened and not labels.left_out


@pytest.fixture
def big_map_view(qtbot, monkeypatch):
    """A view at 100% of the year-one sample, counted as a big map: its labels follow the frame."""
    monkeypatch.setattr(scene_module, "LABELS_AFTER_THE_FRAME", 10)  # the sample has 25 connections
    view = MapView()
    view.setScene(MapScene(MapSession(json_format.load(YEAR_ONE))))
    view.resize(1200, 800)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.actual_size()
    qtbot.waitUntil(lambda: bool(labels_on(view)))
    yield view
    view.scene().detach()


def wrap_a_title(scene: MapScene) -> None:
    """An edit that makes a card taller, and so moves the routes and labels below it."""
    card = next(iter(scene.cards))
    scene.push(EditFields(scene.document, "touchpoint", card, {"title": "A title long enough to wrap " * 3}, "Wrap"))
    scene.flush()


def shows_the_labels_placing_gives(scene: MapScene) -> bool:
    placed = place_labels(scene.document, scene.layout, scene.style, qt_measure).placed
    items = dict(scene.connectors.items())
    return bool(items) and all(item.label == placed.get(key) for key, item in items.items())


def test_on_a_big_map_an_edit_is_drawn_at_once_and_its_labels_follow_that_frame(big_map_view, qtbot, monkeypatch):
    scene = big_map_view.scene()
    frames: list[bool] = []
    monkeypatch.setattr(
        scene, "painted", lambda: (frames.append(bool(labels_on(big_map_view))), MapScene.painted(scene))
    )
    wrap_a_title(scene)
    assert labels_on(big_map_view) == {} and scene.label_layer.boundingRect().isEmpty()  # none out of place
    qtbot.waitUntil(lambda: bool(labels_on(big_map_view)))
    assert frames[0] is False  # a frame without them came first
    assert shows_the_labels_placing_gives(scene) and not scene.label_layer.boundingRect().isEmpty()


def test_on_a_big_map_an_undo_shows_the_labels_placed_before_with_its_frame(big_map_view, qtbot):
    scene = big_map_view.scene()
    before = labels_on(big_map_view)
    wrap_a_title(scene)
    qtbot.waitUntil(lambda: bool(labels_on(big_map_view)))
    scene.session.undo_stack.undo()
    scene.flush()
    assert labels_on(big_map_view) == before


def test_a_big_map_that_no_view_paints_gets_its_labels_all_the_same(qtbot, monkeypatch):
    monkeypatch.setattr(scene_module, "LABELS_AFTER_THE_FRAME", 10)
    monkeypatch.setattr(scene_module, "PAINT_WAIT_MS", 50)
    scene = MapScene(MapSession(json_format.load(YEAR_ONE)))
    scene.show_labels(True)
    assert scene.label_layer.boundingRect().isEmpty()
    qtbot.waitUntil(lambda: not scene.label_layer.boundingRect().isEmpty())
    assert shows_the_labels_placing_gives(scene)
    scene.detach()
