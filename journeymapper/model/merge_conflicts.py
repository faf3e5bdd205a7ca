"""What a three-way merge compares, and the conflicts it records (``merge`` does the merging).

Each conflict keeps both sides' values as JSON and a line that names them in the map's words:
"Card 'Kickoff call': emotion: ours +1, theirs -1". A conflict found twice (the same field of the
same object) is recorded once: its id is made from what it is about (``conflicts.conflict_id``).
"""

from __future__ import annotations

from pydantic import JsonValue

from journeymapper.model.conflicts import conflict_id, find_item
from journeymapper.model.diff import dumped, place_of
from journeymapper.model.document import JourneyDocument
from journeymapper.model.schema import Conflict, ConflictEntity, Connection, Lane, Persona, Stage, Touchpoint
from journeymapper.model.wording import cell_name, connection_name, field_name, label, quoted, value_text

Fields = dict[str, JsonValue]
COLLECTIONS = ("personas", "stages", "lanes", "touchpoints", "connections", "conflicts")
MAP_FIELDS = ("id", "title", "kind", "description", "author")
_WORDS = {"persona": "Persona", "stage": "Stage", "lane": "Lane", "touchpoint": "Card", "connection": "Connection"}


class Version:
    """One version of the map as a merge compares it: each object as JSON, by id, in order. A
    card's index is left out: the order of a cell merges as an order, not as numbers."""

    def __init__(self, document: JourneyDocument) -> None:
        self.document = document
        content = document.to_file()
        self.info: Fields = content.model_dump(mode="json", include=set(MAP_FIELDS))
        self.items: dict[str, dict[str, Fields]] = {
            name: {item.id: item.model_dump(mode="json", exclude={"index"}) for item in getattr(content, name)}
            for name in COLLECTIONS
        }
        self.cells: dict[tuple[str, str], list[str]] = {}
        for card in document.touchpoints():
            self.cells.setdefault((card.stage, card.lane), []).append(card.id)

    def order(self, name: str) -> list[str]:
        return list(self.items[name])


class ConflictLog:
    """The conflicts of one merge, by id, in the order they were found."""

    def __init__(self, base: Version, ours: Version, theirs: Version) -> None:
        self.base, self.ours, self.theirs = base, ours, theirs
        self.records: dict[str, Conflict] = {}

    def field(
        self, entity: ConflictEntity, item_id: str, field: str, ours: JsonValue, theirs: JsonValue, note: str = ""
    ) -> None:
        """Both sides changed a field differently; ``note`` says why, where it is not plain."""
        values = (
            f"ours {value_text(field, ours, self.ours.document)}, "
            f"theirs {value_text(field, theirs, self.theirs.document)}{note}"
        )
        self._record(
            entity, item_id, field, ours, theirs, f"{self.subject(entity, item_id)}: {field_name(field)}: {values}"
        )

    def removed_and_changed(
        self, entity: ConflictEntity, item_id: str, base: Fields, changed: Fields, by_ours: bool
    ) -> None:
        """One side removed an object that the other side changed (into ``changed``); ``by_ours``
        says that OURS removed it."""
        changer = self.theirs if by_ours else self.ours
        remover, editor = ("ours", "theirs") if by_ours else ("theirs", "ours")
        edits = _edits(base, changed, changer.document)
        text = f"{self.subject(entity, item_id)}: {remover} removed it; {editor} changed {edits}"
        whole = self._whole(changer, entity, item_id)
        ours, theirs = (None, whole) if by_ours else (whole, None)
        self._record(entity, item_id, "", ours, theirs, text)

    def kept_for_ours(self, entity: ConflictEntity, item_id: str, reason: str) -> None:
        """THEIRS removed an object that OURS still uses, so it stays."""
        text = f"{self.subject(entity, item_id)}: theirs removed it; {reason}"
        self._record(entity, item_id, "", self._whole(self.ours, entity, item_id), None, text)

    def removed_by_ours(self, entity: ConflictEntity, item_id: str) -> None:
        """OURS removed an object that THEIRS still uses: THEIRS' version waits here."""
        theirs = self._whole(self.theirs, entity, item_id)
        if theirs is not None:
            text = f"{self.subject(entity, item_id)}: ours removed it; theirs still uses it"
            self._record(entity, item_id, "", None, theirs, text)

    def left_out(self, entity: ConflictEntity, item_id: str, merged: Fields, reason: str) -> None:
        """THEIRS added an object that does not fit the merged map."""
        theirs = self._whole(self.theirs, entity, item_id) or merged
        self._record(
            entity, item_id, "", None, theirs, f"{self.subject(entity, item_id)}: theirs added it, but {reason}"
        )

    def place(self, card_id: str, stage: str, lane: str, index: int) -> None:
        """Both sides moved a card, to different places; OURS' place is ``stage``, ``lane``, ``index``."""
        card = find_item(self.theirs.document, "touchpoint", card_id)
        if not isinstance(card, Touchpoint):
            return
        ours_text = _place_text(self.ours.document, stage, lane, index)
        theirs_text = _place_text(self.theirs.document, card.stage, card.lane, card.index)
        text = f"{self.subject('touchpoint', card_id)}: place: ours {ours_text}, theirs {theirs_text}"
        ours: Fields = {"stage": stage, "lane": lane, "index": index}
        self._record("touchpoint", card_id, "place", ours, place_of(card), text)

    def position(self, entity: ConflictEntity, item_id: str, ours: int, theirs: int) -> None:
        """Both sides moved a stage or lane, to different places."""
        text = f"{self.subject(entity, item_id)}: position: ours {ours + 1}, theirs {theirs + 1}"
        self._record(entity, item_id, "position", ours, theirs, text)

    def subject(self, entity: ConflictEntity, item_id: str) -> str:
        """An object as a conflict's line names it: ``Card 'Kickoff call'``."""
        return "Map" if entity == "map" else f"{_WORDS[entity]} {self.label(entity, item_id)}"

    def label(self, entity: ConflictEntity, item_id: str) -> str:
        """An object's name or title, from the first version that has it; its id if none has."""
        for version in (self.ours, self.theirs, self.base):
            item = find_item(version.document, entity, item_id)
            if isinstance(item, Connection):
                return connection_name(version.document, item)
            if isinstance(item, Persona | Stage | Lane | Touchpoint):
                return label(item)
        return quoted(item_id)

    def _record(
        self, entity: ConflictEntity, item_id: str, field: str, ours: JsonValue, theirs: JsonValue, text: str
    ) -> None:
        key = conflict_id(entity, item_id, field)
        self.records[key] = Conflict(
            id=key, entity=entity, entity_id=item_id, field=field, ours=ours, theirs=theirs, text=text
        )

    @staticmethod
    def _whole(version: Version, entity: ConflictEntity, item_id: str) -> JsonValue:
        """An object as ``version``'s file holds it, index and all."""
        item = find_item(version.document, entity, item_id)
        return None if item is None else dumped(item)


def _edits(base: Fields, changed: Fields, document: JourneyDocument) -> str:
    """What one side changed in an object, with the new values: ``emotion to +2, place to ...``."""
    edits = [
        f"{field_name(field)} to {value_text(field, value, document)}"
        for field, value in changed.items()
        if field not in ("stage", "lane") and base.get(field) != value
    ]
    if (base.get("stage"), base.get("lane")) != (changed.get("stage"), changed.get("lane")):
        edits.append(f"place to {cell_name(document, str(changed['stage']), str(changed['lane']))}")
    return ", ".join(edits)


def _place_text(document: JourneyDocument, stage: str, lane: str, index: int) -> str:
    return f"{cell_name(document, stage, lane)} at {index + 1}"
