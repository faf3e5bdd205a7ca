"""An undo or redo that brings the map back to a state the canvas laid out gets that layout back
without laying the map out again, and so does an edit of what the layout does not read (a card's
description, a lane's colour); an edit of anything it reads lays it out afresh."""

from __future__ import annotations

import pytest

from journeymapper.editor import layout_memory
from journeymapper.editor.commands import EditFields
from journeymapper.editor.theme import qt_measure
from journeymapper.layout import compute_layout


@pytest.fixture
def layouts(monkeypatch) -> list[object]:
    """One entry per time the canvas lays out the whole map."""
    calls: list[object] = []

    def counted(*args):
        calls.append(args)
        return compute_layout(*args)

    monkeypatch.setattr(layout_memory, "compute_layout", counted)
    return calls


def laid_out_afresh(scene):
    return compute_layout(scene.document, scene.style, qt_measure)


def test_undoing_and_redoing_a_delete_lays_nothing_out_again(canvas, session, layouts):
    scene = canvas.scene()
    scene.select_cards(["charge", "compare"])
    scene.delete_selection()
    scene.flush()
    assert scene.layout == laid_out_afresh(scene)
    laid_out = len(layouts)
    session.undo_stack.undo()
    scene.flush()
    assert scene.layout == laid_out_afresh(scene)
    session.undo_stack.redo()
    scene.flush()
    assert scene.layout == laid_out_afresh(scene)
    assert len(layouts) == laid_out


@pytest.mark.parametrize(
    ("entity", "item_id", "fields"),
    [
        ("stage", "browse", {"name": "A much longer name for the first stage of the journey"}),
        ("touchpoint", "search", {"title": "Searches for shoes in every shop in town before choosing"}),
        ("connection", "c1", {"label": "Adds to cart"}),
    ],
)
def test_an_edit_of_what_the_layout_reads_lays_the_map_out_afresh(canvas, session, layouts, entity, item_id, fields):
    scene = canvas.scene()
    before = scene.layout
    scene.push(EditFields(session.document, entity, item_id, fields, "Edit"))
    scene.flush()
    assert scene.layout == laid_out_afresh(scene)
    assert scene.layout is not before


@pytest.mark.parametrize(
    ("entity", "item_id", "fields"),
    [
        ("lane", "web", {"colour": "#aa3355"}),
        ("touchpoint", "search", {"description": "Compares prices", "channel": "phone", "pain_points": ("Slow",)}),
        ("persona", "buyer", {"role": "Finance lead"}),
    ],
)
def test_an_edit_of_what_the_layout_does_not_read_keeps_the_layout(canvas, session, layouts, entity, item_id, fields):
    scene = canvas.scene()
    before, laid_out = scene.layout, len(layouts)
    scene.push(EditFields(session.document, entity, item_id, fields, "Edit"))
    scene.flush()
    assert scene.layout is before
    assert len(layouts) == laid_out
    assert scene.layout == laid_out_afresh(scene)
