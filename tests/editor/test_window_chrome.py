"""The window keeps still: a toolbar of icons whose width no edit changes, a status bar that is
always there with the zoom in it, redo on Ctrl+Y and Ctrl+Shift+Z, a History list that shows whole
steps, palette entries with the PDF's channel icons, and a start page with a picture of each
template that never scrolls sideways."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton, QToolTip

from journeymapper.editor.glyphs import channel_glyph
from journeymapper.editor.mime import NewTouchpoint
from journeymapper.editor.palette import ENTRIES
from journeymapper.glyphs import CHANNEL_GLYPHS, OTHER, channel_glyph_name

from support import SAMPLES

SAMPLE = next(path for path in SAMPLES if path.name == "year-one-customer-journey.json")


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch):
    """Edits are left unsaved: the window closing at the end of a test discards them."""
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Discard)


def toolbar_buttons(window):
    return [button for button in window.toolbar.findChildren(QToolButton) if button.defaultAction() is not None]


def delete_a_card(window):
    card = next(iter(window.scene.cards))
    window.scene.select_cards([card])
    window.scene.delete_selection()


# -- redo ---------------------------------------------------------------------------------------


def test_redo_answers_ctrl_y_and_ctrl_shift_z_on_every_platform(window):
    keys = window.redo_action.shortcuts()
    assert QKeySequence("Ctrl+Y") in keys and QKeySequence("Ctrl+Shift+Z") in keys
    assert len(keys) == len(set(key.toString() for key in keys))


@pytest.mark.parametrize("modifiers", [Qt.KeyboardModifier.ControlModifier, None])
def test_ctrl_y_and_ctrl_shift_z_redo_what_ctrl_z_undid(window, qtbot, modifiers):
    window.open_file(SAMPLE)
    delete_a_card(window)
    count = window.session.document.touchpoint_count()
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.document.touchpoint_count() == count + 1
    if modifiers is None:
        redo = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    else:
        redo = (Qt.Key.Key_Y, modifiers)
    QTest.keyClick(window.view, *redo)
    assert window.session.document.touchpoint_count() == count


# -- the toolbar --------------------------------------------------------------------------------


def test_the_toolbar_shows_icons_only_and_keeps_its_width_through_edits(window):
    window.open_file(SAMPLE)
    buttons = toolbar_buttons(window)
    assert buttons and all(button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly for button in buttons)
    assert all(not button.icon().isNull() for button in buttons)
    width = window.toolbar.sizeHint().width()
    delete_a_card(window)
    assert window.undo_action.text().startswith("Undo Delete '")
    assert window.toolbar.sizeHint().width() == width
    window.undo_action.trigger()
    assert window.toolbar.sizeHint().width() == width


def test_the_undo_text_and_keys_are_in_the_tooltip(window):
    window.open_file(SAMPLE)
    delete_a_card(window)
    tip = window.undo_action.toolTip()
    assert tip.startswith("Undo Delete '") and tip.endswith(f"({QKeySequence('Ctrl+Z').toString()})")
    window.undo_action.trigger()
    assert window.redo_action.toolTip().startswith("Redo Delete '") and "Ctrl+Y" in window.redo_action.toolTip()
    assert window.undo_action.toolTip().startswith("Undo (")
    assert window.save_action.toolTip() == f"Save ({QKeySequence('Ctrl+S').toString()})"
    assert window.navigator.back_action.toolTip() == "Back (Alt+Left)"  # an action's own tooltip stays


# -- the status bar -----------------------------------------------------------------------------


def test_the_status_bar_is_there_from_the_start_and_the_canvas_keeps_its_height(window, qtbot, tmp_path):
    assert window.statusBar().isVisible()  # on the start page already
    window.open_file(SAMPLE)
    qtbot.wait(10)
    height = window.view.height()
    window.statusBar().showMessage("Saved somewhere", 4000)
    qtbot.wait(10)
    assert window.view.height() == height
    window.statusBar().clearMessage()
    qtbot.wait(10)
    assert window.view.height() == height and window.statusBar().isVisible()


def test_the_zoom_shows_at_the_right_of_the_status_bar(window, qtbot):
    window.open_file(SAMPLE)
    window.view.actual_size()
    qtbot.waitUntil(lambda: window.zoom_indicator.text() == "100%")
    window.view.zoom_in()
    qtbot.waitUntil(lambda: window.zoom_indicator.text() == "125%")
    menu = window.zoom_indicator.menu()
    assert [action.text() for action in menu.actions()] == [action.text() for action in window.zoom_actions]
    width = window.zoom_indicator.width()
    window.view.set_zoom(0.05)
    qtbot.waitUntil(lambda: window.zoom_indicator.text() == "5%")
    assert window.zoom_indicator.width() == width


# -- History ------------------------------------------------------------------------------------


def test_history_wraps_long_steps_and_shows_them_whole_in_a_tooltip(window, qtbot):
    window.open_file(SAMPLE)
    delete_a_card(window)
    history = window.history
    assert history.wordWrap() and history.minimumWidth() >= 160
    text = history.model().index(1, 0).data()
    assert text.startswith("Delete '")
    window.history_dock.show()
    window.history_dock.raise_()
    qtbot.waitUntil(history.isVisible)
    rect = history.visualRect(history.model().index(1, 0))
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), history.viewport().mapToGlobal(rect.center()))
    QApplication.sendEvent(history.viewport(), event)
    assert QToolTip.text() == text
    QToolTip.hideText()


# -- the palette --------------------------------------------------------------------------------


def test_every_channel_in_the_palette_has_the_icon_the_pdf_prints(window):
    channels = [entry.channel for _, entry in ENTRIES if isinstance(entry, NewTouchpoint) and entry.channel]
    assert channels and all(channel_glyph_name(channel) != "other" for channel in channels)
    assert all(channel_glyph(channel) in CHANNEL_GLYPHS.values() for channel in channels)
    assert channel_glyph("telepathy") == OTHER
    palette = window.palette_dock.list
    icons = [palette.item(row).icon().pixmap(20, 20).toImage() for row in range(palette.count())]
    email = next(row for row, (_, entry) in enumerate(ENTRIES) if getattr(entry, "channel", "") == "email")
    web = next(row for row, (_, entry) in enumerate(ENTRIES) if getattr(entry, "channel", "") == "web")
    assert icons[email] != icons[web] != icons[0]


# -- the start page -----------------------------------------------------------------------------


@pytest.mark.parametrize("width", [1366, 1366 // 2])
def test_the_start_page_never_scrolls_sideways(window, qtbot, width):
    window.resize(width, 768)
    qtbot.wait(20)
    page = window.start_page
    assert page.widget().minimumSizeHint().width() <= page.viewport().width()
    assert not page.horizontalScrollBar().isVisible()


@pytest.mark.parametrize("width", [800, 1366, 1920])
def test_each_template_tile_shows_its_name_and_details_below_its_picture_at_any_width(window, qtbot, width):
    from journeymapper.editor.start_page import TemplateTile

    window.resize(width, 768)
    qtbot.wait(20)
    for tile in window.start_page.findChildren(TemplateTile):
        text_band = tile.height() - tile.thumbnail_area().bottom()
        assert text_band >= 2 * tile.fontMetrics().height() + 6, tile.template.name
        image = tile.grab().toImage()
        top = int(tile.thumbnail_area().bottom()) + 4
        inked = {image.pixel(x, y) for x in range(8, tile.width() - 8) for y in range(top, tile.height() - 4)}
        assert len(inked) > 2, tile.template.name  # the name and details are drawn there


def test_each_template_shows_a_picture_drawn_from_its_layout(window, qtbot):
    from journeymapper.editor.start_page import TemplateTile

    tiles = window.start_page.findChildren(TemplateTile)
    assert len(tiles) == 5
    pictures = []
    for tile in tiles:
        image = tile.grab().toImage()
        area = tile.thumbnail_area().toRect()
        colours = {
            image.pixel(x, y) for x in range(area.left(), area.right(), 3) for y in range(area.top(), area.bottom(), 3)
        }
        assert len(colours) > 5  # lanes in their colours, headers, grid: not a blank box
        pictures.append(image.copy(area))
    assert len({picture.cacheKey() for picture in pictures}) == len(pictures)
    business = next(tile for tile in tiles if tile.template.name == "business")
    QTest.mouseClick(business, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert window.session.document.kind == "business"
