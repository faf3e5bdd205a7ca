"""``journeymapper schema``: the JSON Schema of map files (``resources/journeymap.schema.json``)."""

from __future__ import annotations

import argparse

from journeymapper.model.schema import json_schema_text


def add_schema_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Register ``schema``; its ``run(arguments)`` returns the exit status."""
    command = subparsers.add_parser("schema", help="print the JSON Schema of map files")
    command.set_defaults(run=run)
    return command


def run(_: argparse.Namespace) -> int:
    print(json_schema_text(), end="")
    return 0
