"""What one cell of a card table holds: the formula guard, lists, metrics and whole numbers.

- **Formula guard.** A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a
  tab or a carriage return) as a formula: a map from anyone could make Excel fetch or run things
  (CSV injection). ``guard`` puts an apostrophe before such text, and before text that starts with
  an apostrophe itself; ``unguard`` takes one leading apostrophe off. So every text comes back
  exactly, and a spreadsheet shows ``'=1+1`` as text instead of running it.
- **Lists** (personas, pain points, opportunities, tags) are items joined with ``"; "``. A
  backslash keeps the character after it in the item: ``\\;`` is a semicolon, ``\\\\`` a
  backslash, ``\\=`` an equals sign, and a backslash before a space keeps that space. Whitespace
  around items is trimmed and empty items are dropped, so ``join_list`` writes whitespace at an
  item's edge with a backslash. A backslash before any other character is itself (``C:\\Users``).
- **Metrics** are such a list of ``name=value unit`` items: ``Time to value=21 days; NPS=42``. The
  value is a number with a dot for decimals (``6.5``; no thousands separators); a whole number
  stays whole (``42``), a number with a dot or an exponent is a decimal (``42.0``, ``1e+20``). The
  unit is what follows the number, trimmed (``68 %`` and ``68%`` are the same); ``\\=`` puts an
  equals sign in a name.

Errors are ``CellError``: what is wrong with the cell, without saying where; the reader adds that.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final

from journeymapper.model.schema import Metric

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
GUARD: Final = "'"
SEPARATOR: Final = ";"
_LITERAL = frozenset("\\;=")  # with whitespace: what a backslash keeps in an item
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_WHOLE = re.compile(r"[+-]?\d+")

Piece = list[tuple[str, bool]]
"""An item's characters as read, each with whether a backslash made it literal."""


class CellError(ValueError):
    """What is wrong with a cell's content."""


def guard(text: str) -> str:
    """``text`` as a cell no spreadsheet runs as a formula (see the module's docstring)."""
    return GUARD + text if text.startswith((*FORMULA_STARTS, GUARD)) else text


def unguard(cell: str) -> str:
    """A cell's text without the apostrophe that ``guard`` (or a person) put before it."""
    return cell.removeprefix(GUARD)


def join_list(items: Iterable[str]) -> str:
    return f"{SEPARATOR} ".join(_escaped(item, SEPARATOR) for item in items)


def split_list(cell: str) -> list[str]:
    """The items of a list cell: trimmed, empty ones dropped."""
    return [item for piece in _pieces(cell) if (item := _trimmed(piece))]


def format_metrics(metrics: Mapping[str, Metric]) -> str:
    """``name=value unit; ...``: a metric per item, in order."""
    items = []
    for name, metric in metrics.items():
        # repr is the shortest text that reads back as the same float, and always has a dot or an exponent.
        number = str(metric.value) if isinstance(metric.value, int) else repr(metric.value)
        unit = f" {_escaped(metric.unit, SEPARATOR)}" if metric.unit else ""
        items.append(f"{_escaped(name, SEPARATOR + '=')}={number}{unit}")
    return f"{SEPARATOR} ".join(items)


def parse_metrics(cell: str) -> dict[str, tuple[int | float, str]]:
    """The metrics of a cell as name: (value, unit), in the order written."""
    metrics: dict[str, tuple[int | float, str]] = {}
    for piece in _pieces(cell):
        if not _trimmed(piece):
            continue
        name_piece, value_piece = _split_at_equals(piece)
        name = _trimmed(name_piece)
        if not name:
            raise CellError(f"{_shown(piece)} has no name before '='")
        if name in metrics:
            raise CellError(f"the metric {name!r} appears twice")
        metrics[name] = _value_and_unit(name, value_piece)
    return metrics


def parse_whole(cell: str, low: int, high: int | None) -> int:
    """A whole number from ``low`` to ``high`` (no limit for None), as typed in a cell."""
    text = cell.strip()
    number = int(text) if _WHOLE.fullmatch(text) and len(text) < 20 else None
    if number is None or number < low or (high is not None and number > high):
        span = f"from {low} to {high}" if high is not None else f"of {low} or more"
        raise CellError(f"must be a whole number {span}, found {_shown_text(text)}")
    return number


def _escaped(text: str, specials: str) -> str:
    """``text`` as an item: backslashes, ``specials`` and whitespace at either edge escaped."""
    core = text.strip()
    start = len(text) - len(text.lstrip())
    lead, trail = text[:start], text[start + len(core) :]
    body = "".join(f"\\{char}" if char == "\\" or char in specials else char for char in core)
    return "".join(f"\\{char}" for char in lead) + body + "".join(f"\\{char}" for char in trail)


def _pieces(cell: str) -> list[Piece]:
    """The cell cut at each separator a backslash does not keep."""
    pieces: list[Piece] = [[]]
    position = 0
    while position < len(cell):
        char, following = cell[position], cell[position + 1 : position + 2]
        if char == "\\" and following and (following in _LITERAL or following.isspace()):
            pieces[-1].append((following, True))
            position += 2
            continue
        if char == SEPARATOR:
            pieces.append([])
        else:
            pieces[-1].append((char, False))
        position += 1
    return pieces


def _trimmed(piece: Piece) -> str:
    """A piece's text without the whitespace around it that no backslash kept."""
    start, end = 0, len(piece)
    while start < end and not piece[start][1] and piece[start][0].isspace():
        start += 1
    while end > start and not piece[end - 1][1] and piece[end - 1][0].isspace():
        end -= 1
    return "".join(char for char, _ in piece[start:end])


def _split_at_equals(piece: Piece) -> tuple[Piece, Piece]:
    for position, (char, literal) in enumerate(piece):
        if char == "=" and not literal:
            return piece[:position], piece[position + 1 :]
    raise CellError(f"{_shown(piece)} has no '=': write each metric as name=value unit, such as 'NPS=42'")


def _value_and_unit(name: str, piece: Piece) -> tuple[int | float, str]:
    start = 0
    while start < len(piece) and not piece[start][1] and piece[start][0].isspace():
        start += 1
    # The characters a number is made of are never escaped, so the plain text is enough to match.
    text = "".join(char for char, _ in piece[start:])
    match = _NUMBER.match(text)
    if match is None or text[match.end() : match.end() + 1] in (",", "."):
        raise CellError(
            f"the value of {name!r} must be a number such as 21 or 6.5 (a dot for decimals, "
            f"no thousands separators), found {_shown_text(_trimmed(piece))}"
        )
    return _number(match.group()), _trimmed(piece[start + match.end() :])


def _number(text: str) -> int | float:
    if not _WHOLE.fullmatch(text):
        return float(text)
    try:
        return int(text)
    except ValueError:  # more digits than Python converts: no metric holds such a number anyway
        raise CellError(f"{text[:20]}… has too many digits") from None


def _shown(piece: Piece) -> str:
    return _shown_text("".join(char for char, _ in piece).strip())


def _shown_text(text: str, limit: int = 40) -> str:
    """A value for a message: quoted, and cut short if long."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
