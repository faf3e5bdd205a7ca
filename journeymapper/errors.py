"""The one exception type for errors a user can cause, and the rule that keeps its message short."""

MESSAGE_LIMIT = 500
"""The most characters a message has: enough for a long path and the place, short enough for one
line on a terminal and a dialog that opens at once, whatever a hostile file holds."""


class JourneyMapError(Exception):
    """A bad file, a broken reference or an impossible edit.

    The message is one line that says what went wrong and where (file, line and column, or a
    JSON path such as ``touchpoints[12].stage``); the command line prints it as it is and the
    editor shows it in a dialog. Values quoted in it should be shortened where they are quoted
    (``shorten``); a message still over ``MESSAGE_LIMIT`` keeps its start and its end.
    """

    def __init__(self, message: str) -> None:
        line = " ".join(str(message).split())
        if len(line) > MESSAGE_LIMIT:
            line = f"{line[: MESSAGE_LIMIT * 3 // 4]} … {line[-(MESSAGE_LIMIT // 4) + 3 :]}"
        super().__init__(line)


def shorten(text: str, limit: int = 60) -> str:
    """``text`` as quoted in a message: at most ``limit`` characters, an ellipsis where it was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
