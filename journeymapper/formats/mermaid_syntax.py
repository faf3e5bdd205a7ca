"""Mermaid ``journey`` syntax: reading a diagram's statements, and writing text that cannot break one.

The rules follow Mermaid's own grammar (``diagrams/user-journey/parser/journey.jison``) and its
preprocessing, so that what is read here is what Mermaid draws and what is written renders:

- statements are lines; leading whitespace is free; a line starting with ``%%`` is a comment (to
  Mermaid's lexer, one starting with ``%`` or ``x%%`` is too), and so is everything from a ``#`` to
  the end of a line, except an entity code such as ``#35;``;
- ``title T``, ``section S`` and a task ``name: score`` or ``name: score: actor, actor``;
  the keywords ignore case and must start the line, which is why a task named "Title deed" has to be
  written ``#84;itle deed``;
- ``accTitle: T``, ``accDescr: D`` and ``accDescr { ... }`` (which may span lines) take the rest of
  the line as it is: no comment, no separator ends them;
- ``;`` is not allowed anywhere else, and ``:`` not in a section name;
- Mermaid hides ``#NN;`` (a decimal code point) and ``#name;`` (an HTML entity name) from its
  parser and shows them as the characters: the way to write ``#``, ``;``, ``:`` or ``,`` in a name.

- the diagram must open with ``journey`` in lower case: Mermaid's detector is case-sensitive
  (``Journey`` is no journey to it), though its lexer is not; a statement may follow on the same
  line (``journey title X``);
- a task's score is read as JavaScript's ``Number()`` reads it, as Mermaid does: ``05``, ``+5`` and
  ``5.0`` are 5;
- an entity code Mermaid shows as HTML does: ``#65;`` as its character, ``#name;`` as the named
  character, and an unknown name as it stands in HTML, ``&name;``.

A Markdown file is read through its first fenced ``mermaid`` block that opens with ``journey``;
front matter and directives are handled as Mermaid handles them (``mermaid_text``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from journeymapper.errors import JourneyMapError
from journeymapper.formats.js_number import js_number
from journeymapper.formats.mermaid_text import Row, front_matter_title, split_front_matter, without_directives

FIRST_STAGE = "Steps"  # the stage of the tasks before any section; Mermaid draws them unheaded

_ENTITY = re.compile(r"#(\w+);", re.ASCII)
_COMMENT = re.compile(r"#(?!\w+;)", re.ASCII)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_KEYWORD = re.compile(r"(title|section)(?:\s+|$)", re.IGNORECASE)
_ACC_LINE = re.compile(r"acc(title|descr)\s*:\s*", re.IGNORECASE)
_ACC_BLOCK = re.compile(r"accdescr\s*\{", re.IGNORECASE)
_JOURNEY = re.compile(r"(?a:journey\b)", re.IGNORECASE)  # as Mermaid's lexer: a word ("Journeys" is a task)
# What Mermaid would not read as a task's name at the start of its line; "%" starts a comment there.
_TASK_KEYWORD = re.compile(r"%|(?a:journey\b)|title\s|section\s|acc(title|descr)\s*([:{]|$)", re.IGNORECASE)
_UNSHOWABLE = dict.fromkeys([0, *range(0x80, 0xA0)])
_HEADER = re.compile(r"journey\b", re.ASCII)  # case-sensitive, as Mermaid's detector
SCORES = range(1, 6)
_FENCE = re.compile(r"\s*(`{3,}|~{3,})\s*([^\s`]*).*")


@dataclass
class Task:
    line: int
    name: str
    score: int
    actors: tuple[str, ...]


@dataclass
class Section:
    line: int
    name: str
    tasks: list[Task] = field(default_factory=list)


@dataclass
class Journey:
    """A parsed diagram: its title (from ``title``, else front matter, else ``accTitle``),
    ``accDescr`` and its sections in order, each with its tasks in order."""

    title: str = ""
    description: str = ""
    sections: list[Section] = field(default_factory=list)


def parse_journey(text: str, source: str) -> Journey:
    """Read a Mermaid journey, or a Markdown text holding one; errors say ``source: line N: what``."""
    if not text.strip():
        raise JourneyMapError(f"{source}: empty: expected a Mermaid journey diagram")
    rows = list(enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1))
    blocks = _mermaid_blocks(rows)
    if blocks:
        journeys = [block for block in blocks if _opens_journey(block)]
        if not journeys:
            raise JourneyMapError(f"{source}: none of its mermaid blocks is a journey diagram")
        rows = journeys[0]
    matter, rows = split_front_matter(rows)
    title = front_matter_title(matter, source)
    reader = _Reader(source)
    for number, line in _after_header(without_directives(rows), source):
        reader.feed(number, line)
    return reader.finish(title)


def decode(text: str) -> str:
    """Text as Mermaid shows it, stripped: entity codes as their characters, a ``<br>`` as a space."""
    # Breaks first: Mermaid turns entity codes into characters only after drawing, so a coded "<br>" stays text.
    return _ENTITY.sub(_character, _BREAK.sub(" ", text)).strip()


def encode(text: str, separators: str = "") -> str:
    """``text`` on one line (whitespace collapsed), with ``#``, ``;``, ``<``, the ``separators`` and
    control characters written as entity codes, and ``%%`` broken, so that it can end neither the
    statement nor the line. ``<`` is coded so that a ``<br>`` in a name comes back as written rather
    than as a space; a control character, so that the diagram cannot drive a terminal it is shown in.
    NUL and the C1 controls, which Mermaid cannot show (``#0;`` draws as a replacement character,
    and HTML reads ``#155;`` as "›"), are left out."""
    coded = "".join(
        f"#{ord(char)};" if char in "#;<" + separators or _is_control(char) else char
        for char in " ".join(text.translate(_UNSHOWABLE).split())
    )
    return coded.replace("%%", "%#37;")


def _is_control(char: str) -> bool:
    return char < " " or char == "\x7f"


def task_name(text: str) -> str:
    """A task name that Mermaid cannot read as a keyword: a leading keyword's first letter is coded."""
    name = encode(text, ":")
    return f"#{ord(name[0])};{name[1:]}" if _TASK_KEYWORD.match(name) else name


def _character(match: re.Match[str]) -> str:
    """Mermaid hands ``#65;`` and ``#name;`` to the browser as ``&#65;`` and ``&name;``: what HTML
    shows for those (an unknown name as it stands, a code point out of range as U+FFFD)."""
    code = match.group(1)
    if not code.isdigit():
        return html.unescape(f"&{code};")
    digits = code.lstrip("0") or "0"
    number = int(digits) if len(digits) < 8 else -1  # a longer one is no code point, and int() of it is slow
    if number <= 0 or number >= 0x110000 or 0xD800 <= number < 0xE000:
        return "\ufffd"
    if 0x80 <= number <= 0x9F:  # HTML reads these as windows-1252 where it has a character, as browsers do
        return bytes([number]).decode("cp1252", errors="ignore") or chr(number)
    return chr(number)


def _code(line: str) -> str:
    """A line without its comment, stripped: empty for a blank or comment line. Mermaid's lexer
    takes a statement starting with ``%``, or with ``%%`` after its first character, as a comment."""
    line = line.strip()
    if line.startswith("%") or (line[1:3] == "%%" and line[0] != "}"):
        return ""
    return _COMMENT.split(line, 1)[0].rstrip()


def _mermaid_blocks(rows: list[Row]) -> list[list[Row]]:
    """The bodies of a Markdown text's fenced ``mermaid`` blocks, in order; an unclosed fence runs
    to the end, as in Markdown. Other fenced blocks are passed over, with any fence inside them."""
    blocks: list[list[Row]] = []
    fence, body = "", list[Row]()
    for number, line in rows:
        if not fence:
            if match := _FENCE.fullmatch(line):
                fence, body = match.group(1), []
                if match.group(2).lower() == "mermaid":
                    blocks.append(body)
        elif re.fullmatch(rf"\s*{fence[0]}{{{len(fence)},}}\s*", line):
            fence = ""
        else:
            body.append((number, line))
    return blocks


def _opens_journey(block: list[Row]) -> bool:
    _, rows = split_front_matter(block)
    return bool(_HEADER.match(next((code for _, line in without_directives(rows) if (code := _code(line))), "")))


def _after_header(rows: list[Row], source: str) -> list[Row]:
    """The rows after ``journey``, which must open the first statement; what follows it on its line
    is the first of them."""
    for position, (number, line) in enumerate(rows):
        if code := _code(line):
            if not _HEADER.match(code):
                found = f"expected 'journey' first, found {code[:60]!r}"
                if code.lower().startswith("journey"):
                    found += " (Mermaid knows a journey only by 'journey' in lower case)"
                raise JourneyMapError(f"{source}: line {number}: not a Mermaid journey: {found}")
            return [(number, line.strip()[len("journey") :]), *rows[position + 1 :]]
    raise JourneyMapError(f"{source}: not a Mermaid journey: no 'journey' line")


class _Reader:
    """Reads the statements after ``journey``, one line at a time."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.journey = Journey()
        self.acc_title = ""
        self.block: list[str] | None = None  # the lines of an open ``accDescr {``
        self.block_line = 0

    def error(self, number: int, what: str) -> JourneyMapError:
        return JourneyMapError(f"{self.source}: line {number}: {what}")

    def finish(self, front_title: str) -> Journey:
        if self.block is not None:
            raise self.error(self.block_line, "'accDescr {' is not closed by '}'")
        self.journey.title = self.journey.title or decode(front_title) or self.acc_title
        return self.journey

    def feed(self, number: int, line: str) -> None:
        if self.block is not None:
            text, brace, line = line.partition("}")
            self.block.append(text)
            if not brace:
                return
            self.journey.description = decode(re.sub(r"\n\s+", "\n", "\n".join(self.block)))
            self.block = None
        statement = line.strip()
        if match := _ACC_LINE.match(statement):
            self._accessible(number, match, decode(statement[match.end() :]))
        elif match := _ACC_BLOCK.match(statement):
            self.block, self.block_line = [], number
            self.feed(number, statement[match.end() :])
        elif code := _code(statement):
            self._statement(number, code, cut=code != statement)

    def _accessible(self, number: int, match: re.Match[str], value: str) -> None:
        if not value:
            raise self.error(number, f"{match.group(0).strip()!r} needs text after it")
        if match.group(1).lower() == "title":
            self.acc_title = value
        else:
            self.journey.description = value

    def _statement(self, number: int, code: str, cut: bool) -> None:
        if ";" in _ENTITY.sub("", code):
            raise self.error(number, "';' is not allowed in a journey (write #59; for a semicolon)")
        if _JOURNEY.match(code):
            raise self.error(
                number,
                f"a statement cannot start with {code[:7]!r}: Mermaid reads it as the diagram's "
                f"keyword (write #{ord(code[0])}; for the {code[0]!r})",
            )
        if match := _KEYWORD.match(code):
            self._keyword(number, match.group(1).lower(), code[match.end() :].strip())
        else:
            self._task(number, code, cut)

    def _keyword(self, number: int, keyword: str, text: str) -> None:
        if not text:
            raise self.error(number, f"'{keyword}' needs text after it")
        if keyword == "title":
            self.journey.title = decode(text)
        elif ":" in text:
            raise self.error(number, "a section name cannot contain ':' (write #58; for a colon)")
        else:
            self.journey.sections.append(Section(number, decode(text)))

    def _task(self, number: int, code: str, cut: bool) -> None:
        name, colon, data = code.partition(":")
        if not colon:
            hint = " (the text after '#' is a comment: write #35; for a '#')" if cut else ""
            found = f"found {code[:60]!r}{hint}"
            raise self.error(number, f"expected a task 'name: score' or 'name: score: actors', {found}")
        if not name.strip():
            raise self.error(number, "a task needs a name before ':'")
        score, _, actors = data.partition(":")
        if ":" in actors:
            raise self.error(number, "too many ':' in a task 'name: score: actors' (write #58; for a colon)")
        value = js_number(score)  # as Mermaid reads it; Mermaid draws any number, a map holds five steps
        if value not in SCORES:
            raise self.error(number, f"a task's score must be a whole number from 1 to 5, found {score.strip()[:20]!r}")
        names = dict.fromkeys(decode(actor) for actor in actors.split(","))
        task = Task(number, decode(name), int(value), tuple(actor for actor in names if actor))
        if not self.journey.sections:
            self.journey.sections.append(Section(number, FIRST_STAGE))
        self.journey.sections[-1].tasks.append(task)
