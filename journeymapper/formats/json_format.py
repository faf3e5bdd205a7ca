"""Reading and writing journey maps as JSON files.

A saved map is UTF-8 (non-ASCII written as itself), indented, with keys and items in a stable
order and a trailing newline, and leaves out every field that holds its default, so that two
versions diff cleanly. Saving goes to a temporary file beside the target that is then renamed over
it: an interrupted save leaves the old file intact.

Loading checks the size, the encoding, the JSON syntax (a key repeated in one object is refused:
one of its values would be lost), the format tag and version (migrating older versions), the
schema and every cross-reference. Any problem raises ``JourneyMapError`` with a one-line message
naming the file and the place: line and column for encoding and syntax, a JSON path such as
``touchpoints[12].stage`` for content.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from journeymapper.collector import young_collections_only
from journeymapper.counting import counted
from journeymapper.errors import JourneyMapError, shorten
from journeymapper.formats.files import read_limited, utf8_content, write_atomically
from journeymapper.formats.json_syntax import parse_json
from journeymapper.formats.migrations import migrate
from journeymapper.model.document import JourneyDocument
from journeymapper.model.schema import FORMAT_TAG, FORMAT_VERSION, JourneyMapFile

# Fields no other kind of JSON file is likely to have: a file with one of them but no "format" tag
# is a map with something missing, and its real problem is worth more than "not a journey map".
MAP_FIELDS = frozenset({"personas", "stages", "lanes", "touchpoints", "connections"})


def load(path: str | os.PathLike[str]) -> JourneyDocument:
    """Read a map file into a document."""
    return loads(read_limited(Path(path)), source=str(path))


def loads(data: bytes | str, source: str = "<map>") -> JourneyDocument:
    """Read a map from the bytes (or text) of a file; ``source`` names it in error messages."""
    # The bytes go on to the parsers: they would otherwise encode the text back to UTF-8 themselves.
    data = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else utf8_content(data, source)
    with young_collections_only():
        # One parse, which refuses repeated keys, feeds the validation: pydantic's own JSON parse
        # cannot see them, and parsing twice cost as much as the parse itself.
        content = parse_json(data, source)
        try:
            model = JourneyMapFile.model_validate(content)
        except ValidationError:
            # The current format's validation failed: validate step by step to migrate or to say why.
            model = _validate_step_by_step(content, source)
        try:
            return JourneyDocument.from_file(model)
        except JourneyMapError as error:
            raise JourneyMapError(f"{source}: {error}") from None


def dumps(document: JourneyDocument) -> str:
    """The text of a map file: only the fields that differ from their defaults (no ``null``, no
    empty lists), so that an edit shows in git as the lines it touched; the format tag and
    version always, so that the file says what it is. Keys follow the models' field order."""
    content = document.to_file().model_dump(mode="json", exclude_defaults=True)
    content = {"format": FORMAT_TAG, "version": FORMAT_VERSION, **content}
    return json.dumps(content, ensure_ascii=False, indent=2) + "\n"


def save(document: JourneyDocument, path: str | os.PathLike[str]) -> None:
    """Write a map file atomically: a temporary file beside the target, renamed over it."""
    write_atomically(Path(path), dumps(document).encode("utf-8"), action="save")


def _validate_step_by_step(content: Any, source: str) -> JourneyMapFile:
    content = _upgrade(content, source)
    try:
        return JourneyMapFile.model_validate(content)
    except ValidationError as error:
        raise JourneyMapError(f"{source}: {_content_message(error)}") from None


def _upgrade(content: Any, source: str) -> dict[str, Any]:
    """The content at the current format version; refused if it is no map or from a newer version.

    A file that leaves out ``format`` but holds a map's own fields, or leaves out ``version``, is
    taken as a map of the current version, as the one-pass validation takes it: its real problem
    is then reported, not the missing tag."""
    if not isinstance(content, dict):
        raise JourneyMapError(f"{source}: not a journey map: the top level must be a JSON object")
    tag = content.get("format", FORMAT_TAG if MAP_FIELDS & content.keys() else None)
    if tag != FORMAT_TAG:
        found = f", found {shorten(json.dumps(tag, ensure_ascii=False), 40)}" if "format" in content else ""
        raise JourneyMapError(f'{source}: format: not a journey map (expected "format": "{FORMAT_TAG}"{found})')
    version = content.get("version", FORMAT_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise JourneyMapError(f"{source}: version: must be a whole number, found {shorten(json.dumps(version), 40)}")
    if version > FORMAT_VERSION:
        raise JourneyMapError(
            f"{source}: version: the file is format version {version}, newer than this journeymapper "
            f"understands ({FORMAT_VERSION}); update journeymapper to open it"
        )
    try:
        return migrate(content, version)
    except (KeyError, TypeError, ValueError) as error:
        raise JourneyMapError(f"{source}: cannot upgrade from version {version}: {shorten(str(error), 200)}") from None


def _content_message(error: ValidationError) -> str:
    problems = error.errors(include_url=False)
    first = problems[0]
    message = f"{json_path(first['loc']) or 'top level'}: {plain_words(first)}"
    if len(problems) > 1:
        message += f" (and {counted(len(problems) - 1, 'more problem')})"
    return message


# What pydantic says of a value, in words for the person who wrote the file: the kind of value a
# field takes, keyed by pydantic's error type.
_VALUE_KINDS = {
    "string_type": "text in double quotes",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "finite_number": "a finite number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list [...]",
    "tuple_type": "a list [...]",
    "dict_type": "an object {...}",
    "model_type": "an object {...}",
    "model_attributes_type": "an object {...}",
}
_OWNERS = {
    "personas": "persona",
    "stages": "stage",
    "lanes": "lane",
    "touchpoints": "touchpoint",
    "connections": "connection",
    "links": "link",
    "metrics": "metric",
}
_BOUNDS = {"le": "at most", "ge": "at least", "lt": "less than", "gt": "more than"}
_COLOUR_PATTERN, _ID_PATTERN = "^#[0-9a-fA-F]{6}$", "^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$"


def plain_words(problem: ErrorDetails) -> str:
    """One pydantic problem in a person's words: "missing (every map needs one)" for "Field
    required", "should be at most 2, found 7" for "Input should be less than or equal to 2"."""
    kind, location = problem["type"], problem["loc"]
    context: dict[str, Any] = dict(problem.get("ctx") or {})
    found = f"found {_found(problem['input'])}"
    if kind == "missing":
        return f"missing (every {_owner(location)} needs one)"
    if kind == "extra_forbidden":
        return f"not a field of a {_owner(location)} (misspelt?)"
    if kind in _VALUE_KINDS:
        return f"should be {_VALUE_KINDS[kind]}, {found}"
    if kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
        bound, limit = next((_BOUNDS[key], value) for key, value in context.items() if key in _BOUNDS)
        return f"should be {bound} {limit}, {found}"
    if kind in ("enum", "literal_error"):
        return f"should be {context['expected']}, {found}"
    if kind == "string_too_short":
        least = context["min_length"]
        return "should not be empty" if least == 1 else f"should be at least {least} characters long"
    if kind == "string_too_long":
        return f"too long: at most {context['max_length']} characters, found {len(problem['input'])}"
    if kind == "too_short":
        return f"should have at least {context['min_length']} items"
    if kind == "too_long":
        return f"should have at most {context['max_length']} items"
    if kind == "string_pattern_mismatch":
        if context.get("pattern") == _COLOUR_PATTERN:
            return f"should be a colour written #rrggbb, such as #4477aa, {found}"
        if context.get("pattern") == _ID_PATTERN:
            return f"should be an id of letters, digits and _ . : - (up to 128, a letter or digit first), {found}"
        return f"is not written the way this field takes, {found}"
    return problem["msg"].removeprefix("Value error, ").replace("Input should", "should")


def _owner(location: tuple[int | str, ...]) -> str:
    """What holds the field at ``location``: "touchpoint" for ``touchpoints[3].title``, "map" at the top."""
    return next((_OWNERS[part] for part in reversed(location[:-1]) if part in _OWNERS), "map")


def _found(value: Any) -> str:
    """A value as the file writes it, shortened; what it is for objects and lists."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "a list"
    return shorten(json.dumps(value, ensure_ascii=False, default=str), 40)


def json_path(location: tuple[int | str, ...]) -> str:
    """A pydantic error location as a JSON path: ``touchpoints[12].metrics["NPS"].value``."""
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part.isidentifier() and len(part) <= 60:
            path += f".{part}" if path else part
        else:
            path += f"[{json.dumps(shorten(part), ensure_ascii=False)}]"
    return path
