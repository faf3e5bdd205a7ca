"""Where a map's links point, and whether they arrive.

A ``MapLink`` is only a pointer: a path relative to the linking map's file, and the id the map
there should have. Checking one reads that one file as a map and nothing else: it never looks
elsewhere for a map with the id, never follows the link to some other file, and never hands the
file to another program. A path that climbs out of the folder (``../../x.json``) is resolved like
any other: it names a file to read, nothing more. Whatever is there, it is only parsed as JSON.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Literal

from journeymapper.errors import JourneyMapError
from journeymapper.model.document import JourneyDocument
from journeymapper.model.schema import MapLink

Loader = Callable[[Path], JourneyDocument]
"""Reads a map file or raises ``JourneyMapError``: ``json_format.load``, or a cache in front of it.
The model sits below the formats, so callers pass it in."""


class LinkStatus(StrEnum):
    OK = "ok"
    MISSING_FILE = "missing file"
    ID_MISMATCH = "id mismatch"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class LinkCheck:
    target: Path
    """The linked file, absolute, as the operating system would find it."""
    status: LinkStatus
    detail: str = ""
    """Empty when the link is ok; otherwise what is wrong, in one line."""


@dataclass(frozen=True)
class LinkOrigin:
    """Where a link sits in its map: on a stage, or on a touchpoint (which lies in a stage)."""

    kind: Literal["stage", "touchpoint"]
    id: str
    name: str
    """The stage's name or the touchpoint's title."""
    stage: str
    """The id of the stage: the stage itself, or the touchpoint's."""


@dataclass(frozen=True)
class ResolvedLink:
    origin: LinkOrigin
    link: MapLink
    check: LinkCheck


def link_target(map_file: str | os.PathLike[str], link: MapLink) -> Path:
    """The file a link names: its path taken from the linking map's folder."""
    # realpath rather than a textual clean-up, so that "shared/../x.json" means what opening it
    # means when "shared" is a symbolic link; and rather than Path.resolve(), which raises on a
    # symbolic-link loop where realpath leaves the rest to the read. (The schema refuses control
    # characters, so the path holds no NUL.)
    return Path(os.path.realpath(Path(map_file).parent / link.path))


def check_link(map_file: str | os.PathLike[str], link: MapLink, load: Loader) -> LinkCheck:
    """Whether ``link``, stored in the map at ``map_file``, arrives at a readable map with its id."""
    target = link_target(map_file, link)
    try:
        target.stat()
    except (FileNotFoundError, NotADirectoryError):
        return LinkCheck(target, LinkStatus.MISSING_FILE, f"{target}: no such file")
    except OSError:
        pass  # not "missing": let the load below say what it is
    try:
        found = load(target).id
    except JourneyMapError as error:
        return LinkCheck(target, LinkStatus.UNREADABLE, str(error))
    if found != link.map_id:
        return LinkCheck(target, LinkStatus.ID_MISMATCH, f"{target}: holds map {found!r}, not {link.map_id!r}")
    return LinkCheck(target, LinkStatus.OK)


def map_links(document: JourneyDocument) -> Iterator[tuple[LinkOrigin, MapLink]]:
    """Every link of a map with where it sits: stage links, then touchpoint links, in map order."""
    for stage in document.stages.values():
        for link in stage.links:
            yield LinkOrigin("stage", stage.id, stage.name, stage.id), link
    for touchpoint in document.touchpoints():
        for link in touchpoint.links:
            yield LinkOrigin("touchpoint", touchpoint.id, touchpoint.title, touchpoint.stage), link


def resolve_links(
    document: JourneyDocument, map_file: str | os.PathLike[str], load: Loader
) -> tuple[ResolvedLink, ...]:
    """Check every link of ``document``, which is stored at ``map_file``."""
    return tuple(ResolvedLink(origin, link, check_link(map_file, link, load)) for origin, link in map_links(document))
