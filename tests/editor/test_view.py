"""The canvas view: a map opens readable, from its top-left corner; Fit Map and 100% still work;
stage and lane headers stay pinned to the view's edges while the map scrolls, and still reorder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from journeymapper.editor.pinned_headers import GAP
from journeymapper.editor.theme import canvas_font
from journeymapper.editor.view import READABLE_TITLE_PX
from journeymapper.formats.json_format import save
from journeymapper.model import JourneyDocument, Lane, Stage, Touchpoint

from gestures import drag
from support import SAMPLES, build_small_map


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch):
    """Closing a window with changes asks to save them: the tests answer Discard, not a person."""
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Discard)


def on_screen_title_px(window) -> float:
    return canvas_font(window.scene.style.title_font_size).pixelSize() * window.view.zoom


def map_top_left_on_screen(window) -> QPointF:
    bounds = window.scene.layout.bounds
    return QPointF(window.view.mapFromScene(QPointF(bounds.x, bounds.y)))


@pytest.mark.parametrize("sample", SAMPLES, ids=[path.stem for path in SAMPLES])
def test_each_sample_opens_readable_in_a_laptop_window_from_its_top_left_corner(window, qtbot, sample):
    window.resize(1366, 768)
    assert window.open_file(sample)
    qtbot.wait(50)  # the second look, once the window has its final size
    assert on_screen_title_px(window) >= READABLE_TITLE_PX
    corner = map_top_left_on_screen(window)
    assert (corner.x(), corner.y()) == (0, 0)  # no empty band above or beside the map


def test_a_small_map_opens_whole_and_readable(window, qtbot, tmp_path):
    window.resize(1600, 1000)
    save(build_small_map(), tmp_path / "small.json")
    window.open_file(tmp_path / "small.json")
    qtbot.wait(50)
    view, bounds = window.view, window.scene.layout.bounds
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.width() >= bounds.width and visible.height() >= bounds.height
    assert on_screen_title_px(window) >= READABLE_TITLE_PX


def test_fit_map_shows_the_whole_map_from_the_top_and_100_percent_is_100_percent(window, qtbot):
    window.resize(1366, 768)
    window.open_file(SAMPLES[0])
    window.view.fit_map()
    view, bounds = window.view, window.scene.layout.bounds
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.width() >= bounds.width - 1 and visible.height() >= bounds.height - 1
    assert map_top_left_on_screen(window).y() == 0
    view.actual_size()
    assert view.zoom == 1.0


@pytest.fixture
def scrolled(window, qtbot):
    """The customer journey at 100%, scrolled right and down into the middle of the map."""
    window.resize(1366, 768)
    window.open_file(next(path for path in SAMPLES if path.name.startswith("year-one")))
    qtbot.wait(50)  # the window's own first look, once it has its final size
    view = window.view
    view.actual_size()
    view.horizontalScrollBar().setValue(400)
    view.verticalScrollBar().setValue(300)
    return window


def visible_rect(window):
    view = window.view
    return view.mapToScene(view.viewport().rect()).boundingRect()


def test_stage_headers_stay_at_the_top_and_lane_headers_at_the_left_while_scrolling(scrolled):
    visible = visible_rect(scrolled)
    for header in scrolled.scene.stage_headers.values():
        assert header.sceneBoundingRect().top() == pytest.approx(visible.top() + GAP - 1)  # the rect's outline
    for header in scrolled.scene.lane_headers.values():
        assert header.sceneBoundingRect().left() == pytest.approx(visible.left() + GAP - 1)


def test_pinned_headers_cover_the_cards_scrolling_under_them(scrolled):
    scene, visible = scrolled.scene, visible_rect(scrolled)
    header = next(iter(scene.stage_headers.values()))
    under = QPointF(header.sceneBoundingRect().center().x(), header.sceneBoundingRect().bottom() - 3)
    top_item = scene.items(under)[0]
    assert top_item is header or top_item.zValue() > max(card.zValue() for card in scene.cards.values())
    corner = QPointF(visible.left() + 2, visible.top() + 2)
    assert scene.items(corner)[0] is scrolled.view._pins.corner


def test_headers_go_back_to_their_places_when_scrolled_back(scrolled):
    scrolled.view.horizontalScrollBar().setValue(0)
    scrolled.view.verticalScrollBar().setValue(0)
    scene = scrolled.scene
    for header in [*scene.stage_headers.values(), *scene.lane_headers.values()]:
        assert header.transform().isIdentity()


def test_dragging_a_pinned_stage_header_still_reorders_the_stages(scrolled):
    scene, view = scrolled.scene, scrolled.view
    first, second = list(scene.document.stages)[:2]
    view.horizontalScrollBar().setValue(0)  # the first two stages in view, the headers pinned down
    header = scene.stage_headers[first].sceneBoundingRect()
    start = header.topLeft() + QPointF(30, 15)  # by its title, clear of the link badge at its middle
    target = scene.stage_headers[second].sceneBoundingRect().center() + QPointF(40, 0)
    drag(view, start, target)
    assert list(scene.document.stages)[:2] == [second, first]
    assert scrolled.session.undo_stack.count() == 1


def test_a_card_dropped_on_a_pinned_header_is_no_drop(scrolled):
    scene, view = scrolled.scene, scrolled.view
    visible = visible_rect(scrolled)
    card_id, card = next(
        (card_id, item) for card_id, item in scene.cards.items() if visible.contains(item.sceneBoundingRect())
    )
    header = next(iter(scene.stage_headers.values())).sceneBoundingRect()
    on_header = QPointF(card.sceneBoundingRect().center().x(), header.center().y())
    before = scene.layout.cards[card_id].rect
    drag(view, card.sceneBoundingRect().center(), on_header)
    assert scrolled.session.undo_stack.count() == 0
    assert scene.layout.cards[card_id].rect == before


def turn_wheel(window, notches: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    viewport = window.view.viewport()
    centre = QPointF(viewport.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(viewport.mapToGlobal(centre.toPoint())),
        QPoint(),
        QPoint(0, -120 * notches),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def test_the_wheel_scrolls_down_and_shift_wheel_scrolls_sideways(scrolled):
    view = scrolled.view
    across, down = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
    turn_wheel(scrolled, -2)  # up: the fixture scrolled as far down as the map goes
    assert view.verticalScrollBar().value() < down
    assert view.horizontalScrollBar().value() == across
    down = view.verticalScrollBar().value()
    turn_wheel(scrolled, 2, Qt.KeyboardModifier.ShiftModifier)
    assert view.horizontalScrollBar().value() > across
    assert view.verticalScrollBar().value() == down
    turn_wheel(scrolled, -2, Qt.KeyboardModifier.ShiftModifier)
    assert view.horizontalScrollBar().value() == across


@pytest.fixture
def tall_lane(window, qtbot, tmp_path):
    """A map whose first lane holds forty cards in one cell, far taller than the view, at 100%."""
    document = JourneyDocument("tall", "Tall", "user")
    document.add_stage(Stage(id="s", name="Only stage"))
    document.add_lane(Lane(id="long", name="A lane with a great many cards"))
    document.add_lane(Lane(id="short", name="Short lane"))
    document.add_touchpoints(
        Touchpoint(id=f"t{number}", stage="s", lane="long", index=number, title=f"Step {number}")
        for number in range(40)
    )
    path = tmp_path / "tall.json"
    save(document, path)
    window.resize(1366, 768)
    window.open_file(path)
    qtbot.wait(50)
    window.view.actual_size()
    return window


def name_top_in_scene(window, lane_id: str) -> float:
    header = window.scene.lane_headers[lane_id]
    return header.mapToScene(QPointF(0, header.name_top)).y()


def test_a_lane_taller_than_the_view_keeps_its_name_in_sight_while_scrolled(tall_lane):
    view, scene = tall_lane.view, tall_lane.scene
    lane = scene.layout.rows["long"]
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 3)
    stage_header = next(iter(scene.stage_headers.values())).sceneBoundingRect()
    visible = visible_rect(tall_lane)
    assert lane.y < stage_header.bottom()  # the lane's own top has scrolled under the stage headers
    assert stage_header.bottom() - 1 <= name_top_in_scene(tall_lane, "long") < visible.center().y()
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    assert name_top_in_scene(tall_lane, "long") < lane.bottom - scene.style.header_line_height
    view.verticalScrollBar().setValue(0)
    assert name_top_in_scene(tall_lane, "long") == pytest.approx(lane.y + 2)
