"""What to say when no installed font can draw some of a map's characters: which characters, and
the Debian package with a TrueType font that has them."""

from __future__ import annotations

from collections.abc import Iterable

from journeymapper.formats.pdf.fontconfig import system_fonts, unusable_families
from journeymapper.formats.pdf.fonts import describe_missing

# Packages checked by installing each alone: their fonts have TrueType outlines, which the PDF can
# embed (fonts-noto-cjk and fonts-noto-color-emoji cannot be: CFF outlines, colour bitmaps).
PACKAGES = (
    ("Korean", "fonts-nanum", ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF))),
    ("Chinese and Japanese", "fonts-droid-fallback",
     ((0x2E80, 0x2FFF), (0x3000, 0x30FF), (0x3190, 0x9FFF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF),
      (0x20000, 0x3FFFF))),
    ("emoji and symbols", "fonts-symbola", ((0x2190, 0x2BFF), (0x1F000, 0x1FAFF))),
)  # fmt: skip


def missing_warning(missing: Iterable[str]) -> str:
    """One line: the characters, that they print as boxes, and what to install."""
    chars = set(missing)
    line = f"no font the PDF can embed has {describe_missing(chars)}; they print as empty boxes"
    installed = system_fonts() or ()
    unusable = unusable_families(installed, chars)
    if unusable:
        line += f" (installed but not embeddable, CFF or colour: {', '.join(unusable[:3])})"
    advice = [f"{package} ({script})" for script, package, blocks in PACKAGES if _any_in(chars, blocks)]
    if advice:
        return line + ": on Debian install " + ", ".join(advice)
    return line + ": install a TrueType font that has them (on Debian, fonts-noto-core has most other scripts)"


def _any_in(chars: set[str], blocks: tuple[tuple[int, int], ...]) -> bool:
    return any(first <= ord(char) <= last for char in chars for first, last in blocks)
