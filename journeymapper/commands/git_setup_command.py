"""``journeymapper git-setup [--global]``: git merges maps by id and shows their changes in the
map's words (``journeymapper.git_drivers``)."""

from __future__ import annotations

import argparse

from journeymapper import git_drivers


def add_git_setup_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Register ``git-setup``; its ``run(arguments)`` returns the exit status."""
    command = subparsers.add_parser(
        "git-setup",
        help="set git up to merge maps by id and to show their changes in the map's words",
        description="Writes a merge driver and a diff driver named 'journeymapper' into git's configuration "
        "(this repository's, or yours with --global) and prints the .gitattributes line that uses them.",
    )
    command.add_argument("--global", dest="scope", action="store_const", const="global", default="local")
    command.set_defaults(run=run)
    return command


def run(arguments: argparse.Namespace) -> int:
    settings = git_drivers.set_up(arguments.scope)
    where = "your git configuration" if arguments.scope == "global" else "this repository's git configuration"
    print(f"Set in {where}:")
    for key, value in settings:
        print(f"  {key} = {value}")
    print(
        "\nAdd this line to .gitattributes (a narrower pattern, such as maps/*.json, if the repository "
        f"holds other JSON files), and commit it:\n\n{git_drivers.ATTRIBUTES}"
    )
    return 0
