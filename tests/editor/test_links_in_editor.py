"""Link badges on cards and stage headers: good links open the linked map in the window and Back
returns; broken ones are drawn as broken, say why, and are never followed."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from journeymapper.editor import linking
from journeymapper.editor.commands import EditFields
from journeymapper.formats import json_format
from journeymapper.model.links import LinkStatus, resolve_links

from gestures import press, release
from support import SAMPLES

CUSTOMER, USER, BUSINESS = "year-one-customer-journey", "first-report-user-journey", "shoe-order-business-journey"


@pytest.fixture(autouse=True)
def dialogs(monkeypatch):
    """Record message boxes instead of showing them; questions get the answer in ``answer``."""
    shown: dict = {"warnings": [], "questions": [], "answer": QMessageBox.StandardButton.Discard, "urls": []}
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown["warnings"].append(text))

    def question(parent, title, text, *args):
        shown["questions"].append(text)
        return shown["answer"]

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: shown["urls"].append(url) or True)
    return shown


def with_link(source, target_path, map_id, tmp_path, name="linking.json"):
    """A copy of the customer journey whose onboarding stage links to ``target_path`` as ``map_id``."""
    document = json_format.load(source)
    document.update_stage("stage-onboarding", links=({"path": target_path, "map_id": map_id, "label": "Behind it"},))
    path = tmp_path / name
    json_format.save(document, path)
    return path


def click_badge(window, qtbot, badge):
    window.view.centerOn(badge)
    centre = badge.mapToScene(badge.boundingRect().center())
    press(window.view, centre)
    release(window.view, centre)


def test_linked_stages_and_cards_wear_a_badge_and_others_do_not(window, samples):
    assert window.open_file(samples / f"{CUSTOMER}.json")
    scene = window.scene
    onboarding = scene.stage_headers["stage-onboarding"].link_badge
    assert onboarding.isVisible() and not onboarding.broken
    assert onboarding.badge.links[0].target.id == USER
    assert "First report" in onboarding.toolTip()
    assert scene.stage_headers["stage-closed-won"].link_badge.badge.links[0].target.kind == "business"
    card = scene.cards["tp-first-dashboards-live"].link_badge
    assert card.isVisible() and not card.broken
    assert scene.stage_headers["stage-kickoff"].link_badge is None
    unlinked = [item for card_id, item in scene.cards.items() if card_id != "tp-first-dashboards-live"]
    assert all(item.link_badge is None for item in unlinked)


@pytest.mark.parametrize(
    "target, map_id, status",
    [
        ("nowhere.json", USER, LinkStatus.MISSING_FILE),
        (f"{BUSINESS}.json", USER, LinkStatus.ID_MISMATCH),
        ("garbage.json", USER, LinkStatus.UNREADABLE),
    ],
)
def test_a_broken_link_is_drawn_broken_says_why_and_is_not_followed(
    window, samples, qtbot, dialogs, target, map_id, status
):
    (samples / "garbage.json").write_text("this is not { a map")
    path = with_link(samples / f"{CUSTOMER}.json", target, map_id, samples)
    assert window.open_file(path)
    badge = window.scene.stage_headers["stage-onboarding"].link_badge
    assert badge.isVisible() and badge.broken
    assert badge.badge.links[0].check.status == status
    assert f"Broken link ({status})" in badge.toolTip()
    click_badge(window, qtbot, badge)
    qtbot.waitUntil(lambda: "Not followed" in window.statusBar().currentMessage())
    assert window.session.path == path.resolve()
    assert not window.navigator.back_action.isEnabled()
    assert dialogs["urls"] == [] and dialogs["warnings"] == []


@pytest.mark.skipif(os.name != "posix", reason="named pipes and devices as POSIX has them")
@pytest.mark.parametrize("target", ["pipe.json", "climbing to /dev/zero"])
def test_a_link_to_a_pipe_or_a_device_is_refused_at_once_and_drawn_broken(window, samples, target):
    os.mkfifo(samples / "pipe.json")
    link_path = "pipe.json" if target == "pipe.json" else "../" * len(samples.parts) + "dev/zero"
    assert window.open_file(with_link(samples / f"{CUSTOMER}.json", link_path, USER, samples))
    badge = window.scene.stage_headers["stage-onboarding"].link_badge
    assert badge.broken and badge.badge.links[0].check.status == LinkStatus.UNREADABLE
    assert "not a regular file" in badge.toolTip()


def test_clicking_a_good_badge_opens_the_linked_map_and_back_returns(window, samples, qtbot, dialogs):
    customer = samples / f"{CUSTOMER}.json"
    assert window.open_file(customer)
    assert not window.navigator.back_action.isEnabled()
    click_badge(window, qtbot, window.scene.stage_headers["stage-onboarding"].link_badge)
    qtbot.waitUntil(lambda: window.session.document.id == USER)
    assert window.session.path == (samples / f"{USER}.json").resolve()
    assert window.navigator.back_action.isEnabled()
    assert "year-one-customer-journey.json" in window.navigator.back_action.toolTip()
    assert dialogs["urls"] == []  # only ever read as a map, never handed to another program

    # and on from there to the business journey's link in the customer journey, then back twice
    click_badge(window, qtbot, window.scene.stage_headers["stage-invite"].link_badge)
    qtbot.waitUntil(lambda: window.session.document.id == CUSTOMER)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.session.document.id == USER
    window.navigator.back_action.trigger()
    assert window.session.path == customer.resolve()
    assert not window.navigator.back_action.isEnabled()


def test_a_card_badge_opens_its_link_and_neither_selects_nor_moves_the_card(window, samples, qtbot):
    assert window.open_file(samples / f"{CUSTOMER}.json")
    card = window.scene.cards["tp-first-dashboards-live"]
    before = card.pos()
    click_badge(window, qtbot, card.link_badge)
    assert window.scene.selected_card_ids() == [] and card.pos() == before
    qtbot.waitUntil(lambda: window.session.document.id == USER)


def test_unsaved_changes_are_offered_for_saving_and_cancel_stays(window, samples, qtbot, dialogs):
    customer = samples / f"{CUSTOMER}.json"
    assert window.open_file(customer)
    window.scene.push(EditFields(window.session.document, "stage", "stage-kickoff", {"name": "Kick-off"}, "Rename"))
    window.scene.flush()
    dialogs["answer"] = QMessageBox.StandardButton.Cancel
    click_badge(window, qtbot, window.scene.stage_headers["stage-onboarding"].link_badge)
    qtbot.waitUntil(lambda: len(dialogs["questions"]) == 1)
    assert dialogs["questions"] == [f"Save the changes to {CUSTOMER}.json?"]
    assert window.session.path == customer.resolve() and window.isWindowModified()
    assert not window.navigator.back_action.isEnabled()


def test_a_link_is_checked_again_when_clicked(window, samples, qtbot):
    assert window.open_file(samples / f"{CUSTOMER}.json")
    badge = window.scene.stage_headers["stage-onboarding"].link_badge
    assert not badge.broken
    (samples / f"{USER}.json").unlink()  # gone since the last layout
    click_badge(window, qtbot, badge)
    qtbot.waitUntil(lambda: "Not followed" in window.statusBar().currentMessage())
    assert window.session.document.id == CUSTOMER


def test_links_are_read_once_per_file_not_on_every_layout_or_paint(window, samples, monkeypatch):
    reads = []
    original = json_format.load
    assert window.open_file(samples / f"{CUSTOMER}.json")
    window.scene.link_checker = linking.LinkChecker()  # forget what opening the map read
    monkeypatch.setattr(linking.json_format, "load", lambda path: reads.append(path) or original(path))
    window.scene.sync()
    assert sorted(path.name for path in reads) == [f"{USER}.json", f"{BUSINESS}.json"]
    scene = window.scene
    scene.push(EditFields(window.session.document, "stage", "stage-kickoff", {"name": "Kick-off"}, "Rename"))
    scene.flush()
    window.view.viewport().repaint()
    assert len(reads) == 2
    assert not scene.stage_headers["stage-onboarding"].link_badge.broken


def test_saving_the_map_elsewhere_keeps_its_badges_whole(window, samples, tmp_path):
    assert window.open_file(samples / f"{CUSTOMER}.json")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert window._save_to(elsewhere / "copy.json")
    window.scene.flush()
    assert window.undo_action.text() == "Undo Update 3 links for the new folder"
    assert window.session.document.stages["stage-onboarding"].links[0].path == f"../maps/{USER}.json"
    badge = window.scene.stage_headers["stage-onboarding"].link_badge
    assert not badge.broken and badge.badge.links[0].check.target == (samples / f"{USER}.json").resolve()
    assert not window.scene.cards["tp-first-dashboards-live"].link_badge.broken


def test_a_new_unsaved_map_cannot_resolve_links(window):
    window.new_map("customer")
    document = window.session.document
    stage = next(iter(document.stages))
    window.scene.push(EditFields(document, "stage", stage, {"links": ({"path": "x.json", "map_id": "x"},)}, "Link"))
    window.scene.flush()
    badge = window.scene.stage_headers[stage].link_badge
    assert badge.broken and "not saved yet" in badge.toolTip()


def test_clicking_beside_a_badge_still_selects_and_drags_headers(window, samples, qtbot):
    assert window.open_file(samples / f"{CUSTOMER}.json")
    header = window.scene.stage_headers["stage-onboarding"]
    window.view.centerOn(header)
    point = QPointF(header.rect.left() + 10, header.rect.top() + 10)
    press(window.view, point)
    release(window.view, point)
    assert header.isSelected()
    assert window.session.document.id == CUSTOMER


def test_several_links_show_a_count_and_offer_only_the_good_ones(window, samples):
    document = json_format.load(samples / f"{CUSTOMER}.json")
    document.update_touchpoint(
        "tp-first-dashboards-live",
        links=(
            {"path": f"{USER}.json", "map_id": USER, "label": "The analyst's first report"},
            {"path": "archive/old.json", "map_id": "old", "label": "Last year's map"},
        ),
    )
    path = samples / "two-links.json"
    json_format.save(document, path)
    assert window.open_file(path)
    badge = window.scene.cards["tp-first-dashboards-live"].link_badge
    assert badge.broken and badge._text == "2"
    assert (
        "The analyst's first report" in badge.toolTip()
        and "Broken link (missing file): Last year's map" in badge.toolTip()
    )
    menu = window.navigator.links_menu(badge.badge)
    assert [(action.text(), action.isEnabled()) for action in menu.actions()] == [
        ("The analyst's first report", True),
        ("Broken link (missing file): Last year's map", False),
    ]
    assert window.navigator.follow(badge.badge.links[1]) is False
    assert window.navigator.follow(badge.badge.links[0]) is True
    assert window.session.document.id == USER


def test_deleting_and_restoring_a_linked_card_keeps_its_badge(window, samples):
    assert window.open_file(samples / f"{CUSTOMER}.json")
    scene = window.scene
    scene.select_cards(["tp-first-dashboards-live"])
    scene.delete_selection()
    scene.flush()
    assert "tp-first-dashboards-live" not in scene.cards
    assert ("touchpoint", "tp-first-dashboards-live") not in scene.link_badges
    window.undo_action.trigger()
    scene.flush()
    badge = scene.cards["tp-first-dashboards-live"].link_badge
    assert badge.isVisible() and not badge.broken
    window.view.viewport().repaint()


# Save As into another folder rewrites the links so that they name the same files.


@pytest.fixture
def linked_pair(tmp_path):
    """The user journey and the customer journey it links to, side by side in a folder."""
    folder = tmp_path / "maps"
    folder.mkdir()
    for name in (USER, CUSTOMER):
        shutil.copy(next(sample for sample in SAMPLES if sample.stem == name), folder / f"{name}.json")
    return folder


def save_as(window, monkeypatch, path):
    """Save As, answering the file dialog with ``path``."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(path), "Journey maps (*.json)"))
    window.save_as_action.trigger()


def invite_link_path(window) -> str:
    return window.session.document.stages["stage-invite"].links[0].path


def test_save_as_into_a_subfolder_rewrites_the_link_and_undo_puts_it_back(window, linked_pair, monkeypatch):
    assert window.open_file(linked_pair / f"{USER}.json")
    target = linked_pair / "archive" / "copy.json"
    target.parent.mkdir()
    save_as(window, monkeypatch, target)

    assert window.session.path == target.resolve()
    assert not window.isWindowModified()
    [stage] = [stage for stage in json.loads(target.read_text())["stages"] if stage.get("links")]
    assert [link["path"] for link in stage["links"]] == [f"../{CUSTOMER}.json"]
    saved = json_format.load(target)
    assert saved == window.session.document
    [resolved] = resolve_links(saved, target, json_format.load)
    assert resolved.check.status == LinkStatus.OK
    assert resolved.check.target == (linked_pair / f"{CUSTOMER}.json").resolve()

    assert window.undo_action.text() == "Undo Update 1 link for the new folder"
    window.undo_action.trigger()
    assert invite_link_path(window) == f"{CUSTOMER}.json"
    assert window.isWindowModified()  # the file on disk holds the rewritten path


def test_save_as_in_the_same_folder_leaves_the_links_and_the_history_alone(window, linked_pair, monkeypatch):
    assert window.open_file(linked_pair / f"{USER}.json")
    save_as(window, monkeypatch, linked_pair / "renamed.json")
    assert window.session.path == (linked_pair / "renamed.json").resolve()
    assert invite_link_path(window) == f"{CUSTOMER}.json"
    assert window.session.undo_stack.count() == 0
    assert not window.isWindowModified()


def test_a_failed_save_as_leaves_the_links_and_the_history_as_they_were(window, linked_pair, monkeypatch, dialogs):
    assert window.open_file(linked_pair / f"{USER}.json")
    save_as(window, monkeypatch, linked_pair / "missing-folder" / "copy.json")
    assert "cannot save" in dialogs["warnings"][0]
    assert window.session.path == (linked_pair / f"{USER}.json").resolve()
    assert invite_link_path(window) == f"{CUSTOMER}.json"
    assert window.session.undo_stack.count() == 0
    assert not window.isWindowModified()


def test_a_new_map_saved_for_the_first_time_keeps_its_links_as_written(window, tmp_path, monkeypatch):
    window.new_map("customer")
    document = window.session.document
    stage = next(iter(document.stages))
    window.scene.push(EditFields(document, "stage", stage, {"links": ({"path": "x.json", "map_id": "x"},)}, "Link"))
    (tmp_path / "maps").mkdir()
    save_as(window, monkeypatch, tmp_path / "maps" / "new.json")
    assert document.stages[stage].links[0].path == "x.json"
    assert window.undo_action.text() == "Undo Link"
    assert not window.isWindowModified()
