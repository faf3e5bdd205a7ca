"""On a map wider than the view, gestures do the same to the model far out, where cards are plain
blocks and connectors thin lines or left out, as near: a rubber band selects the cards it covers,
and a card scrolled to is dragged, and Find brings a card out of view into it, like any other."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt

from journeymapper.editor.items import FAR_OUT, VERY_FAR_OUT, qrect
from journeymapper.formats import json_format

from gestures import assert_the_canvas_shows_the_model, centre, drag, move, press, release
from wide_map import LANES, PER_CELL, STAGES, wide_map


@pytest.mark.parametrize("zoom", [VERY_FAR_OUT / 2, (VERY_FAR_OUT + FAR_OUT) / 2, FAR_OUT * 0.9])
def test_far_out_a_rubber_band_selects_the_cards_it_covers(wide_view, zoom):
    scene = wide_view.scene()
    wide_view.set_zoom(zoom)
    layout = scene.layout
    beyond = QPointF(layout.bounds.right + 40, layout.bounds.bottom + 40)  # empty canvas past the map
    corner = QPointF((layout.stage_edges[-4] + layout.stage_edges[-3]) / 2, layout.lane_edges[0] + 1)
    press(wide_view, beyond)
    move(wide_view, (beyond + corner) / 2)
    move(wide_view, corner)
    release(wide_view, corner)
    band = QRectF(corner, beyond).normalized()
    covered = [key for key, card in layout.cards.items() if qrect(card.rect).intersects(band)]
    assert len(covered) >= 2 * LANES * PER_CELL  # at least the last two stages' cards, whole
    assert set(scene.selected_card_ids()) == set(covered)


def test_a_card_scrolled_to_at_full_size_drags_to_another_cell(wide_view):
    scene, document = wide_view.scene(), wide_view.scene().document
    wide_view.actual_size()
    card_id = f"t{STAGES - 1}-{LANES - 1}-1"
    start = centre(scene.layout.cards[card_id].rect)
    wide_view.centerOn(start)
    target = centre(scene.layout.cells[(f"s{STAGES - 2}", f"l{LANES - 1}")])
    assert wide_view.viewport().rect().contains(wide_view.mapFromScene(target))
    drag(wide_view, start, target)
    assert document.touchpoint(card_id).stage == f"s{STAGES - 2}"
    assert_the_canvas_shows_the_model(scene)


def shown(view) -> QRectF:
    return view.mapToScene(view.viewport().rect()).boundingRect()


@pytest.mark.parametrize(("zoom", "in_view_already"), [(VERY_FAR_OUT / 2, True), (1.0, False)])
def test_find_selects_a_card_and_brings_it_into_view(window, tmp_path, zoom, in_view_already):
    path = tmp_path / "wide.json"
    json_format.save(wide_map(), path)
    window.open_file(path)
    window.view.set_zoom(zoom)
    window.view.centerOn(0, 0)
    card_id = f"t{STAGES - 1}-{LANES - 1}-1"
    card = centre(window.scene.layout.cards[card_id].rect)
    assert shown(window.view).contains(card) == in_view_already
    window.finder.field.setText(card_id)
    assert window.scene.cards[card_id].highlighted
    window.finder.next()
    assert window.scene.selected_card_ids() == [card_id]
    assert shown(window.view).contains(card)


@pytest.mark.parametrize("zoom", [VERY_FAR_OUT / 2, (VERY_FAR_OUT + FAR_OUT) / 2, FAR_OUT * 0.9, FAR_OUT * 1.1])
def test_a_rubber_band_leaves_out_a_connector_that_only_passes_through_it(wide_view, zoom):
    """A connector selected by a band whose cards lie outside it would go with a delete of the
    cards the band covers: the band takes a connector only when it holds the whole line."""
    scene, document = wide_view.scene(), wide_view.scene().document
    wide_view.set_zoom(zoom)
    wide_view.centerOn(scene.layout.bounds.right, scene.layout.bounds.bottom)
    layout, stage = scene.layout, STAGES - 2
    passing = f"c-t{stage}-0-0"  # from the bottom lane of the stage before up its gutter to the top lane
    beyond = QPointF(layout.bounds.right + 40, layout.bounds.bottom + 40)
    corner = QPointF(layout.stage_edges[stage] - 5, (layout.lane_edges[1] + layout.lane_edges[2]) / 2)
    assert wide_view.viewport().rect().contains(wide_view.mapFromScene(corner))
    press(wide_view, beyond)
    move(wide_view, (beyond + corner) / 2)
    move(wide_view, corner)
    release(wide_view, corner)
    selected = scene.selected_connection_ids()
    assert passing not in selected
    assert f"c-t{stage}-2-1" in selected  # from one covered card to the next, all of it in the band
    scene.delete_selection()
    assert document.has_connection(passing)
    assert not document.has_touchpoint(f"t{stage}-2-1")


def test_a_rubber_band_with_ctrl_keeps_a_connector_selected_before_it(wide_view):
    scene = wide_view.scene()
    wide_view.set_zoom(FAR_OUT * 0.9)
    layout, stage = scene.layout, STAGES - 2
    passing = f"c-t{stage}-0-0"
    scene.connectors[passing].setSelected(True)
    beyond = QPointF(layout.bounds.right + 40, layout.bounds.bottom + 40)
    corner = QPointF(layout.stage_edges[stage] - 5, (layout.lane_edges[1] + layout.lane_edges[2]) / 2)
    press(wide_view, beyond, Qt.KeyboardModifier.ControlModifier)
    move(wide_view, corner)
    release(wide_view, corner)
    assert passing in scene.selected_connection_ids()
    assert f"t{stage}-2-1" in scene.selected_card_ids()
