"""What the portfolio overview says of each map, as lines of text: who it is, how it performs,
where it links and, for a customer journey, which stages have nothing behind them.

An entry has two columns. On the left the map itself: its kind, title, file and the teams whose
lanes it has (its owners). On the right its roll-up numbers, in the words of ``insights`` and the
editor (``rollup_text.details``), its links (a broken one in the pain points' red, saying why)
and, for a customer journey, each stage with the user or business journeys linked behind it or
marked as a gap. The lines are wrapped here, once, for the pages to count and draw.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import Color

from journeymapper.counting import counted
from journeymapper.formats.pdf.fonts import Fonts
from journeymapper.formats.pdf.theme import ACCENT, INK, MUTED, PAIN
from journeymapper.layout import wrap_text
from journeymapper.model import JourneyDocument, LaneKind
from journeymapper.model.kinds import KIND_LABELS
from journeymapper.model.links import LinkStatus, Loader
from journeymapper.model.rollups import headline
from journeymapper.portfolio import MapSummary, Portfolio, PortfolioLink
from journeymapper.rollup_text import details

LEADING = 1.3
TITLE = 1.25  # a map's title, in body sizes
ITEM_INDENT = 1.0  # in body sizes
LEFT_SHARE = 0.34  # of the entry's width: the map's name and owners; the rest for what it holds
GUTTER = 14.0  # points, at unit 1, between the two columns
GAP_MARK = "Gap: no user or business journey behind it"


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    size: float
    colour: Color = INK
    bold: bool = False
    indent: float = 0.0  # the items of a list sit in from its heading

    @property
    def height(self) -> float:
        return self.size * LEADING


@dataclass(frozen=True, slots=True)
class Entry:
    """One map's entry, its columns wrapped: as tall as the longer one."""

    title: str
    """The map's title, to name the entry where it goes on at the top of the next page."""
    left: tuple[Line, ...]
    right: tuple[Line, ...]

    @property
    def height(self) -> float:
        return max(sum(line.height for line in self.left), sum(line.height for line in self.right))


@dataclass(frozen=True, slots=True)
class Columns:
    left: float
    right: float
    size: float  # the body text's size in points

    @classmethod
    def of(cls, width: float, unit: float, size: float) -> Columns:
        gutter = GUTTER * unit
        left = (width - gutter) * LEFT_SHARE
        return cls(left, width - gutter - left, size)


def entries(portfolio: Portfolio, folder: Path, load: Loader, fonts: Fonts, columns: Columns) -> list[Entry]:
    """Every map of the portfolio, in its order, then the files that do not load and the map ids
    that more than one file holds."""
    found = [_entry(portfolio, summary, load(folder / summary.path), folder, fonts, columns)
             for summary in portfolio.maps]  # fmt: skip
    if portfolio.unreadable:
        failures = [f"{failure.path}: {failure.error}" for failure in portfolio.unreadable]
        found.append(_problems("Files that do not load", failures, fonts, columns))
    if portfolio.duplicates:
        shared = [f"{duplicate.id}: {', '.join(duplicate.files)}" for duplicate in portfolio.duplicates]
        found.append(_problems("Map ids held by more than one file", shared, fonts, columns))
    return found


def _entry(
    portfolio: Portfolio, summary: MapSummary, document: JourneyDocument, folder: Path, fonts: Fonts, columns: Columns
) -> Entry:
    left, right = _Column(fonts, columns.left, columns.size), _Column(fonts, columns.right, columns.size)
    owners = [lane.name for lane in document.lanes.values() if lane.kind == LaneKind.TEAM]
    left.add(KIND_LABELS[summary.kind].upper(), ACCENT, bold=True)
    left.add(summary.title, INK, bold=True, size=columns.size * TITLE)
    left.add(summary.path, MUTED)
    left.add("Owners: " + (", ".join(owners) or "no team lanes"), MUTED)
    found = headline(document, folder / summary.path)
    right.add(f"{counted(found.cards, 'card')}, {counted(summary.stages, 'stage')}, changed {found.changed}", MUTED)
    for text in details(found)[2:]:  # the conversion, the lowest moment, dead ends and pain points
        right.add(text)
    right.space()
    _links(right, portfolio, summary)
    _coverage(right, portfolio, summary)
    return Entry(summary.title, tuple(left.lines), tuple(right.lines))


class _Column:
    """Lines wrapped to one column's width."""

    def __init__(self, fonts: Fonts, width: float, size: float) -> None:
        self.fonts, self.width, self.size = fonts, width, size
        self.lines: list[Line] = []

    def add(self, text: str, colour: Color = INK, bold: bool = False, size: float | None = None) -> None:
        size = size or self.size
        for line in wrap_text(text, self.width, size, bold, self.fonts.width):
            self.lines.append(Line(line, size, colour, bold))

    def item(self, text: str, colour: Color = INK) -> None:
        """An item of a list, its lines indented under the list's heading."""
        indent = self.size * ITEM_INDENT
        for line in wrap_text(text, self.width - indent, self.size, False, self.fonts.width):
            self.lines.append(Line(line, self.size, colour, indent=indent))

    def space(self) -> None:
        """Half a line between parts."""
        self.lines.append(Line("", self.size / 2))


def _links(column: _Column, portfolio: Portfolio, summary: MapSummary) -> None:
    links = [link for link in portfolio.links if link.source == summary.path]
    if not links:
        column.add("Links: none", MUTED)
        return
    maps = {found.path: found for found in portfolio.maps}
    column.add(f"Links ({len(links)})", bold=True)
    for link in links:
        column.item(_link_text(link, maps), INK if link.status == LinkStatus.OK else PAIN)


def _link_text(link: PortfolioLink, maps: dict[str, MapSummary]) -> str:
    where = f"{link.origin.kind} {link.origin.name}"
    if link.status != LinkStatus.OK:
        return f"Broken: {where} → {link.target} ({link.status.value})"
    target = maps.get(link.target)
    named = f"{KIND_LABELS[target.kind]}: {target.title}" if target else link.target
    return f"{where} → {named} ({link.target})"


def _coverage(column: _Column, portfolio: Portfolio, summary: MapSummary) -> None:
    stages = [stage for stage in portfolio.coverage if stage.map == summary.path]
    if not stages:
        return
    gaps = sum(not stage.linked for stage in stages)
    column.space()
    column.add(f"Behind its stages: {gaps} of {len(stages)} with nothing linked", bold=True)
    for stage in stages:
        if stage.linked:
            column.item(f"{stage.stage}: {', '.join(stage.linked)}")
        else:
            column.item(f"{stage.stage}: {GAP_MARK}", PAIN)


def _problems(title: str, items: list[str], fonts: Fonts, columns: Columns) -> Entry:
    """An entry of what is wrong beside the maps: files that do not load, ids held twice."""
    left, right = _Column(fonts, columns.left, columns.size), _Column(fonts, columns.right, columns.size)
    left.add("TO FIX", PAIN, bold=True)
    left.add(title, bold=True, size=columns.size * TITLE)
    for item in items:
        right.item(item, PAIN)
    return Entry(title, tuple(left.lines), tuple(right.lines))
