"""The published JSON Schema refuses what the loader refuses, for every rule a JSON Schema can
express, and accepts what it accepts.

The corpus sets one value at a time in a small valid map. Patterns are checked as JSON Schema
defines them, with ECMA-262's ``$``, which matches only at the very end; Python's also matches
before a final line break, which would let "a\\n" through where any other validator refuses it.
What a schema cannot express is left out, and named in the README: references between ids, ids
unique in the map, and a whole number written 1.0 where the loader wants 1.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest

from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.model.schema import json_schema_text


def _ecma_pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[Any]:
    if validator.is_type(instance, "string") and not re.search(re.sub(r"\$$", r"\\Z", pattern), instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _ecma_pattern})
SCHEMA = Validator(json.loads(json_schema_text()))

VALID: dict[str, Any] = {
    "format": "journeymapper",
    "version": 1,
    "id": "map",
    "title": "Map",
    "kind": "customer",
    "personas": [{"id": "p", "name": "Ana"}],
    "stages": [{"id": "s", "name": "S", "links": [{"path": "other.json", "map_id": "other"}]}],
    "lanes": [{"id": "l", "name": "L", "colour": "#4477aa"}],
    "touchpoints": [
        {
            "id": "t",
            "stage": "s",
            "lane": "l",
            "title": "T",
            "emotion": 1,
            "personas": ["p"],
            "metrics": {"NPS": {"value": 42, "unit": ""}},
        },
        {"id": "u", "stage": "s", "lane": "l", "index": 1, "title": "U"},
    ],
    "connections": [{"id": "c", "source": "t", "target": "u", "conversion_rate": 0.5}],
}

LINK = ("stages", 0, "links", 0, "path")
# (where in VALID, the value set there)
CASES: list[tuple[tuple[Any, ...], Any]] = [
    *(
        (LINK, path)
        for path in [
            "/etc/passwd",
            "\\\\server\\share\\map.json",
            "\\map.json",
            "C:/maps/map.json",
            "c:map.json",
            "maps\\map.json",
            "maps/map.json\n",
            "maps/\tmap.json",
            "maps/\x00.json",
            "maps/\x1b[2J.json",
            "",
            "x" * 1001,
            "a:b.json",  # the loader takes any character before a colon for a drive letter
            # accepted by both
            "../users/first-report.json",
            "maps/a:b.json",
            "x" * 1000,
            "maps/\x7f.json",
            "café/ü.json",
        ]
    ),
    (("id",), "map\n"),
    (("id",), "-map"),
    (("id",), "a" * 129),
    (("id",), "a" * 128),
    (("stages", 0, "links", 0, "map_id"), "a b"),
    (("version",), True),
    (("version",), 2),
    (("version",), "1"),
    (("version",), 1.0),  # both take it for 1
    (("format",), "journeymap"),
    (("kind",), "Customer"),
    (("title",), "x" * 501),
    (("title",), "x" * 500),
    (("title",), None),
    (("lanes", 0, "colour"), "#4477AA"),
    (("lanes", 0, "colour"), "#47a"),
    (("lanes", 0, "colour"), "#4477aa\n"),
    (("lanes", 0, "kind"), "teams"),
    (("touchpoints", 0, "emotion"), 3),
    (("touchpoints", 0, "emotion"), -3),
    (("touchpoints", 0, "emotion"), True),
    (("touchpoints", 0, "emotion"), "1"),
    (("touchpoints", 0, "emotion"), None),
    (("touchpoints", 0, "index"), -1),
    (("touchpoints", 0, "metrics", "NPS", "value"), True),
    (("touchpoints", 0, "metrics", "NPS", "value"), "42"),
    (("touchpoints", 0, "metrics", "NPS", "value"), 10**309),
    (("touchpoints", 0, "metrics", "NPS", "value"), -(10**309)),
    (("touchpoints", 0, "metrics", "NPS", "value"), 10**308),
    (("touchpoints", 0, "metrics", "NPS", "value"), 1.5e308),
    (("touchpoints", 0, "metrics", "NPS", "unit"), "x" * 41),
    (("touchpoints", 0, "metrics"), {"": {"value": 1}}),
    (("touchpoints", 0, "metrics"), {"x" * 201: {"value": 1}}),
    (("touchpoints", 0, "channel"), "x" * 81),
    (("touchpoints", 0, "tags"), ["x" * 81]),
    (("touchpoints", 0, "unknown"), 1),
    (("connections", 0, "conversion_rate"), 1.5),
    (("connections", 0, "conversion_rate"), -0.1),
    (("connections", 0, "conversion_rate"), 1),
    (("connections", 0, "conversion_rate"), True),
    (("connections", 0, "kind"), "flows"),
    (("personas", 0, "part"), "payer"),
    (("personas", 0, "goals"), "one goal"),
]


def _with(where: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(VALID)
    target = data
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = value
    return data


def _loads(data: dict[str, Any]) -> bool:
    try:
        json_format.loads(json.dumps(data))
    except JourneyMapError:
        return False
    return True


def test_the_valid_map_passes_both():
    assert SCHEMA.is_valid(VALID) and _loads(VALID)


@pytest.mark.parametrize(("where", "value"), CASES, ids=[f"{'.'.join(map(str, w))}={v!r}"[:60] for w, v in CASES])
def test_the_schema_and_the_loader_agree(where, value):
    data = _with(where, value)
    assert SCHEMA.is_valid(data) == _loads(data)


# What no JSON Schema can say, as the README names it: the schema passes these, the loader does not.
BEYOND_A_SCHEMA: list[tuple[tuple[Any, ...], Any]] = [
    (("touchpoints", 0, "stage"), "no-such-stage"),  # a reference to an id that is not there
    (("connections", 0, "source"), "nobody"),
    (("touchpoints", 1, "id"), "t"),  # ids unique in the map
    (("touchpoints", 0, "emotion"), 1.0),  # JSON Schema's integer is any number with no fraction
    (("touchpoints", 1, "index"), 1.0),
]


@pytest.mark.parametrize(
    ("where", "value"), BEYOND_A_SCHEMA, ids=[f"{'.'.join(map(str, w))}={v!r}" for w, v in BEYOND_A_SCHEMA]
)
def test_what_the_schema_cannot_express_only_the_loader_refuses(where, value):
    data = _with(where, value)
    assert SCHEMA.is_valid(data) and not _loads(data)
