"""The icon strips at the window's edges: one click collapses a side's docks to their icons and
gives the canvas the width; another brings the dock back."""

from __future__ import annotations

from journeymapper.editor.dock_strips import toggle


def strip_action(strip, title):
    return next(action for action in strip.actions() if action.text() == title)


def test_each_dock_has_an_icon_on_its_side(window):
    left, right = window.dock_strips
    assert [action.text() for action in left.actions()] == ["Palette", "History"]
    assert [action.text() for action in right.actions()] == [
        "Inspector",
        "Insights",
        "Conflicts",
        "Changes",
        "Portfolio",
    ]
    assert all(not action.icon().isNull() and action.toolTip() for action in (*left.actions(), *right.actions()))


def test_collapsing_the_inspector_collapses_its_tabs_and_widens_the_canvas(window, qtbot):
    window.new_map("user")
    before = window.pages.width()
    inspector = strip_action(window.dock_strips[1], "Inspector")
    inspector.trigger()
    qtbot.waitUntil(lambda: window.pages.width() > before)
    assert window.inspector.isHidden() and window.insights.isHidden()
    assert not inspector.isChecked()
    inspector.trigger()
    qtbot.waitUntil(lambda: window.inspector.isVisible())
    assert inspector.isChecked() and window.insights.isHidden()


def test_a_dock_tabbed_behind_another_comes_to_the_front_rather_than_closing(window, qtbot):
    window.new_map("user")
    assert window.palette_dock.isVisible() and not window.history_dock.isHidden()
    toggle(window, window.history_dock)
    qtbot.waitUntil(lambda: window.history_dock.isVisible())
    assert not window.palette_dock.isHidden()  # still there, behind History


def test_the_start_page_puts_the_docks_away_and_a_map_brings_them_back(window, qtbot):
    docks = [window.palette_dock, window.inspector, window.insights, window.history_dock]
    assert all(dock.isHidden() for dock in docks)  # no map yet: the start page has the width
    window.new_map("user")
    assert window.palette_dock.isVisible() and window.inspector.isVisible()  # each in front of its tabs
    window.close_map()
    assert all(dock.isHidden() for dock in docks)


def test_docks_collapsed_with_a_map_open_stay_collapsed_after_the_start_page(window):
    window.new_map("user")
    toggle(window, window.inspector)
    window.close_map()
    window.new_map("business")
    assert window.inspector.isHidden() and not window.palette_dock.isHidden()
