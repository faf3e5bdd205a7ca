"""Where a command writes: a file, written the guarded way (``formats.files``), or standard
output when the file is given as ``-``; and JSON reports on standard output. A command never
writes over a file it reads unless told with ``--force``: ``journeymapper mermaid x.json -o
x.json`` is a slip, not a wish."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from journeymapper.errors import JourneyMapError
from journeymapper.formats.files import NotARegularFileError, write_atomically

STANDARD_OUTPUT = "-"
OUTPUT_HELP = "'-' writes to standard output"


def add_output_arguments(command: argparse.ArgumentParser, metavar: str) -> None:
    """``-o FILE`` (standard output unless given) and ``--force``, for a command that writes what
    it makes of the map it reads."""
    command.add_argument(
        "-o",
        "--output",
        default=STANDARD_OUTPUT,
        metavar=metavar,
        help="write here (default, or '-': standard output)",
    )
    command.add_argument("--force", action="store_true", help="write even over the map being read")


def print_json(header: dict[str, Any], result: Any, footer: dict[str, Any] | None = None) -> None:
    """Print ``header``, the fields of the ``result`` dataclass, then ``footer``, as indented UTF-8 JSON."""
    print(json.dumps({**header, **dataclasses.asdict(result), **(footer or {})}, ensure_ascii=False, indent=2))


def write_output(
    output: str,
    data: bytes,
    inputs: Iterable[Path] = (),
    force: bool = False,
    action: str = "write",
    make_folder: bool = True,
) -> None:
    """Write ``data`` to the file named ``output`` or, for ``-``, to standard output; refuses to
    replace one of ``inputs`` unless ``force``. ``make_folder``: an export makes its folder, a map
    is saved only where a folder is."""
    if output == STANDARD_OUTPUT:
        _write_standard_output(data)
        return
    target = Path(output)
    refuse_own_input(target, inputs, force)
    try:
        write_atomically(target, data, action, make_folder)
    except NotARegularFileError as error:
        raise JourneyMapError(f"{error} ('-' writes to standard output)") from None


def refuse_existing(output: str, force: bool) -> None:
    """Raise if the file named ``output`` exists and ``force`` is not given (a new map's file)."""
    if output != STANDARD_OUTPUT and Path(output).exists() and not force:
        raise JourneyMapError(f"{output}: already exists (use --force to overwrite)")


def refuse_own_input(target: Path, inputs: Iterable[Path], force: bool) -> None:
    """Raise if ``target`` is one of ``inputs`` (by any name or link) and ``force`` is not given."""
    if force:
        return
    for source in inputs:
        if _same_file(target, source):
            raise JourneyMapError(
                f"{target}: is the file this command reads ({source}); writing would replace "
                "it: give another output, or --force to replace it"
            )


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):  # one of them does not exist (yet): they are not the same file
        return False


def _write_standard_output(data: bytes) -> None:
    stream = sys.stdout
    write_bytes = getattr(stream, "write_bytes", None)  # the command line's escaping writer
    if write_bytes is not None:
        write_bytes(data)
    else:
        stream.flush()
        stream.buffer.write(data)
        stream.buffer.flush()
