"""Maps and paths shared by the tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from journeymapper.model import Connection, JourneyDocument, Lane, LaneKind, Persona, Stage, Touchpoint

REPO = Path(__file__).resolve().parent.parent
SAMPLES = sorted((REPO / "samples").glob("*.json"))
JSON_TEST_SUITE = REPO / "tests" / "data" / "jsontestsuite"


def copy_samples(folder: Path) -> Path:
    """The three samples, copied into ``folder`` (made if need be), where a test may change them."""
    folder.mkdir(parents=True, exist_ok=True)
    for sample in SAMPLES:
        shutil.copy(sample, folder / sample.name)
    return folder


def build_small_map() -> JourneyDocument:
    """Two stages, two team lanes and an emotions lane; four cards; three connections."""
    document = JourneyDocument("checkout-map", "Checkout", "customer", author="Ana Lima")
    document.add_persona(Persona(id="buyer", name="Bea", role="Buyer", goals=["Pay fast"]))
    for stage_id, name in (("browse", "Browse"), ("pay", "Purchase")):
        document.add_stage(Stage(id=stage_id, name=name))
    document.add_lane(Lane(id="web", name="Web team", colour="#4c78a8"))
    document.add_lane(Lane(id="payments", name="Payments"))
    document.add_lane(Lane(id="mood", name="Emotions", kind=LaneKind.EMOTIONS))
    cards = [
        ("search", "browse", "web", 1, "Search for shoes", 1),
        ("compare", "browse", "web", 0, "Compare sizes", 0),
        ("checkout", "pay", "web", 0, "Checkout", -1),
        ("charge", "pay", "payments", 0, "Charge card", None),
    ]
    for card_id, stage, lane, index, title, emotion in cards:
        document.add_touchpoint(
            Touchpoint(
                id=card_id,
                stage=stage,
                lane=lane,
                index=index,
                title=title,
                emotion=emotion,
                personas=["buyer"] if emotion is not None else [],
            )
        )
    document.add_connection(Connection(id="c1", source="search", target="compare"))
    document.add_connection(Connection(id="c2", source="compare", target="checkout", conversion_rate=0.4))
    document.add_connection(Connection(id="c3", source="checkout", target="charge", kind="handoff"))
    return document


def build_merged_map() -> JourneyDocument:
    """The small map after a three-way merge that left a conflict of each kind, in this order:
    the persona's role; the stage "pay" renamed both ways; card "checkout"'s emotion; card
    "charge" removed by theirs and renamed by ours; card "search" moved to different cells; the
    label of connection "c2". The map holds ours: "Pay", +1, "Charge the card", and so on."""
    from journeymapper.model.merge import merge

    ours, theirs = build_small_map(), build_small_map()
    ours.update_stage("pay", name="Pay")
    theirs.update_stage("pay", name="Checkout stage")
    ours.update_persona("buyer", role="Returning buyer")
    theirs.update_persona("buyer", role="First-time buyer")
    ours.update_touchpoint("checkout", emotion=1)
    theirs.update_touchpoint("checkout", emotion=-2)
    ours.update_touchpoint("charge", title="Charge the card")
    theirs.remove_touchpoint("charge")
    ours.move_touchpoint("search", "pay", "web", 1)
    theirs.move_touchpoint("search", "pay", "payments", 0)
    ours.update_connection("c2", label="picks a size")
    theirs.update_connection("c2", label="chooses")
    return merge(build_small_map(), ours, theirs).document
