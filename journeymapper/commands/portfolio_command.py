"""The ``journeymapper portfolio DIR [--json] [--pdf FILE]`` sub-command: every map under a folder,
the links between them, the broken ones, map ids held by more than one file, and the customer-journey
stages with no user or business journey behind them (see ``journeymapper.portfolio``). With
``--pdf`` it writes the overview as a PDF too, with each map's roll-up numbers, and never over
one of the folder's files unless told with ``--force``.

The exit status is 0 whatever the report finds, as for broken links: it is a report to read, not
a check to pass; ``validate`` is the one that fails.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from dataclasses import asdict
from itertools import groupby
from pathlib import Path
from typing import Any

from journeymapper.commands.output import STANDARD_OUTPUT, print_json, refuse_own_input, write_output
from journeymapper.counting import counted
from journeymapper.formats import json_format
from journeymapper.model.links import Loader, cached_loader
from journeymapper.portfolio import DuplicateId, Portfolio, PortfolioLink, StageCoverage, scan_portfolio, unloadable
from journeymapper.report_text import clip, section, table

SHARED_ID_ADVICE = "open all but one in the editor and choose New id… on the Inspector's Map page"


def add_portfolio_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Register ``portfolio`` on a sub-command parser; its ``run(arguments)`` returns the exit status."""
    command = subparsers.add_parser(
        "portfolio",
        help="the maps under a folder, the links between them, and stages with nothing linked behind",
        description="List every map under a folder (kind, title, stages, touchpoints, last change), the "
        "links between them and the broken ones, map ids that more than one file holds, and which "
        "customer-journey stages have no user or business journey linked behind them. Files that do "
        "not load are listed, not fatal.",
    )
    command.add_argument("folder", metavar="DIR", type=Path, help="the folder to scan, with its sub-folders")
    command.add_argument("--json", action="store_true", help="print the portfolio as JSON")
    command.add_argument(
        "--pdf",
        metavar="FILE",
        help="also write an overview PDF ('-': to standard output, alone): every map with its owners, "
        "links, roll-up numbers and gaps",
    )
    command.add_argument("--force", action="store_true", help="let --pdf write even over one of the folder's files")
    command.set_defaults(run=run)
    return command


def run(arguments: argparse.Namespace) -> int:
    load = cached_loader(json_format.load)  # the overview reads the maps the scan has read
    portfolio = scan_portfolio(arguments.folder, load)
    if arguments.pdf:
        _write_pdf(portfolio, load, arguments.pdf, arguments.force)
        if arguments.pdf == STANDARD_OUTPUT:
            return 0  # the PDF is all that standard output can hold
    if arguments.json:
        # The folder first, as it always was; the summary after it, before the long lists it counts.
        print_json({"folder": portfolio.folder, "summary": json_summary(portfolio)}, portfolio)
    else:
        print(portfolio_report(portfolio))
    return 0


def _write_pdf(portfolio: Portfolio, load: Loader, output: str, force: bool) -> None:
    from journeymapper.formats.pdf.automatic import paper_sizes  # reportlab loads only for a PDF
    from journeymapper.formats.pdf.options import NAMED_SIZES
    from journeymapper.formats.pdf.portfolio_pdf import render_portfolio_pdf

    folder = Path(portfolio.folder)
    files = [folder / found.path for found in portfolio.maps] + [folder / bad.path for bad in portfolio.unreadable]
    refuse_own_input(Path(output), files, force)  # before the work, not after it
    page = NAMED_SIZES[paper_sizes(os.environ)[0]].oriented("portrait")
    write_output(output, render_portfolio_pdf(portfolio, load, page), files, force)


def json_summary(portfolio: Portfolio) -> dict[str, dict[str, Any]]:
    """What needs a look, counted and listed, so that nobody works it out from ``links[].status``
    and ``coverage[].linked``: broken links, customer-journey stages with nothing linked behind
    them, and map ids held by more than one file. The items are those of the full lists."""
    found: dict[str, Sequence[PortfolioLink | StageCoverage | DuplicateId]] = {
        "broken_links": portfolio.broken_links,
        "gaps": portfolio.gaps,
        "duplicates": portfolio.duplicates,
    }
    return {name: {"count": len(items), "items": [asdict(item) for item in items]} for name, items in found.items()}


def portfolio_report(portfolio: Portfolio) -> str:
    """The portfolio as plain text for a person to read."""
    parts = [
        [_headline(portfolio)],
        section(
            "Maps",
            ("File", "Kind", "Title", "Stages", "Touchpoints", "Changed"),
            [
                (clip(m.path), m.kind.value, clip(m.title), str(m.stages), str(m.touchpoints), m.changed)
                for m in portfolio.maps
            ],
            right={3, 4},
        ),
        section(
            "Files that are not maps or do not load",
            ("File", "Error"),
            [(clip(failure.path), failure.error) for failure in portfolio.unreadable],
        ),
        *_duplicates(portfolio),
        section(
            "Links", ("From", "On", "To", "Status"), [(*_ends(link), link.status.value) for link in portfolio.links]
        ),
        section(
            "Broken links",
            ("From", "On", "To", "Problem"),
            [(*_ends(link), f"{link.status.value}: {link.detail}") for link in portfolio.broken_links],
        ),
        _coverage(portfolio),
    ]
    return "\n\n".join("\n".join(lines) for lines in parts)


def _headline(portfolio: Portfolio) -> str:
    maps, links, shared = len(portfolio.maps), len(portfolio.links), len(portfolio.duplicates)
    return (
        f"{portfolio.folder}: {counted(maps, 'map')}, {counted(links, 'link')} "
        f"({len(portfolio.broken_links)} broken), {unloadable(len(portfolio.unreadable))}"
        + (f", {counted(shared, 'map id')} held by more than one file" if shared else "")
    )


def _duplicates(portfolio: Portfolio) -> list[list[str]]:
    """The section of map ids held by more than one file, only when there is one: it is a slip to
    fix, not a part of every folder like links, so a folder without one reads as it always has."""
    if not portfolio.duplicates:
        return []
    rows = [(clip(duplicate.id), ", ".join(duplicate.files)) for duplicate in portfolio.duplicates]
    return [section("Map ids held by more than one file", ("Id", "Files"), rows, note=SHARED_ID_ADVICE)]


def _ends(link: PortfolioLink) -> tuple[str, str, str]:
    return clip(link.source, 40), f"{link.origin.kind} {clip(link.origin.name, 32)}", clip(link.target, 40)


def _coverage(portfolio: Portfolio) -> list[str]:
    if not portfolio.coverage:
        return ["Coverage: no customer journeys"]
    heading = (
        f"Coverage: {len(portfolio.gaps)} of {len(portfolio.coverage)} customer-journey stages have no "
        "user or business journey linked behind them"
    )
    lines = [heading]
    for name, stages in groupby(portfolio.coverage, key=lambda stage: stage.map):
        rows = [(clip(stage.stage), ", ".join(stage.linked) or "-- nothing linked --") for stage in stages]
        lines += [f"  {name}", *("  " + line for line in table(rows))]
    return lines
