"""Where connector labels go: one rule for the canvas and the PDF, on the map's own layout."""

from __future__ import annotations

from journeymapper.connector_labels import PADDING, place_labels
from journeymapper.layout import DEFAULT_STYLE, approximate_measure, compute_layout
from journeymapper.model import Connection, JourneyDocument, Lane, Stage, Touchpoint

from support import build_small_map


def placed(document, measure=approximate_measure):
    return place_labels(document, compute_layout(document, DEFAULT_STYLE, measure), DEFAULT_STYLE, measure)


def test_each_labelled_connection_gets_one_label_with_its_text_and_rate():
    document = build_small_map()
    document.update_connection("c1", label="  Adds to cart ")
    labels = placed(document)
    assert {key: label.text for key, label in labels.items()} == {"c1": "Adds to cart", "c2": "40%"}


def test_a_label_is_as_long_as_the_measure_says_its_text_is():
    document = build_small_map()
    fixed = placed(document, lambda text, size, bold: 5.0 * len(text))
    box = fixed["c2"].box
    assert max(box.width, box.height) == 5.0 * len("40%") + 2 * PADDING


def test_labels_keep_off_the_cards():
    document = build_small_map()
    for connection_id, label in (("c1", "Adds to cart"), ("c3", "Card charged")):
        document.update_connection(connection_id, label=label)
    layout = compute_layout(document, DEFAULT_STYLE, approximate_measure)
    boxes = [label.box for label in place_labels(document, layout, DEFAULT_STYLE, approximate_measure).values()]
    cards = [card.rect for card in layout.cards.values()]

    def overlap(a, b) -> bool:
        return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom

    assert len(boxes) == 3
    assert not any(overlap(box, card) for box in boxes for card in cards)


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
    first, second = (label.box for label in placed(two_cards_into_one()).values())
    assert first.right <= second.x or second.right <= first.x or first.bottom <= second.y or second.bottom <= first.y
