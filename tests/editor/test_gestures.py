"""Gestures that never miss: the whole handle connects, Shift connects from anywhere on a card, a
drop anywhere on the target card connects to it, dragged cards are drawn above the rest, the view
scrolls when a drag nears its edge, a drop that changes nothing is no undo step, and after every
gesture each card item sits where the layout of the document puts it; at 100%, close in and far
out alike."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsLineItem

from journeymapper.editor.card_item import CardItem
from journeymapper.editor.drags import CardDrag, ConnectionDrag
from journeymapper.editor.items import CONNECT_MODIFIER, HANDLE_REACH, HeaderItem, qrect
from journeymapper.layout import Point

from gestures import assert_the_canvas_shows_the_model, centre, drag, hover, move, press, release

ORIGINAL = {"c1", "c2", "c3"}
ZOOMS = [1.0, 0.5, 0.3, 0.2]
"""The gestures below do the same at 100%, close in, and far out (below ``FAR_OUT``), where the
cards and connectors a press, a drag or a band reaches get their items as it comes."""


@pytest.fixture(params=ZOOMS, ids=lambda zoom: f"{zoom:.0%}")
def canvas(request, canvas):
    """The small map's canvas at each zoom, the map in the middle of the view."""
    canvas.set_zoom(request.param)
    canvas.centerOn(canvas.scene().layout.bounds.width / 2, canvas.scene().layout.bounds.height / 2)
    return canvas


AT_100 = pytest.mark.parametrize("canvas", [1.0], indirect=True, ids=["100%"])
"""For what is about a size on screen at 100%, and for scrolling a map bigger than its view."""
CONTROL = Qt.KeyboardModifier.ControlModifier


def placements(document) -> dict[str, tuple[str, str, int]]:
    return {card.id: (card.stage, card.lane, card.index) for card in document.touchpoints()}


def new_connections(document) -> list[tuple[str, str]]:
    return [(c.source, c.target) for c in document.connections() if c.id not in ORIGINAL]


def handle_centre(scene, card_id: str) -> QPointF:
    rect = scene.layout.cards[card_id].rect
    return QPointF(rect.right, rect.y + rect.height / 2)


def at_pixel(view, pixel: QPoint) -> QPointF:
    """The map point under a pixel of the viewport (the synthetic events land on that pixel)."""
    return view.mapToScene(pixel)


def handle_pixels(view, scene, card_id: str) -> list[QPoint]:
    """Every viewport pixel whose map point lies on the card's handle."""
    middle = handle_centre(scene, card_id)
    around = view.mapFromScene(middle)
    reach = int(HANDLE_REACH * view.zoom) + 2
    pixels = []
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            pixel = around + QPoint(dx, dy)
            offset = at_pixel(view, pixel) - middle
            if offset.x() ** 2 + offset.y() ** 2 <= HANDLE_REACH**2:
                pixels.append(pixel)
    return pixels


# -- the handle -------------------------------------------------------------------------------


def test_pressing_on_every_point_of_the_handle_inner_and_outer_half_connects(canvas, session):
    scene = canvas.scene()
    target = centre(scene.layout.cards["charge"].rect)
    pixels = handle_pixels(canvas, scene, "search")
    edge = handle_centre(scene, "search").x()
    assert any(at_pixel(canvas, p).x() < edge - 3 for p in pixels)  # the inner half, over the card
    assert any(at_pixel(canvas, p).x() > edge + 3 for p in pixels)  # the outer half, beside it
    for pixel in pixels:
        drag(canvas, at_pixel(canvas, pixel), target, steps=3)
        assert (pixel, new_connections(session.document)) == (pixel, [("search", "charge")])
        session.undo_stack.undo()
        assert_the_canvas_shows_the_model(scene)
    assert session.undo_stack.count() == 1  # each connection, undone, was replaced by the next


@AT_100
@pytest.mark.parametrize("axis", [QPoint(1, 0), QPoint(0, 1)])
def test_the_handle_is_a_target_at_least_12_pixels_across_at_100_percent(canvas, axis):
    scene = canvas.scene()
    assert canvas.zoom == 1.0
    middle = canvas.mapFromScene(handle_centre(scene, "search"))
    connecting = []
    for step in range(-20, 21):
        pixel = middle + axis * step
        press(canvas, at_pixel(canvas, pixel))
        if isinstance(scene.gesture, ConnectionDrag):
            connecting.append(step)
        release(canvas, at_pixel(canvas, pixel))
    assert connecting == list(range(connecting[0], connecting[0] + len(connecting)))  # no gap
    assert len(connecting) >= 12


@pytest.mark.parametrize("zoom", [0.8, 0.9, 0.95, 1.0, 1.05, 1.1, 1.25])
def test_a_press_about_the_handles_centre_and_a_drag_never_leaves_the_card_astray(canvas, session, zoom):
    """The bug: the handle's inner half was a hole in the card's shape, so the scene saw no card
    under a press there while Qt, testing a pixel-sized square, grabbed the movable card and
    moved it; nothing reached the model, and the card stayed where it was dropped."""
    canvas.set_zoom(zoom)
    scene = canvas.scene()
    before = placements(session.document)
    middle = canvas.mapFromScene(handle_centre(scene, "search"))
    for dx in range(-2, 3):
        for dy in range(-2, 3):
            start = at_pixel(canvas, middle + QPoint(dx, dy))
            drag(canvas, start, start + QPointF(0, 60 / zoom))
            assert_the_canvas_shows_the_model(scene)
            assert placements(session.document) == before
            while session.undo_stack.canUndo():  # a connection, if the line ended on a card
                session.undo_stack.undo()
    assert new_connections(session.document) == []


@pytest.mark.parametrize(
    "where",
    ["outside the grid", "an empty cell", "its own card", "the gutter"],
)
def test_a_handle_drag_released_where_there_is_no_other_card_changes_nothing(canvas, session, where):
    scene = canvas.scene()
    layout = scene.layout
    end = {
        "outside the grid": QPointF(layout.bounds.right + 40, layout.bounds.bottom + 40),
        "an empty cell": centre(layout.cells[("browse", "payments")]),
        "its own card": centre(layout.cards["search"].rect),
        "the gutter": QPointF(layout.cards["search"].rect.x - 10, layout.cards["search"].rect.y),
    }[where]
    drag(canvas, handle_centre(scene, "search"), end)
    assert session.undo_stack.count() == 0 and not session.modified
    assert_the_canvas_shows_the_model(scene)


# -- connecting from anywhere, to anywhere ----------------------------------------------------


def inset_corners(rect, by: float = 2) -> list[QPointF]:
    return [
        QPointF(rect.x + by, rect.y + by),
        QPointF(rect.right - by - HANDLE_REACH, rect.y + by),
        QPointF(rect.x + by, rect.bottom - by),
        QPointF(rect.right - by - HANDLE_REACH, rect.bottom - by),
    ]


@pytest.mark.parametrize("corner", range(4))
def test_with_shift_a_press_anywhere_on_a_card_starts_a_connection(canvas, session, corner):
    scene = canvas.scene()
    start = [*inset_corners(scene.layout.cards["search"].rect), centre(scene.layout.cards["search"].rect)][corner]
    press(canvas, start, CONNECT_MODIFIER)
    assert isinstance(scene.gesture, ConnectionDrag)
    for step in (0.3, 0.6, 1.0):
        move(canvas, start + (centre(scene.layout.cards["charge"].rect) - start) * step)
    release(canvas, centre(scene.layout.cards["charge"].rect))
    assert new_connections(session.document) == [("search", "charge")]
    assert session.undo_stack.undoText() == "Connect 'Search for shoes' to 'Charge card'"
    assert_the_canvas_shows_the_model(scene)


@pytest.mark.parametrize("corner", range(4))
def test_a_connection_drops_anywhere_on_the_target_card(canvas, session, corner):
    scene = canvas.scene()
    rect = scene.layout.cards["charge"].rect
    end = inset_corners(rect, max(1.0, 1 / canvas.zoom))[corner]  # a pixel in: events land on whole pixels
    drag(canvas, handle_centre(scene, "search"), end)
    assert new_connections(session.document) == [("search", "charge")]


def test_a_connection_drops_on_the_target_cards_handle_too(canvas, session):
    scene = canvas.scene()
    drag(canvas, handle_centre(scene, "search"), handle_centre(scene, "charge") + QPointF(HANDLE_REACH - 2, 0))
    assert new_connections(session.document) == [("search", "charge")]


def test_the_target_card_lights_up_while_the_line_is_over_it(canvas):
    scene = canvas.scene()
    rect = scene.layout.cards["charge"].rect
    press(canvas, handle_centre(scene, "search"))
    move(canvas, QPointF(rect.x + 3, rect.y + 3))
    assert scene.indicator.isVisible()
    assert scene.indicator.boundingRect().contains(qrect(rect))
    release(canvas, QPointF(rect.x + 3, rect.y + 3))
    assert not scene.indicator.isVisible()


def test_a_repeated_connection_is_refused_in_the_cards_titles(canvas, session, qtbot):
    scene = canvas.scene()
    with qtbot.waitSignal(scene.refused) as refusal:
        drag(canvas, handle_centre(scene, "search"), centre(scene.layout.cards["compare"].rect))
    assert refusal.args[0] == "'Search for shoes' is already connected to 'Compare sizes'"
    assert session.undo_stack.count() == 0
    assert_the_canvas_shows_the_model(scene)


def test_a_shift_click_selects_the_card_and_changes_nothing(canvas, session):
    scene = canvas.scene()
    scene.select_cards(["checkout", "compare"])
    point = centre(scene.layout.cards["search"].rect)
    press(canvas, point, CONNECT_MODIFIER)
    release(canvas, point)
    assert scene.selected_card_ids() == ["search"]
    assert session.undo_stack.count() == 0


# -- moving cards -----------------------------------------------------------------------------


def test_a_dragged_card_is_drawn_above_the_cards_and_headers_it_crosses(canvas):
    scene = canvas.scene()
    start = centre(scene.layout.cards["compare"].rect)
    over = centre(scene.layout.cards["checkout"].rect)
    press(canvas, start)
    move(canvas, start + QPointF(10, 10))
    move(canvas, over)
    dragged = scene.cards["compare"]
    moved = at_pixel(canvas, canvas.mapFromScene(over)) - at_pixel(canvas, canvas.mapFromScene(start))
    assert dragged.pos() == dragged.home + moved  # events land on whole pixels
    topmost = next(item for item in scene.items(over) if isinstance(item, (CardItem, HeaderItem)))
    assert topmost is dragged
    others = [item for item in scene.items() if isinstance(item, (CardItem, HeaderItem)) and item is not dragged]
    assert all(dragged.zValue() > item.zValue() for item in others)
    release(canvas, QPointF(scene.layout.bounds.right + 50, over.y()))  # outside: it goes home
    assert_the_canvas_shows_the_model(scene)


def test_dropping_a_card_back_into_its_own_slot_is_no_undo_step(canvas, session):
    scene = canvas.scene()
    start = centre(scene.layout.cards["compare"].rect)
    drag(canvas, start, start + QPointF(20, 6))
    assert session.undo_stack.count() == 0 and not session.modified
    assert_the_canvas_shows_the_model(scene)


def test_a_card_dragged_to_another_cell_and_back_before_the_drop_is_no_undo_step(canvas, session):
    scene = canvas.scene()
    start = centre(scene.layout.cards["search"].rect)
    press(canvas, start)
    for point in (start + QPointF(10, 0), centre(scene.layout.cells[("pay", "payments")]), start + QPointF(0, 3)):
        move(canvas, point)
    release(canvas, start + QPointF(0, 3))
    assert session.undo_stack.count() == 0 and not session.modified
    assert_the_canvas_shows_the_model(scene)


def test_a_selection_dropped_back_where_it_was_is_no_undo_step(canvas, session):
    scene = canvas.scene()
    scene.select_cards(["compare", "search"])
    start = centre(scene.layout.cards["compare"].rect)
    drag(canvas, start, start + QPointF(-15, 8))
    assert session.undo_stack.count() == 0
    assert scene.selected_card_ids() == ["compare", "search"]


def test_after_a_drop_the_cards_are_at_once_where_the_new_layout_puts_them(canvas, session):
    scene = canvas.scene()
    drag(canvas, centre(scene.layout.cards["compare"].rect), centre(scene.layout.cells[("pay", "payments")]))
    assert session.document.touchpoint("compare").stage == "pay"
    assert_the_canvas_shows_the_model(scene)  # without waiting for the relayout timer


def test_a_click_selects_one_card_and_ctrl_click_toggles_it(canvas):
    scene = canvas.scene()
    scene.select_cards(["compare", "search", "checkout"])
    point = centre(scene.layout.cards["search"].rect)
    press(canvas, point)
    release(canvas, point)
    assert scene.selected_card_ids() == ["search"]
    for expected in (["compare", "search"], ["search"]):
        compare = centre(scene.layout.cards["compare"].rect)
        press(canvas, compare, CONTROL)
        release(canvas, compare)
        assert scene.selected_card_ids() == expected


def test_a_ctrl_drag_from_an_unselected_card_takes_it_along_with_the_selection(canvas, session):
    scene = canvas.scene()
    scene.select_cards(["checkout"])
    start = centre(scene.layout.cards["compare"].rect)
    end = centre(scene.layout.cells[("pay", "payments")])
    press(canvas, start, CONTROL)
    for step in (0.2, 0.6, 1.0):
        move(canvas, start + (end - start) * step)
    release(canvas, end)
    assert set(session.document.cell("pay", "payments")) == {"compare", "checkout", "charge"}
    assert session.undo_stack.count() == 1


def test_a_drag_whose_release_never_came_is_abandoned_at_the_next_press(canvas, session):
    scene = canvas.scene()
    start = centre(scene.layout.cards["compare"].rect)
    press(canvas, start)
    move(canvas, start + QPointF(30, 30))
    assert scene.cards["compare"].pos() != scene.cards["compare"].home
    empty = QPointF(scene.layout.bounds.right + 30, scene.layout.bounds.bottom + 30)
    press(canvas, empty)  # a popup took the mouse, and the release went to it
    release(canvas, empty)
    assert session.undo_stack.count() == 0
    assert_the_canvas_shows_the_model(scene)


def test_a_drag_whose_release_never_came_is_abandoned_when_the_pointer_moves_with_no_button(canvas, session):
    scene = canvas.scene()
    start = handle_centre(scene, "search")
    press(canvas, start)
    move(canvas, centre(scene.layout.cards["charge"].rect))
    hover(canvas, centre(scene.layout.cards["charge"].rect))
    assert session.undo_stack.count() == 0
    assert_the_canvas_shows_the_model(scene)


def test_pressing_inside_an_inline_editor_drags_no_card(canvas, session):
    scene = canvas.scene()
    rect = scene.layout.cards["checkout"].rect
    editor = scene.rename(scene.cards["checkout"])
    inside = editor.sceneBoundingRect().center()
    drag(canvas, inside, centre(scene.layout.cells[("browse", "payments")]))
    assert session.document.touchpoint("checkout").stage == "pay"
    assert session.undo_stack.count() == 0
    assert scene.cards["checkout"].pos() == QPointF(rect.x, rect.y)


def test_pressing_a_card_while_renaming_another_commits_the_rename_first(canvas, session, qtbot):
    scene = canvas.scene()
    editor = scene.rename(scene.cards["checkout"])
    editor.setPlainText("Pay now")
    point = centre(scene.layout.cards["compare"].rect)
    press(canvas, point)
    release(canvas, point)
    assert session.document.touchpoint("checkout").title == "Pay now"
    assert scene.selected_card_ids() == ["compare"]
    assert_the_canvas_shows_the_model(scene)


# -- scrolling at the edge --------------------------------------------------------------------


@pytest.fixture
def small_view(canvas):
    """The canvas in a window too small for the map, scrolled to its top-left corner."""
    canvas.resize(360, 280)
    canvas.horizontalScrollBar().setValue(canvas.horizontalScrollBar().minimum())
    canvas.verticalScrollBar().setValue(canvas.verticalScrollBar().minimum())
    assert canvas.horizontalScrollBar().maximum() > 0 and canvas.verticalScrollBar().maximum() > 0
    return canvas


def hold_near_the_right_edge(view, start: QPointF, modifiers=Qt.KeyboardModifier.NoModifier) -> QPoint:
    press(view, start, modifiers)
    move(view, start + QPointF(12, 0))
    pointer = QPoint(view.viewport().width() - 6, view.mapFromScene(start).y())
    move(view, at_pixel(view, pointer))
    return pointer


@AT_100
def test_a_card_drag_near_the_edge_scrolls_the_view_and_the_card_keeps_up(small_view, session, qtbot):
    scene = small_view.scene()
    start = centre(scene.layout.cards["search"].rect)
    pointer = hold_near_the_right_edge(small_view, start)
    stage_under_pointer = lambda: scene.layout.stage_at_x(at_pixel(small_view, pointer).x())  # noqa: E731
    assert stage_under_pointer() == "browse"
    qtbot.waitUntil(lambda: stage_under_pointer() == "pay", timeout=3000)  # the pointer stands still meanwhile
    under = at_pixel(small_view, pointer)
    item = scene.cards["search"]
    pressed = at_pixel(small_view, small_view.mapFromScene(start))  # the pixel the press landed on
    assert item.pos() == item.home + (under - pressed)
    cell = scene.layout.cell_at(Point(under.x(), under.y()))
    assert scene.indicator.isVisible() and scene.indicator.boundingRect().contains(qrect(scene.layout.cells[cell]))
    release(small_view, under)
    assert not small_view.edge_scroll.scrolling
    assert (session.document.touchpoint("search").stage, session.document.touchpoint("search").lane) == cell
    assert_the_canvas_shows_the_model(scene)


@AT_100
def test_a_connection_drag_near_the_edge_scrolls_and_the_line_follows_the_pointer(small_view, qtbot):
    scene = small_view.scene()
    pointer = hold_near_the_right_edge(small_view, centre(scene.layout.cards["compare"].rect), CONNECT_MODIFIER)
    bar = small_view.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=3000)
    qtbot.wait(60)
    [line] = [item for item in scene.items() if isinstance(item, QGraphicsLineItem)]
    assert line.line().p2() == at_pixel(small_view, pointer)
    release(small_view, at_pixel(small_view, pointer))


@AT_100
def test_a_stage_header_drag_scrolls_sideways_only(small_view, qtbot):
    scene = small_view.scene()
    header = scene.stage_headers["browse"].sceneBoundingRect().center()
    press(small_view, header)
    move(small_view, header + QPointF(12, 0))
    bottom_right = QPoint(small_view.viewport().width() - 4, small_view.viewport().height() - 4)
    move(small_view, at_pixel(small_view, bottom_right))
    qtbot.waitUntil(lambda: small_view.horizontalScrollBar().value() > 0, timeout=3000)
    assert small_view.verticalScrollBar().value() == 0
    release(small_view, at_pixel(small_view, bottom_right))


@AT_100
def test_a_press_near_the_edge_without_a_drag_does_not_scroll(small_view, qtbot):
    scene = small_view.scene()
    bar = small_view.horizontalScrollBar()
    card = centre(scene.layout.cards["checkout"].rect)
    bar.setValue(bar.value() + small_view.mapFromScene(card).x() - (small_view.viewport().width() - 10))
    scrolled = bar.value()
    near = small_view.mapFromScene(card)
    assert near.x() == small_view.viewport().width() - 10
    press(small_view, at_pixel(small_view, near))
    assert isinstance(scene.gesture, CardDrag)
    move(small_view, at_pixel(small_view, near + QPoint(1, 0)))  # a jitter, not yet a drag
    qtbot.wait(100)
    assert bar.value() == scrolled
    release(small_view, at_pixel(small_view, near + QPoint(1, 0)))
    assert bar.value() == scrolled


@AT_100
def test_a_quick_drop_near_the_edge_lands_where_it_was_aimed_and_nothing_scrolls(small_view, session, qtbot):
    scene = small_view.scene()
    bars = small_view.horizontalScrollBar(), small_view.verticalScrollBar()
    start = centre(scene.layout.cards["compare"].rect)
    press(small_view, start)
    move(small_view, start + QPointF(0, 12))
    near_the_bottom = at_pixel(
        small_view, QPoint(small_view.mapFromScene(start).x(), small_view.viewport().height() - 8)
    )
    move(small_view, near_the_bottom)
    qtbot.wait(100)  # less than the pause near the edge that starts the scrolling
    assert [bar.value() for bar in bars] == [0, 0]
    release(small_view, near_the_bottom)
    cell = scene.layout.cell_at(Point(near_the_bottom.x(), near_the_bottom.y()))
    card = session.document.touchpoint("compare")
    assert (card.stage, card.lane) == cell != ("browse", "web")
    assert_the_canvas_shows_the_model(scene)


def test_a_right_press_on_a_card_keeps_the_selection_for_its_context_menu(canvas):
    scene = canvas.scene()
    scene.select_cards(["checkout", "compare"])
    right = Qt.MouseButton.RightButton
    local = QPointF(canvas.mapFromScene(centre(scene.layout.cards["compare"].rect)))
    for kind, buttons in ((QMouseEvent.Type.MouseButtonPress, right), (QMouseEvent.Type.MouseMove, right)):
        event = QMouseEvent(kind, local + QPointF(0, 3), local, right, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(canvas.viewport(), event)
    assert canvas.rubberBandRect().isNull()
    assert scene.selected_card_ids() == ["compare", "checkout"]


def test_escape_cancels_a_card_drag_under_way(canvas, session):
    scene = canvas.scene()
    card = scene.cards["compare"]
    start = card.sceneBoundingRect().center()
    press(canvas, start)
    move(canvas, start + QPointF(0, 80))
    move(canvas, start + QPointF(300, 80))
    canvas.setFocus()
    QTest.keyClick(canvas.viewport(), Qt.Key.Key_Escape)
    release(canvas, start + QPointF(300, 80))
    assert session.undo_stack.count() == 0
    assert_the_canvas_shows_the_model(scene)
