"""JSON text to Python values, strictly, with errors that say where and what in a person's words.

Stricter than the JSON grammar in two ways a shared file needs:

- a key repeated in one object is refused: parsers keep the last value and drop the other without
  a word, which is how a botched merge that leaves two ``"touchpoints"`` arrays would lose one;
- ``NaN`` and ``Infinity`` are refused: they are not JSON.

Messages read ``line L, column C: what``, the column counted in characters (the parser counts
bytes), and a lone surrogate escape such as ``\\ud800`` is named as what it is.
"""

from __future__ import annotations

import re
from typing import Any

import jiter

from journeymapper.errors import JourneyMapError, shorten

_PLACE = re.compile(r"(?s)(.*) at line (\d+) column (\d+)")
_DUPLICATE = re.compile(r'(?s)Detected duplicate key "(.*)"')
_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def parse_json(data: bytes, source: str) -> Any:
    """The value of a JSON text (UTF-8, checked beforehand); a syntax error or a repeated key raises
    ``JourneyMapError``."""
    try:
        return jiter.from_json(data, allow_inf_nan=False, catch_duplicate_keys=True)
    except ValueError as error:
        raise JourneyMapError(f"{source}: {_message(str(error), data)}") from None


def _message(error: str, data: bytes) -> str:
    match = _PLACE.fullmatch(error)
    if match is None:
        return f"invalid JSON: {shorten(error, 200)}"
    what, line = match.group(1), int(match.group(2))
    raw = _line(data, line)
    column = len(raw[: int(match.group(3)) - 1].decode("utf-8", "replace")) + 1  # the parser counts bytes
    row = raw.decode("utf-8", "replace")
    if duplicate := _DUPLICATE.fullmatch(what):
        key = shorten(duplicate.group(1))
        return (
            f'line {line}, column {column}: the key "{key}" appears twice in one object; keep one '
            "(a reader would silently drop the other's value)"
        )
    if "surrogate" in what or "hex escape" in what:
        escapes = [found for found in _SURROGATE.finditer(row) if found.start() < column]
        if escapes:
            escape = escapes[-1]
            return (
                f"invalid JSON: line {line}, column {escape.start() + 1}: {escape.group(0)} is half of a "
                "surrogate pair without its other half, not a character"
            )
    return f"invalid JSON: line {line}, column {column}: {_WORDS.get(what, what)}"


_A_VALUE = "expected a value (a string, number, true, false, null, an object or a list)"
# The parser's phrases in a person's words; the parser's own where there is nothing to add.
_WORDS = {
    "expected ident": _A_VALUE,
    "expected value": _A_VALUE,
    "EOF while parsing a value": "the file ends where a value should follow",
    "EOF while parsing an object": "the file ends inside an object: a closing } is missing",
    "EOF while parsing a list": "the file ends inside a list: a closing ] is missing",
    "EOF while parsing a string": 'the file ends inside a string: a closing " is missing',
    "expected `:`": "expected a colon (:) after the key",
    "expected `,` or `}`": "expected a comma before the next key, or } to close the object",
    "expected `,` or `]`": "expected a comma before the next item, or ] to close the list",
    "key must be a string": 'a key must be text in double quotes, such as "title"',
    "trailing comma": "a comma before a closing bracket, where JSON allows none",
    "trailing characters": "more text after the end of the map",
    "invalid escape": 'a backslash escape JSON does not have (it has \\n, \\t, \\", \\\\ and \\uXXXX)',
    "invalid number": "not a number JSON can read (no leading zeros, no sign but -, digits after a point)",
    "number out of range": "number out of range (beyond 1.8e308)",
    "control character (\\u0000-\\u001F) found while parsing a string": (
        "a control character (a tab or a line break, say) inside a string: write it as \\t or \\n"
    ),
    "recursion limit exceeded": "nested too deeply",
}


def _line(data: bytes, number: int) -> bytes:
    start = 0
    for _ in range(number - 1):
        start = data.find(b"\n", start) + 1
        if start == 0:
            return b""
    end = data.find(b"\n", start)
    return data[start:] if end < 0 else data[start:end]
