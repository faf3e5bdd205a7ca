"""``journeymapper stats FILE [--json]``: touchpoints per stage, lane and channel, and the mean
emotion per stage."""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

from journeymapper.formats import json_format
from journeymapper.model.stats import MapStats, map_stats


def add_stats_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Register ``stats``; its ``run(arguments)`` returns the exit status."""
    command = subparsers.add_parser("stats", help="touchpoints per stage, lane and channel; mean emotion per stage")
    command.add_argument("file", metavar="FILE", type=Path)
    command.add_argument("--json", action="store_true", help="print the figures as JSON")
    command.set_defaults(run=run)
    return command


def run(arguments: argparse.Namespace) -> int:
    document = json_format.load(arguments.file)
    figures = map_stats(document)
    if arguments.json:
        print(
            json.dumps(
                {"title": document.title, "kind": document.kind.value, **dataclasses.asdict(figures)},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(stats_report(document.title, figures))
    return 0


def stats_report(title: str, figures: MapStats) -> str:
    """The figures as aligned plain text."""
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
