"""``journeymapper validate FILE...``: check map files, one line per file; exit 1 if any is bad.

A map with merge conflicts no one has resolved yet is bad too: it loads, but it holds only one
side's values where two people disagreed (``journeymapper merge``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from journeymapper.counting import counted
from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.model.document import JourneyDocument

EXIT_BAD_INPUT = 1


def add_validate_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Register ``validate``; its ``run(arguments)`` returns the exit status."""
    command = subparsers.add_parser("validate", help="check map files; exit 1 if any is invalid")
    command.add_argument("files", nargs="+", metavar="FILE", type=Path)
    command.add_argument("-q", "--quiet", action="store_true", help="print nothing for valid files")
    command.set_defaults(run=run)
    return command


def run(arguments: argparse.Namespace) -> int:
    failures = 0
    for path in arguments.files:
        try:
            document = json_format.load(path)
        except JourneyMapError as error:
            print(f"journeymapper: {error}", file=sys.stderr)
            failures += 1
            continue
        if document.conflicts:
            print(f"journeymapper: {path}: {_unresolved(document)}", file=sys.stderr)
            failures += 1
        elif not arguments.quiet:
            counts = (
                f"{counted(document.touchpoint_count(), 'touchpoint')}, "
                f"{counted(document.graph.number_of_edges(), 'connection')}"
            )
            print(f"{path}: ok ({counts})")
    return EXIT_BAD_INPUT if failures else 0


def _unresolved(document: JourneyDocument) -> str:
    count = len(document.conflicts)
    first = next(iter(document.conflicts.values()))
    return f"{counted(count, 'unresolved merge conflict')}, the first: {first.text}"
