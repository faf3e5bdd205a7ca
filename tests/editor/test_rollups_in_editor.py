"""Roll-ups on the canvas: under each linked stage's name a line says how the map behind it
performs, and the link badge's tooltip says it all (cards, conversion and weakest step, lowest
moment, dead ends, pain points, last change). Linked maps are read once, by the link check, and
their numbers follow the first frame; a broken link says so, and a link back to the map itself is
a cycle."""

from __future__ import annotations

import os
import sys

import pytest

from journeymapper.editor import link_headlines, linking
from journeymapper.editor.overlays import LinkSummaryItem
from journeymapper.formats import json_format

from gestures import press, release

CUSTOMER, USER, BUSINESS = "year-one-customer-journey", "first-report-user-journey", "shoe-order-business-journey"


@pytest.fixture
def customer(window, samples, qtbot):
    """The customer-journey sample, open, with every linked map's numbers known."""
    assert window.open_file(samples / f"{CUSTOMER}.json")
    qtbot.waitUntil(lambda: not window.scene.link_checker.pending)
    return window.scene


def summary_of(scene, stage: str) -> LinkSummaryItem | None:
    return scene.stage_headers[stage].link_summary


def with_stage_link(samples, path: str, map_id: str):
    """A copy of the customer journey whose Renewal stage links to ``path`` as ``map_id``."""
    document = json_format.load(samples / f"{CUSTOMER}.json")
    document.update_stage("stage-renewal", links=({"path": path, "map_id": map_id},))
    copy = samples / "linking.json"
    json_format.save(document, copy)
    return copy


def test_under_onboarding_the_user_journey_s_numbers_and_under_closed_won_the_business_journey_s(customer):
    onboarding, closed_won = summary_of(customer, "stage-onboarding"), summary_of(customer, "stage-closed-won")
    assert onboarding.isVisible() and not onboarding.broken
    assert onboarding.text == "31 cards · converts 2.28% · 1 dead end"
    # six of its eleven steps carry a rate: the whole path converts at most that much
    assert closed_won.text == "32 cards · converts ≤18.3% · 6 dead ends"
    assert summary_of(customer, "stage-kickoff") is None


def test_the_line_sits_under_the_name_and_the_badge_and_inside_the_header(customer):
    header = customer.stage_headers["stage-onboarding"]
    line, badge = header.link_summary.sceneBoundingRect(), header.link_badge.sceneBoundingRect()
    assert header.sceneBoundingRect().contains(line)
    assert badge.bottom() <= line.top() + 2  # the bounding rectangles' margins may touch
    name_bottom = header.rect.top() + 2 + customer.style.header_padding + customer.style.header_line_height
    assert name_bottom <= line.top()


def test_the_badge_s_tooltip_holds_the_whole_headline(customer):
    tooltip = customer.stage_headers["stage-onboarding"].link_badge.toolTip()
    assert "→ First report and first alert: a new operations analyst (user journey, " in tooltip
    assert "User journey, 31 cards, changed " in tooltip
    assert (
        "Converts 2.28% end to end; weakest step: Lands on an empty home page → Chooses the WMS PostgreSQL replica, 44%"
    ) in tooltip
    assert "Lowest moment: Connection test times out (-2), in Connect a data source" in tooltip
    assert "1 dead end, 17 pain points" in tooltip
    assert tooltip.endswith("Click to open the linked map (Alt+Left comes back).")
    assert summary_of(customer, "stage-onboarding").toolTip() == tooltip
    business = customer.stage_headers["stage-closed-won"].link_badge.toolTip()
    assert "Converts at most 18.3%: 6 of 11 steps measured; weakest step: " in business
    card = customer.cards["tp-first-dashboards-live"].link_badge.toolTip()
    assert "Converts 2.28% end to end" in card


def test_the_numbers_follow_the_first_frame_and_each_linked_file_is_read_once(window, samples, qtbot, monkeypatch):
    reads = []
    original = json_format.load
    monkeypatch.setattr(
        linking.json_format, "load", lambda path: reads.append(os.path.basename(path)) or original(path)
    )
    assert window.open_file(samples / f"{CUSTOMER}.json")
    scene = window.scene
    assert summary_of(scene, "stage-onboarding").text == "Reading the map behind it…"
    qtbot.waitUntil(lambda: summary_of(scene, "stage-onboarding").text.startswith("31 cards"))
    qtbot.waitUntil(lambda: not scene.link_checker.pending)
    assert sorted(reads) == sorted([f"{CUSTOMER}.json", f"{USER}.json", f"{BUSINESS}.json"])  # the map, then its links
    scene.sync()  # a relayout after an edit reads nothing again and keeps the numbers
    assert len(reads) == 3 and summary_of(scene, "stage-onboarding").text.startswith("31 cards")


@pytest.mark.parametrize(
    "path, map_id, said",
    [
        ("nowhere.json", "nowhere", "Missing file: nowhere.json"),
        (f"{BUSINESS}.json", USER, f"Id mismatch: {BUSINESS}.json"),
    ],
)
def test_a_broken_link_says_why_under_the_header(window, samples, qtbot, path, map_id, said):
    assert window.open_file(with_stage_link(samples, path, map_id))
    qtbot.waitUntil(lambda: not window.scene.link_checker.pending)
    line = summary_of(window.scene, "stage-renewal")
    assert line.broken and line.text == said
    assert window.scene.stage_headers["stage-renewal"].link_badge.badge.label == "Broken link"
    assert summary_of(window.scene, "stage-onboarding").text.startswith("31 cards")  # the others are unharmed


def test_a_link_to_the_map_itself_is_a_cycle_and_shows_no_numbers(window, samples, qtbot):
    document = json_format.load(samples / f"{CUSTOMER}.json")
    copy = with_stage_link(samples, "linking.json", document.id)
    assert window.open_file(copy)
    qtbot.waitUntil(lambda: not window.scene.link_checker.pending)
    line = summary_of(window.scene, "stage-renewal")
    assert line.text == "Cycle: links back to this map" and not line.broken
    assert "Cycle: this is the map that links to it, not followed again" in line.toolTip()


def test_a_stage_with_several_links_names_each_map_behind_it(window, samples, qtbot):
    document = json_format.load(samples / f"{CUSTOMER}.json")
    links = ({"path": f"{USER}.json", "map_id": USER}, {"path": "gone.json", "map_id": "gone"})
    document.update_stage("stage-renewal", links=links)
    json_format.save(document, samples / "two.json")
    assert window.open_file(samples / "two.json")
    qtbot.waitUntil(lambda: not window.scene.link_checker.pending)
    line = summary_of(window.scene, "stage-renewal")
    assert window.scene.stage_headers["stage-renewal"].link_badge.badge.label == "2 links, 1 broken"
    assert line.broken and line.text.startswith("User journey · 31 cards · converts 2.28%")


def test_the_line_is_no_button_a_press_on_it_selects_the_header(customer, window):
    header = customer.stage_headers["stage-onboarding"]
    window.view.centerOn(header)
    point = header.link_summary.sceneBoundingRect().center()
    press(window.view, point)
    release(window.view, point)
    assert header.isSelected() and window.session.document.id == CUSTOMER


def test_the_numbers_wait_for_what_they_are_worked_out_with_to_load_beside_the_event_loop(
    window, samples, qtbot, tmp_path, monkeypatch
):
    """The insights and networkx load in a thread of their own after the first frame; here a
    stand-in module does, one that takes a moment."""
    (tmp_path / "slow_insights.py").write_text("import time\ntime.sleep(0.3)\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(link_headlines, "HEADLINE_MODULE", "slow_insights")
    monkeypatch.delitem(sys.modules, "slow_insights", raising=False)
    assert window.open_file(samples / f"{CUSTOMER}.json")
    qtbot.waitUntil(lambda: "slow_insights" in sys.modules)
    assert window.scene.link_checker.pending  # nothing read while it loads
    qtbot.waitUntil(lambda: not window.scene.link_checker.pending, timeout=10_000)
    assert summary_of(window.scene, "stage-onboarding").text == "31 cards · converts 2.28% · 1 dead end"
