"""``journeymapper mermaid MAP.json [-o OUT.mmd]`` and ``journeymapper from-mermaid IN -o MAP.json``:
a map as a Mermaid journey diagram, and a map from one (see ``journeymapper.formats.mermaid`` for
what maps to what and what each way leaves out)."""

from __future__ import annotations

import argparse
from pathlib import Path

from journeymapper.commands.output import OUTPUT_HELP, STANDARD_OUTPUT, write_output
from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.formats.mermaid import dumps_mermaid, load_mermaid
from journeymapper.model.schema import MapKind


def add_mermaid_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register ``mermaid`` and ``from-mermaid``; their ``run(arguments)`` returns the exit status."""
    export = subparsers.add_parser(
        "mermaid",
        help="write a map as a Mermaid journey diagram",
        description="Write a map as a Mermaid journey diagram, which GitHub and many Markdown tools draw: "
        "a section per stage, a task per touchpoint, score = emotion + 3 (3 where a card has none), the "
        "card's personas (or its lane) as actors. Lanes, connections and card details are left out.",
    )
    export.add_argument("file", metavar="MAP", type=Path, help="a map file (.json)")
    export.add_argument("-o", "--output", default=STANDARD_OUTPUT, metavar="OUT.mmd",
                        help="write here (default, or '-': standard output)")
    export.add_argument("--force", action="store_true", help="write even over the map being read")
    export.set_defaults(run=_export)

    read = subparsers.add_parser(
        "from-mermaid",
        help="make a map file from a Mermaid journey diagram",
        description="Make a map from a Mermaid journey (.mmd, or the first ```mermaid journey block of a "
        "Markdown file): a stage per section, a touchpoint per task in one Actions lane, emotion = "
        "score - 3, a persona per actor, and flow connections joining the tasks in the order written.",
    )
    read.add_argument("file", metavar="IN", type=Path, help="a Mermaid journey (.mmd) or a Markdown file (.md)")
    read.add_argument("-o", "--output", required=True, metavar="MAP.json", help=OUTPUT_HELP)
    read.add_argument("--kind", choices=[kind.value for kind in MapKind], default=MapKind.USER.value,
                      help="the map's kind (default: user)")
    read.add_argument("--force", action="store_true", help="overwrite MAP.json if it exists")
    read.set_defaults(run=_import)


def _export(arguments: argparse.Namespace) -> int:
    text = dumps_mermaid(json_format.load(arguments.file))
    write_output(arguments.output, text.encode("utf-8"), [arguments.file], arguments.force)
    return 0


def _import(arguments: argparse.Namespace) -> int:
    output = arguments.output
    if output != STANDARD_OUTPUT and Path(output).exists() and not arguments.force:
        raise JourneyMapError(f"{output}: already exists (use --force to overwrite)")
    document = load_mermaid(arguments.file, arguments.kind)
    write_output(output, json_format.dumps(document).encode("utf-8"), action="save", make_folder=False,
                 inputs=[arguments.file], force=arguments.force)
    if output != STANDARD_OUTPUT:
        print(f"{output}: {document.kind.value} map with {len(document.stages)} stages, "
              f"{document.touchpoint_count()} touchpoints and {len(document.personas)} personas")
    return 0
