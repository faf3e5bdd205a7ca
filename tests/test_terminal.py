"""What the command line prints cannot drive the terminal: control characters arrive escaped."""

from __future__ import annotations

import io
import json

from journeymapper.terminal import EscapingWriter, escaped

HOSTILE = "Q3 \x1b]0;owned\x07\x1b[2J\rreview\x9b31m\x00"


def test_control_characters_are_written_as_escapes_but_tabs_and_line_breaks_stay():
    assert escaped(HOSTILE) == "Q3 \\u001b]0;owned\\u0007\\u001b[2J\\u000dreview\\u009b31m\\u0000"
    assert escaped("a\tb\nc") == "a\tb\nc"


def test_escaped_text_inside_json_strings_is_still_the_same_json():
    printed = escaped(json.dumps({"title": HOSTILE}, ensure_ascii=False))
    assert json.loads(printed) == {"title": HOSTILE}


def test_the_writer_escapes_everything_it_passes_on():
    target = io.StringIO()
    writer = EscapingWriter(target, "standard output")
    print("title:", HOSTILE, file=writer)
    assert "\x1b" not in target.getvalue() and "\\u001b]0;owned" in target.getvalue()
