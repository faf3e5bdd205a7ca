"""Links from the open map to other maps, as the canvas shows them: checked once per layout.

The scene asks a ``LinkChecker`` for the badges of every stage and touchpoint that carries links
each time it lays the map out. Checking a link reads the linked file as a map (``check_link`` with
``json_format.load``); the checker keeps what it read per file, keyed by the file's size and
modification time, so that relaying out after an edit costs a ``stat`` per linked file and a file
is read again only when it changed on disk. Nothing here opens, runs or follows anything: the
window decides what activating a badge does, and it re-checks the link first.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.model import JourneyDocument, MapKind
from journeymapper.model.links import LinkCheck, LinkStatus, check_link, link_target, map_links
from journeymapper.model.schema import MapLink

KIND_NAMES = {
    MapKind.CUSTOMER: "customer journey",
    MapKind.USER: "user journey",
    MapKind.BUSINESS: "business journey",
    MapKind.SERVICE_BLUEPRINT: "service blueprint",
}
UNSAVED = "this map is not saved yet, and a link's path is relative to the map's file"

Owner = tuple[str, str]
"""("stage" or "touchpoint", its id)."""


@dataclass(frozen=True)
class LinkedMap:
    """What the checker keeps of a linked file: enough to name it, not the whole document."""

    id: str
    title: str
    kind: MapKind


@dataclass(frozen=True)
class FoundLink:
    link: MapLink
    check: LinkCheck
    target: LinkedMap | None
    """The linked map when the link is ok."""

    @property
    def ok(self) -> bool:
        return self.check.status == LinkStatus.OK

    def describe(self) -> str:
        """One or two lines for a tooltip or a menu: where it goes, or why it does not."""
        name = self.link.label or self.link.path
        if self.ok and self.target is not None:
            return f"{name}\n→ {self.target.title} ({KIND_NAMES[self.target.kind]}, {self.link.path})"
        return f"Broken link ({self.check.status}): {name}\n{self.check.detail}"


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
    def tooltip(self) -> str:
        parts = [found.describe() for found in self.links]
        if self.followable:
            parts.append("Click to open the linked map (Alt+Left comes back).")
        return "\n\n".join(parts)


class LinkChecker:
    """Checks links relative to a map file, remembering each linked file until it changes."""

    def __init__(self) -> None:
        self._read: dict[Path, tuple[tuple[int, int], LinkedMap | JourneyMapError]] = {}

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
            except JourneyMapError as error:
                result = error
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
        return FoundLink(link, check, linked if isinstance(linked, LinkedMap) else None)

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
