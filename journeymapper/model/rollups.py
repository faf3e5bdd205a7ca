"""Roll-ups: what the maps a journey links to say about themselves, under each link.

A customer journey's Onboarding stage is only as good as the user journey behind it. Each link of
a map is checked and, when it arrives, the linked map's headline is taken: its kind, its cards,
its expected conversion with the weakest step, its lowest moment, its dead ends, its pain points
and its last change, all by the definitions of ``insights``.

Links are followed one level by default; with a greater ``depth``, the linked maps' own links are
rolled up under theirs. A link to a map already on the way from the first one (a user journey
that links back to its customer journey) is marked as a cycle and not followed again, so that no
depth makes the walk endless. A map is known by its real path, as a link's target is.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from journeymapper.errors import JourneyMapError
from journeymapper.model.document import JourneyDocument
from journeymapper.model.insights import Card, Insights, Moment, Step, map_insights
from journeymapper.model.links import LinkOrigin, LinkStatus, Loader, cached_loader, check_link, map_links


@dataclass(frozen=True)
class HeadlineConversion:
    """The linked map's expected end-to-end conversion, as ``insights`` has it."""

    rate: float
    rated_steps: int
    steps: int
    weakest: Step


@dataclass(frozen=True)
class Headline:
    id: str
    title: str
    kind: str
    cards: int
    conversion: HeadlineConversion | None
    lowest_moment: Moment | None
    """Its lowest moment below neutral; None when no card is below neutral."""
    dead_ends: tuple[Card, ...]
    pain_points: int
    """Every pain point of its hot spots."""
    changed: str
    """The day its file was last modified (ISO 8601, local time)."""
    links: tuple[RolledLink, ...]
    """Its own links, rolled up, when the depth reaches them; empty otherwise."""


@dataclass(frozen=True)
class RolledLink:
    origin: LinkOrigin
    path: str
    """As the link writes it, relative to the linking map."""
    map_id: str
    status: LinkStatus
    detail: str
    """Empty when the link arrives; otherwise what is wrong, in one line."""
    cycle: bool
    """The linked map is already on the way here: it is not followed again."""
    headline: Headline | None
    """None for a broken link or a cycle."""


DEFAULT_DEPTH = 1


def roll_up(
    document: JourneyDocument, map_file: str | os.PathLike[str], load: Loader, depth: int = DEFAULT_DEPTH
) -> tuple[RolledLink, ...]:
    """Every link of ``document`` (stored at ``map_file``), with the linked map's headline, ``depth``
    levels deep."""
    walk = _Walk(load)
    return walk.links(document, Path(os.path.realpath(map_file)), (), depth)


class _Walk:
    """One roll-up: each map is loaded and read once, however many links name it."""

    def __init__(self, load: Loader) -> None:
        self.load = cached_loader(load)
        self.insights: dict[Path, Insights] = {}

    def links(
        self, document: JourneyDocument, map_file: Path, on_the_way: tuple[Path, ...], depth: int
    ) -> tuple[RolledLink, ...]:
        chain = (*on_the_way, map_file)
        rolled = []
        for origin, link in map_links(document):
            check = check_link(map_file, link, self.load)
            cycle = check.status == LinkStatus.OK and check.target in chain
            headline = None
            if check.status == LinkStatus.OK and not cycle:
                headline = self.headline(check.target, chain, depth - 1)
            rolled.append(RolledLink(origin, link.path, link.map_id, check.status, check.detail, cycle, headline))
        return tuple(rolled)

    def headline(self, map_file: Path, chain: tuple[Path, ...], depth: int) -> Headline:
        document = self.load(map_file)  # check_link has just read it, and the cache kept it
        if map_file not in self.insights:
            self.insights[map_file] = map_insights(document)
        links = self.links(document, map_file, chain, depth) if depth > 0 else ()
        return _headline(document, map_file, self.insights[map_file], links)


def headline(document: JourneyDocument, map_file: str | os.PathLike[str]) -> Headline:
    """The headline of one map, stored at ``map_file``, on its own: its links are not rolled up
    (the editor reads each linked map once and asks for this)."""
    return _headline(document, Path(map_file), map_insights(document), ())


def _headline(document: JourneyDocument, map_file: Path, found: Insights, links: tuple[RolledLink, ...]) -> Headline:
    conversion = found.conversion
    return Headline(
        id=document.id,
        title=document.title,
        kind=document.kind.value,
        cards=document.touchpoint_count(),
        conversion=None
        if conversion is None
        else HeadlineConversion(conversion.rate, conversion.rated_steps, conversion.steps, conversion.weakest),
        lowest_moment=found.lowest_moments[0] if found.lowest_moments else None,
        dead_ends=found.dead_ends,
        pain_points=sum(spot.pain_points for spot in found.hot_spots),
        changed=_changed(map_file),
        links=links,
    )


def _changed(map_file: Path) -> str:
    try:
        modified = map_file.stat().st_mtime
    except OSError as error:
        raise JourneyMapError(f"{map_file}: cannot read: {error.strerror or error}") from None
    return datetime.date.fromtimestamp(modified).isoformat()
