"""A number of things in words: "1 card", "0 cards", "3 cards", "5,000 cards".

Every message, status line, undo text and PDF note counts things the same way, so they all call
this one function: copies of it disagreed on zero, and "0 conflict" read as a mistake.
"""


def counted(number: int, noun: str) -> str:
    """The number, its thousands set apart with commas, and the noun, plural unless the number is
    exactly one; every noun counted here takes a plain "s"."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
