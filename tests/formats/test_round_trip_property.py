"""Any valid map survives save and load unchanged, and saving is deterministic."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from journeymapper.formats.json_format import dumps, loads
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


@settings(max_examples=150, deadline=None)
@given(journey_maps())
def test_load_of_save_is_the_same_map_and_resaving_is_byte_identical(document):
    text = dumps(document)
    reloaded = loads(text)
    assert reloaded == document
    assert dumps(reloaded) == text
