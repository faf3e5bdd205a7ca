"""Building the map with the mouse: every gesture is one undo step that touches only the model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtTest import QTest

from journeymapper.editor.commands import AddTouchpoints
from journeymapper.editor.mime import NewLane, NewStage, NewTouchpoint, palette_mime
from journeymapper.model import LaneKind, Touchpoint

from gestures import centre, double_click, drag, drop, move, press, release


def placement(document, card_id):
    card = document.touchpoint(card_id)
    return card.stage, card.lane, card.index


def layout_of(view):
    view.scene().flush()
    return view.scene().layout


def test_the_scene_draws_every_card_connection_and_header(canvas, session):
    scene = canvas.scene()
    assert set(scene.cards) == {"search", "compare", "checkout", "charge"}
    assert set(scene.connectors) == {"c1", "c2", "c3"}
    assert set(scene.stage_headers) == {"browse", "pay"} and len(scene.lane_headers) == 3
    card = scene.cards["checkout"]
    assert card.pos() == QPointF(scene.layout.cards["checkout"].rect.x, scene.layout.cards["checkout"].rect.y)


def test_dropping_a_palette_touchpoint_creates_a_card_in_the_cell_under_the_cursor(canvas, session):
    layout = layout_of(canvas)
    target = layout.cells[("pay", "payments")]
    below_charge = QPointF(target.x + target.width / 2, layout.cards["charge"].rect.bottom + 10)
    assert drop(canvas, palette_mime(NewTouchpoint(channel="email", label="Email")), below_charge)
    stack = session.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Add email to Purchase / Payments"
    new = [
        card for card in session.document.touchpoints() if card.id not in {"search", "compare", "checkout", "charge"}
    ]
    assert [(c.stage, c.lane, c.index, c.channel) for c in new] == [("pay", "payments", 1, "email")]
    assert canvas.scene().selected_card_ids() == [new[0].id]
    stack.undo()
    assert session.document.touchpoint_count() == 4


def test_dropping_a_stage_or_lane_inserts_it_where_it_falls(canvas, session):
    layout = layout_of(canvas)
    between = QPointF(layout.stage_edges[1] - 5, layout.lane_edges[0] + 20)
    assert drop(canvas, palette_mime(NewStage()), between)
    assert list(session.document.stages)[1].startswith("stage-")
    layout = layout_of(canvas)
    at_bottom = QPointF(layout.stage_edges[0] + 20, layout.lane_edges[-1] - 5)
    assert drop(canvas, palette_mime(NewLane(kind=LaneKind.BACKSTAGE)), at_bottom)
    last_lane = list(session.document.lanes.values())[-1]
    assert last_lane.kind == LaneKind.BACKSTAGE
    assert session.undo_stack.count() == 2


def test_foreign_or_malformed_drags_are_refused(canvas, session):
    junk = QMimeData()
    junk.setData("application/x-journeymapper-palette+json", b'{"item": "touchpoint", "channel": 5}')
    assert not drop(canvas, junk, centre(layout_of(canvas).cells[("pay", "web")]))
    text = QMimeData()
    text.setText("hello")
    assert not drop(canvas, text, centre(layout_of(canvas).cells[("pay", "web")]))
    assert session.undo_stack.count() == 0


def test_dragging_a_card_to_another_cell_moves_it_in_one_undo_step(canvas, session):
    layout = layout_of(canvas)
    start = centre(layout.cards["compare"].rect)
    payments = layout.cells[("pay", "payments")]
    end = QPointF(payments.x + payments.width / 2, layout.cards["charge"].rect.y + 2)
    drag(canvas, start, end)
    assert placement(session.document, "compare") == ("pay", "payments", 0)
    assert placement(session.document, "charge") == ("pay", "payments", 1)
    assert placement(session.document, "search") == ("browse", "web", 0)
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Move 'Compare sizes' to Purchase / Payments"
    session.undo_stack.undo()
    assert placement(session.document, "compare") == ("browse", "web", 0)
    assert placement(session.document, "search") == ("browse", "web", 1)
    assert placement(session.document, "charge") == ("pay", "payments", 0)


def test_dragging_a_card_down_its_own_cell_reorders_it(canvas, session):
    layout = layout_of(canvas)
    below_search = QPointF(centre(layout.cards["search"].rect).x(), layout.cards["search"].rect.bottom + 4)
    drag(canvas, centre(layout.cards["compare"].rect), below_search)
    assert session.document.cell("browse", "web") == ("search", "compare")
    session.undo_stack.undo()
    assert session.document.cell("browse", "web") == ("compare", "search")


def test_the_target_cell_and_slot_are_highlighted_while_dragging(canvas, session):
    layout = layout_of(canvas)
    start = centre(layout.cards["compare"].rect)
    target = centre(layout.cells[("pay", "payments")])
    press(canvas, start)
    move(canvas, start + QPointF(10, 10))
    move(canvas, target)
    indicator = canvas.scene().indicator
    assert indicator.isVisible()
    assert indicator.boundingRect().contains(target)
    release(canvas, target)
    assert not indicator.isVisible()


def test_a_drag_dropped_outside_the_grid_changes_nothing(canvas, session):
    layout = layout_of(canvas)
    start = centre(layout.cards["compare"].rect)
    drag(canvas, start, QPointF(layout.bounds.right + 150, layout.bounds.bottom + 150))
    canvas.scene().flush()
    assert session.undo_stack.count() == 0
    assert canvas.scene().cards["compare"].pos() == QPointF(
        layout.cards["compare"].rect.x, layout.cards["compare"].rect.y
    )


def test_a_multi_selection_moves_together_and_keeps_its_order(canvas, session):
    layout = layout_of(canvas)
    canvas.scene().select_cards(["compare", "search"])
    web_pay = layout.cells[("pay", "web")]
    end = QPointF(web_pay.x + web_pay.width / 2, layout.cards["checkout"].rect.bottom + 4)
    drag(canvas, centre(layout.cards["compare"].rect), end)
    assert session.document.cell("pay", "web") == ("checkout", "compare", "search")
    assert session.undo_stack.undoText() == "Move 2 cards to Purchase / Web team"
    session.undo_stack.undo()
    assert session.document.cell("browse", "web") == ("compare", "search")
    assert session.document.cell("pay", "web") == ("checkout",)


def test_dragging_a_stage_header_sideways_reorders_the_stages(canvas, session):
    layout = layout_of(canvas)
    header = layout.stage_headers["browse"].rect
    drag(canvas, centre(header), QPointF(layout.stage_edges[-1] - 10, header.y + 10))
    assert list(session.document.stages) == ["pay", "browse"]
    assert session.document.touchpoint("compare").stage == "browse"
    assert session.undo_stack.undoText() == "Move stage 'Browse' to position 2"
    session.undo_stack.undo()
    assert list(session.document.stages) == ["browse", "pay"]


def test_dragging_a_lane_header_reorders_the_lanes(canvas, session):
    layout = layout_of(canvas)
    header = layout.lane_headers["mood"].rect
    drag(canvas, centre(header), QPointF(header.x + 10, layout.lane_edges[0] + 5))
    assert list(session.document.lanes) == ["mood", "web", "payments"]
    session.undo_stack.undo()
    assert list(session.document.lanes) == ["web", "payments", "mood"]


def test_dragging_from_a_cards_handle_to_another_card_connects_them(canvas, session):
    layout = layout_of(canvas)
    search = canvas.scene().cards["search"]
    handle = search.mapToScene(search.handle_centre())
    drag(canvas, handle, centre(layout.cards["charge"].rect))
    added = [c for c in session.document.connections() if c.id not in {"c1", "c2", "c3"}]
    assert [(c.source, c.target, c.kind) for c in added] == [("search", "charge", "flow")]
    assert session.undo_stack.undoText() == "Connect 'Search for shoes' to 'Charge card'"
    assert placement(session.document, "search") == ("browse", "web", 1)


def test_connecting_a_pair_that_is_already_connected_is_refused_with_a_reason(canvas, session, qtbot):
    layout = layout_of(canvas)
    search = canvas.scene().cards["search"]
    with qtbot.waitSignal(canvas.scene().refused) as refusal:
        drag(canvas, search.mapToScene(search.handle_centre()), centre(layout.cards["compare"].rect))
    assert refusal.args[0] == "'Search for shoes' is already connected to 'Compare sizes'"
    assert session.undo_stack.count() == 0


def test_delete_removes_the_selection_with_its_connections_and_undo_restores_them(canvas, session):
    scene = canvas.scene()
    before = session.document.to_file()
    scene.select_cards(["compare", "checkout"])
    scene.delete_selection()
    assert not session.document.has_touchpoint("compare")
    assert [c.id for c in session.document.connections()] == []
    assert session.undo_stack.undoText() == "Delete 2 cards"
    session.undo_stack.undo()
    assert session.document.to_file().touchpoints == before.touchpoints
    assert {c.id for c in session.document.connections()} == {"c1", "c2", "c3"}


def test_a_delete_that_moves_hundreds_of_cards_leaves_each_where_a_click_finds_it(canvas, session):
    """Past a few hundred changed items the scene rebuilds its item index once rather than item by
    item: afterwards, as after any edit, the card under a point is the card drawn there."""
    scene = canvas.scene()
    many = [Touchpoint(id=f"many{n}", stage="browse", lane="payments", index=n, title=f"Step {n}") for n in range(400)]
    scene.push(AddTouchpoints(session.document, many, "Add 400 cards"))
    scene.flush()
    scene.select_cards([card.id for card in many[::2]])
    scene.delete_selection()
    scene.flush()
    assert session.undo_stack.count() == 2 and session.undo_stack.undoText() == "Delete 200 cards"
    assert all_cards_found_where_drawn(scene)
    session.undo_stack.undo()
    scene.flush()
    assert len(scene.cards) == 404 and all_cards_found_where_drawn(scene)


def all_cards_found_where_drawn(scene):
    def at_centre(card_id):
        rect = scene.layout.cards[card_id].rect
        return scene.items(QPointF(rect.x + rect.width / 2, rect.y + rect.height / 2))

    return all(item in at_centre(card_id) for card_id, item in scene.cards.items())


def test_a_selected_connection_can_be_deleted_on_its_own(canvas, session):
    scene = canvas.scene()
    scene.clearSelection()
    scene.connectors["c2"].setSelected(True)
    scene.delete_selection()
    assert {c.id for c in session.document.connections()} == {"c1", "c3"}
    assert session.document.touchpoint_count() == 4


def test_double_click_renames_a_card_in_place(canvas, session, qtbot):
    layout = layout_of(canvas)
    double_click(canvas, centre(layout.cards["checkout"].rect))
    editor = canvas.scene().focusItem()
    assert editor is not None and editor.toPlainText() == "Checkout"
    QTest.keyClicks(canvas.viewport(), "Pay securely")
    QTest.keyClick(canvas.viewport(), Qt.Key.Key_Return)
    assert session.document.touchpoint("checkout").title == "Pay securely"
    assert session.undo_stack.undoText() == "Rename 'Checkout' to 'Pay securely'"


def test_escape_cancels_an_inline_rename(canvas, session):
    layout = layout_of(canvas)
    double_click(canvas, centre(layout.stage_headers["pay"].rect))
    QTest.keyClicks(canvas.viewport(), "Nope")
    QTest.keyClick(canvas.viewport(), Qt.Key.Key_Escape)
    assert session.document.stages["pay"].name == "Purchase"
    assert session.undo_stack.count() == 0


def test_double_click_renames_a_lane_header(canvas, session):
    layout = layout_of(canvas)
    double_click(canvas, centre(layout.lane_headers["payments"].rect))
    QTest.keyClicks(canvas.viewport(), "Billing")
    QTest.keyClick(canvas.viewport(), Qt.Key.Key_Return)
    assert session.document.lanes["payments"].name == "Billing"


def test_arrow_key_nudges_merge_into_one_undo_step(canvas, session):
    canvas.scene().select_cards(["compare"])
    canvas.setFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Up):
        QTest.keyClick(canvas.viewport(), key)
    assert placement(session.document, "compare") == ("pay", "web", 0)
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert placement(session.document, "compare") == ("browse", "web", 0)


@pytest.mark.parametrize(
    ("key", "order"),
    [
        (Qt.Key.Key_Down, ("third", "compare", "search")),
        (Qt.Key.Key_Up, ("compare", "search", "third")),  # at the top already: nothing moves
    ],
)
def test_cards_nudged_together_in_one_cell_move_as_a_block(canvas, session, key, order):
    session.document.add_touchpoint(Touchpoint(id="third", stage="browse", lane="web", index=2, title="Third"))
    canvas.scene().select_cards(["compare", "search"])
    canvas.setFocus()
    QTest.keyClick(canvas.viewport(), key)
    assert session.document.cell("browse", "web") == order
    assert session.undo_stack.count() == (1 if key == Qt.Key.Key_Down else 0)


def test_dropping_a_map_file_asks_the_window_to_open_it(canvas, qtbot, tmp_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "other.json"))])
    with qtbot.waitSignal(canvas.scene().file_dropped) as dropped:
        assert drop(canvas, mime, QPointF(10, 10))
    assert dropped.args[0].name == "other.json"


def test_far_out_the_cards_are_drawn_as_plain_blocks(canvas):
    canvas.set_zoom(0.1)
    assert canvas.zoom == 0.1
    canvas.viewport().grab()  # paints through the level-of-detail branch without error
    canvas.set_zoom(100)
    assert canvas.zoom == 4.0
