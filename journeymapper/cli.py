"""The ``journeymapper`` command: sub-commands for scripts and servers, the editor otherwise.

Nothing on the sub-command paths imports Qt, so they run on a machine without a display. A bad
argument or a bad file ends in one clear line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from journeymapper import __version__
from journeymapper.commands.insights_command import add_insights_command
from journeymapper.commands.mermaid_commands import add_mermaid_commands
from journeymapper.commands.portfolio_command import add_portfolio_command
from journeymapper.formats.pdf.command import add_export_command
from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.model.schema import MapKind, json_schema_text
from journeymapper.model.stats import MapStats, map_stats
from journeymapper.model.templates import TEMPLATES, default_template, new_from_template

EXIT_BAD_INPUT = 1
EXIT_USAGE = 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(errors="replace")  # type: ignore[union-attr]
    argv = list(sys.argv[1:] if argv is None else argv)
    if _is_editor_request(argv):
        return _run_editor(argv)
    arguments = _parser().parse_args(argv)
    if not hasattr(arguments, "run"):
        _parser().print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return arguments.run(arguments)
    except JourneyMapError as error:
        print(f"journeymapper: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (head, less) went away: stop quietly, as command-line tools do.
        sys.stdout = None  # type: ignore[assignment]
        return 0


def _is_editor_request(argv: list[str]) -> bool:
    """No arguments, or map files only: open the editor (a mistyped command is not a file)."""
    return all(argument.lower().endswith(".json") or Path(argument).is_file() for argument in argv)


def _run_editor(paths: list[str]) -> int:
    # Qt is imported here and only here, so that the other commands run without a display.
    from journeymapper.editor.app import run

    return run(paths)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="journeymapper",
        description="Customer, user and business journey maps. 'journeymapper [MAP.json]' opens the editor; "
        "the commands below check, create and summarise map files without it.",
    )
    parser.add_argument("--version", action="version", version=f"journeymapper {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    validate = commands.add_parser("validate", help="check map files; exit 1 if any is invalid")
    validate.add_argument("files", nargs="+", metavar="FILE", type=Path)
    validate.add_argument("-q", "--quiet", action="store_true", help="print nothing for valid files")
    validate.set_defaults(run=_validate)

    new = commands.add_parser("new", help="start a map file from a built-in template")
    new.add_argument("--kind", required=True, choices=[kind.value for kind in MapKind])
    new.add_argument("--template", choices=sorted(TEMPLATES), help="a template other than the kind's default")
    new.add_argument("--title", help="the map's title (default: the template's name)")
    new.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    new.set_defaults(run=_new)

    stats = commands.add_parser("stats", help="touchpoints per stage, lane and channel; mean emotion per stage")
    stats.add_argument("file", metavar="FILE", type=Path)
    stats.add_argument("--json", action="store_true", help="print the figures as JSON")
    stats.set_defaults(run=_stats)

    add_export_command(commands)
    add_insights_command(commands)
    add_portfolio_command(commands)
    add_mermaid_commands(commands)

    schema = commands.add_parser("schema", help="print the JSON Schema of map files")
    schema.set_defaults(run=_schema)
    return parser


def _validate(arguments: argparse.Namespace) -> int:
    failures = 0
    for path in arguments.files:
        try:
            document = json_format.load(path)
        except JourneyMapError as error:
            print(f"journeymapper: {error}", file=sys.stderr)
            failures += 1
            continue
        if not arguments.quiet:
            print(f"{path}: ok ({document.touchpoint_count()} touchpoints, {document.graph.number_of_edges()} connections)")
    return EXIT_BAD_INPUT if failures else 0


def _new(arguments: argparse.Namespace) -> int:
    template = arguments.template or default_template(arguments.kind)
    if TEMPLATES[template].kind != arguments.kind:
        raise JourneyMapError(f"template {template!r} is for {TEMPLATES[template].kind.value} maps, not {arguments.kind}")
    if arguments.output.exists() and not arguments.force:
        raise JourneyMapError(f"{arguments.output}: already exists (use --force to overwrite)")
    document = new_from_template(template, arguments.title)
    json_format.save(document, arguments.output)
    print(f"{arguments.output}: new {TEMPLATES[template].label.lower()} with {len(document.stages)} stages and {len(document.lanes)} lanes")
    return 0


def _stats(arguments: argparse.Namespace) -> int:
    document = json_format.load(arguments.file)
    figures = map_stats(document)
    if arguments.json:
        print(json.dumps({"title": document.title, "kind": document.kind.value, **dataclasses.asdict(figures)},
                         ensure_ascii=False, indent=2))
    else:
        print(_stats_report(document.title, figures))
    return 0


def _schema(_: argparse.Namespace) -> int:
    print(json_schema_text(), end="")
    return 0


def _stats_report(title: str, figures: MapStats) -> str:
    lines = [title, f"{figures.touchpoints} touchpoints, {figures.connections} connections", ""]
    width = max([len(stage.name) for stage in figures.stages] + [5])
    lines.append(f"{'Stage':<{width}}  Touchpoints  Mean emotion")
    for stage in figures.stages:
        mood = "-" if stage.mean_emotion is None else f"{stage.mean_emotion:+.2f}"
        lines.append(f"{stage.name:<{width}}  {stage.touchpoints:>11}  {mood:>12}")
    for heading, rows in (("Lane", figures.lanes), ("Channel", figures.channels)):
        width = max([len(name) for name, _ in rows] + [len(heading)])
        lines += ["", f"{heading:<{width}}  Touchpoints"]
        lines += [f"{name:<{width}}  {count:>11}" for name, count in rows]
    return "\n".join(lines)
