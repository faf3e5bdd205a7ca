"""Where connector labels go: one rule for the canvas and the PDF, on the map's own layout.

No label overlaps another, a card or a header; each lies by its own line, whole where there is
room, shortened with an ellipsis where there is some, reported as left out where there is none.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeymapper.connector_labels import place_labels
from journeymapper.formats import json_format
from journeymapper.layout import DEFAULT_STYLE, ELLIPSIS, Style, approximate_measure, compute_layout
from journeymapper.model import Connection, JourneyDocument, Lane, Stage, Touchpoint

from crowded_labels import CROWDED, LONG, assert_labels_sound, fan, stack
from strategies import journey_maps
from support import SAMPLES, build_small_map


def placed(document, measure=approximate_measure, style=DEFAULT_STYLE):
    return place_labels(document, compute_layout(document, style, measure), style, measure)


def sound(document, measure=approximate_measure, style=DEFAULT_STYLE):
    layout = compute_layout(document, style, measure)
    labels = place_labels(document, layout, style, measure)
    assert_labels_sound(document, layout, labels, style, measure)
    return labels


def test_each_labelled_connection_gets_one_label_with_its_text_and_rate():
    document = build_small_map()
    document.update_connection("c1", label="  Adds to cart ")
    labels = placed(document)
    assert {key: label.text for key, label in labels.placed.items()} == {"c1": "Adds to cart", "c2": "40%"}
    assert labels.left_out == {} and labels.shortened == {}


def test_a_label_is_as_long_as_the_measure_says_its_text_is():
    document = build_small_map()
    box = placed(document, lambda text, size, bold: 5.0 * len(text)).placed["c2"].box
    assert max(box.width, box.height) == 5.0 * len("40%") + 2 * DEFAULT_STYLE.label_padding


def test_labels_keep_off_the_cards():
    document = build_small_map()
    for connection_id, label in (("c1", "Adds to cart"), ("c3", "Card charged")):
        document.update_connection(connection_id, label=label)
    assert len(sound(document).placed) == 3


def two_cards_into_one() -> JourneyDocument:
    """Two stacked cards both lead to one card in the next stage: two lines share a gutter."""
    document = JourneyDocument("gutter", "Gutter", "customer")
    for stage in ("one", "two"):
        document.add_stage(Stage(id=stage, name=stage.title()))
    document.add_lane(Lane(id="team", name="Team"))
    for index, card in enumerate(("a", "b")):
        document.add_touchpoint(Touchpoint(id=card, stage="one", lane="team", index=index, title=f"Step {card}"))
    document.add_touchpoint(Touchpoint(id="next", stage="two", lane="team", title="Next step"))
    for card in ("a", "b"):
        document.add_connection(Connection(id=f"{card}-next", source=card, target="next", label="next"))
    return document


def test_labels_of_neighbouring_lines_in_one_gutter_keep_off_each_other():
    labels = sound(two_cards_into_one())
    assert len(labels.placed) == 2 and not labels.shortened


def test_a_label_with_room_to_spare_sits_on_its_line():
    document = two_cards_into_one()
    document.update_connection("a-next", label="")
    layout = compute_layout(document)
    box = place_labels(document, layout, DEFAULT_STYLE, approximate_measure).placed["b-next"].box
    points = layout.connectors["b-next"].points
    assert any(ax == bx and abs(box.center.x - ax) < 1e-9 for (ax, _), (bx, _) in pairwise(points))


@pytest.mark.parametrize("name", sorted(CROWDED))
def test_in_a_crowded_map_labels_never_overlap_and_each_is_whole_shortened_or_left_out(name):
    labels = sound(CROWDED[name]())
    assert labels.placed  # crowded, not hopeless


def test_where_a_gutter_is_too_crowded_labels_are_shortened_or_left_out_not_stacked():
    labels = sound(fan(8))
    whole = [p for p in labels.placed.values() if not p.shortened]
    assert whole and (labels.shortened or labels.left_out)
    for placement in labels.shortened.values():
        assert ELLIPSIS in placement.text and placement.text.endswith("· 25%")  # the rate stays whole


def test_a_label_left_out_is_reported_with_its_whole_text():
    document = fan(14)  # fourteen labels in one gutter of one lane: not all can show
    labels = sound(document)
    assert labels.left_out
    for connection_id, text in labels.left_out.items():
        assert text == f"{document.connection(connection_id).label} · 25%"


def test_placement_is_the_same_every_time():
    document = CROWDED["short lanes"]()
    assert placed(document) == placed(document)


class Reading:
    """Stands in for an object and notes the name of each attribute read of it."""

    def __init__(self, wrapped: Any, name: str, reads: set[str]) -> None:
        self._wrapped, self._name, self._reads = wrapped, name, reads

    def __getattr__(self, attribute: str) -> Any:
        self._reads.add(f"{self._name}.{attribute}")
        return getattr(self._wrapped, attribute)


def test_placing_reads_no_more_than_the_canvas_remembers_placements_by():
    """The canvas remembers placements by each connection's id, label and rate, in map order
    (``editor.label_memory``), and by the parts of the layout that ``what_placing_reads`` holds:
    the routes, the cards' rectangles, the stage and lane edges and the rows. Were placing to read
    anything else, an edit of that alone would show labels placed for another map."""
    document = json_format.load(next(path for path in SAMPLES if path.name.startswith("year-one")))
    layout = compute_layout(document)
    reads: set[str] = set()
    watched_document = Reading(document, "document", reads)
    watched_document.connections = lambda: (Reading(c, "connection", reads) for c in document.connections())
    cards = {card_id: Reading(card, "card", reads) for card_id, card in layout.cards.items()}
    watched_layout = Reading(replace(layout, cards=cards), "layout", reads)

    labels = place_labels(watched_document, watched_layout, DEFAULT_STYLE, approximate_measure)

    assert labels == placed(document)
    assert reads == {"connection.id", "connection.label", "connection.conversion_rate"} | {
        "layout.connectors",
        "layout.cards",
        "card.rect",
        "layout.stage_edges",
        "layout.lane_edges",
        "layout.rows",
    }


def test_a_labelled_hop_between_stacked_cards_gets_room_for_its_label_beside_the_arrow():
    document = stack(2)  # one hop from the first card to the second
    layout = compute_layout(document)
    first, second = layout.cards["t0"].rect, layout.cards["t1"].rect
    assert second.y - first.bottom == DEFAULT_STYLE.labelled_hop_gap > DEFAULT_STYLE.card_gap
    label = sound(document).placed["hop0"]
    hop_x, _ = layout.connectors["hop0"].points[0]
    assert label.upright and label.box.x > hop_x  # beside the arrow, which stays in sight
    assert first.bottom <= label.box.y and label.box.bottom <= second.y
    document.update_connection("hop0", label="")
    layout = compute_layout(document)
    assert layout.cards["t1"].rect.y - layout.cards["t0"].rect.bottom == DEFAULT_STYLE.card_gap


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.stem)
def test_the_samples_keep_every_label_whole(path):
    labels = sound(json_format.load(path))
    assert labels.placed and not labels.shortened and not labels.left_out


readable = st.text(st.sampled_from("abcdefghij klmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789·.,"), max_size=60)


@st.composite
def labelled_maps(draw) -> JourneyDocument:
    """Random maps with random labels, short and long, on every connection; some maps crowded
    with extra connections between the cards they have."""
    document = draw(journey_maps())
    cards = [touchpoint.id for touchpoint in document.touchpoints()]
    extra = draw(st.lists(st.tuples(st.sampled_from(cards), st.sampled_from(cards)), max_size=25)) if cards else []
    for number, (source, target) in enumerate(extra):
        if source != target and not any(c.source == source and c.target == target for c in document.connections()):
            document.add_connection(Connection(id=f"x-{number}", source=source, target=target))
    for connection in list(document.connections()):
        document.update_connection(connection.id, label=draw(readable))
    return document


measures = st.sampled_from([approximate_measure, lambda text, size, bold: 0.6 * size * len(text)])
styles = st.sampled_from([DEFAULT_STYLE, Style(min_row_height=40.0, column_gutter=12.0, cell_padding=10.0)])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(labelled_maps(), measures, styles)
def test_on_any_map_no_label_overlaps_another_or_a_card_and_each_is_whole_shortened_or_left_out(
    document, measure, style
):
    sound(document, measure, style)


@st.composite
def crowded_maps(draw) -> JourneyDocument:
    """Few cells, many cards and many connections with long labels: gutters and channels where
    the labels cannot all have room."""
    document = JourneyDocument("crowded", "Crowded", "customer")
    stages, lanes = draw(st.integers(1, 3)), draw(st.integers(1, 4))
    for stage in range(stages):
        document.add_stage(Stage(id=f"s{stage}", name=f"Stage {stage}"))
    for lane in range(lanes):
        document.add_lane(Lane(id=f"l{lane}", name=f"Lane {lane}"))
    cards = [f"t{number}" for number in range(draw(st.integers(2, 16)))]
    for card in cards:
        stage, lane = draw(st.integers(0, stages - 1)), draw(st.integers(0, lanes - 1))
        document.add_touchpoint(Touchpoint(id=card, stage=f"s{stage}", lane=f"l{lane}", index=99, title=card))
    pairs = draw(st.lists(st.tuples(st.sampled_from(cards), st.sampled_from(cards)), unique=True, max_size=40))
    for number, (source, target) in enumerate(pair for pair in pairs if pair[0] != pair[1]):
        label = draw(st.sampled_from(LONG) | readable)
        rate = draw(st.none() | st.floats(0, 1))
        connection = Connection(id=f"c{number}", source=source, target=target, label=label, conversion_rate=rate)
        document.add_connection(connection)
    return document


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(crowded_maps(), measures, styles)
def test_on_a_crowded_map_labels_give_way_by_the_rule_and_never_overlap(document, measure, style):
    sound(document, measure, style)


def test_long_labels_in_short_lanes_stay_by_their_lines():
    document = CROWDED["short lanes"]()
    for number, connection in enumerate(list(document.connections())):
        document.update_connection(connection.id, label=LONG[number % len(LONG)] * 2)
    labels = sound(document)
    assert labels.shortened and labels.left_out
