"""Card tables in the editor: File → Export Cards as CSV…, Import Cards from CSV… and Update from
CSV…, the last as one undo step."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QFileDialog, QMessageBox

from journeymapper.editor.card_tables import table_edit
from journeymapper.editor.file_kinds import CSV_DELIMITERS
from journeymapper.formats import json_format
from journeymapper.formats.csv_cards import dumps_csv, update_from_text
from journeymapper.model import Lane, Stage, Touchpoint

from strategies import copy_of, journey_maps
from support import SAMPLES, build_small_map

SAMPLE = SAMPLES[-1]  # the year-one customer journey
SEMICOLONS = next(choice for choice, delimiter in CSV_DELIMITERS.items() if delimiter == ";")


@pytest.fixture
def dialogs(monkeypatch):
    """The file dialogs answer with ``chosen`` (and ``choice`` as the filter); message boxes are noted."""
    shown: dict = {"warnings": [], "chosen": None, "choice": ""}
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown["warnings"].append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(shown["chosen"]), shown["choice"]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(shown["chosen"]), shown["choice"]))
    return shown


def menu_action(window, text: str):
    file_menu = next(action.menu() for action in window.menuBar().actions() if action.text() == "&File")
    return next(action for action in file_menu.actions() if action.text() == text)


def test_the_file_menu_has_the_three_and_two_need_a_map(window):
    texts = ("&Import Cards from CSV…", "&Update from CSV…", "Export Cards as &CSV…")
    assert [menu_action(window, text).isEnabled() for text in texts] == [True, False, False]
    window.new_map("customer")
    assert [menu_action(window, text).isEnabled() for text in texts] == [True, True, True]


def test_export_writes_the_cards_with_the_delimiter_of_the_chosen_filter(window, tmp_path, dialogs):
    assert window.open_file(SAMPLE)
    dialogs["chosen"], dialogs["choice"] = tmp_path / "cards.csv", SEMICOLONS
    menu_action(window, "Export Cards as &CSV…").trigger()
    assert (tmp_path / "cards.csv").read_bytes() == dumps_csv(window.session.document, ";")
    assert "Exported cards.csv" in window.statusBar().currentMessage()


def test_import_makes_a_new_unsaved_map(window, tmp_path, dialogs):
    dialogs["chosen"] = tmp_path / "workshop.csv"
    dialogs["chosen"].write_text("stage,lane,title\nDiscover,Marketing,Sees the ad\nBuy,Web,Pays\n")
    menu_action(window, "&Import Cards from CSV…").trigger()
    document = window.session.document
    assert [stage.name for stage in document.stages.values()] == ["Discover", "Buy"]
    assert (document.title, window.session.path, window.isWindowModified()) == ("Workshop", None, True)
    assert "Imported workshop.csv" in window.statusBar().currentMessage()


def test_a_bad_table_is_reported_and_the_open_map_stays(window, tmp_path, dialogs):
    assert window.open_file(SAMPLE)
    dialogs["chosen"] = tmp_path / "bad.csv"
    dialogs["chosen"].write_text("stage,lane,title,emotion\nS,L,a,very sad\n")
    menu_action(window, "&Import Cards from CSV…").trigger()
    assert dialogs["warnings"] == [
        f"{dialogs['chosen']}: row 2, column \"emotion\": must be a whole number from -2 to 2, found 'very sad'"
    ]
    assert window.session.path == SAMPLE.resolve()


def test_update_applies_the_table_as_one_undo_step(window, tmp_path, dialogs):
    assert window.open_file(SAMPLE)
    document = window.session.document
    before = json_format.dumps(document)
    dialogs["chosen"] = tmp_path / "numbers.csv"
    dialogs["chosen"].write_text(
        "id,stage,lane,index,title,metrics,personas\n"
        "tp-kickoff-call,,,,,Signature to kickoff=7 days,\n"
        "tp-welcome-email,Onboarding,Support,0,,,\n"
        ",Expansion,Sales,,Upsell call,,Dana Whitfield; New Buyer\n"
    )
    expected = update_from_text(json_format.loads(before), dialogs["chosen"].read_text())
    menu_action(window, "&Update from CSV…").trigger()
    assert dialogs["warnings"] == []
    assert document == expected
    stack = window.session.undo_stack
    assert (stack.count(), stack.undoText()) == (1, "Update cards from numbers.csv")
    assert "Updated from numbers.csv: 2 touchpoints changed, 1 added; 1 new stage; 1 new persona" in (
        window.statusBar().currentMessage()
    )
    stack.undo()
    assert json_format.dumps(document) == before
    stack.redo()
    assert document == expected


def test_an_update_that_changes_nothing_adds_no_step(window, tmp_path, dialogs):
    assert window.open_file(SAMPLE)
    dialogs["chosen"] = tmp_path / "same.csv"
    dialogs["chosen"].write_bytes(dumps_csv(window.session.document))
    menu_action(window, "&Update from CSV…").trigger()
    assert window.session.undo_stack.count() == 0
    assert "same.csv changes nothing in the map" in window.statusBar().currentMessage()


def test_a_bad_update_is_reported_and_changes_nothing(window, tmp_path, dialogs):
    assert window.open_file(SAMPLE)
    before = json_format.dumps(window.session.document)
    dialogs["chosen"] = tmp_path / "bad.csv"
    dialogs["chosen"].write_text("id,emotion\ntp-kickoff-call,1\ntp-welcome-email,9\n")
    menu_action(window, "&Update from CSV…").trigger()
    assert dialogs["warnings"][0].endswith("row 3, column \"emotion\": must be a whole number from -2 to 2, found '9'")
    assert json_format.dumps(window.session.document) == before
    assert window.session.undo_stack.count() == 0


def test_the_step_rebuilds_reordered_and_crowded_cells_exactly_and_undoes_them(qapp):
    document = build_small_map()
    before = json_format.dumps(document)
    text = (
        "id,stage,lane,index,title\nsearch,Browse,Web team,0,\ncharge,Browse,Web team,1,\nnew,Purchase,Payments,0,New\n"
    )
    target = update_from_text(json_format.loads(before), text)
    edit = table_edit(document, target, "Update")
    edit.apply()
    assert document == target
    assert document.cell("browse", "web") == ("search", "charge", "compare")
    edit.revert()
    assert json_format.dumps(document) == before


@st.composite
def changed_as_a_table_changes(draw):
    """A random map, and a copy of it changed as only a table changes one: a new stage and lane,
    cards moved, retitled and added anywhere."""
    document = draw(journey_maps())
    target = copy_of(document)
    target.add_stage(Stage(id="new-stage", name="New stage"))
    target.add_lane(Lane(id="new-lane", name="New lane"))
    places = st.tuples(st.sampled_from(list(target.stages)), st.sampled_from(list(target.lanes)), st.integers(0, 5))
    for card in document.touchpoints():
        if draw(st.booleans()):
            target.move_touchpoint(card.id, *draw(places))
        if draw(st.booleans()):
            target.update_touchpoint(card.id, title=draw(st.text(max_size=5)))
    for number in range(draw(st.integers(0, 3))):
        stage, lane, index = draw(places)
        target.add_touchpoint(Touchpoint(id=f"new-{number}", stage=stage, lane=lane, index=index, title="New"))
    return document, target


@settings(max_examples=150, deadline=None)
@given(changed_as_a_table_changes())
def test_the_step_turns_any_map_into_the_changed_one_and_back(qapp, maps):
    document, target = maps
    before = json_format.dumps(document)
    edit = table_edit(document, target, "Update")
    if edit is None:
        assert document == target
        return
    edit.apply()
    assert document == target
    edit.revert()
    assert json_format.dumps(document) == before
