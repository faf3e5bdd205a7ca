"""``journeymapper merge BASE OURS THEIRS [-o OUT]``: a three-way merge of maps by id, as git's merge
driver for maps (``journeymapper git-setup``).

Without ``-o`` the result replaces OURS, as git expects of a merge driver. Exit 0 when the merge
is clean. With conflicts the result is still a valid map: it holds OURS' values and records each
conflict with THEIRS' value, each conflict is one line on stderr, and the exit status is 1, which
git reports as a conflict to resolve.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from journeymapper.commands.output import OUTPUT_HELP, STANDARD_OUTPUT, write_output
from journeymapper.counting import counted
from journeymapper.formats import json_format
from journeymapper.model.merge import merge

EXIT_CONFLICTS = 1


def add_merge_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Register ``merge``; its ``run(arguments)`` returns the exit status."""
    command = subparsers.add_parser("merge", help="merge two versions of a map with their common ancestor, by id")
    command.add_argument("base", metavar="BASE", type=Path, help="the common ancestor")
    command.add_argument("ours", metavar="OURS", type=Path, help="our version; replaced by the result without -o")
    command.add_argument("theirs", metavar="THEIRS", type=Path, help="their version")
    command.add_argument("-o", "--output", metavar="OUT", help=f"where the result goes; {OUTPUT_HELP}")
    command.add_argument("--force", action="store_true", help="let OUT be one of the inputs")
    command.add_argument("--name", help="the map's name in messages (git passes the path with %%P)")
    command.set_defaults(run=run)
    return command


def run(arguments: argparse.Namespace) -> int:
    base, ours, theirs = (json_format.load(path) for path in (arguments.base, arguments.ours, arguments.theirs))
    result = merge(base, ours, theirs)
    data = json_format.dumps(result.document).encode("utf-8")
    if arguments.output is None:
        write_output(str(arguments.ours), data, force=True, action="save", make_folder=False)
    else:
        inputs = (arguments.base, arguments.ours, arguments.theirs)
        write_output(arguments.output, data, inputs, arguments.force, action="save", make_folder=False)
    name = arguments.name or arguments.output or str(arguments.ours)
    for conflict in result.conflicts:
        print(f"journeymapper: {name}: conflict: {conflict.text}", file=sys.stderr)
    if arguments.output != STANDARD_OUTPUT:
        print(f"{name}: {_outcome(len(result.conflicts))}")
    return EXIT_CONFLICTS if result.conflicts else 0


def _outcome(conflicts: int) -> str:
    if not conflicts:
        return "merged cleanly"
    return f"merged with {counted(conflicts, 'conflict')}: the map keeps our side, with theirs recorded beside it"
