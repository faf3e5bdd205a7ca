"""An undo or redo that brings the map back to a layout the canvas showed gets that layout's labels
back without placing them again, and so does an edit that moves nothing the placement reads (the
routes, the cards, the grid); anything else places them afresh, by the PDF's rule."""

from __future__ import annotations

import pytest

from journeymapper.connector_labels import place_labels
from journeymapper.editor import label_memory
from journeymapper.editor.theme import qt_measure


@pytest.fixture
def placings(monkeypatch) -> list[object]:
    """One entry per time the canvas places the whole map's labels."""
    calls: list[object] = []

    def counted(*args):
        calls.append(args)
        return place_labels(*args)

    monkeypatch.setattr(label_memory, "place_labels", counted)
    return calls


def labels_on(view) -> dict:
    return {key: item.label for key, item in view.scene().connectors.items() if item.label is not None}


def placed_by_the_rule(view) -> dict:
    scene = view.scene()
    return place_labels(scene.document, scene.layout, scene.style, qt_measure).placed


def test_undoing_and_redoing_a_delete_shows_the_labels_the_rule_places_and_places_none_again(canvas, session, placings):
    session.document.update_connection("c1", label="Adds to cart")
    scene = canvas.scene()
    scene.flush()
    scene.select_cards(["charge"])
    scene.delete_selection()
    scene.flush()
    assert labels_on(canvas) == placed_by_the_rule(canvas)
    placed = len(placings)
    session.undo_stack.undo()
    scene.flush()
    assert labels_on(canvas) == placed_by_the_rule(canvas)
    assert labels_on(canvas)["c1"].text == "Adds to cart"
    session.undo_stack.redo()
    scene.flush()
    assert labels_on(canvas) == placed_by_the_rule(canvas)
    assert len(placings) == placed  # both layouts had been shown: their labels were remembered


def test_a_new_label_or_rate_on_an_unmoved_map_is_placed_afresh(canvas, session, placings):
    scene = canvas.scene()
    session.document.update_connection("c2", conversion_rate=0.55)
    scene.flush()
    assert labels_on(canvas)["c2"].text == "55%"
    session.document.update_connection("c1", label="Compares")
    scene.flush()
    assert labels_on(canvas)["c1"].text == "Compares"
    assert labels_on(canvas) == placed_by_the_rule(canvas)


def test_an_edit_that_moves_no_route_card_or_edge_keeps_the_labels_without_placing_them(canvas, session, placings):
    scene = canvas.scene()
    session.document.update_connection("c1", label="Adds to cart")
    scene.flush()
    placed, curve = len(placings), scene.layout.emotion_curves
    session.document.update_touchpoint("compare", emotion=-2)  # the emotion curve moves, nothing else
    scene.flush()
    assert scene.layout.emotion_curves != curve
    assert len(placings) == placed
    assert labels_on(canvas) == placed_by_the_rule(canvas)


def test_an_edit_that_moves_a_card_places_the_labels_afresh(canvas, session, placings):
    scene = canvas.scene()
    session.document.update_connection("c1", label="Adds to cart")
    scene.flush()
    placed = len(placings)
    session.document.update_touchpoint("search", title="A title long enough to wrap onto a second line of the card")
    scene.flush()
    assert len(placings) == placed + 1
    assert labels_on(canvas) == placed_by_the_rule(canvas)
