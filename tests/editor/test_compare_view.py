"""File → Compare With…: the changes from another version of the map to the open one, marked on the
canvas (added, changed and moved cards; stage and lane changes on their headers) and listed in map
order in the Changes dock, which selects each on a click. Comparing is no edit; it follows edits,
and Stop comparing clears it. A file that will not load is reported, and the open map stays."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from journeymapper.editor.commands import EditFields
from journeymapper.editor.compare import headline
from journeymapper.editor.marks import marks_for
from journeymapper.formats import json_format
from journeymapper.formats.json_format import dumps
from journeymapper.model import Lane, Touchpoint
from journeymapper.model.diff import diff

from support import build_merged_map, build_small_map

UNTOUCHED = [("stage", "browse"), ("lane", "web"), ("lane", "mood"), ("connection", "c3")]


def edited_map():
    """The small map with one edit of each kind: a card added ("review"), one changed
    ("checkout": emotion) and one renamed ("search"), one moved to another cell ("charge") and
    one removed with its two connections ("compare"), a stage renamed ("pay"), a lane added
    ("support") and one moved ("payments", now first)."""
    document = build_small_map()
    document.add_touchpoint(Touchpoint(id="review", stage="pay", lane="payments", index=1, title="Leave a review"))
    document.update_touchpoint("checkout", emotion=1)
    document.update_touchpoint("search", title="Search for boots")
    document.move_touchpoint("charge", "browse", "payments", 0)
    document.remove_touchpoint("compare")
    document.update_stage("pay", name="Payment")
    document.add_lane(Lane(id="support", name="Support"), 2)
    document.move_lane("payments", 0)
    return document


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Discard)


@pytest.fixture
def files(tmp_path):
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    json_format.save(build_small_map(), old)
    json_format.save(edited_map(), new)
    return old, new


def choose_file(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(path), ""))


@pytest.fixture
def comparing(window, files, monkeypatch):
    """The edited map open, compared with the small map it came from through File → Compare With…"""
    old, new = files
    assert window.open_file(new)
    choose_file(monkeypatch, old)
    window.compare_action.trigger()
    assert window.change_list.comparison is not None
    return window


def kinds(window, part, item_id):
    return [mark.kind for mark in marks_for(window.scene).marks((part, item_id))]


def rows(window):
    tree = window.change_list.tree
    return [tree.topLevelItem(number) for number in range(tree.topLevelItemCount())]


def click(qtbot, window, item):
    tree = window.change_list.tree
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())


def row_about(window, what, item_id, kind):
    return next(
        item
        for item in rows(window)
        if (item.data(0, Qt.ItemDataRole.UserRole).what, item.data(0, Qt.ItemDataRole.UserRole).id) == (what, item_id)
        and item.data(0, Qt.ItemDataRole.UserRole).kind == kind
    )


def test_each_kind_of_change_is_marked_on_the_right_card_or_header(comparing):
    assert kinds(comparing, "touchpoint", "review") == ["added"]
    assert kinds(comparing, "touchpoint", "checkout") == ["changed"]
    assert kinds(comparing, "touchpoint", "search") == ["changed"]  # renamed
    assert kinds(comparing, "touchpoint", "charge") == ["moved"]
    assert kinds(comparing, "stage", "pay") == ["changed"]
    assert kinds(comparing, "lane", "support") == ["added"]
    assert kinds(comparing, "lane", "payments") == ["moved"]
    for part, item_id in UNTOUCHED:
        assert kinds(comparing, part, item_id) == [], (part, item_id)
    scene, marks = comparing.scene, marks_for(comparing.scene)
    for part, item_id, parent in (
        ("touchpoint", "review", scene.cards.get("review")),
        ("touchpoint", "charge", scene.cards.get("charge")),
        ("stage", "pay", scene.stage_headers["pay"]),
        ("lane", "payments", scene.lane_headers["payments"]),
    ):
        item = marks.mark_item((part, item_id))
        assert item is not None and item.isVisible() and item.parentItem() is parent
    assert marks.mark_item(("touchpoint", "checkout")).toolTip() == "'Checkout': emotion -1 → +1"
    assert "compare" not in scene.cards  # removed: listed, not drawn


def test_the_changes_are_listed_in_map_order_in_two_lines(comparing):
    changes = diff(build_small_map(), comparing.session.document)
    assert [item.data(0, Qt.ItemDataRole.UserRole) for item in rows(comparing)] == changes
    review = row_about(comparing, "touchpoint", "review", "added")
    assert review.text(0) == "Card 'Leave a review'"
    assert review.data(0, Qt.ItemDataRole.UserRole + 2) == "added to Payment / Payments"
    checkout = row_about(comparing, "touchpoint", "checkout", "changed")
    assert (checkout.text(0), checkout.data(0, Qt.ItemDataRole.UserRole + 2)) == ("Card 'Checkout'", "emotion -1 → +1")
    stage = row_about(comparing, "stage", "pay", "renamed")
    assert (stage.text(0), stage.data(0, Qt.ItemDataRole.UserRole + 2)) == ("Stage 'Purchase'", "renamed to 'Payment'")
    legend = comparing.change_list.legend.text()
    for count in ("2&nbsp;added", "3&nbsp;changed", "2&nbsp;moved", "3&nbsp;removed"):
        assert count in legend  # removed: a card and its two connections
    assert "old.json" in comparing.change_list.summary.text()


def test_clicking_a_change_selects_its_card_or_header_and_centres_it(comparing, qtbot):
    view, scene = comparing.view, comparing.scene
    view.centerOn(5000, 5000)
    click(qtbot, comparing, row_about(comparing, "touchpoint", "charge", "moved"))
    assert scene.selected_card_ids() == ["charge"]
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(scene.cards["charge"].sceneBoundingRect())
    click(qtbot, comparing, row_about(comparing, "lane", "support", "added"))
    assert scene.selectedItems() == [scene.lane_headers["support"]]
    click(qtbot, comparing, row_about(comparing, "stage", "pay", "renamed"))
    assert scene.selectedItems() == [scene.stage_headers["pay"]]


def test_a_removed_card_is_listed_and_a_click_shows_the_cell_it_was_in(comparing, qtbot):
    row = row_about(comparing, "touchpoint", "compare", "removed")
    assert row.text(0) == "Card 'Compare sizes'"
    assert row.data(0, Qt.ItemDataRole.UserRole + 2) == "removed from Browse / Web team"
    assert "Not on the canvas" in row.toolTip(0)
    comparison = comparing.change_list.comparison
    click(qtbot, comparing, row)
    assert comparing.scene.selectedItems() == []
    ghost = comparison._ghost
    assert ghost.isVisible() and ghost.text == "Removed: 'Compare sizes'"
    cell = comparing.scene.layout.cells[("browse", "web")]
    assert ghost.sceneBoundingRect().contains(cell.x + cell.width / 2, cell.y + cell.height / 2)
    click(qtbot, comparing, row_about(comparing, "touchpoint", "review", "added"))
    assert not ghost.isVisible()


def test_comparing_is_no_edit_and_follows_the_edits_made_meanwhile(comparing, qtbot):
    session, comparison = comparing.session, comparing.change_list.comparison
    assert session.undo_stack.count() == 0 and not session.modified
    comparing.scene.push(EditFields(session.document, "touchpoint", "checkout", {"emotion": -1}, "Back to -1"))
    qtbot.waitUntil(lambda: kinds(comparing, "touchpoint", "checkout") == [])
    assert all(item.data(0, Qt.ItemDataRole.UserRole).id != "checkout" for item in rows(comparing))
    session.undo_stack.undo()
    qtbot.waitUntil(lambda: kinds(comparing, "touchpoint", "checkout") == ["changed"])
    assert comparison.refreshes >= 3


def test_a_card_made_anew_by_an_undo_gets_its_mark_again(comparing, qtbot):
    scene = comparing.scene
    scene.select_cards(["review"])
    scene.delete_selection()
    scene.flush()
    assert "review" not in scene.cards
    comparing.session.undo_stack.undo()
    scene.flush()
    qtbot.waitUntil(lambda: kinds(comparing, "touchpoint", "review") == ["added"])
    scene.flush()
    item = marks_for(scene).mark_item(("touchpoint", "review"))
    assert item is not None and item.parentItem() is scene.cards["review"]


def test_stop_comparing_clears_the_marks_and_the_list_and_brings_back_the_inspector(comparing, qtbot):
    assert not comparing.changes.visibleRegion().isEmpty() and comparing.inspector.visibleRegion().isEmpty()
    assert comparing.stop_comparing_action.isEnabled()
    comparing.stop_comparing_action.trigger()
    assert comparing.change_list.comparison is None and not comparing.changes.isVisible()
    qtbot.waitUntil(lambda: not comparing.inspector.visibleRegion().isEmpty())
    assert not comparing.stop_comparing_action.isEnabled()
    for part, item_id in (("touchpoint", "review"), ("stage", "pay"), ("lane", "payments")):
        assert kinds(comparing, part, item_id) == [] and marks_for(comparing.scene).mark_item((part, item_id)) is None


def test_closing_the_dock_ends_the_comparison(comparing):
    comparing.changes.close()
    assert comparing.change_list.comparison is None
    assert kinds(comparing, "touchpoint", "review") == []


def test_opening_another_map_ends_the_comparison(comparing, files):
    assert comparing.open_file(files[0])
    assert comparing.change_list.comparison is None and not comparing.changes.isVisible()


def test_a_map_with_conflicts_opened_while_comparing_shows_its_conflicts(comparing, tmp_path, qtbot):
    path = tmp_path / "merged.json"
    json_format.save(build_merged_map(), path)
    assert comparing.open_file(path)
    assert comparing.changes.isHidden()
    qtbot.waitUntil(lambda: not comparing.conflicts.visibleRegion().isEmpty())


def test_comparing_with_the_same_map_says_there_is_nothing(window, files, monkeypatch):
    assert window.open_file(files[1])
    choose_file(monkeypatch, files[1])
    window.compare_with()
    assert rows(window) == []
    assert "No changes" in window.change_list.summary.text()


def test_a_file_that_will_not_load_is_reported_and_nothing_changes(window, files, monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: shown.append((title, text)))
    assert window.open_file(files[1])
    before = dumps(window.session.document)
    bad = tmp_path / "broken.json"
    bad.write_text("{")
    choose_file(monkeypatch, bad)
    window.compare_with()
    [(title, text)] = shown
    assert title == "Cannot compare" and "broken.json" in text
    assert window.change_list.comparison is None and dumps(window.session.document) == before


def test_a_file_with_git_markers_is_explained_when_compared(window, files, monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: shown.append(text))
    assert window.open_file(files[1])
    marked = tmp_path / "marked.json"
    marked.write_text('{\n<<<<<<< HEAD\n  "title": "A"\n=======\n  "title": "B"\n>>>>>>> ben\n}\n')
    choose_file(monkeypatch, marked)
    window.compare_with()
    assert "git checkout --merge marked.json" in shown[0]


def test_a_headline_names_a_renamed_object_as_it_was_and_a_conflict_as_one():
    old = build_small_map()
    new = build_merged_map()
    new.update_map(title="Checkout, merged")
    lines = {(change.what, change.kind): headline(change, old, new) for change in diff(old, new)}
    assert lines["map", "renamed"] == ("Map 'Checkout'", "renamed to 'Checkout, merged'")
    assert lines["conflict", "added"][0] == "Conflict"
    assert lines["stage", "renamed"] == ("Stage 'Purchase'", "renamed to 'Pay'")
