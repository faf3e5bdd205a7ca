"""What each benchmark hands to ``run_all.py``: its rows of the table, measure | now | target.

A benchmark prints its own details and then calls ``hand_over(rows)``; run on its own it stops
there, and under ``run_all.py`` (which passes ``--rows FILE``) it also writes the rows to that file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import NamedTuple

ROWS_OPTION = "--rows"


class Row(NamedTuple):
    measure: str
    now: str
    target: str


def hand_over(rows: list[Row]) -> None:
    if ROWS_OPTION in sys.argv:
        target = Path(sys.argv[sys.argv.index(ROWS_OPTION) + 1])
        target.write_text(json.dumps([row._asdict() for row in rows]), encoding="utf-8")


def read_rows(path: Path) -> list[Row]:
    return [Row(**row) for row in json.loads(path.read_text(encoding="utf-8"))]


def verdict(within: bool) -> str:
    return "within" if within else "OVER"
