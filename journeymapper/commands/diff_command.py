"""``journeymapper diff OLD.json NEW.json [--json]``: what changed between two versions of a map,
by id, in the map's words; and the two ways git calls it (``journeymapper git-setup``).

``--git`` takes the arguments git gives an external diff driver (``diff.journeymapper.command``):
PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE, and two more (NEW-PATH, and what the
rename was) for a renamed file; a new or deleted file comes as ``/dev/null``. A file that is no
map (``*.json`` matches other JSON too) gets an ordinary line diff. ``--outline FILE`` prints one
map as the lines git's ``textconv`` compares for ``git log -p``, which runs no external driver.
"""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import json
import os
from pathlib import Path

from journeymapper.counting import counted
from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.formats.files import read_limited
from journeymapper.formats.outline import outline
from journeymapper.model.diff import diff
from journeymapper.model.document import JourneyDocument
from journeymapper.model.wording import quoted

GIT_ARGUMENTS = (7, 9)
"""What git passes an external diff: seven arguments, nine for a renamed file."""


def add_diff_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Register ``diff``; its ``run(arguments)`` returns the exit status."""
    command = subparsers.add_parser("diff", help="list what changed between two versions of a map, by id")
    command.add_argument("files", nargs="+", metavar="FILE", help="OLD.json NEW.json")
    command.add_argument("--json", action="store_true", help="print the changes as a JSON list")
    mode = command.add_mutually_exclusive_group()
    mode.add_argument("--git", action="store_true", help="take git's external diff arguments (git-setup sets this)")
    mode.add_argument("--outline", action="store_true", help="print one map as lines for git's textconv")
    command.set_defaults(run=run)
    return command


def run(arguments: argparse.Namespace) -> int:
    files: list[str] = arguments.files
    if arguments.outline:
        _expect(files, (1,), "--outline takes one map file")
        print(_outline_or_text(files[0]), end="")
    elif arguments.git:
        _expect(files, GIT_ARGUMENTS, "--git takes git's 7 or 9 external diff arguments")
        print(git_diff_text(files), end="")
    else:
        _expect(files, (2,), "diff takes two map files, OLD and NEW")
        _print_changes(json_format.load(files[0]), json_format.load(files[1]), arguments.json)
    return 0


def _expect(files: list[str], counts: tuple[int, ...], message: str) -> None:
    if len(files) not in counts:
        raise JourneyMapError(f"{message}, not {len(files)}")


def _print_changes(old: JourneyDocument, new: JourneyDocument, as_json: bool) -> None:
    changes = diff(old, new)
    if as_json:
        print(json.dumps([dataclasses.asdict(change) for change in changes], ensure_ascii=False, indent=2))
    else:
        print("".join(f"{change.text}\n" for change in changes), end="")


def git_diff_text(arguments: list[str]) -> str:
    """What ``git diff`` shows for one file: the semantic diff of two maps, or a line diff of
    anything else."""
    path, old_file, new_file = arguments[0], arguments[1], arguments[4]
    new_path = arguments[7] if len(arguments) == 9 else path
    header = f"journeymapper diff a/{path} b/{new_path}\n"
    try:
        old, new = _map_or_none(old_file), _map_or_none(new_file)
    except JourneyMapError:
        return _line_diff(path, new_path, old_file, new_file)
    if new is None:
        return header + (_summary("Map deleted", old) if old else "")
    if old is None:
        return header + _summary("New map", new)
    lines = "".join(f"  {change.text}\n" for change in diff(old, new))
    return header + (lines or "  The same map: the files differ in layout only\n")


def _map_or_none(file: str) -> JourneyDocument | None:
    return None if file == os.devnull else json_format.load(file)


def _summary(what: str, document: JourneyDocument) -> str:
    counts = (
        f"{counted(len(document.stages), 'stage')}, {counted(len(document.lanes), 'lane')}, "
        f"{counted(document.touchpoint_count(), 'card')}, {counted(document.graph.number_of_edges(), 'connection')}"
    )
    return f"  {what}: {quoted(document.title)} ({counts})\n"


def _line_diff(path: str, new_path: str, old_file: str, new_file: str) -> str:
    before, after = _text_lines(old_file), _text_lines(new_file)
    return "".join(difflib.unified_diff(before, after, f"a/{path}", f"b/{new_path}"))


def _text_lines(file: str) -> list[str]:
    return [] if file == os.devnull else _read_text(file).splitlines(keepends=True)


def _read_text(file: str) -> str:
    return read_limited(Path(file)).decode("utf-8", "replace")


def _outline_or_text(file: str) -> str:
    """A map's outline; any other file as it is, so that git's line diff still shows it."""
    try:
        return outline(json_format.load(file))
    except JourneyMapError:
        return _read_text(file)
