"""Insights on small maps drawn by hand; every expected value below was worked out on paper.

Stages are S1, S2, ...; the lane "ops" is a team named "Ops" unless a test says otherwise.
Connection ids are "source:target".
"""

from __future__ import annotations

import random
import time

import pytest

from journeymapper.model import Connection, JourneyDocument, JourneyMapFile, Lane, Stage, Touchpoint
from journeymapper.model.insights import Card, Handoff, HotSpot, Named, Step, map_insights

OPS = [("ops", "Ops", "team")]


def journey(cards, connections=(), stages=3, lanes=OPS) -> JourneyDocument:
    """``cards``: (id, stage number, lane id, extra fields); ``connections``: (source, target, kind, rate)."""
    return JourneyDocument.from_file(
        JourneyMapFile(
            id="hand-built",
            title="Hand-built",
            kind="customer",
            stages=[Stage(id=f"s{n}", name=f"S{n}") for n in range(1, stages + 1)],
            lanes=[Lane(id=lane_id, name=name, kind=kind) for lane_id, name, kind in lanes],
            touchpoints=[
                Touchpoint(id=card_id, stage=f"s{stage}", lane=lane, title=card_id.upper(), **extra)
                for card_id, stage, lane, extra in cards
            ],
            connections=[
                Connection(id=f"{source}:{target}", source=source, target=target, kind=kind, conversion_rate=rate)
                for source, target, kind, rate in connections
            ],
        )
    )


def ops(card_id: str, stage: int, **extra) -> tuple:
    return card_id, stage, "ops", extra


def flow(source: str, target: str, rate: float | None = None, kind: str = "flow") -> tuple:
    return source, target, kind, rate


def ids(cards) -> list[str]:
    return [card.id for card in cards]


# -- entries, exits, dead ends, unreachable, off the journey, loops ----------------------------

# S1: a, p        S2: b, d, x (+ note n in a thoughts lane)        S3: c, y        S4: empty
#   a -> b (flow), b -> c (hand-off), a -> d (flow, and d goes nowhere), x <-> y (a loop no one
#   enters), p -> b is a dependency, which is not a step: p and n are off the journey.
FLOW_MAP = {
    "cards": [
        ops("a", 1),
        ops("p", 1),
        ops("b", 2),
        ops("d", 2),
        ops("x", 2),
        ("n", 2, "notes", {}),
        ops("c", 3),
        ops("y", 3),
    ],
    "connections": [
        flow("a", "b"),
        flow("b", "c", kind="handoff"),
        flow("a", "d"),
        flow("x", "y"),
        flow("y", "x"),
        flow("p", "b", kind="dependency"),
    ],
    "stages": 4,
    "lanes": [*OPS, ("notes", "Thoughts", "thoughts")],
}


def test_entries_exits_and_dead_ends_follow_flow_and_hand_offs_only():
    found = map_insights(journey(**FLOW_MAP))
    assert ids(found.entries) == ["a"]
    assert ids(found.exits) == ["d", "c"]
    assert ids(found.dead_ends) == ["d"]  # c ends in S3, the last stage the journey reaches: S4 is empty
    assert found.entries[0] == Card("a", "A", "S1", "Ops")


def test_a_loop_nothing_leads_into_is_unreachable():
    found = map_insights(journey(**FLOW_MAP))
    assert ids(found.unreachable) == ["x", "y"]


def test_cards_without_flow_or_hand_off_are_off_the_journey_not_entries():
    found = map_insights(journey(**FLOW_MAP))
    assert ids(found.off_journey) == ["p", "n"]


def test_loops_start_at_their_first_card_in_map_order_shortest_first():
    # S1: a -> b -> c -> a, and b -> a as well; S2: d, e with d <-> e
    document = journey(
        [ops("a", 1), ops("b", 1), ops("c", 1), ops("d", 2), ops("e", 2)],
        [
            flow("a", "b"),
            flow("b", "c"),
            flow("c", "a"),
            flow("b", "a"),
            flow("c", "d"),
            flow("d", "e"),
            flow("e", "d"),
        ],
    )
    found = map_insights(document)
    assert [ids(loop) for loop in found.loops] == [["a", "b"], ["d", "e"], ["a", "b", "c"]]
    assert found.loops_truncated is False


def test_loops_stop_at_the_limit_and_say_so():
    # Four cards, every pair joined both ways: 6 two-card loops, 8 three-card, 6 four-card = 20.
    names = ["a", "b", "c", "d"]
    document = journey(
        [ops(name, 1) for name in names], [flow(one, other) for one in names for other in names if one != other]
    )
    assert len(map_insights(document, max_loops=20).loops) == 20
    assert map_insights(document, max_loops=20).loops_truncated is False
    found = map_insights(document, max_loops=5)
    assert len(found.loops) == 5 and found.loops_truncated is True


# -- hand-offs, empty stages, emotions, pain -----------------------------------------------------

TEAMS = [
    ("sales", "Sales", "team"),
    ("cs", "Customer Success", "team"),
    ("support", "Support", "team"),
    ("cs2", "Customer Success", "team"),
    ("mood", "Emotions", "emotions"),
]


def test_hand_offs_count_moves_between_differently_named_team_lanes():
    document = journey(
        [
            ("a", 1, "sales", {}),
            ("b", 1, "cs", {}),
            ("c", 2, "cs", {}),
            ("d", 2, "support", {}),
            ("e", 2, "mood", {}),
            ("f", 3, "sales", {}),
            ("g", 3, "cs2", {}),
        ],
        [
            flow("a", "b", kind="handoff"),  # Sales -> Customer Success
            flow("b", "c"),  # same lane
            flow("c", "d"),  # Customer Success -> Support
            flow("d", "e"),  # into a layer, not a team
            flow("f", "c"),  # Sales -> Customer Success again
            flow("d", "f", kind="dependency"),  # a dependency is not a hand-off
            flow("c", "g"),
        ],  # two lanes, one team name: the same team
        lanes=TEAMS,
    )
    assert map_insights(document).handoffs == (
        Handoff("Sales", "Customer Success", 2, ("a:b", "f:c")),
        Handoff("Customer Success", "Support", 1, ("c:d",)),
    )


def test_hand_off_ties_follow_lane_order():
    document = journey(
        [("a", 1, "support", {}), ("b", 2, "cs", {}), ("c", 3, "sales", {})],
        [flow("a", "b"), flow("b", "c")],
        lanes=TEAMS,
    )
    assert [(h.from_team, h.to_team) for h in map_insights(document).handoffs] == [
        ("Customer Success", "Sales"),
        ("Support", "Customer Success"),
    ]


def test_stages_with_no_touchpoint():
    document = journey([("n", 2, "notes", {})], lanes=[*OPS, ("notes", "Thoughts", "thoughts")], stages=4)
    assert map_insights(document).empty_stages == (Named("s1", "S1"), Named("s3", "S3"), Named("s4", "S4"))


def test_lowest_moments_are_lowest_first_ties_in_map_order():
    document = journey(
        [
            ops("a", 1, emotion=-1),
            ops("b", 1, emotion=-2),
            ops("c", 2, emotion=-1),
            ops("d", 2, emotion=-2),
            ops("e", 2),
            ops("f", 3, emotion=-1),
            ops("g", 3, emotion=-1),
        ]
    )
    found = map_insights(document, moments=3).lowest_moments
    assert [(moment.card.id, moment.emotion) for moment in found] == [("b", -2), ("d", -2), ("a", -1)]
    assert len(map_insights(document).lowest_moments) == 5  # e has no emotion: six candidates, five shown


def test_lowest_moments_are_only_moments_below_neutral():
    document = journey([ops("a", 1, emotion=2), ops("b", 1, emotion=0), ops("c", 2, emotion=-1), ops("d", 2)])
    assert [moment.card.id for moment in map_insights(document).lowest_moments] == ["c"]
    cheerful = journey([ops("a", 1, emotion=1), ops("b", 1, emotion=0)])
    assert map_insights(cheerful).lowest_moments == ()


def test_pain_point_hot_spots_per_cell_most_first():
    document = journey(
        [
            ops("a", 1, pain_points=["slow", "unclear"]),
            ops("b", 1, pain_points=["late"]),
            ops("c", 2),
            ("p", 2, "pain", {}),
            ("q", 2, "pain", {"pain_points": ["x", "y"]}),
            ops("d", 3, pain_points=["z"]),
        ],
        lanes=[*OPS, ("pain", "Pain points", "pain_points")],
    )
    assert map_insights(document).hot_spots == (
        HotSpot(Named("s1", "S1"), Named("ops", "Ops"), 3, ("a", "b")),
        HotSpot(Named("s2", "S2"), Named("pain", "Pain points"), 3, ("p", "q")),  # p counts as one
        HotSpot(Named("s3", "S3"), Named("ops", "Ops"), 1, ("d",)),
    )


# -- paths and conversion ---------------------------------------------------------------------

# S1: a -> b        S2: c, d        S3: e -> f
#   b -> c 50%, b -> d 40%, c -> e 50%, d -> e 90%, e -> f 80%, d -> f 30%; a -> b carries no rate.
#   Paths: a b c e f = .5 x .5 x .8 = .2;  a b d e f = .4 x .9 x .8 = .288;  a b d f = .4 x .3 = .12
DIAMOND = {
    "cards": [ops("a", 1), ops("b", 1), ops("c", 2), ops("d", 2), ops("e", 3), ops("f", 3)],
    "connections": [
        flow("a", "b"),
        flow("b", "c", 0.5),
        flow("b", "d", 0.4),
        flow("c", "e", 0.5),
        flow("d", "e", 0.9),
        flow("e", "f", 0.8),
        flow("d", "f", 0.3),
    ],
}


def test_paths_run_from_the_first_stage_s_start_to_the_last_stage_s_end():
    found = map_insights(journey(**DIAMOND))
    assert (found.first_stage, found.last_stage) == (Named("s1", "S1"), Named("s3", "S3"))
    assert [ids(path.cards) for path in found.paths] == [
        ["a", "b", "c", "e", "f"],
        ["a", "b", "d", "e", "f"],
        ["a", "b", "d", "f"],
    ]
    assert [path.conversion for path in found.paths] == pytest.approx([0.2, 0.288, 0.12])
    assert found.paths_truncated is False


def test_expected_conversion_is_the_best_path_s_and_names_its_weakest_step():
    conversion = map_insights(journey(**DIAMOND)).conversion
    assert conversion.rate == pytest.approx(0.288)
    assert ids(conversion.path.cards) == ["a", "b", "d", "e", "f"]
    assert conversion.rated_steps == 3
    assert conversion.weakest == Step("b:d", Card("b", "B", "S1", "Ops"), Card("d", "D", "S2", "Ops"), 0.4)


def test_a_path_says_how_many_of_its_steps_are_measured():
    paths = map_insights(journey(**DIAMOND)).paths
    assert [(path.rated_steps, path.steps) for path in paths] == [(3, 4), (3, 4), (2, 3)]
    assert not any(path.fully_measured for path in paths)  # a -> b carries no rate


def test_an_unmeasured_path_is_never_preferred_to_a_measured_one():
    # S1: a; S2: b, c; S3: d.  a -> b -> d carries no rate at all; a -> c 50%, c -> d 90%: 45%.
    cards = [ops("a", 1), ops("b", 2), ops("c", 2), ops("d", 3)]
    found = map_insights(journey(cards, [flow("a", "b"), flow("b", "d"), flow("a", "c", 0.5), flow("c", "d", 0.9)]))
    assert [path.conversion for path in found.paths] == [None, pytest.approx(0.45)]
    assert found.conversion.rate == pytest.approx(0.45)
    assert ids(found.conversion.path.cards) == ["a", "c", "d"]
    assert (found.conversion.rated_steps, found.conversion.steps) == (2, 2)


def test_a_fully_measured_path_is_preferred_to_a_better_partly_measured_one():
    # a -> b 90% -> d unmeasured (90% on 1 of 2 steps); a -> c 50% -> d 80% (40%, every step measured)
    cards = [ops("a", 1), ops("b", 2), ops("c", 2), ops("d", 3)]
    connections = [flow("a", "b", 0.9), flow("b", "d"), flow("a", "c", 0.5), flow("c", "d", 0.8)]
    conversion = map_insights(journey(cards, connections)).conversion
    assert conversion.rate == pytest.approx(0.4)
    assert ids(conversion.path.cards) == ["a", "c", "d"]


def test_with_no_fully_measured_path_the_best_converting_one_counts_only_its_measured_steps():
    # a -> b unmeasured -> d 50%: 1 of 2 measured.  a -> c 90% -> e unmeasured -> d 90%: 81%, 2 of 3.
    cards = [ops("a", 1), ops("b", 2), ops("c", 2), ops("e", 2), ops("d", 3)]
    connections = [flow("a", "b"), flow("b", "d", 0.5), flow("a", "c", 0.9), flow("c", "e"), flow("e", "d", 0.9)]
    conversion = map_insights(journey(cards, connections)).conversion
    assert ids(conversion.path.cards) == ["a", "c", "e", "d"]
    assert conversion.rate == pytest.approx(0.81)  # the unmeasured step is not counted as 100%: it is not counted
    assert (conversion.rated_steps, conversion.steps) == (2, 3)
    assert conversion.weakest.connection == "a:c"


def test_paths_stop_at_the_limit_and_say_so():
    found = map_insights(journey(**DIAMOND), max_paths=2)
    assert len(found.paths) == 2 and found.paths_truncated is True


def test_a_loop_back_from_the_last_stage_adds_no_path():
    diamond = {**DIAMOND, "connections": [*DIAMOND["connections"], flow("f", "c")]}
    found = map_insights(journey(**diamond))
    assert len(found.paths) == 3
    assert [ids(loop) for loop in found.loops] == [["c", "e", "f"]]


def test_no_rates_means_no_conversion_and_paths_without_one():
    found = map_insights(journey([ops("a", 1), ops("b", 2)], [flow("a", "b")]))
    assert [path.conversion for path in found.paths] == [None]
    assert found.conversion is None


def test_a_zero_rate_is_avoided_when_another_path_exists_and_converts_nothing_otherwise():
    cards = [ops("a", 1), ops("b", 2), ops("c", 2), ops("d", 3)]
    both = map_insights(journey(cards, [flow("a", "b", 0.0), flow("b", "d"), flow("a", "c", 0.1), flow("c", "d")]))
    assert both.conversion.rate == pytest.approx(0.1)
    assert ids(both.conversion.path.cards) == ["a", "c", "d"]
    only = map_insights(journey(cards, [flow("a", "b", 0.0), flow("b", "d")]))
    assert only.conversion.rate == 0.0
    assert only.conversion.weakest.rate == 0.0


def test_a_journey_that_is_one_loop_enters_at_its_first_stage():
    # S1: a -> S2: b -> S3: c -> back to a. Every card has a way in, yet the journey starts at a.
    found = map_insights(
        journey([ops("a", 1), ops("b", 2), ops("c", 3)], [flow("a", "b"), flow("b", "c"), flow("c", "a")])
    )
    assert ids(found.entries) == ["a"]
    assert found.unreachable == ()
    assert [ids(path.cards) for path in found.paths] == [["a", "b", "c"]]


def test_a_journey_within_one_stage_has_no_paths_from_first_to_last():
    found = map_insights(journey([ops("a", 1), ops("b", 1)], [flow("a", "b", 0.5)]))
    assert found.first_stage == found.last_stage == Named("s1", "S1")
    assert (found.paths, found.conversion) == ((), None)


def test_a_map_with_nothing_has_no_findings():
    found = map_insights(journey([]))
    assert (found.entries, found.loops, found.paths, found.first_stage, found.conversion) == ((), (), (), None, None)
    assert len(found.empty_stages) == 3


def test_the_small_shared_map(small_map):
    # search -> compare -> checkout (40%) -> charge (hand-off from Web team to Payments)
    found = map_insights(small_map)
    assert ids(found.entries) == ["search"]  # map order puts compare first, but search leads into it
    assert ids(found.paths[0].cards) == ["search", "compare", "checkout", "charge"]
    assert found.conversion.rate == pytest.approx(0.4)
    assert (found.conversion.rated_steps, found.conversion.steps) == (1, 3)
    assert found.handoffs == (Handoff("Web team", "Payments", 1, ("c3",)),)
    assert [moment.card.id for moment in found.lowest_moments] == ["checkout"]  # compare is 0, search +1


# -- big maps ---------------------------------------------------------------------------------


def big_map(cards: int, seed: int = 7) -> JourneyDocument:
    """12 stages x 8 lanes, each card flowing to two cards of the next stage and now and then
    back or sideways: loops and paths by the million."""
    rng = random.Random(seed)
    per_stage = cards // 12
    touchpoints = [
        Touchpoint(
            id=f"t{n}",
            stage=f"s{n // per_stage + 1}",
            lane=f"l{n % 8}",
            title=f"Card {n}",
            emotion=rng.choice((None, -2, -1, 0, 1, 2)),
            pain_points=["p"] * rng.choice((0, 0, 1)),
        )
        for n in range(per_stage * 12)
    ]
    pairs = set()
    for n in range(len(touchpoints)):
        stage = n // per_stage
        for step in (1, 1, rng.choice((-1, 0, 1))):
            other = min(11, max(0, stage + step)) * per_stage + rng.randrange(per_stage)
            if other != n:
                pairs.add((n, other))
    return JourneyDocument.from_file(
        JourneyMapFile(
            id="big",
            title="Big",
            kind="customer",
            stages=[Stage(id=f"s{n}", name=f"S{n}") for n in range(1, 13)],
            lanes=[Lane(id=f"l{n}", name=f"Team {n}") for n in range(8)],
            touchpoints=touchpoints,
            connections=[
                Connection(id=f"c{a}-{b}", source=f"t{a}", target=f"t{b}", conversion_rate=rng.choice((None, 0.9)))
                for a, b in sorted(pairs)
            ],
        )
    )


def test_a_10000_card_map_answers_in_seconds_with_loops_and_paths_bounded():
    document = big_map(10_000)
    start = time.perf_counter()
    found = map_insights(document)
    elapsed = time.perf_counter() - start
    assert elapsed < 5, f"{elapsed:.1f} s"  # about 0.5 s on a laptop; the bound only catches a blow-up
    assert (len(found.loops), found.loops_truncated) == (20, True)
    assert (len(found.paths), found.paths_truncated) == (20, True)
    assert found.conversion is not None


def test_a_dense_tangle_stops_the_path_search_instead_of_running_for_ever():
    # S1: a; S2: a complete tangle of 12 cards, of which only k leads on; S3: z. a enters the tangle
    # at k too, so a walk a -> k -> m... has used k up and cannot arrive: 11! dead walks, one path.
    tangle = [f"m{n}" for n in range(11)]
    document = journey(
        [ops("a", 1), ops("k", 2), *(ops(name, 2) for name in tangle), ops("z", 3)],
        [
            flow("a", "k"),
            flow("k", "z"),
            *(flow(one, other) for one in ["k", *tangle] for other in ["k", *tangle] if one != other),
        ],
    )
    start = time.perf_counter()
    found = map_insights(document)
    assert time.perf_counter() - start < 5
    assert [ids(path.cards) for path in found.paths] == [["a", "k", "z"]]
    assert found.paths_truncated is True  # the search gave up: it cannot know there is no other
