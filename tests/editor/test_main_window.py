"""The window's file handling: open, save, recent files, unsaved changes, autosave and recovery."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QToolButton

from journeymapper.editor import clipboard
from journeymapper.formats.json_format import load

from support import SAMPLES

SAMPLE = next(path for path in SAMPLES if path.name == "year-one-customer-journey.json")


@pytest.fixture(autouse=True)
def dialogs(monkeypatch):
    """Record message boxes instead of showing them; questions get the answer in ``answer``."""
    shown: dict = {"warnings": [], "questions": [], "answer": QMessageBox.StandardButton.Discard}
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown["warnings"].append(text))

    def question(parent, title, text, *args):
        shown["questions"].append(text)
        return shown["answer"]

    monkeypatch.setattr(QMessageBox, "question", question)
    return shown


@pytest.fixture
def sample_copy(tmp_path):
    target = tmp_path / "journey.json"
    shutil.copy(SAMPLE, target)
    return target


def test_without_a_map_the_start_page_shows(window):
    assert window.pages.currentWidget() is window.start_page
    assert window.windowTitle() == "journeymapper"
    assert not window.save_action.isEnabled()


def test_a_map_opened_at_start_shows_without_the_start_page_ever_being_built(opened_at_start):
    assert opened_at_start.pages.currentWidget() is opened_at_start.view
    assert opened_at_start.pages.built_start_page is None


def test_closing_the_map_opened_at_start_shows_the_start_page_with_it_as_a_recent_map(opened_at_start):
    path = opened_at_start.session.path
    opened_at_start.close_map()
    page = opened_at_start.pages.currentWidget()
    assert page is opened_at_start.start_page
    assert [page.recent.item(row).toolTip() for row in range(page.recent.count())] == [str(path)]


def test_a_template_button_starts_a_new_map(window, qtbot):
    window.start_page.findChild(QToolButton, "template-user").click()
    assert window.pages.currentWidget() is window.view
    assert window.session.document.kind == "user"
    assert window.windowTitle().startswith("User journey (unsaved)")


def test_opening_a_file_shows_it_with_its_name_in_the_title(window, sample_copy):
    assert window.open_file(sample_copy)
    assert window.session.document.id == "year-one-customer-journey"
    assert window.windowTitle() == "journey.json[*] — journeymapper"
    assert not window.isWindowModified()
    assert window.recent_files() == [sample_copy.resolve()]


def test_a_bad_file_shows_the_loaders_message_and_keeps_the_open_map(window, sample_copy, tmp_path, dialogs):
    window.open_file(sample_copy)
    before = window.session
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "journeymapper", "version": 99}')
    assert not window.open_file(bad)
    assert "bad.json: version: the file is format version 99" in dialogs["warnings"][0]
    assert window.session is before
    assert window.session.document.id == "year-one-customer-journey"


def test_a_file_with_a_huge_unknown_key_is_reported_in_a_short_message(window, tmp_path, dialogs):
    content = json.loads(SAMPLE.read_text(encoding="utf-8"))
    content["touchpoints"][0]["x" * 10_000_000] = 1
    (tmp_path / "huge.json").write_text(json.dumps(content), encoding="utf-8")
    assert not window.open_file(tmp_path / "huge.json")
    assert "not a field of a touchpoint" in dialogs["warnings"][0] and len(dialogs["warnings"][0]) < 500


def test_a_bad_file_is_reported_in_a_persons_words(window, tmp_path, dialogs):
    content = json.loads(SAMPLE.read_text(encoding="utf-8"))
    del content["title"]
    (tmp_path / "untitled.json").write_text(json.dumps(content), encoding="utf-8")
    (tmp_path / "typo.json").write_text('{"format": "journeymapper", "title": tru}', encoding="utf-8")
    assert not window.open_file(tmp_path / "untitled.json")
    assert not window.open_file(tmp_path / "typo.json")
    missing, typo = dialogs["warnings"]
    assert missing == f"{tmp_path / 'untitled.json'}: title: missing (every map needs one)"
    assert typo.endswith(
        "line 1, column 41: expected a value (a string, number, true, false, null, an object or a list)"
    )


def test_edits_mark_the_window_modified_and_undoing_them_clears_the_mark(window, sample_copy):
    window.open_file(sample_copy)
    scene = window.scene
    scene.select_cards([next(iter(scene.cards))])
    scene.delete_selection()
    assert window.isWindowModified()
    assert window.undo_action.text().startswith("Undo Delete '")
    window.undo_action.trigger()
    assert not window.isWindowModified()


def test_save_then_reopen_gives_the_same_map(window, sample_copy, dialogs):
    window.open_file(sample_copy)
    scene = window.scene
    card = next(iter(scene.cards))
    scene.select_cards([card])
    scene.delete_selection()
    assert window.save()
    assert not window.isWindowModified()
    edited = window.session.document
    window.close_map()
    assert window.open_file(sample_copy)
    assert window.session.document == edited
    assert not window.session.document.has_touchpoint(card)


def test_saving_to_an_unwritable_place_says_so_and_keeps_the_changes(window, sample_copy, dialogs, tmp_path):
    window.open_file(sample_copy)
    window.scene.select_cards([next(iter(window.scene.cards))])
    window.scene.delete_selection()
    assert not window._save_to(tmp_path / "missing-folder" / "map.json")
    assert "cannot save" in dialogs["warnings"][0]
    assert window.isWindowModified()
    assert window.session.path == sample_copy.resolve()


def test_a_read_only_map_is_left_alone_and_save_as_is_offered(window, sample_copy, dialogs, monkeypatch, tmp_path):
    window.open_file(sample_copy)
    window.scene.select_cards([next(iter(window.scene.cards))])
    window.scene.delete_selection()
    sample_copy.chmod(0o444)
    before = sample_copy.read_bytes()
    elsewhere = tmp_path / "my-copy.json"
    offered = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda _, title, name, kinds: offered.append(name) or (str(elsewhere), "")
    )
    dialogs["answer"] = QMessageBox.StandardButton.Save
    assert window.save()
    assert offered == [str(sample_copy.resolve().with_name("journey copy.json"))]
    assert "journey.json is marked read-only" in dialogs["questions"][0]
    assert sample_copy.read_bytes() == before
    assert window.session.path == elsewhere.resolve() and not window.session.modified
    assert load(elsewhere).touchpoint_count() == load(sample_copy).touchpoint_count() - 1


def test_declining_save_as_for_a_read_only_map_keeps_the_changes(window, sample_copy, dialogs):
    window.open_file(sample_copy)
    window.scene.select_cards([next(iter(window.scene.cards))])
    window.scene.delete_selection()
    sample_copy.chmod(0o444)
    dialogs["answer"] = QMessageBox.StandardButton.Cancel
    assert not window.save()
    assert window.session.modified and window.session.path == sample_copy.resolve()


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_map(window, sample_copy, dialogs):
    window.open_file(sample_copy)
    window.scene.select_cards([next(iter(window.scene.cards))])
    window.scene.delete_selection()
    dialogs["answer"] = QMessageBox.StandardButton.Cancel
    window.close_map()
    assert dialogs["questions"] == ["Save the changes to journey.json?"]
    assert window.session is not None
    dialogs["answer"] = QMessageBox.StandardButton.Discard
    window.close_map()
    assert window.session is None
    assert load(sample_copy).touchpoint_count() == 30


def test_opening_another_file_with_unsaved_changes_asks_first(window, sample_copy, dialogs, tmp_path):
    window.open_file(sample_copy)
    window.scene.select_cards([next(iter(window.scene.cards))])
    window.scene.delete_selection()
    other = tmp_path / "other.json"
    shutil.copy(SAMPLE, other)
    dialogs["answer"] = QMessageBox.StandardButton.Cancel
    assert not window.open_file(other)
    assert window.session.path == sample_copy.resolve()


def test_dropping_a_map_file_on_the_window_opens_it(window, sample_copy, qtbot):
    from PySide6.QtCore import QPointF

    from gestures import drop

    window.new_map("customer")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sample_copy))])
    drop(window.view, mime, QPointF(5, 5))
    assert window.session.path == sample_copy.resolve()


def autosave_origins(window) -> list[Path]:
    """The files the autosave copies on disk belong to."""
    return sorted(Path(origin.read_text(encoding="utf-8")) for origin in window.autosave.directory.glob("*.origin"))


def test_autosave_writes_a_copy_of_a_modified_map(window, sample_copy):
    window.open_file(sample_copy)
    window.write_autosave()
    assert autosave_origins(window) == []  # nothing to save yet
    window.scene.select_cards([next(iter(window.scene.cards))])
    window.scene.delete_selection()
    window.write_autosave()
    assert autosave_origins(window) == [sample_copy.resolve()]


def test_discarding_changes_for_a_new_map_removes_their_autosave_copy(window, sample_copy, dialogs):
    window.open_file(sample_copy)
    window.scene.select_cards([next(iter(window.scene.cards))])
    window.scene.delete_selection()
    window.write_autosave()
    window.new_map("user")  # answered Discard
    assert autosave_origins(window) == []


def test_a_copy_another_running_journeymapper_keeps_is_not_offered(window, sample_copy, dialogs):
    from journeymapper.editor.autosave import AutosaveStore
    from journeymapper.editor.main_window import MainWindow

    window.open_file(sample_copy)
    window.scene.select_cards([next(iter(window.scene.cards))])
    window.scene.delete_selection()
    window.write_autosave()
    second = MainWindow(settings=window.settings, autosave=AutosaveStore(window.autosave.directory))
    second.offer_recovery()
    assert dialogs["questions"] == [] and second.session is None
    assert autosave_origins(window) == [sample_copy.resolve()]  # and it was left alone


def test_saving_removes_the_autosave_copy(window, sample_copy):
    window.open_file(sample_copy)
    window.scene.select_cards([next(iter(window.scene.cards))])
    window.scene.delete_selection()
    window.write_autosave()
    window.save()
    assert autosave_origins(window) == []


def test_two_windows_on_copies_of_one_map_keep_separate_autosave_copies(window, sample_copy, qtbot, tmp_path):
    from journeymapper.editor.main_window import MainWindow

    copy = shutil.copy(sample_copy, tmp_path / "copy.json")  # same map id in both files
    other = MainWindow(settings=window.settings, autosave=window.autosave)
    qtbot.addWidget(other)
    for each, path in ((window, sample_copy), (other, copy)):
        each.open_file(path)
        each.scene.select_cards([next(iter(each.scene.cards))])
        each.scene.delete_selection()
        each.write_autosave()
    assert autosave_origins(window) == sorted([sample_copy.resolve(), Path(copy).resolve()])
    other.session.undo_stack.setClean()


def test_a_new_map_id_leaves_no_stale_autosave_copy_behind(window, sample_copy, monkeypatch):
    window.open_file(sample_copy)
    window.write_autosave()  # not modified yet: nothing written
    window.scene.select_cards([next(iter(window.scene.cards))])
    window.scene.delete_selection()
    window.write_autosave()
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    window.inspector.map_page.new_id_button.click()
    window.write_autosave()
    assert len(autosave_origins(window)) == 1
    window.save()
    assert autosave_origins(window) == []


def test_copy_and_paste_makes_new_cards_with_their_connections(window, sample_copy):
    window.open_file(sample_copy)
    scene = window.scene
    document = window.session.document
    connection = next(iter(document.connections()))
    scene.select_cards([connection.source, connection.target])
    before = document.graph.number_of_edges()
    assert clipboard.copy(scene)
    assert QGuiApplication.clipboard().mimeData().text().count("\n") == 1
    clipboard.paste(scene)
    pasted = scene.selected_card_ids()
    assert len(pasted) == 2 and not {connection.source, connection.target} & set(pasted)
    assert document.graph.number_of_edges() == before + 1
    assert window.session.undo_stack.undoText() == "Paste 2 cards"
    window.session.undo_stack.undo()
    assert document.graph.number_of_edges() == before


def test_pasting_into_a_map_without_a_lane_is_refused_with_a_reason(window, sample_copy, qtbot):
    window.open_file(sample_copy)
    window.scene.select_cards([next(iter(window.scene.cards))])
    assert clipboard.copy(window.scene)
    window.new_map("user")
    for lane in list(window.session.document.lanes):
        window.session.document.remove_lane(lane)
    with qtbot.waitSignal(window.scene.refused) as refusal:
        clipboard.paste(window.scene)
    assert "needs a stage and a lane" in refusal.args[0]
    assert window.session.document.touchpoint_count() == 0


def test_find_highlights_matches_and_steps_through_them(window, sample_copy):
    window.open_file(sample_copy)
    window.finder.field.setText("renewal")
    highlighted = [card_id for card_id, item in window.scene.cards.items() if item.highlighted]
    assert len(highlighted) >= 2
    window.finder.next()
    first = window.scene.selected_card_ids()
    window.finder.next()
    assert window.scene.selected_card_ids() != first and len(window.scene.selected_card_ids()) == 1
    window.finder.field.clear()
    assert not any(item.highlighted for item in window.scene.cards.values())


def test_the_inspector_follows_the_selection_on_the_canvas(window, sample_copy, qtbot):
    window.open_file(sample_copy)
    assert window.inspector.page is window.inspector.map_page
    card = next(window.session.document.touchpoints())
    window.scene.select_cards([card.id])
    qtbot.waitUntil(lambda: window.inspector.page is window.inspector.card_page)
    assert window.inspector.card_page.title.text() == card.title


def test_the_window_and_its_docks_come_back_as_they_were_left(window, qtbot, tmp_path):
    from journeymapper.editor.autosave import AutosaveStore
    from journeymapper.editor.main_window import MainWindow

    fresh = MainWindow(settings=window.settings, autosave=AutosaveStore(tmp_path / "before"))
    qtbot.addWidget(fresh)
    assert not fresh.restore_layout()

    window.resize(760, 560)
    left_as = window.size()
    window.portfolio.hide()
    window.insights.raise_()
    assert window.close()

    again = MainWindow(settings=window.settings, autosave=AutosaveStore(tmp_path / "after"))
    qtbot.addWidget(again)
    assert again.restore_layout()
    again.show()
    qtbot.waitExposed(again)
    assert again.size() == left_as != fresh.size()
    assert again.inspector.isHidden()  # the start page puts the docks away...
    again.new_map("user")  # ...and a map brings them back as they were left
    assert again.portfolio.isHidden() and not again.inspector.isHidden()
    assert again.tabifiedDockWidgets(again.inspector) == [again.insights]


def test_the_window_fits_half_a_laptop_screen_with_or_without_a_map(window):
    half_a_laptop = 1366 // 2
    assert window.minimumSizeHint().width() <= half_a_laptop
    window.open_file(SAMPLES[0])
    assert window.minimumSizeHint().width() <= half_a_laptop


def test_closing_for_the_system_keeps_unsaved_work_in_the_autosave_copy_without_asking(window, sample_copy, dialogs):
    window.open_file(sample_copy)
    window.scene.select_cards([next(iter(window.scene.cards))])
    window.scene.delete_selection()
    window.close_keeping_work()
    assert not window.isVisible() and dialogs["questions"] == []
    assert autosave_origins(window) == [sample_copy.resolve()]


def test_if_the_copy_cannot_be_written_closing_for_the_system_asks_as_usual(window, sample_copy, dialogs, tmp_path):
    from journeymapper.editor.autosave import AutosaveStore

    (tmp_path / "a-file").write_text("")
    window.autosave = AutosaveStore(tmp_path / "a-file" / "autosave")
    window.open_file(sample_copy)
    window.scene.select_cards([next(iter(window.scene.cards))])
    window.scene.delete_selection()
    window.close_keeping_work()
    assert dialogs["questions"] == ["Save the changes to journey.json?"]


@pytest.mark.parametrize("name", ["insights", "conflicts", "changes"])
def test_a_dock_shown_from_the_view_menu_comes_in_front_of_the_tabs_it_shares_a_place_with(
    window, sample_copy, qtbot, name
):
    window.open_file(sample_copy)
    dock = getattr(window, name)
    dock.hide()
    qtbot.waitUntil(lambda: window.inspector.isVisible() and not window.inspector.visibleRegion().isEmpty())
    dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty())
    assert dock.showing and window.inspector.visibleRegion().isEmpty()
