"""What Mermaid does to a diagram's text before its parser sees it, as far as a journey cares.

- YAML front matter between ``---`` lines at the top is taken off, and its ``title:`` read with a
  YAML library as Mermaid reads it (js-yaml with its JSON schema): quotes, ``'It''s'``, escapes and
  a trailing ``# comment`` mean what YAML says. A front matter YAML cannot read stops Mermaid, so it
  is refused with its line.
- Directives, ``%%{`` a word ... ``}%%``, are cut out wherever they stand, even in the middle of a
  line or across lines, before any comment is looked for: a task after one on its line stays a
  task, and a section name around one loses it. An unclosed directive runs to the end of the text.

Lines keep their numbers from the file, so that errors name the line a person sees.
"""

from __future__ import annotations

import bisect
import math
import re

import yaml

from journeymapper.errors import JourneyMapError

Row = tuple[int, str]  # a line number (from 1) and the line's text

# Mermaid's directive, as its preprocessing removes it: "%%{", a word (and a colon), then a word,
# or anything up to the first "}%%" (across lines, or to the end when there is none).
_DIRECTIVE = re.compile(r"%%\{\s*(?:\w+\s*:|\w+)\s*(?:\w+|(?:(?!\}%%).|\r?\n)*)?\s*(?:\}%%)?", re.ASCII)


class _CoreSchemaLoader(yaml.SafeLoader):
    """YAML 1.2's scalars, as js-yaml reads them: ``yes``, ``on`` and ``no`` stay text (PyYAML's
    YAML 1.1 would make them booleans and turn a title "No" into False)."""


_CoreSchemaLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_CoreSchemaLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def split_front_matter(rows: list[Row]) -> tuple[list[Row], list[Row]]:
    """The front matter's rows (between ``---`` lines at the top) and the diagram's."""
    start = next((position for position, (_, line) in enumerate(rows) if line.strip()), 0)
    if start >= len(rows) or rows[start][1].strip() != "---":
        return [], rows
    end = next((position for position in range(start + 1, len(rows)) if rows[position][1].strip() == "---"), len(rows))
    return rows[start + 1 : end], rows[end + 1 :]


def front_matter_title(matter: list[Row], source: str) -> str:
    """The front matter's ``title:``, "" when it has none; a front matter YAML cannot read is refused."""
    try:
        data = yaml.load("\n".join(line for _, line in matter), Loader=_CoreSchemaLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {matter[min(mark.line, len(matter) - 1)][0]}: " if mark is not None and matter else ""
        problem = getattr(error, "problem", None) or "not YAML"
        raise JourneyMapError(f"{source}: {where}front matter is not valid YAML: {problem}") from None
    return _as_javascript_text(data.get("title") if isinstance(data, dict) else None)


def _as_javascript_text(value: object) -> str:
    """A title as Mermaid keeps it: only a truthy value, as JavaScript's toString() writes it."""
    if isinstance(value, bool):
        return "true" if value else ""
    if isinstance(value, int | float):
        if not value or math.isnan(value):
            return ""
        return str(int(value)) if float(value).is_integer() and abs(value) < 1e21 else repr(value)
    return value if isinstance(value, str) else ""


def without_directives(rows: list[Row]) -> list[Row]:
    """The rows with every directive cut out, as Mermaid cuts them; each row keeps the number of
    the line its first character came from."""
    text = "\n".join(line for _, line in rows)
    if "%%{" not in text:
        return rows
    breaks = [offset for offset, char in enumerate(text) if char == "\n"]
    kept: list[str] = []
    starts = [0]  # where, in ``text``, each line of the result begins
    position = 0
    for match in [*_DIRECTIVE.finditer(text), None]:
        end = len(text) if match is None else match.start()
        piece = text[position:end]
        starts += [position + offset + 1 for offset, char in enumerate(piece) if char == "\n"]
        kept.append(piece)
        if match is not None:
            position = match.end()
    lines = "".join(kept).split("\n")
    return [(rows[bisect.bisect_left(breaks, start)][0], line) for start, line in zip(starts, lines)]
