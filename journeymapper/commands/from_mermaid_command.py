"""``journeymapper from-mermaid IN.mmd|IN.md -o MAP.json [--kind KIND] [--force]``: a map from a
Mermaid journey diagram (see ``journeymapper.formats.mermaid`` for what maps to what)."""

from __future__ import annotations

import argparse
from pathlib import Path

from journeymapper.commands.output import OUTPUT_HELP, STANDARD_OUTPUT, refuse_existing, write_output
from journeymapper.counting import counted
from journeymapper.formats import json_format
from journeymapper.formats.mermaid import load_mermaid
from journeymapper.model.schema import MapKind


def add_from_mermaid_command(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Register ``from-mermaid``; its ``run(arguments)`` returns the exit status."""
    command = subparsers.add_parser(
        "from-mermaid",
        help="make a map file from a Mermaid journey diagram",
        description="Make a map from a Mermaid journey (.mmd, or the first ```mermaid journey block of a "
        "Markdown file): a stage per section, a touchpoint per task in one Actions lane, emotion = "
        "score - 3, a persona per actor, and flow connections joining the tasks in the order written.",
    )
    command.add_argument("file", metavar="IN", type=Path, help="a Mermaid journey (.mmd) or a Markdown file (.md)")
    command.add_argument("-o", "--output", required=True, metavar="MAP.json", help=OUTPUT_HELP)
    command.add_argument(
        "--kind",
        choices=[kind.value for kind in MapKind],
        default=MapKind.USER.value,
        help="the map's kind (default: user)",
    )
    command.add_argument("--force", action="store_true", help="overwrite MAP.json if it exists")
    command.set_defaults(run=run)
    return command


def run(arguments: argparse.Namespace) -> int:
    output = arguments.output
    refuse_existing(output, arguments.force)
    document = load_mermaid(arguments.file, arguments.kind)
    write_output(
        output,
        json_format.dumps(document).encode("utf-8"),
        action="save",
        make_folder=False,
        inputs=[arguments.file],
        force=arguments.force,
    )
    if output != STANDARD_OUTPUT:
        print(
            f"{output}: {document.kind.value} map with {counted(len(document.stages), 'stage')}, "
            f"{counted(document.touchpoint_count(), 'touchpoint')} and {counted(len(document.personas), 'persona')}"
        )
    return 0
