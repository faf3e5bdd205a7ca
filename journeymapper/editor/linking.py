"""Links from the open map to other maps, as the canvas shows them: checked once per layout.

The scene asks a ``LinkChecker`` for the badges of every stage and touchpoint that carries links
each time it lays the map out. Checking a link reads the linked file as a map (``check_link`` with
``json_format.load``); the checker keeps what it read per file, keyed by the file's size and
modification time, so that relaying out after an edit costs a ``stat`` per linked file and a file
is read again only when it changed on disk. Nothing here opens, runs or follows anything: the
window decides what activating a badge does, and it re-checks the link first.

A linked map's headline (``model.rollups``: its cards, conversion, dead ends...) comes from the
document that check read, never from a second read: the document waits in ``pending`` until
``read_next_headline`` turns it into a headline, one map per call, so that the canvas shows first
and the numbers follow (``link_headlines.HeadlineReader`` makes the calls). Links are followed one
level deep, and a link from a map to itself is a cycle: it shows no headline.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.model import JourneyDocument, MapKind
from journeymapper.model.links import LinkCheck, LinkStatus, check_link, link_target, map_links
from journeymapper.model.schema import MapLink
from journeymapper.rollup_text import KINDS, details, summary

if TYPE_CHECKING:
    from journeymapper.model.rollups import Headline

KIND_NAMES = {kind: KINDS[kind.value] for kind in MapKind}
HEADLINE_MODULE = "journeymapper.model.rollups"
"""Where ``read_next_headline`` works a headline out: it imports the insights, and networkx."""
UNSAVED = "this map is not saved yet, and a link's path is relative to the map's file"

Owner = tuple[str, str]
"""("stage" or "touchpoint", its id)."""


@dataclass(frozen=True)
class LinkedMap:
    """What the checker keeps of a linked file: enough to name it, not the whole document."""

    id: str
    title: str
    kind: MapKind
    headline: Headline | None = None
    """What its insights say, once ``LinkChecker.read_next_headline`` has come to it."""


@dataclass(frozen=True)
class FoundLink:
    link: MapLink
    check: LinkCheck
    target: LinkedMap | None
    """The linked map when the link is ok."""
    cycle: bool = False
    """The link leads back to the map that holds it: its headline is not shown."""

    @property
    def ok(self) -> bool:
        return self.check.status == LinkStatus.OK

    @property
    def headline(self) -> Headline | None:
        return None if self.cycle or self.target is None else self.target.headline

    def describe(self) -> str:
        """One or two lines for a tooltip or a menu: where it goes, or why it does not."""
        name = self.link.label or self.link.path
        if self.ok and self.target is not None:
            return f"{name}\n→ {self.target.title} ({KIND_NAMES[self.target.kind]}, {self.link.path})"
        return f"Broken link ({self.check.status}): {name}\n{self.check.detail}"

    def explain(self) -> str:
        """``describe`` and, under it, the linked map's headline, or why there is none."""
        if self.cycle:
            return f"{self.describe()}\nCycle: this is the map that links to it, not followed again"
        if self.headline is not None:
            return "\n".join([self.describe(), *details(self.headline)[1:]])
        return self.describe()

    def summary(self, beside_badge: bool = False) -> str:
        """One line about the map behind the link, or what is wrong with it; shorter beside a
        badge, which already names the kind, or says "Broken link"."""
        if not self.ok:
            status = str(self.check.status)
            return (
                f"{status.capitalize()}: {self.link.path}"
                if beside_badge
                else f"Broken link ({status}): {self.link.path}"
            )
        if self.cycle:
            return "Cycle: links back to this map"
        if self.headline is None:
            return "Reading the map behind it…"
        return summary(self.headline, kind=not beside_badge)


@dataclass(frozen=True)
class LinkBadge:
    """The links of one stage or touchpoint, checked."""

    owner: Owner
    links: tuple[FoundLink, ...]

    @property
    def broken(self) -> bool:
        return any(not found.ok for found in self.links)

    @property
    def followable(self) -> tuple[FoundLink, ...]:
        return tuple(found for found in self.links if found.ok)

    @property
    def label(self) -> str:
        """Short text beside the glyph where there is room (stage headers)."""
        if len(self.links) > 1:
            broken = sum(not found.ok for found in self.links)
            return f"{len(self.links)} links" + (f", {broken} broken" if broken else "")
        found = self.links[0]
        if not found.ok or found.target is None:
            return "Broken link"
        return KIND_NAMES[found.target.kind].capitalize()

    @property
    def summary(self) -> str:
        """The line under a stage header: the map behind each link (the pill names the kind of
        a single one)."""
        if len(self.links) == 1:
            return self.links[0].summary(beside_badge=True)
        return " | ".join(found.summary() for found in self.links)

    @property
    def tooltip(self) -> str:
        parts = [found.explain() for found in self.links]
        if self.followable:
            parts.append("Click to open the linked map (Alt+Left comes back).")
        return "\n\n".join(parts)


class LinkChecker:
    """Checks links relative to a map file, remembering each linked file until it changes."""

    def __init__(self) -> None:
        self._read: dict[Path, tuple[tuple[int, int], LinkedMap | JourneyMapError]] = {}
        self.pending: dict[Path, JourneyDocument] = {}
        """Linked maps read whose headline is still to be worked out, by real path."""

    def _load(self, path: Path) -> JourneyDocument:
        """The loader ``check_link`` calls; only ``.id`` of its result is read there."""
        key = Path(os.path.realpath(path))
        try:
            stat = key.stat()
            signature = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            signature = (-1, -1)  # let the load say what is wrong
        known = self._read.get(key)
        if known is None or known[0] != signature:
            try:
                document = json_format.load(path)
                result: LinkedMap | JourneyMapError = LinkedMap(document.id, document.title, document.kind)
                self.pending[key] = document
            except JourneyMapError as error:
                result = error
                self.pending.pop(key, None)
            known = self._read[key] = (signature, result)
        if isinstance(known[1], JourneyMapError):
            raise known[1]
        return known[1]  # type: ignore[return-value]  # a LinkedMap has the id check_link compares

    def check(self, map_file: Path | None, link: MapLink) -> FoundLink:
        if map_file is None:
            return FoundLink(link, LinkCheck(Path(link.path), LinkStatus.MISSING_FILE, UNSAVED), None)
        check = check_link(map_file, link, self._load)
        target = self._read.get(Path(os.path.realpath(check.target)))
        linked = target[1] if check.status == LinkStatus.OK and target is not None else None
        cycle = check.status == LinkStatus.OK and check.target == Path(os.path.realpath(map_file))
        return FoundLink(link, check, linked if isinstance(linked, LinkedMap) else None, cycle)

    def read_next_headline(self) -> None:
        """Work out the headline of one linked map read, the first waiting."""
        from journeymapper.model.rollups import headline  # the insights wait until a link needs them

        path, document = next(iter(self.pending.items()))
        del self.pending[path]
        known = self._read.get(path)  # None when a recheck dropped it: the next check reads it again
        if known is not None and isinstance(known[1], LinkedMap):
            with contextlib.suppress(JourneyMapError):  # gone since it was read: the next check says so
                self._read[path] = (known[0], replace(known[1], headline=headline(document, path)))

    def badges(self, document: JourneyDocument, map_file: Path | None) -> dict[Owner, LinkBadge]:
        """Every stage and touchpoint with links, each link checked."""
        found: dict[Owner, list[FoundLink]] = {}
        for origin, link in map_links(document):
            found.setdefault((origin.kind, origin.id), []).append(self.check(map_file, link))
        return {owner: LinkBadge(owner, tuple(links)) for owner, links in found.items()}

    def recheck(self, map_file: Path | None, link: MapLink) -> FoundLink:
        """Check again just before following: the file may have changed since the last layout."""
        if map_file is not None:
            self._read.pop(Path(os.path.realpath(link_target(map_file, link))), None)
        return self.check(map_file, link)
