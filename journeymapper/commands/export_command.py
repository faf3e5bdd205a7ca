"""The ``journeymapper export`` sub-command: maps to PDF files, on a server without a display.

    journeymapper export MAP.json -o OUT.pdf [--page A2] [--landscape|--portrait]
                         [--fit | --tile [--scale S]] [--margin 12mm] [--insights] [--appendix]
                         [--trim-marks] [--date DATE]
    journeymapper export A.json B.json -o DIR/
    journeymapper export MAP.json -o - > OUT.pdf
    journeymapper export MAP.json -o OUT.svg
    journeymapper export MAP.json -o OUT.png [--dpi 144]

The format comes from the output's suffix: PDF, or the map page alone as SVG (text as text) or PNG
(drawn by Qt, offscreen, so it too needs no display; 144 dpi unless told, twice a page's points,
sharp on slides). A folder or standard output gets PDF.

Without ``--page`` the export chooses the page that prints the map's smallest text readably (see
``formats/pdf/automatic.py``) and says what it chose on standard error. When the options given
print it too small, the warning ends with the whole command that would not.

Folders that do not exist yet are made. A map is never written over (``export x.pdf -o x.pdf``,
a map file with an odd name) without ``--force``.

The date in the title block must not change from one export to the next, or two exports of one map
would differ: it is ``--date`` if given (``--date none`` prints none), else the day given by
``SOURCE_DATE_EPOCH`` (the reproducible-builds convention, for CI), else the day the map file was
last modified, which is the day the map's content last changed. Both days are taken in UTC, so a
file changed late in the evening prints the same date, and the same bytes, in every time zone.
The clock is never read.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import os
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from journeymapper.commands.output import STANDARD_OUTPUT, refuse_own_input, write_output
from journeymapper.counting import counted
from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.formats.pdf.options import (
    DEFAULT_MARGIN,
    MM,
    NAMED_SIZES,
    ExportOptions,
    PageSize,
    check_scale,
    length,
    page_size,
)
from journeymapper.model import JourneyDocument

EXIT_BAD_INPUT = 1
IMAGE_SUFFIXES = (".svg", ".png")
DEFAULT_DPI = 144  # editor.raster.SLIDE_DPI, which this module must not import: it loads Qt


class _FileDate:
    """The default of --date: the day the map file was last changed (argparse would parse a string)."""


FROM_THE_FILE = _FileDate()
T = TypeVar("T")


def add_export_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Register ``export`` on a sub-command parser; its ``run(arguments)`` returns the exit status."""
    command = subparsers.add_parser(
        "export",
        help="export maps as print-ready PDF files, or the map page as SVG or PNG",
        description="Export journey maps as vector PDF files: the whole map on one page (--fit) or as a "
        "poster over several pages (--tile); without either, one page where its text prints at 6 pt or more, "
        "else a poster. With an output ending in .svg or .png, the map page as an image for slides and wikis.",
    )
    command.add_argument("maps", nargs="+", metavar="MAP", type=Path, help="map files (.json)")
    command.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="the PDF, SVG or PNG file (by its suffix), a folder (ending in /) for one PDF per map, or '-' for "
        "standard output",
    )
    command.add_argument(
        "--page",
        type=_argument(page_size),
        metavar="SIZE",
        help=f"{', '.join(NAMED_SIZES)} or WIDTHxHEIGHT[mm|cm|in|pt] (default: the smallest standard page, A4 to "
        "A0 or Letter and Tabloid by the locale, that prints the map's text at 6 pt or more, else a poster on A4 or "
        "Letter)",
    )
    orientation = command.add_mutually_exclusive_group()
    orientation.add_argument(
        "--landscape",
        dest="orientation",
        action="store_const",
        const="landscape",
        help="wide pages (the default for a page given by name; without --page, whichever prints larger)",
    )
    orientation.add_argument("--portrait", dest="orientation", action="store_const", const="portrait")
    mode = command.add_mutually_exclusive_group()
    mode.add_argument("--fit", dest="mode", action="store_const", const="fit", help="the whole map on one page")
    mode.add_argument(
        "--tile",
        dest="mode",
        action="store_const",
        const="tile",
        help="a poster over several pages, with a cover showing how they fit together",
    )
    command.add_argument(
        "--scale",
        type=_argument(_scale),
        metavar="S",
        help="with --tile: page points per map point (default 1, as the editor at 100%%)",
    )
    command.add_argument(
        "--margin",
        type=_argument(length),
        default=DEFAULT_MARGIN,
        metavar="LENGTH",
        help="page margin, such as 12mm or 0.5in (default 12mm)",
    )
    command.add_argument(
        "--insights",
        action="store_true",
        help="add a page of insights: dead ends, loops, hand-offs, low moments, conversion",
    )
    command.add_argument("--appendix", action="store_true", help="add a touchpoint table and a page per persona")
    command.add_argument(
        "--trim-marks",
        action="store_true",
        help="marks in the margins where to cut: round the map, or round each sheet's part of a poster",
    )
    command.add_argument(
        "--date",
        type=_argument(_date),
        default=FROM_THE_FILE,
        metavar="YYYY-MM-DD",
        help="the date in the title block, or 'none' (default: the map file's date, in UTC)",
    )
    command.add_argument(
        "--dpi",
        type=_argument(_dpi),
        metavar="N",
        help=f"with a .png output: pixels per inch (default {DEFAULT_DPI}, twice the page's points)",
    )
    command.add_argument("-q", "--quiet", action="store_true", help="print only warnings and errors")
    command.add_argument("--force", action="store_true", help="write even over one of the maps being exported")
    command.set_defaults(run=_run, mode=None, export_parser=command)
    return command


def _argument(parse: Callable[[str], T]) -> Callable[[str], T]:
    """An argparse ``type`` from a parser that raises ``JourneyMapError``."""

    def convert(text: str) -> T:
        try:
            return parse(text)
        except JourneyMapError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    convert.__name__ = parse.__name__.strip("_")  # argparse names the type in its messages
    return convert


def _scale(text: str) -> float:
    try:
        return check_scale(float(text))
    except ValueError:
        raise JourneyMapError(f"scale {text!r} is not a number") from None


def _dpi(text: str) -> float:
    try:
        dpi = float(text)
    except ValueError:
        raise JourneyMapError(f"dpi {text!r} is not a number") from None
    if not 10 <= dpi <= 1200:
        raise JourneyMapError(f"dpi {text!r} is not between 10 and 1200")
    return dpi


def _date(text: str) -> datetime.date | None:
    if text.strip().lower() == "none":
        return None
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise JourneyMapError(f"date {text!r} is not YYYY-MM-DD (or 'none')") from None


def _run(arguments: argparse.Namespace) -> int:
    if arguments.scale is not None and arguments.mode == "fit":
        arguments.export_parser.error("--scale applies to --tile, not --fit")
    if arguments.dpi is not None and not arguments.output.lower().endswith(".png"):
        arguments.export_parser.error("--dpi applies to a .png output")
    options = ExportOptions(  # checked once, before any map: a bad margin is one message, not one per map
        page=arguments.page or _smallest_paper(),
        orientation=arguments.orientation,
        margin=arguments.margin,
        mode="tile" if arguments.scale is not None else arguments.mode or "fit",
        scale=1.0 if arguments.scale is None else arguments.scale,
        appendix=arguments.appendix,
        insights=arguments.insights,
        trim_marks=arguments.trim_marks,
    )
    targets = _targets(arguments.maps, arguments.output)
    failures = 0
    for source, target in targets.items():
        try:
            _export_one(arguments, options, source, target)
        except JourneyMapError as error:
            print(f"journeymapper: {error}", file=sys.stderr)
            failures += 1
    return EXIT_BAD_INPUT if failures else 0


def _export_one(arguments: argparse.Namespace, options: ExportOptions, source: Path, target: str) -> None:
    from journeymapper.formats.pdf.automatic import choose_for  # here: reportlab loads only to export

    document = json_format.load(source)
    refuse_own_input(Path(target), arguments.maps, arguments.force)  # before the work, not after it
    options = dataclasses.replace(options, date=_title_date(arguments.date, source))
    suffix = Path(target).suffix.lower() if target != STANDARD_OUTPUT else ""
    image = suffix in IMAGE_SUFFIXES  # the map page alone: never a poster
    poster = arguments.mode != "fit" and not image
    choice = None if arguments.page else choose_for(document, options, os.environ, poster=poster)
    options = choice.options if choice else options
    if image:
        data, warnings, what = _image(document, options, suffix, arguments.dpi or DEFAULT_DPI, source)
        advice = None
    else:
        data, warnings, what, advice = _pdf(document, options, source)
    write_output(target, data, arguments.maps, arguments.force)
    if choice and not arguments.quiet:  # after the file is written: a failed export says only why
        print(f"journeymapper: {source}: {choice.describe()}", file=sys.stderr)
    for warning in warnings:
        print(f"journeymapper: warning: {source}: {warning}", file=sys.stderr)
    if advice is not None:
        command = _command(arguments, advice, source, target)
        print(f"journeymapper: {source}: to print it readably, run: {command}", file=sys.stderr)
    if not arguments.quiet and target != STANDARD_OUTPUT:
        print(f"{source} -> {target} ({what})")


def _pdf(document: JourneyDocument, options: ExportOptions, source: Path
         ) -> tuple[bytes, tuple[str, ...], str, ExportOptions | None]:  # fmt: skip
    """The PDF; its warnings; what it is, for the one-line report; the options that would print it
    readably, when these do not."""
    from journeymapper.formats.pdf.export import render_pdf

    result = render_pdf(document, options, source=source)
    return result.data, result.warnings, counted(result.pages, "page"), result.advice


def _image(document: JourneyDocument, options: ExportOptions, suffix: str, dpi: float, source: Path
           ) -> tuple[bytes, tuple[str, ...], str]:  # fmt: skip
    """The map page as SVG, or as PNG at ``dpi``; its warnings; what it is, for the one-line report."""
    from journeymapper.formats.pdf.picture import page_picture
    from journeymapper.formats.pdf.svg import svg_of

    picture = page_picture(document, options, source)
    if suffix == ".svg":
        return svg_of(picture).data, picture.warnings, "SVG"
    from journeymapper.editor.raster import png_bytes, rasterise  # Qt loads only for a PNG

    image = rasterise(picture, dpi)
    return png_bytes(image), picture.warnings, f"PNG, {image.width()}x{image.height()} px at {dpi:g} dpi"


def _smallest_paper() -> PageSize:
    """The smallest standard page of the user's locale: what a margin must leave room on."""
    from journeymapper.formats.pdf.automatic import paper_sizes  # here: reportlab loads only to export

    return NAMED_SIZES[paper_sizes(os.environ)[0]]


def _command(arguments: argparse.Namespace, options: ExportOptions, source: Path, target: str) -> str:
    """The command line that exports ``source`` to ``target`` with ``options``, ready to paste."""
    words = ["journeymapper", "export", str(source), "-o", target, "--page", options.page.name]
    if options.orientation:
        words.append(f"--{options.orientation}")
    if options.mode == "tile":
        words += ["--tile", "--scale", f"{options.scale:g}"]
    if options.margin != DEFAULT_MARGIN:
        words += ["--margin", f"{options.margin / MM:g}mm"]
    flags = (("--insights", options.insights), ("--appendix", options.appendix), ("--trim-marks", options.trim_marks))
    words += [flag for flag, wanted in flags if wanted]
    if not isinstance(arguments.date, _FileDate):
        words += ["--date", arguments.date.isoformat() if arguments.date else "none"]
    return shlex.join(words)


def _title_date(chosen: datetime.date | _FileDate | None, source: Path) -> datetime.date | None:
    if not isinstance(chosen, _FileDate):
        return chosen  # a date, or None for --date none
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    return datetime.datetime.fromtimestamp(source.stat().st_mtime, datetime.UTC).date()


def _targets(maps: list[Path], name: str) -> dict[Path, str]:
    """Each map's PDF: ``name`` itself for one map (``-`` for standard output), else
    ``name/<map name>.pdf``."""
    output = Path(name)
    if name == STANDARD_OUTPUT:
        if len(maps) > 1:
            raise JourneyMapError("several maps cannot all go to standard output: give a folder ending in /")
        return {maps[0]: name}
    into_folder = len(maps) > 1 or output.is_dir() or name.endswith(("/", os.sep))
    if not into_folder:
        if output.suffix.lower() not in (".pdf", *IMAGE_SUFFIXES):
            raise JourneyMapError(f"{output}: the output must be a .pdf, .svg or .png file, a folder ending in /, or -")
        return {maps[0]: name}
    if output.exists() and not output.is_dir():
        raise JourneyMapError(f"{output}: is a file; several maps need a folder to export into")
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise JourneyMapError(f"{output}: cannot create the folder: {error.strerror or error}") from None
    targets: dict[Path, str] = {}
    for source in maps:
        target = str(output / f"{source.stem}.pdf")
        clash = next((other for other, taken in targets.items() if taken == target), None)
        if clash is not None:
            raise JourneyMapError(f"{clash} and {source} would both be exported to {target}")
        targets[source] = target
    return targets
