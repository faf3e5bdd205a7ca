"""An undo or redo that brings the map back to a state the canvas laid out gets that layout back
without laying the map out again; any other change, to anything the layout reads, lays it out
afresh."""

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
        ("lane", "web", {"colour": "#aa3355"}),
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
