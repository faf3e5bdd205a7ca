"""Connector labels on the canvas sit where the PDF puts them, placed once the view is near enough."""

from __future__ import annotations

from journeymapper.connector_labels import place_labels
from journeymapper.editor.items import FAR_OUT
from journeymapper.editor.theme import qt_measure


def labels_on(view) -> dict:
    return {key: item.label for key, item in view.scene().connectors.items() if item.label is not None}


def test_the_canvas_places_labels_by_the_pdfs_rule_on_its_own_layout(canvas, session):
    session.document.update_connection("c1", label="Adds to cart")
    scene = canvas.scene()
    scene.flush()
    assert labels_on(canvas) == place_labels(session.document, scene.layout, scene.style, qt_measure)
    assert {placement.text for placement in labels_on(canvas).values()} == {"Adds to cart", "40%"}


def test_far_out_labels_wait_until_the_view_comes_near_enough_to_read_them(canvas, session):
    canvas.set_zoom(FAR_OUT / 2)
    session.document.update_connection("c1", label="Adds to cart")
    canvas.scene().flush()
    assert labels_on(canvas) == {}
    canvas.set_zoom(FAR_OUT)
    assert labels_on(canvas)["c1"].text == "Adds to cart"


def test_a_labels_box_is_part_of_its_connector_so_it_repaints_with_it(canvas, session):
    for item in canvas.scene().connectors.values():
        if item.label is not None:
            box = item.label.box
            assert item.boundingRect().contains(box.x, box.y) and item.boundingRect().contains(box.right, box.bottom)
