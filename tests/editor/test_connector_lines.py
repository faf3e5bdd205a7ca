"""Connectors are drawn from the layout by one item; each has an item of its own only while
something needs it: the selection, a press on its line, a tooltip, a mark. An undo or redo back to
a layout drawn just before draws it from the index it had."""

from __future__ import annotations

import math
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPoint, QPointF
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from journeymapper.editor import connector_lines
from journeymapper.editor.commands import EditFields
from journeymapper.editor.items import FAR_OUT
from journeymapper.editor.marks import Mark, marks_for
from journeymapper.editor.scene import MapScene
from journeymapper.editor.session import MapSession
from journeymapper.editor.view import MapView
from journeymapper.layout import compute_layout
from journeymapper.model import Connection, ConnectionKind

from gestures import press, release
from wide_map import wide_map


def segment_middles(scene, connection_id: str) -> list[QPointF]:
    """The middle of each segment of a connector's route that is long enough to hit."""
    points = scene.layout.connectors[connection_id].points
    return [
        QPointF((ax + bx) / 2, (ay + by) / 2)
        for (ax, ay), (bx, by) in pairwise(points)
        if abs(ax - bx) + abs(ay - by) > 20
    ]


def pixel_colour(view, point: QPointF) -> str:
    QApplication.processEvents()
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    pixel = view.mapFromScene(point)
    return QColor(image.pixel(QPoint(round(pixel.x() * ratio), round(pixel.y() * ratio)))).name()


@pytest.fixture
def indexings(monkeypatch) -> list[object]:
    """One entry per time the lines of the whole map are indexed."""
    built: list[object] = []

    class Counted(connector_lines._ColumnIndex):
        def __init__(self, *args):
            built.append(args)
            super().__init__(*args)

    monkeypatch.setattr(connector_lines, "_ColumnIndex", Counted)
    return built


def test_connectors_are_drawn_without_items_of_their_own(canvas):
    scene = canvas.scene()
    assert not scene.connectors.live
    middle = segment_middles(scene, "c1")[0]
    assert pixel_colour(canvas, middle) != scene.theme.background.name()


def test_a_press_on_a_line_selects_its_connector_which_keeps_its_item_while_selected(canvas):
    scene = canvas.scene()
    middle = segment_middles(scene, "c2")[0]
    press(canvas, middle)
    release(canvas, middle)
    assert scene.selected_connection_ids() == ["c2"]
    drawn = QColor(pixel_colour(canvas, middle))  # antialiased: a blend of the line and the canvas
    assert abs(drawn.hue() - scene.theme.selection.hue()) < 12 and drawn.saturation() > 80
    canvas.set_zoom(FAR_OUT / 2)
    canvas.actual_size()
    assert "c2" in scene.connectors.live
    scene.clearSelection()
    canvas.set_zoom(FAR_OUT / 2)
    assert "c2" not in scene.connectors.live


def test_a_tooltip_over_a_line_is_its_connectors(canvas, qtbot):
    scene = canvas.scene()
    middle = segment_middles(scene, "c2")[-1]
    pixel = canvas.mapFromScene(middle)
    event = QHelpEvent(QEvent.Type.ToolTip, pixel, canvas.viewport().mapToGlobal(pixel))
    QApplication.sendEvent(canvas.viewport(), event)
    assert "c2" in scene.connectors.live
    qtbot.waitUntil(lambda: "40%" in QToolTip.text())


def test_a_marked_connector_has_an_item_for_its_mark(canvas):
    scene = canvas.scene()
    marks = marks_for(scene)
    marks.set_marks("test", {("connection", "c3"): [Mark("changed", "kind: flow → handoff")]})
    assert "c3" in scene.connectors.live
    canvas.set_zoom(FAR_OUT / 2)
    canvas.actual_size()
    mark = marks.mark_item(("connection", "c3"))
    assert mark is not None and mark.parentItem() is scene.connectors.live["c3"]


def column_of_pixels(view, x: int, rows: range) -> list[str]:
    QApplication.processEvents()
    image = view.viewport().grab().toImage()
    return [QColor(image.pixel(x, y)).name() for y in rows]


def test_a_dashed_line_keeps_its_dashes_in_place_as_the_view_scrolls(qtbot):
    scene = MapScene(MapSession(wide_map()))
    connection = "c-t1-0-0"  # from the bottom lane of the first stage up to the top of the second
    scene.push(EditFields(scene.document, "connection", connection, {"kind": "handoff"}, "Make it a hand-off"))
    scene.flush()
    view = MapView()
    qtbot.addWidget(view)
    view.setScene(scene)
    view.resize(900, 700)
    view.show()
    view.set_zoom(3.0)  # the segment runs past both edges of the view
    (x, y1), (_, y2) = max(
        pairwise(scene.layout.connectors[connection].points), key=lambda pair: abs(pair[1][1] - pair[0][1])
    )
    view.centerOn(QPointF(x, (y1 + y2) / 2))
    pixel = view.mapFromScene(QPointF(x, (y1 + y2) / 2))
    rows = range(pixel.y() - 15, pixel.y() + 15)
    before = column_of_pixels(view, pixel.x(), rows)
    assert len(set(before)) > 2  # dashes and gaps
    bar = view.verticalScrollBar()
    scrolled = bar.value() + 7
    bar.setValue(scrolled)
    assert bar.value() == scrolled
    assert column_of_pixels(view, pixel.x(), range(rows.start - 7, rows.stop - 7)) == before


def test_undoing_and_redoing_a_delete_draws_each_layouts_lines_and_indexes_none_again(canvas, session, indexings):
    scene = canvas.scene()
    middle = segment_middles(scene, "c3")[0]
    drawn = pixel_colour(canvas, middle)
    scene.select_cards(["charge"])
    scene.delete_selection()
    scene.flush()
    gone = pixel_colour(canvas, middle)
    assert gone != drawn
    indexed = len(indexings)
    session.undo_stack.undo()
    scene.flush()
    assert pixel_colour(canvas, middle) == drawn
    session.undo_stack.redo()
    scene.flush()
    assert pixel_colour(canvas, middle) == gone
    assert len(indexings) == indexed  # both layouts had been drawn: their indexes were kept


def test_a_new_kind_on_unmoved_lines_indexes_them_afresh(canvas, session, indexings):
    scene = canvas.scene()
    middle = segment_middles(scene, "c1")[0]
    pixel_colour(canvas, middle)
    indexed = len(indexings)
    scene.push(EditFields(session.document, "connection", "c1", {"kind": ConnectionKind.DEPENDENCY}, "Dashes"))
    scene.flush()
    pixel_colour(canvas, middle)
    assert len(indexings) == indexed + 1


def long_routed_map():
    """The wide map, with connectors that run across many columns, either way."""
    document = wide_map()
    document.add_connection(Connection(id="across", source="t0-0-0", target="t11-2-1"))
    document.add_connection(Connection(id="back", source="t9-1-0", target="t2-2-0"))
    return document


LONG_ROUTED = long_routed_map()
LAYOUT = compute_layout(LONG_ROUTED)
KINDS = {connection.id: connection.kind for connection in LONG_ROUTED.connections()}
WHOLE_MAP = (-math.inf, -math.inf, math.inf, math.inf)

areas = st.tuples(
    st.floats(LAYOUT.bounds.x - 50, LAYOUT.bounds.right + 50),
    st.floats(LAYOUT.bounds.y - 50, LAYOUT.bounds.bottom + 50),
    st.floats(0, LAYOUT.bounds.width / 3),
    st.floats(0, LAYOUT.bounds.height),
).map(lambda box: (box[0], box[1], box[0] + box[2], box[1] + box[3]))


@settings(max_examples=60, deadline=None)
@given(st.lists(areas, min_size=1, max_size=6))
def test_columns_indexed_as_repaints_reach_them_hold_what_indexing_every_column_at_once_does(views):
    whole = connector_lines._ColumnIndex(LAYOUT, KINDS)
    list(whole.within(WHOLE_MAP))
    piecemeal = connector_lines._ColumnIndex(LAYOUT, KINDS)
    for area in views:
        assert sorted(piecemeal.within(area)) == sorted(whole.within(area))


def test_a_repaint_indexes_only_the_routes_that_reach_the_columns_it_covers(monkeypatch):
    indexed: list[str] = []
    add_route = connector_lines._ColumnIndex._add_route

    def recorded(self, points, connection_id, kind):
        indexed.append(connection_id)
        add_route(self, points, connection_id, kind)

    monkeypatch.setattr(connector_lines._ColumnIndex, "_add_route", recorded)
    index = connector_lines._ColumnIndex(LAYOUT, KINDS)
    first_column = LAYOUT.stage_headers["s0"].rect
    list(index.within((first_column.x, first_column.y, first_column.right, LAYOUT.bounds.bottom)))
    assert "across" in indexed and "c-t1-0-0" in indexed
    assert "back" not in indexed and "c-t11-0-0" not in indexed
    list(index.within(WHOLE_MAP))
    assert sorted(indexed) == sorted(LAYOUT.connectors)
