"""Text-layer maps that hold characters beyond U+FFFF.

reportlab writes each character of a font subset into the subset's ToUnicode map as four hex
digits, so an emoji such as U+1F600 becomes ``<1F600>``: five digits, which readers take for
U+1F60 ("ὠ"), and which ``qpdf --check`` lets pass. A ToUnicode map holds UTF-16, so such a
character belongs there as its surrogate pair, ``<D83DDE00>``. reportlab builds the map in one
module-level function, called by name when a document is saved; ``install`` replaces it with one
that writes UTF-16 and otherwise the same text, byte for byte.

Shaped glyphs that no character maps to (an Arabic letter's joined form, the lam-alef ligature)
are entered under private-use codes (see ``shaping``); ``MEANINGS`` says which text each stands
for, so that the text layer gives the letters as typed rather than private-use characters.
"""

from __future__ import annotations

from reportlab.pdfbase import ttfonts

MEANINGS: dict[str, dict[int, str]] = {}
"""By font (its name in the PDF without the subset prefix), the text of each private-use code."""

_HEADER = """/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo
<< /Registry (%(name)s)
/Ordering (%(name)s)
/Supplement 0
>> def
/CMapName /%(name)s def
/CMapType 2 def
1 begincodespacerange
<00> <%(last)02X>
endcodespacerange
%(count)d beginbfchar
"""
_FOOTER = """
endbfchar
endcmap
CMapName currentdict /CMap defineresource pop
end
end"""


def utf16_hex(text: str) -> str:
    """``text`` as UTF-16 code units in upper-case hex, as PDF strings and maps write it."""
    return text.encode("utf-16-be").hex().upper()


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """The ToUnicode map of a subset: code ``i`` stands for the character ``subset[i]``."""
    header = _HEADER % {"name": fontname, "last": len(subset) - 1, "count": len(subset)}
    meanings = MEANINGS.get(fontname.partition("+")[2], {})
    pairs = "\n".join(f"<{code:02X}> <{utf16_hex(meanings.get(char, chr(char)))}>" for code, char in enumerate(subset))
    return header + pairs + _FOOTER


def install() -> None:
    """Make reportlab write every later ToUnicode map with ``to_unicode_cmap``."""
    ttfonts.makeToUnicodeCMap = to_unicode_cmap
