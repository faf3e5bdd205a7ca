"""``journeymapper csv MAP.json [-o cards.csv] [--delimiter semicolon] [--force]``: a map's cards as a
table for Excel or LibreOffice (see ``journeymapper.formats.csv_cards`` for the columns)."""

from __future__ import annotations

import argparse
from pathlib import Path

from journeymapper.commands.output import add_output_arguments, write_output
from journeymapper.formats import json_format
from journeymapper.formats.csv_cards import dumps_csv

DELIMITERS = {"comma": ",", "semicolon": ";", "tab": "\t"}


def add_csv_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Register ``csv``; its ``run(arguments)`` returns the exit status."""
    command = subparsers.add_parser(
        "csv",
        help="write a map's cards as a spreadsheet table (CSV)",
        description="Write a map's cards as CSV that Excel and LibreOffice open as they are (UTF-8 with a "
        "byte-order mark): a row per card with its id, stage, lane, index, title, description, channel, "
        "emotion, personas, pain points, opportunities, metrics and tags. Lists are joined with '; ', "
        "metrics written as 'Time to value=21 days; NPS=42'. 'from-csv' reads the table back.",
    )
    command.add_argument("file", metavar="MAP", type=Path, help="a map file (.json)")
    add_output_arguments(command, "cards.csv")
    command.add_argument(
        "--delimiter",
        choices=list(DELIMITERS),
        default="comma",
        help="between cells (default: comma; semicolon for Excel where the decimal mark is a comma)",
    )
    command.set_defaults(run=run)
    return command


def run(arguments: argparse.Namespace) -> int:
    table = dumps_csv(json_format.load(arguments.file), DELIMITERS[arguments.delimiter])
    write_output(arguments.output, table, [arguments.file], arguments.force)
    return 0
