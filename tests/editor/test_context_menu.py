"""Right-click menus: what they offer where, and what their actions do (one undo step each)."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from journeymapper.editor.context_menu import build_menu

from gestures import centre


def actions(menu) -> dict:
    return {action.text(): action for action in menu.actions() if action.text()}


def test_a_card_menu_renames_duplicates_and_deletes(canvas, session):
    scene = canvas.scene()
    menu = build_menu(scene, centre(scene.layout.cards["checkout"].rect))
    assert list(actions(menu)) == ["Rename", "Duplicate", "Copy", "Delete card"]
    actions(menu)["Delete card"].trigger()
    assert not session.document.has_touchpoint("checkout")
    assert session.undo_stack.undoText() == "Delete 'Checkout'"


def test_a_stage_menu_inserts_on_either_side_and_deletes_with_its_cards(canvas, session):
    scene = canvas.scene()
    menu = build_menu(scene, centre(scene.layout.stage_headers["pay"].rect))
    assert list(actions(menu)) == ["Rename", "Insert stage left", "Insert stage right", "Delete stage and its 2 cards"]
    actions(menu)["Insert stage right"].trigger()
    assert list(session.document.stages)[:2] == ["browse", "pay"] and len(session.document.stages) == 3
    scene.flush()
    menu = build_menu(scene, centre(scene.layout.stage_headers["pay"].rect))
    actions(menu)["Delete stage and its 2 cards"].trigger()
    assert "pay" not in session.document.stages
    assert not session.document.has_touchpoint("charge")
    assert session.undo_stack.undoText() == "Delete stage 'Purchase'"
    session.undo_stack.undo()
    assert list(session.document.stages)[1] == "pay"
    assert session.document.cell("pay", "payments") == ("charge",)
    assert {c.id for c in session.document.connections()} == {"c1", "c2", "c3"}


def test_a_lane_menu_inserts_above_and_below(canvas, session):
    scene = canvas.scene()
    menu = build_menu(scene, centre(scene.layout.lane_headers["web"].rect))
    actions(menu)["Insert lane above"].trigger()
    assert list(session.document.lanes)[1:] == ["web", "payments", "mood"]


def test_an_empty_cell_offers_a_new_touchpoint_there(canvas, session):
    scene = canvas.scene()
    cell = scene.layout.cells[("browse", "payments")]
    menu = build_menu(scene, centre(cell))
    actions(menu)["Add touchpoint here"].trigger()
    assert len(session.document.cell("browse", "payments")) == 1


def test_outside_the_grid_there_is_no_menu(canvas):
    scene = canvas.scene()
    assert build_menu(scene, QPointF(-150, -150)) is None
