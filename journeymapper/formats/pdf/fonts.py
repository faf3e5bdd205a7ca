"""Fonts: the bundled DejaVu Sans (regular and bold), and system fonts for scripts it lacks.

Text is drawn in runs: each character goes to the first face that has it (bold, then regular, then
the fallbacks), so a Chinese word inside an English title still renders. The fallbacks are found
through fontconfig: the TrueType fonts (collections too) that have most of the characters DejaVu
lacks, one after another until none is left or no font has any. Characters no face has are drawn
as reportlab's empty box and reported once per export by ``Fonts.missing``.

Text is drawn composed (NFC), so that an accent typed as its own character sits on its letter.
A line with right-to-left or complex letters is drawn as HarfBuzz shapes it, in visual order
(``shaping``), and measured as drawn.

Fonts are embedded as subsets; reportlab names subsets by number, so output stays deterministic.
"""

from __future__ import annotations

import os
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from journeymapper.errors import JourneyMapError
from journeymapper.formats.pdf import tounicode
from journeymapper.formats.pdf.face import Face
from journeymapper.formats.pdf.fontconfig import SystemFont, best_cover, system_fonts
from journeymapper.formats.pdf.shaping import STEERS, Glyphs, is_complex, visual_pieces
from journeymapper.formats.pdf.shaping import width as shaped_width
from journeymapper.layout import wrap_text

# The fonts live in the repository's resources/fonts. A wheel installs them as the package's fonts/
# folder (pyproject.toml maps one to the other); a source checkout and an editable install have no
# such folder and read them where they are.
PACKAGED = resources.files("journeymapper") / "fonts"
CHECKOUT = Path(__file__).resolve().parents[3] / "resources" / "fonts"
BUNDLED: Traversable = PACKAGED if PACKAGED.is_dir() else CHECKOUT
REGULAR_FILE, BOLD_FILE = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"
# Where there is no fontconfig (macOS, Windows): TrueType-outline fonts with CJK (reportlab cannot
# embed CFF fonts such as Noto Sans CJK .otf/.ttc), in order of preference.
FALLBACK_FILES = (
    "DroidSansFallbackFull.ttf",
    "DroidSansFallback.ttf",
    "wqy-microhei.ttc",
    "wqy-zenhei.ttc",
    "uming.ttc",
    "ipagp.ttf",
    "ipag.ttf",
    "NanumGothic.ttf",
    "msyh.ttc",
    "simsun.ttc",
    "malgun.ttf",
    "Arial Unicode.ttf",
    "AppleGothic.ttf",
    "unifont.ttf",
)
FONT_FOLDERS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/Library/Fonts",
    "/System/Library/Fonts",
    "~/Library/Fonts",
    os.path.join(os.environ.get("WINDIR", "C:/Windows"), "Fonts"),
)
MOST_FALLBACKS = 6  # CJK, Korean, emoji and a few rarer scripts; past that, a font per character
_registering = threading.Lock()  # reportlab's font registry is a global dict; exports may run in threads
tounicode.install()  # before any font is saved: emoji need UTF-16 in the text layer


@dataclass(frozen=True, slots=True)
class Fonts:
    """The faces of one export, and the characters of its map that none of them has."""

    regular: Face
    bold: Face
    fallbacks: tuple[Face, ...]
    missing: frozenset[str]

    def chain(self, bold: bool) -> tuple[Face, ...]:
        return ((self.bold, self.regular) if bold else (self.regular,)) + self.fallbacks

    def runs(self, text: str, bold: bool = False) -> list[tuple[Face, str]]:
        """``text`` cut into pieces that one face each can draw."""
        text = composed(text)
        chain = self.chain(bold)
        if chain[0].chars.issuperset(text):
            return [(chain[0], text)]
        runs: list[tuple[Face, str]] = []
        for char in text:
            face = next((face for face in chain if char in face.chars), chain[0])
            if runs and runs[-1][0] is face:
                runs[-1] = (face, runs[-1][1] + char)
            else:
                runs.append((face, char))
        return runs

    def shaped(self, text: str, bold: bool = False) -> list[Glyphs]:
        """One line of right-to-left or complex text (see ``shaping.is_complex``) as the pieces
        that draw it, left to right."""
        return _shaped(self, composed(text), bold)

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """The layout's ``Measure``: the width reportlab will give ``text`` when it draws it."""
        if is_complex(text):
            return shaped_width(self.shaped(text, bold), size)
        return sum(face.width(run, size) for face, run in self.runs(text, bold))

    def fits(self, text: str, width: float, size: float, bold: bool = False) -> str:
        """``text`` on one line, cut with "…" (as the layout cuts titles) if wider than ``width``."""
        return next(iter(wrap_text(text, width, size, bold, self.width, max_lines=1)), "")


@lru_cache(maxsize=4096)
def _shaped(fonts: Fonts, text: str, bold: bool) -> list[Glyphs]:
    return visual_pieces(text, lambda logical: fonts.runs(logical, bold))


def composed(text: str) -> str:
    """``text`` in Unicode's composed form (NFC): an accent typed as its own character sits on
    its letter only when the font draws the letter and the accent as one glyph."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def load_fonts(texts: Iterable[str]) -> Fonts:
    """The bundled faces, plus system fallbacks if ``texts`` use characters DejaVu lacks."""
    regular, bold = _bundled(REGULAR_FILE), _bundled(BOLD_FILE)
    lacking = _lacking(texts, regular.chars)
    fallbacks: list[Face] = []
    if lacking:
        fallbacks = _fallbacks(lacking)
        for face in fallbacks:
            lacking -= face.chars
    return Fonts(regular, bold, tuple(fallbacks), frozenset(lacking))


def _fallbacks(lacking: set[str]) -> list[Face]:
    installed = system_fonts()
    if installed is None:  # no fontconfig: known font files in the usual folders
        best = _best_fallback(_system_fallbacks(), lacking)
        return [best] if best else []
    return _from_fontconfig(installed, lacking)


def _from_fontconfig(installed: tuple[SystemFont, ...], lacking: set[str]) -> list[Face]:
    """The fonts that together draw most of ``lacking``, the one that draws most first."""
    faces: list[Face] = []
    left, candidates = set(lacking), list(installed)
    while left and len(faces) < MOST_FALLBACKS:
        font = best_cover(tuple(candidates), left)
        if font is None:
            break
        candidates.remove(font)
        face = _face(str(font.path), font.index)
        if face is not None and not left.isdisjoint(face.chars):
            faces.append(face)
            left -= face.chars
    return faces


def _lacking(texts: Iterable[str], chars: frozenset[str]) -> set[str]:
    lacking: set[str] = set()
    for text in map(composed, texts):
        if not chars.issuperset(text):
            lacking.update(char for char in text if char not in chars and _visible(char))
    return lacking


def _visible(char: str) -> bool:
    # Control and format characters (tabs, zero-width joiners) draw nothing in any font.
    return unicodedata.category(char) not in ("Cc", "Cf") and not char.isspace()


def clean(text: str) -> str:
    """``text`` without control characters, which no font draws; the marks that steer bidi and
    joining stay (a Persian zero-width non-joiner, a right-to-left mark) for shaping to follow."""
    if text.isprintable():
        return text
    return "".join(_kept(char) for char in text)


def _kept(char: str) -> str:
    if char.isprintable() or STEERS.match(char):
        return char
    return " " if char.isspace() else ""


def _bundled(file_name: str) -> Face:
    path = BUNDLED / file_name
    if not path.is_file():
        raise JourneyMapError(f"{path}: the bundled font is missing; reinstall journeymapper")
    face = _face(str(path))
    if face is None:
        raise JourneyMapError(f"{path}: the bundled font cannot be read; reinstall journeymapper")
    return face


@cache
def _face(path: str, index: int = 0) -> Face | None:
    """A registered face for a font file (the ``index``-th font of a collection), loaded once per
    process; None if reportlab cannot use it (CFF outlines, a damaged file)."""
    with _registering:
        name = f"JourneyMapper-{Path(path).stem}" + (f"-{index}" if index else "")
        try:
            font = TTFont(name, path, subfontIndex=index)  # shapable: shaping.py draws with HarfBuzz
        except (TTFError, OSError, ValueError, IndexError, KeyError, AssertionError):
            return None
        pdfmetrics.registerFont(font)
        return Face(name, font, frozenset(map(chr, font.face.charToGlyph)), index)


def _best_fallback(candidates: Iterable[Path], lacking: set[str]) -> Face | None:
    """The first installed candidate that has every lacking character, else the one with most."""
    best, best_count = None, 0
    for path in candidates:
        face = _face(str(path))
        count = len(lacking & face.chars) if face else 0
        if count == len(lacking):
            return face
        if count > best_count:
            best, best_count = face, count
    return best


def _system_fallbacks() -> tuple[Path, ...]:
    """Installed fonts from ``FALLBACK_FILES``, in its order of preference."""
    found = {path.name: path for path in _font_files()}
    return tuple(found[name] for name in FALLBACK_FILES if name in found)


def _font_files() -> Iterator[Path]:
    wanted = set(FALLBACK_FILES)
    for folder in FONT_FOLDERS:
        for root, _, files in os.walk(os.path.expanduser(folder)):
            yield from (Path(root, name) for name in sorted(files) if name in wanted)


def describe_missing(missing: Iterable[str], limit: int = 12) -> str:
    """The characters as themselves and as code points: ``漢 (U+6F22), 字 (U+5B57)``."""
    chars = sorted(missing)
    shown = ", ".join(f"{char} (U+{ord(char):04X})" for char in chars[:limit])
    return shown + (f" and {len(chars) - limit} more" if len(chars) > limit else "")
