"""Right-to-left and joined scripts: a line as it reads on paper, shaped by HarfBuzz.

Text stays in logical order (as typed) everywhere else: wrapping, the layout's measures, the PDF's
text layer. Only drawing needs the visual order. python-bidi (the Unicode Bidirectional Algorithm,
brackets mirrored) reorders a line; each stretch of right-to-left letters is turned back into the
order it was typed and shaped right to left by HarfBuzz, which joins Arabic letters, makes the
lam-alef ligature and places marks; complex left-to-right scripts are shaped too. The result is a
reportlab ``ShapedStr``, which reportlab's text object draws glyph by glyph with HarfBuzz's
positions (it needs a font registered as shapable).

Plain text never comes here: ``is_complex`` lets Latin, Greek, Cyrillic, CJK and emoji through
untouched, so the common export pays nothing.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import uharfbuzz
from bidi import get_display
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr

from journeymapper.formats.pdf.face import Face
from journeymapper.formats.pdf.tounicode import MEANINGS

# Scripts whose letters change shape with their neighbours or run right to left (Hebrew to NKo,
# Samaritan to Arabic Extended, the Indic scripts, Thai, Lao, Myanmar, Khmer, the presentation
# forms, historic right-to-left scripts), and the invisible marks that steer bidi or joining
# (the Arabic letter mark, zero-width non-joiner and joiner, the directional marks, embeddings
# and isolates): HarfBuzz draws those as nothing.
STEERING = "\u061c\u200c-\u200f\u202a-\u202e\u2066-\u2069"
COMPLEX = re.compile(
    f"[\u0590-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff{STEERING}"
    "\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
STEERS = re.compile(f"[{STEERING}]")
RIGHT_TO_LEFT = frozenset(("R", "AL"))
ATTACHED = frozenset(("NSM", "BN"))  # marks and joiners go with the letters around them
FEATURES = {"kern": True, "liga": True}
# Glyphs that no one character of their text maps to (a ligature, a contextual form) are entered
# in the font's maps under a private-use code of their own: plane 15 plus the glyph number, the
# same in every run; the text layer maps that code back to the glyph's text.
PRIVATE_GLYPHS = 0xF0000
_entering = threading.Lock()

Runs = Callable[[str], Sequence[tuple[Face, str]]]
"""Cuts logical text into pieces that one face each draws."""


@dataclass(frozen=True, slots=True)
class Glyphs:
    """Shaped text in one face, left to right: what to hand ``drawString``, and how far it goes."""

    face: Face
    text: ShapedStr
    advance: float  # in thousandths of an em

    def width(self, size: float) -> float:
        return self.advance * size / 1000


def is_complex(text: str) -> bool:
    """Whether ``text`` needs reordering or shaping to be drawn right."""
    return not text.isascii() and COMPLEX.search(text) is not None


def visual_pieces(text: str, runs: Runs) -> list[Glyphs]:
    """``text`` (one line, logical order) as shaped pieces, each in one face, left to right."""
    pieces: list[Glyphs] = []
    for stretch, rtl in _stretches(get_display(text)):
        logical = stretch[::-1] if rtl else stretch
        shaped = [shape(face, run, rtl) for face, run in runs(logical)]
        pieces += reversed(shaped) if rtl else shaped
    return pieces


def width(pieces: Sequence[Glyphs], size: float) -> float:
    return sum(piece.advance for piece in pieces) * size / 1000


def _stretches(visual: str) -> list[tuple[str, bool]]:
    """The visual line cut where it turns between right-to-left letters and anything else."""
    stretches: list[tuple[str, bool]] = []
    for char, rtl in zip(visual, _right_to_left(visual)):
        if stretches and stretches[-1][1] == rtl:
            stretches[-1] = (stretches[-1][0] + char, rtl)
        else:
            stretches.append((char, rtl))
    return stretches


def _right_to_left(visual: str) -> list[bool]:
    """For each character of a visual line, whether it belongs to right-to-left letters.

    Reordering put a letter's marks before it (to its left), so a mark goes with the first letter
    after it; marks at the very end go with the letter before them."""
    directions = [unicodedata.bidirectional(char) for char in visual]
    flags = [direction in RIGHT_TO_LEFT for direction in directions]
    following: bool | None = None
    for index in reversed(range(len(visual))):
        if directions[index] not in ATTACHED:
            following = flags[index]
        elif following is not None:
            flags[index] = following
    trailing = len(visual)
    while trailing and directions[trailing - 1] in ATTACHED:
        trailing -= 1
    if trailing:
        flags[trailing:] = [flags[trailing - 1]] * (len(visual) - trailing)
    return flags


@lru_cache(maxsize=8192)
def shape(face: Face, text: str, rtl: bool) -> Glyphs:
    """``text`` (logical order) shaped in ``face``: its glyphs left to right, as characters of the
    font's maps, with HarfBuzz's advances and offsets in thousandths of an em."""
    buffer = uharfbuzz.Buffer()
    # A mark in a cluster of its own, not merged with its letter's: each glyph then stands for
    # its own characters in the text layer, and none is read twice.
    buffer.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    buffer.add_str(text)
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if rtl else "ltr"
    hb_font = face.harfbuzz
    uharfbuzz.shape(hb_font, buffer, FEATURES)
    scale = 1000 / hb_font.face.upem
    infos = buffer.glyph_infos
    chars, data = [], []
    for info, position, meaning in zip(infos, buffer.glyph_positions, _meanings(face, text, infos)):
        # Readers (poppler, pdf.js) take a right-to-left glyph's several characters as laid out
        # right to left too, and turn them round: the lam-alef ligature is written alef-lam.
        code = _code(face, info.codepoint, meaning[::-1] if rtl else meaning)
        chars.append(chr(code))
        data.append(ShapeData(
            info.cluster, position.x_advance * scale, position.y_advance * scale,
            position.x_offset * scale, position.y_offset * scale, face.font.face.charWidths[code],
        ))  # fmt: skip
    shaped = ShapedStr("".join(chars), shapeData=data)  # type: ignore[arg-type]  # a list, as reportlab makes it
    return Glyphs(face, shaped, sum(glyph.x_advance for glyph in data))


def _meanings(face: Face, text: str, infos: list[uharfbuzz.GlyphInfo]) -> list[str]:
    """The characters each glyph stands for: those of its cluster, shared among the cluster's
    glyphs (a letter and marks that HarfBuzz reordered and merged, a ligature and a mark), each
    glyph taking a character the font maps to it where there is one, the first other glyph the
    rest."""
    ends = dict(pairwise([*sorted({info.cluster for info in infos}), len(text)]))
    clusters: dict[int, list[int]] = {}
    for index, info in enumerate(infos):
        clusters.setdefault(info.cluster, []).append(index)
    cmap = face.font.face.charToGlyph
    meanings = [""] * len(infos)
    for cluster, indices in clusters.items():
        left = list(text[cluster : ends[cluster]])
        for index in indices:
            char = next((char for char in left if cmap.get(ord(char)) == infos[index].codepoint), None)
            if char is not None:
                meanings[index] = char
                left.remove(char)
        for index in indices:
            if not meanings[index]:
                meanings[index] = "".join(left) or text[cluster : ends[cluster]]
                left = []
    return meanings


def _code(face: Face, glyph: int, meaning: str) -> int:
    """The character that stands for ``glyph``, drawn for the text ``meaning``, when reportlab
    subsets and writes the font."""
    if len(meaning) == 1 and face.font.face.charToGlyph.get(ord(meaning)) == glyph:
        return ord(meaning)
    code = PRIVATE_GLYPHS + glyph
    with _entering:
        key = (face.font.face.name + face.font.face.subfontNameX).decode("latin-1")
        MEANINGS.setdefault(key, {}).setdefault(code, meaning)
        face.font.face.charToGlyph[code] = glyph
        face.font.face.charWidths[code] = face.harfbuzz.get_glyph_h_advance(glyph) * 1000 / face.harfbuzz.face.upem
    return code
