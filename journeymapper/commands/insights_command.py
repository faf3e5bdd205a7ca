"""The ``journeymapper insights MAP.json [--json]`` sub-command: what the map's graph says about
the journey (see ``journeymapper.model.insights`` for what each finding means)."""

from __future__ import annotations

import argparse
import textwrap
from dataclasses import asdict
from pathlib import Path

from journeymapper.commands.output import print_json
from journeymapper.counting import counted
from journeymapper.formats import json_format
from journeymapper.model.document import JourneyDocument
from journeymapper.model.insights import Card, Conversion, Insights, JourneyPath, map_insights
from journeymapper.model.rollups import DEFAULT_DEPTH, RolledLink, roll_up
from journeymapper.report_text import LIST_LIMIT, clip, percent, section
from journeymapper.rollup_text import details, trouble

WIDTH = 100
CARD_HEADER = ("Touchpoint", "Stage", "Lane")


def add_insights_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Register ``insights`` on a sub-command parser; its ``run(arguments)`` returns the exit status."""
    command = subparsers.add_parser(
        "insights",
        help="what a map's graph shows: dead ends, loops, hand-offs, low moments, paths, conversion",
        description="Read a map as a graph: where its journey starts and stops, where it breaks, loops "
        "and changes teams, where it hurts, its paths from first to last stage and their conversion. "
        "Flow and hand-off connections are the journey's steps; dependencies are not.",
    )
    command.add_argument("file", metavar="MAP", type=Path, help="a map file (.json)")
    command.add_argument(
        "--json",
        action="store_true",
        help="print every finding as JSON, and under links[] each linked map's headline",
    )
    command.add_argument(
        "--depth",
        type=_depth,
        default=DEFAULT_DEPTH,
        metavar="N",
        help=f"follow links N levels deep for the linked maps' headlines (default {DEFAULT_DEPTH}); "
        "cycles are not followed",
    )
    command.set_defaults(run=run)
    return command


def _depth(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1, not {text!r}")
    return int(text)


def run(arguments: argparse.Namespace) -> int:
    document = json_format.load(arguments.file)
    insights = map_insights(document)
    rolled = roll_up(document, arguments.file, json_format.load, arguments.depth)
    if arguments.json:
        print_json(
            {"file": str(arguments.file), "id": document.id, "title": document.title, "kind": document.kind.value},
            insights,
            {"links": [asdict(link) for link in rolled]},
        )
    else:
        print(insights_report(document, insights, rolled))
    return 0


def insights_report(document: JourneyDocument, insights: Insights, rolled: tuple[RolledLink, ...] = ()) -> str:
    """The findings as plain text for a person to read, and what the maps behind it say."""
    last = insights.last_stage.name if insights.last_stage else ""
    parts = [
        _heading(document),
        _cards("Entry points", insights.entries, "nothing flows or hands off into them"),
        _cards("Exits", insights.exits, "they lead nowhere on"),
        _cards("Dead ends", insights.dead_ends, f"exits before the last stage ({last})"),
        _cards("Unreachable from any entry", insights.unreachable, "only a loop with no way in leads to them"),
        _cards("Off the journey", insights.off_journey, "no flow or hand-off in or out"),
        _loops(insights),
        section(
            "Hand-offs between teams",
            ("From", "To", "Count"),
            [(clip(h.from_team), clip(h.to_team), str(h.count)) for h in insights.handoffs],
            right={2},
        ),
        section("Stages with no touchpoint", ("Stage",), [(clip(stage.name),) for stage in insights.empty_stages]),
        _lowest_moments(insights),
        section(
            "Pain-point hot spots",
            ("Pain points", "Stage", "Lane"),
            [(str(spot.pain_points), clip(spot.stage.name), clip(spot.lane.name)) for spot in insights.hot_spots],
            right={0},
        ),
        _paths(insights),
        _conversion(insights.conversion),
        _behind(rolled),
    ]
    return "\n\n".join("\n".join(lines) for lines in parts)


def _lowest_moments(insights: Insights) -> list[str]:
    if not insights.lowest_moments:
        return ["Lowest emotional moments: none below neutral"]
    rows = [(f"{moment.emotion:+d}", *_row(moment.card)) for moment in insights.lowest_moments]
    return section("Lowest emotional moments", ("Emotion", *CARD_HEADER), rows, "below neutral", right={0})


def _heading(document: JourneyDocument) -> list[str]:
    counts = (
        f"{document.kind.value.replace('_', ' ')} map, {counted(document.touchpoint_count(), 'touchpoint')}, "
        f"{counted(document.graph.number_of_edges(), 'connection')}; its steps are the flow and hand-off connections"
    )
    return [document.title, counts]


def _row(card: Card) -> tuple[str, str, str]:
    return clip(card.title), clip(card.stage, 28), clip(card.lane, 28)


def _cards(title: str, cards: tuple[Card, ...], note: str) -> list[str]:
    return section(title, CARD_HEADER, [_row(card) for card in cards], note)


def _walk(cards: tuple[Card, ...]) -> str:
    return " -> ".join(clip(card.title, 40) for card in cards)


def _wrapped(first: str, text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=" " * len(first), break_on_hyphens=False)


def _loops(insights: Insights) -> list[str]:
    if not insights.loops:
        return ["Loops: none"]
    more = "; there are more" if insights.loops_truncated else ""
    lines = [f"Loops (the first {len(insights.loops)}{more})"]
    for number, loop in enumerate(insights.loops, 1):
        lines += _wrapped(f"  {number}. ", _walk(loop + loop[:1]))
    return lines


def _paths(insights: Insights) -> list[str]:
    if insights.first_stage is None or insights.last_stage is None or insights.first_stage == insights.last_stage:
        return ["Paths from first to last stage: the journey does not span two stages"]
    title = f"Paths from {insights.first_stage.name} to {insights.last_stage.name}"
    if not insights.paths:
        return [f"{title}: none"]
    count = f"{len(insights.paths)} found; the search stopped, there may be more" if insights.paths_truncated else ""
    lines = [f"{title} ({count or len(insights.paths)})"]
    for number, path in enumerate(insights.paths, 1):
        lines += _wrapped(f"  {number}. ", _walk(path.cards) + _conversion_note(path))
    return lines


def _conversion_note(path: JourneyPath) -> str:
    if path.conversion is None:
        return "  [not measured]"
    return f"  [converts {percent(path.conversion)}{_measured(path.rated_steps, path.steps)}]"


def _measured(rated: int, steps: int) -> str:
    """Nothing for a fully measured path; otherwise how much of it its figure covers."""
    return "" if rated == steps else f"; {rated} of {steps} steps measured"


def _conversion(conversion: Conversion | None) -> list[str]:
    if conversion is None:
        return ["Conversion: no step on a path from the first to the last stage carries a rate"]
    if conversion.rated_steps == conversion.steps:
        figure = f"{percent(conversion.rate)} expected end to end, along the best fully measured path"
    else:
        figure = (
            f"{percent(conversion.rate)} over the {conversion.rated_steps} measured of the {conversion.steps} "
            "steps of the best path (no path has a rate on every step)"
        )
    lines = _wrapped("Conversion: ", figure)
    lines += _wrapped("  best path: ", _walk(conversion.path.cards))
    step = conversion.weakest
    lines += _wrapped(
        "  weakest step: ", f"{clip(step.source.title, 40)} -> {clip(step.target.title, 40)}, {percent(step.rate)}"
    )
    return lines


def _behind(rolled: tuple[RolledLink, ...]) -> list[str]:
    if not rolled:
        return ["Behind this journey: no links to other maps"]
    return [f"Behind this journey ({len(rolled)} links): the linked maps' headlines", *_rolled_lines(rolled, 1)]


def _rolled_lines(rolled: tuple[RolledLink, ...], level: int) -> list[str]:
    """Each link, and under it the linked map's headline and, as deep as asked, its own links."""
    indent = "  " * level
    lines = []
    for link in rolled[:LIST_LIMIT]:
        lines += _wrapped(indent, f"{link.origin.name} ({link.origin.kind}) -> {link.path}")
        below = [trouble(link)] if link.headline is None else details(link.headline, "->")
        for line in below:
            lines += _wrapped(f"{indent}    ", line)
        if link.headline is not None and link.headline.links:
            lines += _rolled_lines(link.headline.links, level + 2)
    if len(rolled) > LIST_LIMIT:
        lines.append(f"{indent}... and {len(rolled) - LIST_LIMIT} more (--json lists them all)")
    return lines
