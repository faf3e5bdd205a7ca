"""JavaScript's ``Number()`` of a string, which is how Mermaid reads a journey task's score.

So ``05``, ``+5``, `` 5 ``, ``5.0``, ``5e0`` and ``0x5`` are all 5, an empty score is 0, and
anything else (``five``, ``5 stars``, ``1_000``) is not a number. Python's ``float()`` differs in
just the places that matter here (it takes ``inf``, ``nan`` and ``1_000``, and no ``0x5``), hence
this module.
"""

from __future__ import annotations

import math
import re

# ECMAScript's StrWhiteSpaceChar: its WhiteSpace (tab, vertical tab, form feed, BOM, every Zs space)
# and its LineTerminator. Python's str.strip() also strips \x1c-\x1f and \x85, which Number() does not.
_WHITESPACE = (
    "\t\n\v\f\r \u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_DECIMAL = re.compile(r"[+-]?(?:Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)", re.ASCII)
_BASES = {"0b": 2, "0o": 8, "0x": 16}
_DIGITS = {2: re.compile("[01]+"), 8: re.compile("[0-7]+"), 16: re.compile("[0-9a-fA-F]+")}


def js_number(text: str) -> float:
    """``Number(text)`` as JavaScript computes it; NaN where it gives NaN."""
    text = text.strip(_WHITESPACE)
    if not text:
        return 0.0
    base = _BASES.get(text[:2].lower())
    if base is not None:  # no sign before a prefix, and no fraction after one
        return float(int(text[2:], base)) if _DIGITS[base].fullmatch(text[2:]) else math.nan
    if not _DECIMAL.fullmatch(text):
        return math.nan
    return float(text.replace("Infinity", "inf"))
