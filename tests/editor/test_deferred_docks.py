"""The Insights, Conflicts and Changes docks build their bodies the first time they come on screen
(or when something needs them), not with the window: a map opened at start-up paints without
them. Built late, a body shows the map as it is then, edits made before included, and every
action that reaches it works as before."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QWidget

from journeymapper.editor.commands import EditFields
from journeymapper.editor.deferred_dock import DeferredDock
from journeymapper.editor.dock_strips import toggle
from journeymapper.model.insights import map_insights


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch):
    """Closing the window at the end of a test discards its edits."""
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Discard)


@pytest.fixture
def tabbed(qtbot):
    """A window with two docks in tabs, the deferred one behind, and how often its body was built."""
    window = QMainWindow()
    window.setCentralWidget(QWidget())
    built: list[QLabel] = []

    def build() -> QLabel:
        built.append(QLabel("body"))
        return built[-1]

    front = DeferredDock("Front", "front", lambda: QLabel("front"), window)
    behind = DeferredDock("Behind", "behind", build, window)
    for dock in (front, behind):
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.tabifyDockWidget(front, behind)
    front.raise_()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield behind, built  # the window lives until the test ends


def test_a_dock_behind_another_tab_builds_nothing(tabbed):
    behind, built = tabbed
    assert behind.built is None and built == []


def test_a_dock_builds_its_body_once_when_it_comes_to_the_front(tabbed, qtbot):
    behind, built = tabbed
    behind.raise_()
    qtbot.waitUntil(lambda: behind.showing)
    assert built == [behind.built] and behind.widget() is built[0]
    behind.hide()
    behind.show()
    behind.raise_()
    assert built == [behind.built]


def test_asking_for_the_body_builds_it_without_showing_the_dock(tabbed):
    behind, built = tabbed
    assert behind.body is built[0] and not behind.showing


def test_a_map_opened_at_start_paints_without_the_listing_docks_bodies(opened_at_start):
    assert [dock.built for dock in (opened_at_start.insights, opened_at_start.conflicts, opened_at_start.changes)] == [
        None,
        None,
        None,
    ]


def test_another_map_opened_brings_back_the_docks_without_building_the_ones_behind(opened_at_start):
    path = opened_at_start.session.path
    opened_at_start.close_map()
    assert opened_at_start.open_file(path)
    assert not opened_at_start.inspector.visibleRegion().isEmpty()
    assert opened_at_start.insights.built is None


def entries(insights_list) -> list[str]:
    group = insights_list.group_item("entries")
    return [group.child(number).text(0) for number in range(group.childCount())]


def test_insights_shown_late_list_the_map_with_the_edits_made_before(opened_at_start, qtbot):
    window = opened_at_start
    first = map_insights(window.session.document).entries[0]
    window.scene.push(EditFields(window.session.document, "touchpoint", first.id, {"title": "Renamed early"}, "Rename"))
    window.insights.raise_()
    body = window.insights_list
    qtbot.waitUntil(lambda: body.insights is not None and not body._stale)
    assert "Renamed early" in entries(body)
    assert first.title not in entries(body)


def test_its_icon_shows_the_conflicts_dock_of_a_map_without_any(opened_at_start, qtbot):
    toggle(opened_at_start, opened_at_start.conflicts)
    qtbot.waitUntil(lambda: opened_at_start.conflicts.built is not None)
    body = opened_at_start.conflict_list
    assert body.tree.topLevelItemCount() == 0
    assert "No unresolved conflicts" in body.summary.text()
    assert not body.indicator.isVisible()


def test_comparing_builds_the_changes_dock_and_stop_comparing_puts_it_away(opened_at_start, monkeypatch, qtbot):
    window = opened_at_start
    assert not window.stop_comparing_action.isEnabled()
    window.stop_comparing()  # nothing to stop: nothing is built for it
    assert window.changes.built is None
    first = map_insights(window.session.document).entries[0]
    window.scene.push(EditFields(window.session.document, "touchpoint", first.id, {"title": "Renamed"}, "Rename"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(window.session.path), ""))
    window.compare_action.trigger()
    body = window.changes.built
    assert body is not None and body.comparison is not None
    assert [body.tree.topLevelItem(0).text(0)] == [f"Card '{first.title}'"]
    assert not window.changes.visibleRegion().isEmpty() and window.stop_comparing_action.isEnabled()
    window.stop_comparing_action.trigger()
    assert body.comparison is None and window.changes.isHidden()
    assert not window.stop_comparing_action.isEnabled()
