"""Maps whose connector labels have too little room, and what any placement of labels must keep to.

Shared by the placement tests (``tests/test_connector_labels.py``), the canvas's and the PDF's.
"""

from __future__ import annotations

from itertools import pairwise

from journeymapper.connector_labels import MIN_KEPT, Labels, label_area
from journeymapper.layout import ELLIPSIS, MapLayout, Measure, Rect, Style, connector_label
from journeymapper.model import Connection, JourneyDocument, Lane, Stage, Touchpoint

LONG = (
    "Hands the signed contract over to onboarding",
    "Escalates",
    "Books the kickoff call with the customer team",
    "Sends the welcome pack",
    "Requests security review of the vendor",
    "Approves",
)
TOLERANCE = 1e-6  # rounding: boxes that touch do not overlap
NEAR = 10.0  # the farthest a label may be from its own line: a lane of labels beside the outermost track


def fan(count: int = 8) -> JourneyDocument:
    """Stacked cards each lead to a card of the next stage, crossing: every line in one gutter."""
    document = JourneyDocument("fan", "Fan", "customer")
    for stage in ("one", "two"):
        document.add_stage(Stage(id=stage, name=stage.title()))
    document.add_lane(Lane(id="team", name="Team"))
    for number in range(count):
        for side, stage, title in (("a", "one", "Step"), ("b", "two", "Next")):
            card = Touchpoint(id=f"{side}{number}", stage=stage, lane="team", index=number, title=f"{title} {number}")
            document.add_touchpoint(card)
    for number in range(count):
        target, label = f"b{count - 1 - number}", LONG[number % len(LONG)]
        document.add_connection(
            Connection(id=f"c{number}", source=f"a{number}", target=target, label=label, conversion_rate=0.25)
        )
    return document


def short_lanes(lanes: int = 8, stages: int = 3) -> JourneyDocument:
    """Many short lanes, a card in each cell, and two hand-offs from each card to other lanes of the
    next stage, with long labels: sixteen lines through each gutter."""
    document = JourneyDocument("short-lanes", "Short lanes", "customer")
    for stage in range(stages):
        document.add_stage(Stage(id=f"s{stage}", name=f"Stage {stage}"))
    for lane in range(lanes):
        document.add_lane(Lane(id=f"l{lane}", name=f"Lane {lane}"))
    for stage in range(stages):
        for lane in range(lanes):
            document.add_touchpoint(Touchpoint(id=f"t{stage}-{lane}", stage=f"s{stage}", lane=f"l{lane}", title="Card"))
    number = 0
    for stage in range(stages - 1):
        for lane in range(lanes):
            for jump in (3, 5):
                target = f"t{stage + 1}-{(lane + jump) % lanes}"
                label = LONG[number % len(LONG)]
                document.add_connection(
                    Connection(id=f"c{number}", source=f"t{stage}-{lane}", target=target, label=label, kind="handoff")
                )
                number += 1
    return document


def hub(count: int = 10) -> JourneyDocument:
    """Cards in every lane of the first stage all lead to one of two cards further on: shared
    gutters and a shared channel between two rows."""
    document = JourneyDocument("hub", "Hub", "customer")
    for stage in range(3):
        document.add_stage(Stage(id=f"s{stage}", name=f"Stage {stage}"))
    for lane in range(4):
        document.add_lane(Lane(id=f"l{lane}", name=f"Lane {lane}"))
    for number in range(count):
        card = Touchpoint(id=f"a{number}", stage="s0", lane=f"l{number % 4}", title=f"Source {number}")
        document.add_touchpoint(card)
    document.add_touchpoint(Touchpoint(id="far", stage="s2", lane="l1", title="Everything ends here"))
    document.add_touchpoint(Touchpoint(id="near", stage="s1", lane="l2", title="Middle"))
    for number in range(count):
        target = "far" if number % 2 else "near"
        label = LONG[number % len(LONG)]
        document.add_connection(
            Connection(id=f"c{number}", source=f"a{number}", target=target, label=label, conversion_rate=0.5)
        )
    return document


def stack(count: int = 6) -> JourneyDocument:
    """One cell of stacked cards: a labelled hop from each to the next, and a line from each to the
    one after next, down the gutter beside the stack."""
    document = JourneyDocument("stack", "Stack", "customer")
    document.add_stage(Stage(id="s", name="Stage"))
    document.add_lane(Lane(id="l", name="Lane"))
    for number in range(count):
        document.add_touchpoint(Touchpoint(id=f"t{number}", stage="s", lane="l", index=number, title=f"Card {number}"))
    labels = iter(LONG * 4)
    for number in range(count - 1):
        document.add_connection(
            Connection(id=f"hop{number}", source=f"t{number}", target=f"t{number + 1}", label=next(labels))
        )
    for number in range(count - 2):
        document.add_connection(
            Connection(id=f"skip{number}", source=f"t{number}", target=f"t{number + 2}", label=next(labels))
        )
    return document


CROWDED = {"fan": fan, "short lanes": short_lanes, "hub": hub, "stack": stack}


def overlap(a: Rect, b: Rect) -> float:
    """The area two boxes share; labels are upright or turned by a quarter, so their boxes are
    their outlines."""
    width = min(a.right, b.right) - max(a.x, b.x)
    height = min(a.bottom, b.bottom) - max(a.y, b.y)
    return width * height if width > TOLERANCE and height > TOLERANCE else 0.0


def distance(box: Rect, points) -> float:
    """How far ``box`` is from the nearest point of a polyline."""
    best = float("inf")
    for (ax, ay), (bx, by) in pairwise(points):
        left, right, top, bottom = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
        dx = max(box.x - right, left - box.right, 0.0)
        dy = max(box.y - bottom, top - box.bottom, 0.0)
        best = min(best, (dx * dx + dy * dy) ** 0.5)
    return best


def assert_labels_sound(
    document: JourneyDocument, layout: MapLayout, labels: Labels, style: Style, measure: Measure
) -> None:
    """Every label placed whole, shortened with an ellipsis or reported as left out; no two placed
    labels overlap, none covers a card or a header or leaves the map, each lies by its own line."""
    wanted = {connection.id: connection for connection in document.connections() if connector_label(connection)}
    assert set(labels.placed) | set(labels.left_out) == set(wanted)
    assert not set(labels.placed) & set(labels.left_out)
    for connection_id, text in labels.left_out.items():
        assert text == connector_label(wanted[connection_id])
    for connection_id, placement in labels.placed.items():
        _assert_text(wanted[connection_id], placement.text, placement.full_text)
        box = placement.box
        along, across = (box.width, box.height) if placement.upright else (box.height, box.width)
        assert across == style.label_height
        assert abs(along - (measure(placement.text, style.small_font_size, False) + 2 * style.label_padding)) < 1e-6
        assert distance(box, layout.connectors[connection_id].points) <= NEAR, (connection_id, placement)
    boxes = [(key, placement.box) for key, placement in labels.placed.items()]
    for number, (key, box) in enumerate(boxes):
        for other, other_box in boxes[number + 1 :]:
            assert not overlap(box, other_box), (key, other, box, other_box)
    area = label_area(layout, style)
    headers = [header.rect for header in (*layout.stage_headers.values(), *layout.lane_headers.values())]
    for key, box in boxes:
        assert not any(overlap(box, card.rect) for card in layout.cards.values()), key
        assert not any(overlap(box, header) for header in headers), key
        assert area.x - TOLERANCE <= box.x and box.right <= area.right + TOLERANCE, key
        assert area.y - TOLERANCE <= box.y and box.bottom <= area.bottom + TOLERANCE, key


def _assert_text(connection: Connection, text: str, full_text: str | None) -> None:
    whole = connector_label(connection)
    if full_text is None:
        assert text == whole
        return
    assert full_text == whole and text != whole
    label = connection.label.strip()
    rate = whole.removeprefix(label).removeprefix(" · ")
    suffix = f"{ELLIPSIS} · {rate}" if rate else ELLIPSIS
    assert text.endswith(suffix)
    kept = text.removesuffix(suffix)
    assert len(kept) >= MIN_KEPT and label.startswith(kept)
