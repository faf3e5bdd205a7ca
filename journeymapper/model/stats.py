"""Summary figures of a map: where its touchpoints sit and how the journey feels, stage by stage."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from statistics import fmean

from journeymapper.model.document import JourneyDocument


@dataclass(frozen=True)
class StageFigures:
    name: str
    touchpoints: int
    mean_emotion: float | None
    """None where no touchpoint of the stage has an emotion."""


@dataclass(frozen=True)
class MapStats:
    touchpoints: int
    connections: int
    stages: tuple[StageFigures, ...]
    lanes: tuple[tuple[str, int], ...]
    channels: tuple[tuple[str, int], ...]
    """Most used first; touchpoints without a channel count as "(none)"."""


def map_stats(document: JourneyDocument) -> MapStats:
    """Counts per stage and lane (in map order) and per channel, and mean emotion per stage."""
    per_stage: Counter[str] = Counter()
    per_lane: Counter[str] = Counter()
    channels: Counter[str] = Counter()
    emotions: dict[str, list[int]] = {stage_id: [] for stage_id in document.stages}
    for touchpoint in document.touchpoints():
        per_stage[touchpoint.stage] += 1
        per_lane[touchpoint.lane] += 1
        channels[touchpoint.channel or "(none)"] += 1
        if touchpoint.emotion is not None:
            emotions[touchpoint.stage].append(touchpoint.emotion)
    return MapStats(
        touchpoints=document.touchpoint_count(),
        connections=document.graph.number_of_edges(),
        stages=tuple(
            StageFigures(stage.name, per_stage[stage.id], fmean(emotions[stage.id]) if emotions[stage.id] else None)
            for stage in document.stages.values()
        ),
        lanes=tuple((lane.name, per_lane[lane.id]) for lane in document.lanes.values()),
        channels=tuple(channels.most_common()),
    )
