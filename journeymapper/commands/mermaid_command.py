"""``journeymapper mermaid MAP.json [-o OUT.mmd] [--force]``: a map as a Mermaid journey diagram
(see ``journeymapper.formats.mermaid`` for what it keeps and what it leaves out)."""

from __future__ import annotations

import argparse
from pathlib import Path

from journeymapper.commands.output import add_output_arguments, write_output
from journeymapper.formats import json_format
from journeymapper.formats.mermaid import dumps_mermaid


def add_mermaid_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Register ``mermaid``; its ``run(arguments)`` returns the exit status."""
    command = subparsers.add_parser(
        "mermaid",
        help="write a map as a Mermaid journey diagram",
        description="Write a map as a Mermaid journey diagram, which GitHub and many Markdown tools draw: "
        "a section per stage, a task per touchpoint, score = emotion + 3 (3 where a card has none), the "
        "card's personas (or its lane) as actors. Lanes, connections and card details are left out.",
    )
    command.add_argument("file", metavar="MAP", type=Path, help="a map file (.json)")
    add_output_arguments(command, "OUT.mmd")
    command.set_defaults(run=run)
    return command


def run(arguments: argparse.Namespace) -> int:
    text = dumps_mermaid(json_format.load(arguments.file))
    write_output(arguments.output, text.encode("utf-8"), [arguments.file], arguments.force)
    return 0
