"""Plain text for reports a person reads: the command line's and the PDF's.

Long lists stop after ``LIST_LIMIT`` rows and say how many more there are; titles are clipped to
one line so that a title with line breaks cannot break a table. Both the sub-commands and the PDF
export use these, so they sit beside the model, below both.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

LIST_LIMIT = 10
CLIP = 48


def clip(text: str, width: int = CLIP) -> str:
    """One line of at most ``width`` characters: a title with line breaks must not break a table."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 3].rstrip() + "..."


def percent(rate: float) -> str:
    return f"{rate * 100:.3g}%"


def table(rows: Sequence[Sequence[str]], right: Collection[int] = ()) -> list[str]:
    """Rows (the first is the header) as aligned lines, indented; columns in ``right`` align right."""
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    return [
        "  "
        + "  ".join(
            cell.rjust(width) if column in right else cell.ljust(width)
            for column, (cell, width) in enumerate(zip(row, widths))
        ).rstrip()
        for row in rows
    ]


def section(
    title: str, header: Sequence[str], rows: Sequence[Sequence[str]], note: str = "", right: Collection[int] = ()
) -> list[str]:
    """A heading with the count (and ``note``), then the first ``LIST_LIMIT`` rows; "none" if empty."""
    if not rows:
        return [f"{title}: none"]
    heading = f"{title} ({len(rows)})" + (f": {note}" if note else "")
    lines = [heading, *table([header, *rows[:LIST_LIMIT]], right)]
    if len(rows) > LIST_LIMIT:
        lines.append(f"  ... and {len(rows) - LIST_LIMIT} more (--json lists them all)")
    return lines
