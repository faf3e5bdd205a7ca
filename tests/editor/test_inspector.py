"""The inspector dock: it follows the selection, and every finished edit is one undo command.

The tests drive the real widgets (typing, Return, focus changes, clicks) and assert on the model
and on the undo stack; invalid input shows a message under the field and pushes nothing.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QColorDialog, QMainWindow, QMessageBox

from journeymapper.editor.inspector import Inspector
from journeymapper.editor.inspector.fields import MIXED
from journeymapper.editor.scene import MapScene
from journeymapper.editor.session import MapSession
from journeymapper.editor.view import MapView
from journeymapper.formats import json_format
from journeymapper.model import ConnectionKind, LaneKind, MapKind, Metric, PersonaPart

from gestures import centre, press, release
from support import REPO, build_small_map

CHECKED, UNCHECKED, PARTIAL = Qt.CheckState.Checked, Qt.CheckState.Unchecked, Qt.CheckState.PartiallyChecked


@pytest.fixture
def session(qapp) -> MapSession:
    return MapSession(build_small_map())


@pytest.fixture
def scene(session):
    scene = MapScene(session)
    yield scene
    scene.detach()


@pytest.fixture
def inspector(qtbot, scene) -> Inspector:
    inspector = Inspector()
    inspector.set_scene(scene)
    inspector.resize(360, 1000)
    qtbot.addWidget(inspector)
    inspector.show()
    qtbot.waitExposed(inspector)
    inspector.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is inspector)
    return inspector


def settle() -> None:
    """Let the scene relayout and the inspector refresh (both wait for the next turn of the loop)."""
    for _ in range(3):
        QApplication.processEvents()


def click(view, rect) -> None:
    press(view, centre(rect))
    release(view, centre(rect))
    settle()


def select(scene, *card_ids) -> None:
    scene.select_cards(card_ids)
    settle()


def type_line(qtbot, field, text: str) -> None:
    """Replace a line edit's text by typing, then press Return."""
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def type_text(qtbot, field, lines: list[str], then_focus) -> None:
    """Replace a multi-line field's text by typing, then move the focus away (which commits)."""
    field.setFocus()
    field.selectAll()
    for number, line in enumerate(lines):
        if number:
            qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.keyClicks(field, line)
    then_focus.setFocus()
    settle()


def type_cell(qtbot, metrics, row: int, column: int, text: str) -> None:
    """Open a metrics cell's editor, type over its text and press Return (the table commits it
    on the next turn of the event loop)."""
    metrics.edit_cell(row, column)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    settle()


def texts(stack) -> list[str]:
    return [stack.text(index) for index in range(stack.count())]


# -- following the selection ------------------------------------------------------------------


def test_a_selected_card_shows_every_field(inspector, scene):
    select(scene, "checkout")
    page = inspector.card_page
    assert inspector.page is page
    assert page.title.text() == "Checkout"
    assert page.stage.text() == "Purchase" and "Web team" in page.lane.text()
    assert page.emotion.buttons[-1].isChecked() and page.emotion_field.note.text().startswith("Negative")
    assert page.personas.value() == {"buyer": CHECKED}
    assert page.channel.currentText() == "" and page.channel.findText("video call") >= 0
    assert not page.metrics.table.isVisible()


def test_clicking_a_card_on_the_canvas_shows_it_and_clicking_another_switches(qtbot, canvas, session):
    inspector = Inspector()
    qtbot.addWidget(inspector)
    scene = canvas.scene()
    inspector.set_scene(scene)
    inspector.show()
    for card_id, title in (("search", "Search for shoes"), ("charge", "Charge card")):
        click(canvas, scene.layout.cards[card_id].rect)
        assert inspector.page is inspector.card_page and inspector.card_page.title.text() == title
    assert session.undo_stack.count() == 0  # selecting is not an edit


def test_clicking_the_canvas_while_typing_commits_the_edit_to_the_card_it_was_typed_for(qtbot, session):
    window = QMainWindow()
    view = MapView()
    scene = MapScene(session)
    view.setScene(scene)
    inspector = Inspector(window)
    window.setCentralWidget(view)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, inspector)
    inspector.set_scene(scene)
    window.resize(1500, 900)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view.actual_size()
    view.centerOn(scene.layout.bounds.width / 2, scene.layout.bounds.height / 2)
    click(view, scene.layout.cards["search"].rect)
    title = inspector.card_page.title
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Find shoes")  # no Return: the click on the canvas finishes the edit
    click(view, scene.layout.cards["charge"].rect)
    assert session.document.touchpoint("search").title == "Find shoes"
    assert session.document.touchpoint("charge").title == "Charge card"
    assert title.text() == "Charge card"
    assert texts(session.undo_stack) == ["Rename 'Search for shoes' to 'Find shoes'"]
    inspector.set_scene(None)
    scene.detach()


def test_nothing_selected_shows_the_map_and_a_header_shows_its_stage_or_lane(inspector, scene):
    assert inspector.page is inspector.map_page
    assert inspector.map_page.title.text() == "Checkout"
    assert inspector.map_page.kind.currentText() == "Customer journey"
    scene.stage_headers["pay"].setSelected(True)
    settle()
    assert inspector.page is inspector.stage_page and inspector.stage_page.name.text() == "Purchase"
    scene.clearSelection()
    scene.lane_headers["payments"].setSelected(True)
    settle()
    assert inspector.page is inspector.lane_page and inspector.lane_page.kind.currentText() == "Team"
    scene.connectors["c1"].setSelected(True)
    settle()
    assert inspector.page is inspector.several
    assert inspector.several.heading.text() == "1 connection and 1 header selected"


def test_changing_the_selection_updates_the_fields(inspector, scene):
    select(scene, "search")
    assert inspector.card_page.title.text() == "Search for shoes"
    assert inspector.card_page.emotion.value() == 1
    select(scene, "charge")
    assert inspector.card_page.title.text() == "Charge card"
    assert inspector.card_page.emotion.value() is None
    assert inspector.card_page.personas.value() == {"buyer": UNCHECKED}


def test_an_edit_left_unfinished_goes_to_the_card_it_was_typed_for(qtbot, inspector, scene, session):
    select(scene, "search")
    field = inspector.card_page.title
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Find shoes")
    select(scene, "charge")  # e.g. Find moved the selection while the user was typing
    assert session.document.touchpoint("search").title == "Find shoes"
    assert session.document.touchpoint("charge").title == "Charge card"
    assert field.text() == "Charge card"


# -- editing one card -------------------------------------------------------------------------


def test_editing_the_title_is_one_undo_step_and_undo_refreshes_the_field(qtbot, inspector, scene, session):
    select(scene, "checkout")
    title = inspector.card_page.title
    type_line(qtbot, title, "Pay securely")
    assert session.document.touchpoint("checkout").title == "Pay securely"
    assert texts(session.undo_stack) == ["Rename 'Checkout' to 'Pay securely'"]
    scene.setFocus()  # leaving the field finishes nothing new
    settle()
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    settle()
    assert session.document.touchpoint("checkout").title == "Checkout"
    assert title.text() == "Checkout"
    session.undo_stack.redo()
    settle()
    assert title.text() == "Pay securely"


def test_a_keystroke_is_not_an_edit_and_escape_puts_the_models_value_back(qtbot, inspector, scene, session):
    select(scene, "checkout")
    title = inspector.card_page.title
    title.setFocus()
    qtbot.keyClicks(title, " now")
    assert session.undo_stack.count() == 0
    qtbot.keyClick(title, Qt.Key.Key_Escape)
    assert title.text() == "Checkout"
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert session.undo_stack.count() == 0


def test_emotion_buttons_set_and_clear_the_emotion(qtbot, inspector, scene, session):
    select(scene, "checkout")
    page = inspector.card_page
    qtbot.mouseClick(page.emotion.buttons[2], Qt.MouseButton.LeftButton)
    assert session.document.touchpoint("checkout").emotion == 2
    assert page.emotion_field.note.text().startswith("Very positive")
    qtbot.mouseClick(page.emotion.buttons[None], Qt.MouseButton.LeftButton)
    assert session.document.touchpoint("checkout").emotion is None
    assert page.emotion_field.note.text() == "Not rated"
    assert texts(session.undo_stack) == ["Change emotion of 'Checkout'"] * 2
    session.undo_stack.undo()
    session.undo_stack.undo()
    settle()
    assert page.emotion.buttons[-1].isChecked() and session.document.touchpoint("checkout").emotion == -1


def test_the_channel_is_picked_from_the_list_or_typed(qtbot, inspector, scene, session):
    select(scene, "checkout")
    channel = inspector.card_page.channel
    type_line(qtbot, channel.lineEdit(), "kiosk")
    assert session.document.touchpoint("checkout").channel == "kiosk"
    channel.showPopup()
    popup = channel.view()
    row = popup.visualRect(channel.model().index(channel.findText("email"), 0))
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=row.center())
    assert session.document.touchpoint("checkout").channel == "email"
    assert texts(session.undo_stack) == ["Change channel of 'Checkout'"] * 2
    select(scene, "search")
    assert channel.findText("kiosk") < 0  # "kiosk" is no longer used in the map


def test_personas_are_tagged_and_untagged_with_their_check_boxes(qtbot, inspector, scene, session):
    select(scene, "charge")
    personas = inspector.card_page.personas
    personas.setFocus()
    personas.setCurrentRow(0)
    qtbot.keyClick(personas.viewport(), Qt.Key.Key_Space)
    assert session.document.touchpoint("charge").personas == ("buyer",)
    assert session.undo_stack.undoText() == "Change personas of 'Charge card'"
    personas.item_for("buyer").setCheckState(UNCHECKED)  # as a click on the box does
    assert session.document.touchpoint("charge").personas == ()
    assert session.undo_stack.count() == 2


def test_lists_take_one_item_per_line_and_tags_are_comma_separated(qtbot, inspector, scene, session):
    select(scene, "checkout")
    page = inspector.card_page
    type_text(qtbot, page.pain_points, ["Card declined", "", "  Slow 3-D Secure  "], then_focus=page.title)
    type_text(qtbot, page.opportunities, ["Offer wallets"], then_focus=page.title)
    type_line(qtbot, page.tags, "payments, mobile ,")
    type_text(qtbot, page.description, ["Pays by card.", "Second line."], then_focus=page.title)
    card = session.document.touchpoint("checkout")
    assert card.pain_points == ("Card declined", "Slow 3-D Secure")
    assert card.opportunities == ("Offer wallets",)
    assert card.tags == ("payments", "mobile")
    assert card.description == "Pays by card.\nSecond line."
    assert texts(session.undo_stack) == [
        "Change pain points of 'Checkout'",
        "Change opportunities of 'Checkout'",
        "Change tags of 'Checkout'",
        "Change description of 'Checkout'",
    ]


def test_metrics_are_added_edited_and_removed_in_the_table(qtbot, inspector, scene, session):
    select(scene, "checkout")
    metrics = inspector.card_page.metrics
    qtbot.mouseClick(metrics.add_button, Qt.MouseButton.LeftButton)
    assert session.document.touchpoint("checkout").metrics == {"New metric": Metric(value=0)}
    editor = QApplication.focusWidget()  # the name cell opens for typing
    qtbot.keyClicks(editor, "Conversion")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    settle()
    type_cell(qtbot, metrics, 0, 1, "12.5")
    type_cell(qtbot, metrics, 0, 2, "%")
    assert session.document.touchpoint("checkout").metrics == {"Conversion": Metric(value=12.5, unit="%")}
    assert texts(session.undo_stack) == ["Add metric to 'Checkout'"] + ["Change metrics of 'Checkout'"] * 3
    metrics.table.selectRow(0)
    qtbot.mouseClick(metrics.remove_button, Qt.MouseButton.LeftButton)
    assert session.document.touchpoint("checkout").metrics == {}
    assert session.undo_stack.undoText() == "Remove metric 'Conversion' from 'Checkout'"
    session.undo_stack.undo()
    settle()
    assert metrics.value() == (("Conversion", "12.5", "%"),)


def test_a_metric_value_that_is_not_a_number_shows_an_error_and_pushes_nothing(qtbot, inspector, scene, session):
    session.document.update_touchpoint("checkout", metrics={"NPS": {"value": 31}})
    select(scene, "checkout")
    metrics = inspector.card_page.metrics
    type_cell(qtbot, metrics, 0, 1, "abc")
    assert metrics.error.isVisible() and "must be a number" in metrics.error.text()
    assert session.undo_stack.count() == 0
    assert session.document.touchpoint("checkout").metrics == {"NPS": Metric(value=31)}
    type_cell(qtbot, metrics, 0, 1, "42")
    assert not metrics.error.isVisible()
    assert session.document.touchpoint("checkout").metrics["NPS"].value == 42
    assert isinstance(session.document.touchpoint("checkout").metrics["NPS"].value, int)


def test_a_duplicate_or_empty_metric_name_is_refused_inline(qtbot, inspector, scene, session):
    session.document.update_touchpoint("checkout", metrics={"NPS": {"value": 31}, "CSAT": {"value": 4}})
    select(scene, "checkout")
    metrics = inspector.card_page.metrics
    for text, message in (("NPS", "Two metrics are named 'NPS'"), (" ", "Row 2: a metric needs a name")):
        type_cell(qtbot, metrics, 1, 0, text)
        assert metrics.error.text() == message
    assert session.undo_stack.count() == 0


def test_a_title_the_model_refuses_shows_the_models_message_and_pushes_nothing(qtbot, inspector, scene, session):
    select(scene, "checkout")
    title = inspector.card_page.title
    title.setText("x" * 501)
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert title.error.isVisible() and "at most 500 characters" in title.error.text()
    assert session.undo_stack.count() == 0
    type_line(qtbot, title, "")
    assert title.error.text() == "A card needs a title"
    type_line(qtbot, title, "Pay")
    assert not title.error.isVisible() and session.undo_stack.count() == 1


def test_a_change_elsewhere_refreshes_the_fields_but_not_the_one_being_typed_in(qtbot, inspector, scene, session):
    from journeymapper.editor.commands import EditFields

    select(scene, "checkout")
    page = inspector.card_page
    page.title.setFocus()
    page.title.selectAll()
    qtbot.keyClicks(page.title, "Half-typed")
    scene.push(
        EditFields(
            session.document,
            "touchpoint",
            "checkout",
            {"channel": "web", "title": "Renamed on canvas"},
            "Rename on canvas",
        )
    )
    settle()
    assert page.channel.currentText() == "web"
    assert page.title.text() == "Half-typed"  # the user's typing survives the refresh
    qtbot.keyClick(page.title, Qt.Key.Key_Return)
    assert session.document.touchpoint("checkout").title == "Half-typed"


def test_names_from_the_map_are_shown_as_text_not_markup(inspector, scene, session):
    session.document.update_lane("web", name="<b>Web</b> & co")
    select(scene, "checkout")
    assert "&lt;b&gt;Web&lt;/b&gt; &amp; co" in inspector.card_page.lane.text()


def test_deleting_the_inspected_card_falls_back_to_the_map(inspector, scene, session):
    select(scene, "checkout")
    scene.delete_selection()
    settle()
    assert inspector.page is inspector.map_page
    session.undo_stack.undo()
    settle()
    assert inspector.page is inspector.map_page


# -- connections ------------------------------------------------------------------------------


def select_connection(scene, connection_id: str) -> None:
    scene.clearSelection()
    scene.connectors[connection_id].setSelected(True)
    settle()


def test_a_connection_edits_kind_label_and_conversion_rate(qtbot, inspector, scene, session):
    select_connection(scene, "c2")
    page = inspector.connection_page
    assert inspector.page is page
    assert page.heading.text() == "Compare sizes  →  Checkout"
    assert page.rate.text() == "40" and page.kind.value() == ConnectionKind.FLOW
    qtbot.mouseClick(page.kind.buttons[ConnectionKind.HANDOFF], Qt.MouseButton.LeftButton)
    type_line(qtbot, page.label, "Adds to basket")
    type_line(qtbot, page.rate, "55 %")
    connection = session.document.connection("c2")
    assert (connection.kind, connection.label, connection.conversion_rate) == ("handoff", "Adds to basket", 0.55)
    type_line(qtbot, page.rate, "")
    assert session.document.connection("c2").conversion_rate is None
    assert texts(session.undo_stack) == [
        "Change kind of 'Compare sizes' → 'Checkout'",
        "Change label of 'Compare sizes' → 'Checkout'",
        "Change conversion rate of 'Compare sizes' → 'Checkout'",
        "Change conversion rate of 'Compare sizes' → 'Checkout'",
    ]


@pytest.mark.parametrize("typed", ["150", "-3", "lots"])
def test_a_conversion_rate_outside_0_to_100_shows_an_error_and_pushes_nothing(qtbot, inspector, scene, session, typed):
    select_connection(scene, "c2")
    rate = inspector.connection_page.rate
    type_line(qtbot, rate, typed)
    assert rate.error.isVisible() and "from 0 to 100" in rate.error.text()
    assert session.undo_stack.count() == 0
    assert session.document.connection("c2").conversion_rate == 0.4
    qtbot.keyClick(rate, Qt.Key.Key_Escape)
    assert rate.text() == "40"


# -- stages and lanes -------------------------------------------------------------------------


def test_a_stage_header_edits_name_and_description(qtbot, inspector, scene, session):
    scene.stage_headers["browse"].setSelected(True)
    settle()
    page = inspector.stage_page
    type_line(qtbot, page.name, "Discover")
    type_text(qtbot, page.description, ["Looking around"], then_focus=page.name)
    stage = session.document.stages["browse"]
    assert (stage.name, stage.description) == ("Discover", "Looking around")
    assert texts(session.undo_stack) == [
        "Rename stage 'Browse' to 'Discover'",
        "Change description of stage 'Discover'",
    ]
    type_line(qtbot, page.name, "   ")
    assert page.name.error.text() == "A stage needs a name" and session.undo_stack.count() == 2


def test_a_lane_header_edits_kind_and_colour(qtbot, inspector, scene, session, monkeypatch):
    scene.lane_headers["payments"].setSelected(True)
    settle()
    page = inspector.lane_page
    page.kind.setFocus()
    qtbot.keyClick(page.kind, Qt.Key.Key_End)  # the last kind: support processes
    assert session.document.lanes["payments"].kind == LaneKind.SUPPORT
    qtbot.mouseClick(page.colour.swatches["#228833"], Qt.MouseButton.LeftButton)
    assert session.document.lanes["payments"].colour == "#228833"
    assert page.colour.swatches["#228833"].isChecked()
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *args: QColor("#123456")))
    qtbot.mouseClick(page.colour.custom, Qt.MouseButton.LeftButton)
    assert session.document.lanes["payments"].colour == "#123456"
    assert page.colour.custom.isChecked() and page.colour.name.text() == "Custom  ·  #123456"
    qtbot.mouseClick(page.colour.swatches[None], Qt.MouseButton.LeftButton)
    assert session.document.lanes["payments"].colour is None
    assert (
        texts(session.undo_stack)
        == ["Change kind of lane 'Payments' to Support processes"] + ["Change colour of lane 'Payments'"] * 3
    )
    session.undo_stack.undo()
    settle()
    assert page.colour.value() == "#123456"


# -- the map and its personas -----------------------------------------------------------------


def test_the_map_edits_title_kind_author_and_description(qtbot, inspector, session):
    page = inspector.map_page
    type_line(qtbot, page.title, "Checkout, v2")
    page.kind.setFocus()
    qtbot.keyClick(page.kind, Qt.Key.Key_Down)
    type_line(qtbot, page.author, "CX team")
    type_text(qtbot, page.description, ["Mobile checkout"], then_focus=page.title)
    info = session.document.info
    assert (info.title, info.kind, info.author, info.description) == (
        "Checkout, v2",
        MapKind.USER,
        "CX team",
        "Mobile checkout",
    )
    assert texts(session.undo_stack) == [
        "Rename map to 'Checkout, v2'",
        "Change kind of the map to User journey",
        "Change author of the map",
        "Change description of the map",
    ]


def test_personas_are_added_edited_and_removed(qtbot, inspector, scene, session):
    page = inspector.map_page
    assert page.persona_name.text() == "Bea"
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert len(session.document.personas) == 2
    assert QApplication.focusWidget() is page.persona_name and page.persona_name.text() == "New persona"
    qtbot.keyClicks(page.persona_name, "Carl")  # the name is selected: typing replaces it
    qtbot.keyClick(page.persona_name, Qt.Key.Key_Return)
    type_line(qtbot, page.persona_role, "Gift buyer")
    type_text(qtbot, page.goals, ["Wrap it", "Ship fast"], then_focus=page.persona_name)
    type_text(qtbot, page.frustrations, ["Hidden fees"], then_focus=page.persona_name)
    carl = list(session.document.personas.values())[1]
    assert (carl.name, carl.role, carl.goals, carl.frustrations) == (
        "Carl",
        "Gift buyer",
        ("Wrap it", "Ship fast"),
        ("Hidden fees",),
    )
    assert page.persona_list.item(1).text() == "Carl"
    assert texts(session.undo_stack) == [
        "Add persona 'New persona'",
        "Rename persona 'New persona' to 'Carl'",
        "Change role of persona 'Carl'",
        "Change goals of persona 'Carl'",
        "Change frustrations of persona 'Carl'",
    ]

    page.persona_list.setCurrentRow(0)
    assert page.persona_name.text() == "Bea"
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert list(session.document.personas) == [carl.id]
    assert session.document.touchpoint("checkout").personas == ()
    assert session.undo_stack.undoText() == "Remove persona 'Bea' (untagged from 3 cards)"
    session.undo_stack.undo()
    settle()
    assert session.document.touchpoint("checkout").personas == ("buyer",)
    assert page.persona_list.count() == 2


def test_a_map_edit_left_unfinished_is_committed_when_a_card_gets_selected(qtbot, inspector, scene, session):
    title = inspector.map_page.title
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Checkout flow")
    select(scene, "checkout")
    assert session.document.title == "Checkout flow"
    assert texts(session.undo_stack) == ["Rename map to 'Checkout flow'"]


def test_commit_pending_finishes_the_edit_in_progress(qtbot, inspector, scene, session):
    select(scene, "checkout")
    page = inspector.card_page
    page.pain_points.setFocus()
    qtbot.keyClicks(page.pain_points, "Card declined")
    inspector.commit_pending()  # the window calls this before saving
    assert session.document.touchpoint("checkout").pain_points == ("Card declined",)
    assert session.undo_stack.count() == 1


def test_an_empty_map_title_is_refused_inline(qtbot, inspector, session):
    type_line(qtbot, inspector.map_page.title, "")
    assert inspector.map_page.title.error.text() == "A map needs a title"
    assert session.undo_stack.count() == 0


# -- several cards ----------------------------------------------------------------------------


def test_a_bulk_emotion_change_of_two_cards_is_one_undo_step(qtbot, inspector, scene, session):
    select(scene, "search", "checkout")
    page = inspector.bulk_page
    assert inspector.page is page and page.heading.text() == "2 cards selected"
    assert page.emotion.value() is MIXED
    qtbot.mouseClick(page.emotion.buttons[2], Qt.MouseButton.LeftButton)
    assert [session.document.touchpoint(c).emotion for c in ("search", "checkout")] == [2, 2]
    assert texts(session.undo_stack) == ["Change emotion of 2 cards"]
    session.undo_stack.undo()
    settle()
    assert [session.document.touchpoint(c).emotion for c in ("search", "checkout")] == [1, -1]
    assert page.emotion.value() is MIXED


def test_bulk_channel_and_personas(qtbot, inspector, scene, session):
    select(scene, "checkout", "charge")
    page = inspector.bulk_page
    assert page.personas.value() == {"buyer": PARTIAL}
    type_line(qtbot, page.channel.lineEdit(), "web")
    assert {session.document.touchpoint(c).channel for c in ("checkout", "charge")} == {"web"}
    page.personas.item_for("buyer").setCheckState(CHECKED)
    assert session.document.touchpoint("charge").personas == ("buyer",)
    settle()
    page.personas.item_for("buyer").setCheckState(UNCHECKED)
    assert session.document.touchpoint("checkout").personas == ()
    assert texts(session.undo_stack) == [
        "Change channel of 2 cards",
        "Tag 'Bea' on 2 cards",
        "Untag 'Bea' from 2 cards",
    ]
    session.undo_stack.undo()
    session.undo_stack.undo()
    settle()
    assert page.personas.value() == {"buyer": PARTIAL}


# -- switching maps ---------------------------------------------------------------------------


def test_set_scene_follows_the_new_map_and_lets_go_of_the_old_one(qtbot, inspector, scene, session):
    other = MapScene(MapSession(build_small_map()))
    inspector.set_scene(other)
    session.document.update_map(title="Old map, edited")
    scene.select_cards(["checkout"])
    settle()
    assert inspector.page is inspector.map_page and inspector.map_page.title.text() == "Checkout"
    type_line(qtbot, inspector.map_page.title, "New map")
    assert other.document.title == "New map" and other.session.undo_stack.count() == 1
    assert session.undo_stack.count() == 0
    inspector.set_scene(None)
    assert inspector.page is inspector.empty
    other.detach()


def test_the_sample_map_renders_a_card(qtbot, tmp_path):
    session = MapSession(json_format.load(REPO / "samples" / "year-one-customer-journey.json"))
    scene = MapScene(session)
    inspector = Inspector()
    qtbot.addWidget(inspector)
    inspector.set_scene(scene)
    inspector.resize(360, 1100)
    inspector.show()
    card = next(card for card in session.document.touchpoints() if card.metrics and card.pain_points)
    select(scene, card.id)
    assert inspector.card_page.title.text() == card.title
    assert inspector.card_page.metrics.table.rowCount() == len(card.metrics)
    assert inspector.grab().save(str(tmp_path / "inspector.png"))
    scene.detach()


def test_a_persona_part_is_chosen_and_cleared(qtbot, inspector, session):
    part = inspector.map_page.persona_part
    assert part.currentText() == "Not set"
    part.setCurrentIndex(part.findText("Executive sponsor"))
    part.activated.emit(part.currentIndex())  # as choosing from the list does
    assert session.document.personas["buyer"].part is PersonaPart.SPONSOR
    assert session.undo_stack.undoText() == "Change part of persona 'Bea'"
    part.setCurrentIndex(0)
    part.activated.emit(0)
    assert session.document.personas["buyer"].part is None
    session.undo_stack.undo()
    settle()
    assert part.currentText() == "Executive sponsor"


# -- what the map's kind suggests ---------------------------------------------------------------


def test_the_add_metric_menu_offers_the_kinds_presets_with_units(qtbot, inspector, scene, session):
    session.document.update_touchpoint("checkout", metrics={"Churn": {"value": 3, "unit": "%"}})
    select(scene, "checkout")
    metrics = inspector.card_page.metrics
    menu = metrics.add_button.menu()
    menu.aboutToShow.emit()
    actions = {action.text(): action for action in menu.actions()}
    assert list(actions) == [
        "Conversion rate (%)",
        "CAC (USD)",
        "Churn (%)",
        "NPS",
        "CLV (USD)",
        "Time to value (days)",
    ]
    assert not actions["Churn (%)"].isEnabled()  # the card has it already
    actions["Time to value (days)"].trigger()
    assert session.document.touchpoint("checkout").metrics["Time to value"] == Metric(value=0, unit="days")
    assert session.undo_stack.undoText() == "Add metric 'Time to value' to 'Checkout'"
    assert metrics.table.currentColumn() == 1  # the value is what is left to type

    session.document.update_map(kind=MapKind.USER)
    settle()
    menu.aboutToShow.emit()
    assert next(action.text() for action in menu.actions()) == "Task success rate (%)"


def test_a_lane_name_completes_to_the_owner_teams_of_the_maps_kind(qtbot, inspector, scene, session):
    scene.lane_headers["payments"].setSelected(True)
    settle()
    completer = inspector.lane_page.name.completer()
    completer.setCompletionPrefix("cu")
    assert completer.currentCompletion() == "Customer Success"
    session.document.update_map(kind=MapKind.BUSINESS)
    settle()
    completer.setCompletionPrefix("wa")
    assert completer.currentCompletion() == "Warehouse"


def test_a_copied_map_gets_an_id_of_its_own_in_one_undoable_step(qtbot, inspector, session, monkeypatch):
    page = inspector.map_page
    assert page.map_id.text() == "checkout-map"
    asked = []

    def answer_yes(parent, title, text, *buttons):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    qtbot.mouseClick(page.new_id_button, Qt.MouseButton.LeftButton)
    assert "will show as broken" in asked[0]
    new_id = session.document.id
    assert new_id.startswith("checkout-") and new_id != "checkout-map"
    settle()
    assert page.map_id.text() == new_id
    assert texts(session.undo_stack) == [f"Give the map the id '{new_id}'"]
    session.undo_stack.undo()
    assert session.document.id == "checkout-map"


def test_cancelling_the_new_id_question_changes_nothing(qtbot, inspector, session, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(inspector.map_page.new_id_button, Qt.MouseButton.LeftButton)
    assert session.document.id == "checkout-map" and session.undo_stack.count() == 0
