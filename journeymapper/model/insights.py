"""Findings about one journey map: where the journey starts, stops, breaks, loops and changes hands,
where it hurts, and how well it converts. Pure: a document in, frozen dataclasses out.

What counts as the journey. Flow and hand-off connections both move a person (or an order) on to
the next step; a dependency only says that one step needs another, so it is not a step. The
*journey* is therefore the graph of flow and hand-off connections, and the flow findings (entries,
exits, dead ends, unreachable cards, loops, paths, conversion) are about it alone. Touchpoints with
no flow or hand-off at all (notes in a thoughts or emotions lane, a system other steps depend on)
are listed once, as off the journey, rather than each showing up as an entry, an exit and a dead end.

The first and last stage are the first and last that hold a touchpoint of the journey, so an empty
closing stage of a template does not turn every exit into a dead end.

Numbers count only what was measured. A step without a conversion rate is unknown, not 100%: a
path's conversion is the product of its measured steps and says how many of its steps those are,
and the expected end-to-end conversion prefers a path whose every step is measured. Lowest moments
are moments below neutral; a card at 0 or above is no low moment, however few cards are below.

The exponential parts are bounded so that a 10,000-card map answers in under a second: loops
and paths stop after a set number (and say so), and the best converting path is found with
Dijkstra rather than by enumerating paths.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice, pairwise
from typing import cast

import networkx as nx

from journeymapper.model.document import JourneyDocument
from journeymapper.model.schema import Connection, ConnectionKind, LaneKind, Touchpoint

MOVES = frozenset({ConnectionKind.FLOW, ConnectionKind.HANDOFF})
LOWEST_MOMENTS = 5
MAX_LOOPS = 20
MAX_PATHS = 20
PATH_SEARCH_STEPS = 200_000


@dataclass(frozen=True)
class Card:
    """A touchpoint as findings name it: its id (to select it), its title, and the names of its
    stage and lane (to find it on the map)."""

    id: str
    title: str
    stage: str
    lane: str


@dataclass(frozen=True)
class Named:
    id: str
    name: str


@dataclass(frozen=True)
class Handoff:
    """Journey moves from one team's lane to another's. A team is a lane name: two lanes of the
    same name are one team."""

    from_team: str
    to_team: str
    count: int
    connections: tuple[str, ...]


@dataclass(frozen=True)
class Moment:
    card: Card
    emotion: int


@dataclass(frozen=True)
class HotSpot:
    """One cell's pain points: each listed pain point counts, and so does a card in a pain-points
    lane that lists none (the card itself is the pain point)."""

    stage: Named
    lane: Named
    pain_points: int
    touchpoints: tuple[str, ...]


@dataclass(frozen=True)
class JourneyPath:
    cards: tuple[Card, ...]
    conversion: float | None
    """The product of the rates of its measured steps, those that carry a rate; None when none
    does. With ``rated_steps < steps`` it covers only part of the path: the whole converts at most
    that much."""
    rated_steps: int
    steps: int

    @property
    def fully_measured(self) -> bool:
        return self.rated_steps == self.steps


@dataclass(frozen=True)
class Step:
    connection: str
    source: Card
    target: Card
    rate: float


@dataclass(frozen=True)
class Conversion:
    """The expected end-to-end conversion from the first stage to the last: that of the fully
    measured path (every step carries a rate) whose product of rates is highest. Only when no path
    is fully measured, that of the listed path that converts best over its measured steps (the
    first listed among equals); ``rate`` then covers only its ``rated_steps`` of ``steps``, and the
    whole converts at most that much. The weakest step is the lowest rate on the path (the first,
    if several tie)."""

    rate: float
    path: JourneyPath
    rated_steps: int
    steps: int
    weakest: Step


@dataclass(frozen=True)
class Insights:
    entries: tuple[Card, ...]
    """Cards of the journey that nothing flows or hands off into. A journey that is one loop has no
    such card: then its first stage's cards that no card of that stage leads into."""
    exits: tuple[Card, ...]
    """Cards of the journey that lead nowhere on."""
    dead_ends: tuple[Card, ...]
    """Exits before the last stage."""
    unreachable: tuple[Card, ...]
    """Cards of the journey that no entry leads to: a loop with no way in, and what follows it."""
    off_journey: tuple[Card, ...]
    loops: tuple[tuple[Card, ...], ...]
    """Each loop starts at its card that comes first in the map; shortest loops first."""
    loops_truncated: bool
    handoffs: tuple[Handoff, ...]
    """Most frequent first, ties in lane order."""
    empty_stages: tuple[Named, ...]
    lowest_moments: tuple[Moment, ...]
    """Cards below neutral (emotion < 0), lowest emotion first, ties in map order."""
    hot_spots: tuple[HotSpot, ...]
    """Cells with pain points, most first, ties in map order."""
    first_stage: Named | None
    last_stage: Named | None
    paths: tuple[JourneyPath, ...]
    """Paths from a card of the first stage that no card of that stage leads to, through the map,
    to a card of the last stage that leads to no other card of that stage."""
    paths_truncated: bool
    conversion: Conversion | None
    """None unless a path from the first stage to the last has a measured step."""


def map_insights(
    document: JourneyDocument,
    *,
    moments: int = LOWEST_MOMENTS,
    max_loops: int = MAX_LOOPS,
    max_paths: int = MAX_PATHS,
) -> Insights:
    """Every finding about ``document``; loops and paths stop after ``max_loops`` and ``max_paths``."""
    cards = {touchpoint.id: _card(document, touchpoint) for touchpoint in document.touchpoints()}
    journey = _journey(document, cards)
    stage_of = {card_id: document.touchpoint(card_id).stage for card_id in journey}
    used = set(stage_of.values())
    span = [stage_id for stage_id in document.stages if stage_id in used]
    first, last = (span[0], span[-1]) if span else (None, None)
    entries = [card_id for card_id in journey if not journey.pred[card_id]]
    if not entries and first is not None:  # one loop: everything has a way in, so start where the map does
        entries = _stage_edge(journey, stage_of, first, journey.pred)
    exits = [card_id for card_id in journey if not journey.succ[card_id]]
    reached = _reach(journey, entries)
    loops, loops_truncated = _loops(journey, list(cards), max_loops)
    paths, paths_truncated, conversion = _routes(journey, stage_of, first, last, cards, max_paths)
    return Insights(
        entries=_pick(cards, entries),
        exits=_pick(cards, exits),
        dead_ends=_pick(cards, (card_id for card_id in exits if stage_of[card_id] != last)),
        unreachable=_pick(cards, (card_id for card_id in journey if card_id not in reached)),
        off_journey=_pick(cards, (card_id for card_id in cards if card_id not in journey)),
        loops=tuple(_pick(cards, loop) for loop in loops),
        loops_truncated=loops_truncated,
        handoffs=_handoffs(document),
        empty_stages=_empty_stages(document),
        lowest_moments=_lowest_moments(document, cards, moments),
        hot_spots=_hot_spots(document),
        first_stage=_stage(document, first),
        last_stage=_stage(document, last),
        paths=paths,
        paths_truncated=paths_truncated,
        conversion=conversion,
    )


# -- the journey graph --------------------------------------------------------------------------


def _card(document: JourneyDocument, touchpoint: Touchpoint) -> Card:
    stage, lane = document.stages[touchpoint.stage], document.lanes[touchpoint.lane]
    return Card(touchpoint.id, touchpoint.title, stage.name, lane.name)


def _pick(cards: dict[str, Card], ids: Iterable[str]) -> tuple[Card, ...]:
    return tuple(cards[card_id] for card_id in ids)


def _stage(document: JourneyDocument, stage_id: str | None) -> Named | None:
    return None if stage_id is None else Named(stage_id, document.stages[stage_id].name)


def _journey(document: JourneyDocument, cards: dict[str, Card]) -> nx.DiGraph[str]:
    """Flow and hand-off connections; nodes in map order so that every finding lists in map order."""
    moves = [connection for connection in document.connections() if connection.kind in MOVES]
    on_journey = {end for connection in moves for end in (connection.source, connection.target)}
    journey: nx.DiGraph[str] = nx.DiGraph()
    journey.add_nodes_from(card_id for card_id in cards if card_id in on_journey)
    journey.add_edges_from((move.source, move.target, {"connection": move}) for move in moves)
    return journey


def _reach(graph: nx.DiGraph[str], sources: Iterable[str]) -> set[str]:
    """Every node reachable from ``sources`` (included), in one pass for all of them."""
    seen = {source for source in sources if source in graph}
    stack = list(seen)
    while stack:
        for successor in graph.succ[stack.pop()]:
            if successor not in seen:
                seen.add(successor)
                stack.append(successor)
    return seen


def _loops(journey: nx.DiGraph[str], order: list[str], limit: int) -> tuple[list[list[str]], bool]:
    """Up to ``limit`` simple cycles: the generator is lazy, so a map with millions of them stops early."""
    found = list(islice(nx.simple_cycles(journey), limit + 1))
    position = {card_id: number for number, card_id in enumerate(order)}
    loops = []
    for cycle in found[:limit]:
        start = min(range(len(cycle)), key=lambda index: position[cycle[index]])
        loops.append(cycle[start:] + cycle[:start])
    loops.sort(key=lambda loop: (len(loop), [position[card_id] for card_id in loop]))
    return loops, len(found) > limit


# -- teams, stages, emotions, pain --------------------------------------------------------------


def _handoffs(document: JourneyDocument) -> tuple[Handoff, ...]:
    teams = {lane.id: lane.name for lane in document.lanes.values() if lane.kind == LaneKind.TEAM}
    team_order = {name: number for number, name in reversed(list(enumerate(teams.values())))}
    pairs: dict[tuple[str, str], list[str]] = {}
    for connection in document.connections():
        if connection.kind not in MOVES:
            continue
        source = teams.get(document.touchpoint(connection.source).lane)
        target = teams.get(document.touchpoint(connection.target).lane)
        if source is not None and target is not None and source != target:
            pairs.setdefault((source, target), []).append(connection.id)
    found = [Handoff(source, target, len(ids), tuple(ids)) for (source, target), ids in pairs.items()]
    return tuple(sorted(found, key=lambda h: (-h.count, team_order[h.from_team], team_order[h.to_team])))


def _empty_stages(document: JourneyDocument) -> tuple[Named, ...]:
    return tuple(
        Named(stage.id, stage.name)
        for stage in document.stages.values()
        if not any(document.cell(stage.id, lane_id) for lane_id in document.lanes)
    )


def _lowest_moments(document: JourneyDocument, cards: dict[str, Card], count: int) -> tuple[Moment, ...]:
    felt = (
        Moment(cards[touchpoint.id], touchpoint.emotion)
        for touchpoint in document.touchpoints()
        if touchpoint.emotion is not None and touchpoint.emotion < 0
    )
    return tuple(heapq.nsmallest(count, felt, key=lambda moment: moment.emotion))  # stable: ties in map order


def _hot_spots(document: JourneyDocument) -> tuple[HotSpot, ...]:
    spots = []
    for stage in document.stages.values():
        for lane in document.lanes.values():
            counts = {
                card_id: _pain_points(document.touchpoint(card_id), lane.kind)
                for card_id in document.cell(stage.id, lane.id)
            }
            hurting = tuple(card_id for card_id, count in counts.items() if count)
            if hurting:
                spots.append(
                    HotSpot(Named(stage.id, stage.name), Named(lane.id, lane.name), sum(counts.values()), hurting)
                )
    return tuple(sorted(spots, key=lambda spot: -spot.pain_points))


def _pain_points(touchpoint: Touchpoint, lane_kind: LaneKind) -> int:
    return len(touchpoint.pain_points) or int(lane_kind == LaneKind.PAIN_POINTS)


# -- paths and conversion -----------------------------------------------------------------------


def _routes(
    journey: nx.DiGraph[str],
    stage_of: dict[str, str],
    first: str | None,
    last: str | None,
    cards: dict[str, Card],
    limit: int,
) -> tuple[tuple[JourneyPath, ...], bool, Conversion | None]:
    if first is None or last is None or first == last:
        return (), False, None
    routes, starts, ends = _route_graph(journey, stage_of, first, last)
    starts = [start for start in starts if start in routes]
    walks, truncated = _simple_paths(routes, starts, set(ends), limit)
    paths = tuple(_path(routes, walk, cards) for walk in walks)
    return paths, truncated, _conversion(routes, starts, ends, cards) or _best_listed(routes, paths, cards)


def _simple_paths(
    routes: nx.DiGraph[str], starts: list[str], ends: set[str], limit: int
) -> tuple[list[list[str]], bool]:
    """Up to ``limit`` simple paths from the starts to the ends, depth first; and whether there may be more.

    Not ``nx.all_simple_paths``: even on the cut graph, a search can spend exponential time among
    loops without finding a path, so this one also stops after ``PATH_SEARCH_STEPS`` steps.
    """
    found: list[list[str]] = []
    budget = PATH_SEARCH_STEPS
    for start in starts:
        path, on_path, branches = [start], {start}, [iter(routes.succ[start])]
        while branches:
            budget -= 1
            if budget < 0 or len(found) > limit:
                return found[:limit], True
            step = next(branches[-1], None)
            if step is None:
                branches.pop()
                on_path.discard(path.pop())
            elif step in ends:
                found.append([*path, step])  # an end leads nowhere in the cut graph: no need to go on
            elif step not in on_path:
                path.append(step)
                on_path.add(step)
                branches.append(iter(routes.succ[step]))
    return found[:limit], len(found) > limit


def _route_graph(
    journey: nx.DiGraph[str], stage_of: dict[str, str], first: str, last: str
) -> tuple[nx.DiGraph[str], list[str], list[str]]:
    """The journey cut to what lies on a way from a start to an end.

    Cutting the edges into starts and out of ends makes a path begin at a start and stop at the
    first end it reaches; keeping only cards that a start reaches and that reach an end means the
    path search never wanders into a branch that cannot arrive.
    """
    starts = _stage_edge(journey, stage_of, first, journey.pred)
    ends = _stage_edge(journey, stage_of, last, journey.succ)
    into_start, out_of_end = set(starts), set(ends)
    routes: nx.DiGraph[str] = nx.DiGraph()
    routes.add_edges_from(
        (source, target, data)
        for source, target, data in journey.edges(data=True)
        if target not in into_start and source not in out_of_end
    )
    useful = _reach(routes, starts) & _reach(routes.reverse(copy=False), ends)
    routes.remove_nodes_from([card_id for card_id in list(routes) if card_id not in useful])
    return routes, starts, ends


def _stage_edge(
    journey: nx.DiGraph[str], stage_of: dict[str, str], stage: str, neighbours: Mapping[str, Iterable[str]]
) -> list[str]:
    """The cards of ``stage`` with no neighbour (predecessor or successor) in that same stage; all
    of its cards if a loop inside the stage leaves none."""
    members = [card_id for card_id in journey if stage_of[card_id] == stage]
    alone = [card_id for card_id in members if all(stage_of[other] != stage for other in neighbours[card_id])]
    return alone or members


def _rate(connection: Connection) -> float:
    """Only for measured steps: an unmeasured one never enters a product or a cost."""
    assert connection.conversion_rate is not None
    return connection.conversion_rate


def _steps(routes: nx.DiGraph[str], walk: Sequence[str]) -> Iterator[Connection]:
    return (routes.edges[source, target]["connection"] for source, target in pairwise(walk))


def _path(routes: nx.DiGraph[str], walk: Sequence[str], cards: dict[str, Card]) -> JourneyPath:
    steps = list(_steps(routes, walk))
    rated = [step for step in steps if step.conversion_rate is not None]
    conversion = math.prod(map(_rate, rated)) if rated else None
    return JourneyPath(_pick(cards, walk), conversion, len(rated), len(steps))


def _conversion(
    routes: nx.DiGraph[str], starts: list[str], ends: list[str], cards: dict[str, Card]
) -> Conversion | None:
    """The best fully measured path. Best = highest product of rates = shortest path under
    -log(rate) over the measured steps alone, which Dijkstra finds exactly however many paths there
    are. A rate of 0 costs infinity: such a path is chosen only when every fully measured path has
    a zero step, and then converts 0."""
    measured: nx.DiGraph[str] = nx.DiGraph()
    measured.add_edges_from(
        (source, target, data)
        for source, target, data in routes.edges(data=True)
        if data["connection"].conversion_rate is not None
    )
    sources = [start for start in starts if start in measured]
    if not sources:
        return None
    # With no target, networkx gives every node's cost and path (its stubs allow for one target too).
    costs, walks = cast(
        tuple[dict[str, float], dict[str, list[str]]], nx.multi_source_dijkstra(measured, sources, weight=_cost)
    )
    arrived = [end for end in ends if end in costs]
    if not arrived:
        return None
    return _headline(routes, _path(routes, walks[min(arrived, key=costs.__getitem__)], cards), cards)


def _best_listed(routes: nx.DiGraph[str], paths: tuple[JourneyPath, ...], cards: dict[str, Card]) -> Conversion | None:
    """With no fully measured path, the listed path that converts best over its measured steps; a
    path with no measured step has no number to offer."""
    measured = [path for path in paths if path.conversion is not None]
    if not measured:
        return None
    return _headline(routes, max(measured, key=lambda path: path.conversion or 0.0), cards)


def _headline(routes: nx.DiGraph[str], path: JourneyPath, cards: dict[str, Card]) -> Conversion:
    walk = [card.id for card in path.cards]
    rated = [step for step in _steps(routes, walk) if step.conversion_rate is not None]
    weakest = min(rated, key=_rate)
    assert path.conversion is not None
    return Conversion(path.conversion, path, path.rated_steps, path.steps, _step(weakest, cards))


def _step(connection: Connection, cards: dict[str, Card]) -> Step:
    return Step(connection.id, cards[connection.source], cards[connection.target], _rate(connection))


def _cost(_source: str, _target: str, data: dict[str, Connection]) -> float:
    rate = _rate(data["connection"])
    return -math.log(rate) if rate > 0 else math.inf
