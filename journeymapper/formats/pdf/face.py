"""One registered font: reportlab's font, the characters it has, and its HarfBuzz twin for shaping."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

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
        return self.font.stringWidth(text, size)

    @cached_property
    def harfbuzz(self) -> uharfbuzz.Font:
        """The same font for HarfBuzz."""
        blob = uharfbuzz.Blob.from_file_path(self.font.face.filename)
        return uharfbuzz.Font(uharfbuzz.Face(blob, self.index))
