"""The one exception type for errors a user can cause."""


class JourneyMapError(Exception):
    """A bad file, a broken reference or an impossible edit.

    The message is one line that says what went wrong and where (file, line and column, or a
    JSON path such as ``touchpoints[12].stage``); the command line prints it as it is and the
    editor shows it in a dialog.
    """

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(str(message).split()))
