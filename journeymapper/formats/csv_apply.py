"""A card table applied to a map: the cards it adds and the fields it replaces.

A new map (``from-csv``) is a table applied to an empty map; ``from-csv --update`` applies one to
an existing map. Every row is checked before the result is built, and the result is a new
document: the map given is never changed, so a bad row leaves nothing half-done.

- **Cards.** A row whose ``id`` is a card of the map replaces that card's fields for the columns
  the table has: a column it has not got is left as it is, and an empty cell clears its field (no
  text, no emotion, no items), but for ``stage``, ``lane``, ``title`` and ``index``, which a card
  is never without: left empty, they leave the card's as they are. Any other row is a new card,
  which needs a stage, a lane and a title; its id is the one given, or a readable one made from
  its title (``tp-kickoff-call``). A table with ids must have at least one of the map's: a table
  of another map's cards would otherwise add every one of them as new.
- **Names.** Stages, lanes and personas are given by name, as a person types them, and a name is
  the map's stage (lane, persona) of that name, whatever its case or spacing. A name the map has
  not got makes a new one with a readable id (``stage-onboarding``, ``lane-support``,
  ``persona-priya-nair``): new stages and lanes after the map's own, in the order the rows give
  them (``csv_order.appearance_order``), new personas in order of first appearance. When two of
  the map's stages share a name, a card already in one of them stays there; another row naming it
  is refused, as it could mean either.
- **Places.** ``index`` is a card's position in its cell once the table is applied. The cards of
  a cell that the table gives no index keep their order, those arriving from the table without
  one follow in row order, and the indexed ones take their places among them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar

from pydantic import TypeAdapter, ValidationError

from journeymapper.errors import JourneyMapError
from journeymapper.formats.csv_cells import CellError, parse_metrics, parse_whole, split_list
from journeymapper.formats.csv_order import appearance_order, arranged
from journeymapper.formats.csv_table import Row, Table
from journeymapper.model.document import JourneyDocument
from journeymapper.model.schema import Id, Lane, Persona, Stage, Touchpoint
from journeymapper.model.templates import readable_id

NEW_CARD_COLUMNS = ("stage", "lane", "title")
_LIST_FIELDS = ("pain_points", "opportunities", "tags")
_ID = TypeAdapter(Id)
NamedT = TypeVar("NamedT", Stage, Lane, Persona)
ValueT = TypeVar("ValueT")
Cell = tuple[str, str]


def apply_table(document: JourneyDocument, table: Table, update: bool) -> JourneyDocument:
    """``document`` with ``table`` applied (see the module's docstring); ``document`` stays as it
    was. ``update`` False reads every row as a new card (``document`` is then a new, empty map)."""
    _require_columns(table, update)
    ids = _row_ids(document, table, update)
    builder = _Builder(document, table, set(ids.values()))
    for row in table.rows:
        builder.add(row, ids[row.number])
    return builder.result()


def _require_columns(table: Table, update: bool) -> None:
    if update and "id" in table.headers:
        return  # which rows are new cards, and need the columns, is known row by row
    if missing := [column for column in NEW_CARD_COLUMNS if column not in table.headers]:
        reason = "without an id column every row is a new card, which needs" if update else "the table needs"
        raise JourneyMapError(
            f'{table.source}: {reason} the columns stage, lane and title; it has no "{missing[0]}" column'
        )
    if not update and not table.rows:
        raise JourneyMapError(f"{table.source}: the table has a header but no cards")


def _row_ids(document: JourneyDocument, table: Table, update: bool) -> dict[int, str]:
    """Each row's card id, checked: one of the map's cards, a new one, or "" to be made."""
    others = {item: kind for kind in ("stage", "lane", "persona") for item in getattr(document, f"{kind}s")}
    others |= {connection.id: "connection" for connection in document.connections()}
    seen: dict[str, int] = {}
    for row in table.rows:
        card_id = row.cells.get("id", "").strip()
        if card_id:
            _check_id(table, row, card_id, seen, others)
            seen[card_id] = row.number
    if update and seen and not any(document.has_touchpoint(card_id) for card_id in seen):
        raise JourneyMapError(
            f"{table.source}: none of its ids is a card of the map {document.id!r}: is it another map's "
            "table? A new card needs no id"
        )
    return {row.number: row.cells.get("id", "").strip() for row in table.rows}


def _check_id(table: Table, row: Row, card_id: str, seen: dict[str, int], others: dict[str, str]) -> None:
    try:
        _ID.validate_python(card_id)
    except ValidationError:
        message = "must be letters, digits and _ . : - (at most 128, the first a letter or digit)"
        raise table.error(row, "id", f"{message}, found {card_id[:40]!r}") from None
    if card_id in seen:
        raise table.error(row, "id", f"{card_id!r} is the id of the card on row {seen[card_id]} too")
    if card_id in others:
        raise table.error(row, "id", f"{card_id!r} is the id of a {others[card_id]} of the map, not of a card")


class _Names(Generic[NamedT]):
    """The map's stages (or lanes, or personas) by name, and the new ones that rows name."""

    def __init__(self, model: type[NamedT], prefix: str, existing: Iterable[NamedT], taken: set[str]) -> None:
        self._model: type[NamedT] = model
        self._prefix = prefix
        self._taken = taken
        self._ids: dict[str, list[str]] = {}
        self._names: dict[str, str] = {}
        for item in existing:
            self._remember(item.id, item.name)
        self.new: dict[str, NamedT] = {}

    def _remember(self, item_id: str, name: str) -> None:
        key = _key(name)
        self._ids.setdefault(key, []).append(item_id)
        self._names[item_id] = key

    def resolve(self, name: str, own: Sequence[str] = ()) -> str:
        """The id for ``name``: one of ``own`` (the card's) by that name first, else the only one of
        the map by that name, else a new one; raises ``CellError`` if there is none or several."""
        key = _key(name)
        if mine := next((item_id for item_id in own if self._names[item_id] == key), None):
            return mine
        found = self._ids.get(key, [])
        if len(found) > 1:
            raise CellError(f"{len(found)} {self._prefix}s of the map are named {name.strip()!r}: rename one first")
        if found:
            return found[0]
        if not key:
            raise CellError(f"a {self._prefix}'s name cannot be blank")
        return self._make(name.strip())  # as the editor keeps names: without spaces around them

    def _make(self, name: str) -> str:
        try:
            item = self._model(id=readable_id(self._prefix, name, self._taken), name=name)
        except ValidationError as error:
            raise CellError(_problem(error)) from None
        self._remember(item.id, name)
        self.new[item.id] = item
        return item.id


class _Builder:
    """The rows, one by one, into the cards, stages, lanes and personas of the result."""

    def __init__(self, document: JourneyDocument, table: Table, row_ids: set[str]) -> None:
        self._document = document
        self._table = table
        taken = {*document.stages, *document.lanes, *document.personas, *document.graph}
        taken |= {connection.id for connection in document.connections()} | row_ids
        self._taken = taken
        self.stages = _Names(Stage, "stage", document.stages.values(), taken)
        self.lanes = _Names(Lane, "lane", document.lanes.values(), taken)
        self.personas = _Names(Persona, "persona", document.personas.values(), taken)
        self._cards = {card.id: card for card in document.touchpoints()}
        self._from_table: list[str] = []  # the cards the rows name, in row order
        self._explicit: dict[str, tuple[int, int]] = {}  # card id: (index, row)

    def add(self, row: Row, card_id: str) -> None:
        current = self._cards.get(card_id) if card_id else None
        if current is None:
            self._require_new_card_cells(row, card_id)
            card_id = card_id or readable_id("tp", row.cells["title"], self._taken)
        fields: dict[str, Any] = current.model_dump() if current else {"id": card_id}
        fields |= self._content(row, current)
        for column in ("stage", "lane"):
            fields[column] = self._place(row, column, current)
        if index := row.cells.get("index", "").strip():
            self._explicit[card_id] = (self._cell(row, "index", lambda: parse_whole(index, 0, None)), row.number)
        try:
            self._cards[card_id] = Touchpoint.model_validate(fields)
        except ValidationError as error:
            field = str(error.errors(include_url=False)[0]["loc"][0]).replace("_", " ")
            raise self._table.error(row, field if field in self._table.headers else None, _problem(error)) from None
        self._from_table.append(card_id)

    def _require_new_card_cells(self, row: Row, card_id: str) -> None:
        if missing := [column for column in NEW_CARD_COLUMNS if column not in self._table.headers]:
            what = f"{card_id!r} is no card of the map, and a new card" if card_id else "a new card"
            raise self._table.error(
                row, None, f'{what} needs the columns stage, lane and title; there is no "{missing[0]}" column'
            )
        for column in NEW_CARD_COLUMNS:
            if not row.cells[column].strip():
                raise self._table.error(row, column, f"a new card needs a {column}")

    def _content(self, row: Row, current: Touchpoint | None) -> dict[str, Any]:
        """The card's fields that the row's cells give, parsed."""
        cells, changes = row.cells, dict[str, Any]()
        if cells.get("title", "").strip():  # a card is never without one: a blank title leaves it as it is
            changes["title"] = cells["title"]
        for field in ("description", "channel"):
            if field in cells:
                changes[field] = cells[field]
        for field in _LIST_FIELDS:
            if (column := field.replace("_", " ")) in cells:
                changes[field] = tuple(split_list(cells[column]))
        if "emotion" in cells:
            emotion = cells["emotion"].strip()
            changes["emotion"] = self._cell(row, "emotion", lambda: parse_whole(emotion, -2, 2)) if emotion else None
        if "metrics" in cells:
            metrics = self._cell(row, "metrics", lambda: parse_metrics(cells["metrics"]))
            changes["metrics"] = {name: {"value": value, "unit": unit} for name, (value, unit) in metrics.items()}
        if "personas" in cells:
            own = current.personas if current else ()
            changes["personas"] = self._cell(row, "personas", lambda: self._persona_ids(cells["personas"], own))
        return changes

    def _persona_ids(self, cell: str, own: Sequence[str]) -> tuple[str, ...]:
        left, chosen = list(own), []
        for name in split_list(cell):
            persona_id = self.personas.resolve(name, left)
            if persona_id in chosen:
                raise CellError(f"names the persona {name!r} twice")
            if persona_id in left:
                left.remove(persona_id)
            chosen.append(persona_id)
        return tuple(chosen)

    def _place(self, row: Row, column: str, current: Touchpoint | None) -> str:
        """The id of the stage (or lane) the row puts the card in; a card is never without one, so
        a blank cell (or none) leaves it where it is."""
        if not row.cells.get(column, "").strip():
            assert current is not None  # a new card's row has the cell (_require_new_card_cells)
            return str(getattr(current, column))
        names = self.stages if column == "stage" else self.lanes
        own = (getattr(current, column),) if current else ()
        return self._cell(row, column, lambda: names.resolve(row.cells[column], own))

    def _cell(self, row: Row, column: str, parse: Callable[[], ValueT]) -> ValueT:
        """``parse()``, with a ``CellError`` raised as an error naming the row and the column."""
        try:
            return parse()
        except CellError as error:
            raise self._table.error(row, column, str(error)) from None

    def result(self) -> JourneyDocument:
        stages = self._ordered(self.stages.new, lambda card: (card.stage, card.lane))
        lanes = self._ordered(self.lanes.new, lambda card: (card.lane, card.stage))
        file = self._document.to_file().model_copy(
            update={
                "stages": (*self._document.stages.values(), *stages),
                "lanes": (*self._document.lanes.values(), *lanes),
                "personas": (*self._document.personas.values(), *self.personas.new.values()),
                "touchpoints": self._placed_cards(),
            }
        )
        try:
            return JourneyDocument.from_file(file)
        except JourneyMapError as error:  # every row was checked: this would be journeymapper's mistake
            raise JourneyMapError(f"{self._table.source}: {error}") from None

    def _ordered(self, new: dict[str, NamedT], keys: Callable[[Touchpoint], Cell]) -> list[NamedT]:
        """The new stages (or lanes) in the order the rows give them."""
        order = appearance_order(keys(self._cards[card_id]) for card_id in self._from_table)
        return [new[item_id] for item_id in order if item_id in new]

    def _placed_cards(self) -> tuple[Touchpoint, ...]:
        """Every card, with the index of its place in its cell."""
        before = {card.id: (card.stage, card.lane) for card in self._document.touchpoints()}
        staying = [card_id for card_id, cell in before.items() if self._cell_of(card_id) == cell]
        arriving = [card_id for card_id in self._from_table if before.get(card_id) != self._cell_of(card_id)]
        explicit: dict[Cell, list[tuple[int, int, str]]] = {}
        implicit: dict[Cell, list[str]] = {}
        for card_id in staying + arriving:
            if card_id in self._explicit:
                explicit.setdefault(self._cell_of(card_id), []).append((*self._explicit[card_id], card_id))
            else:
                implicit.setdefault(self._cell_of(card_id), []).append(card_id)
        cards: list[Touchpoint] = []
        for cell in {**implicit, **explicit}:
            members = arranged(explicit.get(cell, []), implicit.get(cell, []))
            cards += [self._cards[card_id].model_copy(update={"index": index}) for index, card_id in enumerate(members)]
        return tuple(cards)

    def _cell_of(self, card_id: str) -> Cell:
        card = self._cards[card_id]
        return card.stage, card.lane


def _key(name: str) -> str:
    """What names are compared by: "Customer  success" is "customer success"."""
    return " ".join(name.split()).casefold()


def _problem(error: ValidationError) -> str:
    """The first problem pydantic found, said for a cell: which item or metric, and what."""
    first = error.errors(include_url=False)[0]
    message = first["msg"].removeprefix("Value error, ")
    if len(first["loc"]) < 2:
        return message
    part = first["loc"][1]  # a list's item or a metric's name
    return f"item {part + 1}: {message}" if isinstance(part, int) else f"{part[:40]!r}: {message}"
