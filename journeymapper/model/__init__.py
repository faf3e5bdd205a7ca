"""The journey-map model: the file schema and the live document. Pure Python, no Qt."""

from journeymapper.model.document import Change, JourneyDocument
from journeymapper.model.schema import (
    FORMAT_VERSION,
    Conflict,
    Connection,
    ConnectionKind,
    JourneyMapFile,
    Lane,
    LaneKind,
    MapKind,
    MapLink,
    Metric,
    Persona,
    PersonaPart,
    Stage,
    Touchpoint,
)

__all__ = [
    "FORMAT_VERSION",
    "Change",
    "Conflict",
    "Connection",
    "ConnectionKind",
    "JourneyDocument",
    "JourneyMapFile",
    "Lane",
    "LaneKind",
    "MapKind",
    "MapLink",
    "Metric",
    "Persona",
    "PersonaPart",
    "Stage",
    "Touchpoint",
]
