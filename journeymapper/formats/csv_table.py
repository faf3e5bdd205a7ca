"""A card table as text: the columns, and CSV in the forms Excel and LibreOffice write and read.

Writing gives UTF-8 with a byte-order mark (without it, Excel reads UTF-8 as the local code page),
CRLF line ends, and quotes around any cell holding the delimiter, a quote or a line break.

Reading takes what spreadsheets save:

- UTF-8, with or without a byte-order mark; any other encoding is refused with a line saying so;
- the delimiter is ``,``, ``;`` or a tab, whichever splits the header row into the most cells, or
  the one a first line ``sep=;`` names (as Excel writes it);
- header names in any case, with spaces, underscores or hyphens between words (``Pain points``,
  ``pain_points``); a column no card field has is refused, naming the columns there are, so that
  a misspelt column never seems to do nothing. A column with no header is allowed if it is empty;
- rows with no text at all are skipped; a short row (Excel leaves off empty trailing cells) is
  read as if it had them; a cell beyond the last column must be empty;
- every cell loses the apostrophe that guards it against formulas (``csv_cells.unguard``).

Rows are numbered as a spreadsheet shows them: the header is row 1 (a ``sep=`` line, which Excel
hides, is not counted).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from journeymapper.errors import JourneyMapError
from journeymapper.formats.csv_cells import unguard

COLUMNS: Final = (
    "id",
    "stage",
    "lane",
    "index",
    "title",
    "description",
    "channel",
    "emotion",
    "personas",
    "pain points",
    "opportunities",
    "metrics",
    "tags",
)
DELIMITERS: Final = (",", ";", "\t")
_BOM: Final = "\ufeff"
_SEP_LINE = re.compile(r"sep=(.)\r?\n", re.IGNORECASE)
_BETWEEN_WORDS = re.compile(r"[\s_-]+")


@dataclass(frozen=True)
class Row:
    number: int
    """As a spreadsheet shows it: the header is row 1."""
    cells: dict[str, str]
    """By column (one of ``COLUMNS``), for the columns the table has."""


@dataclass(frozen=True)
class Table:
    source: str
    headers: dict[str, str]
    """The table's columns (from ``COLUMNS``), in its order, each with its header as written."""
    rows: tuple[Row, ...]

    def error(self, row: Row, column: str | None, message: str) -> JourneyMapError:
        """An error naming the file, the row and the column as its header says it."""
        where = f'row {row.number}, column "{self.headers[column]}"' if column else f"row {row.number}"
        return JourneyMapError(f"{self.source}: {where}: {message}")


def write_table(rows: Iterable[Sequence[str]], delimiter: str = ",") -> bytes:
    """The header and ``rows`` as CSV bytes for a spreadsheet to open."""
    text = io.StringIO(newline="")
    csv.writer(text, delimiter=delimiter, lineterminator="\r\n").writerows([COLUMNS, *rows])
    return (_BOM + text.getvalue()).encode("utf-8")


def read_table(text: str, source: str) -> Table:
    """The columns and rows of a CSV text (its byte-order mark removed); errors name the row."""
    delimiter, text = _delimiter(text)
    records = _records(text, delimiter, source)
    if not records:
        raise JourneyMapError(f"{source}: the table has no header row")
    positions = _header(records[0], source)
    headers = {column: records[0][position].strip() for column, position in positions.items()}
    rows = tuple(
        _row(source, number, record, positions, len(records[0]))
        for number, record in enumerate(records[1:], start=2)
        if any(cell.strip() for cell in record)
    )
    return Table(source, headers, rows)


def _delimiter(text: str) -> tuple[str, str]:
    """The delimiter, and the text without a ``sep=`` line if it named one."""
    if found := _SEP_LINE.match(text):
        return found.group(1), text[found.end() :]
    first_line = text.split("\n", 1)[0]
    counts = {delimiter: len(_first_record(first_line, delimiter)) for delimiter in DELIMITERS}
    return max(DELIMITERS, key=lambda delimiter: counts[delimiter]), text


def _first_record(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:  # a quote left open in the header: this delimiter splits nothing
        return []


def _records(text: str, delimiter: str, source: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[list[str]] = []
    try:
        records.extend(reader)
    except csv.Error as error:
        raise JourneyMapError(
            f"{source}: row {len(records) + 1}: the quotes around a cell do not match ({error})"
        ) from None
    return records


def _header(header: list[str], source: str) -> dict[str, int]:
    """Each column's position in the records; columns with no header are left out."""
    positions: dict[str, int] = {}
    for position, name in enumerate(header):
        column = _BETWEEN_WORDS.sub(" ", unguard(name)).strip().casefold()
        where = f'{source}: row 1, column "{name.strip()}"'
        if column and column not in COLUMNS:
            raise JourneyMapError(f"{where}: no card field has this name; the columns are {', '.join(COLUMNS)}")
        if column in positions:
            raise JourneyMapError(f"{where}: the table has a {column} column already")
        if column:
            positions[column] = position
    return positions


def _row(source: str, number: int, record: list[str], positions: dict[str, int], width: int) -> Row:
    """A record's cells by column; ``width`` is how many cells the header row has."""
    known = set(positions.values())
    for position, cell in enumerate(record):
        if position not in known and cell.strip():
            where = f"{source}: row {number}, column {position + 1}"
            if position >= width:  # most often a cell with the delimiter in it, written without quotes
                raise JourneyMapError(
                    f"{where}: the header has {width} columns; is a cell with a delimiter not quoted?"
                )
            raise JourneyMapError(f"{where}: a value in a column with no header")
    cells = {
        column: unguard(record[position]) if position < len(record) else "" for column, position in positions.items()
    }
    return Row(number, cells)
