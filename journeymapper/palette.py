"""The colours and dashes that carry meaning, shared by the canvas and the PDF so that a printed
map reads like the screen: emotion colours and each persona's curve colour and dash. Hex codes
and plain numbers only; the editor turns them into Qt colours and pens, the PDF into reportlab's.
"""

from __future__ import annotations

# -2..+2 from red through grey to green; the faces' mouths carry the meaning too, for readers who
# cannot tell red from green and for black-and-white printers.
EMOTION_COLOURS = {-2: "#c0392b", -1: "#e67e22", 0: "#a0a4ab", 1: "#7cb342", 2: "#2e7d32"}
# Paul Tol's bright scheme: distinct for colour-blind readers.
PERSONA_COLOURS = ("#4477aa", "#ee6677", "#228833", "#ccbb44", "#aa3377", "#66ccee")
PERSONA_DASHES = (  # in line widths; none is solid: the solid line is the curve of all cards
    (5.0, 2.5),
    (1.2, 2.2),
    (7.0, 2.5, 1.2, 2.5),
    (2.6, 2.6),
    (9.0, 2.5, 1.2, 2.5, 1.2, 2.5),
    (4.0, 1.5, 1.2, 1.5),
)


def persona_colour(number: int) -> str:
    """The ``number``-th persona's colour, as its badge on the cards shows it."""
    return PERSONA_COLOURS[number % len(PERSONA_COLOURS)]


def persona_dashes(number: int) -> tuple[float, ...]:
    """The ``number``-th persona's dash: shifted each time the colours repeat, so that two personas
    never look alike even where colours repeat or cannot be told apart (print, colour blindness)."""
    return PERSONA_DASHES[(number + number // len(PERSONA_COLOURS)) % len(PERSONA_DASHES)]
