"""Reading and writing journey maps as JSON files.

A saved map is UTF-8 (non-ASCII written as itself), indented, with keys and items in a stable
order and a trailing newline, so that two versions diff cleanly. Saving goes to a temporary file
beside the target that is then renamed over it: an interrupted save leaves the old file intact.

Loading checks the size, the encoding, the JSON syntax, the format tag and version (migrating
older versions), the schema and every cross-reference. Any problem raises ``JourneyMapError``
with a one-line message naming the file and the place: line and column for encoding and syntax,
a JSON path such as ``touchpoints[12].stage`` for content.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pydantic_core
from pydantic import ValidationError

from journeymapper.collector import young_collections_only
from journeymapper.errors import JourneyMapError
from journeymapper.formats.files import decode_utf8, read_limited, write_atomically
from journeymapper.formats.migrations import migrate
from journeymapper.model.document import JourneyDocument
from journeymapper.model.schema import FORMAT_TAG, FORMAT_VERSION, JourneyMapFile


def load(path: str | os.PathLike[str]) -> JourneyDocument:
    """Read a map file into a document."""
    return loads(read_limited(Path(path)), source=str(path))


def loads(data: bytes | str, source: str = "<map>") -> JourneyDocument:
    """Read a map from the bytes (or text) of a file; ``source`` names it in error messages."""
    text = data if isinstance(data, str) else decode_utf8(data, source)
    with young_collections_only():
        try:
            model = JourneyMapFile.model_validate_json(text)
        except ValidationError:
            # The one-pass parse failed: parse again step by step to migrate or to say why.
            model = _validate_step_by_step(text, source)
        try:
            return JourneyDocument.from_file(model)
        except JourneyMapError as error:
            raise JourneyMapError(f"{source}: {error}") from None


def dumps(document: JourneyDocument) -> str:
    """The text of a map file."""
    content = document.to_file().model_dump(mode="json")
    return json.dumps(content, ensure_ascii=False, indent=2) + "\n"


def save(document: JourneyDocument, path: str | os.PathLike[str]) -> None:
    """Write a map file atomically: a temporary file beside the target, renamed over it."""
    write_atomically(Path(path), dumps(document).encode("utf-8"), action="save")


def _validate_step_by_step(text: str, source: str) -> JourneyMapFile:
    try:
        content = pydantic_core.from_json(text)
    except ValueError as error:
        raise JourneyMapError(f"{source}: invalid JSON: {_syntax_message(error)}") from None
    content = _upgrade(content, source)
    try:
        return JourneyMapFile.model_validate(content)
    except ValidationError as error:
        raise JourneyMapError(f"{source}: {_content_message(error)}") from None


def _syntax_message(error: ValueError) -> str:
    """jiter says "what at line L column C"; put the place first, as every other message does."""
    message = str(error)
    what, found, where = message.rpartition(" at line ")
    if not found:
        return message
    line, _, column = where.partition(" column ")
    return f"line {line}, column {column}: {what}"


def _upgrade(content: Any, source: str) -> dict[str, Any]:
    if not isinstance(content, dict):
        raise JourneyMapError(f"{source}: not a journey map: the top level must be a JSON object")
    if content.get("format") != FORMAT_TAG:
        raise JourneyMapError(f'{source}: format: not a journey map (expected "format": "{FORMAT_TAG}")')
    version = content.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise JourneyMapError(f"{source}: version: must be a whole number, found {json.dumps(version)[:40]}")
    if version > FORMAT_VERSION:
        raise JourneyMapError(
            f"{source}: version: the file is format version {version}, newer than this journeymapper "
            f"understands ({FORMAT_VERSION}); update journeymapper to open it"
        )
    try:
        return migrate(content, version)
    except (KeyError, TypeError, ValueError) as error:
        raise JourneyMapError(f"{source}: cannot upgrade from version {version}: {error}") from None


def _content_message(error: ValidationError) -> str:
    problems = error.errors(include_url=False)
    first = problems[0]
    message = f"{json_path(first['loc']) or 'top level'}: {first['msg']}"
    if len(problems) > 1:
        message += f" (and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''})"
    return message


def json_path(location: tuple[int | str, ...]) -> str:
    """A pydantic error location as a JSON path: ``touchpoints[12].metrics["NPS"].value``."""
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part.isidentifier():
            path += f".{part}" if path else part
        else:
            path += f"[{json.dumps(part, ensure_ascii=False)}]"
    return path
