"""``journeymapper new --kind KIND [--template NAME] [--title T] -o FILE``: a map from a template."""

from __future__ import annotations

import argparse

from journeymapper.commands.output import OUTPUT_HELP, STANDARD_OUTPUT, refuse_existing, write_output
from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.model.schema import MapKind
from journeymapper.model.templates import TEMPLATES, default_template, new_from_template


def add_new_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Register ``new``; its ``run(arguments)`` returns the exit status."""
    command = subparsers.add_parser("new", help="start a map file from a built-in template")
    command.add_argument("--kind", required=True, choices=[kind.value for kind in MapKind])
    command.add_argument("--template", choices=sorted(TEMPLATES), help="a template other than the kind's default")
    command.add_argument("--title", help="the map's title (default: the template's name)")
    command.add_argument("-o", "--output", required=True, metavar="FILE", help=OUTPUT_HELP)
    command.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    command.set_defaults(run=run)
    return command


def run(arguments: argparse.Namespace) -> int:
    template = arguments.template or default_template(arguments.kind)
    if TEMPLATES[template].kind != arguments.kind:
        raise JourneyMapError(
            f"template {template!r} is for {TEMPLATES[template].kind.value} maps, not {arguments.kind}"
        )
    output = arguments.output
    refuse_existing(output, arguments.force)
    document = new_from_template(template, arguments.title)
    write_output(output, json_format.dumps(document).encode("utf-8"), action="save", make_folder=False)
    if output != STANDARD_OUTPUT:
        print(
            f"{output}: new {TEMPLATES[template].label.lower()} with {len(document.stages)} stages and "
            f"{len(document.lanes)} lanes"
        )
    return 0
