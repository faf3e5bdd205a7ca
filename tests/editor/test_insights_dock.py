"""The Insights dock: map_insights of the open map grouped by kind; clicking a finding selects its
cards; edits refresh it once per turn of the event loop, and only while it shows. Behind this
journey: each linked map's headline, and a click follows the link."""

from __future__ import annotations

import datetime
import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from journeymapper.editor.commands import AddConnection, EditFields
from journeymapper.editor.dock_lists import DETAIL
from journeymapper.formats import json_format
from journeymapper.model import Connection, JourneyDocument, Lane, Stage, Touchpoint


@pytest.fixture(autouse=True)
def dialogs(monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: pytest.fail(f"unexpected warning {args[2]}"))
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Discard)


def hand_built() -> JourneyDocument:
    """Three stages (and an empty fourth), two teams.

    sign (Sales) -> setup (CS) -> use (CS), and sign -> ask (Sales, stage two) which leads nowhere:
    one entry (sign), exits ask and use, one dead end (ask: an exit before the last stage), one
    hand-off Sales -> CS, and the stage "Later" empty.
    """
    document = JourneyDocument("hand-built", "Hand-built", "customer")
    for stage_id, name in (("one", "Buy"), ("two", "Set up"), ("three", "Use"), ("later", "Later")):
        document.add_stage(Stage(id=stage_id, name=name))
    document.add_lane(Lane(id="sales", name="Sales"))
    document.add_lane(Lane(id="cs", name="Customer Success"))
    for card_id, stage, lane, title, emotion in (
        ("sign", "one", "sales", "Sign the order", 1),
        ("ask", "two", "sales", "Ask for a discount", -2),
        ("setup", "two", "cs", "Set up the workspace", 0),
        ("use", "three", "cs", "First report", 2),
    ):
        index = len(document.cell(stage, lane))
        document.add_touchpoint(
            Touchpoint(id=card_id, stage=stage, lane=lane, index=index, title=title, emotion=emotion)
        )
    document.add_connection(Connection(id="c1", source="sign", target="setup", kind="handoff"))
    document.add_connection(Connection(id="c2", source="setup", target="use", conversion_rate=0.5))
    document.add_connection(Connection(id="c3", source="sign", target="ask"))
    return document


@pytest.fixture
def dock(window, tmp_path, qtbot):
    path = tmp_path / "hand-built.json"
    json_format.save(hand_built(), path)
    assert window.open_file(path)
    window.insights.raise_()
    qtbot.waitUntil(
        lambda: (
            window.insights_list.showing
            and window.insights_list.insights is not None
            and window.insights_list.insights.entries
            and not window.insights_list._stale
        )
    )
    return window.insights_list


def children(dock, key):
    group = dock.group_item(key)
    return [(group.child(n).text(0), group.child(n).text(1)) for n in range(group.childCount())]


def click(qtbot, dock, item):
    tree = dock.tree
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())


def test_findings_are_grouped_by_kind_with_counts(dock):
    assert [dock.tree.topLevelItem(n).text(0) for n in range(dock.tree.topLevelItemCount())] == [
        "Entry points",
        "Exits",
        "Dead ends",
        "Unreachable",
        "Off the journey",
        "Loops",
        "Hand-offs between teams",
        "Empty stages",
        "Lowest moments",
        "Pain-point hot spots",
        "Paths Buy → Use",
        "Conversion",
        "Behind this journey",
    ]
    assert children(dock, "entries") == [("Sign the order", "")]
    assert children(dock, "exits") == [("Ask for a discount", ""), ("First report", "")]
    assert children(dock, "dead_ends") == [("Ask for a discount", "")]
    assert dock.group_item("dead_ends").text(1) == "1"
    assert children(dock, "unreachable") == [] and dock.group_item("unreachable").text(1) == "0"
    assert children(dock, "handoffs") == [("Sales → Customer Success", "×1")]
    assert children(dock, "empty_stages") == [("Later", "")]
    assert children(dock, "lowest_moments")[0] == ("Ask for a discount", "\u22122")
    assert children(dock, "paths") == [("Sign the order → Set up the workspace → First report", "50%")]
    assert children(dock, "conversion") == [("Over the measured steps", "50%"), ("Weakest step", "50%")]
    assert dock.group_item("conversion").child(0).data(0, DETAIL) == "best path, 1 of 2 steps measured"
    assert "1 dead ends" in dock.summary.text() and "1 empty stages" in dock.summary.text()


def test_clicking_a_dead_end_selects_that_card_and_scrolls_to_it(dock, window, qtbot):
    group = dock.group_item("dead_ends")
    assert group.isExpanded()
    window.view.centerOn(5000, 5000)
    click(qtbot, dock, group.child(0))
    assert window.scene.selected_card_ids() == ["ask"]
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(window.scene.cards["ask"].sceneBoundingRect())


def test_clicking_a_group_selects_all_its_cards_and_an_empty_stage_its_header(dock, window, qtbot):
    click(qtbot, dock, dock.group_item("exits"))
    assert window.scene.selected_card_ids() == ["ask", "use"]
    empty = dock.group_item("empty_stages")
    empty.setExpanded(True)
    click(qtbot, dock, empty.child(0))
    assert window.scene.selected_card_ids() == []
    assert window.scene.stage_headers["later"].isSelected()


def test_a_handoff_selects_the_cards_at_both_ends(dock, window, qtbot):
    handoffs = dock.group_item("handoffs")
    handoffs.setExpanded(True)
    click(qtbot, dock, handoffs.child(0))
    assert window.scene.selected_card_ids() == ["sign", "setup"]


def test_edits_refresh_the_findings_once_per_turn_of_the_event_loop(dock, window, qtbot):
    before = dock.refreshes
    document = window.session.document
    window.scene.push(AddConnection(document, Connection(id="c4", source="ask", target="use"), "Connect"))
    window.scene.push(EditFields(document, "touchpoint", "ask", {"title": "Ask for a better price"}, "Rename"))
    assert dock.refreshes == before  # nothing yet: the edits of this turn are gathered first
    qtbot.waitUntil(lambda: dock.refreshes > before)
    qtbot.wait(20)
    assert dock.refreshes == before + 1
    assert children(dock, "dead_ends") == []
    assert children(dock, "exits") == [("First report", "")]
    assert children(dock, "lowest_moments")[0] == ("Ask for a better price", "\u22122")


def test_while_hidden_the_dock_computes_nothing_and_catches_up_when_shown(dock, window, qtbot):
    window.inspector.raise_()
    qtbot.waitUntil(lambda: not dock.showing)
    before = dock.refreshes
    window.scene.push(
        AddConnection(window.session.document, Connection(id="c4", source="ask", target="use"), "Connect")
    )
    qtbot.wait(20)
    assert dock.refreshes == before
    window.insights.raise_()
    qtbot.waitUntil(lambda: dock.refreshes == before + 1)
    assert children(dock, "dead_ends") == []


def test_closing_the_map_empties_the_dock(dock, window):
    window.close_map()
    assert dock.tree.topLevelItemCount() == 0 and dock.insights is None
    assert "Open a map" in dock.summary.text()


@pytest.fixture
def customer_dock(window, samples, qtbot):
    """The Insights dock on the customer-journey sample, once the linked maps' numbers are in."""
    assert window.open_file(samples / "year-one-customer-journey.json")
    window.insights.raise_()
    qtbot.waitUntil(lambda: not window.scene.link_checker.pending)
    qtbot.waitUntil(lambda: window.insights_list.showing and not window.insights_list._stale)
    return window.insights_list


def test_behind_this_journey_lists_each_link_with_the_linked_map_s_headline(customer_dock):
    group = customer_dock.group_item("behind")
    assert customer_dock.tree.topLevelItem(0) is group  # the maps behind come first when there are any
    assert group.text(0) == "Behind this journey" and group.isExpanded()
    assert children(customer_dock, "behind") == [
        ("Closed/Won → Online shoe order: from checkout to the end of the return window", "≤18.3%"),
        ("Onboarding → First report and first alert: a new operations analyst", "2.28%"),
        ("First dashboards live → First report and first alert: a new operations analyst", "2.28%"),
    ]
    onboarding = group.child(1)
    assert onboarding.data(0, DETAIL) == "User journey · 31 cards · converts 2.28% · 1 dead end"
    assert group.child(0).data(0, DETAIL) == "Business journey · 32 cards · converts ≤18.3% · 6 dead ends"
    tooltip = onboarding.toolTip(0)
    assert "Lowest moment: Connection test times out (-2), in Connect a data source" in tooltip
    assert tooltip.endswith("Click to open the linked map (Alt+Left comes back).")


def test_new_numbers_from_a_linked_map_rebuild_only_the_section_behind(customer_dock, window, samples, qtbot):
    may_day = datetime.datetime(2024, 5, 1, 12).timestamp()
    os.utime(samples / "first-report-user-journey.json", (may_day, may_day))  # changed on disk
    window.scene.sync()  # the next layout sees it, reads it again and works its numbers out anew
    before = customer_dock.refreshes
    qtbot.waitUntil(lambda: "changed 2024-05-01" in customer_dock.group_item("behind").child(1).toolTip(0))
    assert customer_dock.refreshes == before  # the map's own findings were not worked out again
    group = customer_dock.group_item("behind")
    assert customer_dock.tree.topLevelItem(0) is group and group.isExpanded()


def test_clicking_a_linked_map_opens_it_as_its_badge_does_and_back_returns(customer_dock, window, qtbot):
    click(qtbot, customer_dock, customer_dock.group_item("behind").child(1))
    qtbot.waitUntil(lambda: window.session.document.id == "first-report-user-journey")
    assert window.navigator.back_action.isEnabled()
    window.navigator.back_action.trigger()
    assert window.session.document.id == "year-one-customer-journey"


def test_a_broken_link_is_listed_as_broken_and_goes_nowhere(window, samples, qtbot):
    document = json_format.load(samples / "year-one-customer-journey.json")
    document.update_stage("stage-renewal", links=({"path": "gone.json", "map_id": "gone"},))
    json_format.save(document, samples / "broken.json")
    assert window.open_file(samples / "broken.json")
    window.insights.raise_()
    dock = window.insights_list
    qtbot.waitUntil(lambda: not window.scene.link_checker.pending)
    qtbot.waitUntil(lambda: dock.showing and not dock._stale)
    broken = dock.group_item("behind").child(2)
    assert (broken.text(0), broken.data(0, DETAIL)) == ("Renewal → gone.json", "Broken link (missing file): gone.json")
    click(qtbot, dock, broken)
    qtbot.waitUntil(lambda: "Not followed" in window.statusBar().currentMessage())
    assert window.session.document.id == "year-one-customer-journey"


def test_a_map_without_links_says_so_at_the_end(dock):
    group = dock.group_item("behind")
    assert dock.tree.indexOfTopLevelItem(group) == dock.tree.topLevelItemCount() - 1
    assert group.childCount() == 0 and group.toolTip(0) == "No links to other maps"
