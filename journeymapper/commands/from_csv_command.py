"""``journeymapper from-csv cards.csv -o MAP.json [--kind KIND] [--title T] [--update MAP.json]
[--force]``: a map from a card table, or a table's rows applied to a map (see
``journeymapper.formats.csv_apply`` for what each row does)."""

from __future__ import annotations

import argparse
from pathlib import Path

from journeymapper.commands.output import OUTPUT_HELP, STANDARD_OUTPUT, refuse_existing, refuse_own_input, write_output
from journeymapper.counting import counted
from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.formats.csv_cards import load_csv, update_from_csv, update_summary
from journeymapper.model.document import JourneyDocument
from journeymapper.model.schema import MapKind


def add_from_csv_command(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Register ``from-csv``; its ``run(arguments)`` returns the exit status."""
    command = subparsers.add_parser(
        "from-csv",
        help="make a map from a spreadsheet table of cards, or update a map from one",
        description="Make a map from a CSV table of cards (as 'csv' writes it; only the columns stage, lane "
        "and title are needed), or with --update apply its rows to a map: a row with a card's id replaces "
        "that card's fields for the table's columns, other rows add cards. Stages, lanes and personas are "
        "named; names the map has not got make new ones. A bad row is refused, naming its row and column, "
        "and nothing is written.",
    )
    command.add_argument("file", metavar="cards.csv", type=Path, help="a table of cards (.csv)")
    command.add_argument("-o", "--output", required=True, metavar="MAP.json", help=OUTPUT_HELP)
    command.add_argument("--update", metavar="MAP.json", type=Path, help="apply the rows to this map")
    command.add_argument(
        "--kind", choices=[kind.value for kind in MapKind], help="a new map's kind (default: customer)"
    )
    command.add_argument("--title", help="a new map's title (default: made from the table's file name)")
    command.add_argument(
        "--force", action="store_true", help="overwrite MAP.json if it exists, even the map given to --update"
    )
    command.set_defaults(run=run)
    return command


def run(arguments: argparse.Namespace) -> int:
    output, update = arguments.output, arguments.update
    if update and (arguments.kind or arguments.title):
        raise JourneyMapError("--kind and --title are for a new map; --update keeps the map's own")
    inputs = [arguments.file, *([update] if update else [])]
    refuse_own_input(Path(output), inputs, arguments.force)
    refuse_existing(output, arguments.force)
    if update:
        before = json_format.load(update)
        document = update_from_csv(before, arguments.file)
        summary = update_summary(before, document)
    else:
        document = load_csv(arguments.file, arguments.kind or MapKind.CUSTOMER, arguments.title or "")
        summary = _new_map_summary(document)
    data = json_format.dumps(document).encode("utf-8")
    write_output(output, data, inputs, arguments.force, action="save", make_folder=False)
    if output != STANDARD_OUTPUT:
        print(f"{output}: {summary}")
    return 0


def _new_map_summary(document: JourneyDocument) -> str:
    return (
        f"{document.kind.value} map with {counted(len(document.stages), 'stage')}, "
        f"{counted(len(document.lanes), 'lane')}, {counted(document.touchpoint_count(), 'touchpoint')} "
        f"and {counted(len(document.personas), 'persona')}"
    )
