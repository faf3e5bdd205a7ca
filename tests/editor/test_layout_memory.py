"""An undo or redo that brings the map back to a state the canvas laid out gets that layout back
without laying the map out again, and so does an edit of what the layout does not read (a card's
description, a lane's colour); an edit of anything it reads lays it out afresh."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any

import pytest

from journeymapper.editor import layout_memory
from journeymapper.editor.commands import EditFields
from journeymapper.editor.theme import qt_measure
from journeymapper.formats import json_format
from journeymapper.layout import compute_layout
from journeymapper.model import LaneKind, MapLink, Metric, PersonaPart

SAMPLE = Path(__file__).parents[2] / "samples" / "year-one-customer-journey.json"


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


def other_value(field: str, value: Any) -> Any:
    """A valid value for ``field`` that differs from ``value``: the one that most likely moves
    the layout where the field can move it."""
    if isinstance(value, LaneKind):
        return LaneKind.TEAM if value == LaneKind.EMOTIONS else LaneKind.EMOTIONS
    if isinstance(value, Enum):
        return next(member for member in type(value) if member != value)
    special: dict[str, Any] = {
        "emotion": -2 if value == 2 else 2,
        "conversion_rate": None if value is not None else 0.5,
        "part": None if value else PersonaPart.CHAMPION,
        "colour": "#123456" if value != "#123456" else "#654321",
        "links": () if value else (MapLink(path="elsewhere.json", map_id="elsewhere"),),
        "metrics": {} if value else {"NPS": Metric(value=42)},
    }
    if field in special:
        return special[field]
    if isinstance(value, tuple):
        return () if value else ("Something",)
    return f"{value} and then a good deal more, enough to wrap onto further lines"


def test_the_remembered_state_holds_every_field_the_layout_reads():
    """Each field of each object of the sample map, changed in turn: wherever the layout moves, the
    state a layout is remembered by changes too (else the canvas would show a stale layout)."""
    document = json_format.load(SAMPLE)
    kinds = {
        "stage": document.stages,
        "lane": document.lanes,
        "persona": document.personas,
        "touchpoint": {t.id: t for t in document.touchpoints()},
        "connection": {c.id: c for c in document.connections()},
    }
    moved = 0
    for entity, items in kinds.items():
        for item_id, item in list(items.items()):
            for field in type(item).model_fields:
                if field in ("id", "stage", "lane", "index", "source", "target"):
                    continue  # moves and ids: the state holds every object's id and place in order
                if field == "personas" and entity == "touchpoint" and not item.personas:
                    value = (next(iter(document.personas)),)
                else:
                    value = other_value(field, getattr(item, field))
                state, layout = layout_memory._reads(document), compute_layout(document)
                edit = getattr(document, f"update_{entity}")
                edit(item_id, **{field: value})
                if compute_layout(document) != layout:
                    moved += 1
                    assert layout_memory._reads(document) != state, f"{entity} {item_id}: {field}"
                edit(item_id, **{field: getattr(item, field)})
    assert moved > 50  # titles, names, emotions, personas, labels and rates, links, lane kinds
