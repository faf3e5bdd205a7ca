"""Cards as a spreadsheet table, out and in: one row per card, for Excel, LibreOffice and analytics.

Writing (``dumps_csv``) gives a row per card, stage by stage, lane by lane, in cell order, with the
columns ``csv_table.COLUMNS``: the card's id; its stage and lane by name; its index in the cell;
title, description, channel; emotion (-2 to 2, or empty); personas by name; pain points,
opportunities, metrics and tags. Lists and metrics are written as ``csv_cells`` says, and every
text cell is guarded against formulas. Connections, links, lane kinds and colours, and stages,
lanes and personas with no card have no place in a table of cards and are left out.

Reading builds a new map from a table (``load_csv``) or applies one to a map (``update_from_csv``);
``csv_table`` says what a table may look like and ``csv_apply`` what its rows do. An error names
the file, the row and the column (``cards.csv: row 7, column "emotion": must be a whole number
from -2 to 2, found 'very sad'``), and nothing is built.

So writing a map and reading the table back gives the same cards (ids, cells, order and fields),
and applying it to the map it came from changes nothing.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from journeymapper.counting import counted
from journeymapper.formats.csv_apply import apply_table
from journeymapper.formats.csv_cells import format_metrics, guard, join_list
from journeymapper.formats.csv_table import read_table, write_table
from journeymapper.formats.files import decode_utf8, read_limited
from journeymapper.model.document import JourneyDocument
from journeymapper.model.schema import MapKind, Touchpoint
from journeymapper.model.templates import new_map_id

UNTITLED_JOURNEY = "Untitled journey"
_UTF8_ONLY = "tables must be UTF-8: in Excel, save as 'CSV UTF-8'"


def dumps_csv(document: JourneyDocument, delimiter: str = ",") -> bytes:
    """The map's cards as CSV bytes (UTF-8 with a byte-order mark), a row per card."""
    return write_table((_cells(document, card) for card in document.touchpoints()), delimiter)


def _cells(document: JourneyDocument, card: Touchpoint) -> list[str]:
    personas = (document.personas[persona_id].name for persona_id in card.personas)
    texts = (
        document.stages[card.stage].name,
        document.lanes[card.lane].name,
        card.title,
        card.description,
        card.channel,
        join_list(personas),
        join_list(card.pain_points),
        join_list(card.opportunities),
        format_metrics(card.metrics),
        join_list(card.tags),
    )
    stage, lane, title, description, channel, *lists = (guard(text) for text in texts)
    emotion = "" if card.emotion is None else str(card.emotion)  # numbers: a spreadsheet reads -1 as one
    return [card.id, stage, lane, str(card.index), title, description, channel, emotion, *lists]


def load_csv(path: str | os.PathLike[str], kind: MapKind | str = MapKind.CUSTOMER, title: str = "") -> JourneyDocument:
    """A new map of ``kind`` from a card table; its title is ``title`` or made from the file's name."""
    return loads_csv(_read_text(Path(path)), str(path), kind, title or title_from_name(Path(path)))


def loads_csv(
    text: str, source: str = "<csv>", kind: MapKind | str = MapKind.CUSTOMER, title: str = UNTITLED_JOURNEY
) -> JourneyDocument:
    """A new map from the text of a card table; ``source`` names it in errors."""
    empty = JourneyDocument(new_map_id(title, "journey"), title, kind)
    return apply_table(empty, read_table(text, source), update=False)


def update_from_csv(document: JourneyDocument, path: str | os.PathLike[str]) -> JourneyDocument:
    """``document`` with the table's rows applied, as a new document; ``document`` is not changed."""
    return update_from_text(document, _read_text(Path(path)), str(path))


def update_from_text(document: JourneyDocument, text: str, source: str = "<csv>") -> JourneyDocument:
    return apply_table(document, read_table(text, source), update=True)


def update_summary(before: JourneyDocument, after: JourneyDocument) -> str:
    """What applying a table did, in words: "3 touchpoints changed, 1 added; 1 new stage"."""
    added = [card for card in after.touchpoints() if not before.has_touchpoint(card.id)]
    # A card that only shifted in its cell, because another came or went, is not counted.
    changed = sum(
        before.has_touchpoint(card.id) and before.touchpoint(card.id).model_copy(update={"index": card.index}) != card
        for card in after.touchpoints()
    )
    if not added and not changed:
        return "no changes" if before == after else "cards reordered in their cells"
    new = [
        counted(len(getattr(after, kind)) - len(getattr(before, kind)), f"new {kind[:-1]}")
        for kind in ("stages", "lanes", "personas")
        if len(getattr(after, kind)) > len(getattr(before, kind))
    ]
    cards = f"{counted(changed, 'touchpoint')} changed, {len(added)} added"
    return "; ".join([cards, *new])


def title_from_name(path: Path) -> str:
    """A map title from a file name: "year-one_cards.csv" -> "Year one cards"."""
    words = re.sub(r"[-_\s]+", " ", path.stem).strip()
    return (words[:1].upper() + words[1:])[:500] or UNTITLED_JOURNEY


def _read_text(path: Path) -> str:
    return decode_utf8(read_limited(path), str(path), _UTF8_ONLY)
