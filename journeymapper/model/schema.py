"""The file schema: pydantic models for one journey map as it is stored and shared.

These models check each object on its own (types, ranges, id syntax). Checks that span objects,
such as unique ids and references between them, belong to the document (see document.py).
"""

from __future__ import annotations

import json
import math
import sys
from enum import StrEnum
from typing import Annotated, Final, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
    field_validator,
)

FORMAT_TAG: Final = "journeymapper"
FORMAT_VERSION: Final = 1

Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$")]
Name = Annotated[str, StringConstraints(max_length=500)]
Text = Annotated[str, StringConstraints(max_length=20_000)]


def _finite_number(value: object) -> int | float:
    # Strict on purpose: JSON true or "5" is a slip in a hand-edited file, not a number; and a
    # whole number stays an int so that a hand-written 48000 is not re-saved as 48000.0.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("must be a number")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("must be a finite number")
    if abs(value) > sys.float_info.max:  # a whole number of more than 309 digits: no float can hold it
        raise ValueError(f"must be at most {sys.float_info.max:.3g} in size")
    return value


Number = Annotated[
    int | float,
    PlainValidator(_finite_number),
    WithJsonSchema({"type": "number", "minimum": -sys.float_info.max, "maximum": sys.float_info.max}),
]
Emotion = Annotated[int, Field(ge=-2, le=2, strict=True)]
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]


class MapKind(StrEnum):
    CUSTOMER = "customer"
    USER = "user"
    BUSINESS = "business"
    SERVICE_BLUEPRINT = "service_blueprint"


class LaneKind(StrEnum):
    TEAM = "team"
    ACTIONS = "actions"
    TOUCHPOINTS = "touchpoints"
    THOUGHTS = "thoughts"
    EMOTIONS = "emotions"
    PAIN_POINTS = "pain_points"
    OPPORTUNITIES = "opportunities"
    FRONTSTAGE = "frontstage"
    BACKSTAGE = "backstage"
    SUPPORT = "support"


class PersonaPart(StrEnum):
    """A persona's part in a B2B buying and using group (labels in ``model.kinds``): who pays,
    who signs, who runs the product, who uses it, and who argues for or shapes the choice."""

    SPONSOR = "sponsor"
    BUYER = "buyer"
    ADMINISTRATOR = "administrator"
    END_USER = "end_user"
    CHAMPION = "champion"
    INFLUENCER = "influencer"


class ConnectionKind(StrEnum):
    FLOW = "flow"
    HANDOFF = "handoff"
    DEPENDENCY = "dependency"


class Item(BaseModel):
    """Base of every stored object: immutable (lists are tuples), strict about unknown keys."""

    model_config = ConfigDict(frozen=True, extra="forbid")


# What ``MapLink._relative_posix_path`` checks, for the published schema: no "/" or "\" first, no
# ":" second (a drive letter), no backslash or control character anywhere. Only in the schema: the
# validator's own messages say what is wrong better than "should match pattern".
_FORBIDDEN = r"\\\u0000-\u001f"
RELATIVE_POSIX_PATH = rf"^[^/{_FORBIDDEN}](?:[^:{_FORBIDDEN}][^{_FORBIDDEN}]*)?$"


class MapLink(Item):
    """A pointer to another map file: a path relative to the linking map, and that map's id."""

    path: Annotated[
        str, StringConstraints(min_length=1, max_length=1000), Field(json_schema_extra={"pattern": RELATIVE_POSIX_PATH})
    ]
    map_id: Id
    label: Name = ""

    @field_validator("path")
    @classmethod
    def _relative_posix_path(cls, path: str) -> str:
        if path.startswith(("/", "\\")) or (len(path) > 1 and path[1] == ":") or "\\" in path:
            raise ValueError("must be a relative path with forward slashes")
        if any(ord(char) < 32 for char in path):
            raise ValueError("must not contain control characters")
        return path


class Persona(Item):
    id: Id
    name: Name
    role: Name = ""
    part: PersonaPart | None = None  # for B2B maps; None for consumers and single users
    goals: tuple[Text, ...] = ()
    frustrations: tuple[Text, ...] = ()


class Stage(Item):
    id: Id
    name: Name
    description: Text = ""
    links: tuple[MapLink, ...] = ()


class Lane(Item):
    id: Id
    name: Name
    kind: LaneKind = LaneKind.TEAM
    colour: Colour | None = None


class Metric(Item):
    value: Number
    unit: Annotated[str, StringConstraints(max_length=40)] = ""


class Touchpoint(Item):
    id: Id
    stage: Id
    lane: Id
    index: Annotated[int, Field(ge=0, strict=True)] = 0
    title: Name
    description: Text = ""
    channel: Annotated[str, StringConstraints(max_length=80)] = ""
    emotion: Emotion | None = None
    personas: tuple[Id, ...] = ()
    pain_points: tuple[Text, ...] = ()
    opportunities: tuple[Text, ...] = ()
    metrics: dict[Annotated[str, StringConstraints(min_length=1, max_length=200)], Metric] = {}
    tags: tuple[Annotated[str, StringConstraints(max_length=80)], ...] = ()
    links: tuple[MapLink, ...] = ()


class Connection(Item):
    """A directed edge: flow and hand-off run from the earlier step to the next; a dependency runs
    from the prerequisite (source) to the touchpoint that depends on it (target)."""

    id: Id
    source: Id
    target: Id
    kind: ConnectionKind = ConnectionKind.FLOW
    label: Name = ""
    conversion_rate: Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False, strict=True)] | None = Field(
        default=None, description="The share of those who reach the source who go on to the target, 0 to 1."
    )


ConflictEntity = Literal["map", "persona", "stage", "lane", "touchpoint", "connection"]


class Conflict(Item):
    """A difference a three-way merge could not settle. The map holds OURS' value; THEIRS' value
    waits here, so that nothing is lost, until someone picks a side.

    ``field`` is a field of the object, ``place`` (a card's stage, lane and index) or ``position``
    (a stage's or lane's place in its row), or empty when one side removed the whole object: then
    the removed side's value is null and the other side's is the object itself."""

    id: Id
    entity: ConflictEntity
    entity_id: Id
    field: Annotated[str, StringConstraints(max_length=80)] = ""
    ours: JsonValue = None
    theirs: JsonValue = None
    text: Text = ""


class JourneyMapFile(Item):
    """One journey map exactly as the JSON file holds it."""

    format: Literal["journeymapper"] = FORMAT_TAG
    version: Literal[1] = FORMAT_VERSION
    id: Id
    title: Name
    kind: MapKind
    description: Text = ""
    author: Name = ""
    personas: tuple[Persona, ...] = ()
    stages: tuple[Stage, ...] = ()
    lanes: tuple[Lane, ...] = ()
    touchpoints: tuple[Touchpoint, ...] = ()
    connections: tuple[Connection, ...] = ()
    conflicts: tuple[Conflict, ...] = Field(
        default=(), description="Merge conflicts not yet resolved; absent when there are none."
    )

    @field_validator("version", mode="before")
    @classmethod
    def _not_a_boolean(cls, version: object) -> object:
        # JSON true would otherwise pass as 1.
        if isinstance(version, bool):
            raise ValueError("must be a whole number")
        return version


def json_schema_text() -> str:
    """The JSON Schema of map files, as committed in resources/journeymap.schema.json."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **JourneyMapFile.model_json_schema(),
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
