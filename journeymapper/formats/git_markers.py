"""A map file that git merged as text: recognising its conflict markers, and saying how to merge it
with journeymapper instead.

git merges a file line by line unless ``.gitattributes`` names a merge driver for it; where two
branches changed the same lines it leaves both, between ``<<<<<<< ``, ``=======`` and
``>>>>>>> `` lines, and the file is no longer JSON. journeymapper's driver merges maps by id and
never leaves markers (``model.merge``). Looking for them is for after a load has failed: a map that
loads has none.
"""

from __future__ import annotations

import re
from pathlib import Path

from journeymapper.errors import JourneyMapError
from journeymapper.formats.files import read_limited

# Each marker starts a line; git writes seven characters by default (a conflict-marker-size
# attribute changes that, and then they are not recognised: the load error still shows).
_MARKERS = (re.compile(rb"^<<<<<<< ", re.M), re.compile(rb"^=======\r?$", re.M), re.compile(rb"^>>>>>>> ", re.M))


def has_conflict_markers(path: Path) -> bool:
    """Whether ``path`` holds all three of git's conflict markers, each at the start of a line."""
    try:
        data = read_limited(path)
    except JourneyMapError:
        return False
    return all(marker.search(data) for marker in _MARKERS)


def merge_advice(path: Path) -> str:
    """What to tell someone whose map git left with conflict markers: how to have git merge it
    again through journeymapper's merge driver."""
    name = path.name
    return (
        f"git left conflict markers (<<<<<<<, =======, >>>>>>>) in {name}: it merged the map as lines "
        "of text, so the file is no longer a map.\n\n"
        "Let journeymapper merge it by id instead. In the map's repository, once:\n"
        "    journeymapper git-setup\n"
        "and add the line it prints to .gitattributes. Then, in the map's folder:\n"
        f"    git checkout --merge {name}\n"
        "(or git merge --abort, and merge again): git calls journeymapper's merge driver, and the map "
        "opens here with each conflict listed, for you to keep ours or take theirs."
    )
