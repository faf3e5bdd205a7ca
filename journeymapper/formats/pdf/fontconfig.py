"""The system's fonts as fontconfig lists them: where each is, which characters it has, and whether
the PDF can embed it.

reportlab embeds TrueType outlines only: a font with CFF outlines (OpenType .otf, and Debian's
Noto CJK collections) or colour bitmaps (Noto Color Emoji) cannot be drawn, however many
characters it has. A TrueType collection (.ttc) holds several fonts, each at its own index.
"""

from __future__ import annotations

import shutil
import subprocess
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FORMAT = "%{file}\\t%{index}\\t%{fontformat}\\t%{color}\\t%{weight}\\t%{family[0]}\\t%{charset}\\n"
REGULAR_WEIGHT = 80  # fontconfig's weight of a regular face


@dataclass(frozen=True, slots=True)
class SystemFont:
    path: Path
    index: int
    family: str
    embeddable: bool  # TrueType outlines, no colour
    weight: int
    starts: tuple[int, ...]  # the charset as ranges of code points, sorted
    ends: tuple[int, ...]

    def has(self, char: str) -> bool:
        position = bisect_right(self.starts, ord(char)) - 1
        return position >= 0 and ord(char) <= self.ends[position]


@cache
def system_fonts() -> tuple[SystemFont, ...] | None:
    """Every font fontconfig knows, in a fixed order; None where there is no fontconfig (macOS and
    Windows without it)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        listed = subprocess.run([fc_list, "--format", FORMAT], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    fonts = (_parse(line) for line in listed.stdout.splitlines())
    return tuple(sorted((font for font in fonts if font), key=lambda font: (str(font.path), font.index)))


def _parse(line: str) -> SystemFont | None:
    fields = line.split("\t")
    if len(fields) != 7 or not fields[1].isdigit():
        return None
    path, index, outlines, colour, weight, family, charset = fields
    starts, ends = [], []
    for part in charset.split():
        first, _, last = part.partition("-")
        starts.append(int(first, 16))
        ends.append(int(last or first, 16))
    embeddable = outlines == "TrueType" and colour != "True"
    weight_number = int(float(weight)) if weight.replace(".", "", 1).isdigit() else REGULAR_WEIGHT
    return SystemFont(Path(path), int(index), family, embeddable, weight_number, tuple(starts), tuple(ends))


def best_cover(fonts: tuple[SystemFont, ...], chars: set[str]) -> SystemFont | None:
    """The embeddable font with most of ``chars``, regular weight first; None if none has any."""
    best, best_key = None, (0, 0)
    for font in fonts:
        if not font.embeddable:
            continue
        key = (sum(1 for char in chars if font.has(char)), -abs(font.weight - REGULAR_WEIGHT))
        if key[0] and key > best_key:
            best, best_key = font, key
    return best


def unusable_families(fonts: tuple[SystemFont, ...], chars: set[str]) -> list[str]:
    """The families of installed fonts that have some of ``chars`` but cannot be embedded."""
    families = {font.family for font in fonts if not font.embeddable and any(font.has(char) for char in chars)}
    return sorted(families)
