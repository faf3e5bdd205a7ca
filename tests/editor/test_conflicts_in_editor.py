"""Merge conflicts in the editor: a map with conflicts opens with the Conflicts dock, each conflict
marked on what it is about; keeping ours or taking theirs is one undo step, and undo and redo give
back exactly the map before and after; the status bar counts what is left. A file that git left
with conflict markers is recognised and the dialog says how to merge it with journeymapper."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from journeymapper.editor.conflict_text import conflict_text
from journeymapper.editor.marks import marks_for
from journeymapper.formats import json_format
from journeymapper.formats.json_format import dumps

from support import build_merged_map, build_small_map

TITLES = [
    "Persona 'Bea': role",
    "Stage 'Pay': name",
    "Card 'Checkout': emotion",
    "Card 'Charge the card'",
    "Connection 'Compare sizes' → 'Checkout': label",
    "Card 'Search for shoes': place",
]


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch):
    """Closing the window at the end of a test discards its edits."""
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Discard)


@pytest.fixture
def merged(window, tmp_path, qtbot):
    """The window with the merged small map open, its six conflicts listed."""
    path = tmp_path / "merged.json"
    json_format.save(build_merged_map(), path)
    assert window.open_file(path)
    qtbot.waitUntil(lambda: window.conflict_list.tree.topLevelItemCount() == len(TITLES))
    return window


def rows(window):
    tree = window.conflict_list.tree
    return [tree.topLevelItem(number).text(0) for number in range(tree.topLevelItemCount())]


def choose(qtbot, window, title):
    """Click a conflict in the list, as a person does."""
    tree = window.conflict_list.tree
    item = tree.topLevelItem(rows(window).index(title))
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())


def test_a_map_with_conflicts_opens_with_them_listed_in_its_words(merged):
    dock = merged.conflicts
    assert dock.isVisible() and not dock.visibleRegion().isEmpty()  # shown, and in front of its tabs
    assert rows(merged) == TITLES
    details = [
        merged.conflict_list.tree.topLevelItem(number).data(0, Qt.ItemDataRole.UserRole + 2) for number in range(6)
    ]
    assert details[2] == "ours +1 · theirs -2"
    assert details[3] == "ours with the card, in Pay / Payments · theirs without the card"
    assert details[5] == "ours Pay / Web team, 2nd card · theirs Pay / Payments, at the top"
    assert merged.conflict_list.indicator.isVisible()
    assert merged.conflict_list.indicator.text() == "6 unresolved conflicts"


def test_each_conflict_is_marked_on_what_it_is_about_and_nothing_else(merged):
    scene, marks = merged.scene, marks_for(merged.scene)
    for target in (("stage", "pay"), ("touchpoint", "checkout"), ("touchpoint", "charge"), ("connection", "c2")):
        assert [mark.kind for mark in marks.marks(target)] == ["conflict"], target
        item = marks.mark_item(target)
        assert item is not None and item.isVisible()
    assert marks.mark_item(("touchpoint", "checkout")).parentItem() is scene.cards["checkout"]
    assert marks.mark_item(("stage", "pay")).parentItem() is scene.stage_headers["pay"]
    assert marks.mark_item(("connection", "c2")).parentItem() is scene.connectors["c2"]
    assert "emotion: ours +1, theirs -2" in marks.mark_item(("touchpoint", "checkout")).toolTip()
    for target in (("touchpoint", "compare"), ("stage", "browse"), ("lane", "web"), ("connection", "c1")):
        assert marks.marks(target) == () and marks.mark_item(target) is None


def test_clicking_a_conflict_selects_and_centres_what_it_is_about(merged, qtbot):
    view, scene = merged.view, merged.scene
    view.centerOn(5000, 5000)
    choose(qtbot, merged, "Card 'Checkout': emotion")
    assert scene.selected_card_ids() == ["checkout"]
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(scene.cards["checkout"].sceneBoundingRect())
    choose(qtbot, merged, "Stage 'Pay': name")
    assert scene.selectedItems() == [scene.stage_headers["pay"]]
    choose(qtbot, merged, "Persona 'Bea': role")
    assert scene.selectedItems() == []  # the Inspector shows the map, with its personas


def test_taking_theirs_is_one_undo_step_that_undo_and_redo_take_back_and_give_again(merged, qtbot):
    document, stack, dock = merged.session.document, merged.session.undo_stack, merged.conflict_list
    before = dumps(document)
    choose(qtbot, merged, "Card 'Checkout': emotion")
    assert (dock.ours_value.text(), dock.theirs_value.text()) == ("+1", "-2")
    qtbot.mouseClick(dock.take_theirs, Qt.MouseButton.LeftButton)
    assert document.touchpoint("checkout").emotion == -2
    assert "checkout" not in {conflict.entity_id for conflict in document.conflicts.values()}
    assert stack.count() == 1 and stack.undoText() == "Take theirs for 'Checkout': emotion"
    assert merged.undo_action.text() == "Undo Take theirs for 'Checkout': emotion"
    after = dumps(document)
    assert "Card 'Checkout': emotion" not in rows(merged)
    assert marks_for(merged.scene).marks(("touchpoint", "checkout")) == ()
    assert dock.indicator.text() == "5 unresolved conflicts"
    stack.undo()
    assert dumps(document) == before
    qtbot.waitUntil(lambda: rows(merged) == TITLES)
    assert [mark.kind for mark in marks_for(merged.scene).marks(("touchpoint", "checkout"))] == ["conflict"]
    stack.redo()
    assert dumps(document) == after


def test_keeping_ours_drops_only_the_record(merged, qtbot):
    document, stack, dock = merged.session.document, merged.session.undo_stack, merged.conflict_list
    before = dumps(document)
    choose(qtbot, merged, "Stage 'Pay': name")
    qtbot.mouseClick(dock.keep_ours, Qt.MouseButton.LeftButton)
    assert document.stages["pay"].name == "Pay" and len(document.conflicts) == 5
    assert stack.count() == 1 and stack.undoText() == "Keep ours for 'Pay': name"
    after = dumps(document)
    stack.undo()
    assert dumps(document) == before
    stack.redo()
    assert dumps(document) == after


def test_taking_theirs_removes_a_card_they_removed_and_moves_one_they_moved(merged, qtbot):
    document, stack = merged.session.document, merged.session.undo_stack
    before = dumps(document)
    choose(qtbot, merged, "Card 'Charge the card'")
    assert merged.conflict_list.resolve("theirs")
    assert not document.has_touchpoint("charge")
    choose(qtbot, merged, "Card 'Search for shoes': place")
    assert merged.conflict_list.resolve("theirs")
    card = document.touchpoint("search")
    assert (card.stage, card.lane, card.index) == ("pay", "payments", 0)
    assert stack.count() == 2 and stack.text(0) == "Take theirs for 'Charge the card'"
    merged.scene.flush()
    assert "charge" not in merged.scene.cards
    stack.setIndex(0)
    assert dumps(document) == before


def test_after_a_resolution_the_next_conflict_is_chosen(merged, qtbot):
    choose(qtbot, merged, "Card 'Checkout': emotion")
    merged.conflict_list.resolve("ours")
    assert merged.conflict_list.tree.currentItem().text(0) == "Card 'Charge the card'"


def test_the_count_goes_when_every_conflict_is_resolved_and_undo_brings_it_back(merged, qtbot):
    dock = merged.conflict_list
    while dock.tree.topLevelItemCount():
        assert dock.resolve("ours")
    assert not merged.session.document.conflicts
    assert not dock.indicator.isVisible()
    assert "No unresolved conflicts" in dock.summary.text()
    assert not dock.choice.isVisible()
    merged.session.undo_stack.undo()
    qtbot.waitUntil(lambda: dock.indicator.isVisible())
    assert dock.indicator.text() == "1 unresolved conflict"


def test_saving_with_conflicts_left_is_allowed_and_says_so(merged, tmp_path):
    assert merged.save()
    assert "with 6 unresolved conflicts recorded in it" in merged.statusBar().currentMessage()
    assert len(json_format.load(tmp_path / "merged.json").conflicts) == 6


def test_a_map_without_conflicts_hides_the_dock(merged, tmp_path):
    path = tmp_path / "plain.json"
    json_format.save(build_small_map(), path)
    assert merged.open_file(path)
    assert not merged.conflicts.isVisible() and not merged.conflict_list.indicator.isVisible()


def test_the_next_start_does_not_bring_the_dock_back_without_a_map(merged, tmp_path, qtbot):
    from journeymapper.editor.autosave import AutosaveStore
    from journeymapper.editor.main_window import MainWindow

    merged.close()  # keeps the layout, with the Conflicts dock showing
    again = MainWindow(settings=merged.settings, autosave=AutosaveStore(tmp_path / "autosave"))
    qtbot.addWidget(again)
    assert again.restore_layout()
    again.show()
    assert again.conflicts.isHidden() and again.changes.isHidden()


def test_a_refused_resolution_changes_nothing_and_says_why(merged, qtbot):
    document, stack = merged.session.document, merged.session.undo_stack
    merged.scene.select_cards(["checkout"])
    merged.scene.delete_selection()
    before = (dumps(document), stack.count())
    choose(qtbot, merged, "Card 'Checkout': emotion")
    assert not merged.conflict_list.resolve("theirs")  # the card is gone: their emotion has nowhere to go
    assert (dumps(document), stack.count()) == before
    assert "take THEIRS' side of its own conflict first" in merged.statusBar().currentMessage()


def test_conflict_text_names_a_missing_object_from_the_side_that_has_it():
    document = build_merged_map()
    conflict = next(c for c in document.conflicts.values() if c.entity_id == "charge")
    document.remove_touchpoint("charge")
    text = conflict_text(document, conflict)
    assert (text.subject, text.field) == ("Card 'Charge the card'", "")
    assert text.step("ours") == "Keep ours for 'Charge the card'"
    position = next(c for c in document.conflicts.values() if c.entity == "persona")
    assert conflict_text(document, position).title == "Persona 'Bea': role"


# -- git's conflict markers ----------------------------------------------------------------------


def git(folder, *arguments):
    subprocess.run(["git", *arguments], cwd=folder, check=True, capture_output=True)


@pytest.fixture
def marked_file(tmp_path):
    """A map that a plain git merge (no journeymapper driver) left with conflict markers."""
    folder = tmp_path / "repository"
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    git(folder, "config", "user.email", "test@example.com")
    git(folder, "config", "user.name", "Test")
    path = folder / "map.json"
    json_format.save(build_small_map(), path)
    git(folder, "add", ".")
    git(folder, "commit", "-qm", "base")
    git(folder, "checkout", "-qb", "ben")
    document = build_small_map()
    document.update_touchpoint("checkout", emotion=-2)
    json_format.save(document, path)
    git(folder, "commit", "-qam", "theirs")
    git(folder, "checkout", "-q", "main")
    document = build_small_map()
    document.update_touchpoint("checkout", emotion=2)
    json_format.save(document, path)
    git(folder, "commit", "-qam", "ours")
    subprocess.run(["git", "merge", "ben"], cwd=folder, capture_output=True)
    assert "<<<<<<< " in path.read_text()
    return path


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: shown.append((title, text)))
    return shown


def test_a_file_with_git_markers_says_how_to_merge_it_with_journeymapper(window, marked_file, warnings, tmp_path):
    path = tmp_path / "open.json"
    json_format.save(build_small_map(), path)
    assert window.open_file(path)
    before = dumps(window.session.document)
    assert not window.open_file(marked_file)
    [(title, text)] = warnings
    assert title == "Cannot open map"
    assert "git left conflict markers (<<<<<<<, =======, >>>>>>>) in map.json" in text
    assert "journeymapper git-setup" in text and "git checkout --merge map.json" in text
    assert "git merge --abort" in text
    assert "line" in text.rsplit("\n\n", 1)[1]  # and the loader's own message, with its place
    assert window.session.path == path and dumps(window.session.document) == before


def test_a_bad_file_without_markers_gets_only_the_loaders_message(window, warnings, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"format": "journeymapper",\n=======\n')
    assert not window.open_file(path)
    [(_, text)] = warnings
    assert "conflict markers" not in text and text.startswith(str(path))
