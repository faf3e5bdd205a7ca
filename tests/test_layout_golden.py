"""The layout's output, pinned: making ``compute_layout`` faster must not move anything it lays out.

Each digest is of a layout's every number rounded to a thousandth of a point (headers, cells,
cards and their lines, routes, emotion curves, edges, slot centres), for the sample maps and for a
generated map with labelled connections of every kind, emotions and personas. A digest that changes
means the geometry changed: that is a layout change, to be made on purpose and the digest renewed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
from pathlib import Path

import pytest

from journeymapper.formats import json_format
from journeymapper.layout import MapLayout, compute_layout
from journeymapper.model import (
    Connection,
    ConnectionKind,
    JourneyDocument,
    Lane,
    LaneKind,
    Persona,
    Stage,
    Touchpoint,
)

SAMPLES = Path(__file__).parents[1] / "samples"
GOLDEN = {
    "first-report-user-journey.json": "438f13483db1514947162d90c00cfc15f96d65be93457282ce88e1a891b55dcd",
    "shoe-order-business-journey.json": "d52ff2bcde76d01c602897c107f69739c3cb02b5ff73eb4ba0c678061a3af17a",
    "year-one-customer-journey.json": "2a64b9fa1c5b009d66469f73256547c6215e2b275bac1f6a61dc6398ded0948a",
    "generated": "d3a229281bf82f496dd64d1917e10d300c20dafc6cf9bd77f7331cdbc1a3575d",
}
WORDS = (
    "Reads", "compares", "the", "pricing", "page", "after", "a", "colleague's", "recommendation", "on", "mobile",
    "with", "procurement",
)  # fmt: skip


def digest(layout: MapLayout) -> str:
    return hashlib.sha256(repr(_rounded(dataclasses.astuple(layout))).encode()).hexdigest()


def _rounded(value: object) -> object:
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, dict):
        return [(_rounded(key), _rounded(item)) for key, item in value.items()]
    if isinstance(value, (tuple, list)):
        return [_rounded(item) for item in value]
    return value


def generated_map(cards: int = 600, connections: int = 900, seed: int = 15) -> JourneyDocument:
    """Cards spread unevenly over 6 stages and 5 lanes (an emotions lane among them), titles of one
    to twenty words, every connection kind, some labelled, some with a rate."""
    rng = random.Random(seed)
    document = JourneyDocument("golden", "Golden", "customer")
    for number in range(6):
        document.add_stage(Stage(id=f"s{number}", name=" ".join(rng.choices(WORDS, k=rng.randint(1, 6)))))
    kinds = (LaneKind.TEAM, LaneKind.ACTIONS, LaneKind.EMOTIONS, LaneKind.BACKSTAGE, LaneKind.PAIN_POINTS)
    for number, kind in enumerate(kinds):
        document.add_lane(Lane(id=f"l{number}", name=f"Lane {number} {kind.value}", kind=kind))
    for number in range(3):
        document.add_persona(Persona(id=f"p{number}", name=f"Persona {number}"))
    ids = []
    for number in range(cards):
        card = Touchpoint(
            id=f"c{number}",
            stage=f"s{int(rng.triangular(0, 6, 2))}",
            lane=f"l{rng.randrange(5)}",
            index=10_000,
            title=" ".join(rng.choices(WORDS, k=rng.randint(1, 20))),
            emotion=rng.choice((None, -2, -1, 0, 1, 2)),
            personas=tuple(f"p{n}" for n in range(3) if rng.random() < 0.3),
        )
        document.add_touchpoint(card)
        ids.append(card.id)
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < connections:
        source, target = rng.sample(ids, 2)
        if (source, target) in pairs:
            continue
        pairs.add((source, target))
        document.add_connection(
            Connection(
                id=f"k{len(pairs)}",
                source=source,
                target=target,
                kind=rng.choice(list(ConnectionKind)),
                label=" ".join(rng.choices(WORDS, k=rng.randint(0, 4))),
                conversion_rate=rng.choice((None, 0.25, 0.5)),
            )
        )
    return document


@pytest.mark.parametrize("name", [name for name in GOLDEN if name != "generated"])
def test_the_samples_lay_out_as_they_always_have(name):
    assert digest(compute_layout(json_format.load(SAMPLES / name))) == GOLDEN[name]


def test_a_generated_map_lays_out_as_it_always_has():
    assert digest(compute_layout(generated_map())) == GOLDEN["generated"]
