"""A folder of journey maps at a glance: what maps there are, how they link, what is broken, and
which customer-journey stages have no user or business journey behind them.

Every ``*.json`` file under the folder is a candidate map, except in hidden folders and hidden
files (names starting with "."), which hold version-control data, virtual environments and the
like. A file that does not load is listed with its one-line error and the scan goes on. Symbolic
links to folders are not followed, so a link loop cannot make the scan endless.

A customer-journey stage is covered when the stage, or a touchpoint in it, has a working link to a
user or business journey. Paths in the result are relative to the folder, with forward slashes.

Two files holding one map id (most often a file copied to start a variant) are reported as a
duplicate id. Their links stay as they are: a link names a file and checks the id there, so it
still arrives, and coverage follows the file it names. But a link's id no longer says which map
is meant, which is what makes the duplicate a problem of its own.
"""

from __future__ import annotations

import datetime
import os
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from journeymapper.counting import counted
from journeymapper.errors import JourneyMapError
from journeymapper.formats import json_format
from journeymapper.model.document import JourneyDocument
from journeymapper.model.links import LinkOrigin, LinkStatus, Loader, ResolvedLink, cached_loader, resolve_links
from journeymapper.model.schema import MapKind

BEHIND_A_CUSTOMER_JOURNEY = frozenset({MapKind.USER, MapKind.BUSINESS})


@dataclass(frozen=True)
class MapSummary:
    path: str
    id: str
    title: str
    kind: MapKind
    stages: int
    touchpoints: int
    changed: str
    """The day the file was last modified (ISO 8601, local time)."""


@dataclass(frozen=True)
class UnreadableFile:
    path: str
    error: str


@dataclass(frozen=True)
class DuplicateId:
    id: str
    files: tuple[str, ...]
    """The files with the id, two or more, in scan order; a file reached by several names is named once."""


@dataclass(frozen=True)
class PortfolioLink:
    source: str
    """The linking map."""
    origin: LinkOrigin
    target: str
    """The linked file (with ``../`` when it lies outside the folder)."""
    map_id: str
    status: LinkStatus
    detail: str


@dataclass(frozen=True)
class StageCoverage:
    map: str
    """A customer journey."""
    stage_id: str
    stage: str
    linked: tuple[str, ...]
    """The user and business journeys linked behind the stage; empty for a gap."""


@dataclass(frozen=True)
class Portfolio:
    folder: str
    maps: tuple[MapSummary, ...]
    unreadable: tuple[UnreadableFile, ...]
    duplicates: tuple[DuplicateId, ...]
    """Map ids held by more than one file, by id."""
    links: tuple[PortfolioLink, ...]
    coverage: tuple[StageCoverage, ...]

    @property
    def broken_links(self) -> tuple[PortfolioLink, ...]:
        return tuple(link for link in self.links if link.status != LinkStatus.OK)

    @property
    def gaps(self) -> tuple[StageCoverage, ...]:
        return tuple(stage for stage in self.coverage if not stage.linked)


def unloadable(count: int) -> str:
    """How many of a folder's files do not load, in words: "1 file that does not load"."""
    return f"{counted(count, 'file')} that {'does' if count == 1 else 'do'} not load"


def scan_portfolio(folder: str | os.PathLike[str], load: Loader | None = None) -> Portfolio:
    """Load every map under ``folder`` and check the links between them; ``load`` reads a map
    file, by default once each (pass a ``cached_loader`` to read the maps again after the scan)."""
    root = Path(folder)
    if not root.is_dir():
        raise JourneyMapError(f"{root}: not a folder")
    load = load or cached_loader(json_format.load)
    documents: dict[str, tuple[Path, JourneyDocument]] = {}
    maps, unreadable = [], []
    for file in map_files(root):
        name = _relative(file, root)
        try:
            document = load(file)
            maps.append(_summary(name, file, document))
            documents[name] = file, document
        except JourneyMapError as error:
            unreadable.append(UnreadableFile(name, str(error)))
    resolved = {name: resolve_links(document, file, load) for name, (file, document) in documents.items()}
    base = Path(os.path.realpath(root))  # link targets are real paths: name them from the real folder
    return Portfolio(
        folder=str(folder),
        maps=tuple(maps),
        unreadable=tuple(unreadable),
        duplicates=_duplicates(documents),
        links=tuple(_link(source, found, base) for source, links in resolved.items() for found in links),
        coverage=tuple(_coverage(documents, resolved, load, base)),
    )


def map_files(folder: Path) -> Iterator[Path]:
    """The candidate map files under ``folder``, in a stable order (by path, folder by folder)."""
    for parent, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(".json") and not name.startswith("."):
                yield Path(parent, name)


def _duplicates(documents: dict[str, tuple[Path, JourneyDocument]]) -> tuple[DuplicateId, ...]:
    """The ids held by more than one file, sorted by id, each with its files in scan order."""
    files: defaultdict[str, dict[str, str]] = defaultdict(dict)
    for name, (file, document) in documents.items():
        # Known by real path: a symbolic link to a map is that map under a second name, and there
        # is no second file whose id could be changed.
        files[document.id].setdefault(os.path.realpath(file), name)
    return tuple(
        DuplicateId(map_id, tuple(names.values())) for map_id, names in sorted(files.items()) if len(names) > 1
    )


def _relative(path: Path, base: Path) -> str:
    try:
        return Path(os.path.relpath(path, base)).as_posix()
    except ValueError:  # on Windows, a file on another drive has no path relative to the folder
        return path.as_posix()


def _summary(name: str, file: Path, document: JourneyDocument) -> MapSummary:
    try:
        modified = file.stat().st_mtime
    except OSError as error:
        raise JourneyMapError(f"{file}: cannot read: {error.strerror or error}") from None
    return MapSummary(
        path=name,
        id=document.id,
        title=document.title,
        kind=document.kind,
        stages=len(document.stages),
        touchpoints=document.touchpoint_count(),
        changed=datetime.date.fromtimestamp(modified).isoformat(),
    )


def _link(source: str, found: ResolvedLink, base: Path) -> PortfolioLink:
    target, status, detail = found.check.target, found.check.status, found.check.detail
    return PortfolioLink(source, found.origin, _relative(target, base), found.link.map_id, status, detail)


def _coverage(
    documents: dict[str, tuple[Path, JourneyDocument]],
    resolved: dict[str, tuple[ResolvedLink, ...]],
    load: Loader,
    base: Path,
) -> Iterator[StageCoverage]:
    for name, (_, document) in documents.items():
        if document.kind != MapKind.CUSTOMER:
            continue
        for stage in document.stages.values():
            behind = (
                found.check.target
                for found in resolved[name]
                if found.origin.stage == stage.id and found.check.status == LinkStatus.OK
            )
            linked = {_relative(target, base) for target in behind if load(target).kind in BEHIND_A_CUSTOMER_JOURNEY}
            yield StageCoverage(name, stage.id, stage.name, tuple(sorted(linked)))
