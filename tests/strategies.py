"""Hypothesis strategies shared by the tests: random maps, and random edits of a map through its API."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from hypothesis import strategies as st

from journeymapper.errors import JourneyMapError
from journeymapper.model import (
    Connection,
    ConnectionKind,
    JourneyDocument,
    JourneyMapFile,
    Lane,
    LaneKind,
    MapKind,
    Metric,
    Persona,
    Stage,
    Touchpoint,
)

texts = st.text(max_size=30)
numbers = st.floats(allow_nan=False, allow_infinity=False)


def ids(prefix: str, count: int) -> list[str]:
    return [f"{prefix}-{number}" for number in range(count)]


@st.composite
def journey_maps(draw) -> JourneyDocument:
    personas = [
        Persona(id=i, name=draw(texts), goals=draw(st.lists(texts, max_size=2)))
        for i in ids("p", draw(st.integers(0, 3)))
    ]
    stages = [Stage(id=i, name=draw(texts)) for i in ids("s", draw(st.integers(1, 4)))]
    lanes = [
        Lane(id=i, name=draw(texts), kind=draw(st.sampled_from(LaneKind))) for i in ids("l", draw(st.integers(1, 3)))
    ]
    touchpoints = [
        Touchpoint(
            id=i,
            stage=draw(st.sampled_from(stages)).id,
            lane=draw(st.sampled_from(lanes)).id,
            index=draw(st.integers(0, 5)),
            title=draw(texts),
            channel=draw(st.sampled_from(["", "email", "web", "in-app"])),
            emotion=draw(st.none() | st.integers(-2, 2)),
            personas=draw(st.lists(st.sampled_from([p.id for p in personas]), unique=True)) if personas else [],
            pain_points=draw(st.lists(texts, max_size=2)),
            metrics=draw(
                st.dictionaries(st.text(min_size=1, max_size=10), st.builds(Metric, value=numbers), max_size=2)
            ),
        )
        for i in ids("t", draw(st.integers(0, 12)))
    ]
    pairs = [(a.id, b.id) for a in touchpoints for b in touchpoints if a.id != b.id]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=10)) if pairs else []
    connections = [
        Connection(
            id=f"c-{n}",
            source=source,
            target=target,
            kind=draw(st.sampled_from(ConnectionKind)),
            conversion_rate=draw(st.none() | st.floats(0, 1)),
        )
        for n, (source, target) in enumerate(chosen)
    ]
    return JourneyDocument.from_file(
        JourneyMapFile(
            id="m",
            title=draw(texts),
            kind=draw(st.sampled_from(MapKind)),
            personas=personas,
            stages=stages,
            lanes=lanes,
            touchpoints=touchpoints,
            connections=connections,
        )
    )


def copy_of(document: JourneyDocument) -> JourneyDocument:
    return JourneyDocument.from_file(document.to_file())


class RandomEdits:
    """Edits drawn at random and made through the document's API, each as a user could make it.

    Only objects that ``allowed`` admits are touched or referred to, besides those the edits add
    (their ids start with ``prefix``): two editors given disjoint sets edit independently, as two
    people working on different parts of a map. An edit the document refuses is skipped.
    """

    def __init__(self, draw, document: JourneyDocument, prefix: str, allowed: Callable[[str], bool]):
        self.draw, self.document, self.prefix = draw, document, prefix
        self.allowed = lambda item_id: item_id.startswith(prefix) or allowed(item_id)
        self.added = 0

    def run(self, count: int) -> None:
        edits = [getattr(self, name) for name in dir(self) if name.startswith("edit_")]
        for _ in range(count):
            edit = self.draw(st.sampled_from(edits))
            with contextlib.suppress(JourneyMapError, LookupError):  # refused, or nothing to edit: skipped
                edit()

    def new_id(self) -> str:
        self.added += 1
        return f"{self.prefix}-{self.added}"

    def pick(self, ids) -> str:
        choices = [item_id for item_id in ids if self.allowed(item_id)]
        if not choices:
            raise LookupError("nothing this editor may touch")
        return self.draw(st.sampled_from(choices))

    def position(self, items) -> int:
        return self.draw(st.integers(0, len(items)))

    # -- the edits ----------------------------------------------------------------------------

    def edit_map(self) -> None:
        if self.allowed("map"):
            self.document.update_map(**self.draw(st.sampled_from([{"title": "Renamed"}, {"author": "Someone"}])))

    def edit_add_persona(self) -> None:
        persona = Persona(id=self.new_id(), name=self.draw(texts))
        self.document.add_persona(persona, self.position(self.document.personas))

    def edit_persona(self) -> None:
        changes = self.draw(st.sampled_from([{"name": "Renamed"}, {"role": "Lead"}, {"goals": ["Ship it"]}]))
        self.document.update_persona(self.pick(self.document.personas), **changes)

    def edit_remove_persona(self) -> None:
        self.document.remove_persona(self.pick(self.document.personas))

    def stage_or_lane(self) -> str:
        return self.draw(st.sampled_from(["stage", "lane"]))

    def edit_add_stage_or_lane(self) -> None:
        which, name = self.stage_or_lane(), self.draw(texts)
        kind = self.draw(st.sampled_from(LaneKind))
        item = Stage(id=self.new_id(), name=name) if which == "stage" else Lane(id=self.new_id(), name=name, kind=kind)
        getattr(self.document, f"add_{which}")(item, self.position(getattr(self.document, f"{which}s")))

    def edit_stage_or_lane(self) -> None:
        which = self.stage_or_lane()
        options = [{"name": "Renamed"}, {"description": "More"} if which == "stage" else {"colour": "#112233"}]
        changes = self.draw(st.sampled_from(options))
        getattr(self.document, f"update_{which}")(self.pick(getattr(self.document, f"{which}s")), **changes)

    def edit_move_stage_or_lane(self) -> None:
        which = self.stage_or_lane()
        items = getattr(self.document, f"{which}s")
        getattr(self.document, f"move_{which}")(self.pick(items), self.position(items))

    def edit_remove_stage_or_lane(self) -> None:
        which = self.stage_or_lane()
        getattr(self.document, f"remove_{which}")(self.pick(getattr(self.document, f"{which}s")))

    def edit_add_card(self) -> None:
        stage, lane = self.pick(self.document.stages), self.pick(self.document.lanes)
        card = Touchpoint(
            id=self.new_id(),
            stage=stage,
            lane=lane,
            index=self.position(self.document.cell(stage, lane)),
            title=self.draw(texts),
            emotion=self.draw(st.none() | st.integers(-2, 2)),
        )
        self.document.add_touchpoint(card)

    def edit_card(self) -> None:
        card = self.pick(self.document.graph)
        options = [
            {"title": self.draw(texts)},
            {"emotion": self.draw(st.none() | st.integers(-2, 2))},
            {"pain_points": self.draw(st.lists(texts, max_size=2))},
            {"tags": self.draw(st.lists(st.sampled_from(["a", "b", "c"]), unique=True))},
            {"metrics": {"NPS": {"value": self.draw(st.integers(0, 100))}}},
        ]
        if any(self.allowed(persona) for persona in self.document.personas):
            options.append({"personas": [self.pick(self.document.personas)]})
        self.document.update_touchpoint(card, **self.draw(st.sampled_from(options)))

    def edit_move_card(self) -> None:
        card, stage, lane = (
            self.pick(self.document.graph),
            self.pick(self.document.stages),
            self.pick(self.document.lanes),
        )
        self.document.move_touchpoint(card, stage, lane, self.position(self.document.cell(stage, lane)))

    def edit_remove_card(self) -> None:
        card = self.pick(self.document.graph)
        if all(self.allowed(connection.id) for connection in self.document.connections_of(card)):
            self.document.remove_touchpoint(card)

    def edit_add_connection(self) -> None:
        source, target = self.pick(self.document.graph), self.pick(self.document.graph)
        kind = self.draw(st.sampled_from(ConnectionKind))
        self.document.add_connection(Connection(id=self.new_id(), source=source, target=target, kind=kind))

    def edit_connection(self) -> None:
        changes = self.draw(st.sampled_from([{"label": "Renamed"}, {"kind": "dependency"}, {"conversion_rate": 0.5}]))
        self.document.update_connection(
            self.pick([connection.id for connection in self.document.connections()]), **changes
        )

    def edit_remove_connection(self) -> None:
        self.document.remove_connection(self.pick([connection.id for connection in self.document.connections()]))


@st.composite
def edited(draw, document: JourneyDocument, prefix: str = "new", allowed: Callable[[str], bool] = lambda _: True):
    """A copy of ``document`` after up to ten random edits (see ``RandomEdits``)."""
    result = copy_of(document)
    RandomEdits(draw, result, prefix, allowed).run(draw(st.integers(0, 10)))
    return result
