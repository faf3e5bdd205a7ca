"""Where a map's links point, and whether they arrive.

A ``MapLink`` is only a pointer: a path relative to the linking map's file, and the id the map
there should have. Checking one reads that one file as a map and nothing else: it never looks
elsewhere for a map with the id, never follows the link to some other file, and never hands the
file to another program. A path that climbs out of the folder (``../../x.json``) is resolved like
any other: it names a file to read, nothing more. Whatever is there, it is only parsed as JSON.

Because the paths are relative, saving a map into another folder has to re-express them from
there (``rebased_links``) for them to keep naming the same files.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from itertools import groupby
from pathlib import Path, PurePath
from typing import Literal, NamedTuple

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


def cached_loader(load: Loader) -> Loader:
    """``load``, reading each file once: a folder's maps are read by a scan and again by each link
    that names them, a linked map by the check and again for its roll-up.

    Files are known by their real path, and read (and named in errors) as first asked for."""
    results: dict[Path, JourneyDocument | JourneyMapError] = {}

    def cached(path: Path) -> JourneyDocument:
        key = Path(os.path.realpath(path))
        if key not in results:
            try:
                results[key] = load(path)
            except JourneyMapError as error:
                results[key] = error
        result = results[key]
        if isinstance(result, JourneyMapError):
            raise result
        return result

    return cached


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


class LinkEdit(NamedTuple):
    """New links for one stage or touchpoint, to apply as an edit of its ``links`` field."""

    kind: Literal["stage", "touchpoint"]
    id: str
    links: tuple[MapLink, ...]
    changed: int
    """How many of ``links`` differ from the ones they replace."""


def rebased_links(
    document: JourneyDocument, old_file: str | os.PathLike[str], new_file: str | os.PathLike[str]
) -> list[LinkEdit]:
    """The edits that keep every link of ``document``, stored at ``old_file``, naming the same
    file once the map is saved as ``new_file``: one per stage or touchpoint whose links change.

    A broken link is moved like any other, so it still names the file it named. Nothing changes
    when the folder stays the same. The document is not touched.
    """
    old_folder, new_folder = (os.path.realpath(Path(file).parent) for file in (old_file, new_file))
    if old_folder == new_folder:
        # The paths hold as written; re-deriving them would only respell them.
        return []
    edits: list[LinkEdit] = []
    for (kind, item_id), found in groupby(map_links(document), key=lambda pair: (pair[0].kind, pair[0].id)):
        links = tuple(link for _, link in found)
        rebased = tuple(_rebased(link, old_folder, new_folder) for link in links)
        changed = sum(old != new for old, new in zip(links, rebased, strict=True))
        if changed:
            edits.append(LinkEdit(kind, item_id, rebased, changed))
    return edits


def _rebased(link: MapLink, old_folder: str, new_folder: str) -> MapLink:
    """``link`` with its path taken from ``new_folder``, or as it is if no link path can say that."""
    folder, name = posixpath.split(link.path)
    # The folder is resolved as opening the file resolves it (".." after a symbolic link climbs
    # from where that link points), while the file keeps its own name even if it is a symbolic link.
    target = os.path.join(os.path.realpath(os.path.join(old_folder, folder)), name)
    try:
        path = PurePath(os.path.relpath(target, new_folder)).as_posix()
        return MapLink.model_validate({**link.model_dump(), "path": path})
    except ValueError:  # another drive (Windows), or a folder name the schema cannot hold
        return link
