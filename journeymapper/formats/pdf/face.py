"""One registered font: reportlab's font, the characters it has, and its HarfBuzz twin for shaping."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

import uharfbuzz
from reportlab.pdfbase.ttfonts import TTFont


@dataclass(frozen=True, eq=False)
class Face:
    """A font file (a TrueType collection's ``index``-th font) as reportlab embeds it."""

    name: str
    font: TTFont
    chars: frozenset[str]
    index: int = 0

    def width(self, text: str, size: float) -> float:
        return _width(self.font, text, size)

    @cached_property
    def harfbuzz(self) -> uharfbuzz.Font:
        """The same font for HarfBuzz."""
        blob = uharfbuzz.Blob.from_file_path(self.font.face.filename)
        return uharfbuzz.Font(uharfbuzz.Face(blob, self.index))


@lru_cache(maxsize=16384)
def _width(font: TTFont, text: str, size: float) -> float:
    """reportlab sums the widths character by character in Python; a map measures the same titles,
    labels and words again and again (to wrap, to centre, to fit)."""
    return font.stringWidth(text, size)
