"""Building a map without the mouse: Enter adds a card after the selected one and opens its title,
Tab and Shift+Tab step through the cards in reading order, and the "+" in a cell adds a card there.
Real key events go to the view, as a keyboard sends them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from journeymapper.editor.cell_adder import CellAdder
from journeymapper.editor.inline_editor import InlineEditor
from journeymapper.editor.keyboard import NEW_TITLE

from gestures import centre, move, press, release
from support import SAMPLES


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch):
    """Edits are left unsaved: the window closing at the end of a test discards them."""
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Discard)


@pytest.fixture
def keyboard(canvas, qtbot):
    """The canvas with the keyboard focus, as after a click on it."""
    canvas.activateWindow()
    canvas.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(canvas.hasFocus)
    return canvas


def key(view, key, modifiers=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(view, key, modifiers)


def type_text(view, text):
    QTest.keyClicks(view, text)


def selected(view):
    return view.scene().selected_card_ids()


def editor(view):
    item = view.scene().focusItem()
    return item if isinstance(item, InlineEditor) else None


def test_tab_steps_through_the_cards_in_reading_order_and_goes_round(keyboard, session):
    order = [card.id for card in session.document.touchpoints()]
    assert order == ["compare", "search", "checkout", "charge"]  # stage by stage, lane by lane, top down
    seen = []
    for _ in range(len(order) + 1):
        key(keyboard, Qt.Key.Key_Tab)
        seen += selected(keyboard)
    assert seen == [*order, order[0]]
    key(keyboard, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert selected(keyboard) == [order[-1]]
    key(keyboard, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert selected(keyboard) == [order[-2]]
    assert keyboard.hasFocus() and session.undo_stack.count() == 0  # selection is no edit


def test_shift_tab_with_nothing_selected_selects_the_last_card(keyboard, session):
    key(keyboard, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert selected(keyboard) == ["charge"]


def test_building_a_small_map_with_the_keyboard_alone(keyboard, session):
    stack = session.undo_stack
    key(keyboard, Qt.Key.Key_Tab)  # the first card: Compare sizes, in Browse / Web team
    assert selected(keyboard) == ["compare"]

    key(keyboard, Qt.Key.Key_Return)  # a new card after it, its title open for typing
    assert editor(keyboard) is not None and editor(keyboard).toPlainText() == NEW_TITLE
    type_text(keyboard, "Reads the size guide")  # typing replaces the whole placeholder
    key(keyboard, Qt.Key.Key_Return)
    assert editor(keyboard) is None
    assert [session.document.touchpoint(card).title for card in session.document.cell("browse", "web")] == [
        "Compare sizes",
        "Reads the size guide",
        "Search for shoes",
    ]
    assert stack.count() == 1 and stack.undoText() == "Add 'Reads the size guide' to Browse / Web team"

    key(keyboard, Qt.Key.Key_Return)  # and another one after the new card
    type_text(keyboard, "Picks a size")
    key(keyboard, Qt.Key.Key_Enter)  # the keypad's Enter keeps the title too
    titles = [session.document.touchpoint(card).title for card in session.document.cell("browse", "web")]
    assert titles == ["Compare sizes", "Reads the size guide", "Picks a size", "Search for shoes"]
    assert stack.count() == 2
    new_card = session.document.cell("browse", "web")[2]
    assert selected(keyboard) == [new_card]

    key(keyboard, Qt.Key.Key_Tab)  # on along the reading order
    assert selected(keyboard) == ["search"]
    key(keyboard, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert selected(keyboard) == [new_card]

    stack.undo()  # each card with its title is one step
    assert not session.document.has_touchpoint(new_card)
    stack.undo()
    assert session.document.cell("browse", "web") == ("compare", "search") and not session.modified
    stack.redo()
    assert session.document.touchpoint(session.document.cell("browse", "web")[1]).title == "Reads the size guide"


def test_a_new_card_keeps_the_channel_of_the_card_before_it(keyboard, session):
    session.document.update_touchpoint("checkout", channel="email")
    keyboard.scene().select_cards(["checkout"])
    key(keyboard, Qt.Key.Key_Return)
    key(keyboard, Qt.Key.Key_Return)  # the placeholder title kept
    card = session.document.touchpoint(session.document.cell("pay", "web")[1])
    assert (card.title, card.channel) == (NEW_TITLE, "email")
    assert session.undo_stack.undoText() == f"Add '{NEW_TITLE}' to Purchase / Web team"


def test_escape_on_a_new_card_takes_it_back_and_leaves_nothing_to_redo(keyboard, session):
    key(keyboard, Qt.Key.Key_Tab)
    key(keyboard, Qt.Key.Key_Return)
    type_text(keyboard, "Never mind")
    key(keyboard, Qt.Key.Key_Escape)
    assert editor(keyboard) is None
    assert session.document.cell("browse", "web") == ("compare", "search")
    stack = session.undo_stack
    assert (stack.count(), stack.canRedo(), session.modified) == (0, False, False)
    keyboard.scene().flush()
    assert selected(keyboard) == ["compare"]  # back on the card Enter was pressed on


def test_escape_after_a_save_keeps_the_new_card(keyboard, session, tmp_path):
    key(keyboard, Qt.Key.Key_Tab)
    key(keyboard, Qt.Key.Key_Return)
    session.save(tmp_path / "map.json")  # Ctrl+S while typing: the card is part of the saved map now
    key(keyboard, Qt.Key.Key_Escape)
    assert len(session.document.cell("browse", "web")) == 3 and session.undo_stack.count() == 1


def test_a_title_typed_after_a_save_is_a_step_of_its_own(keyboard, session, tmp_path):
    key(keyboard, Qt.Key.Key_Tab)
    key(keyboard, Qt.Key.Key_Return)
    session.save(tmp_path / "map.json")
    type_text(keyboard, "Reads the size guide")
    key(keyboard, Qt.Key.Key_Return)
    stack = session.undo_stack
    assert stack.count() == 2 and stack.undoText() == f"Rename '{NEW_TITLE}' to 'Reads the size guide'"
    stack.undo()
    assert not session.modified  # back to the saved map, the card with its placeholder title


def test_enter_with_nothing_selected_adds_nothing(keyboard, session):
    key(keyboard, Qt.Key.Key_Return)
    assert session.document.touchpoint_count() == 4 and editor(keyboard) is None


def test_f2_renames_the_selected_card(keyboard, session):
    keyboard.scene().select_cards(["charge"])
    key(keyboard, Qt.Key.Key_F2)
    type_text(keyboard, "Take payment")
    key(keyboard, Qt.Key.Key_Return)
    assert session.document.touchpoint("charge").title == "Take payment"


def test_a_card_out_of_sight_is_brought_into_view(keyboard, session):
    scene = keyboard.scene()
    keyboard.resize(300, 240)
    keyboard.centerOn(0, 0)
    key(keyboard, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)  # the last card, far right and down
    seen = keyboard.mapToScene(keyboard.viewport().rect()).boundingRect()
    assert seen.contains(scene.cards["charge"].sceneBoundingRect().center())


# -- the focus outside the canvas ---------------------------------------------------------------


def test_tab_still_moves_the_focus_between_the_inspectors_fields(window, qtbot):
    window.open_file(SAMPLES[0])
    window.scene.select_cards([next(iter(window.scene.cards))])
    window.inspector.refresh()
    field = next(widget for widget in window.inspector.findChildren(QLineEdit) if widget.isVisible())
    window.activateWindow()
    field.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(field.hasFocus)
    before = window.scene.selected_card_ids()
    QTest.keyClick(field, Qt.Key.Key_Tab)
    now = QApplication.focusWidget()
    assert now is not field and window.inspector.isAncestorOf(now)  # the next field, not the canvas
    assert window.scene.selected_card_ids() == before


def test_ctrl_tab_leaves_the_canvas(window, qtbot):
    window.open_file(SAMPLES[0])
    window.activateWindow()
    window.view.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(window.view.hasFocus)
    QTest.keyClick(window.view, Qt.Key.Key_Tab)
    assert window.view.hasFocus() and len(window.scene.selected_card_ids()) == 1
    QTest.keyClick(window.view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert not window.view.hasFocus()


# -- the "+" in a cell --------------------------------------------------------------------------


def hover(view, point: QPointF) -> None:
    """The pointer moves over ``point`` with no button held."""
    local = QPointF(view.mapFromScene(point))
    event = QMouseEvent(
        QMouseEvent.Type.MouseMove,
        local,
        QPointF(view.viewport().mapToGlobal(local.toPoint())),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), event)


def adder(view) -> CellAdder:
    return view.scene().adder


def test_the_plus_shows_in_the_empty_part_of_a_cell_and_not_over_cards(canvas):
    layout = canvas.scene().layout
    cell = layout.cells[("pay", "payments")]
    charge = layout.cards["charge"].rect
    hover(canvas, QPointF(cell.x + cell.width / 2, charge.bottom + 10))
    assert adder(canvas).isVisible() and adder(canvas).cell == ("pay", "payments")
    assert not adder(canvas).sceneBoundingRect().intersects(canvas.scene().cards["charge"].sceneBoundingRect())
    hover(canvas, centre(charge))
    assert not adder(canvas).isVisible()
    empty = layout.cells[("browse", "payments")]
    hover(canvas, centre(empty))
    assert adder(canvas).isVisible() and adder(canvas).cell == ("browse", "payments")
    hover(canvas, QPointF(-100, -100))  # off the grid
    assert not adder(canvas).isVisible()


def test_clicking_the_plus_adds_a_card_at_the_end_of_the_cell_and_opens_its_title(canvas, session):
    layout = canvas.scene().layout
    cell = layout.cells[("browse", "web")]
    hover(canvas, QPointF(cell.x + 4, cell.bottom - 4))
    spot = adder(canvas).scenePos()
    press(canvas, spot)
    release(canvas, spot)
    assert editor(canvas) is not None
    canvas.setFocus()
    QTest.keyClicks(canvas.viewport(), "Asks a friend")
    QTest.keyClick(canvas.viewport(), Qt.Key.Key_Return)
    cards = session.document.cell("browse", "web")
    assert len(cards) == 3 and session.document.touchpoint(cards[-1]).title == "Asks a friend"
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Add 'Asks a friend' to Browse / Web team"


def test_the_plus_stays_out_of_the_way_of_a_drag(canvas):
    layout = canvas.scene().layout
    hover(canvas, centre(layout.cells[("browse", "payments")]))
    assert adder(canvas).isVisible()
    press(canvas, centre(layout.cards["compare"].rect))
    move(canvas, centre(layout.cells[("browse", "payments")]))
    assert not adder(canvas).isVisible()
    release(canvas, centre(layout.cells[("browse", "payments")]))


def test_escape_reaches_the_title_editor_in_the_window_whose_find_field_also_takes_escape(window, qtbot):
    window.open_file(SAMPLES[0])
    window.activateWindow()
    window.view.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(window.view.hasFocus)
    count = window.session.document.touchpoint_count()
    key(window.view, Qt.Key.Key_Tab)
    key(window.view, Qt.Key.Key_Return)
    assert editor(window.view) is not None
    type_text(window.view, "Oops")
    key(window.view, Qt.Key.Key_Escape)
    assert editor(window.view) is None
    assert window.session.document.touchpoint_count() == count and not window.session.modified
