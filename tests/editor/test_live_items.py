"""Cards and connectors have items near the view, for the selection and when asked for; far out the
sketch draws the rest. Gestures do the same to the model at every zoom, and an item that comes to
life shows the map as it is now, whatever changed while it had none."""

from __future__ import annotations

import json

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from journeymapper.editor.commands import EditFields
from journeymapper.editor.items import FAR_OUT, VERY_FAR_OUT
from journeymapper.editor.marks import Mark, marks_for
from journeymapper.editor.scene import MapScene
from journeymapper.editor.session import MapSession
from journeymapper.editor.view import MapView
from journeymapper.formats.json_format import dumps

from gestures import assert_the_canvas_shows_the_model, centre, drag, move, press, release
from wide_map import LANES, PER_CELL, STAGES, wide_map

ZOOMS = [VERY_FAR_OUT / 2, (VERY_FAR_OUT + FAR_OUT) / 2, FAR_OUT * 0.9, 1.0]
LAST = f"t{STAGES - 1}-{LANES - 1}-1"  # the bottom card of the last stage, far from the top-left corner


def test_a_scene_without_a_view_makes_a_cards_item_when_asked_for():
    scene = MapScene(MapSession(wide_map()))
    assert not scene.cards.live and not scene.connectors.live
    assert len(scene.cards) == len(scene.layout.cards) and "t0-0-0" in scene.cards
    item = scene.cards["t0-0-0"]
    assert item.scene() is scene and item.pos() == QPointF(
        scene.layout.cards["t0-0-0"].rect.x, scene.layout.cards["t0-0-0"].rect.y
    )
    assert scene.cards.get("no such card") is None


def test_close_in_the_cards_in_view_have_items_and_those_far_away_none(wide_view):
    wide_view.actual_size()
    wide_view.centerOn(0, 0)
    scene = wide_view.scene()
    assert "t0-0-0" in scene.cards.live
    assert LAST not in scene.cards.live
    assert_the_canvas_shows_the_model(scene)


def test_far_out_only_the_selected_cards_have_items(wide_view):
    scene = wide_view.scene()
    scene.select_cards(["t3-1-0", LAST])
    wide_view.set_zoom(FAR_OUT / 2)
    assert set(scene.cards.live) == {"t3-1-0", LAST}
    assert set(scene.connectors.live) == set()
    wide_view.actual_size()
    wide_view.centerOn(0, 0)
    assert "t0-0-0" in scene.cards.live


def test_scrolling_brings_the_cards_it_reaches_to_life_and_retires_those_left_behind(wide_view):
    wide_view.actual_size()
    scene = wide_view.scene()
    wide_view.centerOn(centre(scene.layout.cards[LAST].rect))
    assert LAST in scene.cards.live
    assert "t0-0-0" not in scene.cards.live
    assert_the_canvas_shows_the_model(scene)


def test_a_card_edited_while_it_had_no_item_shows_the_edit_when_scrolled_to(wide_view):
    wide_view.actual_size()
    wide_view.centerOn(0, 0)
    scene = wide_view.scene()
    assert LAST not in scene.cards.live
    scene.push(EditFields(scene.document, "touchpoint", LAST, {"title": "Renamed far away"}, "Rename"))
    scene.push(EditFields(scene.document, "lane", f"l{LANES - 1}", {"colour": "#aa3355"}, "Colour"))
    scene.flush()
    wide_view.centerOn(centre(scene.layout.cards[LAST].rect))
    item = scene.cards.live[LAST]
    assert item.touchpoint.title == "Renamed far away"
    assert item.card == scene.layout.cards[LAST]
    assert item.card.title_lines == ("Renamed far away",)
    assert_the_canvas_shows_the_model(scene)


def test_a_card_marked_while_it_had_no_item_gets_its_mark_when_it_comes_to_life(wide_view):
    wide_view.actual_size()
    wide_view.centerOn(0, 0)
    scene = wide_view.scene()
    marks = marks_for(scene)
    marks.set_marks("test", {("touchpoint", LAST): [Mark("added", "New in the other map")]})
    assert LAST not in scene.cards.live
    wide_view.centerOn(centre(scene.layout.cards[LAST].rect))
    mark = marks.mark_item(("touchpoint", LAST))
    assert mark is not None and mark.parentItem() is scene.cards.live[LAST]


def test_far_out_the_sketch_draws_each_card_without_an_item_as_a_block(wide_view):
    wide_view.set_zoom((VERY_FAR_OUT + FAR_OUT) / 2)
    scene = wide_view.scene()
    QApplication.processEvents()
    image = wide_view.viewport().grab().toImage()
    card = scene.layout.cards["t1-1-0"]
    assert "t1-1-0" not in scene.cards.live
    pixel = wide_view.mapFromScene(centre(card.rect))
    expected = scene.theme.tint(None, 0.45)
    assert QColor(image.pixel(pixel)).name() == expected.name()
    gap = wide_view.mapFromScene(QPointF(card.rect.right + 12, card.rect.y + card.rect.height / 2))
    assert QColor(image.pixel(gap)).name() != expected.name()


# -- the same gestures at every zoom ------------------------------------------------------------


def gestures_at(zoom: float, qtbot) -> dict:
    """Click, Ctrl+click, drag the selection to another cell, connect two cards with Shift,
    rubber-band two stages and delete them: the map after all of it, as its file holds it but
    for the new connection's id, which is random."""
    view = MapView()
    qtbot.addWidget(view)
    view.setScene(MapScene(MapSession(wide_map())))
    view.resize(1000, 700)
    view.show()
    view.set_zoom(zoom)
    scene = view.scene()
    layout = scene.layout

    def at(card_id: str) -> QPointF:
        point = centre(scene.layout.cards[card_id].rect)
        view.centerOn(point)
        return point

    press(view, at("t2-0-0"))
    release(view, at("t2-0-0"))
    press(view, at("t2-1-1"), Qt.KeyboardModifier.ControlModifier)
    release(view, at("t2-1-1"))
    cell = scene.layout.cells[("s4", "l2")]
    between = QPointF(
        cell.x + cell.width / 2, (centre(layout.cards["t4-2-0"].rect).y() + centre(layout.cards["t4-2-1"].rect).y()) / 2
    )
    drag(view, at("t2-0-0"), between)
    start, end = at("t6-0-0"), centre(scene.layout.cards["t7-2-1"].rect)
    press(view, start, Qt.KeyboardModifier.ShiftModifier)
    for step in range(1, 5):
        move(view, start + (end - start) * (step / 4))
    release(view, end)
    layout = scene.layout
    corner = QPointF(layout.stage_edges[-3] + 6, layout.lane_edges[0] + 4)  # their first cell's empty corner
    beyond = QPointF(layout.stage_edges[-1] - 4, layout.lane_edges[-1] - 4)  # the last cell's empty corner
    view.set_zoom(min(zoom, 0.5))  # the band's both ends in view
    view.centerOn((corner + beyond) / 2)
    press(view, corner)
    move(view, (corner + beyond) / 2)
    move(view, beyond)
    release(view, beyond)
    scene.delete_selection()
    scene.flush()
    assert_the_canvas_shows_the_model(scene)
    saved = json.loads(dumps(scene.document))
    for connection in saved["connections"]:
        del connection["id"]
    return saved


def test_gestures_do_the_same_to_the_map_at_every_zoom(qtbot):
    near = gestures_at(1.0, qtbot)
    assert len(near["touchpoints"]) == STAGES * LANES * PER_CELL - 2 * LANES * PER_CELL  # the last two stages went
    for zoom in ZOOMS[:-1]:
        assert gestures_at(zoom, qtbot) == near, f"at {zoom:.0%}"
