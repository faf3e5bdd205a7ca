"""What the golden tests (``tests/test_layout_golden.py``, ``tests/test_connector_labels_golden.py``)
share: seeded maps with every kind of thing the layout and the labels deal with (the same
arguments always give the same map), and the digest that pins an output."""

from __future__ import annotations

import dataclasses
import hashlib
import random
from typing import Any

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

WORDS = (
    "Reads", "compares", "the", "pricing", "page", "after", "a", "colleague's", "recommendation", "on", "mobile",
    "with", "procurement",
)  # fmt: skip


def digest(output: Any) -> str:
    """The sha256 of a dataclass's every field, its numbers rounded to a thousandth of a point:
    rounding in the last bits, as a reordered sum may, keeps it; any real move changes it."""
    return hashlib.sha256(repr(_rounded(dataclasses.astuple(output))).encode()).hexdigest()


def _rounded(value: object) -> object:
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, dict):
        return [(_rounded(key), _rounded(item)) for key, item in value.items()]
    if isinstance(value, (tuple, list)):
        return [_rounded(item) for item in value]
    return value


def generated_map(
    cards: int = 600, connections: int = 900, seed: int = 15, label_words: int = 4, stages: int = 6
) -> JourneyDocument:
    """Cards spread unevenly over ``stages`` stages (most in the first third) and 5 lanes (an
    emotions lane among them), titles of one to twenty words, every connection kind, some labelled
    with up to ``label_words`` words, some with a rate."""
    rng = random.Random(seed)
    document = JourneyDocument("golden", "Golden", "customer")
    for number in range(stages):
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
            stage=f"s{int(rng.triangular(0, stages, stages / 3))}",
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
                label=" ".join(rng.choices(WORDS, k=rng.randint(0, label_words))),
                conversion_rate=rng.choice((None, 0.25, 0.5)),
            )
        )
    return document
