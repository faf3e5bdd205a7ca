"""What the command line prints: text that cannot drive the terminal, and output that fails as one line.

A map's text is anyone's text: a title holding an escape sequence could retitle the terminal,
hide lines or worse if printed raw. Everything the command line prints goes through ``escaping``,
which writes control characters (all but tab and line feed) as ``\\u001b``: readable to a
person, and valid, exact escapes inside JSON strings, so ``--json`` output stays what it was.

Writing to standard output can fail (a full disk, a closed pipe); ``OutputError`` carries that as
a user's error, and ``EscapingWriter.discard`` makes sure nothing tries to flush it again at exit.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
from collections.abc import Iterator
from typing import TextIO

from journeymapper.errors import JourneyMapError

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class OutputError(JourneyMapError):
    """Standard output cannot be written."""


def escaped(text: str) -> str:
    """``text`` with its control characters, but for tab and line feed, written as ``\\u00XX``."""
    return _CONTROL.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


class EscapingWriter(io.TextIOBase):
    """A text stream that escapes control characters on their way to ``stream``."""

    def __init__(self, stream: TextIO, name: str) -> None:
        super().__init__()
        self._stream = stream
        self._name = name

    def write(self, text: str) -> int:
        with self._failing_as_output_error():
            self._stream.write(escaped(text))
        return len(text)

    def flush(self) -> None:
        with self._failing_as_output_error():
            self._stream.flush()

    def write_bytes(self, data: bytes) -> None:
        """Write binary data (a PDF) as it is, after any text written before it."""
        with self._failing_as_output_error():
            self._stream.flush()
            self._stream.buffer.write(data)
            self._stream.buffer.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def settle(self) -> None:
        """Flush what can still be written; discard it if it cannot."""
        try:
            self._stream.flush()
        except OSError:
            self.discard()

    def discard(self) -> None:
        """Point the stream's file at the null device, so that what could not be written is not
        tried again (with a traceback) when the interpreter flushes it at exit."""
        with contextlib.suppress(OSError, ValueError):  # a stream with no file (a test's capture) has nothing to flush
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, self._stream.fileno())
            os.close(null)

    @contextlib.contextmanager
    def _failing_as_output_error(self) -> Iterator[None]:
        try:
            yield
        except BrokenPipeError:
            raise  # the reader went away: the caller stops quietly
        except OSError as error:
            raise OutputError(f"cannot write to {self._name}: {error.strerror or error}") from None


@contextlib.contextmanager
def escaping() -> Iterator[EscapingWriter]:
    """Standard output and standard error escaped for the time of the block; yields the output."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")  # text the terminal's encoding lacks must not end the command
    output = EscapingWriter(sys.stdout, "standard output")
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(EscapingWriter(sys.stderr, "standard error")):
        yield output
